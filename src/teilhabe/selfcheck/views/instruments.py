"""Placeholder views; replaced by the real implementation."""

from django.http import Http404


def instrument_list(request, *args, **kwargs):
    raise Http404


def version_detail(request, *args, **kwargs):
    raise Http404


def version_succeed(request, *args, **kwargs):
    raise Http404


def version_publish(request, *args, **kwargs):
    raise Http404
