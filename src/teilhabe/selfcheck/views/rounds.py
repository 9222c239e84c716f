"""Self-check rounds of a municipality: list, open, detail, status, invitations.

A round is internal data of the municipality: it is fetched through
`SelfCheckRound.objects.visible_to(user)` (the municipalities in the user's scope),
so a foreign round answers 404; rules in selfcheck/rules.py decide the rest (403).
"""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from teilhabe.core.access import get_object_for
from teilhabe.core.forms import add_service_errors
from teilhabe.programmes.access import get_municipality_in_scope
from teilhabe.selfcheck import services
from teilhabe.selfcheck.forms import InvitationForm, RoundForm, RoundStatusForm
from teilhabe.selfcheck.models import (
    Instrument,
    Perspective,
    Response,
    RoundStatus,
    SelfCheckRound,
)

NAV = "municipalities"


def _municipality(request, pk: int, perm: str = "selfcheck.view_selfcheckround"):
    return get_municipality_in_scope(request.user, pk, perm)


def _round(request, pk: int, perm: str = "selfcheck.view_selfcheckround") -> SelfCheckRound:
    return get_object_for(
        request.user,
        SelfCheckRound.objects.select_related("municipality", "version__instrument", "baseline"),
        perm,
        pk=pk,
    )


def _submitted_counts(rounds) -> dict[int, dict[str, int]]:
    """round id -> perspective -> number of submitted responses, in one query."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Response.objects.submitted()
        .filter(round__in=rounds)
        .values("round_id", "perspective")
        .annotate(count=Count("pk"))
    )
    for row in rows:
        counts[row["round_id"]][row["perspective"]] = row["count"]
    return counts


def _perspective_counts(counts: dict[str, int]) -> list[tuple[str, str, int]]:
    """(perspective, label, count) in the order of the perspectives."""
    return [
        (value, label, counts[value]) for value, label in Perspective.choices if value in counts
    ]


# --- List and open --------------------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def round_list(request, pk: int):
    municipality = _municipality(request, pk)
    rounds = list(
        SelfCheckRound.objects.filter(municipality=municipality).select_related(
            "version__instrument", "baseline"
        )
    )
    counts = _submitted_counts(rounds)
    for round_ in rounds:
        round_.perspective_counts = _perspective_counts(counts.get(round_.pk, {}))
    return render(
        request,
        "selfcheck/round_list.html",
        {
            "nav": NAV,
            "municipality": municipality,
            "rounds": rounds,
            "can_add": request.user.has_perm("selfcheck.add_selfcheckround", municipality),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request, pk: int):
    municipality = _municipality(request, pk, "selfcheck.add_selfcheckround")
    form = RoundForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.open_round(
                municipality,
                by=request.user,
                title=form.cleaned_data["title"],
                baseline=form.cleaned_data["baseline"],
            )
        except Instrument.DoesNotExist:
            form.add_error(None, _("There is no self-check questionnaire yet."))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("The self-check “%(title)s” was opened. The administration answers first.")
                % {"title": round_.title},
            )
            return redirect(round_)
    return render(
        request,
        "selfcheck/round_form.html",
        {"nav": NAV, "municipality": municipality, "form": form},
    )


# --- One round --------------------------------------------------------------------------


def _invitation_rows(request, round_: SelfCheckRound) -> list[dict]:
    rows = []
    for invitation in round_.invitations.select_related("response"):
        response = getattr(invitation, "response", None)
        if invitation.is_used:
            state, label = "done", _("Answers submitted")
        elif invitation.is_expired:
            state, label = "overdue", _("Expired")
        elif not services.perspective_allowed(round_, invitation.perspective):
            state = "planned"
            label = (
                _("Round closed")
                if round_.status == RoundStatus.CLOSED
                else _("Prepared, opens with the next step")
            )
        elif response is not None:
            state, label = "in_progress", _("Answers saved, not submitted yet")
        else:
            state, label = "draft", _("Not opened yet")
        rows.append(
            {
                "invitation": invitation,
                "link": request.build_absolute_uri(invitation.get_absolute_url()),
                "state": state,
                "state_label": label,
            }
        )
    return rows


def _detail_context(request, round_: SelfCheckRound, **forms) -> dict:
    user = request.user
    can_change = user.has_perm("selfcheck.change_selfcheckround", round_)
    responses = list(round_.responses.order_by("perspective", "pk"))
    admin_submitted = sum(
        1 for r in responses if r.is_submitted and r.perspective == Perspective.ADMINISTRATION
    )
    context = {
        "nav": NAV,
        "round": round_,
        "municipality": round_.municipality,
        "responses": responses,
        "admin_submitted": admin_submitted,
        "invitations": _invitation_rows(request, round_),
        "can_change": can_change,
        "can_answer": user.has_perm("selfcheck.answer_selfcheckround", round_),
        "own_response": next((r for r in responses if r.respondent_id == user.pk), None),
        "statuses": [(value, RoundStatus(value).label) for value in services.next_statuses(round_)],
    }
    if can_change:
        context["invitation_form"] = forms.get("invitation_form") or InvitationForm(
            auto_id="id_invite_%s"
        )
        allowed = services.next_statuses(round_)
        context["can_open_perspectives"] = RoundStatus.PERSPECTIVES in allowed
        if RoundStatus.CLOSED in allowed:
            context["close_form"] = forms.get("close_form") or RoundStatusForm(
                allowed=allowed, auto_id="id_close_%s"
            )
    return context


@login_required
@require_http_methods(["GET"])
def round_detail(request, pk: int):
    round_ = _round(request, pk)
    return render(request, "selfcheck/round_detail.html", _detail_context(request, round_))


@login_required
@require_http_methods(["POST"])
def round_status(request, pk: int):
    round_ = _round(request, pk, "selfcheck.change_selfcheckround")
    form = RoundStatusForm(
        request.POST, allowed=services.next_statuses(round_), auto_id="id_close_%s"
    )
    if not form.is_valid():
        if "confirm" in form.errors:
            # Closing without the confirmation: the page again, the error at the checkbox.
            context = _detail_context(request, round_, close_form=form)
            return render(request, "selfcheck/round_detail.html", context, status=400)
        messages.error(request, _("This round cannot move to that step."))
        return redirect(round_)
    try:
        services.set_round_status(round_, form.cleaned_data["status"], by=request.user)
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
    else:
        messages.success(
            request,
            _("The round's status is now: %(status)s.") % {"status": round_.get_status_display()},
        )
    return redirect(round_)


@login_required
@require_http_methods(["POST"])
def invitation_create(request, pk: int):
    round_ = _round(request, pk, "selfcheck.change_selfcheckround")
    form = InvitationForm(request.POST, auto_id="id_invite_%s")
    invitation = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            invitation = services.create_invitation(
                round_,
                perspective=data["perspective"],
                label=data["label"].strip(),
                email=data["email"],
                by=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
    notes: list[str] = []
    if invitation is not None:
        link = request.build_absolute_uri(invitation.get_absolute_url())
        if invitation.email:
            services.send_invitation(invitation, link=link, by=request.user)
            notes.append(
                _("The invitation link was sent to %(email)s.") % {"email": invitation.email}
            )
        else:
            notes.append(
                _("The invitation link was created. Copy it from the list and pass it on.")
            )
        if not services.perspective_allowed(round_, invitation.perspective):
            notes.append(
                _("The link opens once the administration has answered and the round moves on.")
            )
    if request.htmx:
        # The partial shows the notes itself; a flash message would appear again later.
        forms = {} if invitation else {"invitation_form": form}
        context = _detail_context(request, round_, **forms)
        context["notes"] = notes
        return render(request, "selfcheck/_invitations.html", context, status=200)
    if invitation is not None:
        for note in notes:
            messages.success(request, note)
        return redirect(f"{round_.get_absolute_url()}#invitations")
    context = _detail_context(request, round_, invitation_form=form)
    return render(request, "selfcheck/round_detail.html", context, status=400)
