"""The start page after login: one overview per role."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from teilhabe.core.models import OutgoingMail
from teilhabe.core.pagination import paginate
from teilhabe.processes.models import Process
from teilhabe.programmes.models import Application, ApplicationStatus, Round
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


def _undelivered_mail(user) -> dict:
    """The mails this person caused that could not be delivered (all, for superusers)."""
    undelivered = OutgoingMail.objects.undelivered().visible_to(user)
    shown = list(undelivered[:UNDELIVERED_MAIL_SHOWN])
    count = undelivered.count() if len(shown) == UNDELIVERED_MAIL_SHOWN else len(shown)
    return {"undelivered_mail": shown, "undelivered_count": count}
