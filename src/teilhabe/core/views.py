from django.conf import settings
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from teilhabe.core.models import LegalPage


@require_http_methods(["GET"])
def health(request):
    """For load balancers: answers 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_http_methods(["GET"])
def legal(request, kind: str):
    """Imprint, privacy policy or accessibility statement: public, linked in every footer."""
    if kind not in LegalPage.Kind.values:
        raise Http404
    page = LegalPage.objects.filter(kind=kind).first()
    text = page.text_for(get_language()) if page else ""
    return render(
        request,
        "core/legal.html",
        {
            "kind": kind,
            "title": LegalPage.Kind(kind).label,
            "text": text,
            "updated_at": page.updated_at if page and text else None,
            "operator": settings.OPERATOR,
        },
    )
