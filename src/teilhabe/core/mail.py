from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_mail(
    template: str, context: dict, to: list[str], *, language: str | None = None
) -> int:
    """Send `<template>_subject.txt` / `<template>_body.txt` in the recipient's language."""
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {**context, "SITE_URL": settings.SITE_URL}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    return send_mail(subject, body, None, to)
