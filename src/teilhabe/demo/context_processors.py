from django.conf import settings

from teilhabe.demo.logins import DEMO_LOGINS, DEMO_PASSWORD, demo_accounts


def demo_logins(request):
    """The demo accounts for the login page, only when the demo is switched on.

    DEMO_ACCOUNTS is a function: templates call it, so only the login page queries.
    """
    if not settings.DEMO_MODE:
        return {}
    return {
        "DEMO_LOGINS": DEMO_LOGINS,
        "DEMO_PASSWORD": DEMO_PASSWORD,
        "DEMO_ACCOUNTS": demo_accounts,
    }
