from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from teilhabe.accounts import services
from teilhabe.accounts.forms import ProfileForm
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
            translation.activate(user.preferred_language)
            messages.success(request, _("Your profile was saved."))
            response = redirect("accounts:profile")
            # The profile language wins over an earlier choice in the language switch.
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.preferred_language,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
            return response
    return render(request, "accounts/profile.html", {"form": form})
