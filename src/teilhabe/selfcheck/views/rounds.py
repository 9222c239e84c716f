"""Placeholder views; replaced by the real implementation."""

from django.http import Http404


def round_list(request, *args, **kwargs):
    raise Http404


def round_create(request, *args, **kwargs):
    raise Http404


def round_detail(request, *args, **kwargs):
    raise Http404


def round_status(request, *args, **kwargs):
    raise Http404


def invitation_create(request, *args, **kwargs):
    raise Http404
