"""The demo builder: base data, the historic rounds and the round whose call is open.

The running round's processes are told in `stories`, their actor lists in `actors`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Max
from django.test.utils import override_settings
from django.utils import timezone

from teilhabe.accounts.models import Role, User
from teilhabe.demo import actors, content, selfcheck, stories
from teilhabe.demo.logins import DEMO_PASSWORD
from teilhabe.processes import services as process_services
from teilhabe.processes.models import (
    Block,
    BlockStatus,
    Catalogue,
    ConsultingUnit,
    Process,
    ProcessLogEntry,
)
from teilhabe.programmes import services as programme_services
from teilhabe.programmes.models import (
    Application,
    ApplicationStatus,
    Municipality,
    Programme,
    Round,
    State,
)
from teilhabe.selfcheck.models import SelfCheckRound
from teilhabe.stakeholders.models import Actor

DEMO_PROGRAMME_NAME = content.PROGRAMME["name"]
DAY_RATE = Decimal("1200.00")
HOUR_RATE = DAY_RATE / 8


def demo_exists() -> bool:
    return Programme.objects.filter(name=DEMO_PROGRAMME_NAME).exists()


def conflicts() -> list[str]:
    """Demo e-mail addresses and municipality keys that are already taken."""
    emails = [u[0] for u in content.USERS] + [content.ADMIN[0]]
    keys = [m[3] for m in content.MUNICIPALITIES if m[3]]
    return sorted(User.objects.filter(email__in=emails).values_list("email", flat=True)) + sorted(
        Municipality.objects.filter(ags__in=keys).values_list("ags", flat=True)
    )


def load_demo(today: date | None = None) -> dict[str, int]:
    """Create the demo in one transaction and return what the database now holds.

    The caller checks `demo_exists()` first. No e-mail leaves the machine: the demo
    accounts are fictional, and the services' notifications are sent on commit, so the
    dummy backend has to cover the commit too.
    """
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        transaction.atomic(),
    ):
        DemoBuilder(today or timezone.localdate()).build()
    return {
        "municipalities": Municipality.objects.count(),
        "users": User.objects.count(),
        "rounds": Round.objects.count(),
        "applications": Application.objects.count(),
        "processes": Process.objects.count(),
        "blocks": Block.objects.count(),
        "actors": Actor.objects.count(),
        "self-check rounds": SelfCheckRound.objects.count(),
    }


def _days(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


class DemoBuilder:
    """Builds the demo through the services; the helpers are used by `stories` too."""

    def __init__(self, today: date):
        self.today = today
        self.now = timezone.now()
        self.users: dict[str, User] = {}
        self.municipalities: dict[str, Municipality] = {}
        self.rounds: dict[str, Round] = {}
        self.round_dates: dict[str, dict[str, date]] = {}
        self.block_types: dict = {}
        self._log_mark = ProcessLogEntry.objects.aggregate(top=Max("pk"))["top"] or 0
        self._tick = 0

    # --- time ------------------------------------------------------------------------

    def moment(self, day: date) -> datetime:
        """A plausible office-hours time on `day`, never in the future."""
        self._tick = (self._tick + 7) % 420
        moment = timezone.make_aware(datetime.combine(day, time(8, 30))) + timedelta(
            minutes=self._tick
        )
        return min(moment, self.now)

    def stamp(self, day: date) -> None:
        """Date the log entries the last service calls wrote to `day`."""
        new = ProcessLogEntry.objects.filter(pk__gt=self._log_mark)
        top = new.aggregate(top=Max("pk"))["top"]
        if top:
            new.update(at=self.moment(day))
            self._log_mark = top

    # --- base data ---------------------------------------------------------------------

    def build(self) -> None:
        self._create_users_and_municipalities()
        self._create_programme()
        self._historic_rounds()
        self._current_round()
        # Needs the running round's processes and blocks: actors take part in them.
        self.actor_count = actors.create_actors(self, self.current_processes)
        # Needs the processes too: rounds follow the self-check blocks.
        self.selfcheck_rounds = selfcheck.create_selfchecks(self)
        self._next_round()
        self._finalise_rounds()

    def _create_users_and_municipalities(self) -> None:
        # One hash for all demo accounts: they share a published password, and hashing
        # it once keeps the load fast with the production hasher.
        password = make_password(DEMO_PASSWORD)
        admin_email, admin_name = content.ADMIN
        admin = User.objects.create_superuser(admin_email, None, full_name=admin_name)
        self._set_password(admin, password)
        for key, name, kind, ags, population in content.MUNICIPALITIES:
            municipality = Municipality(
                name=name,
                kind=kind,
                state=State.BW,
                ags=ags,
                population=population,
                **content.MUNICIPALITY_CONTACTS.get(key, {}),
            )
            municipality.full_clean()
            municipality.save()
            self.municipalities[key] = municipality
        for email, full_name, role, municipality_key, job_title in content.USERS:
            user = User.objects.create_user(
                email,
                None,
                full_name=full_name,
                role=role,
                municipality=self.municipalities.get(municipality_key),
                job_title=job_title,
            )
            self._set_password(user, password)
            # Programme staff by the local part ("keller"), everyone else by address.
            local, domain = email.split("@")
            self.users[local if domain == "teilhabe.example" else email] = user
        self.office = self.user("buero")
        Municipality.objects.filter(pk__in=[m.pk for m in self.municipalities.values()]).update(
            created_by=self.office
        )

    @staticmethod
    def _set_password(user: User, hashed: str) -> None:
        user.password = hashed
        user.save(update_fields=["password"])

    def user(self, key: str) -> User:
        return self.users[key]

    def _create_programme(self) -> None:
        self.programme = programme_services.create_programme(
            by=self.office,
            office_members=[self.user("buero"), self.user("vogel")],
            **content.PROGRAMME,
        )
        catalogue = process_services.current_catalogue(self.programme)
        # The catalogue has served since the first round.
        Catalogue.objects.filter(pk=catalogue.pk).update(
            published_at=self.moment(date(2018, 1, 15))
        )
        self.block_types = {bt.key: bt for bt in catalogue.block_types.all()}

    def _round(self, name: str, *, call_opens, call_closes, starts_on, ends_on) -> Round:
        # Open today so that submit_application accepts the applications; the real
        # call dates are set in _finalise_rounds once everything is submitted.
        round_ = Round.objects.create(
            programme=self.programme,
            name=name,
            call_opens=min(call_opens, self.today),
            call_closes=max(call_closes, self.today),
            starts_on=starts_on,
            ends_on=ends_on,
        )
        self.rounds[name] = round_
        self.round_dates[name] = {"call_opens": call_opens, "call_closes": call_closes}
        return round_

    def _finalise_rounds(self) -> None:
        for name, dates in self.round_dates.items():
            Round.objects.filter(pk=self.rounds[name].pk).update(**dates)

    # --- applications -------------------------------------------------------------------

    def _apply(self, round_: Round, key: str, *, on: date | None, texts: str = "", by=None):
        """A draft application, submitted on `on` (or left a draft when `on` is None)."""
        application = Application.objects.create(
            round=round_,
            municipality=self.municipalities[key],
            status=ApplicationStatus.DRAFT,
            created_by=by,
            **content.APPLICATIONS[texts or key],
        )
        if on is not None:
            programme_services.submit_application(application, by=by)
            # Also in memory: admit_application saves the whole object again.
            application.submitted_at = self.moment(on)
            Application.objects.filter(pk=application.pk).update(
                submitted_at=application.submitted_at
            )
        return application

    def _admit(self, application, *, decided_on, started_on, facilitators) -> Process:
        process = programme_services.admit_application(
            application,
            by=self.office,
            started_on=started_on,
            facilitators=[self.user(key) for key in facilitators],
            decision_note=content.ADMISSION_NOTE,
        )
        application.decided_at = self.moment(decided_on)
        Application.objects.filter(pk=application.pk).update(decided_at=application.decided_at)
        self.stamp(decided_on)
        return process

    # --- blocks and consulting ----------------------------------------------------------

    @staticmethod
    def block(process: Process, key: str) -> Block:
        """The process's block that came from the catalogue block type `key`."""
        return process.blocks.select_related("process").get(block_type__key=key)

    def edit(self, block: Block, *, by, on: date, responsible=None, **fields) -> Block:
        """Change fields of a block the way the edit form does, on day `on`."""
        for name, value in fields.items():
            setattr(block, name, value)
        block.full_clean()
        process_services.update_block(block, by=by, changed=list(fields), responsible=responsible)
        self.stamp(on)
        return block

    def set_status(self, block: Block, status: str, *, by, on: date, reason: str = "") -> Block:
        process_services.set_block_status(block, status, by=by, reason=reason, today=on)
        self.stamp(on)
        return block

    def add(self, process: Process, *, by, on: date, key: str = "", **fields) -> Block:
        """Add a block from the catalogue (`key`) or one of the municipality's own."""
        block_type = self.block_types[key] if key else None
        block = process_services.add_block(process, by=by, block_type=block_type, **fields)
        self.stamp(on)
        return block

    def run(
        self,
        block: Block,
        start: date,
        end: date,
        *,
        by,
        results: str = "",
        responsible=None,
        **fields,
    ) -> Block:
        """Plan a block, start it on `start` and finish it with its results on `end`."""
        planned_on = max(block.process.started_on, start - timedelta(days=21))
        self.edit(
            block,
            by=by,
            on=planned_on,
            responsible=responsible,
            planned_start=start,
            planned_end=end,
            **fields,
        )
        self.set_status(block, BlockStatus.IN_PROGRESS, by=by, on=start)
        if results:
            self.edit(block, by=by, on=end, results=results)
        return self.set_status(block, BlockStatus.DONE, by=by, on=end)

    def plan(self, block: Block, start: date | None, end: date | None, *, by, on, **fields):
        return self.edit(block, by=by, on=on, planned_start=start, planned_end=end, **fields)

    def consult(
        self, process: Process, facilitator: User, day: date, amount, note: str, *, hours=False
    ) -> None:
        """Log consulting days (or hours) at the demo's day rate."""
        quantity = _days(amount)
        process_services.log_consulting(
            process,
            by=facilitator,
            date=day,
            facilitator=facilitator,
            quantity=quantity,
            unit=ConsultingUnit.HOURS if hours else ConsultingUnit.DAYS,
            cost=(quantity * (HOUR_RATE if hours else DAY_RATE)).quantize(Decimal("0.01")),
            note=note,
        )
        self.stamp(day)

    # --- the two historic rounds ----------------------------------------------------------

    def _historic_rounds(self) -> None:
        self._round(
            "2018–2019",
            call_opens=date(2017, 10, 2),
            call_closes=date(2017, 12, 15),
            starts_on=date(2018, 3, 1),
            ends_on=date(2019, 12, 31),
        )
        self._round(
            "2020/2021",
            call_opens=date(2019, 10, 14),
            call_closes=date(2020, 1, 31),
            starts_on=date(2020, 4, 1),
            ends_on=date(2021, 7, 31),
        )
        plan = {
            # first start, decision date, submission date, timeline scale
            "2018–2019": (date(2018, 4, 9), date(2018, 2, 8), date(2017, 12, 4), 1.0),
            # The second round started late in the pandemic and had to end mid-2021.
            "2020/2021": (date(2020, 6, 2), date(2020, 3, 20), date(2020, 1, 20), 0.68),
        }
        index = dict.fromkeys(plan, 0)
        for spec in content.HISTORIC:
            first_start, decided_on, submitted_on, scale = plan[spec["round"]]
            offset = 7 * index[spec["round"]]
            index[spec["round"]] += 1
            coordinator = self.users.get(spec.get("coordinator", ""))
            application = self._apply(
                self.rounds[spec["round"]],
                spec["municipality"],
                on=submitted_on - timedelta(days=offset),
                by=coordinator,
            )
            process = self._admit(
                application,
                decided_on=decided_on,
                started_on=first_start + timedelta(days=offset),
                facilitators=spec["facilitators"],
            )
            self._historic_process(process, spec, scale, coordinator)

    def _historic_process(self, process: Process, spec: dict, scale: float, coordinator) -> None:
        facilitator = self.user(spec["facilitators"][0])
        by = coordinator or facilitator
        start = process.started_on
        drops = spec.get("drop", {})
        if "network" in spec:
            self.add(process, by=facilitator, on=start, key="network-meeting", name=spec["network"])
        last_day = start
        for block in process.blocks.select_related("block_type", "process"):
            key = block.block_type.key
            first, last, days = content.HISTORIC_TIMELINE[key]
            begin = start + timedelta(days=round(first * scale))
            end = start + timedelta(days=round(last * scale))
            last_day = max(last_day, end)
            if key in drops:
                self.plan(block, begin, end, by=by, on=start)
                self.set_status(block, BlockStatus.DROPPED, by=by, on=begin, reason=drops[key])
                continue
            results = content.HISTORIC_RESULTS[key].format(**spec)
            self.run(block, begin, end, by=by, results=results, responsible=[facilitator])
            amount = _days(round(days * spec["consulting_factor"] * 4) / 4)
            if amount >= 3:
                # Preparation at the start, the main work at the end.
                prep = _days(round(float(amount) * 0.4 * 2) / 2)
                self.consult(process, facilitator, begin, prep, f"{block.name}: Vorbereitung")
                self.consult(
                    process, facilitator, end, amount - prep, f"{block.name}: Durchführung"
                )
            else:
                self.consult(process, facilitator, end, amount, block.name)
        process_services.close_process(process, by=facilitator, on=last_day + timedelta(days=14))

    # --- the running round ------------------------------------------------------------------

    def _current_round(self) -> None:
        starts_on = (self.today - timedelta(days=270)).replace(day=1)
        name = f"{starts_on.year}/{starts_on.year + 1}"
        round_ = self._round(
            name,
            call_opens=starts_on - timedelta(days=150),
            call_closes=starts_on - timedelta(days=45),
            starts_on=starts_on,
            ends_on=date(starts_on.year + 1, 12, 31),
        )
        submitted = starts_on - timedelta(days=50)
        decided = starts_on - timedelta(days=20)
        processes = {}
        for key, delay, facilitators in [
            ("neckarbrueck", 10, ["keller"]),
            ("lindenau", 40, ["keller"]),
            ("kochertal", 5, ["keller", "hofmann"]),
            ("eichenwald", 20, ["demir"]),
            ("weilerbronn", 60, ["demir"]),
        ]:
            coordinator = next(
                u
                for u in self.users.values()
                if u.role == Role.COORDINATOR and u.municipality == self.municipalities[key]
            )
            application = self._apply(
                round_, key, on=submitted - timedelta(days=delay // 5), by=coordinator
            )
            processes[key] = self._admit(
                application,
                decided_on=decided,
                started_on=starts_on + timedelta(days=delay),
                facilitators=facilitators,
            )
        haselbrunn = self._apply(
            round_,
            "haselbrunn",
            texts="haselbrunn_rejected",
            on=submitted - timedelta(days=3),
            by=self.users["buergermeister@haselbrunn.example"],
        )
        programme_services.reject_application(
            haselbrunn,
            by=self.office,
            decision_note=content.REJECTION_NOTE,
            review_note=content.REJECTION_REVIEW,
        )
        Application.objects.filter(pk=haselbrunn.pk).update(decided_at=self.moment(decided))
        for key, story in [
            ("neckarbrueck", stories.neckarbrueck),
            ("lindenau", stories.lindenau),
            ("kochertal", stories.kochertal),
            ("eichenwald", stories.eichenwald),
            ("weilerbronn", stories.weilerbronn),
        ]:
            story(self, processes[key])
        self.current_processes = processes

    # --- the round whose call is open now ------------------------------------------------

    def _next_round(self) -> None:
        t = self.today
        call_closes = t + timedelta(days=55)
        starts_on = call_closes + timedelta(days=60)
        round_ = self._round(
            f"{starts_on.year}/{starts_on.year + 1}",
            call_opens=t - timedelta(days=30),
            call_closes=call_closes,
            starts_on=starts_on,
            ends_on=starts_on + timedelta(days=600),
        )
        # Waiting for the programme office's decision.
        self._apply(
            round_,
            "haselbrunn",
            on=t - timedelta(days=4),
            by=self.user("buergermeister@haselbrunn.example"),
        )
        # Still being written.
        self._apply(round_, "sommerau", on=None, by=self.user("hauptamt@sommerau.example"))
