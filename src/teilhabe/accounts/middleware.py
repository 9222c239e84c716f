from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import translation


class PreferredLanguageMiddleware:
    """The language order: the person's choice, then the browser, then German.

    The language switch sets a cookie, which LocaleMiddleware honours, and stores the
    choice on the account (accounts.views.set_language). Without the cookie (another
    browser), the stored choice decides; a person who never chose one keeps what
    LocaleMiddleware took from Accept-Language, or German (LANGUAGE_CODE).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and user.preferred_language
        ):
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


# Set at login for a person with a confirmed authenticator app, cleared once they
# entered a code: the middleware then needs no query on each request.
PENDING_SESSION_KEY = "accounts_two_factor_pending"

# Pages a person reaches before the second factor: logging in and out, setting up and
# entering the code, resetting the password, switching the language, the health check.
EXEMPT_URL_NAMES = frozenset(
    {
        "accounts:login",
        "accounts:logout",
        "accounts:two_factor_setup",
        "accounts:two_factor_verify",
        "accounts:password_reset",
        "accounts:password_reset_done",
        "accounts:password_reset_confirm",
        "accounts:password_reset_complete",
        "core:health",
        "set_language",
    }
)


def note_login(sender, request, user, **kwargs) -> None:
    """user_logged_in receiver: remember whether this session owes a code."""
    from teilhabe.accounts.services import has_two_factor

    if request is not None and hasattr(request, "session"):
        request.session[PENDING_SESSION_KEY] = has_two_factor(user)


def verification_needed(request) -> str | None:
    """Where a signed-in person must go before any other page, or None.

    "verify" when they have an authenticator app and have not entered a code in this
    session; "setup" when their role requires two-factor and they have no app yet.
    Not enforced in demo mode, where the demo accounts log in with a password alone.
    """
    user = request.user
    if settings.DEMO_MODE or not user.is_authenticated or user.is_verified():
        return None
    if request.session.get(PENDING_SESSION_KEY):
        return "verify"
    if user.two_factor_required:
        return "setup"
    return None


class RequireTwoFactor:
    """Send people who still owe a second factor to enter it or to set it up.

    Everything is covered, the Django admin included, except the few pages needed to
    get there (EXEMPT_URL_NAMES) and static files.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = verification_needed(request)
        # base.html hides the navigation while the person still owes the second factor.
        request.two_factor_step = step
        if step is not None and not self._exempt(request):
            target = reverse(f"accounts:two_factor_{step}")
            if request.headers.get("HX-Request"):
                # htmx would swap the setup page into a fragment; make it load the page.
                response = HttpResponse(status=204)
                response["HX-Redirect"] = target
                return response
            if request.method == "GET":
                target += "?" + urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
            return redirect(target)
        return self.get_response(request)

    @staticmethod
    def _exempt(request) -> bool:
        if request.path_info.startswith(settings.STATIC_URL):
            return True
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.view_name in EXEMPT_URL_NAMES
