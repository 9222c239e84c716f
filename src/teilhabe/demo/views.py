"""One-click login as a demo account, only in demo mode."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from teilhabe.accounts.models import User
from teilhabe.demo.logins import demo_emails


@require_POST
def demo_login(request: HttpRequest) -> HttpResponse:
    """Log in as the demo account given by `email`, without its password.

    Outside demo mode the page does not exist (404). Only the demo's own accounts
    (addresses in the data files) can be used, never anybody else in the database.
    The form is CSRF protected like every POST.
    """
    if not settings.DEMO_MODE:
        raise Http404
    email = request.POST.get("email", "")
    user = User.objects.filter(email=email, is_active=True).first()
    if user is None or user.email not in demo_emails():
        messages.error(request, _("This is not a demo account."))
        return redirect("accounts:login")
    login(request, user, backend="teilhabe.accounts.backends.OperatorModelBackend")
    target = request.POST.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = resolve_url(settings.LOGIN_REDIRECT_URL)
    return redirect(target)
