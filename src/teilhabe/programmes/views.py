"""Placeholder views; replaced by the real implementation."""

from django.http import Http404


def programme_list(request, *args, **kwargs):
    raise Http404


def programme_detail(request, *args, **kwargs):
    raise Http404


def round_create(request, *args, **kwargs):
    raise Http404


def round_detail(request, *args, **kwargs):
    raise Http404


def round_edit(request, *args, **kwargs):
    raise Http404


def municipality_list(request, *args, **kwargs):
    raise Http404


def municipality_create(request, *args, **kwargs):
    raise Http404


def municipality_detail(request, *args, **kwargs):
    raise Http404


def municipality_edit(request, *args, **kwargs):
    raise Http404


def application_list(request, *args, **kwargs):
    raise Http404


def application_create(request, *args, **kwargs):
    raise Http404


def application_detail(request, *args, **kwargs):
    raise Http404


def application_edit(request, *args, **kwargs):
    raise Http404


def application_submit(request, *args, **kwargs):
    raise Http404


def application_decide(request, *args, **kwargs):
    raise Http404
