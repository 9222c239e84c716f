"""Safety net over every URL: nothing of ours is reachable without logging in."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PUBLIC = {
    "core:health",
    # Imprint, privacy policy and accessibility statement: linked in every footer.
    "core:legal",
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "accounts:logout",
    "set_language",
    # One-click login as a demo account: 404 unless the demo is switched on.
    "demo:login",
    # Respondents without an account answer through their personal link.
    "selfcheck:respond",
}
# Every namespace of ours: a new app's URLs are covered without editing this list.
NOT_OURS = {"admin"}


def _names(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace not in NOT_OURS:
                yield from _names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", list(entry.pattern.converters)


ALL = sorted(
    {
        (name, tuple(args))
        for name, args in _names()
        if ":" in name and name.split(":")[0] not in NOT_OURS and name not in PUBLIC
    }
)


def test_every_app_url_is_covered():
    # Guards against the safety net itself going empty.
    assert len(ALL) > 30


@pytest.mark.parametrize(("name", "args"), ALL, ids=[name for name, _ in ALL])
def test_anonymous_is_sent_to_login(client, db, name, args):
    url = reverse(name, kwargs=dict.fromkeys(args, 1))
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        assert response.status_code in (302, 405), (name, method, response.status_code)
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("accounts:login")), name
