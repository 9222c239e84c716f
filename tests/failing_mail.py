"""E-mail backends for tests that need a mail server which does not answer.

Set `settings.EMAIL_BACKEND = "tests.failing_mail.RefusingBackend"`; switch back to
locmem to have "the server work again".
"""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend

REFUSAL = "Connection refused"


class RefusingBackend(BaseEmailBackend):
    """Like an SMTP server that is down: every send raises ConnectionRefusedError."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, REFUSAL)


class RejectingBackend(BaseEmailBackend):
    """Like a server that refuses the sender: an SMTP error with a multi-line reply."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPSenderRefused(
            550, b"5.7.1 Sender rejected\nsecond line", "noreply@teilhabe.example"
        )


class BrokenBackend(BaseEmailBackend):
    """A bug rather than the server: trying again would not help."""

    def send_messages(self, email_messages):
        raise ValueError("broken backend")


REFUSING = "tests.failing_mail.RefusingBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
