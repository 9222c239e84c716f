"""The start page after login: one overview per role."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from teilhabe.core.mail import send_again
from teilhabe.core.models import MailStatus, OutgoingMail
from teilhabe.core.pagination import paginate
from teilhabe.processes.models import Process
from teilhabe.programmes.models import Application, ApplicationStatus, Municipality, Round
from teilhabe.stakeholders import analysis
from teilhabe.stakeholders.models import Actor, ActorCategory

# Undelivered mails listed on the dashboard; more are counted, not listed.
UNDELIVERED_MAIL_SHOWN = 10


@login_required
@require_http_methods(["GET"])
def dashboard(request):
    """One overview per role: what this person needs to see first."""
    user = request.user
    processes = Process.objects.visible_to(user).active().with_overview()
    context = {"nav": "dashboard", **_undelivered_mail(user)}
    if user.is_programme_office or user.is_superuser:
        context["page"] = paginate(request, processes)
        context["closed_count"] = (
            Process.objects.visible_to(user).filter(closed_on__isnull=False).count()
        )
        context["pending_applications"] = (
            Application.objects.visible_to(user)
            .filter(status=ApplicationStatus.SUBMITTED)
            .select_related("municipality", "round__programme")[:10]
        )
        template = "dashboards/dashboard_office.html"
    elif user.is_facilitator:
        context["page"] = paginate(request, processes)
        template = "dashboards/dashboard_facilitator.html"
    elif user.is_municipal:
        context["processes"] = list(processes)
        context["applications"] = (
            Application.objects.visible_to(user)
            .exclude(status=ApplicationStatus.ADMITTED)
            .select_related("round__programme")
        )
        context["open_rounds"] = (
            Round.objects.open_for_applications()
            .exclude(applications__municipality=user.municipality_id)
            .select_related("programme")
        )
        if user.municipality_id:
            actors = list(
                Actor.objects.filter(municipality=user.municipality_id).only(
                    "category_id", "involvement"
                )
            )
            context["actor_count"] = len(actors)
            context["coverage"] = analysis.coverage(actors, ActorCategory.objects.all())
        template = "dashboards/dashboard_municipality.html"
    else:
        template = "dashboards/dashboard_empty.html"
    return render(request, template, context)


def _mail_to_watch(user):
    """Mail whose delivery this person answers for.

    Everybody sees the mail they caused (superusers all of it). The programme office
    also sees mail caused by the people of the municipalities in its scope, so a
    submission notice or a self-check link that never arrived does not stay a secret
    between a coordinator and a dead mail server.
    """
    mail = OutgoingMail.objects.visible_to(user)
    if user.is_programme_office:
        mail = mail | OutgoingMail.objects.filter(
            caused_by__municipality__in=Municipality.objects.in_scope_of(user)
        )
    return mail


def _undelivered_mail(user) -> dict:
    """Undelivered mail of _mail_to_watch, the newest first, for the dashboard notice."""
    undelivered = _mail_to_watch(user).undelivered()
    shown = list(undelivered[:UNDELIVERED_MAIL_SHOWN])
    count = undelivered.count() if len(shown) == UNDELIVERED_MAIL_SHOWN else len(shown)
    return {"undelivered_mail": shown, "undelivered_count": count}


@login_required
@require_http_methods(["POST"])
def mail_send_again(request, pk: int):
    """Queue an undelivered e-mail again and go back to the start page, where it is listed.

    Whoever sees the mail on their dashboard may (see _mail_to_watch); others get 404.
    """
    outgoing = get_object_or_404(_mail_to_watch(request.user), pk=pk)
    try:
        outgoing = send_again(outgoing, by=request.user)
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
        return redirect("dashboards:dashboard")
    recipient = {"recipient": outgoing.recipient}
    if outgoing.status == MailStatus.SENT:
        messages.success(request, _("The e-mail to %(recipient)s has been sent.") % recipient)
    elif outgoing.status == MailStatus.FAILED:
        messages.error(
            request, _("The e-mail to %(recipient)s still could not be delivered.") % recipient
        )
    else:
        messages.success(
            request, _("The e-mail to %(recipient)s will be sent in a moment.") % recipient
        )
    return redirect("dashboards:dashboard")
