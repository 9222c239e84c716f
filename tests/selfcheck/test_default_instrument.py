"""The default instrument shipped by data migration 0002.

These tests read rows the migration wrote, so they request `db` (not
`transactional_db`): pytest-django runs transactional tests last, and those flush
the data.
"""

import importlib

import pytest
from django.apps import apps

from teilhabe.selfcheck import services
from teilhabe.selfcheck.models import (
    FieldOfAction,
    Instrument,
    Item,
    ItemKind,
    SelfCheckRound,
    VersionStatus,
)
from tests.factories import CoordinatorFactory, MunicipalityFactory

migration = importlib.import_module("teilhabe.selfcheck.migrations.0002_default_instrument")

FIELD_KEYS = {
    "attitude",
    "administration",
    "opening",
    "measures",
    "cooperation",
    "migrant-organisations",
    "participation",
    "communication",
    "resources",
}


@pytest.fixture
def version(db):
    instrument = Instrument.objects.get(key="selbstcheck")
    return instrument.current_version()


def test_published_version_one(version):
    assert version is not None
    assert version.number == 1
    assert version.status == VersionStatus.PUBLISHED
    assert version.published_at is not None
    instrument = version.instrument
    assert instrument.name == "Selbstcheck Integration und Teilhabe"
    assert instrument.name_en == "Self-check integration and participation"
    assert instrument.description and instrument.description_en


def test_fields_of_action(version):
    fields = list(version.fields.all())
    assert len(fields) >= 9
    assert {f.key for f in fields} >= FIELD_KEYS
    assert [f.position for f in fields] == sorted({f.position for f in fields})
    names = {f.key: f.name for f in fields}
    assert names["opening"] == "Interkulturelle Öffnung und Antirassismus"
    assert names["migrant-organisations"] == "Zusammenarbeit mit Migrant*innenselbstorganisationen"
    for f in fields:
        assert f.name and f.name_en, f.key
        assert f.description and f.description_en, f.key
    # The precondition for sustainability is asked as a fact.
    position = Item.objects.get(field__version=version, field__key="resources", key="position")
    assert position.kind == ItemKind.YES_NO
    assert "50 %" in position.text


def test_items(version):
    for f in version.fields.prefetch_related("items"):
        items = list(f.items.all())
        assert 4 <= len(items) <= 8, f.key
        keys = [i.key for i in items]
        assert len(keys) == len(set(keys)), f.key
        kinds = [i.kind for i in items]
        assert kinds.count(ItemKind.LIKERT) >= 2, f.key
        # One optional free-text question per field, at the end.
        assert kinds.count(ItemKind.TEXT) == 1 and items[-1].kind == ItemKind.TEXT, f.key
        assert not items[-1].required
        for item in items:
            assert item.text.strip() and item.text_en.strip(), item.key
            assert bool(item.help) == bool(item.help_en), item.key
            assert item.required == (item.kind != ItemKind.TEXT), item.key
            assert item.key == item.key.lower() and " " not in item.key
    all_items = Item.objects.filter(field__version=version)
    assert all_items.filter(kind=ItemKind.YES_NO).count() >= 9
    assert all_items.filter(kind=ItemKind.TEXT).count() == version.fields.count()
    # Gender-fair German.
    assert all_items.filter(text__contains="Mitarbeiter*innen").exists()


def test_a_round_can_be_opened_on_it(version):
    municipality = MunicipalityFactory()
    round_ = services.open_round(
        municipality, by=CoordinatorFactory(municipality=municipality), title="Erster Check"
    )
    assert round_.version == version


def test_reverse_removes_it_only_while_no_round_uses_it(version):
    migration.remove_instrument(apps, None)
    assert not Instrument.objects.filter(key="selbstcheck").exists()
    assert not FieldOfAction.objects.exists()

    migration.create_instrument(apps, None)
    migration.create_instrument(apps, None)  # twice: nothing doubles
    instrument = Instrument.objects.get(key="selbstcheck")
    assert Item.objects.filter(field__version__instrument=instrument).count() == 64

    municipality = MunicipalityFactory()
    services.open_round(municipality, by=None, title="Erster Check")
    migration.remove_instrument(apps, None)
    assert Instrument.objects.filter(key="selbstcheck").exists()
    assert SelfCheckRound.objects.count() == 1
