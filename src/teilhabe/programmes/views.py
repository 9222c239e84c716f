"""Programmes, funding rounds, municipalities and applications.

Every id from the URL goes through `get_object_for`: 404 outside the user's scope,
403 when the object is visible but the action is forbidden.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from teilhabe.accounts import services as account_services
from teilhabe.accounts.models import Role, User
from teilhabe.core.access import get_object_for, require_perm
from teilhabe.core.forms import add_service_errors
from teilhabe.core.pagination import paginate
from teilhabe.programmes import services
from teilhabe.programmes.forms import (
    ApplicationFilterForm,
    ApplicationForm,
    Decision,
    DecisionForm,
    InviteForm,
    MunicipalityFilterForm,
    MunicipalityForm,
    RoundForm,
)
from teilhabe.programmes.models import (
    Application,
    ApplicationStatus,
    Municipality,
    Programme,
    Round,
)


def _is_office(user) -> bool:
    return user.is_superuser or user.is_programme_office


# --- Programmes and rounds -----------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def programme_list(request: HttpRequest) -> HttpResponse:
    require_perm(request.user, "programmes.view_programme_list")
    programmes = Programme.objects.visible_to(request.user).prefetch_related(
        Prefetch("rounds", queryset=Round.objects.order_by("-starts_on"))
    )
    return render(
        request, "programmes/programme_list.html", {"programmes": programmes, "nav": "programmes"}
    )


@login_required
@require_http_methods(["GET"])
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_for(request.user, Programme.objects, "programmes.view_programme", pk=pk)
    rounds = programme.rounds.order_by("-starts_on").annotate(
        # Drafts are the municipality's own business until they are submitted.
        application_count=Count(
            "applications",
            filter=~Q(applications__status=ApplicationStatus.DRAFT),
            distinct=True,
        ),
        process_count=Count("processes", distinct=True),
    )
    return render(
        request,
        "programmes/programme_detail.html",
        {"programme": programme, "rounds": rounds, "nav": "programmes"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_for(request.user, Programme.objects, "programmes.add_round", pk=pk)
    form = RoundForm(request.POST or None, instance=Round(programme=programme))
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.save_round(form.instance, by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The round %(name)s was created.") % {"name": round_.display_name}
            )
            return redirect(round_)
    return render(
        request,
        "programmes/round_form.html",
        {"form": form, "programme": programme, "nav": "programmes"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_edit(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_object_for(
        request.user, Round.objects.select_related("programme"), "programmes.change_round", pk=pk
    )
    form = RoundForm(request.POST or None, instance=round_)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_round(form.instance, by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The round was saved."))
            return redirect(round_)
    return render(
        request,
        "programmes/round_form.html",
        {"form": form, "programme": round_.programme, "round": round_, "nav": "programmes"},
    )


@login_required
@require_http_methods(["GET"])
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    round_ = get_object_for(user, Round.objects.select_related("programme"), pk=pk)
    is_office = user.has_perm("programmes.change_round", round_)
    processes = round_.processes.visible_to(user).with_overview()
    context = {
        "round": round_,
        "is_office": is_office,
        "processes": processes,
        "is_open": round_.is_open(),
        "nav": "programmes",
    }
    if is_office:
        context["applications"] = (
            Application.objects.visible_to(user)
            .filter(round=round_)
            .select_related("municipality", "round__programme", "process")
        )
    if user.is_municipal:
        context["own_application"] = Application.objects.filter(
            round=round_, municipality=user.municipality_id
        ).first()
    return render(request, "programmes/round_detail.html", context)


# --- Municipalities ------------------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def municipality_list(request: HttpRequest) -> HttpResponse:
    """Municipalities the user works with; the office may browse all (base data is public)."""
    user = request.user
    require_perm(user, "programmes.view_municipality_list")
    form = MunicipalityFilterForm(request.GET or None, may_see_all=_is_office(user))
    if form.show_all:
        municipalities = Municipality.objects.visible_to(user)
    else:
        municipalities = Municipality.objects.in_scope_of(user)
    page = paginate(request, form.filter(municipalities).order_by("name", "pk"))
    context = {"page": page, "filter_form": form, "nav": "municipalities"}
    if request.htmx:
        return render(request, "programmes/_municipality_results.html", context)
    return render(request, "programmes/municipality_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def municipality_create(request: HttpRequest) -> HttpResponse:
    require_perm(request.user, "programmes.add_municipality")
    form = MunicipalityForm(request.POST or None, instance=Municipality())
    if request.method == "POST" and form.is_valid():
        try:
            municipality = services.save_municipality(form.instance, by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(name)s was added.") % {"name": municipality.name})
            return redirect(municipality)
    return render(
        request, "programmes/municipality_form.html", {"form": form, "nav": "municipalities"}
    )


@login_required
@require_http_methods(["GET", "POST"])
def municipality_edit(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = get_object_for(
        request.user, Municipality.objects, "programmes.change_municipality", pk=pk
    )
    form = MunicipalityForm(request.POST or None, instance=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_municipality(form.instance, by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The municipality was saved."))
            return redirect(municipality)
    return render(
        request,
        "programmes/municipality_form.html",
        {"form": form, "municipality": municipality, "nav": "municipalities"},
    )


@login_required
@require_http_methods(["GET"])
def municipality_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Base data; processes, applications and contacts only for those who work with it."""
    user = request.user
    municipality = get_object_for(user, Municipality.objects, "programmes.view_municipality", pk=pk)
    in_scope = Municipality.objects.in_scope_of(user).filter(pk=municipality.pk).exists()
    context = {"municipality": municipality, "in_scope": in_scope, "nav": "municipalities"}
    if in_scope:
        context["processes"] = municipality.processes.visible_to(user).with_overview()
        context["applications"] = (
            Application.objects.visible_to(user)
            .filter(municipality=municipality)
            .select_related("round__programme")
        )
        context["members"] = User.objects.filter(municipality=municipality, is_active=True)
    return render(request, "programmes/municipality_detail.html", context)


# --- Applications --------------------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def application_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    require_perm(user, "programmes.view_application_list")
    form = ApplicationFilterForm(request.GET or None, user=user)
    applications = (
        Application.objects.visible_to(user)
        .select_related("municipality", "round__programme", "process")
        # Drafts (not yet submitted) first, on every database.
        .order_by(F("submitted_at").desc(nulls_first=True), "-created_at", "pk")
    )
    page = paginate(request, form.filter(applications))
    context = {"page": page, "filter_form": form, "nav": "applications"}
    if request.htmx:
        return render(request, "programmes/_application_results.html", context)
    return render(request, "programmes/application_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def application_create(request: HttpRequest, round_pk: int) -> HttpResponse:
    user = request.user
    round_ = get_object_for(
        user, Round.objects.select_related("programme"), "programmes.add_application", pk=round_pk
    )
    # Where the municipality has applied already, its application is the page to show.
    # The rule itself (one per round, only during the call) is the service's.
    existing = Application.objects.filter(round=round_, municipality=user.municipality_id).first()
    if existing:
        messages.info(request, _("Your municipality has already applied for this round."))
        return redirect(existing)
    if not round_.is_open():
        return render(
            request,
            "programmes/round_closed.html",
            {"round": round_, "nav": "applications"},
            status=403,
        )
    application = Application(round=round_, municipality=user.municipality)
    form = ApplicationForm(
        request.POST or None,
        instance=application,
        initial={
            "contact_name": user.full_name,
            "contact_email": user.email,
            "contact_phone": user.phone,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.create_application(form.instance, by=user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Your application was saved as a draft. Submit it when it is complete."),
            )
            return redirect(application)
    return render(
        request,
        "programmes/application_form.html",
        {"form": form, "round": round_, "nav": "applications"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_for(
        request.user,
        Application.objects.select_related("round__programme", "municipality"),
        "programmes.change_application",
        pk=pk,
    )
    form = ApplicationForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_application(form.instance, by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your application was saved."))
            return redirect(application)
    return render(
        request,
        "programmes/application_form.html",
        {
            "form": form,
            "round": application.round,
            "application": application,
            "nav": "applications",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the summary of what will be submitted, to confirm; POST: submit it.

    Submitting is final (the application can no longer be changed), so the detail page
    links here instead of submitting in one click.
    """
    application = get_object_for(
        request.user,
        Application.objects.select_related("round__programme", "municipality"),
        "programmes.submit_application",
        pk=pk,
    )
    if request.method == "GET":
        return render(
            request,
            "programmes/application_submit.html",
            {
                "application": application,
                "round_open": application.round.is_open(),
                "nav": "applications",
            },
        )
    try:
        services.submit_application(application, by=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Your application was submitted. The programme office has been informed.")
        )
    return redirect(application)


@login_required
@require_http_methods(["GET"])
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_for(
        request.user,
        Application.objects.select_related(
            "round__programme", "municipality", "process", "decided_by"
        ),
        "programmes.view_application",
        pk=pk,
    )
    return render(
        request,
        "programmes/application_detail.html",
        {"application": application, "nav": "applications"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    application = get_object_for(
        user,
        Application.objects.select_related("round__programme", "municipality"),
        "programmes.decide_application",
        pk=pk,
    )
    form = DecisionForm(request.POST or None, application=application)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == Decision.ADMIT:
                process = services.admit_application(
                    application,
                    by=user,
                    started_on=data["started_on"],
                    facilitators=data["facilitators"],
                    decision_note=data["decision_note"],
                    review_note=data["review_note"],
                )
            else:
                services.reject_application(
                    application,
                    by=user,
                    decision_note=data["decision_note"],
                    review_note=data["review_note"],
                )
        except ValidationError as exc:
            # The services are atomic: nothing was saved. Reload what the form changed
            # in memory so the page shows the stored state.
            application.refresh_from_db()
            add_service_errors(form, exc)
        else:
            if data["decision"] == Decision.ADMIT:
                messages.success(
                    request,
                    _("%(name)s was admitted; its process has been opened.")
                    % {"name": application.municipality.name},
                )
                return redirect(process)
            messages.success(
                request,
                _("The decision was sent to %(name)s.") % {"name": application.municipality.name},
            )
            return redirect(application)
    return render(
        request,
        "programmes/application_decide.html",
        {"form": form, "application": application, "nav": "applications"},
    )


def _people_queryset(user):
    """People the user may see in the people list."""
    if user.is_superuser:
        return User.objects.all()
    if user.is_programme_office:
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
    require_perm(request.user, "accounts.view_user_list")
    queryset = _people_queryset(request.user).select_related("municipality").order_by("full_name")
    page = paginate(request, queryset)
    return render(request, "programmes/people.html", {"page": page, "nav": "people"})


@login_required
@require_http_methods(["GET", "POST"])
def invite(request):
    require_perm(request.user, "accounts.invite_user")
    form = InviteForm(request.POST or None, inviter=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = account_services.invite_user(
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
        return redirect("programmes:people")
    return render(request, "programmes/invite.html", {"form": form, "nav": "people"})
