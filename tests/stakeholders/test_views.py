import re
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from teilhabe.stakeholders.models import (
    Actor,
    ActorCategory,
    ActorKind,
    Assessment,
    Involvement,
    Participation,
)
from tests.factories import BlockFactory
from tests.stakeholders.conftest import category
from tests.stakeholders.factories import (
    ActorFactory,
    AssessmentFactory,
    ParticipationFactory,
    PersonFactory,
)

# (url name, which fixture gives the pk, allowed methods, changes data)
VIEWS = [
    ("actor_list", "municipality", ["GET"], False),
    ("matrix", "municipality", ["GET"], False),
    ("coverage", "municipality", ["GET"], False),
    ("actor_create", "municipality", ["GET", "POST"], True),
    ("actor_detail", "actor", ["GET"], False),
    ("actor_edit", "actor", ["GET", "POST"], True),
    ("actor_delete", "actor", ["GET", "POST"], True),
    ("actor_assess", "actor", ["POST"], True),
    ("actor_involvement", "actor", ["POST"], True),
    ("participation_add", "actor", ["POST"], True),
]
READ_VIEWS = [view[:3] for view in VIEWS if not view[3]]
CHANGE_VIEWS = [view[:3] for view in VIEWS if view[3]]
CATEGORY_VIEWS = [
    ("category_list", None, ["GET"]),
    ("category_create", None, ["GET", "POST"]),
    ("category_edit", "welfare", ["GET", "POST"]),
]


def url_for(request, name: str, source: str | None) -> str:
    if source is None:
        return reverse(f"stakeholders:{name}")
    if source == "welfare":
        return reverse(f"stakeholders:{name}", args=[category("welfare").pk])
    return reverse(f"stakeholders:{name}", args=[request.getfixturevalue(source).pk])


def call(client, method: str, url: str, **extra):
    return getattr(client, method.lower())(url, **extra)


def wrong_method(methods: list[str]) -> str:
    if methods == ["GET", "POST"]:
        return "DELETE"
    return "POST" if methods == ["GET"] else "GET"


# --- Matrix: anonymous, wrong method, out of scope, forbidden -------------------------


@pytest.mark.parametrize(("name", "source", "methods"), [v[:3] for v in VIEWS] + CATEGORY_VIEWS)
def test_anonymous_is_sent_to_login(client, db, request, name, source, methods):
    url = url_for(request, name, source)
    for method in methods:
        response = call(client, method, url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(("name", "source", "methods"), [v[:3] for v in VIEWS])
def test_wrong_method(client, request, coordinator, name, source, methods):
    client.force_login(coordinator)
    url = url_for(request, name, source)
    assert client.generic(wrong_method(methods), url).status_code == 405


@pytest.mark.parametrize(("name", "source", "methods"), CATEGORY_VIEWS)
def test_category_views_wrong_method(client, request, office, name, source, methods):
    client.force_login(office)
    url = url_for(request, name, source)
    assert client.generic(wrong_method(methods), url).status_code == 405


@pytest.mark.parametrize("who", ["outsider", "other_facilitator", "other_office"])
@pytest.mark.parametrize(("name", "source", "methods"), [v[:3] for v in VIEWS])
def test_out_of_scope_is_404(client, request, process, who, name, source, methods):
    url = url_for(request, name, source)
    client.force_login(request.getfixturevalue(who))
    for method in methods:
        assert call(client, method, url).status_code == 404


@pytest.mark.parametrize(("name", "source", "methods"), READ_VIEWS)
@pytest.mark.parametrize("who", ["office", "facilitator", "coordinator", "team_member"])
def test_everyone_in_scope_may_read(client, request, process, who, name, source, methods):
    client.force_login(request.getfixturevalue(who))
    response = client.get(url_for(request, name, source))
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "source", "methods"), CHANGE_VIEWS)
def test_office_may_not_change(client, request, process, office, name, source, methods):
    client.force_login(office)
    url = url_for(request, name, source)
    for method in methods:
        assert call(client, method, url).status_code == 403


@pytest.mark.parametrize(("name", "source", "methods"), CATEGORY_VIEWS)
@pytest.mark.parametrize("who", ["coordinator", "facilitator", "outsider"])
def test_only_the_office_manages_categories(client, db, request, who, name, source, methods):
    client.force_login(request.getfixturevalue(who))
    url = url_for(request, name, source)
    for method in methods:
        assert call(client, method, url).status_code == 403


def test_foreign_actor_is_404_even_for_a_neighbour(client, coordinator, foreign_actor):
    client.force_login(coordinator)
    assert client.get(foreign_actor.get_absolute_url()).status_code == 404


# --- Actor list ------------------------------------------------------------------------


def test_actor_list_shows_actors_with_current_assessment(
    client, coordinator, municipality, assessed, organisation, foreign_actor
):
    AssessmentFactory(actor=organisation, influence=1, attitude=1)
    client.force_login(coordinator)
    response = client.get(reverse("stakeholders:actor_list", args=[municipality.pk]))
    assert response.status_code == 200
    html = response.text
    assert "Fatma Demir" in html and "Caritas Neckarbrück" in html
    assert "Fremder Verein" not in html
    assert "Promoters" in html or "Promotor" in html
    assert reverse("stakeholders:actor_create", args=[municipality.pk]) in html
    assert reverse("stakeholders:matrix", args=[municipality.pk]) in html
    assert reverse("stakeholders:coverage", args=[municipality.pk]) in html
    for fmt in ("xlsx", "csv"):
        assert reverse("stakeholders:actor_export", args=[municipality.pk, fmt]) in html
    rows = {actor.pk: actor for actor in response.context["page"]}
    assert (rows[assessed.pk].influence, rows[assessed.pk].attitude) == (4, 5)
    assert rows[assessed.pk].matrix_field == "promoters"
    assert rows[organisation.pk].matrix_field == "inform"


def test_actor_list_hides_new_button_from_the_office(client, office, process, municipality):
    client.force_login(office)
    response = client.get(reverse("stakeholders:actor_list", args=[municipality.pk]))
    assert reverse("stakeholders:actor_create", args=[municipality.pk]) not in response.text


def test_actor_list_filters(client, coordinator, municipality, organisation, person):
    silent = PersonFactory(
        municipality=municipality,
        name="Olga Stille",
        category=category("residents"),
        represents_silent_group=True,
        silent_group="Saisonarbeitskräfte",
        is_key_person=True,
        involvement=Involvement.ACTIVE,
    )
    client.force_login(coordinator)
    url = reverse("stakeholders:actor_list", args=[municipality.pk])

    def names(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return {actor.name for actor in response.context["page"]}

    assert names() == {"Caritas Neckarbrück", "Fatma Demir", "Olga Stille"}
    assert names(category=category("residents").pk) == {"Olga Stille"}
    assert names(kind=ActorKind.ORGANISATION) == {"Caritas Neckarbrück"}
    assert names(involvement=Involvement.ACTIVE) == {"Olga Stille"}
    assert names(key_person="on") == {"Olga Stille"}
    assert names(silent_group="on") == {"Olga Stille"}
    assert names(q="demir") == {"Fatma Demir"}
    # Invalid filter values show everything rather than failing.
    assert len(names(category="nope")) == 3
    assert silent.pk


def test_actor_list_htmx_returns_the_results_partial(client, coordinator, municipality, person):
    client.force_login(coordinator)
    url = reverse("stakeholders:actor_list", args=[municipality.pk])
    response = client.get(url, {"q": "Fatma"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.lstrip().startswith('<div id="results"')
    assert "Fatma Demir" in response.text
    full = client.get(url)
    assert "<html" in full.text and 'id="results"' in full.text


@pytest.mark.parametrize("count", [3, 25])
@pytest.mark.parametrize("name", ["actor_list", "matrix", "coverage"])
def test_query_count_is_constant(
    client, office, process, municipality, name, count, django_assert_max_num_queries
):
    organisation = ActorFactory(municipality=municipality)
    for index in range(count):
        actor = PersonFactory(municipality=municipality, organisation=organisation)
        if index % 2:
            AssessmentFactory(actor=actor, influence=index % 5 + 1, attitude=2)
    client.force_login(office)
    with django_assert_max_num_queries(10):
        response = client.get(
            reverse(f"stakeholders:{name}", args=[municipality.pk]), {"kind": ActorKind.PERSON}
        )
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 25])
def test_actor_detail_query_count_is_constant(
    client, coordinator, process, organisation, count, django_assert_max_num_queries
):
    for index in range(count):
        person = PersonFactory(municipality=organisation.municipality, organisation=organisation)
        AssessmentFactory(actor=organisation, influence=index % 5 + 1, attitude=3)
        ParticipationFactory(actor=organisation, block=BlockFactory(process=process))
        assert person.pk
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["history"]) == count


# --- Create and edit -------------------------------------------------------------------


def actor_data(**overrides):
    data = {
        "kind": ActorKind.PERSON,
        "name": "Ahmad Karimi",
        "category": category("migrant-organisations").pk,
        "role": "Vorsitzender",
        "email": "ahmad@example.org",
        "languages": "Deutsch, Dari",
        "involvement": Involvement.KNOWN,
    }
    data.update(overrides)
    return data


def test_create_actor(client, coordinator, municipality, organisation):
    client.force_login(coordinator)
    url = reverse("stakeholders:actor_create", args=[municipality.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, actor_data(organisation=organisation.pk))
    actor = Actor.objects.get(name="Ahmad Karimi")
    assert response.status_code == 302
    assert response["Location"] == actor.get_absolute_url()
    assert actor.municipality == municipality
    assert actor.organisation == organisation
    assert actor.created_by == coordinator


def test_facilitator_and_team_member_may_create(
    client, process, facilitator, team_member, municipality
):
    url = reverse("stakeholders:actor_create", args=[municipality.pk])
    for user, name in [(facilitator, "Eins"), (team_member, "Zwei")]:
        client.force_login(user)
        assert client.post(url, actor_data(name=name)).status_code == 302
    assert Actor.objects.filter(municipality=municipality).count() == 2


def test_create_rejects_foreign_and_person_organisations(
    client, coordinator, municipality, person, foreign_actor
):
    foreign_org = foreign_actor
    client.force_login(coordinator)
    url = reverse("stakeholders:actor_create", args=[municipality.pk])
    for bad in (foreign_org.pk, person.pk):
        response = client.post(url, actor_data(organisation=bad))
        assert response.status_code == 200
        assert "organisation" in response.context["form"].errors
        assert 'id="id_organisation_error"' in response.text
    assert not Actor.objects.filter(name="Ahmad Karimi").exists()


def test_an_organisation_cannot_belong_to_one(client, coordinator, municipality, organisation):
    # The profile language decides for a logged-in person, not Accept-Language.
    coordinator.preferred_language = "en"
    coordinator.save()
    client.force_login(coordinator)
    url = reverse("stakeholders:actor_create", args=[municipality.pk])
    response = client.post(
        url,
        actor_data(kind=ActorKind.ORGANISATION, organisation=organisation.pk),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert response.context["form"].errors["organisation"] == [
        "Only a person can belong to an organisation."
    ]


def test_errors_are_shown_per_field_in_the_users_language(client, coordinator, municipality):
    client.force_login(coordinator)
    url = reverse("stakeholders:actor_create", args=[municipality.pk])
    response = client.post(url, actor_data(name="", email="kein-mail"), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "email"}
    assert "Dieses Feld ist zwingend erforderlich." in response.text
    assert 'aria-describedby="id_name_error"' in response.text


def test_create_prefills_category(client, coordinator, municipality):
    client.force_login(coordinator)
    migrants = category("migrant-organisations")
    url = reverse("stakeholders:actor_create", args=[municipality.pk])
    response = client.get(url, {"category": migrants.pk})
    assert response.context["form"]["category"].value() == str(migrants.pk)


def test_edit_actor(client, facilitator, process, person):
    client.force_login(facilitator)
    url = reverse("stakeholders:actor_edit", args=[person.pk])
    assert client.get(url).status_code == 200
    data = actor_data(name="Fatma Demir-Yıldız", category=category("welfare").pk)
    data["organisation"] = person.organisation_id
    response = client.post(url, data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Fatma Demir-Yıldız"


def test_edit_form_offers_only_own_organisations(client, coordinator, person, foreign_actor):
    client.force_login(coordinator)
    response = client.get(reverse("stakeholders:actor_edit", args=[person.pk]))
    choices = list(response.context["form"].fields["organisation"].queryset)
    assert choices == [person.organisation]


def test_anonymised_person_cannot_be_edited(client, coordinator, person):
    from teilhabe.stakeholders import services

    services.delete_actor(person, by=coordinator)
    # The profile language decides for a logged-in person, not Accept-Language.
    coordinator.preferred_language = "en"
    coordinator.save()
    client.force_login(coordinator)
    for name in ("actor_edit", "actor_delete"):
        assert client.get(reverse(f"stakeholders:{name}", args=[person.pk])).status_code == 403
    response = client.get(person.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Deleted person" in response.text
    assert "Fatma" not in response.text
    assert "fatma.demir@caritas.example" not in response.text


# --- Detail ----------------------------------------------------------------------------


def test_detail_shows_data_history_and_members(client, coordinator, organisation, person):
    AssessmentFactory(
        actor=person, influence=2, attitude=2, assessed_at=datetime(2024, 1, 1, tzinfo=UTC)
    )
    AssessmentFactory(
        actor=person, influence=4, attitude=5, assessed_at=datetime(2024, 6, 1, tzinfo=UTC)
    )
    client.force_login(coordinator)
    response = client.get(person.get_absolute_url())
    assert response.status_code == 200
    html = response.text
    assert "fatma.demir@caritas.example" in html and "07071 55555" in html
    assert organisation.get_absolute_url() in html
    history = response.context["history"]
    assert [row["assessment"].influence for row in history] == [4, 2]
    assert history[0]["influence_change"] == "up"
    assert history[0]["field"] == "promoters"
    assert "↑" in html
    assert 'name="influence"' in html and 'type="radio"' in html
    org_page = client.get(organisation.get_absolute_url())
    assert person.get_absolute_url() in org_page.text


def test_office_sees_contact_data_but_no_forms(client, office, process, person):
    client.force_login(office)
    response = client.get(person.get_absolute_url())
    assert response.status_code == 200
    assert "fatma.demir@caritas.example" in response.text
    assert reverse("stakeholders:actor_assess", args=[person.pk]) not in response.text
    assert reverse("stakeholders:actor_edit", args=[person.pk]) not in response.text


# --- Assess, involvement, participation (with and without htmx) -------------------------


def test_assess_without_js_redirects_back(client, coordinator, person):
    client.force_login(coordinator)
    url = reverse("stakeholders:actor_assess", args=[person.pk])
    response = client.post(url, {"influence": "5", "attitude": "1", "note": "Bremst."})
    assert response.status_code == 302
    assert response["Location"] == f"{person.get_absolute_url()}#assessment"
    assessment = Assessment.objects.get(actor=person)
    assert (assessment.influence, assessment.attitude, assessment.assessed_by) == (
        5,
        1,
        coordinator,
    )


def test_assess_with_htmx_returns_the_section(client, coordinator, person):
    client.force_login(coordinator)
    url = reverse("stakeholders:actor_assess", args=[person.pk])
    response = client.post(url, {"influence": "4", "attitude": "4"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.lstrip().startswith('<section id="assessment"')
    assert response.context["saved"] is True
    assert response.context["current"]["field"] == "promoters"


def test_assess_invalid(client, coordinator, person):
    client.force_login(coordinator)
    url = reverse("stakeholders:actor_assess", args=[person.pk])
    response = client.post(url, {"influence": "9", "attitude": "3"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "errorlist" in response.text
    response = client.post(url, {"attitude": "3"})
    assert response.status_code == 400
    assert "<html" in response.text
    assert not Assessment.objects.exists()


def test_involvement(client, facilitator, process, person):
    client.force_login(facilitator)
    url = reverse("stakeholders:actor_involvement", args=[person.pk])
    response = client.post(url, {"involvement": Involvement.ACTIVE})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.involvement == Involvement.ACTIVE
    response = client.post(url, {"involvement": Involvement.INVITED}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="involvement"')
    person.refresh_from_db()
    assert person.involvement == Involvement.INVITED
    assert client.post(url, {"involvement": "famous"}).status_code == 400


def test_participation(client, coordinator, process, person):
    block = BlockFactory(process=process, name="Zukunftswerkstatt")
    client.force_login(coordinator)
    url = reverse("stakeholders:participation_add", args=[person.pk])
    response = client.post(url, {"block": block.pk, "invited_on": "2024-03-01"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.involvement == Involvement.INVITED
    response = client.post(
        url,
        {"block": block.pk, "took_part_on": "2024-03-15", "note": "Sehr engagiert"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="participations"')
    assert "Zukunftswerkstatt" in response.text
    participation = Participation.objects.get(actor=person)
    assert participation.invited_on == date(2024, 3, 1)
    assert participation.took_part_on == date(2024, 3, 15)
    person.refresh_from_db()
    assert person.involvement == Involvement.INVOLVED


def test_participation_errors(client, coordinator, process, other_process, person):
    block = BlockFactory(process=process)
    foreign_block = BlockFactory(process=other_process)
    client.force_login(coordinator)
    url = reverse("stakeholders:participation_add", args=[person.pk])
    response = client.post(url, {"block": foreign_block.pk, "invited_on": "2024-03-01"})
    assert response.status_code == 400
    assert "block" in response.context["participation_form"].errors
    response = client.post(
        url,
        {"block": block.pk, "invited_on": "2024-03-10", "took_part_on": "2024-03-01"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "took_part_on" in response.context["participation_form"].errors
    response = client.post(url, {"block": block.pk})
    assert response.status_code == 400
    assert not Participation.objects.exists()


# --- Delete ----------------------------------------------------------------------------


def test_delete_person_confirms_then_anonymises(client, coordinator, municipality, person):
    # The profile language decides for a logged-in person, not Accept-Language.
    coordinator.preferred_language = "en"
    coordinator.save()
    client.force_login(coordinator)
    url = reverse("stakeholders:actor_delete", args=[person.pk])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "anonymous statistics" in page.text
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("stakeholders:actor_list", args=[municipality.pk])
    person.refresh_from_db()
    assert person.is_anonymised and person.name == ""


def test_delete_organisation_keeps_persons(client, coordinator, organisation, person):
    client.force_login(coordinator)
    url = reverse("stakeholders:actor_delete", args=[organisation.pk])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert not Actor.objects.filter(pk=organisation.pk).exists()
    person.refresh_from_db()
    assert person.organisation is None and person.name == "Fatma Demir"


# --- Matrix ----------------------------------------------------------------------------


def test_matrix_svg_and_table(client, coordinator, municipality, assessed, organisation):
    critic = ActorFactory(municipality=municipality, name="Bürgerinitiative Nein")
    AssessmentFactory(actor=critic, influence=5, attitude=1)
    client.force_login(coordinator)
    response = client.get(reverse("stakeholders:matrix", args=[municipality.pk]))
    assert response.status_code == 200
    html = response.text
    assert "<svg" in html and 'role="group" aria-label="' in html
    assert 'style="' not in html
    assert f'href="{assessed.get_absolute_url()}"' in html
    assert "<title>" in html and "Fatma Demir" in html
    assert "<table" in html
    matrix = response.context["matrix"]
    assert matrix.counts["promoters"] == 1 and matrix.counts["critics"] == 1
    assert [actor.name for actor in matrix.unassessed] == ["Caritas Neckarbrück"]


def test_matrix_filter_by_category_with_htmx(client, coordinator, municipality, assessed):
    other = ActorFactory(municipality=municipality, category=category("religious"))
    AssessmentFactory(actor=other, influence=1, attitude=5)
    client.force_login(coordinator)
    url = reverse("stakeholders:matrix", args=[municipality.pk])
    response = client.get(url, {"category": category("religious").pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.lstrip().startswith('<div id="matrix-results"')
    assert [p.actor.pk for p in response.context["matrix"].points] == [other.pk]


def test_matrix_geometry_is_not_localised(client, coordinator, municipality, assessed):
    # German formats 378.0 as "378,0", which SVG would read as two coordinates.
    client.force_login(coordinator)
    url = reverse("stakeholders:matrix", args=[municipality.pk])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    svg = response.text[response.text.index("<svg") : response.text.index("</svg>")]
    attributes = r'\s(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height|font-size)="([^"]*)"'
    values = re.findall(attributes, svg)
    assert values and all("," not in value for value in values)


# --- Coverage --------------------------------------------------------------------------


def test_coverage_page(client, coordinator, municipality, person):
    person.involvement = Involvement.ACTIVE
    person.is_key_person = True
    person.represents_silent_group = True
    person.silent_group = "Junge Mütter"
    person.save()
    client.force_login(coordinator)
    response = client.get(reverse("stakeholders:coverage", args=[municipality.pk]))
    assert response.status_code == 200
    coverage = response.context["coverage"]
    recommended = ActorCategory.objects.filter(recommended=True).count()
    assert coverage.score == round(100 / recommended)
    gap_keys = {row.category.key for row in coverage.gaps}
    assert "welfare" not in gap_keys and "migrant-organisations" in gap_keys
    html = response.text
    migrants = category("migrant-organisations")
    assert migrants.suggestion in html or migrants.suggestion_en in html
    assert "Junge Mütter" in html
    assert person.get_absolute_url() in html


# --- Links from other pages -------------------------------------------------------------


def test_links_to_the_analysis(client, coordinator, process, municipality):
    client.force_login(coordinator)
    url = reverse("stakeholders:actor_list", args=[municipality.pk])
    assert url in client.get(reverse("dashboards:dashboard")).text
    assert url in client.get(process.get_absolute_url()).text
    assert url in client.get(municipality.get_absolute_url()).text


def test_dashboard_shows_coverage(client, coordinator, municipality, person):
    person.involvement = Involvement.INVOLVED
    person.save()
    client.force_login(coordinator)
    response = client.get(reverse("dashboards:dashboard"))
    assert response.context["actor_count"] == 2
    assert response.context["coverage"].score > 0
    assert reverse("stakeholders:coverage", args=[municipality.pk]) in response.text


# --- Categories ------------------------------------------------------------------------


def test_office_lists_and_edits_categories(client, office):
    client.force_login(office)
    response = client.get(reverse("stakeholders:category_list"))
    assert response.status_code == 200
    assert "Migrant" in response.text
    welfare = category("welfare")
    url = reverse("stakeholders:category_edit", args=[welfare.pk])
    assert client.get(url).status_code == 200
    data = {
        "key": "something-else",
        "name": "Wohlfahrt",
        "name_en": "Welfare",
        "recommended": "",
        "position": "5",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    welfare.refresh_from_db()
    assert (welfare.name, welfare.recommended, welfare.position) == ("Wohlfahrt", False, 5)
    # The key is fixed once created: import files refer to it.
    assert welfare.key == "welfare"


def test_office_creates_category_with_unique_key(client, office):
    client.force_login(office)
    url = reverse("stakeholders:category_create")
    assert client.get(url).status_code == 200
    data = {"key": "sport", "name": "Sport", "position": "200", "recommended": "on"}
    assert client.post(url, data).status_code == 302
    assert ActorCategory.objects.get(key="sport").recommended
    response = client.post(url, {**data, "key": "welfare"})
    assert response.status_code == 200
    assert "key" in response.context["form"].errors
    response = client.post(url, {**data, "key": "Not a slug!"})
    assert "key" in response.context["form"].errors


def test_unknown_category_is_404(client, office):
    client.force_login(office)
    assert client.get(reverse("stakeholders:category_edit", args=[999999])).status_code == 404
