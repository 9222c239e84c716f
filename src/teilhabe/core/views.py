from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from teilhabe.core.access import get_object_for
from teilhabe.core.mail import send_again
from teilhabe.core.models import MailStatus, OutgoingMail


@require_http_methods(["GET"])
def health(request):
    """For load balancers: answers 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@login_required
@require_http_methods(["POST"])
def mail_send_again(request, pk: int):
    """Queue an undelivered e-mail again and go back to the start page, where it is listed.

    Only the person who caused the mail (or a superuser) may; everybody else gets 404.
    """
    outgoing = get_object_for(request.user, OutgoingMail.objects.all(), pk=pk)
    try:
        outgoing = send_again(outgoing, by=request.user)
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
        return redirect(settings.LOGIN_REDIRECT_URL)
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
    return redirect(settings.LOGIN_REDIRECT_URL)
