"""Middleware of the ground floor: refusing requests before their body is read."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string


class RequestSizeLimitMiddleware:
    """Answer 413 to a request whose declared body is larger than any allowed upload.

    Django checks a file's size only after it has received the whole body, so a
    500 MB upload would be read (and spooled to disk) before the form said no. This
    middleware looks at Content-Length alone and never touches the body. A request
    without Content-Length has an empty body for Django (chunked bodies are the
    reverse proxy's business: see `client_max_body_size` in the README), so the
    header is the whole story here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django treats an unreadable length as an empty body too
        if length > settings.MAX_REQUEST_BYTES:
            # Rendered without the request: no session, user or CSRF token is needed,
            # and none of them has been set up yet at this point.
            response = HttpResponse(
                render_to_string("core/request_too_large.html", {"max_mb": settings.MAX_UPLOAD_MB}),
                status=413,
            )
            # The unread body stays on the connection; it must not be taken for the
            # next request.
            response["Connection"] = "close"
            return response
        return self.get_response(request)
