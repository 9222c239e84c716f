"""Results of a self-check round: the page, the workshop record and the two exports.

A round is reached only through `SelfCheckRound.objects.visible_to(user)` (the
municipalities in the user's scope): a foreign round answers 404 whatever the
action, a visible round without the permission 403. The figures come from
`selfcheck.results.round_results`, which loads everything in a fixed number of
queries, so the page and the exports stay fast however many people answered.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from teilhabe.core.access import get_object_for, require_perm
from teilhabe.selfcheck import exports, services
from teilhabe.selfcheck.models import FieldOfAction, SelfCheckRound, WorkshopNote
from teilhabe.selfcheck.radar import radar_for
from teilhabe.selfcheck.results import results_round_queryset, round_results
from teilhabe.selfcheck.results_forms import WorkshopFieldForm

NAV = "selfcheck"


def _round(request: HttpRequest, pk: int, perm: str) -> SelfCheckRound:
    return get_object_for(request.user, results_round_queryset(), perm, pk=pk)


@login_required
@require_GET
def results(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round(request, pk, "selfcheck.view_selfcheckround")
    data = round_results(round_)
    user = request.user
    return render(
        request,
        "selfcheck/results.html",
        {
            "nav": NAV,
            "round": round_,
            "results": data,
            "radar": radar_for(data),
            "can_edit_workshop": user.has_perm("selfcheck.change_workshopnote", round_),
            "can_export": user.has_perm("selfcheck.export_selfcheckround", round_),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def workshop(request: HttpRequest, pk: int) -> HttpResponse:
    """The workshop record: potentials, recommendations and first steps per field."""
    round_ = _round(request, pk, "selfcheck.view_selfcheckround")
    can_edit = request.user.has_perm("selfcheck.change_workshopnote", round_)
    if request.method == "POST":
        require_perm(request.user, "selfcheck.change_workshopnote", round_)
    fields = list(
        FieldOfAction.objects.filter(version_id=round_.version_id).order_by("position", "pk")
    )
    notes = {note.field_id: note for note in WorkshopNote.objects.filter(round=round_)}
    data = request.POST if request.method == "POST" else None
    forms = [WorkshopFieldForm(data, field=f, note=notes.get(f.pk)) for f in fields]
    if request.method == "POST":
        if all(form.is_valid() for form in forms):
            try:
                services.save_workshop(
                    round_, [_workshop_entry(form) for form in forms], by=request.user
                )
            except ValidationError as exc:
                for error in exc.messages:
                    messages.error(request, error)
            else:
                messages.success(request, _("The workshop record was saved."))
                return redirect("selfcheck:workshop", pk=round_.pk)
        else:
            messages.error(request, _("Nothing was saved. Please correct the marked fields."))
    status = 400 if request.method == "POST" else 200
    steps: dict[int, list] = {}
    for step in round_.first_steps.order_by("due_on", "pk"):
        steps.setdefault(step.field_id, []).append(step)
    sections = [
        {
            "field": form.field_of_action,
            "form": form,
            "steps": steps.get(form.field_of_action.pk, []),
        }
        for form in forms
    ]
    return render(
        request,
        "selfcheck/workshop.html",
        {"nav": NAV, "round": round_, "sections": sections, "can_edit": can_edit},
        status=status,
    )


def _workshop_entry(form: WorkshopFieldForm) -> services.WorkshopEntry:
    data = form.cleaned_data
    return services.WorkshopEntry(
        field=form.field_of_action,
        note_changed=form.note_changed,
        potentials=data["potentials"],
        recommendations=data["recommendations"],
        step_text=data["step_text"],
        step_responsible=data["step_responsible"],
        step_due_on=data["step_due_on"],
    )


@login_required
@require_GET
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round(request, pk, "selfcheck.export_selfcheckround")
    data = round_results(round_)
    return HttpResponse(
        exports.report_pdf(data),
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{exports.file_stem(data)}.pdf"'},
    )


@login_required
@require_GET
def answers_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round(request, pk, "selfcheck.export_selfcheckround")
    data = round_results(round_, comparisons=False)
    return HttpResponse(
        exports.answers_xlsx(data),
        content_type=exports.XLSX_CONTENT_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{exports.file_stem(data)}.xlsx"'},
    )
