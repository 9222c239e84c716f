"""Account actions: inviting people, who then choose their own password."""

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from teilhabe.accounts.models import User
from teilhabe.core.mail import send_templated_mail


def password_set_url(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:password_reset_confirm", args=[uid, token])


@transaction.atomic
def invite_user(
    *,
    email: str,
    full_name: str,
    role: str,
    by,
    municipality=None,
    job_title: str = "",
    preferred_language: str = "de",
) -> User:
    """Create an account without a usable password and e-mail a link to set one.

    The link is a password-reset token, valid for PASSWORD_RESET_TIMEOUT.
    """
    user = User(
        email=email.lower(),
        full_name=full_name,
        role=role,
        municipality=municipality,
        job_title=job_title,
        preferred_language=preferred_language,
    )
    user.set_unusable_password()
    user.full_clean()
    user.save()
    send_templated_mail(
        "accounts/email/invitation",
        {"user": user, "inviter": by, "path": password_set_url(user)},
        [user.email],
        language=user.preferred_language,
        caused_by=by,
    )
    return user
