"""factory_boy factories; import them explicitly in tests."""

from datetime import date
from decimal import Decimal

import factory
from django.utils import timezone

from teilhabe.accounts.models import Role, User
from teilhabe.processes.models import (
    Block,
    BlockType,
    Catalogue,
    CatalogueStatus,
    ConsultingEntry,
    ConsultingUnit,
    Phase,
    Process,
)
from teilhabe.programmes.models import (
    Application,
    ApplicationStatus,
    Municipality,
    MunicipalityKind,
    Programme,
    Round,
    State,
)

PASSWORD = "test-password-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="de_DE")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Musterstadt {n}")
    kind = MunicipalityKind.GROSSE_KREISSTADT
    state = State.BW
    ags = factory.Sequence(lambda n: f"08{n:06d}")
    population = 25000


class ProgrammeOfficeFactory(UserFactory):
    role = Role.PROGRAMME_OFFICE


class FacilitatorFactory(UserFactory):
    role = Role.FACILITATOR


class CoordinatorFactory(UserFactory):
    role = Role.COORDINATOR
    municipality = factory.SubFactory(MunicipalityFactory)


class TeamMemberFactory(UserFactory):
    role = Role.TEAM_MEMBER
    municipality = factory.SubFactory(MunicipalityFactory)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Prozessbegleitung Integration {n}")
    short_name = factory.Sequence(lambda n: f"PBI {n}")


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Runde {n}")
    call_opens = date(2020, 1, 1)
    call_closes = date(2099, 12, 31)
    starts_on = date(2020, 6, 1)
    ends_on = date(2099, 12, 31)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    round = factory.SubFactory(RoundFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    status = ApplicationStatus.SUBMITTED
    motivation = "Wir wollen dauerhafte Strukturen für Engagement schaffen."
    foundations = "Helferkreis seit 2015, Integrationsbeauftragte seit 2017."
    structures = "Helferkreis Asyl, Integrationsbeirat, Elterncafé"
    topics = "Sprache, Arbeit, Begegnung"
    contact_name = "Sabine Beispiel"
    contact_email = "kontakt@musterstadt.example"
    submitted_at = factory.LazyFunction(timezone.now)


class CatalogueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Catalogue

    programme = factory.SubFactory(ProgrammeFactory)
    version = 1
    status = CatalogueStatus.PUBLISHED


class BlockTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BlockType

    catalogue = factory.SubFactory(CatalogueFactory)
    key = factory.Sequence(lambda n: f"block-{n}")
    name = factory.Sequence(lambda n: f"Baustein {n}")
    name_en = factory.Sequence(lambda n: f"Block {n}")
    phase = Phase.ANALYSIS
    position = factory.Sequence(lambda n: n * 10)


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    round = factory.SubFactory(RoundFactory)
    started_on = date(2020, 6, 1)
    budget = Decimal("40000.00")

    @factory.post_generation
    def facilitators(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.facilitators.set(extracted)


class BlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Block

    process = factory.SubFactory(ProcessFactory)
    name = factory.Sequence(lambda n: f"Baustein {n}")
    name_en = factory.Sequence(lambda n: f"Block {n}")
    phase = Phase.ANALYSIS
    position = factory.Sequence(lambda n: n * 10)


class ConsultingEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultingEntry

    process = factory.SubFactory(ProcessFactory)
    date = date(2020, 7, 1)
    facilitator = factory.SubFactory(FacilitatorFactory)
    quantity = Decimal("1")
    unit = ConsultingUnit.DAYS
    cost = Decimal("1200.00")
