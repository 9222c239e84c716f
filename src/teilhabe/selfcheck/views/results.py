"""Placeholder views; replaced by the real implementation."""

from django.http import Http404


def results(request, *args, **kwargs):
    raise Http404


def workshop(request, *args, **kwargs):
    raise Http404


def report_pdf(request, *args, **kwargs):
    raise Http404


def answers_xlsx(request, *args, **kwargs):
    raise Http404
