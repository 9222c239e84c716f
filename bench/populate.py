"""Fill the app's database with Germany-like data for the page benchmark (issue 10).

Run: `.venv/bin/python bench/populate.py --scale germany` (or `--scale demo`, or
`--scale tiny` as the test suite does). The database is found exactly as the app finds
it: `DATABASE_URL` for PostgreSQL, else SQLite in `TEILHABE_DATA_DIR` (default `var/`).
Migrations run first. A database that holds municipalities already is refused unless
`--reset` is given, which flushes every table and seeds again what the data migrations
seed (the self-check instrument, the actor categories).

What `--scale germany` builds (smaller scales shrink every number):

- 11,000 municipalities of every kind (mostly Gemeinden, 294 Landkreise, …) with
  unique generated names and official keys;
- one programme (with its published building-block catalogue, made by the service
  that creates programmes) and four funding rounds: two past, the current one and one
  whose call is open; about 5,000 applications (admitted, rejected, withdrawn,
  submitted and drafts);
- 2,000 processes (closed in the past rounds, running in the current one), each with
  15 building blocks (the 13 of the catalogue and two of its own), statuses and dates
  following the process's course; 150 facilitators assigned to them; consulting
  entries priced at the round's day rate within the budget (a few deleted, with a
  reason); the process log (opened, facilitators assigned, consulting, closed);
- a coordinator for every municipality that applied, team members where a process
  runs, coordinators named responsible for blocks of running processes;
- 200,000 actors over the municipalities with a process (one Gemeinde with 2,000 for
  the four-field matrix, all of them assessed), most with an assessment of influence
  and attitude, some with an earlier one;
- 19,400 self-check responses with about 1.1 million answers on the published version
  of the default instrument (the one the migrations create), in rounds of the
  municipalities with a process and of further Gemeinden, closed or still running,
  administration first, then the other perspectives (by invitation).

Everything is written with bulk inserts in a few transactions (COPY for the answers
on PostgreSQL); each stage prints its row count and time, and the last line is

    scale=germany seconds=… municipalities=… processes=… blocks=… actors=… assessments=… responses=… answers=…

`scripts/with-postgres.sh` throws its cluster away when its command ends, so on a
throwaway PostgreSQL run the generator and the benchmark in one command:
`bash scripts/with-postgres.sh bash -c '.venv/bin/python bench/populate.py && .venv/bin/python bench/pages.py'`.

Measured on the 2-core development machine (shared, load about 8), `--scale germany`:
SQLite 101 s (plus 10 s of migrations; actors and assessments 58 s, 1.1 million
answers 14 s), PostgreSQL 15 91 s (ANALYZE 19 s of it); at most 180 MB of memory.

The generator is deterministic for a given `--seed` (except the calendar: rounds
and dates are placed around today, so the current round is running on the day of the
run). All accounts share one password, BENCH_PASSWORD ("teilhabe-bench"); programme
office and facilitators need a second factor outside demo mode, so log in with
TEILHABE_DEMO=1 (or have the benchmark pass the second factor).

The manifest, `bench-manifest.json` in the data directory (settings.DATA_DIR:
TEILHABE_DATA_DIR, default `var/`; also for PostgreSQL), is a JSON object:

    scale            "germany", "demo" or "tiny"
    database         "sqlite" or "postgresql"
    created_at       ISO time of the run (UTC)
    today            the day the dates were placed around (ISO date)
    password         the password of every login below
    logins           {"office": e-mail of the programme office member (member of the
                     programme), "facilitator": a facilitator with many running
                     processes, "coordinator": coordinator of big_municipality (which
                     has a running process), "team": a team member of big_municipality}
    programme        id of the programme
    rounds           {"past": [ids, oldest first], "current": id (running, its
                     processes running), "open_call": id (call open today)}
    round_many_applications   id of the round whose detail page lists the most
                     processes and applications together (the current round: 1,000
                     processes, 1,600 applications at germany scale)
    big_municipality id of the Gemeinde with the most actors (2,000 at germany scale)
    municipality     id of a further municipality with a running process
    process          id of big_municipality's running process
    closed_process   id of a closed process of a past round
    block            id of a block of `process`
    application      id of big_municipality's admitted application
    actor            id of an actor of big_municipality
    selfcheck_round  id of a Gemeinde self-check round (of big_municipality) with
                     submitted answers of every perspective and a baseline round;
                     the benchmark against all Gemeinden applies to it
    selfcheck_baseline  id of that round's baseline round (closed)
    counts           {model label: rows} as printed at the end
    seconds          total time of the run
"""

from __future__ import annotations

import argparse
import base64
import itertools
import json
import os
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teilhabe.settings")

BENCH_PASSWORD = "teilhabe-bench"
MANIFEST_NAME = "bench-manifest.json"
LOGINS = {
    "office": "bench-office@teilhabe.example",
    "facilitator": "bench-facilitator@teilhabe.example",
    "coordinator": "bench-coordinator@teilhabe.example",
    "team": "bench-team@teilhabe.example",
}
BATCH = 2000


@dataclass(frozen=True)
class Scale:
    municipalities: int
    # Processes per round: older past round, previous round, current round.
    processes: tuple[int, int, int]
    open_call_applications: int
    facilitators: int
    bench_facilitator_processes: int
    actors: int
    big_actors: int
    responses: int
    max_consulting: int


SCALES = {
    "germany": Scale(11_000, (400, 600, 1000), 1900, 150, 60, 200_000, 2000, 19_400, 14),
    "demo": Scale(300, (8, 10, 14), 40, 8, 8, 3000, 300, 300, 10),
    "tiny": Scale(40, (2, 3, 5), 8, 3, 4, 300, 60, 70, 4),
}

# Roughly Germany's mix: ~10,800 Gemeinden and towns, 294 districts, 107 cities.
KINDS = [
    ("gemeinde", 0.70),
    ("kreisangehoerige_stadt", 0.16),
    ("grosse_kreisstadt", 0.04),
    ("kreisfreie_stadt", 0.01),
    ("landkreis", 0.027),
    ("verwaltungsverband", 0.063),
]
PREFIXES = ["", "", "", "Ober", "Unter", "Nieder", "Hohen", "Neu", "Alt", "Groß", "Klein", "Bad "]
ROOTS = [
    "Ahorn",
    "Birken",
    "Buchen",
    "Eichen",
    "Erlen",
    "Eschen",
    "Fichten",
    "Linden",
    "Tannen",
    "Weiden",
    "Rosen",
    "Lilien",
    "Hasel",
    "Kirsch",
    "Apfel",
    "Berg",
    "Tal",
    "Stein",
    "Fels",
    "Sand",
    "Moos",
    "Wiesen",
    "Heide",
    "Brunn",
    "Quell",
    "Mühl",
    "Kirch",
    "Burg",
    "Schloss",
    "Markt",
    "Hof",
    "Wald",
    "Au",
    "Bach",
    "See",
    "Teich",
    "Sonnen",
    "Winter",
    "Sommer",
    "Falken",
    "Adler",
    "Raben",
    "Hirsch",
    "Fuchs",
    "Wolfs",
    "Bären",
    "Reh",
    "Kranich",
    "Storch",
    "Schwan",
    "Otter",
    "Biber",
    "Dachs",
    "Lerchen",
    "Finken",
    "Meisen",
    "Korn",
    "Hafer",
    "Roggen",
    "Flachs",
    "Hopfen",
    "Wein",
    "Salz",
    "Eisen",
    "Gold",
    "Silber",
    "Kupfer",
    "Lehm",
    "Kalk",
]
SUFFIXES = [
    "bach",
    "berg",
    "burg",
    "dorf",
    "feld",
    "furt",
    "hausen",
    "heim",
    "hof",
    "ingen",
    "rode",
    "stadt",
    "stedt",
    "tal",
    "weiler",
    "wald",
    "brück",
    "brunn",
    "au",
    "kirchen",
    "leben",
    "büttel",
    "hagen",
    "horst",
    "winkel",
]
QUALIFIERS = ["an der Lahn", "am Main", "im Odenwald", "an der Elbe", "am See", "in Holstein"]
CUSTOM_BLOCKS = [
    ("Fachtag Vielfalt in der Verwaltung", "participation"),
    ("Netzwerktreffen Ehrenamt", "participation"),
    ("Workshop Interkulturelle Öffnung", "implementation"),
    ("Bürgerdialog im Quartier", "participation"),
    ("Abschlussveranstaltung", "implementation"),
]
ORGANISATIONS = [
    ("Caritasverband", "welfare"),
    ("Diakonisches Werk", "welfare"),
    ("Arbeiterwohlfahrt", "welfare"),
    ("Integrationsbeirat", "integration-council"),
    ("Helferkreis Asyl", "volunteer-groups"),
    ("Türkisch-Islamische Gemeinde", "religious"),
    ("Evangelische Kirchengemeinde", "religious"),
    ("Katholische Pfarrei", "religious"),
    ("Deutsch-Syrischer Kulturverein", "migrant-organisations"),
    ("Afrikanischer Elternverein", "migrant-organisations"),
    ("DGB-Ortsverband", "unions"),
    ("Jobcenter", "employment"),
    ("Agentur für Arbeit", "employment"),
    ("Volkshochschule", "education"),
    ("Grundschule", "education"),
    ("Gewerbeverein", "business"),
    ("Sportverein", "civil-society"),
    ("Bürgerstiftung", "civil-society"),
    ("Ordnungsamt", "administration"),
    ("Ratsfraktion", "politics"),
    ("Nachbarschaftsinitiative", "residents"),
]
ACTOR_ROLES = ["Vorsitz", "Geschäftsführung", "Ehrenamt", "Sachbearbeitung", "Leitung", ""]
LANGUAGES = ["Deutsch", "Deutsch, Türkisch", "Deutsch, Arabisch", "Deutsch, Russisch", ""]
SILENT_GROUPS = ["Saisonarbeitskräfte", "Junge Mütter mit Migrationsgeschichte", "Geflüchtete"]
DROP_REASONS = ["Im Prozess nicht mehr nötig", "Von der Steuerungsgruppe gestrichen"]
ANSWER_TEXTS = [
    "Der Helferkreis trägt viel, die Verwaltung zu wenig.",
    "Es fehlt eine feste Ansprechperson.",
    "Gute Erfahrungen mit dem Sprachcafé.",
    "Die Beschlüsse sind da, die Umsetzung stockt.",
    "Mehrsprachige Informationen fehlen.",
]
PERSPECTIVES = ["administration", "politics", "civil_society", "migrant_organisations", "residents"]


def setup_django() -> None:
    import django

    django.setup()


class Clock:
    """Prints each stage's rows and time."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()

    def stage(self, name: str, rows: int) -> None:
        now = time.perf_counter()
        print(f"{name:<28} {rows:>10,} rows {now - self.last:8.1f} s", flush=True)
        self.last = now

    @property
    def total(self) -> float:
        return time.perf_counter() - self.started


# The moment of the run: nothing is dated later.
NOW = datetime.now(UTC)


def moment(day: date, rng: random.Random) -> datetime:
    """A time during office hours on `day` (UTC is close enough for a benchmark), but
    never after the moment of the run."""
    at = datetime.combine(day, clock(7 + rng.randrange(10), rng.randrange(60)), tzinfo=UTC)
    return min(at, NOW)


def between(rng: random.Random, first: date, last: date) -> date:
    if last <= first:
        return first
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def token(rng: random.Random) -> str:
    return base64.urlsafe_b64encode(rng.getrandbits(192).to_bytes(24, "big")).decode()


def person_names(rng: random.Random) -> tuple[list[str], list[str]]:
    """First and last names: Faker's German lists (a test dependency), else a few own."""
    try:
        from faker import Faker
    except ImportError:  # pragma: no cover - the venv has Faker
        first = [
            "Anna",
            "Ben",
            "Clara",
            "David",
            "Emine",
            "Felix",
            "Greta",
            "Hasan",
            "Ida",
            "Jonas",
            "Lea",
            "Mehmet",
            "Nora",
        ]
        last = [
            "Müller",
            "Schmidt",
            "Yilmaz",
            "Weber",
            "Kaya",
            "Wagner",
            "Becker",
            "Nowak",
            "Hoffmann",
            "Schulz",
        ]
        return first, last
    fake = Faker("de_DE")
    fake.seed_instance(rng.randrange(2**32))
    return (
        sorted({fake.first_name() for _ in range(600)}),
        sorted({fake.last_name() for _ in range(600)}),
    )


class Populator:
    def __init__(self, scale_name: str, seed: int) -> None:
        from django.utils import timezone

        self.scale_name = scale_name
        self.scale = SCALES[scale_name]
        self.rng = random.Random(seed)
        self.today = timezone.localdate()
        self.now = NOW
        self.clock = Clock()
        self.first_names, self.last_names = person_names(self.rng)
        self.manifest: dict = {}

    def name(self) -> str:
        return f"{self.rng.choice(self.first_names)} {self.rng.choice(self.last_names)}"

    # --- orchestration ---------------------------------------------------------------

    def run(self) -> dict:
        from django.db import transaction

        with transaction.atomic():
            self.municipalities()
            self.programme_and_rounds()
            self.users()
            self.applications()
        with transaction.atomic():
            self.processes()
            self.blocks()
            self.consulting()
        with transaction.atomic():
            self.actors()
        with transaction.atomic():
            self.selfcheck()
        return self.finish()

    # --- municipalities ----------------------------------------------------------------

    def municipalities(self) -> None:
        from teilhabe.programmes.models import Municipality, MunicipalityKind, State

        rng, count = self.rng, self.scale.municipalities
        bases = [
            (prefix + root.lower()) if prefix and not prefix.endswith(" ") else prefix + root
            for prefix in dict.fromkeys(PREFIXES)
            for root in ROOTS
        ]
        names = [base + suffix for base in bases for suffix in SUFFIXES]
        names = list(dict.fromkeys(names))
        rng.shuffle(names)
        while len(names) < count:  # only for scales beyond Germany
            names += [f"{n} {q}" for n in names[:count] for q in QUALIFIERS]
        kinds = [k for k, _ in KINDS]
        weights = [w for _, w in KINDS]
        states = list(State.values)
        counters: dict[tuple[str, int], int] = defaultdict(int)
        rows = []
        for index in range(count):
            # The big municipality (index 0) is a Gemeinde: the self-check benchmark
            # compares it with every Gemeinde.
            kind = "gemeinde" if index == 0 else rng.choices(kinds, weights)[0]
            state = rng.choice(states)
            name = names[index]
            if kind == MunicipalityKind.LANDKREIS:
                name = f"Landkreis {name}"
            elif kind == MunicipalityKind.VERWALTUNGSVERBAND:
                name = f"Verwaltungsverband {name}"
            if kind == MunicipalityKind.VERWALTUNGSVERBAND:
                ags = ""
            else:
                length = 5 if kind == MunicipalityKind.LANDKREIS else 8
                counters[(state, length)] += 1
                ags = f"{state}{counters[(state, length)]:0{length - 2}d}"
            population = {
                "gemeinde": rng.randint(300, 12_000),
                "kreisangehoerige_stadt": rng.randint(5_000, 40_000),
                "grosse_kreisstadt": rng.randint(20_000, 90_000),
                "kreisfreie_stadt": rng.randint(40_000, 900_000),
                "landkreis": rng.randint(60_000, 500_000),
                "verwaltungsverband": rng.randint(3_000, 30_000),
            }[kind]
            created = moment(self.today - timedelta(days=rng.randint(400, 3000)), rng)
            rows.append(
                Municipality(
                    name=name,
                    kind=kind,
                    state=state,
                    ags=ags,
                    population=population,
                    contact_email=f"rathaus-{index}@kommune.example",
                    created_at=created,
                    updated_at=created,
                )
            )
        created_rows = Municipality.objects.bulk_create(rows, batch_size=BATCH)
        self.muni_ids = [m.pk for m in created_rows]
        self.muni_kind = {m.pk: m.kind for m in created_rows}
        self.muni_name = {m.pk: m.name for m in created_rows}
        self.big = self.muni_ids[0]
        self.clock.stage("municipalities", len(rows))

    # --- programme, rounds --------------------------------------------------------------

    def programme_and_rounds(self) -> None:
        from django.contrib.auth.hashers import make_password

        from teilhabe.accounts.models import Role, User
        from teilhabe.processes.models import Catalogue
        from teilhabe.programmes.models import Round
        from teilhabe.programmes.services import create_programme

        today = self.today
        self.password_hash = make_password(BENCH_PASSWORD)
        self.office = User.objects.create(
            email=LOGINS["office"],
            full_name="Bench Programmbüro",
            role=Role.PROGRAMME_OFFICE,
            password=self.password_hash,
        )
        start = today - timedelta(days=2400)
        self.programme = create_programme(
            by=self.office,
            office_members=[self.office],
            now=moment(start, self.rng),
            name="Bundesprogramm Teilhabe vor Ort (Benchmark)",
            short_name="Teilhabe vor Ort",
            funder="Bundesministerium (Benchmark)",
        )
        self.catalogue = Catalogue.objects.get(programme=self.programme, status="published")
        self.block_types = list(self.catalogue.block_types.order_by("position"))

        current_start = today - timedelta(days=400)
        specs = [
            current_start - timedelta(days=4 * 365),
            current_start - timedelta(days=2 * 365),
            current_start,
        ]
        rounds = []
        for starts in specs:
            ends = starts + timedelta(days=2 * 365 - 1)
            rounds.append(
                Round(
                    programme=self.programme,
                    name=f"{starts.year}/{ends.year}",
                    call_opens=starts - timedelta(days=150),
                    call_closes=starts - timedelta(days=60),
                    starts_on=starts,
                    ends_on=ends,
                )
            )
        opens = today - timedelta(days=30)
        open_start = today + timedelta(days=120)
        open_end = open_start + timedelta(days=2 * 365 - 1)
        rounds.append(
            Round(
                programme=self.programme,
                name=f"{open_start.year}/{open_end.year} (Aufruf offen)",
                call_opens=opens,
                call_closes=today + timedelta(days=60),
                starts_on=open_start,
                ends_on=open_end,
            )
        )
        for round_ in rounds:
            round_.full_clean()
            created = moment(round_.call_opens - timedelta(days=30), self.rng)
            round_.created_at = round_.updated_at = created
        self.rounds = Round.objects.bulk_create(rounds)
        self.clock.stage("programme, catalogue, rounds", 1 + len(self.block_types) + len(rounds))

    # --- users ---------------------------------------------------------------------------

    def users(self) -> None:
        from teilhabe.accounts.models import Role, User

        rng, s = self.rng, self.scale
        # Which municipalities take part where: processes per round, further applicants.
        pool = self.muni_ids[1:]
        self.participants: list[list[int]] = []
        for index, count in enumerate(s.processes):
            chosen = rng.sample(pool, count)
            if index == 2:
                chosen[0] = self.big  # the big municipality runs a process now
                chosen = list(dict.fromkeys(chosen))
                while len(chosen) < count:
                    extra = rng.choice(pool)
                    if extra not in chosen:
                        chosen.append(extra)
            self.participants.append(chosen)
        applicants = set(itertools.chain.from_iterable(self.participants))
        self.rejected: list[list[int]] = []
        for chosen in self.participants:
            others = [
                m for m in rng.sample(pool, min(len(pool), len(chosen) * 2)) if m not in chosen
            ]
            self.rejected.append(others[: max(1, len(chosen) * 3 // 5)])
            applicants.update(self.rejected[-1])
        taken = set()
        self.open_applicants = []
        for m in rng.sample(pool, min(len(pool), s.open_call_applications * 2)):
            if m not in taken and len(self.open_applicants) < s.open_call_applications:
                taken.add(m)
                self.open_applicants.append(m)
        applicants.update(self.open_applicants)
        with_process = set(itertools.chain.from_iterable(self.participants))

        joined = moment(self.today - timedelta(days=2500), rng)
        common = {"password": self.password_hash, "date_joined": joined}
        rows = [
            User(
                email=LOGINS["facilitator"],
                full_name="Bench Prozessbegleitung",
                role=Role.FACILITATOR,
                **common,
            )
        ]
        rows += [
            User(
                email=f"begleitung-{n}@bench.teilhabe.example",
                full_name=self.name(),
                role=Role.FACILITATOR,
                **common,
            )
            for n in range(1, s.facilitators)
        ]
        for m in sorted(applicants):
            email = (
                LOGINS["coordinator"]
                if m == self.big
                else f"koordination-{m}@bench.teilhabe.example"
            )
            rows.append(
                User(
                    email=email,
                    full_name=self.name(),
                    role=Role.COORDINATOR,
                    municipality_id=m,
                    job_title="Integrationsbeauftragte*r",
                    **common,
                )
            )
            if m in with_process:
                team = 2 if m == self.big else rng.randint(1, 2)
                for n in range(team):
                    email = (
                        LOGINS["team"]
                        if m == self.big and n == 0
                        else f"team-{m}-{n}@bench.teilhabe.example"
                    )
                    rows.append(
                        User(
                            email=email,
                            full_name=self.name(),
                            role=Role.TEAM_MEMBER,
                            municipality_id=m,
                            **common,
                        )
                    )
        created = User.objects.bulk_create(rows, batch_size=BATCH)
        self.user_name = {u.pk: u.full_name for u in created}
        self.facilitators = [u.pk for u in created if u.role == Role.FACILITATOR]
        self.bench_facilitator = self.facilitators[0]
        self.coordinator = {u.municipality_id: u.pk for u in created if u.role == Role.COORDINATOR}
        self.team = defaultdict(list)
        for u in created:
            if u.role == Role.TEAM_MEMBER:
                self.team[u.municipality_id].append(u.pk)
        self.clock.stage("users", len(created) + 1)

    # --- applications -----------------------------------------------------------------

    def _application(self, round_, m: int, status: str):
        from teilhabe.programmes.models import Application

        rng = self.rng
        created_day = between(rng, round_.call_opens, min(round_.call_closes, self.today))
        created = moment(created_day, rng)
        submitted = decided = None
        if status != "draft":
            submitted = moment(between(rng, created_day, min(round_.call_closes, self.today)), rng)
            submitted = max(submitted, created)
        if status in ("admitted", "rejected"):
            decided = moment(
                between(rng, round_.call_closes + timedelta(days=1), round_.starts_on), rng
            )
        name = self.muni_name[m]
        return Application(
            round=round_,
            municipality_id=m,
            status=status,
            motivation=f"{name} möchte das Zusammenleben in Vielfalt gemeinsam gestalten.",
            foundations="Helferkreis seit 2015, Sprachcafé, Integrationsbeirat.",
            structures="Integrationsbeirat, zwei Migrant*innenorganisationen, Ehrenamtsbörse.",
            topics="Interkulturelle Öffnung der Verwaltung, Teilhabe am Arbeitsmarkt.",
            contact_name="Koordination",
            contact_email=f"koordination-{m}@bench.teilhabe.example",
            submitted_at=submitted,
            decided_at=decided,
            decided_by_id=self.office.pk if decided else None,
            decision_note="Vielen Dank für Ihre Bewerbung." if decided else "",
            created_by_id=self.coordinator[m],
            created_at=created,
            updated_at=decided or submitted or created,
        )

    def applications(self) -> None:
        from teilhabe.programmes.models import Application

        rng = self.rng
        rows = []
        for round_, chosen, rejected in zip(
            self.rounds[:3], self.participants, self.rejected, strict=True
        ):
            rows += [self._application(round_, m, "admitted") for m in chosen]
            for m in rejected:
                rows.append(
                    self._application(round_, m, "rejected" if rng.random() < 0.8 else "withdrawn")
                )
        open_round = self.rounds[3]
        for m in self.open_applicants:
            rows.append(
                self._application(open_round, m, "submitted" if rng.random() < 0.8 else "draft")
            )
        created = Application.objects.bulk_create(rows, batch_size=BATCH)
        self.application_of = {
            (a.round_id, a.municipality_id): a for a in created if a.status == "admitted"
        }
        self.clock.stage("applications", len(created))

    # --- processes, blocks, consulting --------------------------------------------------

    def processes(self) -> None:
        from teilhabe.processes.models import Process

        rng = self.rng
        rows = []
        for index, (round_, chosen) in enumerate(
            zip(self.rounds[:3], self.participants, strict=True)
        ):
            for m in chosen:
                application = self.application_of[(round_.pk, m)]
                started = round_.starts_on + timedelta(days=rng.randint(0, 45))
                closed = None
                if index < 2:
                    closed = round_.ends_on - timedelta(days=rng.randint(0, 30))
                created = application.decided_at
                rows.append(
                    Process(
                        municipality_id=m,
                        round=round_,
                        application=application,
                        catalogue=self.catalogue,
                        started_on=started,
                        closed_on=closed,
                        budget=self.programme.default_budget,
                        created_at=created,
                        updated_at=moment(closed, rng) if closed else created,
                    )
                )
        self.process_rows = Process.objects.bulk_create(rows, batch_size=BATCH)
        running = [p for p in self.process_rows if p.closed_on is None]
        # Facilitators: the bench facilitator accompanies many running processes.
        through = Process.facilitators.through
        links = []
        self.process_facilitators: dict[int, list[int]] = {}
        bench_share = {
            p.pk
            for p in rng.sample(running, min(len(running), self.scale.bench_facilitator_processes))
        }
        bench_share.add(next(p.pk for p in running if p.municipality_id == self.big))
        others = self.facilitators[1:] or self.facilitators
        for p in self.process_rows:
            chosen = {rng.choice(others)}
            if rng.random() < 0.3:
                chosen.add(rng.choice(others))
            if p.pk in bench_share:
                chosen.add(self.bench_facilitator)
            self.process_facilitators[p.pk] = sorted(chosen)
            links += [through(process_id=p.pk, user_id=f) for f in chosen]
        through.objects.bulk_create(links, batch_size=BATCH)
        self.clock.stage("processes + facilitators", len(rows) + len(links))

    def blocks(self) -> None:
        from teilhabe.processes.models import PHASE_ORDER, Block, LogAction, ProcessLogEntry

        rng, today = self.rng, self.today
        rows = []
        logs = []
        for p in self.process_rows:
            round_ = p.round
            end = p.closed_on or round_.ends_on
            specs = [
                (bt, bt.name, bt.name_en, bt.description, bt.phase, (i + 1) * 10)
                for i, bt in enumerate(self.block_types)
            ]
            for n, (name, phase) in enumerate(rng.sample(CUSTOM_BLOCKS, 2)):
                specs.append((None, name, "", "", phase, 200 + n * 10))
            specs.sort(key=lambda s: (PHASE_ORDER[s[4]], s[5]))
            span = (end - p.started_on).days
            slot = span / len(specs)
            for index, (bt, name, name_en, description, phase, position) in enumerate(specs):
                planned_start = p.started_on + timedelta(days=int(index * slot))
                planned_end = min(end, planned_start + timedelta(days=max(7, int(slot * 1.5))))
                status, actual_start, actual_end, reason = "planned", None, None, ""
                if p.closed_on or planned_end < today:
                    status = "done"
                elif planned_start <= today:
                    status = "in_progress"
                if status == "done" and not p.closed_on and rng.random() < 0.1:
                    status = "in_progress"  # overdue
                if (
                    rng.random() < 0.05 and bt is not None and not bt.included_by_default
                ) or rng.random() < 0.02:
                    status = "dropped"
                if status == "dropped":
                    reason = rng.choice(DROP_REASONS)
                if status in ("done", "in_progress"):
                    actual_start = min(
                        max(p.started_on, planned_start + timedelta(days=rng.randint(-3, 10))),
                        today,
                    )
                if status == "done":
                    latest = min(today, p.closed_on or today)
                    actual_end = min(
                        latest, max(actual_start, planned_end + timedelta(days=rng.randint(-5, 12)))
                    )
                    actual_start = min(actual_start, actual_end)
                stamp = p.created_at
                rows.append(
                    Block(
                        process=p,
                        block_type=bt,
                        name=name,
                        name_en=name_en,
                        description=description,
                        phase=phase,
                        position=position,
                        status=status,
                        planned_start=planned_start,
                        planned_end=planned_end,
                        actual_start=actual_start,
                        actual_end=actual_end,
                        drop_reason=reason,
                        results="Ergebnisse im Protokoll festgehalten." if status == "done" else "",
                        created_at=stamp,
                        updated_at=stamp,
                    )
                )
            logs.append(
                ProcessLogEntry(
                    process=p,
                    at=p.created_at,
                    actor_id=self.office.pk,
                    action=LogAction.PROCESS_CREATED,
                    subject=self.muni_name[p.municipality_id],
                )
            )
            logs += [
                ProcessLogEntry(
                    process=p,
                    at=p.created_at,
                    actor_id=self.office.pk,
                    action=LogAction.FACILITATOR_ASSIGNED,
                    subject=self.user_name[f],
                )
                for f in self.process_facilitators[p.pk]
            ]
            if p.closed_on:
                logs.append(
                    ProcessLogEntry(
                        process=p,
                        at=moment(p.closed_on, rng),
                        actor_id=self.office.pk,
                        action=LogAction.PROCESS_CLOSED,
                    )
                )
        self.block_rows = Block.objects.bulk_create(rows, batch_size=BATCH)
        ProcessLogEntry.objects.bulk_create(logs, batch_size=BATCH)
        # Coordinators are responsible for the open blocks of running processes.
        through = Block.responsible.through
        process_muni = {p.pk: p.municipality_id for p in self.process_rows}
        running = {p.pk for p in self.process_rows if p.closed_on is None}
        links = [
            through(block_id=b.pk, user_id=self.coordinator[process_muni[b.process_id]])
            for b in self.block_rows
            if b.process_id in running and b.status in ("planned", "in_progress")
        ]
        through.objects.bulk_create(links, batch_size=BATCH)
        self.clock.stage("blocks + log + responsible", len(rows) + len(logs) + len(links))

    def consulting(self) -> None:
        from teilhabe.processes.models import (
            ConsultingEntry,
            LogAction,
            ProcessLogEntry,
            consulting_cost,
        )

        rng, today = self.rng, self.today
        blocks_of = defaultdict(list)
        for b in self.block_rows:
            blocks_of[b.process_id].append(b.pk)
        rows, logs = [], []
        for p in self.process_rows:
            round_ = p.round
            first = max(round_.starts_on, p.started_on)
            last = min(round_.ends_on, today, p.closed_on or today)
            if last < first:
                continue
            spent = Decimal(0)
            for _ in range(rng.randint(1, self.scale.max_consulting)):
                if rng.random() < 0.6:
                    unit, quantity = "days", Decimal(rng.choice(["0.5", "1", "1.5", "2"]))
                else:
                    unit, quantity = "hours", Decimal(rng.choice(["2", "3", "4", "6"]))
                cost = consulting_cost(quantity, unit, round_.day_rate)
                if spent + cost > p.budget:
                    break
                day = between(rng, first, last)
                at = moment(day, rng)
                facilitator = rng.choice(self.process_facilitators[p.pk])
                deleted = rng.random() < 0.03
                if not deleted:
                    spent += cost
                rows.append(
                    ConsultingEntry(
                        process=p,
                        date=day,
                        facilitator_id=facilitator,
                        block_id=rng.choice(blocks_of[p.pk]) if rng.random() < 0.5 else None,
                        quantity=quantity,
                        unit=unit,
                        cost=cost,
                        note="Beratung vor Ort" if rng.random() < 0.5 else "",
                        deleted_at=at + timedelta(days=1) if deleted else None,
                        deleted_by_id=facilitator if deleted else None,
                        deletion_reason="Doppelt erfasst" if deleted else "",
                        created_by_id=facilitator,
                        created_at=at,
                        updated_at=at,
                    )
                )
                logs.append(
                    ProcessLogEntry(
                        process=p,
                        at=at,
                        actor_id=facilitator,
                        action=LogAction.CONSULTING_LOGGED,
                        subject=self.user_name[facilitator],
                        data={"quantity": str(quantity), "unit": unit},
                    )
                )
        ConsultingEntry.objects.bulk_create(rows, batch_size=BATCH)
        ProcessLogEntry.objects.bulk_create(logs, batch_size=BATCH)
        self.clock.stage("consulting entries + log", len(rows) + len(logs))

    # --- actors and assessments --------------------------------------------------------

    def actors(self) -> None:
        from teilhabe.stakeholders.models import (
            Actor,
            ActorCategory,
            Assessment,
        )

        rng, s, today = self.rng, self.scale, self.today
        categories = dict(ActorCategory.objects.values_list("key", "pk"))
        category_ids = list(categories.values())
        process_of = {}
        for p in self.process_rows:  # the latest process of each municipality
            if (
                p.municipality_id not in process_of
                or p.started_on > process_of[p.municipality_id].started_on
            ):
                process_of[p.municipality_id] = p
        others = [m for m in process_of if m != self.big]
        weights = [rng.lognormvariate(0, 0.6) for _ in others]
        rest = s.actors - s.big_actors
        total = sum(weights)
        share = {m: int(rest * w / total) for m, w in zip(others, weights, strict=True)}
        share[others[0]] += rest - sum(share.values())
        share[self.big] = s.big_actors
        actor_count = assessment_count = 0
        pending: list[int] = []

        def flush(municipalities: list[int]) -> None:
            nonlocal actor_count, assessment_count
            organisations, people = [], []
            for m in municipalities:
                p = process_of[m]
                by = self.coordinator[m]
                count = share[m]
                n_org = max(1, count * 2 // 5)
                for n in range(n_org):
                    kind_name, key = ORGANISATIONS[n % len(ORGANISATIONS)]
                    number = f" {n // len(ORGANISATIONS) + 1}" if n >= len(ORGANISATIONS) else ""
                    at = moment(between(rng, p.started_on, today), rng)
                    organisations.append(
                        Actor(
                            municipality_id=m,
                            kind="organisation",
                            name=f"{kind_name} {self.muni_name[m]}{number}",
                            category_id=categories.get(key) or rng.choice(category_ids),
                            languages=rng.choice(LANGUAGES),
                            is_key_person=rng.random() < 0.1,
                            involvement=rng.choice(["known", "invited", "involved", "active"]),
                            created_by_id=by,
                            created_at=at,
                            updated_at=at,
                        )
                    )
            created = Actor.objects.bulk_create(organisations, batch_size=BATCH)
            orgs_of = defaultdict(list)
            for a in created:
                orgs_of[a.municipality_id].append(a.pk)
            for m in municipalities:
                p = process_of[m]
                by = self.coordinator[m]
                for _ in range(share[m] - len(orgs_of[m])):
                    silent = rng.random() < 0.05
                    first, last = rng.choice(self.first_names), rng.choice(self.last_names)
                    at = moment(between(rng, p.started_on, today), rng)
                    people.append(
                        Actor(
                            municipality_id=m,
                            kind="person",
                            name=f"{first} {last}",
                            organisation_id=rng.choice(orgs_of[m]) if rng.random() < 0.5 else None,
                            category_id=rng.choice(category_ids),
                            role=rng.choice(ACTOR_ROLES),
                            languages=rng.choice(LANGUAGES),
                            is_key_person=rng.random() < 0.15,
                            represents_silent_group=silent,
                            silent_group=rng.choice(SILENT_GROUPS) if silent else "",
                            involvement=rng.choice(["known", "invited", "involved", "active"]),
                            created_by_id=by,
                            created_at=at,
                            updated_at=at,
                        )
                    )
            created += Actor.objects.bulk_create(people, batch_size=BATCH)
            assessments = []
            for a in created:
                if a.municipality_id != self.big and rng.random() > 0.7:
                    continue
                first_at = min(self.now, a.created_at + timedelta(days=rng.randint(0, 20)))
                if rng.random() < 0.25:  # an earlier assessment, kept as history
                    assessments.append(
                        Assessment(
                            actor_id=a.pk,
                            influence=rng.randint(1, 5),
                            attitude=rng.randint(1, 5),
                            assessed_by_id=a.created_by_id,
                            assessed_at=first_at,
                        )
                    )
                    first_at += timedelta(days=rng.randint(30, 200))
                assessments.append(
                    Assessment(
                        actor_id=a.pk,
                        influence=rng.randint(1, 5),
                        attitude=rng.randint(1, 5),
                        note="Einschätzung aus der Steuerungsgruppe" if rng.random() < 0.2 else "",
                        assessed_by_id=a.created_by_id,
                        assessed_at=min(first_at, self.now),
                    )
                )
            Assessment.objects.bulk_create(assessments, batch_size=BATCH)
            actor_count += len(created)
            assessment_count += len(assessments)
            if self.big in municipalities:
                self.big_actor = next(a.pk for a in created if a.municipality_id == self.big)

        size = 0
        for m in [self.big, *others]:
            pending.append(m)
            size += share[m]
            if size >= 20_000:
                flush(pending)
                pending, size = [], 0
        if pending:
            flush(pending)
        self.clock.stage("actors + assessments", actor_count + assessment_count)

    # --- self-check ------------------------------------------------------------------------

    def selfcheck(self) -> None:
        from teilhabe.selfcheck.models import (
            Answer,
            Instrument,
            Invitation,
            Item,
            Response,
            SelfCheckRound,
        )

        rng, today, s = self.rng, self.today, self.scale
        version = Instrument.objects.get(key="selbstcheck").current_version()
        items = list(
            Item.objects.filter(field__version=version)
            .order_by("field__position", "position")
            .values_list("pk", "kind", "field_id")
        )
        fields = sorted({f for _, _, f in items})
        # Municipalities: those with a process (big one first), then further Gemeinden.
        with_process = list(dict.fromkeys(p.municipality_id for p in self.process_rows))
        with_process.remove(self.big)
        rng.shuffle(with_process)
        gemeinden = [m for m in self.muni_ids if self.muni_kind[m] == "gemeinde"]
        rng.shuffle(gemeinden)
        candidates = list(dict.fromkeys([self.big, *with_process, *gemeinden]))

        # Plan rounds and responses first: (round, [(perspective, submitted, day)]).
        plans = []
        total = 0
        for m in candidates:
            if total >= s.responses:
                break
            follow_up = m == self.big or rng.random() < 0.25
            opened = between(rng, today - timedelta(days=5 * 365), today - timedelta(days=2 * 365))
            if not follow_up:
                opened = between(rng, today - timedelta(days=4 * 365), today - timedelta(days=10))
            rounds_here = [opened]
            if follow_up:
                rounds_here.append(
                    between(rng, opened + timedelta(days=400), today - timedelta(days=30))
                )
            for n, opened_on in enumerate(rounds_here):
                last_round = n == len(rounds_here) - 1
                age = (today - opened_on).days
                if m == self.big and last_round:
                    status = "perspectives"
                elif not last_round or age > 200 or rng.random() < 0.6:
                    status = "closed"
                else:
                    status = rng.choice(["administration", "perspectives"])
                closed_on = None
                if status == "closed":
                    closed_on = min(today, opened_on + timedelta(days=rng.randint(40, 150)))
                end = closed_on or today
                perspectives_on = opened_on + (end - opened_on) * 2 // 5
                responses = []
                admins = 3 if m == self.big else rng.randint(1, 3)
                for a in range(admins):
                    submitted = status != "administration" or rng.random() < 0.6
                    if status == "administration" and a == 0:
                        submitted = False
                    responses.append(
                        ("administration", submitted, between(rng, opened_on, perspectives_on))
                    )
                if status != "administration":
                    for perspective in PERSPECTIVES[1:]:
                        for _ in range(2 if m == self.big else rng.choice([0, 1, 1, 1, 2])):
                            submitted = status == "closed" or rng.random() < 0.85
                            responses.append(
                                (perspective, submitted, between(rng, perspectives_on, end))
                            )
                responses = responses[: s.responses - total]
                total += len(responses)
                plans.append((m, n, opened_on, status, closed_on, perspectives_on, responses))

        round_rows = []
        for m, n, opened_on, status, closed_on, _, _ in plans:
            at = moment(opened_on, rng)
            round_rows.append(
                SelfCheckRound(
                    municipality_id=m,
                    version=version,
                    title=f"Selbstcheck {opened_on.year}" + (" (Folgerunde)" if n else ""),
                    status=status,
                    opened_on=opened_on,
                    closed_on=closed_on,
                    created_by_id=self.coordinator.get(m),
                    created_at=at,
                    updated_at=moment(closed_on, rng) if closed_on else at,
                )
            )
        created_rounds = SelfCheckRound.objects.bulk_create(round_rows, batch_size=BATCH)
        # Follow-ups compare with the municipality's first round.
        follow_ups = []
        first_round = {}
        for r, plan in zip(created_rounds, plans, strict=True):
            if plan[1] == 0:
                first_round[r.municipality_id] = r
            else:
                r.baseline = first_round[r.municipality_id]
                follow_ups.append(r)
        SelfCheckRound.objects.bulk_update(follow_ups, ["baseline"], batch_size=BATCH)

        # Invitations for everybody but the coordinator's own administration answer.
        invitations, responses = [], []
        for r, plan in zip(created_rounds, plans, strict=True):
            m = plan[0]
            coordinator = self.coordinator.get(m)
            for index, (perspective, submitted, day) in enumerate(plan[6]):
                started = moment(day, rng)
                invitation = None
                respondent = None
                if index == 0 and coordinator:
                    respondent = coordinator
                else:
                    invitation = Invitation(
                        round=r,
                        perspective=perspective,
                        label=f"Einladung {index + 1}",
                        token=token(rng),
                        expires_at=started + timedelta(days=28),
                        created_by_id=coordinator,
                        created_at=started - timedelta(days=3),
                        updated_at=started - timedelta(days=3),
                    )
                    invitations.append(invitation)
                done = started + timedelta(hours=rng.randint(1, 48)) if submitted else None
                if done and done > self.now:
                    done = self.now
                responses.append(
                    (
                        invitation,
                        Response(
                            round=r,
                            perspective=perspective,
                            respondent_id=respondent,
                            department="Fachbereich Soziales"
                            if perspective == "administration"
                            else "",
                            submitted_at=done,
                            created_at=started,
                            updated_at=done or started,
                        ),
                    )
                )
        Invitation.objects.bulk_create(invitations, batch_size=BATCH)
        for invitation, response in responses:
            if invitation is not None:
                response.invitation = invitation
        response_rows = Response.objects.bulk_create([r for _, r in responses], batch_size=BATCH)
        self.clock.stage(
            "self-check rounds + responses",
            len(created_rounds) + len(invitations) + len(response_rows),
        )

        # Answers: a level per round and field, offsets per perspective.
        offset = {
            "administration": 0.3,
            "politics": 0.2,
            "civil_society": -0.3,
            "migrant_organisations": -0.6,
            "residents": -0.4,
        }
        level = {(r.pk, f): rng.uniform(1.5, 4.5) for r in created_rounds for f in fields}
        table = Answer._meta.db_table
        from django.db import connection

        columns = ["response_id", "item_id", "scale", "yes", "dont_know", "text"]
        count = 0

        def rows():
            nonlocal count
            randint, random_ = rng.randint, rng.random
            for response in response_rows:
                submitted = response.submitted_at is not None
                perspective_offset = offset[response.perspective]
                for item_id, kind, field_id in items:
                    if kind == "text":
                        if random_() < 0.19:
                            count += 1
                            yield (
                                response.pk,
                                item_id,
                                None,
                                None,
                                False,
                                ANSWER_TEXTS[randint(0, 4)],
                            )
                        continue
                    if not submitted and random_() < 0.5:
                        continue
                    count += 1
                    if random_() < 0.06:
                        yield (response.pk, item_id, None, None, True, "")
                    elif kind == "yes_no":
                        yes = random_() * 5 < level[(response.round_id, field_id)]
                        yield (response.pk, item_id, None, yes, False, "")
                    else:
                        value = level[(response.round_id, field_id)] + perspective_offset
                        value += randint(-1, 1)
                        yield (response.pk, item_id, min(5, max(1, round(value))), None, False, "")

        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
                with cursor.cursor.copy(sql) as copy:
                    for row in rows():
                        copy.write_row(row)
            else:
                sql = (
                    f"INSERT INTO {table} ({', '.join(columns)}) "
                    f"VALUES ({', '.join(['%s'] * len(columns))})"
                )
                batch = []
                for row in rows():
                    batch.append(row)
                    if len(batch) >= 50_000:
                        cursor.executemany(sql, batch)
                        batch = []
                if batch:
                    cursor.executemany(sql, batch)
        self.clock.stage("self-check answers", count)

        # What submitting each response would have kept: scores per round, field and
        # perspective, and the benchmark pools (selfcheck.scores).
        from teilhabe.selfcheck import scores

        scores.refresh_round_scores(r.pk for r in created_rounds)
        scores.refresh_benchmark_pools()
        self.clock.stage("self-check scores", len(created_rounds))

        big_rounds = [r for r in created_rounds if r.municipality_id == self.big]
        self.selfcheck_round = big_rounds[-1].pk
        self.selfcheck_baseline = big_rounds[0].pk

    # --- the end ------------------------------------------------------------------------------

    def finish(self) -> dict:
        from django.conf import settings
        from django.db import connection

        from teilhabe.accounts.models import User
        from teilhabe.processes.models import Block, ConsultingEntry, Process, ProcessLogEntry
        from teilhabe.programmes.models import Application, Municipality, Round
        from teilhabe.selfcheck.models import Answer, Response, SelfCheckRound
        from teilhabe.stakeholders.models import Actor, Assessment

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        else:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        counts = {
            "municipalities": Municipality.objects.count(),
            "users": User.objects.count(),
            "rounds": Round.objects.count(),
            "applications": Application.objects.count(),
            "processes": Process.objects.count(),
            "blocks": Block.objects.count(),
            "consulting_entries": ConsultingEntry.objects.count(),
            "process_log": ProcessLogEntry.objects.count(),
            "actors": Actor.objects.count(),
            "assessments": Assessment.objects.count(),
            "selfcheck_rounds": SelfCheckRound.objects.count(),
            "responses": Response.objects.count(),
            "answers": Answer.objects.count(),
        }
        self.clock.stage("analyze + counts", sum(counts.values()))
        current = self.rounds[2]
        process = next(
            p
            for p in self.process_rows
            if p.municipality_id == self.big and p.round_id == current.pk
        )
        other = next(
            p
            for p in self.process_rows
            if p.round_id == current.pk and p.municipality_id != self.big
        )
        closed = next(p for p in self.process_rows if p.closed_on)
        manifest = {
            "scale": self.scale_name,
            "database": connection.vendor,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "today": self.today.isoformat(),
            "password": BENCH_PASSWORD,
            "logins": LOGINS,
            "programme": self.programme.pk,
            "rounds": {
                "past": [r.pk for r in self.rounds[:2]],
                "current": current.pk,
                "open_call": self.rounds[3].pk,
            },
            "round_many_applications": current.pk,
            "big_municipality": self.big,
            "municipality": other.municipality_id,
            "process": process.pk,
            "closed_process": closed.pk,
            "block": next(b.pk for b in self.block_rows if b.process_id == process.pk),
            "application": process.application_id,
            "actor": self.big_actor,
            "selfcheck_round": self.selfcheck_round,
            "selfcheck_baseline": self.selfcheck_baseline,
            "counts": counts,
            "seconds": round(self.clock.total, 1),
        }
        path = Path(settings.DATA_DIR) / MANIFEST_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        print(f"manifest: {path}")
        return manifest


def reset_database() -> None:
    """Empty every table and seed again what the data migrations seed."""
    import importlib

    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection

    call_command("flush", interactive=False, verbosity=0)
    for module, function in [
        ("teilhabe.selfcheck.migrations.0002_default_instrument", "create_instrument"),
        ("teilhabe.stakeholders.migrations.0002_default_categories", "create_categories"),
    ]:
        getattr(importlib.import_module(module), function)(apps, connection.schema_editor())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="germany")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument(
        "--reset", action="store_true", help="flush a database that holds data already"
    )
    args = parser.parse_args(argv)
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from teilhabe.programmes.models import Municipality

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"{'migrate':<28} {'':>10}      {time.perf_counter() - started:8.1f} s", flush=True)
    if Municipality.objects.exists():
        if not args.reset:
            print(
                "The database holds municipalities already; --reset empties it first.",
                file=sys.stderr,
            )
            return 2
        reset_database()
    populator = Populator(args.scale, args.seed)
    manifest = populator.run()
    c = manifest["counts"]
    print(
        f"scale={args.scale} database={connection.vendor} seconds={populator.clock.total:.0f} "
        f"municipalities={c['municipalities']} processes={c['processes']} blocks={c['blocks']} "
        f"actors={c['actors']} assessments={c['assessments']} responses={c['responses']} "
        f"answers={c['answers']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
