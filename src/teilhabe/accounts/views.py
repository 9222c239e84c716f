from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from teilhabe.accounts import services
from teilhabe.accounts.forms import InviteForm, ProfileForm
from teilhabe.accounts.models import Role, User
from teilhabe.core.access import require_perm
from teilhabe.core.pagination import paginate


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
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


def _people_queryset(user):
    """People the user may see in the people list."""
    if user.is_superuser:
        return User.objects.all()
    if user.is_programme_office:
        from teilhabe.programmes.models import Municipality

        municipalities = Municipality.objects.in_scope_of(user)
        return User.objects.filter(
            Q(municipality__in=municipalities)
            | Q(role=Role.FACILITATOR)
            | Q(office_programmes__in=user.office_programme_ids)
        ).distinct()
    if user.is_coordinator:
        return User.objects.filter(municipality=user.municipality_id)
    return User.objects.none()


@login_required
@require_http_methods(["GET"])
def people(request):
    require_perm(request.user, "programmes.invite_user")
    queryset = _people_queryset(request.user).select_related("municipality").order_by("full_name")
    page = paginate(request, queryset)
    return render(request, "accounts/people.html", {"page": page, "nav": "people"})


@login_required
@require_http_methods(["GET", "POST"])
def invite(request):
    require_perm(request.user, "programmes.invite_user")
    form = InviteForm(request.POST or None, inviter=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.invite_user(
            email=data["email"],
            full_name=data["full_name"],
            role=data["role"],
            municipality=data.get("municipality"),
            job_title=data.get("job_title", ""),
            preferred_language=data["preferred_language"],
            by=request.user,
        )
        messages.success(
            request,
            _("%(name)s was invited by e-mail to %(email)s.")
            % {"name": user.full_name, "email": user.email},
        )
        return redirect("accounts:people")
    return render(request, "accounts/invite.html", {"form": form, "nav": "people"})
