"""Fixtures for the self-check tests: a small instrument of its own.

The default instrument (a data migration) may exist too; the fixture moves its key
aside so `services.open_round` (which looks up the key "selbstcheck") finds the
small instrument below and the tests do not depend on the default wording.

The instrument: two fields of action; "Haltung" has a scale item and a yes/no item,
"Ressourcen" a scale item and an optional free-text item.
"""

import pytest

from teilhabe.selfcheck.models import Instrument, Item, ItemKind, Perspective, RoundStatus
from tests.selfcheck.factories import (
    FieldOfActionFactory,
    InstrumentFactory,
    InstrumentVersionFactory,
    InvitationFactory,
    ItemFactory,
    SelfCheckRoundFactory,
)


@pytest.fixture
def instrument(db):
    Instrument.objects.filter(key="selbstcheck").update(key="selbstcheck-default")
    return InstrumentFactory(key="selbstcheck", name="Selbstcheck", name_en="Self-check")


@pytest.fixture
def version(instrument):
    version = InstrumentVersionFactory(instrument=instrument, number=1)
    attitude = FieldOfActionFactory(
        version=version,
        key="haltung",
        name="Haltung und Leitbild",
        name_en="Attitude and mission statement",
        description="Wie die Kommune Vielfalt versteht.",
        position=10,
    )
    resources = FieldOfActionFactory(
        version=version,
        key="ressourcen",
        name="Ressourcen und Zuständigkeiten",
        name_en="Resources and responsibilities",
        position=20,
    )
    ItemFactory(
        field=attitude,
        key="leitbild",
        kind=ItemKind.LIKERT,
        text="Die Kommune hat ein vom Rat beschlossenes Leitbild zu Vielfalt.",
        help="Gemeint ist ein schriftliches Dokument.",
        position=10,
    )
    ItemFactory(
        field=attitude,
        key="beauftragte",
        kind=ItemKind.YES_NO,
        text="Es gibt eine hauptamtliche Integrationsbeauftragte Person.",
        position=20,
    )
    ItemFactory(
        field=resources,
        key="budget",
        kind=ItemKind.LIKERT,
        text="Für Integration steht ein eigenes Budget zur Verfügung.",
        position=10,
    )
    ItemFactory(
        field=resources,
        key="anmerkungen",
        kind=ItemKind.TEXT,
        text="Was möchten Sie noch anmerken?",
        required=False,
        position=20,
    )
    return version


@pytest.fixture
def items(version):
    """The four items by key."""
    return {item.key: item for item in Item.objects.filter(field__version=version)}


@pytest.fixture
def selfcheck(process, municipality, version, coordinator):
    """A round of `municipality` (which has a process, so office and facilitator see it)."""
    return SelfCheckRoundFactory(
        municipality=municipality, version=version, title="Selbstcheck 2021", created_by=coordinator
    )


@pytest.fixture
def open_selfcheck(selfcheck):
    """The round in the phase where all perspectives answer."""
    selfcheck.status = RoundStatus.PERSPECTIVES
    selfcheck.save(update_fields=["status"])
    return selfcheck


@pytest.fixture
def invitation(selfcheck):
    return InvitationFactory(round=selfcheck, perspective=Perspective.CIVIL_SOCIETY)


@pytest.fixture
def admin_invitation(selfcheck):
    return InvitationFactory(
        round=selfcheck, perspective=Perspective.ADMINISTRATION, label="Personalamt"
    )


@pytest.fixture
def foreign_selfcheck(other_process, other_municipality, version):
    return SelfCheckRoundFactory(municipality=other_municipality, version=version)


def complete_post(items, **overrides) -> dict:
    """POST data answering every item of the small instrument (overridable by key)."""
    values = {"leitbild": "4", "beauftragte": "yes", "budget": "dont_know", "anmerkungen": ""}
    values.update(overrides)
    data = {f"item_{items[key].pk}": value for key, value in values.items() if value is not None}
    data["department"] = "Personalamt"
    return data
