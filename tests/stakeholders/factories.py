"""factory_boy factories for the stakeholder analysis; import them explicitly."""

import factory
from django.utils import timezone

from teilhabe.stakeholders.models import (
    Actor,
    ActorCategory,
    ActorKind,
    Assessment,
    Involvement,
    Participation,
)
from tests.factories import BlockFactory, MunicipalityFactory


class ActorCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActorCategory
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"category-{n}")
    name = factory.Sequence(lambda n: f"Kategorie {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    recommended = True
    position = factory.Sequence(lambda n: 1000 + n)


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = ActorKind.ORGANISATION
    name = factory.Sequence(lambda n: f"Verein {n}")
    category = factory.LazyFunction(lambda: ActorCategory.objects.get(key="welfare"))
    involvement = Involvement.KNOWN


class PersonFactory(ActorFactory):
    kind = ActorKind.PERSON
    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@verein.example")
    phone = "0711 123456"


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    actor = factory.SubFactory(ActorFactory)
    influence = 3
    attitude = 3
    assessed_at = factory.LazyFunction(timezone.now)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    actor = factory.SubFactory(ActorFactory)
    block = factory.SubFactory(BlockFactory)
