"""Answering the questionnaire: staff with an account, everybody else by invitation link.

The questionnaire runs in steps on one URL (`?step=<n>`): step 0 says how the answers
are used and asks where the respondent answers from (never a name), steps 1..N are
the fields of action, one each, and the last step shows every answer for review and
submits. Each step's "Next", "Back" and "Save and continue later" save that step's
answers through `services.answer_questionnaire`; "Submit" makes the response final or
lists what is still missing. Opening the link again resumes at the first step with an
open question. A POST without a step (the whole questionnaire at once) is still taken.

A response is created on the first save only, so a link opened by a mail scanner or
a curious colleague leaves no empty response behind.

The invitation page is public: it shows only the municipality's name, the round's
title and the perspective, never anything of the municipality's internal data.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from teilhabe.core.access import get_object_for
from teilhabe.selfcheck import services
from teilhabe.selfcheck.forms import QuestionnaireForm, about_you_question
from teilhabe.selfcheck.models import (
    FieldOfAction,
    Invitation,
    Item,
    ItemKind,
    Perspective,
    Response,
    RoundStatus,
    SelfCheckRound,
)

SUBMIT = "submit"
NEXT = "next"
BACK = "back"
INTRO = 0


@dataclass
class Step:
    """One page of the questionnaire: the introduction, a field of action or the review."""

    number: int
    kind: str  # "intro", "field" or "review"
    title: str
    field: FieldOfAction | None = None
    complete: bool = False


def _load_answers(response: Response | None) -> dict:
    if response is None:
        return {}
    return {answer.item_id: answer for answer in response.answers.select_related("item")}


def _is_answered(item: Item, answers: dict) -> bool:
    answer = answers.get(item.pk)
    return answer is not None and answer.is_answered


def _steps(fields: list[FieldOfAction], answers: dict) -> list[Step]:
    steps = [Step(INTRO, "intro", _("Before you start"))]
    for number, field in enumerate(fields, start=1):
        complete = all(_is_answered(item, answers) for item in field.items.all() if item.required)
        steps.append(Step(number, "field", field.display_name, field, complete))
    steps.append(Step(len(fields) + 1, "review", _("Review and submit")))
    return steps


def _requested_step(request, steps: list[Step]) -> int | None:
    raw = request.GET.get("step", "")
    if raw.isdigit() and int(raw) < len(steps):
        return int(raw)
    return None


def _resume_step(response: Response | None, steps: list[Step]) -> int:
    """Where a returning respondent continues: the first field with an open question."""
    if response is None:
        return INTRO
    for step in steps:
        if step.kind == "field" and not step.complete:
            return step.number
    return steps[-1].number


def _step_url(request, number: int) -> str:
    return f"{request.path}?step={number}"


def _questionnaire(
    request,
    round_: SelfCheckRound,
    response: Response | None,
    *,
    perspective: str,
    respondent: dict,
    template_context: dict,
) -> HttpResponse:
    """GET shows a step; POST saves the step's answers and goes on, back or stays.

    `respondent` names who answers, as `services.answer_questionnaire` takes it
    (`by=` a staff member or `invitation=`); the response is created on the first save.
    """
    fields = list(services.fields_of(round_))
    answers = _load_answers(response)
    steps = _steps(fields, answers)
    requested = _requested_step(request, steps)
    if request.method == "GET" and requested is None:
        requested = _resume_step(response, steps)
    # None only for a POST without a step: the whole questionnaire at once.
    step = steps[requested] if requested is not None else None
    about_you = about_you_question(perspective)
    if step is None:
        items = [item for field in fields for item in field.items.all()]
    elif step.kind == "field":
        items = list(step.field.items.all())
    else:
        items = []
    form = QuestionnaireForm(
        request.POST or None,
        items=items,
        answers=answers,
        about_you=about_you if step is None or step.kind == "intro" else None,
        initial={"department": response.department if response else ""},
    )
    missing: list[Item] = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            submit = SUBMIT in request.POST and (step is None or step.kind == "review")
            values = form.answer_values()
            department = form.department_value
            if response is None and not values and not department and not submit:
                # Nothing to store yet: moving on from the introduction leaves no trace.
                outcome = None
            else:
                try:
                    outcome = services.answer_questionnaire(
                        round_, values, department=department, submit=submit, **respondent
                    )
                except ValidationError as exc:
                    for error in exc.messages:
                        messages.error(request, error)
                    return redirect(request.path)
            if outcome is not None:
                response, missing = outcome.response, outcome.missing
            if missing:
                form.mark_missing(missing)
                status = 400
                # The review lists what is open, with a link to each question's step.
                answers = _load_answers(response)
                steps = _steps(fields, answers)
                step = steps[-1]
            elif submit:
                return redirect(request.path)
            elif step is not None and NEXT in request.POST:
                return redirect(_step_url(request, min(step.number + 1, len(steps) - 1)))
            elif step is not None and BACK in request.POST:
                return redirect(_step_url(request, max(step.number - 1, INTRO)))
            else:
                messages.success(
                    request,
                    _(
                        "Your answers were saved. Nothing is final yet: you can continue "
                        "and change them later, until you submit."
                    ),
                )
                return redirect(_step_url(request, step.number) if step else request.path)
        else:
            status = 400
            if step is None:
                step = steps[-1]
    field_numbers = {s.field.pk: s.number for s in steps if s.field is not None}
    context = {
        **template_context,
        "round": round_,
        "form": form,
        "step": step,
        "steps": steps,
        "field_steps": steps[1:-1],
        "step_count": len(steps) - 1,
        "item_count": sum(len(field.items.all()) for field in fields),
        "about_you": about_you,
        "missing": [(item, field_numbers.get(item.field_id)) for item in missing],
        "response": response,
    }
    if step.kind == "field":
        context["bound_fields"] = [form[name] for name in form.fields if name != "department"]
    elif step.kind == "review":
        context["answer_rows"] = _answer_rows(fields, answers, steps)
    return render(request, "selfcheck/questionnaire.html", context, status=status)


def _shown_value(item: Item, answer) -> str | None:
    if answer is None or not answer.is_answered:
        return None
    if answer.dont_know:
        return _("Don't know")
    if item.kind == ItemKind.LIKERT:
        return answer.get_scale_display()
    if item.kind == ItemKind.YES_NO:
        return _("Yes") if answer.yes else _("No")
    return answer.text


def _answer_rows(fields, answers: dict, steps: list[Step] | None = None) -> list[tuple]:
    """(field of action, step number, [(item, shown answer or None)]), read-only."""
    numbers = {s.field.pk: s.number for s in steps or [] if s.field is not None}
    return [
        (
            field,
            numbers.get(field.pk),
            [(item, _shown_value(item, answers.get(item.pk))) for item in field.items.all()],
        )
        for field in fields
    ]


def _notice(request, template_context: dict, kind: str, status: int = 200) -> HttpResponse:
    return render(
        request, "selfcheck/respond_notice.html", {**template_context, "kind": kind}, status=status
    )


# --- Administration staff with an account ------------------------------------------------


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def answer_as_member(request, pk: int):
    round_ = get_object_for(
        request.user,
        SelfCheckRound.objects.select_related("municipality", "version__instrument"),
        "selfcheck.answer_selfcheckround",
        pk=pk,
    )
    response = Response.objects.filter(round=round_, respondent=request.user).first()
    context = {
        "round": round_,
        "municipality": round_.municipality,
        "perspective_label": Perspective.ADMINISTRATION.label,
        "member": True,
    }
    if response is not None and response.is_submitted:
        context["answer_rows"] = _answer_rows(
            list(services.fields_of(round_)), _load_answers(response)
        )
        context["response"] = response
        status = 200
        if request.method == "POST":
            messages.error(request, _("These answers were submitted already and cannot change."))
            status = 409
        return _notice(request, context, "submitted", status)
    return _questionnaire(
        request,
        round_,
        response,
        perspective=Perspective.ADMINISTRATION,
        respondent={"by": request.user},
        template_context=context,
    )


# --- Everybody else, by invitation link ------------------------------------------------


# The link is the credential: no browser or proxy may keep the page (or its answers).
@never_cache
@require_http_methods(["GET", "POST"])
def respond(request, token: str):
    invitation = get_object_or_404(
        Invitation.objects.select_related("round__municipality", "round__version", "response"),
        token=token,
    )
    round_ = invitation.round
    # Only what the respondent already knows from the invitation: no internal data.
    context = {
        "round": round_,
        "municipality": round_.municipality,
        "perspective_label": invitation.get_perspective_display(),
        "member": False,
    }
    response = getattr(invitation, "response", None)
    if response is not None and response.is_submitted:
        return _notice(request, context, "submitted", 409 if request.method == "POST" else 200)
    if invitation.is_expired:
        return _notice(request, context, "expired", 410)
    if round_.status == RoundStatus.CLOSED:
        return _notice(request, context, "closed")
    if not services.perspective_allowed(round_, invitation.perspective):
        return _notice(request, context, "not_yet_open")
    return _questionnaire(
        request,
        round_,
        response,
        perspective=invitation.perspective,
        respondent={"invitation": invitation},
        template_context=context,
    )
