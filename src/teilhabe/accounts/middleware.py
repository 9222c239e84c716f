from django.conf import settings
from django.utils import translation


class PreferredLanguageMiddleware:
    """Use the logged-in person's preferred language unless they picked one in the switch.

    The language switch sets a cookie, which LocaleMiddleware honours; without that
    cookie, the profile setting decides instead of the browser's Accept-Language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and user.preferred_language
        ):
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
