"""Results, workshop and export views: permissions, methods, content, query counts."""

import re

import pytest
from django.urls import reverse

from teilhabe.programmes.models import MunicipalityKind
from teilhabe.selfcheck.models import FirstStep, Perspective, WorkshopNote
from tests.conftest import login
from tests.selfcheck.results_fixtures import (
    build_round,
    build_version,
    municipality_with_round,
    respond,
)

VIEWS = ["results", "workshop", "report_pdf", "answers_xlsx"]


@pytest.fixture
def v1(db):
    return build_version(1)[0]


@pytest.fixture
def checked(process, municipality, v1):
    """A round of `municipality` (which has a process) with three submitted responses."""
    round_ = build_round(municipality, v1, title="Selbstcheck 2024")
    respond(round_, Perspective.ADMINISTRATION, values={"haltung-1": 5}, department="Personalamt")
    respond(round_, Perspective.ADMINISTRATION, values={"haltung-1": 1})
    respond(
        round_,
        Perspective.MIGRANT_ORGANISATIONS,
        values={"haltung-1": 2, "oeffnung-text": "Mehr Dolmetschende"},
    )
    return round_


def login_as(client, user, language="en"):
    # The profile language decides for a logged-in person, not Accept-Language.
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return login(client, user)


def url(name, round_):
    return reverse(f"selfcheck:{name}", args=[round_.pk])


def workshop_post(round_, **extra):
    data = {}
    for field in round_.version.fields.all():
        prefix = f"field-{field.pk}"
        data.update(
            {
                f"{prefix}-potentials": "",
                f"{prefix}-recommendations": "",
                f"{prefix}-step_text": "",
                f"{prefix}-step_responsible": "",
                f"{prefix}-step_due_on": "",
            }
        )
    data.update(extra)
    return data


# --- Permissions -------------------------------------------------------------------------


@pytest.mark.parametrize("name", VIEWS)
def test_anonymous_is_sent_to_login(client, checked, name):
    response = client.get(url(name, checked))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", VIEWS)
@pytest.mark.parametrize("user", ["outsider", "other_facilitator"])
def test_outside_the_scope_is_404(client, request, checked, name, user):
    login(client, request.getfixturevalue(user))
    assert client.get(url(name, checked)).status_code == 404


@pytest.mark.parametrize("user", ["outsider", "other_facilitator"])
def test_outsider_cannot_post_the_workshop(client, request, checked, user):
    login(client, request.getfixturevalue(user))
    response = client.post(url("workshop", checked), workshop_post(checked))
    assert response.status_code == 404


@pytest.mark.parametrize("name", VIEWS)
@pytest.mark.parametrize("user", ["coordinator", "team_member", "facilitator", "office"])
def test_team_facilitator_and_office_can_view_and_export(client, request, checked, name, user):
    login(client, request.getfixturevalue(user))
    assert client.get(url(name, checked)).status_code == 200


@pytest.mark.parametrize("user", ["team_member", "office"])
def test_team_member_and_office_cannot_change_the_workshop(client, request, checked, user):
    login(client, request.getfixturevalue(user))
    field = checked.version.fields.first()
    data = workshop_post(checked, **{f"field-{field.pk}-potentials": "Mehr"})
    assert client.post(url("workshop", checked), data).status_code == 403
    assert not WorkshopNote.objects.exists()
    page = client.get(url("workshop", checked))
    assert b'method="post"' not in page.content.split(b"<main")[1]


@pytest.mark.parametrize(
    ("name", "method"),
    [("results", "post"), ("workshop", "delete"), ("report_pdf", "post"), ("answers_xlsx", "post")],
)
def test_wrong_method(client, coordinator, checked, name, method):
    login(client, coordinator)
    assert getattr(client, method)(url(name, checked)).status_code == 405


# --- Results page ------------------------------------------------------------------------


def test_results_page_shows_scores_chart_table_and_links(client, coordinator, checked):
    login_as(client, coordinator)
    response = client.get(url("results", checked))
    html = response.content.decode()
    assert response.context["nav"] == "selfcheck"
    assert 'role="img"' in html
    assert "<svg" in html
    assert 'class="kern-table scores-table"' in html
    for name in ("Attitude and mission statement", "Intercultural opening and anti-racism"):
        assert name in html
    assert "Mehr Dolmetschende" in html
    assert "Discussion points for the workshop" in html
    assert url("report_pdf", checked) in html
    assert url("answers_xlsx", checked) in html
    assert url("workshop", checked) in html
    # No respondent's department or name in the free-text section.
    assert "Personalamt" not in html


def test_svg_numbers_use_a_dot_in_german(client, coordinator, checked):
    login_as(client, coordinator, "de")
    html = client.get(url("results", checked)).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    number = r"-?\d+(\.\d+)?"
    for value in re.findall(r'\s(?:x|y|x1|x2|y1|y2|height)="([^"]*)"', svg):
        assert re.fullmatch(number, value), value
    for value in re.findall(r'\spoints="([^"]*)"', svg):
        assert all(re.fullmatch(f"{number},{number}", pair) for pair in value.split()), value
    for value in re.findall(r'\sd="([^"]*)"', svg):
        assert "," not in value
    assert "style=" not in svg


def test_empty_round_shows_a_friendly_state(client, coordinator, process, municipality, v1):
    round_ = build_round(municipality, v1)
    respond(round_, submitted=False)
    login_as(client, coordinator)
    response = client.get(url("results", round_))
    html = response.content.decode()
    assert response.status_code == 200
    assert "No results yet" in html
    assert "<svg" not in html
    assert url("report_pdf", round_) not in html


def test_benchmark_block_never_names_another_municipality(client, coordinator, checked, v1):
    names = [f"Vergleichsstadt {n}" for n in range(5)]
    for index, name in enumerate(names):
        municipality_with_round(v1, MunicipalityKind.GROSSE_KREISSTADT, score=index + 1, name=name)
    login_as(client, coordinator)
    html = client.get(url("results", checked)).content.decode()
    assert "Median of the latest self-checks of 5 other municipalities" in html
    for name in names:
        assert name not in html


def test_benchmark_block_below_the_minimum(client, coordinator, checked, v1):
    for score in (1, 2):
        municipality_with_round(v1, MunicipalityKind.GROSSE_KREISSTADT, score=score)
    login_as(client, coordinator)
    html = client.get(url("results", checked)).content.decode()
    assert "Not enough municipalities of this type yet (2 of 5)" in html


@pytest.mark.parametrize("count", [3, 20])
def test_results_query_count_is_constant(
    client, office, process, municipality, v1, count, django_assert_max_num_queries
):
    round_ = build_round(municipality, v1)
    baseline = build_round(municipality, v1, title="Vorher")
    respond(baseline)
    round_.baseline = baseline
    round_.save()
    perspectives = list(Perspective.values)
    for index in range(count):
        respond(round_, perspectives[index % len(perspectives)], values={"oeffnung-text": "Text"})
    for score in (1, 2, 3, 4, 5):
        municipality_with_round(v1, MunicipalityKind.GROSSE_KREISSTADT, score=score)
    login(client, office)
    with django_assert_max_num_queries(20):
        response = client.get(url("results", round_))
    assert response.status_code == 200


# --- Workshop ---------------------------------------------------------------------------


@pytest.mark.parametrize("user", ["coordinator", "facilitator"])
def test_workshop_saves_notes_and_first_steps(client, request, checked, user):
    login(client, request.getfixturevalue(user))
    fields = list(checked.version.fields.order_by("position"))
    first, second = fields[0], fields[1]
    data = workshop_post(
        checked,
        **{
            f"field-{first.pk}-potentials": "Leitbild mit MSO erarbeiten",
            f"field-{first.pk}-recommendations": "Beirat einbinden",
            f"field-{first.pk}-step_text": "Termin mit dem Integrationsbeirat",
            f"field-{first.pk}-step_responsible": "Integrationsbeauftragte",
            f"field-{first.pk}-step_due_on": "2025-03-31",
            f"field-{second.pk}-step_text": "Personalamt einladen",
        },
    )
    response = client.post(url("workshop", checked), data)
    assert response.status_code == 302
    note = WorkshopNote.objects.get(round=checked, field=first)
    assert (note.potentials, note.recommendations) == (
        "Leitbild mit MSO erarbeiten",
        "Beirat einbinden",
    )
    # Untouched fields get no empty note.
    assert WorkshopNote.objects.filter(round=checked).count() == 1
    steps = list(FirstStep.objects.filter(round=checked).order_by("pk"))
    assert [(s.field_id, s.text, s.responsible) for s in steps] == [
        (first.pk, "Termin mit dem Integrationsbeirat", "Integrationsbeauftragte"),
        (second.pk, "Personalamt einladen", ""),
    ]
    assert str(steps[0].due_on) == "2025-03-31"
    page = client.get(url("workshop", checked)).content.decode()
    assert "Leitbild mit MSO erarbeiten" in page
    assert "Termin mit dem Integrationsbeirat" in page


def test_workshop_errors_per_field_in_the_users_language(client, coordinator, checked):
    login_as(client, coordinator, "de")
    first = checked.version.fields.order_by("position").first()
    data = workshop_post(
        checked,
        **{
            f"field-{first.pk}-potentials": "bleibt im Formular",
            f"field-{first.pk}-step_responsible": "Jemand",
            f"field-{first.pk}-step_due_on": "irgendwann",
        },
    )
    response = client.post(url("workshop", checked), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte ein gültiges Datum eingeben." in html  # Django's German message
    assert f'id="id_field-{first.pk}-step_due_on_error"' in html
    assert "bleibt im Formular" in html
    assert not WorkshopNote.objects.exists()
    assert not FirstStep.objects.exists()
    login_as(client, coordinator, "en")
    response = client.post(url("workshop", checked), data)
    assert "Please describe the first step" in response.content.decode()


def test_results_page_has_contents_with_every_field(client, coordinator, checked):
    login(client, coordinator)
    html = client.get(reverse("selfcheck:results", args=[checked.pk])).text
    contents = html.split('<nav id="contents"')[1].split("</nav>")[0]
    for key in ("haltung", "verwaltung", "oeffnung"):
        assert f'href="#field-{key}"' in contents
        assert f'id="field-{key}"' in html
    for section in ("scores", "discussion", "fields", "free-text", "change", "benchmark"):
        assert f'href="#{section}"' in contents
        assert f'<section id="{section}">' in html
    assert html.count('href="#contents"') >= 5


def test_scrolling_tables_are_labelled_regions_a_keyboard_reaches(client, coordinator, checked):
    # axe's scrollable-region-focusable: a table wider than a phone scrolls in its wrapper.
    login(client, coordinator)
    html = client.get(reverse("selfcheck:results", args=[checked.pk])).text
    wrappers = re.findall(r'<div class="table-wrap"[^>]*>', html)
    assert len(wrappers) >= 4
    for wrapper in wrappers:
        assert 'tabindex="0"' in wrapper and 'role="region"' in wrapper
        (label,) = re.findall(r'aria-labelledby="([^"]+)"', wrapper)
        assert f'id="{label}"' in html
