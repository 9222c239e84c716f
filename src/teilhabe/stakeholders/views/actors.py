"""Placeholder views; replaced by the real implementation."""

from django.http import Http404


def actor_list(request, *args, **kwargs):
    raise Http404


def actor_create(request, *args, **kwargs):
    raise Http404


def matrix(request, *args, **kwargs):
    raise Http404


def coverage(request, *args, **kwargs):
    raise Http404


def actor_detail(request, *args, **kwargs):
    raise Http404


def actor_edit(request, *args, **kwargs):
    raise Http404


def actor_delete(request, *args, **kwargs):
    raise Http404


def actor_assess(request, *args, **kwargs):
    raise Http404


def actor_involvement(request, *args, **kwargs):
    raise Http404


def participation_add(request, *args, **kwargs):
    raise Http404


def category_list(request, *args, **kwargs):
    raise Http404


def category_edit(request, *args, **kwargs):
    raise Http404
