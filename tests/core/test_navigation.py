"""The main navigation per role: which links appear, and that each shown link opens.

base.html decides with the same permissions the list views check, so a link is
shown exactly when its page lets the user in; a hidden list answers 403.
"""

import re

import pytest
from django.urls import reverse

from tests.factories import UserFactory

NAV = re.compile(r'<nav aria-label="[^"]+">\s*<ul class="nav-list">(.*?)</ul>', re.S)
LISTS = {
    "processes": "processes:process_list",
    "municipalities": "programmes:municipality_list",
    "applications": "programmes:application_list",
    "programmes": "programmes:programme_list",
    "instruments": "selfcheck:instrument_list",
    "people": "programmes:people",
}
EVERYBODY = {"overview", "processes", "municipalities", "applications"}
OFFICE = EVERYBODY | {"programmes", "instruments", "people"}

EXPECTED = {
    "office": OFFICE,
    "other_office": OFFICE,
    "superuser": OFFICE,
    "facilitator": EVERYBODY,
    "coordinator": EVERYBODY | {"stakeholders", "people"},
    "team_member": EVERYBODY | {"stakeholders"},
    "operator": EVERYBODY,
}


@pytest.fixture
def operator(db):
    """Staff without a role: works in the Django admin."""
    return UserFactory(is_staff=True)


def _links(html: str) -> set[str]:
    nav = NAV.search(html)
    assert nav, "no main navigation"
    hrefs = set(re.findall(r'href="([^"]+)"', nav.group(1)))
    found = {name for name, url in LISTS.items() if reverse(url) in hrefs}
    if reverse("dashboards:dashboard") in hrefs:
        found.add("overview")
    if any(href.endswith("/actors/") for href in hrefs):
        found.add("stakeholders")
    assert len(found) == len(hrefs), hrefs
    return found


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_navigation_links_per_role(client, request, process, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    links = _links(client.get(reverse("dashboards:dashboard")).text)
    assert links == EXPECTED[role]
    for name, url in LISTS.items():
        status = client.get(reverse(url)).status_code
        assert status == (200 if name in links else 403), name


@pytest.mark.parametrize("role", ["coordinator", "team_member"])
def test_stakeholder_link_opens_own_municipality(client, request, municipality, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("dashboards:dashboard"))
    url = reverse("stakeholders:actor_list", args=[municipality.pk])
    assert url in NAV.search(response.text).group(1)
    assert client.get(url).status_code == 200


def test_anonymous_sees_no_navigation(client, db):
    response = client.get(reverse("accounts:login"))
    assert NAV.search(response.text) is None


def test_programme_breadcrumb_only_for_those_who_may_list_programmes(
    client, coordinator, office, programme, round_
):
    url = reverse("programmes:programme_detail", args=[programme.pk])
    link = f'href="{reverse("programmes:programme_list")}"'
    client.force_login(office)
    assert link in client.get(url).text
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200
    assert link not in response.text
