"""One spelling of an e-mail address for login, lockout and storage.

Login compares addresses without regard to case. If the lockout counted failures
per address as typed, `Team@…` and `TEAM@…` would each get their own tries; so
every place that stores, looks up or counts an address goes through
`normalise_email` first.
"""

from django.http import HttpRequest


def normalise_email(address: str) -> str:
    """The stored form of an address: surrounding blanks removed, lower case."""
    return address.strip().lower()


def lockout_username(request: HttpRequest | None, credentials: dict | None) -> str:
    """The name django-axes counts failed logins under (AXES_USERNAME_CALLABLE)."""
    from django.conf import settings

    field = settings.AXES_USERNAME_FORM_FIELD
    value = (credentials or {}).get(field)
    if value is None and request is not None:
        value = request.POST.get(field)
    return normalise_email(str(value or ""))
