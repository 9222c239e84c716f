"""The world the generated permission test (test_permission_matrix.py) asks every URL in.

Two sides, "own" and "foreign", each a programme with its office, a municipality with
a running process (facilitator, coordinator, a team member responsible for a block),
a document, a consulting entry, an admitted application, actors, a self-check round, catalogue versions
and an undelivered mail. The own municipality also has two closed processes: one
closed 10 days ago (its facilitator still reads, FACILITATOR_READ_DAYS) and one closed
200 days ago (its facilitator is an outsider again). A third municipality has only a
draft application in the own programme, which must not bring it into the office's
scope.
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from teilhabe.core.models import MailStatus, OutgoingMail
from teilhabe.processes import services as process_services
from teilhabe.processes.models import CatalogueStatus
from teilhabe.processes.uploads import check_upload
from teilhabe.programmes.models import ApplicationStatus
from teilhabe.stakeholders.models import ActorCategory
from tests.factories import (
    ApplicationFactory,
    BlockFactory,
    BlockTypeFactory,
    CatalogueFactory,
    ConsultingEntryFactory,
    CoordinatorFactory,
    FacilitatorFactory,
    MunicipalityFactory,
    ProcessFactory,
    ProgrammeFactory,
    ProgrammeOfficeFactory,
    RoundFactory,
    TeamMemberFactory,
)
from tests.processes.uploads import PDF_BYTES
from tests.selfcheck.factories import InstrumentVersionFactory, SelfCheckRoundFactory
from tests.stakeholders.factories import PersonFactory

ROLES = [
    "anonymous",
    "office",  # programme office of the own programme
    "other_office",  # programme office of the foreign programme
    "facilitator",  # of the own running process
    "facilitator_read",  # of an own process closed 10 days ago
    "facilitator_gone",  # of an own process closed 200 days ago
    "coordinator",  # of the own municipality
    "outsider",  # coordinator of the foreign municipality
    "team_member",  # of the own municipality, responsible for the block
]


def _side(name: str, version) -> dict:
    programme = ProgrammeFactory(name=f"Programm {name}")
    office = ProgrammeOfficeFactory(full_name=f"Büro {name}")
    programme.office_members.add(office)
    round_ = RoundFactory(programme=programme)
    municipality = MunicipalityFactory(name=f"Gemeinde {name}")
    facilitator = FacilitatorFactory(full_name=f"Begleitung {name}")
    coordinator = CoordinatorFactory(municipality=municipality, full_name=f"Koordination {name}")
    team_member = TeamMemberFactory(municipality=municipality, full_name=f"Team {name}")
    application = ApplicationFactory(
        round=round_, municipality=municipality, status=ApplicationStatus.ADMITTED
    )
    process = ProcessFactory(
        municipality=municipality,
        round=round_,
        application=application,
        facilitators=[facilitator],
    )
    block = BlockFactory(process=process)
    block.responsible.set([team_member])
    upload = SimpleUploadedFile("protokoll.pdf", PDF_BYTES, content_type="application/pdf")
    check_upload(upload)
    document = process_services.add_document(
        block, upload=upload, title="Protokoll", by=team_member
    )
    consulting = ConsultingEntryFactory(process=process, facilitator=facilitator, block=block)
    CatalogueFactory(programme=programme, version=1, status=CatalogueStatus.PUBLISHED)
    draft = CatalogueFactory(programme=programme, version=2, status=CatalogueStatus.DRAFT)
    block_type = BlockTypeFactory(catalogue=draft, key=f"typ-{name}")
    actor = PersonFactory(municipality=municipality, name=f"Person {name}")
    selfcheck = SelfCheckRoundFactory(municipality=municipality, version=version)
    mail = OutgoingMail.objects.create(
        template="test",
        recipient=f"{name}@example.org",
        language="de",
        subject="Test",
        status=MailStatus.FAILED,
        caused_by=coordinator,
    )
    return {
        "users": {
            "office": office,
            "facilitator": facilitator,
            "coordinator": coordinator,
            "team_member": team_member,
        },
        "objects": {
            "programme": programme,
            "round": round_,
            "municipality": municipality,
            "process": process,
            "block": block,
            "document": document,
            "consulting": consulting,
            "application": application,
            "draft_catalogue": draft,
            "block_type": block_type,
            "actor": actor,
            "selfcheck": selfcheck,
            "mail": mail,
        },
    }


def _closed_process(side: dict, days_ago: int, facilitator) -> dict:
    objects, office = side["objects"], side["users"]["office"]
    process = ProcessFactory(
        municipality=objects["municipality"],
        round=RoundFactory(programme=objects["programme"]),
        facilitators=[facilitator],
    )
    block = BlockFactory(process=process)
    upload = SimpleUploadedFile("bericht.pdf", PDF_BYTES, content_type="application/pdf")
    check_upload(upload)
    document = process_services.add_document(block, upload=upload, title="Bericht", by=office)
    consulting = ConsultingEntryFactory(process=process, facilitator=facilitator)
    on = timezone.localdate() - timedelta(days=days_ago)
    process_services.close_process(process, by=office, on=on)
    return {"process": process, "block": block, "document": document, "consulting": consulting}


def _draft_only(side: dict, version) -> dict:
    """A municipality whose only tie to the programme is a draft application."""
    municipality = MunicipalityFactory(name="Gemeinde mit Entwurf")
    application = ApplicationFactory(
        round=side["objects"]["round"], municipality=municipality, status=ApplicationStatus.DRAFT
    )
    return {
        "municipality": municipality,
        "application": application,
        "actor": PersonFactory(municipality=municipality, name="Person im Entwurf"),
        "selfcheck": SelfCheckRoundFactory(municipality=municipality, version=version),
    }


def build_world() -> dict:
    """Users by role and objects by side, as described in the module docstring."""
    version = InstrumentVersionFactory()
    own, foreign = _side("A", version), _side("B", version)
    facilitator_read = FacilitatorFactory(full_name="Begleitung bis vor kurzem")
    facilitator_gone = FacilitatorFactory(full_name="Begleitung vor langer Zeit")
    closed = _closed_process(own, 10, facilitator_read)
    _closed_process(own, 200, facilitator_gone)
    draft = _draft_only(own, version)
    shared = {"version": version, "category": ActorCategory.objects.order_by("pk").first()}
    users = {
        **own["users"],
        "other_office": foreign["users"]["office"],
        "outsider": foreign["users"]["coordinator"],
        "facilitator_read": facilitator_read,
        "facilitator_gone": facilitator_gone,
        "anonymous": None,
    }
    return {
        "users": users,
        "own": {**own["objects"], **shared},
        "foreign": {**foreign["objects"], **shared},
        # The own process closed 10 days ago (facilitator_read accompanied it).
        "closed": {**own["objects"], **closed, **shared},
        # Objects of a municipality with only a draft application in the own programme.
        "draft": {**own["objects"], **draft, **shared},
    }
