"""Placeholder views; replaced by the real implementation."""

from django.http import Http404


def actor_import(request, *args, **kwargs):
    raise Http404


def actor_import_confirm(request, *args, **kwargs):
    raise Http404


def actor_export(request, *args, **kwargs):
    raise Http404
