"""Account actions: inviting people, who then choose their own password."""

from datetime import datetime

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from teilhabe.accounts.emails import normalise_email
from teilhabe.accounts.models import User
from teilhabe.core.mail import send_templated_mail


def password_set_url(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:password_reset_confirm", args=[uid, token])


PROFILE_FIELDS = ("full_name", "job_title", "phone", "preferred_language")


@transaction.atomic
def update_profile(user: User, *, by: User, **fields) -> User:
    """Change a person's own profile: name, job title, phone and preferred language.

    Raises ValidationError for a value the user model refuses; other fields (role,
    municipality, e-mail address) are not the person's own to change.
    """
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not a profile field: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(user, name, value)
    # Only what the person changed is checked: an older account must not become
    # unsavable because of a field they cannot edit here.
    user.full_clean(exclude=[f.name for f in User._meta.fields if f.name not in fields])
    user.save(update_fields=list(fields))
    return user


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
    now: datetime | None = None,
) -> User:
    """Create an account (joined at `now`) without a usable password and e-mail a
    link to set one.

    The link is a password-reset token, valid for PASSWORD_RESET_TIMEOUT from the
    moment the mail is written. Raises ValidationError when the address is taken or
    role and municipality do not fit together.
    """
    user = User(
        email=normalise_email(email),
        full_name=full_name,
        role=role,
        municipality=municipality,
        job_title=job_title,
        preferred_language=preferred_language,
        date_joined=now or timezone.now(),
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
