"""Small builders for the results tests: an instrument, rounds and submitted answers.

Kept apart from tests/selfcheck/factories.py (questionnaire side) on purpose; the
builders write rows directly, because the results only read what answering stored.
"""

from datetime import date, timedelta

import factory
from django.utils import timezone

from teilhabe.selfcheck import scores
from teilhabe.selfcheck.models import (
    Answer,
    FieldOfAction,
    Instrument,
    InstrumentVersion,
    Item,
    ItemKind,
    Perspective,
    Response,
    SelfCheckRound,
    VersionStatus,
)
from tests.factories import MunicipalityFactory

FIELDS = [
    ("haltung", "Haltung und Leitbild", "Attitude and mission statement"),
    (
        "verwaltung",
        "Kultur und Struktur der Verwaltung",
        "Culture and structure of the administration",
    ),
    (
        "oeffnung",
        "Interkulturelle Öffnung und Antirassismus",
        "Intercultural opening and anti-racism",
    ),
]


class InstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instrument
        django_get_or_create = ("key",)

    key = "results-test"
    name = "Selbstcheck (Test)"
    name_en = "Self-check (test)"


class VersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InstrumentVersion

    instrument = factory.SubFactory(InstrumentFactory)
    number = factory.Sequence(lambda n: n + 1)
    status = VersionStatus.PUBLISHED


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOfAction

    version = factory.SubFactory(VersionFactory)
    key = factory.Sequence(lambda n: f"field-{n}")
    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    position = factory.Sequence(lambda n: n)


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Item

    field = factory.SubFactory(FieldFactory)
    key = factory.Sequence(lambda n: f"item-{n}")
    kind = ItemKind.LIKERT
    text = factory.Sequence(lambda n: f"Aussage {n}")
    text_en = factory.Sequence(lambda n: f"Statement {n}")
    position = factory.Sequence(lambda n: n)


def build_version(
    number: int = 1, *, fields=FIELDS, items_per_field: int = 2, text_item=True, instrument=None
):
    """A version with the given fields (key, German, English), Likert items, a yes/no item
    in the first field and a free-text item in the last; returns (version, {key: field})."""
    instrument = instrument or InstrumentFactory()
    # One published version per instrument: the newest one.
    InstrumentVersion.objects.filter(instrument=instrument, status=VersionStatus.PUBLISHED).update(
        status=VersionStatus.RETIRED
    )
    version = VersionFactory(instrument=instrument, number=number)
    by_key = {}
    for position, (key, name, name_en) in enumerate(fields):
        field = FieldFactory(
            version=version, key=key, name=name, name_en=name_en, position=position
        )
        for index in range(items_per_field):
            ItemFactory(field=field, key=f"{key}-{index + 1}", position=index)
        by_key[key] = field
    first = by_key[fields[0][0]]
    ItemFactory(field=first, key=f"{first.key}-yn", kind=ItemKind.YES_NO, position=50)
    if text_item:
        last = by_key[fields[-1][0]]
        ItemFactory(
            field=last, key=f"{last.key}-text", kind=ItemKind.TEXT, position=99, required=False
        )
    return version, by_key


def build_round(municipality, version, *, title="Selbstcheck 2024", baseline=None, opened_on=None):
    return SelfCheckRound.objects.create(
        municipality=municipality,
        version=version,
        title=title,
        baseline=baseline,
        opened_on=opened_on or date(2024, 3, 1),
    )


def respond(
    round_, perspective=Perspective.ADMINISTRATION, *, values=None, submitted=True, department=""
):
    """A response answering each item of the round's version.

    `values` maps item key -> scale (int), True/False (yes/no), "?" (don't know),
    None (left out) or a str (free text). Items not named get scale 3 / yes / no text.
    """
    values = values or {}
    response = Response.objects.create(
        round=round_,
        perspective=perspective,
        department=department,
        submitted_at=timezone.now() - timedelta(hours=1) if submitted else None,
    )
    items = Item.objects.filter(field__version=round_.version_id)
    for item in items:
        value = values.get(item.key, _default(item))
        if value is None:
            continue
        answer = Answer(response=response, item=item)
        if value == "?":
            answer.dont_know = True
        elif item.kind == ItemKind.TEXT:
            answer.text = value
        elif item.kind == ItemKind.YES_NO:
            answer.yes = value
        else:
            answer.scale = value
        answer.save()
    if submitted:
        # What submitting does: the round's scores now, its benchmark pool after the
        # commit (which a test's transaction never reaches, so it is done here).
        scores.refresh_round_scores([round_.pk])
        scores.refresh_benchmark_pool(round_.version.instrument_id, round_.municipality.kind)
    return response


def _default(item):
    if item.kind == ItemKind.LIKERT:
        return 3
    if item.kind == ItemKind.YES_NO:
        return True
    return None


def municipality_with_round(version, kind, *, score=3, name=None):
    """Another municipality of `kind` with one submitted administration response, every
    Likert item at `score` and yes/no at yes."""
    municipality = MunicipalityFactory(kind=kind, **({"name": name} if name else {}))
    round_ = build_round(municipality, version)
    likert = {
        item.key: score
        for item in Item.objects.filter(field__version=version, kind=ItemKind.LIKERT)
    }
    respond(round_, values=likert)
    return municipality, round_
