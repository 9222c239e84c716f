"""Account actions: inviting people, who then choose their own password."""

from datetime import datetime

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

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


# --- Two-factor authentication ------------------------------------------------
# An authenticator app (a TOTP device) plus recovery codes (a static device whose
# tokens are used up one by one). django-otp throttles both: each wrong code doubles
# the wait before the device accepts the next one.

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def has_two_factor(user: User) -> bool:
    """Whether the person has a confirmed authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user: User) -> int:
    """How many unused recovery codes the person has."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def start_totp_setup(user: User) -> TOTPDevice:
    """The unconfirmed authenticator device shown during setup (kept until confirmed).

    Reloading the setup page shows the same secret, so a person who scanned it
    already is not left with a stale entry in their app.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def _check_code(device: Device, token: str) -> ValidationError | None:
    """Ask the device; the error to raise, if any.

    The caller raises it only after the device's throttling counter is saved: raised
    inside a transaction, the rollback would forget the failed attempt.
    """
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        return ValidationError(
            {
                "code": ValidationError(
                    _("Too many wrong codes in a row. Please wait a moment and try again."),
                    code="throttled",
                )
            }
        )
    if not device.verify_token(token):
        return _invalid_code()
    return None


def _invalid_code() -> ValidationError:
    return ValidationError(
        {
            "code": ValidationError(
                _("This code is not valid. Please enter the current code from your app."),
                code="invalid",
            )
        }
    )


def _clean_token(token: str) -> str:
    return "".join(token.split()).lower()


def confirm_totp_device(device: TOTPDevice, token: str, *, by: User) -> list[str]:
    """Switch two-factor on: confirm `device` with a current code from the app.

    Any other authenticator device of the person is removed and ten new recovery
    codes replace the old ones; they are returned to be shown once. Raises
    ValidationError (on `code`) for a wrong code or while the device is throttled.
    """
    error = _check_code(device, _clean_token(token))
    if error is not None:
        raise error
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        return make_recovery_codes(device.user, by=by)


@transaction.atomic
def make_recovery_codes(user: User, *, by: User) -> list[str]:
    """Replace the person's recovery codes with ten new ones and return them.

    They are shown once and never again; each one logs in once in place of an app code.
    """
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify_second_factor(user: User, token: str) -> Device:
    """The device that accepts `token`: a six-digit app code or an unused recovery code.

    A recovery code is used up. Raises ValidationError (on `code`) for a wrong code,
    while the device is throttled, or when the person has no second factor.
    """
    token = _clean_token(token)
    devices: list[Device]
    if token.isdigit() and len(token) == 6:
        devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    else:
        devices = list(StaticDevice.objects.filter(user=user, confirmed=True))
    if not devices:
        raise _invalid_code()
    with transaction.atomic():
        # Row lock: two requests must not both use the same recovery code.
        device = type(devices[0]).objects.select_for_update().get(pk=devices[0].pk)
        error = _check_code(device, token)
    if error is not None:
        raise error
    return device


@transaction.atomic
def switch_off_two_factor(user: User, *, by: User) -> None:
    """Remove the person's authenticator app and recovery codes.

    People for whom two-factor is required cannot switch it off themselves; an
    operator does it in the admin when a device is lost (the person then sets up a
    new one at their next login). Raises ValidationError for them.
    """
    if user.two_factor_required and by == user:
        raise ValidationError(_("Two-factor authentication is required for your role."))
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
