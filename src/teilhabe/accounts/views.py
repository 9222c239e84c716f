from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render, resolve_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import i18n as i18n_views
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from teilhabe.accounts import services
from teilhabe.accounts.forms import ProfileForm, TwoFactorCodeForm, TwoFactorSetupForm
from teilhabe.accounts.middleware import PENDING_SESSION_KEY
from teilhabe.core.forms import add_service_errors


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.update_profile(request.user, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            response = redirect("accounts:profile")
            if user.preferred_language:
                translation.activate(user.preferred_language)
                # The profile language wins over an earlier choice in the language switch.
                response.set_cookie(
                    settings.LANGUAGE_COOKIE_NAME,
                    user.preferred_language,
                    secure=settings.LANGUAGE_COOKIE_SECURE,
                    samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                )
            else:
                # Back to the browser's language: forget the earlier choice.
                response.delete_cookie(
                    settings.LANGUAGE_COOKIE_NAME, samesite=settings.LANGUAGE_COOKIE_SAMESITE
                )
            messages.success(request, _("Your profile was saved."))
            return response
    context = {
        "form": form,
        "has_two_factor": services.has_two_factor(request.user),
        "recovery_codes_left": services.recovery_codes_left(request.user),
    }
    return render(request, "accounts/profile.html", context)


@require_POST
def set_language(request):
    """Django's language switch, which also keeps the choice on the person's profile.

    The cookie it sets decides in this browser; the profile carries the choice to the
    next browser or device the person logs in with (PreferredLanguageMiddleware).
    """
    response = i18n_views.set_language(request)
    language = request.POST.get(i18n_views.LANGUAGE_QUERY_PARAMETER, "")
    user = request.user
    if (
        user.is_authenticated
        and language in dict(settings.LANGUAGES)
        and user.preferred_language != language
    ):
        services.update_profile(user, by=user, preferred_language=language)
    return response


def _next_url(request) -> str:
    """Where to go after the second factor: a safe `next`, else the dashboard."""
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _secret_text(device) -> str:
    """The device's secret in base32 (what apps accept when typed), in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    if services.has_two_factor(request.user):
        if request.user.is_verified():
            return redirect("accounts:profile")
        return redirect("accounts:two_factor_verify")
    device = services.start_totp_setup(request.user)
    form = TwoFactorSetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.confirm_totp_device(device, form.cleaned_data["code"], by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            otp_login(request, device)
            request.session[PENDING_SESSION_KEY] = False
            # Shown in answer to the POST, never on a page that can be reloaded later.
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next_url": _next_url(request)},
            )
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        # segno writes plain SVG elements (no scripts, no style attributes), so the
        # strict CSP stays as it is.
        "qr_svg": mark_safe(  # noqa: S308
            qr.svg_inline(scale=4, dark="#000", light="#fff", title=_("QR code for your app"))
        ),
        "secret": _secret_text(device),
        "next": request.GET.get(REDIRECT_FIELD_NAME, ""),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not services.has_two_factor(request.user):
        # An operator removed the device since this login: nothing to enter any more
        # (the middleware sends those who must have one to the setup).
        request.session[PENDING_SESSION_KEY] = False
        return redirect(_next_url(request))
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.verify_second_factor(request.user, form.cleaned_data["code"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            otp_login(request, device)
            request.session[PENDING_SESSION_KEY] = False
            return redirect(_next_url(request))
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": request.GET.get(REDIRECT_FIELD_NAME, "")},
    )


@login_required
@require_POST
def two_factor_recovery_codes(request):
    if not services.has_two_factor(request.user):
        return redirect("accounts:profile")
    codes = services.make_recovery_codes(request.user, by=request.user)
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next_url": resolve_url("accounts:profile")},
    )


@login_required
@require_POST
def two_factor_switch_off(request):
    try:
        services.switch_off_two_factor(request.user, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Two-factor authentication is switched off."))
    return redirect("accounts:profile")
