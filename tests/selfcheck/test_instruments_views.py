"""Instrument pages of the programme office: versions, locking, succeeding, publishing."""

import pytest
from django.urls import reverse

from teilhabe.selfcheck.models import InstrumentVersion, Item, VersionStatus
from tests.selfcheck.factories import AnswerFactory, InstrumentVersionFactory, ResponseFactory

# (url name, needs a version pk, allowed methods)
VIEWS = [
    ("instrument_list", False, ["GET"]),
    ("version_detail", True, ["GET", "POST"]),
    ("version_succeed", True, ["POST"]),
    ("version_publish", True, ["POST"]),
]


def url_for(name: str, version, needs_pk: bool) -> str:
    return reverse(f"selfcheck:{name}", args=[version.pk] if needs_pk else [])


def wrong_method(methods: list[str]) -> str:
    if methods == ["GET", "POST"]:
        return "DELETE"
    return "POST" if methods == ["GET"] else "GET"


def call(client, method: str, url: str):
    return getattr(client, method.lower())(url)


@pytest.fixture
def draft(version, office):
    from teilhabe.selfcheck import services

    return services.succeed_version(version, by=office)


@pytest.mark.parametrize(("name", "needs_pk", "methods"), VIEWS)
def test_anonymous_is_sent_to_login(client, version, name, needs_pk, methods):
    for method in methods:
        response = call(client, method, url_for(name, version, needs_pk))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(("name", "needs_pk", "methods"), VIEWS)
def test_wrong_method(client, office, version, name, needs_pk, methods):
    client.force_login(office)
    url = url_for(name, version, needs_pk)
    assert client.generic(wrong_method(methods), url).status_code == 405


@pytest.mark.parametrize(("name", "needs_pk", "methods"), VIEWS)
@pytest.mark.parametrize("who", ["coordinator", "team_member", "facilitator", "outsider"])
def test_only_the_programme_office_manages_instruments(
    client, request, version, who, name, needs_pk, methods
):
    client.force_login(request.getfixturevalue(who))
    for method in methods:
        assert call(client, method, url_for(name, version, needs_pk)).status_code == 403
    assert version.instrument.versions.count() == 1


def test_unknown_version_is_404(client, office, db):
    client.force_login(office)
    assert client.get(reverse("selfcheck:version_detail", args=[999999])).status_code == 404


def test_instrument_list(client, office, version, selfcheck, draft, django_assert_max_num_queries):
    client.force_login(office)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("selfcheck:instrument_list"))
    assert response.status_code == 200
    html = response.text
    assert "Selbstcheck" in html
    assert reverse("selfcheck:version_detail", args=[version.pk]) in html
    assert reverse("selfcheck:version_detail", args=[draft.pk]) in html
    (instrument,) = [i for i in response.context["instruments"] if i.key == "selbstcheck"]
    counts = {v.number: v.round_count for v in instrument.versions.all()}
    assert counts == {1: 1, 2: 0}


def test_version_with_answers_is_locked(client, office, version, selfcheck, items):
    AnswerFactory(response=ResponseFactory(round=selfcheck), item=items["leitbild"])
    client.force_login(office)
    url = reverse("selfcheck:version_detail", args=[version.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["has_answers"] and not response.context["editable"]
    assert reverse("selfcheck:version_succeed", args=[version.pk]) in response.text
    assert "Die Kommune hat ein vom Rat beschlossenes Leitbild" in response.text
    # Changing the wording of a locked version is refused.
    item = items["leitbild"]
    refused = client.post(url, {"item": item.pk, f"item-{item.pk}-text": "Neu"})
    assert refused.status_code == 403
    item.refresh_from_db()
    assert item.text.startswith("Die Kommune")


def test_a_draft_with_answers_is_locked_in_the_view(client, office, version, selfcheck, items):
    version.status = VersionStatus.DRAFT
    version.save(update_fields=["status"])
    AnswerFactory(response=ResponseFactory(round=selfcheck), item=items["budget"])
    client.force_login(office)
    url = reverse("selfcheck:version_detail", args=[version.pk])
    assert client.get(url).context["editable"] is False
    assert client.post(url, {"item": items["budget"].pk}).status_code == 403


def test_succeed_creates_a_draft_copy(client, office, version):
    client.force_login(office)
    response = client.post(reverse("selfcheck:version_succeed", args=[version.pk]))
    draft = InstrumentVersion.objects.get(number=2, instrument=version.instrument)
    assert response.status_code == 302
    assert response["Location"] == reverse("selfcheck:version_detail", args=[draft.pk])
    assert draft.status == VersionStatus.DRAFT and draft.created_by == office
    assert Item.objects.filter(field__version=draft).count() == 4
    # Succeeding again does not make a third version.
    client.post(reverse("selfcheck:version_succeed", args=[version.pk]))
    assert version.instrument.versions.count() == 2


def test_draft_wording_can_change(client, office, draft):
    client.force_login(office)
    url = reverse("selfcheck:version_detail", args=[draft.pk])
    page = client.get(url)
    assert page.context["editable"]
    assert reverse("selfcheck:version_publish", args=[draft.pk]) in page.text
    item = Item.objects.get(field__version=draft, key="leitbild")
    prefix = f"item-{item.pk}"
    response = client.post(
        url,
        {
            "item": item.pk,
            f"{prefix}-text": "Ein Leitbild zu Vielfalt wurde vom Rat beschlossen.",
            f"{prefix}-text_en": "The council adopted a mission statement on diversity.",
            f"{prefix}-help": "",
            f"{prefix}-help_en": "",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.text == "Ein Leitbild zu Vielfalt wurde vom Rat beschlossen."
    invalid = client.post(url, {"item": item.pk, f"{prefix}-text": ""})
    assert invalid.status_code == 400
    # An item of another version cannot be changed through this page.
    other = Item.objects.exclude(field__version=draft).first()
    assert client.post(url, {"item": other.pk, f"item-{other.pk}-text": "X"}).status_code == 404


def test_publish_retires_the_previous_version(
    client, office, coordinator, municipality, version, selfcheck, items, draft
):
    answer = AnswerFactory(response=ResponseFactory(round=selfcheck), item=items["leitbild"])
    client.force_login(office)
    response = client.post(reverse("selfcheck:version_publish", args=[draft.pk]))
    assert response.status_code == 302
    version.refresh_from_db()
    draft.refresh_from_db()
    assert (version.status, draft.status) == (VersionStatus.RETIRED, VersionStatus.PUBLISHED)
    # Rounds opened afterwards use the new version; old answers keep their old items.
    client.force_login(coordinator)
    client.post(reverse("selfcheck:round_create", args=[municipality.pk]), {"title": "Neu"})
    assert municipality.selfcheck_rounds.get(title="Neu").version == draft
    answer.refresh_from_db()
    assert answer.item.field.version == version


def test_publish_errors_become_messages(client, office, version):
    client.force_login(office)
    empty = InstrumentVersionFactory(instrument=version.instrument, status=VersionStatus.DRAFT)
    response = client.post(reverse("selfcheck:version_publish", args=[empty.pk]), follow=True)
    assert response.status_code == 200
    assert list(response.context["messages"])
    empty.refresh_from_db()
    version.refresh_from_db()
    assert empty.status == VersionStatus.DRAFT and version.status == VersionStatus.PUBLISHED
    again = client.post(reverse("selfcheck:version_publish", args=[version.pk]), follow=True)
    assert list(again.context["messages"])
