"""The English interface: day-first or ISO dates, plain labels, English titles."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import formats, translation

from teilhabe.programmes.forms import RoundForm
from teilhabe.programmes.models import MunicipalityKind, Round
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

FEB_12 = date(2026, 2, 12)


def english(client):
    client.cookies["django_language"] = "en"
    return client


# --- Dates ----------------------------------------------------------------------------


def test_english_dates_are_never_month_first():
    with translation.override("en"):
        assert formats.date_format(FEB_12) == "12 February 2026"
        assert formats.date_format(FEB_12, "SHORT_DATE_FORMAT") == "2026-02-12"
        assert "02/12/2026" not in formats.date_format(FEB_12, "SHORT_DATE_FORMAT")
    with translation.override("de"):
        assert formats.date_format(FEB_12, "SHORT_DATE_FORMAT") == "12.02.2026"


@pytest.mark.parametrize("typed", ["2026-02-12", "12/02/2026", "12/02/26"])
def test_english_forms_accept_iso_and_day_first_dates(programme, typed):
    data = {
        "name": "2027",
        "call_opens": typed,
        "call_closes": "2026-03-01",
        "starts_on": "2026-04-01",
        "ends_on": "2027-12-31",
    }
    with translation.override("en"):
        form = RoundForm(data, instance=Round(programme=programme))
        assert form.is_valid(), form.errors
    assert form.cleaned_data["call_opens"] == FEB_12


def test_english_forms_refuse_the_american_order(programme):
    data = {
        "name": "2027",
        "call_opens": "02/13/2026",  # month first: no 13th month
        "call_closes": "2026-03-01",
        "starts_on": "2026-04-01",
        "ends_on": "2027-12-31",
    }
    with translation.override("en"):
        form = RoundForm(data, instance=Round(programme=programme))
        assert not form.is_valid()
    assert "call_opens" in form.errors


def test_english_pages_show_day_first_dates(client, office, round_):
    Round.objects.filter(pk=round_.pk).update(call_closes=FEB_12)
    client.force_login(office)
    response = english(client).get(reverse("programmes:round_detail", args=[round_.pk]))
    assert '<html lang="en">' in response.text
    assert "2026-02-12" in response.text or "12 February 2026" in response.text
    assert "02/12/2026" not in response.text
    assert "Feb. 12, 2026" not in response.text


# --- No nested brackets -----------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "de"])
def test_municipality_types_read_without_brackets(language):
    with translation.override(language):
        for label in MunicipalityKind.labels:
            assert "(" not in str(label), label


def test_process_page_has_no_nested_brackets(client, office, process):
    process.municipality.kind = MunicipalityKind.GEMEINDE
    process.municipality.save()
    client.force_login(office)
    for language in ("en", "de"):
        client.cookies["django_language"] = language
        text = client.get(process.get_absolute_url()).text
        assert "((" not in text and "))" not in text
        if language == "en":
            assert "(Gemeinde)" not in text
            assert "(Local municipality)" in text


# --- English titles -----------------------------------------------------------------------


def test_programme_and_round_titles_in_english_with_german_fallback(programme, round_):
    programme.name = "Prozessbegleitung Integration"
    programme.short_name = "PBI"
    programme.name_en = "Process Support Integration"
    programme.short_name_en = ""
    programme.save()
    round_.name = "Runde 2026"
    round_.name_en = "Round 2026"
    round_.save()
    with translation.override("en"):
        assert programme.display_name == "Process Support Integration"
        # No English short name: the English full name rather than the German short one.
        assert str(programme) == "Process Support Integration"
        assert round_.display_name == "Round 2026"
        assert str(round_) == "Process Support Integration Round 2026"
    with translation.override("de"):
        assert programme.display_name == "Prozessbegleitung Integration"
        assert str(programme) == "PBI"
        assert str(round_) == "PBI Runde 2026"
    round_.name_en = ""
    with translation.override("en"):
        assert round_.display_name == "Runde 2026"


def test_programme_pages_show_the_english_title(client, office, programme, round_):
    programme.name_en = "Process Support Integration"
    programme.save(update_fields=["name_en"])
    round_.name_en = "First round"
    round_.save(update_fields=["name_en"])
    client.force_login(office)
    english(client)
    for path in (
        reverse("programmes:programme_list"),
        reverse("programmes:programme_detail", args=[programme.pk]),
    ):
        text = client.get(path).text
        assert "Process Support Integration" in text
        assert "First round" in text
    client.cookies["django_language"] = "de"
    text = client.get(reverse("programmes:programme_detail", args=[programme.pk])).text
    assert programme.name in text
    assert "Process Support Integration" not in text
    assert "First round" not in text


def test_round_form_takes_an_english_name(client, office, programme):
    client.force_login(office)
    data = {
        "name": "2030/2031",
        "name_en": "2030/31",
        "call_opens": "2029-09-01",
        "call_closes": "2029-11-30",
        "starts_on": "2030-01-01",
        "ends_on": "2031-12-31",
    }
    response = client.post(reverse("programmes:round_create", args=[programme.pk]), data)
    assert response.status_code == 302
    assert Round.objects.get(name="2030/2031").name_en == "2030/31"


def test_municipality_kind_list_shows_plain_labels_in_english(client, office):
    MunicipalityFactory(kind=MunicipalityKind.LANDKREIS)
    client.force_login(office)
    text = english(client).get(reverse("programmes:municipality_list") + "?all=1").text
    assert "Rural district" in text
    assert "District (Landkreis)" not in text
