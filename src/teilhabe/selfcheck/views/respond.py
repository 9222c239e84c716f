"""Placeholder views; replaced by the real implementation."""

from django.http import Http404


def answer_as_member(request, *args, **kwargs):
    raise Http404


def respond(request, *args, **kwargs):
    raise Http404
