"""The demo builder: tells the stories of `data/*.yaml` through the services.

Order matters and follows the story: base data, the finished processes of the
historic rounds, the running round's applications and processes, their actor lists,
the self-check rounds, and last the applications of the round whose call is open.
Every service is told the moment of its action (`now=`, made by `DemoBuilder.moment`
from the day in the files), so the history is stored as it happened and nothing is
rewritten afterwards.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Max
from django.test.utils import override_settings
from django.utils import timezone

from teilhabe.accounts.models import User
from teilhabe.demo.actors import ActorBuilder
from teilhabe.demo.loader import STEPS, DemoDataError, day, read
from teilhabe.demo.logins import DEMO_PASSWORD
from teilhabe.demo.selfcheck import SelfCheckBuilder
from teilhabe.processes import services as process_services
from teilhabe.processes.models import Block, BlockStatus, ConsultingUnit, Process
from teilhabe.programmes import services as programme_services
from teilhabe.programmes.models import (
    Application,
    Municipality,
    Programme,
    Round,
    State,
)
from teilhabe.selfcheck.models import SelfCheckRound
from teilhabe.stakeholders.models import Actor


def demo_exists() -> bool:
    return Programme.objects.filter(name=read()["base"]["programme"]["name"]).exists()


def conflicts() -> list[str]:
    """Demo e-mail addresses and municipality keys that are already taken."""
    base = read()["base"]
    emails = [u["email"] for u in base["users"]] + [base["admin"]["email"]]
    keys = [m["ags"] for m in base["municipalities"] if m["ags"]]
    return sorted(User.objects.filter(email__in=emails).values_list("email", flat=True)) + sorted(
        Municipality.objects.filter(ags__in=keys).values_list("ags", flat=True)
    )


def load_demo(today: date | None = None) -> dict[str, int]:
    """Create the demo in one transaction and return what the database now holds.

    The caller checks `demo_exists()` first. No e-mail leaves the machine: the demo
    accounts are fictional, and the services' notifications are sent on commit, so the
    dummy backend has to cover the commit too.
    """
    files = read()
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        transaction.atomic(),
    ):
        DemoBuilder(files, today or timezone.localdate()).build()
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


def _money(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


class DemoBuilder:
    """Tells the stories; `actors` and `selfcheck` use its people, dates and blocks."""

    def __init__(self, files: dict[str, dict], today: date):
        self.files = files
        self.base = files["base"]
        self.stories = [(name, files[name]) for name in self.base["stories"]]
        self.today = today
        self.now = timezone.now()
        self.day_rate = _money(self.base["day_rate"])
        self.users: dict[str, User] = {}
        self.municipalities: dict[str, Municipality] = {}
        self.rounds: dict[str, Round] = {}
        self.processes: dict[str, Process] = {}
        self.handles: dict[str, dict[str, Block]] = {}  # per municipality, by story handle
        self._tick = 0
        self._latest: dict[date, datetime] = {}  # the last moment given out, per day

    # --- time -------------------------------------------------------------------------

    def moment(self, on: date) -> datetime:
        """The `now` of an action the files date to the day `on`: a plausible
        office-hours time, never in the future.

        Actions of one day happen in the order they are told: an actor is entered
        before it is assessed that day, a questionnaire started before it is submitted.
        """
        self._tick = (self._tick + 7) % 420
        moment = timezone.make_aware(datetime.combine(on, time(8, 30)))
        moment += timedelta(minutes=self._tick)
        if on in self._latest and moment <= self._latest[on]:
            moment = self._latest[on] + timedelta(minutes=1)
        self._latest[on] = moment
        return min(moment, self.now)

    def day(self, value, where: str, process: Process | None = None, **anchors) -> date | None:
        if process is not None:
            anchors["start"] = process.started_on
        return day(value, {"today": self.today, **anchors}, where)

    def user(self, handle: str) -> User:
        return self.users[handle]

    # --- base data --------------------------------------------------------------------

    def build(self) -> None:
        self._base()
        historic = self.files["historic"]
        for spec in historic["processes"]:
            self._historic_process(historic, spec)
        self._applications("current")
        for name, data in self.stories:
            if "process" in data:
                self._story(name, data)
        for name, data in self.stories:
            if "actors" in data:
                ActorBuilder(self, name, data).build(data["actors"])
        selfchecks = SelfCheckBuilder(self, self.files["selfcheck"])
        for name, data in self.stories:
            for index, spec in enumerate(data.get("selfcheck", [])):
                selfchecks.round(spec, data.get("municipality"), f"{name}.yaml: selfcheck[{index}]")
        self._applications("next")

    def _base(self) -> None:
        # One hash for all demo accounts: they share a published password, and hashing
        # it once keeps the load fast with the production hasher.
        password = make_password(DEMO_PASSWORD)
        admin = self.base["admin"]
        self._set_password(
            User.objects.create_superuser(admin["email"], None, full_name=admin["name"]), password
        )
        users = {u["handle"]: u for u in self.base["users"]}
        # The office creates the municipalities, so it exists before them.
        office = self.base["office"]
        self._create_user(users.pop(office), password)
        for spec in self.base["municipalities"]:
            spec = dict(spec)
            key = spec.pop("key")
            self.municipalities[key] = programme_services.save_municipality(
                Municipality(state=State.BW, **spec), by=self.user(office)
            )
        for spec in users.values():
            self._create_user(spec, password)
        programme = dict(self.base["programme"])
        # The catalogue is published with the programme, on the day the files give.
        self.programme = programme_services.create_programme(
            by=self.user(office),
            office_members=[self.user(h) for h in programme.pop("office")],
            now=self.moment(self.base["catalogue_published_on"]),
            **programme,
        )
        catalogue = process_services.current_catalogue(self.programme)
        self.block_types = {bt.key: bt for bt in catalogue.block_types.all()}
        for spec in self.base["rounds"]:
            self._round(spec)

    def _create_user(self, spec: dict, password: str) -> None:
        user = User.objects.create_user(
            spec["email"],
            None,
            full_name=spec["name"],
            role=spec["role"],
            municipality=self.municipalities.get(spec.get("municipality")),
            job_title=spec.get("position", ""),
        )
        self._set_password(user, password)
        self.users[spec["handle"]] = user

    @staticmethod
    def _set_password(user: User, hashed: str) -> None:
        user.password = hashed
        user.save(update_fields=["password"])

    def _round(self, spec: dict) -> None:
        where = f"base.yaml: rounds[{spec['key']}]"
        dates: dict[str, date] = {}
        for name, value in spec.items():
            if name not in ("key", "name"):
                dates[name] = self.day(value, f"{where}.{name}", **dates)
        start = dates["starts_on"]
        self.rounds[spec["key"]] = programme_services.save_round(
            Round(
                programme=self.programme,
                name=spec["name"].format(year=start.year, next_year=start.year + 1),
                call_opens=dates["call_opens"],
                call_closes=dates["call_closes"],
                starts_on=start,
                ends_on=dates["ends_on"],
                day_rate=self.day_rate,
            ),
            by=self.user(self.base["office"]),
        )

    # --- applications -------------------------------------------------------------------

    def _applications(self, round_key: str) -> None:
        for name, data in self.stories:
            for index, spec in enumerate(data.get("applications", [])):
                if spec["round"] == round_key:
                    where = f"{name}.yaml: applications[{index}]"
                    self._application(data["municipality"], spec, where)

    def _application(self, key: str, spec: dict, where: str) -> Application:
        round_ = self.rounds[spec["round"]]
        dates = {"round start": round_.starts_on}
        by = self.user(spec["by"]) if spec.get("by") else None
        texts = ["motivation", "foundations", "structures", "topics"]
        application = Application(
            round=round_,
            municipality=self.municipalities[key],
            **{name: spec[name] for name in [*texts, "contact_name", "contact_email"]},
        )
        # Written and handed in at one sitting; a draft is being written today.
        submitted = None
        if spec.get("submitted_on"):
            submitted = self.moment(
                self.day(spec["submitted_on"], f"{where}.submitted_on", **dates)
            )
        programme_services.create_application(application, by=by, now=submitted)
        if submitted:
            programme_services.submit_application(application, by=by, now=submitted)
        if spec.get("admitted_on"):
            decided = self.day(spec["admitted_on"], f"{where}.admitted_on", **dates)
            self.processes[key] = programme_services.admit_application(
                application,
                by=self.user(self.base["office"]),
                started_on=self.day(spec["process_starts"], f"{where}.process_starts", **dates),
                facilitators=[self.user(handle) for handle in spec["facilitators"]],
                decision_note=self.base["admission_note"],
                now=self.moment(decided),
            )
        elif spec.get("rejected_on"):
            decided = self.day(spec["rejected_on"], f"{where}.rejected_on", **dates)
            programme_services.reject_application(
                application,
                by=self.user(self.base["office"]),
                decision_note=spec["decision_note"],
                review_note=spec.get("review_note", ""),
                now=self.moment(decided),
            )
        return application

    # --- blocks and consulting --------------------------------------------------------------

    def edit(self, block: Block, *, by, on: date, responsible=None, **fields) -> Block:
        """Change fields of a block the way the edit form does, on day `on`."""
        for name, value in fields.items():
            setattr(block, name, value)
        block.full_clean()
        process_services.update_block(
            block, by=by, changed=list(fields), responsible=responsible, now=self.moment(on)
        )
        return block

    def set_status(self, block: Block, status: str, *, by, on: date, reason: str = "") -> Block:
        process_services.set_block_status(
            block, status, by=by, reason=reason, on=on, now=self.moment(on)
        )
        return block

    def add(self, process: Process, *, by, on: date, key: str = "", **fields) -> Block:
        """Add a block from the catalogue (`key`) or one of the municipality's own."""
        block_type = self.block_types[key] if key else None
        return process_services.add_block(
            process, by=by, block_type=block_type, now=self.moment(on), **fields
        )

    def run(self, block: Block, start: date, end: date, *, by, results="", **fields) -> Block:
        """Plan a block, start it on `start` and finish it with its results on `end`."""
        planned_on = max(block.process.started_on, start - timedelta(days=21))
        responsible = fields.pop("responsible", None)
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

    def consult(
        self, process: Process, facilitator: User, on: date, amount, note: str, *, hours=False
    ):
        """Log consulting days (or hours), priced by the service at the round's day rate."""
        process_services.log_consulting(
            process,
            by=facilitator,
            date=on,
            facilitator=facilitator,
            quantity=_money(amount),
            unit=ConsultingUnit.HOURS if hours else ConsultingUnit.DAYS,
            note=note,
            now=self.moment(on),
        )

    # --- the historic rounds --------------------------------------------------------------

    def _historic_process(self, historic: dict, spec: dict) -> None:
        """A finished process, told from the timeline and result texts of historic.yaml."""
        key = spec["municipality"]
        plan = historic["rounds"][spec["round"]]
        application = dict(
            spec["application"],
            round=spec["round"],
            by=spec.get("by"),
            submitted_on=spec["submitted_on"],
            admitted_on=plan["decided_on"],
            process_starts=spec["started_on"],
            facilitators=spec["facilitators"],
        )
        self._application(key, application, f"historic.yaml: processes[{key}]")
        process = self.processes.pop(key)
        facilitator = self.user(spec["facilitators"][0])
        by = self.user(spec["by"]) if spec.get("by") else facilitator
        start, scale = process.started_on, plan["timeline_scale"]
        drops = spec.get("dropped", {})
        if "network_meeting" in spec:
            self.add(
                process,
                by=facilitator,
                on=start,
                key="network-meeting",
                name=spec["network_meeting"],
            )
        last_day = start
        for block in process.blocks.select_related("block_type", "process"):
            key = block.block_type.key
            timeline = historic["timeline"][key]
            begin = start + timedelta(days=round(timeline["from"] * scale))
            end = start + timedelta(days=round(timeline["to"] * scale))
            last_day = max(last_day, end)
            if key in drops:
                self.edit(block, by=by, on=start, planned_start=begin, planned_end=end)
                self.set_status(block, BlockStatus.DROPPED, by=by, on=begin, reason=drops[key])
                continue
            results = historic["results"][key].format(**spec["facts"])
            self.run(block, begin, end, by=by, results=results, responsible=[facilitator])
            amount = _money(round(timeline["days"] * spec["consulting_factor"] * 4) / 4)
            if amount >= 3:
                # Preparation at the start, the main work at the end.
                prep = _money(round(float(amount) * 0.4 * 2) / 2)
                self.consult(process, facilitator, begin, prep, f"{block.name}: Vorbereitung")
                self.consult(
                    process, facilitator, end, amount - prep, f"{block.name}: Durchführung"
                )
            else:
                self.consult(process, facilitator, end, amount, block.name)
        closed = last_day + timedelta(days=14)
        process_services.close_process(process, by=facilitator, now=self.moment(closed))

    # --- the running round's stories --------------------------------------------------------

    def _story(self, name: str, data: dict) -> None:
        process = self.processes[data["municipality"]]
        handles: dict[str, Block] = {
            block.block_type.key: block
            for block in process.blocks.select_related("block_type", "process")
        }
        for index, step in enumerate(data["process"]):
            where = f"{name}.yaml: process[{index}]"
            step = dict(step)
            op = next(key for key in step if key in STEPS)
            target = step.pop(op)
            handle = step.pop("as", None)
            by = self.user(step.pop("by"))
            on = self.day(step.pop("date", None), f"{where}.date", process)
            start = self.day(step.pop("from", None), f"{where}.from", process)
            end = self.day(step.pop("to", None), f"{where}.to", process)
            if "responsible" in step:
                step["responsible"] = [self.user(h) for h in step["responsible"]]
            if "reason" in step:
                step["reason"] = step["reason"].format(year_before_last=self.today.year - 2)
            if op == "add":
                key = "" if target == "own" else target
                if key and key not in self.block_types:
                    raise DemoDataError(f"{where}.add: no block type {key!r} in the catalogue")
                dates = {"planned_start": start, "planned_end": end} if start or end else {}
                handles[handle] = self.add(process, by=by, on=on, key=key, **dates, **step)
                continue
            if target not in handles:
                raise DemoDataError(
                    f"{where}.{op}: no block {target!r} (known: {', '.join(handles)})"
                )
            block = handles[target]
            if handle:
                handles[handle] = block
            if op == "run":
                self.run(block, start, end, by=by, **step)
            elif op == "plan":
                self.edit(block, by=by, on=on, planned_start=start, planned_end=end, **step)
            elif op == "edit":
                self.edit(block, by=by, on=on, **step)
            elif op == "move_to_end_of_phase":
                siblings = process.blocks.filter(phase=block.phase)
                moment = self.moment(on)
                while block.position < siblings.aggregate(top=Max("position"))["top"]:
                    process_services.move_block(block, "down", by=by, now=moment)
            else:
                status = {"start": BlockStatus.IN_PROGRESS, "finish": BlockStatus.DONE}
                self.set_status(block, status.get(op, BlockStatus.DROPPED), by=by, on=on, **step)
        for index, entry in enumerate(data.get("consulting", [])):
            self.consult(
                process,
                self.user(entry["by"]),
                self.day(entry["date"], f"{name}.yaml: consulting[{index}]", process),
                entry.get("days", entry.get("hours")),
                entry["note"],
                hours="hours" in entry,
            )
        self.handles[data["municipality"]] = handles
