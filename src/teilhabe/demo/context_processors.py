from django.conf import settings

from teilhabe.demo.logins import DEMO_LOGINS, DEMO_PASSWORD


def demo_logins(request):
    """The demo accounts for the login page, only when the demo is switched on."""
    if not settings.DEMO_MODE:
        return {}
    return {"DEMO_LOGINS": DEMO_LOGINS, "DEMO_PASSWORD": DEMO_PASSWORD}
