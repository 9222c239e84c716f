"""factory_boy factories for the self-check; import them explicitly."""

import factory
from django.utils import timezone

from teilhabe.selfcheck.models import (
    Answer,
    FieldOfAction,
    Instrument,
    InstrumentVersion,
    Invitation,
    Item,
    ItemKind,
    Perspective,
    Response,
    RoundStatus,
    SelfCheckRound,
    VersionStatus,
)
from tests.factories import MunicipalityFactory


class InstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instrument

    key = factory.Sequence(lambda n: f"instrument-{n}")
    name = factory.Sequence(lambda n: f"Fragebogen {n}")
    name_en = factory.Sequence(lambda n: f"Questionnaire {n}")


class InstrumentVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InstrumentVersion

    instrument = factory.SubFactory(InstrumentFactory)
    number = factory.Sequence(lambda n: n + 1)
    status = VersionStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class FieldOfActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOfAction

    version = factory.SubFactory(InstrumentVersionFactory)
    key = factory.Sequence(lambda n: f"field-{n}")
    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    name_en = factory.Sequence(lambda n: f"Field of action {n}")
    description = "Worum es in diesem Handlungsfeld geht."
    position = factory.Sequence(lambda n: n * 10)


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Item

    field = factory.SubFactory(FieldOfActionFactory)
    key = factory.Sequence(lambda n: f"item-{n}")
    kind = ItemKind.LIKERT
    text = factory.Sequence(lambda n: f"Aussage {n}")
    text_en = factory.Sequence(lambda n: f"Statement {n}")
    position = factory.Sequence(lambda n: n * 10)
    required = True


class SelfCheckRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfCheckRound

    municipality = factory.SubFactory(MunicipalityFactory)
    version = factory.SubFactory(InstrumentVersionFactory)
    title = factory.Sequence(lambda n: f"Selbstcheck {2020 + n}")
    status = RoundStatus.ADMINISTRATION


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    round = factory.SubFactory(SelfCheckRoundFactory)
    perspective = Perspective.CIVIL_SOCIETY
    label = "Integrationsbeirat"


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    round = factory.SubFactory(SelfCheckRoundFactory)
    perspective = Perspective.ADMINISTRATION


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    response = factory.SubFactory(ResponseFactory)
    item = factory.SubFactory(ItemFactory)
    scale = 3
