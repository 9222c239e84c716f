"""The import (upload, preview, confirm) and export views."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from teilhabe.stakeholders.models import IMPORT_PREVIEW_LIFETIME, Actor, ActorKind, ImportPreview
from tests.conftest import login
from tests.processes.uploads import PDF_BYTES
from tests.stakeholders.transfer_factories import (
    GERMAN_HEADERS,
    TransferActorFactory,
    category,
    row,
    upload,
    xlsx_upload,
)

pytestmark = pytest.mark.django_db

ALLOWED = ["coordinator", "team_member", "facilitator"]
OUT_OF_SCOPE = ["outsider", "other_facilitator"]


def urls(municipality) -> dict[str, str]:
    return {
        "import": reverse("stakeholders:actor_import", args=[municipality.pk]),
        "confirm": reverse("stakeholders:actor_import_confirm", args=[municipality.pk]),
        "xlsx": reverse("stakeholders:actor_export", args=[municipality.pk, "xlsx"]),
        "csv": reverse("stakeholders:actor_export", args=[municipality.pk, "csv"]),
    }


@pytest.fixture
def url(municipality, process):
    return urls(municipality)


def _good_file():
    return xlsx_upload(
        [
            row(name="Caritas Neckarbrück", category="welfare", influence=4, attitude=5),
            row(name="Leyla Demir", kind="Person", organisation="Caritas Neckarbrück"),
        ]
    )


def _upload(client, url, file=None):
    return client.post(url["import"], {"file": file or _good_file()})


def _token(response) -> str:
    return response.context["confirm_form"].initial["token"]


def _session_text(client) -> str:
    """Everything the session table holds for this client, decoded."""
    from django.contrib.sessions.models import Session

    session = Session.objects.get(session_key=client.session.session_key)
    return str(session.get_decoded())


# --- Access --------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, url):
    for method, target in [
        ("get", url["import"]),
        ("post", url["import"]),
        ("post", url["confirm"]),
        ("get", url["xlsx"]),
        ("get", url["csv"]),
    ]:
        response = getattr(client, method)(target)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", OUT_OF_SCOPE)
def test_out_of_scope_is_404(client, request, url, role):
    login(client, request.getfixturevalue(role))
    assert client.get(url["import"]).status_code == 404
    assert _upload(client, url).status_code == 404
    assert client.post(url["confirm"], {"token": "x"}).status_code == 404
    assert client.get(url["xlsx"]).status_code == 404
    assert client.get(url["csv"]).status_code == 404


def test_unknown_municipality_is_404(client, coordinator, process):
    login(client, coordinator)
    assert client.get(reverse("stakeholders:actor_import", args=[999999])).status_code == 404


def test_office_may_export_but_not_import(client, url, office):
    login(client, office)
    assert client.get(url["import"]).status_code == 403
    assert _upload(client, url).status_code == 403
    assert client.post(url["confirm"], {"token": "x"}).status_code == 403
    assert client.get(url["xlsx"]).status_code == 200
    assert client.get(url["csv"]).status_code == 200
    assert not Actor.objects.exists()


@pytest.mark.parametrize("role", ALLOWED)
def test_team_and_facilitator_may_import_and_export(client, request, url, role):
    login(client, request.getfixturevalue(role))
    page = client.get(url["import"])
    assert page.status_code == 200
    assert client.get(url["xlsx"]).status_code == 200
    response = _upload(client, url)
    assert response.status_code == 200
    response = client.post(url["confirm"], {"token": _token(response)})
    assert response.status_code == 302
    assert Actor.objects.count() == 2


def test_wrong_methods(client, url, coordinator):
    login(client, coordinator)
    assert client.put(url["import"]).status_code == 405
    assert client.get(url["confirm"]).status_code == 405
    assert client.post(url["xlsx"]).status_code == 405


@pytest.mark.parametrize("fmt", ["pdf", "xls", "XLSX", "json"])
def test_unknown_export_format_is_404(client, municipality, process, coordinator, fmt):
    login(client, coordinator)
    response = client.get(reverse("stakeholders:actor_export", args=[municipality.pk, fmt]))
    assert response.status_code == 404


# --- Upload and preview --------------------------------------------------------------


def test_upload_page(client, url, coordinator):
    login(client, coordinator)
    response = client.get(url["import"])
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert f"{url['xlsx']}?template=1" in html
    assert "Schlüsselperson (ja/nein)" in html  # the column list
    assert "<caption>" in html


def test_preview_then_confirm(client, url, municipality, coordinator):
    login(client, coordinator)
    response = _upload(client, url)
    html = response.content.decode()
    assert response.templates[0].name == "stakeholders/actor_import_preview.html"
    preview = response.context["preview"]
    assert (preview.ok_count, preview.error_count) == (2, 0)
    assert [r.row for r in preview.rows] == [2, 3]
    assert "Leyla Demir" in html
    assert not Actor.objects.exists()  # nothing before the confirmation
    token = _token(response)
    assert f'value="{token}"' in html
    # The rows wait in their own table, neither in the session nor in the form.
    kept = ImportPreview.objects.get(pk=token)
    assert kept.rows[1]["values"]["name"] == "Leyla Demir"
    assert (kept.created_by, kept.municipality) == (coordinator, municipality)
    assert "Leyla" not in _session_text(client)
    assert "Leyla" not in html.split("<form", 1)[-1].split("</form>", 1)[0]

    response = client.post(url["confirm"], {"token": token})
    assert response.status_code == 302
    assert response["Location"] == reverse("stakeholders:actor_list", args=[municipality.pk])
    leyla = Actor.objects.get(name="Leyla Demir")
    assert leyla.organisation.name == "Caritas Neckarbrück"
    assert leyla.created_by == coordinator
    caritas = leyla.organisation
    assert (caritas.assessments.get().influence, caritas.assessments.get().attitude) == (4, 5)
    assert not ImportPreview.objects.exists()

    # The same token cannot import twice.
    response = client.post(url["confirm"], {"token": token}, follow=True)
    assert response.redirect_chain[-1][0] == url["import"]
    assert Actor.objects.count() == 2


def test_success_message(client, url, coordinator, settings):
    login(client, coordinator)
    coordinator.preferred_language = "en"
    coordinator.save()
    token = _token(_upload(client, url))
    response = client.post(url["confirm"], {"token": token})
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["2 actors imported."]


def test_preview_with_errors_has_no_confirm_button(client, url, coordinator):
    login(client, coordinator)
    coordinator.preferred_language = "en"
    coordinator.save()
    response = _upload(
        client, url, xlsx_upload([row(name="Gut"), row(name="", category="Feuerwehr")])
    )
    html = response.content.decode()
    assert response.context["confirm_form"] is None
    assert response.context["preview"].error_count == 1
    # Each message with the column it is about.
    assert '<span class="error-column">Name:</span> This field is required.' in html
    assert '<span class="error-column">Category:</span> Unknown category “Feuerwehr”' in html
    assert ">Error<" in html  # stated in text, not only by colour
    assert 'id="row-3"' in html
    assert not ImportPreview.objects.exists()


def test_preview_shows_the_models_message_in_the_users_language(client, url, coordinator):
    login(client, coordinator)  # German, the default
    limit = Actor._meta.get_field("name").max_length
    response = _upload(client, url, xlsx_upload([row(name="Gut"), row(name="N" * (limit + 1))]))
    html = response.content.decode()
    assert response.context["preview"].error_rows == [3]
    assert response.context["confirm_form"] is None
    assert '<tr id="row-3">' in html
    assert (
        '<span class="error-column">Name:</span> Bitte sicherstellen, dass der Wert aus '
        f"höchstens {limit} Zeichen besteht. (Er besteht aus {limit + 1} Zeichen.)"
    ) in html
    assert not ImportPreview.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("akteure.xlsx", PDF_BYTES),
        ("akteure.xlsx", b"\x8f\x00random\xff" * 50),
        ("akteure.docx", b"PK\x03\x04"),
    ],
)
def test_unusable_file_shows_a_form_error(client, url, coordinator, name, content):
    login(client, coordinator)
    response = _upload(client, url, upload(name, content))
    assert response.status_code == 200
    assert response.templates[0].name == "stakeholders/actor_import.html"
    assert response.context["form"].errors["file"]
    assert "errorlist" in response.content.decode()
    assert not Actor.objects.exists()


def test_empty_upload_shows_a_form_error(client, url, coordinator):
    login(client, coordinator)
    response = client.post(url["import"], {"file": upload("akteure.xlsx", b"")})
    assert response.context["form"].errors["file"]
    response = client.post(url["import"], {})
    assert response.context["form"].errors["file"]


# --- Confirmation: changed data, missing and foreign tokens --------------------------


def test_row_that_became_a_duplicate_imports_nothing(client, url, municipality, coordinator):
    login(client, coordinator)
    token = _token(_upload(client, url))
    # Meanwhile someone else enters the person by hand.
    TransferActorFactory(municipality=municipality, kind=ActorKind.PERSON, name="leyla demir")
    response = client.post(url["confirm"], {"token": token})
    assert response.status_code == 200
    assert response.context["preview"].error_count == 1
    assert response.context["confirm_form"] is None
    assert list(Actor.objects.values_list("name", flat=True)) == ["leyla demir"]
    assert not ImportPreview.objects.exists()


def test_missing_or_unknown_token(client, url, coordinator):
    login(client, coordinator)
    for data in [{}, {"token": "made-up"}, {"token": "5f0c7c1e-0000-4000-8000-000000000000"}]:
        response = client.post(url["confirm"], data)
        assert response.status_code == 302
        assert response["Location"] == url["import"]


def test_expired_token(client, url, coordinator):
    login(client, coordinator)
    token = _token(_upload(client, url))
    ImportPreview.objects.update(created_at=timezone.now() - IMPORT_PREVIEW_LIFETIME)
    response = client.post(url["confirm"], {"token": token})
    assert response["Location"] == url["import"]
    assert not Actor.objects.exists()
    assert not ImportPreview.objects.exists()  # deleted when it was asked for


def test_discard_deletes_the_preview(client, url, coordinator):
    login(client, coordinator)
    response = _upload(client, url)
    assert 'name="discard"' in response.content.decode()
    response = client.post(url["confirm"], {"token": _token(response), "discard": "1"})
    assert response["Location"] == url["import"]
    assert not ImportPreview.objects.exists()
    assert not Actor.objects.exists()


def test_expired_previews_are_deleted_by_the_next_upload_and_by_the_command(
    client, url, coordinator, team_member
):
    login(client, coordinator)
    _upload(client, url)
    ImportPreview.objects.update(created_at=timezone.now() - IMPORT_PREVIEW_LIFETIME)
    client.logout()
    login(client, team_member)
    fresh = _token(_upload(client, url))
    assert [str(pk) for pk in ImportPreview.objects.values_list("pk", flat=True)] == [fresh]

    ImportPreview.objects.update(created_at=timezone.now() - timedelta(hours=3))
    out = io.StringIO()
    call_command("purge_import_previews", stdout=out)
    assert "Deleted 1 import preview" in out.getvalue()
    assert not ImportPreview.objects.exists()


def test_token_of_another_municipality_is_refused(
    client, url, municipality, other_municipality, other_process, facilitator
):
    other_process.facilitators.add(facilitator)  # works with both municipalities
    login(client, facilitator)
    token = _token(_upload(client, url))
    other = urls(other_municipality)
    response = client.post(other["confirm"], {"token": token})
    assert response["Location"] == other["import"]
    assert not Actor.objects.exists()
    # Still usable where it belongs.
    client.post(url["confirm"], {"token": token})
    assert set(Actor.objects.values_list("municipality", flat=True)) == {municipality.pk}


def test_token_of_another_user_is_refused(client, url, coordinator, team_member):
    login(client, coordinator)
    token = _token(_upload(client, url))
    client.logout()
    login(client, team_member)  # same municipality, same permission
    for data in [{"token": token}, {"token": token, "discard": "1"}]:
        response = client.post(url["confirm"], data)
        assert response["Location"] == url["import"]
    assert not Actor.objects.exists()
    assert ImportPreview.objects.filter(pk=token).exists()  # still the coordinator's


def test_new_upload_replaces_the_pending_one(client, url, coordinator):
    login(client, coordinator)
    first = _token(_upload(client, url))
    second = _token(_upload(client, url))
    assert [str(pk) for pk in ImportPreview.objects.values_list("pk", flat=True)] == [second]
    assert client.post(url["confirm"], {"token": first})["Location"] == url["import"]


# --- Export --------------------------------------------------------------------------


def test_export_xlsx(client, url, municipality, coordinator, django_assert_max_num_queries):
    for n in range(5):
        TransferActorFactory(
            municipality=municipality, name=f"Verein {n}", category=category("welfare")
        )
    login(client, coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(url["xlsx"])
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="stakeholder-neckarbrueck-')
    assert disposition.endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == GERMAN_HEADERS
    assert sheet.max_row == 6


def test_export_csv(client, url, municipality, coordinator):
    TransferActorFactory(municipality=municipality, name="Moscheegemeinde Süd")
    login(client, coordinator)
    response = client.get(url["csv"])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].endswith('.csv"')
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffName;")
    assert "Moscheegemeinde Süd;Organisation;" in text


def test_export_in_english(client, url, municipality, coordinator):
    coordinator.preferred_language = "en"
    coordinator.save()
    login(client, coordinator)
    text = client.get(url["csv"]).content.decode("utf-8")
    assert text.startswith("\ufeffName;Type (organisation/person);Category;")


def test_empty_template(client, url, municipality, coordinator):
    TransferActorFactory(municipality=municipality)
    login(client, coordinator)
    response = client.get(url["xlsx"], {"template": "1"})
    assert response["Content-Disposition"] == 'attachment; filename="stakeholder-template.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 1
