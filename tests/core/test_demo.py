from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db.models import F, Q, Sum
from django.test import RequestFactory
from django.utils import timezone

from teilhabe.accounts.models import User
from teilhabe.core.demo_logins import DEMO_LOGINS, DEMO_PASSWORD
from teilhabe.processes.models import (
    Block,
    BlockStatus,
    Catalogue,
    ConsultingEntry,
    Phase,
    Process,
    ProcessLogEntry,
)
from teilhabe.programmes.models import (
    Application,
    ApplicationStatus,
    Municipality,
    MunicipalityKind,
    Programme,
    Round,
)
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

MODELS = [
    User,
    Municipality,
    Programme,
    Round,
    Application,
    Catalogue,
    Process,
    Block,
    ConsultingEntry,
    ProcessLogEntry,
]


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_load_demo_on_an_empty_database():
    output = load_demo()

    assert "Teilhabe demo is ready at http://127.0.0.1:8000" in output
    assert DEMO_PASSWORD in output
    for login in DEMO_LOGINS:
        assert login["email"] in output

    assert Municipality.objects.count() >= 13
    assert set(Municipality.objects.values_list("kind", flat=True)) == set(MunicipalityKind)
    assert Municipality.objects.get(name="Neckarbrück").kind == MunicipalityKind.GROSSE_KREISSTADT
    assert Municipality.objects.get(name="Lindenau").kind == MunicipalityKind.GEMEINDE
    for municipality in Municipality.objects.all():
        municipality.full_clean()  # valid AGS for its type, or none for the association

    programme = Programme.objects.get()
    assert set(programme.rounds.values_list("name", flat=True)) >= {"2018–2019", "2020/2021"}
    assert programme.office_members.filter(email="buero@teilhabe.example").exists()
    assert programme.catalogues.get().version == 1

    request = RequestFactory().post("/accounts/login/")
    for login in DEMO_LOGINS:
        user = authenticate(request, username=login["email"], password=DEMO_PASSWORD)
        assert user is not None, login["email"]
    admin = User.objects.get(email="admin@teilhabe.example")
    assert admin.is_superuser and admin.is_staff and not admin.role


def test_load_demo_twice_changes_nothing():
    load_demo()
    before = counts()
    Municipality.objects.filter(name="Lindenau").update(population=7001)  # a user's change

    output = load_demo()

    assert "Demo data already present – nothing changed." in output
    assert "koordination@neckarbrueck.example" in output
    assert counts() == before
    assert Municipality.objects.get(name="Lindenau").population == 7001


def test_load_demo_refuses_to_mix_with_existing_data():
    MunicipalityFactory(name="Echt", ags="08129004")

    with pytest.raises(CommandError, match="08129004"):
        load_demo()

    assert not Programme.objects.exists()


def test_demo_obeys_the_rules_and_tells_a_story():
    load_demo()
    today = timezone.localdate()

    # Budgets: never overspent, one process close to its end.
    for process in Process.objects.with_overview():
        assert process.spent_amount <= process.budget, process
    assert any(p.budget_is_low for p in Process.objects.with_overview().active())

    # Dates: nothing before the process started, no log entry in the future.
    for field in ("planned_start", "planned_end", "actual_start", "actual_end"):
        assert not Block.objects.filter(**{f"{field}__lt": F("process__started_on")}).exists()
    assert not ConsultingEntry.objects.filter(date__lt=F("process__started_on")).exists()
    assert not ProcessLogEntry.objects.filter(at__gt=timezone.now()).exists()
    for block in Block.objects.select_related("process"):
        block.full_clean()

    # Finished rounds are finished; the current processes are alive.
    old = Process.objects.filter(round__name__in=["2018–2019", "2020/2021"])
    assert old.count() >= 5 and not old.active().exists()
    assert all(p.current_phase is None for p in old.prefetch_related("blocks"))
    assert not Block.objects.filter(process__in=old, block_type__key="council-decision").exclude(
        status=BlockStatus.DONE
    )

    neckarbrueck = Process.objects.prefetch_related("blocks").get(
        municipality__name="Neckarbrück", closed_on__isnull=True
    )
    assert neckarbrueck.current_phase == Phase.PARTICIPATION
    blocks = list(neckarbrueck.blocks.all())
    statuses = {b.status for b in blocks}
    assert statuses == set(BlockStatus)
    assert any(b.is_overdue for b in blocks)
    assert any(not b.is_overdue for b in neckarbrueck.due_blocks(today))
    assert any(b.block_type_id is None for b in blocks)  # a block of its own
    assert all(b.drop_reason for b in blocks if b.status == BlockStatus.DROPPED)
    assert neckarbrueck.facilitators.filter(email="keller@teilhabe.example").exists()
    assert Process.objects.filter(
        municipality__name="Lindenau", facilitators__email="keller@teilhabe.example"
    ).exists()

    # Applications in every state the office works with, and an open call.
    assert Application.objects.filter(status=ApplicationStatus.ADMITTED).count() >= 10
    rejected = Application.objects.get(status=ApplicationStatus.REJECTED)
    assert rejected.decision_note
    waiting = Application.objects.get(status=ApplicationStatus.SUBMITTED)
    assert waiting.round.is_open(today)
    assert Application.objects.filter(status=ApplicationStatus.DRAFT).count() == 1
    assert Round.objects.open_for_applications(today).exists()
    assert not Application.objects.filter(
        Q(submitted_at__isnull=False) & Q(submitted_at__date__gt=F("round__call_closes"))
    ).exists()
    assert ConsultingEntry.objects.aggregate(total=Sum("cost"))["total"] > 0
