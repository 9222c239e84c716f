from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import Count, F, Min, Q, Sum
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from teilhabe.accounts.models import Role, User
from teilhabe.demo.loader import read
from teilhabe.demo.logins import DEMO_LOGINS, DEMO_PASSWORD, demo_emails
from teilhabe.processes.models import (
    Block,
    BlockStatus,
    Catalogue,
    ConsultingEntry,
    LogAction,
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
from teilhabe.selfcheck import scoring
from teilhabe.selfcheck import services as selfcheck_services
from teilhabe.selfcheck.models import (
    Answer,
    FirstStep,
    Invitation,
    ItemKind,
    Perspective,
    Response,
    RoundStatus,
    SelfCheckRound,
    WorkshopNote,
)
from teilhabe.stakeholders.analysis import coverage
from teilhabe.stakeholders.models import (
    Actor,
    ActorCategory,
    ActorKind,
    Assessment,
    Involvement,
    Participation,
)

# One load of the demo for the whole module (tests/conftest.py demo_loaded).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]

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
    Actor,
    Assessment,
    Participation,
    SelfCheckRound,
    Invitation,
    Response,
    Answer,
    WorkshopNote,
    FirstStep,
]


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_load_demo_on_an_empty_database(demo):
    output = demo

    assert "Teilhabe demo is ready at http://127.0.0.1:8000" in output
    assert f"{Actor.objects.count()} actors" in output
    assert f"{SelfCheckRound.objects.count()} self-check rounds" in output
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


def test_load_demo_twice_changes_nothing(demo):
    before = counts()
    Municipality.objects.filter(name="Lindenau").update(population=7001)  # a user's change

    output = load_demo()

    assert "Demo data already present – nothing changed." in output
    assert "koordination@neckarbrueck.example" in output
    assert counts() == before
    assert Municipality.objects.get(name="Lindenau").population == 7001


def test_demo_obeys_the_rules_and_tells_a_story(demo):
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


def running_processes():
    return Process.objects.filter(closed_on__isnull=True).select_related("municipality")


def test_demo_actor_lists(demo):
    categories = list(ActorCategory.objects.all())
    processes = {p.municipality.name: p for p in running_processes()}
    assert set(processes) == {
        "Neckarbrück",
        "Lindenau",
        "Landkreis Kochertal",
        "Eichenwald",
        "Weilerbronn",
    }
    gaps = {}
    for name, process in processes.items():
        actors = Actor.objects.filter(municipality=process.municipality)
        assert 30 <= actors.count() <= 80, name
        # The analysis block tells how many actors were assessed in it.
        analysis = process.blocks.get(block_type__key="stakeholder-analysis")
        assessed_then = (
            actors.annotate(first=Min("assessments__assessed_at"))
            .filter(first__date__lte=analysis.actual_end)
            .count()
        )
        assert analysis.results.startswith(f"{assessed_then} Akteur*innen"), name
        result = coverage(actors, categories)
        gaps[name] = {row.category.key for row in result.gaps}
        assert actors.filter(is_key_person=True).exists(), name
        assert actors.filter(kind=ActorKind.PERSON, organisation__isnull=False).exists(), name
        assert actors.exclude(languages="").exists(), name
        assert not actors.exclude(email="").exclude(email__endswith=".example").exists(), name
        for actor in actors:
            actor.full_clean()

    # Every category appears somewhere; no stage is left out.
    assert set(Actor.objects.values_list("category", flat=True)) == {c.pk for c in categories}
    assert set(Actor.objects.values_list("involvement", flat=True)) == set(Involvement.values)
    assert Actor.objects.filter(represents_silent_group=True).exclude(silent_group="").count() >= 10

    # Neckarbrück: the richest list, everything covered except the trade unions.
    neckarbrueck = Actor.objects.filter(municipality__name="Neckarbrück")
    assert 60 <= neckarbrueck.count() <= 80
    assert gaps["Neckarbrück"] == {"unions"}
    assert neckarbrueck.filter(category__key="unions").exists()
    assert (
        neckarbrueck.filter(
            kind=ActorKind.ORGANISATION, category__key="migrant-organisations"
        ).count()
        == 9
    )
    assert neckarbrueck.filter(represents_silent_group=True).count() >= 5
    history = neckarbrueck.annotate(n=Count("assessments")).filter(n__gte=2)
    assert history.count() >= 5
    # A sceptical council member who became supportive.
    hertle = neckarbrueck.get(name="Klaus Hertle")
    attitudes = list(hertle.assessments.order_by("assessed_at").values_list("attitude", flat=True))
    assert attitudes[0] <= 2 and attitudes[-1] >= 4 and len(attitudes) == 3

    # Lindenau: no migrant organisation, so the check suggests inviting migrants as experts.
    lindenau = Actor.objects.filter(municipality__name="Lindenau")
    assert not lindenau.filter(category__key="migrant-organisations").exists()
    assert "migrant-organisations" in gaps["Lindenau"]
    assert len(gaps["Lindenau"]) >= 3
    migrant_gap = next(
        row
        for row in coverage(lindenau, categories).gaps
        if row.category.key == "migrant-organisations"
    )
    assert "Expert*innen" in migrant_gap.category.suggestion
    assert lindenau.filter(notes__contains="Expert*in").count() >= 5

    # The others have gaps of their own, and not all the same.
    for name in ("Landkreis Kochertal", "Eichenwald", "Weilerbronn"):
        assert gaps[name], name
    assert len({frozenset(g) for g in gaps.values()}) == len(gaps)


def test_demo_actors_follow_their_process(demo):
    now = timezone.now()
    today = timezone.localdate()
    assert Assessment.objects.exists()
    assert not Assessment.objects.filter(assessed_at__gt=now).exists()
    for process in running_processes():
        assert not Assessment.objects.filter(
            actor__municipality=process.municipality, assessed_at__date__lt=process.started_on
        ).exists(), process
    assert set(Assessment.objects.values_list("assessed_by__role", flat=True)) == {
        Role.COORDINATOR,
        Role.FACILITATOR,
    }
    # Actors only of the running round; their participations in its blocks.
    assert not Actor.objects.exclude(
        municipality__in=[p.municipality for p in running_processes()]
    ).exists()
    for participation in Participation.objects.select_related("block__process", "actor"):
        participation.full_clean()
        started = participation.block.process.started_on
        for day in (participation.invited_on, participation.took_part_on):
            assert day is None or started <= day <= today, participation
        if participation.took_part_on:
            assert participation.block.actual_start is not None, participation
    # The stage matches the participations.
    for actor in Actor.objects.prefetch_related("participations"):
        took_part = any(p.took_part_on for p in actor.participations.all())
        invited = any(p.invited_on for p in actor.participations.all())
        if actor.involvement in (Involvement.INVOLVED, Involvement.ACTIVE):
            assert took_part, actor
        elif actor.involvement == Involvement.INVITED:
            assert invited and not took_part, actor
        else:
            assert not actor.participations.exists(), actor


def test_demo_selfcheck_rounds(demo):
    submitted = SelfCheckRound.objects.filter(responses__submitted_at__isnull=False).distinct()
    by_kind = Counter()
    for kind, municipality in set(submitted.values_list("municipality__kind", "municipality")):
        by_kind[kind] += 1
    kind, count = by_kind.most_common(1)[0]
    assert count >= 6, by_kind
    assert (
        submitted.filter(status=RoundStatus.CLOSED).values("municipality").distinct().count() >= 8
    )

    # Neckarbrück compares its follow-up with its baseline.
    follow_up = SelfCheckRound.objects.get(municipality__name="Neckarbrück", baseline__isnull=False)
    assert follow_up.baseline.municipality == follow_up.municipality
    assert follow_up.baseline.opened_on < follow_up.opened_on
    assert follow_up.baseline.status == RoundStatus.CLOSED
    for round_ in SelfCheckRound.objects.all():
        round_.full_clean()

    # Nothing was submitted with required questions missing.
    for response in Response.objects.submitted():
        assert selfcheck_services.missing_items(response) == [], response

    # Lindenau is collecting the further perspectives; some links are unused.
    lindenau = SelfCheckRound.objects.get(municipality__name="Lindenau")
    assert lindenau.status == RoundStatus.PERSPECTIVES
    unused = [i for i in lindenau.invitations.all() if not i.is_used]
    assert any(not i.is_expired for i in unused)


# --- The self-check rounds: benchmark group, change over time, dates, workshop ---


def field_scores(round_: SelfCheckRound) -> dict[str, dict[str, float]]:
    """field key -> perspective -> score, from the submitted answers."""
    answers = Answer.objects.filter(
        response__round=round_, response__submitted_at__isnull=False
    ).select_related("item", "response")
    results = scoring.item_results(answers)
    fields = list(round_.version.fields.prefetch_related("items"))
    scores = scoring.field_scores({f.pk: [i.pk for i in f.items.all()] for f in fields}, results)
    return {f.key: scores[f.pk] for f in fields}


def overall(round_: SelfCheckRound) -> dict[str, float]:
    return {key: scoring.overall(values) for key, values in field_scores(round_).items()}


def test_benchmark_is_reachable_for_the_gemeinden(demo):
    closed = SelfCheckRound.objects.filter(
        status=RoundStatus.CLOSED, municipality__kind=MunicipalityKind.GEMEINDE
    )
    lindenau = SelfCheckRound.objects.get(municipality__name="Lindenau")
    others = {r.municipality_id: r for r in closed.exclude(municipality=lindenau.municipality)}
    assert len(others) >= scoring.MIN_BENCHMARK_MUNICIPALITIES
    field_values = {m: overall(r)["communication"] for m, r in others.items()}
    median = scoring.benchmark(field_values)
    assert median is not None
    # Fewer than five others: no benchmark.
    assert scoring.benchmark(dict(list(field_values.items())[:4])) is None


def test_follow_up_shows_progress_in_some_fields(demo):
    follow_up = SelfCheckRound.objects.get(municipality__name="Neckarbrück", baseline__isnull=False)
    before, after = overall(follow_up.baseline), overall(follow_up)
    assert before.keys() == after.keys()
    improved = {key for key in before if after[key] - before[key] >= 10}
    assert {"communication", "opening", "migrant-organisations"} <= improved
    assert len(improved) <= 4
    # The baseline's largest gap between perspectives is in communication.
    baseline = field_scores(follow_up.baseline)["communication"]
    follow = field_scores(follow_up)["communication"]
    gap = baseline[Perspective.ADMINISTRATION] - baseline[Perspective.MIGRANT_ORGANISATIONS]
    assert gap >= 20
    assert follow[Perspective.ADMINISTRATION] - follow[Perspective.MIGRANT_ORGANISATIONS] < gap


def test_answer_patterns_look_real(demo):
    for round_ in SelfCheckRound.objects.filter(status=RoundStatus.CLOSED):
        scores = field_scores(round_)
        administration = [s[Perspective.ADMINISTRATION] for s in scores.values()]
        migrants = [
            s[Perspective.MIGRANT_ORGANISATIONS]
            for s in scores.values()
            if Perspective.MIGRANT_ORGANISATIONS in s
        ]
        assert sum(administration) / len(administration) > sum(migrants) / len(migrants), round_
        answers = Answer.objects.filter(response__round=round_)
        assert answers.filter(dont_know=True).exists(), round_
        assert answers.filter(item__kind=ItemKind.TEXT).exclude(text="").exists(), round_
        perspectives = set(round_.responses.values_list("perspective", flat=True))
        assert len(perspectives) >= 4, round_
        departments = round_.responses.filter(perspective=Perspective.ADMINISTRATION)
        assert departments.exclude(department="").count() >= 2, round_


def test_dates_and_workshop_record(demo):
    today, now = timezone.localdate(), timezone.now()
    assert not SelfCheckRound.objects.filter(opened_on__gt=today).exists()
    assert not SelfCheckRound.objects.filter(closed_on__gt=today).exists()
    assert not SelfCheckRound.objects.filter(closed_on__lt=F("opened_on")).exists()
    assert not Response.objects.filter(submitted_at__gt=now).exists()
    assert not Response.objects.filter(submitted_at__date__lt=F("round__opened_on")).exists()
    assert not Invitation.objects.filter(created_at__gt=now).exists()
    for round_ in SelfCheckRound.objects.select_related("municipality"):
        first = (
            Process.objects.filter(municipality=round_.municipality).order_by("started_on").first()
        )
        if first is not None:
            assert round_.opened_on >= first.started_on, round_
        # The administration answered before the other perspectives.
        responses = round_.responses.submitted()
        last_admin = max(
            r.submitted_at for r in responses if r.perspective == Perspective.ADMINISTRATION
        )
        assert all(
            r.submitted_at > last_admin
            for r in responses
            if r.perspective != Perspective.ADMINISTRATION
        ), round_
        fields = round_.version.fields.count()
        if round_.status == RoundStatus.CLOSED:
            assert round_.closed_on is not None
            assert round_.workshop_notes.exclude(potentials="").count() == fields, round_
            assert round_.workshop_notes.exclude(recommendations="").count() == fields
            for field in round_.version.fields.all():
                assert 1 <= round_.first_steps.filter(field=field).count() <= 3
        else:
            assert not round_.workshop_notes.exists()
    assert not FirstStep.objects.filter(due_on__lt=F("round__closed_on")).exists()


# --- History: told through the services at the story's moments, never rewritten ---


def test_the_demo_history_is_consistent(demo):
    now = timezone.now()

    # Nothing has happened yet that lies ahead; only links stay valid into the future.
    for model in MODELS:
        for field in model._meta.concrete_fields:
            if field.get_internal_type() == "DateTimeField" and field.name != "expires_at":
                future = model.objects.filter(**{f"{field.name}__gt": now})
                assert not future.exists(), (model.__name__, field.name)
    # A row is changed at or after its creation.
    for model in MODELS:
        if any(field.name == "updated_at" for field in model._meta.concrete_fields):
            assert not model.objects.filter(updated_at__lt=F("created_at")).exists(), model

    # Applications are written, handed in and then decided; an admission opens the process.
    applications = Application.objects.exclude(status=ApplicationStatus.DRAFT)
    assert applications.count() >= 15
    assert not applications.filter(submitted_at__lt=F("created_at")).exists()
    assert not applications.filter(decided_at__lt=F("submitted_at")).exists()
    assert not applications.filter(
        Q(submitted_at__date__lt=F("round__call_opens"))
        | Q(submitted_at__date__gt=F("round__call_closes"))
    ).exists()
    for process in Process.objects.select_related("application"):
        assert process.created_at == process.application.decided_at, process
    first_process = Process.objects.aggregate(first=Min("created_at"))["first"]
    assert Catalogue.objects.get().published_at < first_process

    # Everything in a process happens after it was opened, on the days the story names.
    entries = ProcessLogEntry.objects.all()
    assert entries.count() > 500
    assert not entries.filter(at__lt=F("process__created_at")).exists()
    assert not Block.objects.filter(created_at__lt=F("process__created_at")).exists()
    consulting = ConsultingEntry.objects.all()
    assert not consulting.filter(created_at__lt=F("process__created_at")).exists()
    assert not consulting.filter(created_at__date__lt=F("date")).exists()
    for process in Process.objects.filter(closed_on__isnull=False):
        closing = process.log_entries.get(action=LogAction.PROCESS_CLOSED)
        assert timezone.localdate(closing.at) == process.closed_on, process
    # Two thirds of the log lies more than a month back: the past was not told today.
    month_ago = now - timedelta(days=30)
    assert entries.filter(at__lt=month_ago).count() > entries.count() * 2 / 3

    # Actors are entered before they are assessed or their participation is recorded.
    assert not Assessment.objects.filter(assessed_at__lt=F("actor__created_at")).exists()
    participations = Participation.objects.all()
    assert not participations.filter(created_at__lt=F("actor__created_at")).exists()
    assert not participations.filter(created_at__date__lt=F("invited_on")).exists()
    assert not participations.filter(created_at__date__lt=F("took_part_on")).exists()
    assert not Actor.objects.filter(
        created_at__date__lt=F("municipality__processes__started_on"),
        municipality__processes__closed_on__isnull=True,
    ).exists()

    # Self-check rounds: opened on their day; links, answers and the workshop follow.
    for round_ in SelfCheckRound.objects.all():
        assert timezone.localdate(round_.created_at) == round_.opened_on, round_
        if round_.closed_on:
            assert timezone.localdate(round_.updated_at) == round_.closed_on, round_
    assert not Invitation.objects.filter(created_at__lt=F("round__created_at")).exists()
    responses = Response.objects.all()
    assert not responses.filter(created_at__lt=F("round__created_at")).exists()
    assert not responses.filter(created_at__lt=F("invitation__created_at")).exists()
    assert not responses.filter(submitted_at__lt=F("created_at")).exists()
    assert not responses.filter(invitation__expires_at__lt=F("submitted_at")).exists()
    for model in (WorkshopNote, FirstStep):
        rows = model.objects.all()
        assert rows.exists()
        assert not rows.filter(created_at__lt=F("round__created_at")).exists()
        assert not rows.exclude(created_at__date=F("round__closed_on")).exists()


# --- The login page in demo mode -------------------------------------------------------


def test_login_page_lists_every_demo_account_with_one_click_login(demo, client, settings):
    settings.DEMO_MODE = True
    demo_users = User.objects.filter(email__in=demo_emails())
    assert demo_users.count() == len(read()["base"]["users"]) + 1  # and the operator

    response = client.get(reverse("accounts:login"))

    assert response.status_code == 200
    forms = response.text.count(f'action="{reverse("demo:login")}"')
    assert forms == demo_users.count()
    for user in demo_users.select_related("municipality"):
        assert f'value="{user.email}"' in response.text
        if user.role:
            assert str(user.get_role_display()) in response.text
        if user.municipality:
            assert user.municipality.name in response.text


def test_login_page_lists_no_demo_accounts_outside_demo_mode(demo, client, settings):
    settings.DEMO_MODE = False
    response = client.get(reverse("accounts:login"))
    assert reverse("demo:login") not in response.text
    assert "koordination@neckarbrueck.example" not in response.text


def test_one_click_demo_login(demo, client, settings):
    settings.DEMO_MODE = True
    response = client.post(
        reverse("demo:login"), {"email": "koordination@neckarbrueck.example", "next": ""}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboards:dashboard")
    dashboard = client.get(reverse("dashboards:dashboard"))
    assert dashboard.status_code == 200
    assert dashboard.context["user"].email == "koordination@neckarbrueck.example"


def test_one_click_demo_login_follows_a_safe_next_only(demo, client, settings):
    settings.DEMO_MODE = True
    data = {"email": "buero@teilhabe.example", "next": "https://evil.example/"}
    assert client.post(reverse("demo:login"), data)["Location"] == reverse("dashboards:dashboard")
    data["next"] = reverse("programmes:application_list")
    assert client.post(reverse("demo:login"), data)["Location"] == data["next"]


def test_one_click_demo_login_is_refused_outside_demo_mode(demo, client, settings):
    settings.DEMO_MODE = False
    response = client.post(reverse("demo:login"), {"email": "buero@teilhabe.example"})
    assert response.status_code == 404
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("demo:login")).status_code == 405


def test_one_click_demo_login_only_for_demo_accounts(demo, client, settings):
    settings.DEMO_MODE = True
    User.objects.create_user("real@kommune.example", "a-long-secret", full_name="Real Person")
    response = client.post(reverse("demo:login"), {"email": "real@kommune.example"})
    assert response["Location"] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_one_click_demo_login_is_csrf_protected(demo, settings):
    settings.DEMO_MODE = True
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("demo:login"), {"email": "buero@teilhabe.example"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_one_demo_municipality_can_apply_from_scratch(demo, client, settings):
    """A newcomer logs in as its coordinator and finds the open call and an empty form."""
    settings.DEMO_MODE = True
    untouched = Municipality.objects.filter(
        applications__isnull=True, members__role=Role.COORDINATOR
    )
    assert untouched.exists()
    coordinator = User.objects.get(
        role=Role.COORDINATOR, municipality__in=untouched, email__in=demo_emails()
    )
    open_round = Round.objects.open_for_applications().get()
    client.post(reverse("demo:login"), {"email": coordinator.email})
    response = client.get(reverse("programmes:application_create", args=[open_round.pk]))
    assert response.status_code == 200
    assert "form" in response.context
