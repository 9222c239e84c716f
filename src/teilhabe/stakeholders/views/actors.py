"""Stakeholder analysis pages: actor list and detail, matrix, coverage, categories.

The analysis is a municipality's internal data: the municipality comes from
`Municipality.objects.in_scope_of(user)` (not `visible_to`, which covers the public
base data), so a foreign municipality's actors answer 404. Views validate, authorise
through `get_object_for` and stakeholders/rules.py, call stakeholders/services.py and
render; the actor page's forms answer htmx with the updated section.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from teilhabe.core.access import get_object_for, require_perm
from teilhabe.core.forms import add_service_errors
from teilhabe.core.pagination import paginate
from teilhabe.processes.models import Block
from teilhabe.programmes.access import get_municipality_in_scope
from teilhabe.stakeholders import analysis, services
from teilhabe.stakeholders.forms import (
    ActorCategoryForm,
    ActorFilterForm,
    ActorForm,
    AssessmentForm,
    InvolvementForm,
    MatrixFilterForm,
    ParticipationForm,
)
from teilhabe.stakeholders.matrix import build_matrix
from teilhabe.stakeholders.models import Actor, ActorCategory, ActorKind

NAV = "stakeholders"


def _municipality(request, pk: int, perm: str = "stakeholders.view_actor"):
    return get_municipality_in_scope(request.user, pk, perm)


# --- Helpers -------------------------------------------------------------------------


def _actor(request, pk: int, perm: str = "stakeholders.view_actor") -> Actor:
    return get_object_for(
        request.user,
        Actor.objects.select_related("municipality", "category", "organisation"),
        perm,
        pk=pk,
    )


def _with_fields(actors):
    """Set `matrix_field` (value or None) and its label on actors with a current assessment."""
    for actor in actors:
        actor.matrix_field = analysis.field_for(actor.influence, actor.attitude)
        actor.matrix_field_label = (
            analysis.Field(actor.matrix_field).label if actor.matrix_field else ""
        )
    return actors


def _blocks_for(user, actor: Actor):
    """Building blocks an actor can be linked to: this municipality's processes."""
    return (
        Block.objects.visible_to(user)
        .filter(process__municipality=actor.municipality_id)
        .select_related("process__round")
        .order_by("process__started_on", "position", "pk")
    )


def _history(actor: Actor) -> list[dict]:
    """Assessments newest first, each with the change against the one before it."""
    assessments = list(actor.assessments.select_related("assessed_by"))
    rows = []
    for index, assessment in enumerate(assessments):
        previous = assessments[index + 1] if index + 1 < len(assessments) else None
        field = analysis.field_for(assessment.influence, assessment.attitude)
        rows.append(
            {
                "assessment": assessment,
                "field": field,
                "field_label": analysis.Field(field).label if field else "",
                "influence_change": _change(previous and previous.influence, assessment.influence),
                "attitude_change": _change(previous and previous.attitude, assessment.attitude),
            }
        )
    return rows


def _change(before: int | None, after: int) -> str:
    if not before or before == after:
        return ""
    return "up" if after > before else "down"


def _detail_context(request, actor: Actor, **forms) -> dict:
    user = request.user
    history = _history(actor)
    current = history[0] if history else None
    can_change = user.has_perm("stakeholders.change_actor", actor)
    initial = {}
    if current:
        initial = {
            "influence": current["assessment"].influence,
            "attitude": current["assessment"].attitude,
        }
    context = {
        "nav": NAV,
        "actor": actor,
        "municipality": actor.municipality,
        "can_change": can_change,
        "history": history,
        "current": current,
        "participations": actor.participations.select_related("block__process__round__programme"),
        "members": (
            actor.members.select_related("category") if actor.kind == ActorKind.ORGANISATION else []
        ),
    }
    if can_change:
        context["assessment_form"] = forms.get("assessment_form") or AssessmentForm(
            initial=initial, auto_id="id_assess_%s"
        )
        context["involvement_form"] = forms.get("involvement_form") or InvolvementForm(
            initial={"involvement": actor.involvement}, auto_id="id_stage_%s"
        )
        context["participation_form"] = forms.get("participation_form") or ParticipationForm(
            blocks=_blocks_for(user, actor), auto_id="id_part_%s"
        )
    return context


def _actor_section(request, actor: Actor, template: str, *, saved: bool = False, **forms):
    """The htmx answer of the actor page's forms: the section, fresh from the database."""
    actor = Actor.objects.select_related("municipality", "category", "organisation").get(
        pk=actor.pk
    )
    context = _detail_context(request, actor, **forms)
    context["saved"] = saved
    return render(request, template, context)


# --- Actor list, matrix, coverage -----------------------------------------------------


@login_required
@require_http_methods(["GET"])
def actor_list(request, pk: int):
    municipality = _municipality(request, pk)
    form = ActorFilterForm(request.GET or None)
    actors = (
        Actor.objects.filter(municipality=municipality)
        .with_current_assessment()
        .select_related("category", "organisation")
        .order_by("name", "pk")
    )
    page = paginate(request, form.filter(actors))
    _with_fields(page.object_list)
    context = {
        "nav": NAV,
        "municipality": municipality,
        "page": page,
        "filter_form": form,
        "can_change": request.user.has_perm("stakeholders.change_actor", municipality),
    }
    if request.htmx:
        return render(request, "stakeholders/_actor_results.html", context)
    return render(request, "stakeholders/actor_list.html", context)


@login_required
@require_http_methods(["GET"])
def matrix(request, pk: int):
    municipality = _municipality(request, pk)
    form = MatrixFilterForm(request.GET or None)
    actors = (
        Actor.objects.filter(municipality=municipality)
        .with_current_assessment()
        .select_related("category")
        .order_by("name", "pk")
    )
    category = None
    if form.is_valid() and form.cleaned_data["category"]:
        category = form.cleaned_data["category"]
        actors = actors.filter(category=category)
    context = {
        "nav": NAV,
        "municipality": municipality,
        "filter_form": form,
        "category": category,
        "matrix": build_matrix(actors),
        "can_change": request.user.has_perm("stakeholders.change_actor", municipality),
        "fields": [
            (value, label, analysis.FIELD_HINTS[value]) for value, label in analysis.Field.choices
        ],
    }
    if request.htmx:
        return render(request, "stakeholders/_matrix.html", context)
    return render(request, "stakeholders/matrix.html", context)


@login_required
@require_http_methods(["GET"])
def coverage(request, pk: int):
    municipality = _municipality(request, pk)
    actors = list(
        Actor.objects.filter(municipality=municipality).only(
            "pk",
            "name",
            "kind",
            "category_id",
            "involvement",
            "is_key_person",
            "represents_silent_group",
            "silent_group",
            "anonymised_at",
        )
    )
    result = analysis.coverage(actors, ActorCategory.objects.all())
    named = [actor for actor in actors if not actor.is_anonymised]
    return render(
        request,
        "stakeholders/coverage.html",
        {
            "nav": NAV,
            "municipality": municipality,
            "coverage": result,
            "covered_count": len(result.recommended) - len(result.gaps),
            "silent_groups": [actor for actor in named if actor.represents_silent_group],
            "key_persons": [actor for actor in named if actor.is_key_person],
            "can_change": request.user.has_perm("stakeholders.change_actor", municipality),
        },
    )


# --- One actor -----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def actor_create(request, pk: int):
    municipality = _municipality(request, pk, "stakeholders.change_actor")
    initial = {}
    if request.GET.get("category"):
        initial["category"] = request.GET["category"]
    form = ActorForm(
        request.POST or None, instance=Actor(municipality=municipality), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            actor = services.save_actor(form.instance, by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("“%(name)s” was added.") % {"name": actor.display_name})
            return redirect(actor)
    return render(
        request,
        "stakeholders/actor_form.html",
        {"nav": NAV, "municipality": municipality, "form": form, "actor": None},
    )


@login_required
@require_http_methods(["GET"])
def actor_detail(request, pk: int):
    actor = _actor(request, pk)
    return render(request, "stakeholders/actor_detail.html", _detail_context(request, actor))


@login_required
@require_http_methods(["GET", "POST"])
def actor_edit(request, pk: int):
    actor = _actor(request, pk, "stakeholders.change_actor")
    form = ActorForm(request.POST or None, instance=actor)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_actor(form.instance, by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect(actor)
    return render(
        request,
        "stakeholders/actor_form.html",
        {"nav": NAV, "municipality": actor.municipality, "form": form, "actor": actor},
    )


@login_required
@require_http_methods(["POST"])
def actor_assess(request, pk: int):
    actor = _actor(request, pk, "stakeholders.change_actor")
    form = AssessmentForm(request.POST, auto_id="id_assess_%s")
    saved = False
    if form.is_valid():
        try:
            services.assess(
                actor,
                influence=form.cleaned_data["influence"],
                attitude=form.cleaned_data["attitude"],
                note=form.cleaned_data["note"].strip(),
                by=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved = True
    if request.htmx:
        forms = {} if saved else {"assessment_form": form}
        return _actor_section(request, actor, "stakeholders/_assessment.html", saved=saved, **forms)
    if saved:
        messages.success(request, _("The assessment was saved."))
        return redirect(f"{actor.get_absolute_url()}#assessment")
    context = _detail_context(request, actor, assessment_form=form)
    return render(request, "stakeholders/actor_detail.html", context, status=400)


@login_required
@require_http_methods(["POST"])
def actor_involvement(request, pk: int):
    actor = _actor(request, pk, "stakeholders.change_actor")
    form = InvolvementForm(request.POST, auto_id="id_stage_%s")
    saved = False
    if form.is_valid():
        try:
            services.set_involvement(actor, form.cleaned_data["involvement"], by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved = True
    if request.htmx:
        forms = {} if saved else {"involvement_form": form}
        return _actor_section(
            request, actor, "stakeholders/_involvement.html", saved=saved, **forms
        )
    if saved:
        messages.success(
            request,
            _("Involvement is now: %(stage)s.") % {"stage": actor.get_involvement_display()},
        )
        return redirect(f"{actor.get_absolute_url()}#involvement")
    context = _detail_context(request, actor, involvement_form=form)
    return render(request, "stakeholders/actor_detail.html", context, status=400)


@login_required
@require_http_methods(["POST"])
def participation_add(request, pk: int):
    actor = _actor(request, pk, "stakeholders.change_actor")
    form = ParticipationForm(
        request.POST, blocks=_blocks_for(request.user, actor), auto_id="id_part_%s"
    )
    saved = False
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_participation(
                actor,
                data["block"],
                invited_on=data["invited_on"],
                took_part_on=data["took_part_on"],
                note=data["note"].strip(),
                by=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved = True
    if request.htmx:
        forms = {} if saved else {"participation_form": form}
        return _actor_section(
            request, actor, "stakeholders/_participations.html", saved=saved, **forms
        )
    if saved:
        messages.success(
            request,
            _("The participation in “%(block)s” was saved.")
            % {"block": form.cleaned_data["block"].display_name},
        )
        return redirect(f"{actor.get_absolute_url()}#participations")
    context = _detail_context(request, actor, participation_form=form)
    return render(request, "stakeholders/actor_detail.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def actor_delete(request, pk: int):
    actor = _actor(request, pk, "stakeholders.change_actor")
    if request.method == "POST":
        name = actor.display_name
        municipality_id = actor.municipality_id
        is_person = actor.kind == ActorKind.PERSON
        services.delete_actor(actor, by=request.user)
        if is_person:
            message = _(
                "The personal data of “%(name)s” was deleted. "
                "The anonymous figures stay in the statistics."
            )
        else:
            message = _("“%(name)s” was deleted.")
        messages.success(request, message % {"name": name})
        return redirect("stakeholders:actor_list", municipality_id)
    return render(
        request,
        "stakeholders/actor_delete.html",
        {
            "nav": NAV,
            "actor": actor,
            "municipality": actor.municipality,
            "member_count": actor.members.count() if actor.kind == ActorKind.ORGANISATION else 0,
        },
    )


# --- Category catalogue (programme office) -------------------------------------------


@login_required
@require_http_methods(["GET"])
def category_list(request):
    require_perm(request.user, "stakeholders.view_actorcategory_list")
    return render(
        request,
        "stakeholders/category_list.html",
        {"nav": "programmes", "categories": ActorCategory.objects.all()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def category_edit(request, category_pk: int | None = None):
    """Create (without category_pk) or change a category of the catalogue."""
    require_perm(request.user, "stakeholders.change_actorcategory")
    if category_pk is None:
        top = ActorCategory.objects.aggregate(top=Max("position"))["top"] or 0
        category = ActorCategory(position=top + 10)
    else:
        category = get_object_or_404(ActorCategory, pk=category_pk)
    form = ActorCategoryForm(request.POST or None, instance=category)
    if request.method == "POST" and form.is_valid():
        category = services.save_category(form.instance, by=request.user)
        messages.success(
            request,
            _("The category “%(name)s” was saved.") % {"name": category.display_name},
        )
        return redirect("stakeholders:category_list")
    return render(
        request,
        "stakeholders/category_form.html",
        {"nav": "programmes", "category": category, "form": form},
    )
