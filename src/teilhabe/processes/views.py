"""Placeholder views; replaced by the real implementation."""

from django.http import Http404


def process_list(request, *args, **kwargs):
    raise Http404


def process_detail(request, *args, **kwargs):
    raise Http404


def process_timeline(request, *args, **kwargs):
    raise Http404


def process_log(request, *args, **kwargs):
    raise Http404


def block_add(request, *args, **kwargs):
    raise Http404


def budget(request, *args, **kwargs):
    raise Http404


def facilitators(request, *args, **kwargs):
    raise Http404


def block_detail(request, *args, **kwargs):
    raise Http404


def block_edit(request, *args, **kwargs):
    raise Http404


def block_status(request, *args, **kwargs):
    raise Http404


def block_move(request, *args, **kwargs):
    raise Http404


def document_upload(request, *args, **kwargs):
    raise Http404


def document_download(request, *args, **kwargs):
    raise Http404


def document_delete(request, *args, **kwargs):
    raise Http404


def catalogue_list(request, *args, **kwargs):
    raise Http404


def catalogue_draft(request, *args, **kwargs):
    raise Http404


def catalogue_detail(request, *args, **kwargs):
    raise Http404


def catalogue_publish(request, *args, **kwargs):
    raise Http404


def block_type_edit(request, *args, **kwargs):
    raise Http404
