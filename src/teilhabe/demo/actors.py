"""Actor lists of the running round (the `stakeholders` and `actors` keys of a story file).

An actor's involvement follows from the blocks it was invited to or took part in;
"active" actors took part and carry on. Assessments are made at the story's moments,
so change over time shows. An actor is entered at the first moment (the stakeholder
analysis) or on the first day the story knows of it, if that is earlier; taking part
is recorded on the day it happened, an invitation on the day it went out.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from teilhabe.demo.loader import DemoDataError
from teilhabe.processes.models import Block
from teilhabe.stakeholders import services
from teilhabe.stakeholders.models import Actor, ActorCategory, ActorKind, Involvement

if TYPE_CHECKING:
    from teilhabe.demo.builder import DemoBuilder

KNOWN, INVITED, INVOLVED, ACTIVE = Involvement.values
TOOK_PART = {INVOLVED: "involved_took_part_in", ACTIVE: "active_took_part_in"}


class ActorBuilder:
    """Creates one municipality's actors, participations and assessments."""

    def __init__(self, d: DemoBuilder, name: str, data: dict):
        self.d = d
        self.file = f"{name}.yaml"
        self.setup = data["stakeholders"]
        self.process = d.processes[data["municipality"]]
        self.coordinator = self.setup["entered_by"]
        self.categories = {c.key: c for c in ActorCategory.objects.all()}
        self.blocks = d.handles[data["municipality"]]
        self.moments = [self._moment(spec) for spec in self.setup["moments"]]

    def build(self, actors: list[dict]) -> None:
        for index, spec in enumerate(actors):
            where = f"{self.file}: actors[{index}]"
            organisation = self._actor(spec, where)
            for number, member in enumerate(spec.get("members", [])):
                member = {"category": spec["category"], **member}
                self._actor(member, f"{where}.members[{number}]", organisation=organisation)

    def _clamp(self, day: date) -> date:
        return max(self.process.started_on, min(day, self.d.today))

    def _moment(self, spec: str) -> date:
        if spec in self.blocks:
            block = self.blocks[spec]
            return self._clamp(block.actual_end or block.actual_start)
        return self._clamp(self.d.day(spec, f"{self.file}: stakeholders.moments", self.process))

    def _block(self, handle: str, where: str) -> Block:
        if handle not in self.blocks:
            raise DemoDataError(f"{where}: no block {handle!r} (known: {', '.join(self.blocks)})")
        return self.blocks[handle]

    def _invited_on(self, block: Block) -> date:
        start = block.actual_start or block.planned_start or self.d.today
        return self._clamp(min(start - timedelta(days=21), self.d.today - timedelta(days=3)))

    def _actor(self, spec: dict, where: str, *, organisation: Actor | None = None) -> Actor:
        silent_group = spec.get("silent_group", "")
        actor = Actor(
            municipality=self.process.municipality,
            kind=ActorKind.ORGANISATION if "organisation" in spec else ActorKind.PERSON,
            name=spec.get("organisation") or spec["person"],
            organisation=organisation,
            category=self.categories[spec["category"]],
            languages=", ".join(spec.get("languages", [])),
            is_key_person=spec.get("key_person", False),
            represents_silent_group=bool(silent_group),
            silent_group=silent_group,
            **{key: spec.get(key, "") for key in ("role", "email", "website", "phone")},
            **{key: spec.get(key, "") for key in ("address", "notes")},
        )
        participations = self._participations(spec, where)
        assessments = self._assessments(spec, where)
        # Entered at the stakeholder analysis (the first moment), or earlier if the
        # story knows of the actor before.
        entered = min(
            [self.moments[0], *(p[-1] for p in participations), *(a[-1] for a in assessments)]
        )
        by = self.d.user(self.coordinator)
        services.save_actor(actor, by=by, now=self.d.moment(entered))
        last_took_part = None
        for block, invited_on, took_part_on, recorded in participations:
            now = self.d.moment(recorded)
            services.record_participation(
                actor, block, invited_on=invited_on, took_part_on=took_part_on, now=now
            )
            last_took_part = now if took_part_on else last_took_part
        if spec["involvement"] == ACTIVE:
            # Taking part last time, the actor said it would carry on.
            actor.involvement = Involvement.ACTIVE
            services.save_actor(actor, by=by, now=last_took_part)
        for influence, attitude, assessor, note, day in assessments:
            services.assess(
                actor,
                influence=influence,
                attitude=attitude,
                by=self.d.user(assessor),
                note=note,
                now=self.d.moment(day),
            )
        return actor

    def _participations(self, spec: dict, where: str) -> list[tuple]:
        """(block, invited on, took part on, the day it was recorded) for each block."""
        stage = spec["involvement"]
        took_part = spec.get("blocks", self.setup.get(TOOK_PART.get(stage), []))
        took_part = took_part if stage in TOOK_PART else []
        if "invited" in spec:
            invited = spec["invited"]
        elif stage == INVITED:
            invited = self.setup.get("invited_to", [])
        else:
            invited = self.setup.get("upcoming", []) if took_part else []
        if stage in TOOK_PART and not took_part:
            raise DemoDataError(f"{where}: {stage} without taking part in a block ('blocks').")
        if stage == INVITED and not invited:
            raise DemoDataError(f"{where}: invited to nothing ('invited').")
        result: dict[Block, tuple] = {}
        for handle in took_part:
            block = self._block(handle, f"{where}.blocks")
            if block.actual_start is None:
                raise DemoDataError(f"{where}.blocks: {handle!r} has not taken place yet.")
            day = (
                block.actual_start
                + ((block.actual_end or block.actual_start) - block.actual_start) / 2
            )
            result[block] = (block, min(self._invited_on(block), day), day, day)
        for handle in invited:
            block = self._block(handle, f"{where}.invited")
            if block not in result:
                invited_on = self._invited_on(block)
                result[block] = (block, invited_on, None, invited_on)
        return list(result.values())

    def _assessments(self, spec: dict, where: str) -> list[tuple]:
        """(influence, attitude, assessed by, note, day) of each assessment."""
        ratings = spec.get("ratings", "").split()
        notes = ["", *spec.get("why", [])]
        assessors = spec.get("assessed_by", [self.coordinator] * len(ratings))
        last = len(self.moments)
        # Moments count from 1 in the files: the first is usually the stakeholder workshop.
        moments = spec.get("at") or [
            spec.get("since", 1),
            *range(last - len(ratings) + 2, last + 1),
        ]
        if not len(assessors) == len(ratings) <= len(moments):
            raise DemoDataError(f"{where}: ratings, assessed_by and at do not match in number")
        result = []
        for index, rating in enumerate(ratings):
            influence, attitude = (int(part) for part in rating.split("/"))
            note = notes[index] if index < len(notes) else ""
            day = self.moments[moments[index] - 1]
            result.append((influence, attitude, assessors[index], note, day))
        return result
