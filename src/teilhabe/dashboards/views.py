"""The start page after login: one overview per role."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from teilhabe.core.mail import send_again
from teilhabe.core.models import MailStatus, OutgoingMail
from teilhabe.core.pagination import paginate
from teilhabe.dashboards import guidance
from teilhabe.processes.models import Process
from teilhabe.programmes.models import Municipality

# Undelivered mails listed on the dashboard; more are counted, not listed.
UNDELIVERED_MAIL_SHOWN = 10


@login_required
@require_http_methods(["GET"])
def dashboard(request):
    """One overview per role: what this person should do next (see guidance.py)."""
    user = request.user
    today = timezone.localdate()
    context = {"nav": "dashboard", "today": today, **_undelivered_mail(user)}
    if user.is_superuser or (user.is_programme_office and user.office_programme_ids):
        context.update(guidance.office_decisions(user, today))
        template = "dashboards/dashboard_office.html"
    elif user.is_facilitator and user.facilitated_process_ids:
        context.update(guidance.facilitator_tasks(user, today))
        context["page"] = paginate(
            request,
            Process.objects.visible_to(user).active().with_overview(),
            count=context["running_count"],
        )
        template = "dashboards/dashboard_facilitator.html"
    elif user.is_municipal and user.municipality_id:
        municipality = user.municipality
        context.update(guidance.municipal_overview(user, municipality, today))
        context["municipality"] = municipality
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
