"""Answering the questionnaire: staff with an account, everybody else by invitation link.

Both use one page with every field of action as a fieldset. "Save and continue later"
stores what is there; "Submit" stores it and makes it final, or lists what is still
missing, in one call of `services.answer_questionnaire`. A response is created on
the first POST only, so a link opened by a mail scanner or a curious colleague leaves
no empty response behind.

The invitation page is public: it shows only the municipality's name, the round's
title and the perspective, never anything of the municipality's internal data.
"""

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
from teilhabe.selfcheck.forms import QuestionnaireForm
from teilhabe.selfcheck.models import (
    Invitation,
    ItemKind,
    Perspective,
    Response,
    RoundStatus,
    SelfCheckRound,
)

SUBMIT = "submit"


def _load_answers(response: Response | None) -> dict:
    if response is None:
        return {}
    return {answer.item_id: answer for answer in response.answers.all()}


def _questionnaire(
    request,
    round_: SelfCheckRound,
    response: Response | None,
    *,
    respondent: dict,
    template_context: dict,
) -> HttpResponse:
    """GET shows the questionnaire; POST saves, and submits when asked to.

    `respondent` names who answers, as `services.answer_questionnaire` takes it
    (`by=` a staff member or `invitation=`); the response is created on the first save.
    """
    fields = list(services.fields_of(round_))
    items = [item for field in fields for item in field.items.all()]
    answers = _load_answers(response)
    form = QuestionnaireForm(
        request.POST or None,
        items=items,
        answers=answers,
        initial={"department": response.department if response else ""},
    )
    missing = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            submit = SUBMIT in request.POST
            try:
                outcome = services.answer_questionnaire(
                    round_,
                    form.answer_values(),
                    department=form.cleaned_data["department"],
                    submit=submit,
                    **respondent,
                )
            except ValidationError as exc:
                for error in exc.messages:
                    messages.error(request, error)
                return redirect(request.path)
            response, missing = outcome.response, outcome.missing
            if missing:
                form.mark_missing(missing)
                status = 400
            elif submit:
                return redirect(request.path)
            else:
                messages.success(
                    request,
                    _(
                        "Your answers were saved. Nothing is final yet: you can continue "
                        "and change them later, until you submit."
                    ),
                )
                return redirect(request.path)
        else:
            status = 400
    context = {
        **template_context,
        "round": round_,
        "form": form,
        "sections": form.sections(fields),
        "missing": missing,
        "response": response,
    }
    return render(request, "selfcheck/questionnaire.html", context, status=status)


def _answer_rows(response: Response) -> list[tuple]:
    """(field of action, [(item, shown answer)]) of a submitted response, read-only."""
    answers = _load_answers(response)
    rows = []
    for field in services.fields_of(response.round):
        shown = []
        for item in field.items.all():
            answer = answers.get(item.pk)
            if answer is None or not answer.is_answered:
                value = "–"
            elif answer.dont_know:
                value = _("Don't know")
            elif item.kind == ItemKind.LIKERT:
                value = answer.get_scale_display()
            elif item.kind == ItemKind.YES_NO:
                value = _("Yes") if answer.yes else _("No")
            else:
                value = answer.text
            shown.append((item, value))
        rows.append((field, shown))
    return rows


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
        context["answer_rows"] = _answer_rows(response)
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
        respondent={"invitation": invitation},
        template_context=context,
    )
