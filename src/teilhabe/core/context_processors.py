from django.conf import settings


def site(request):
    context = {"DEMO_MODE": settings.DEMO_MODE, "SITE_URL": settings.SITE_URL}
    if settings.DEMO_MODE:
        from teilhabe.core.demo_logins import DEMO_LOGINS, DEMO_PASSWORD

        context.update(DEMO_LOGINS=DEMO_LOGINS, DEMO_PASSWORD=DEMO_PASSWORD)
    return context
