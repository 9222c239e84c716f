"""Self-check rounds of the demo (the `selfcheck` keys of the story files).

Answers come from a seeded random generator tuned in `data/selfcheck.yaml`: the
administration rates itself higher than the other perspectives, migrant organisations
lowest; people outside the administration know fewer facts and choose "don't know"
more often. A round's levels are the administration's typical rating per field.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from teilhabe.demo.loader import DemoDataError
from teilhabe.selfcheck import services
from teilhabe.selfcheck.models import ItemKind, Perspective, RoundStatus, SelfCheckRound

if TYPE_CHECKING:
    from teilhabe.demo.builder import DemoBuilder

ADMIN = Perspective.ADMINISTRATION


class SelfCheckBuilder:
    def __init__(self, d: DemoBuilder, tuning: dict):
        self.d = d
        self.perspectives = tuning["perspectives"]
        self.texts = tuning["free_text_answers"]
        self.workshop = tuning["workshop"]
        self.rounds: dict[str, SelfCheckRound] = {}
        self._numbers: dict[tuple[str, str], int] = {}

    def round(self, spec: dict, municipality: str | None, where: str) -> None:
        d = self.d
        spec = dict(spec, key=spec.get("municipality", municipality))
        spec.setdefault("name", spec["key"])
        process = d.processes.get(spec["key"])
        for name in ("opened_on", "perspectives_on", "closed_on"):
            spec[name] = d.day(spec.get(name), f"{where}.{name}", process)
        rng = random.Random(f"selfcheck-{spec['name']}")  # noqa: S311
        # Facts and item tendencies belong to the municipality, so that a follow-up
        # round keeps them and changes only where its levels changed.
        place = random.Random(f"selfcheck-place-{spec['key']}")  # noqa: S311
        by = d.user(spec["by"])
        round_ = services.open_round(
            d.municipalities[spec["key"]],
            by=by,
            title=spec["title"],
            baseline=self.rounds.get(spec.get("baseline")),
            now=d.moment(spec["opened_on"]),
        )
        self.rounds[spec["name"]] = round_
        fields = {f.pk: f for f in round_.version.fields.all()}
        missing = {f.key for f in fields.values()} - set(spec["levels"])
        if missing:
            raise DemoDataError(f"{where}.levels: no level for {', '.join(sorted(missing))}")
        items = [item for f in services.fields_of(round_) for item in f.items.all()]
        tendency = {
            item.key + f.key: place.uniform(-0.7, 0.7)
            for f in fields.values()
            for item in f.items.all()
        }
        fact_draw = {item.pk: place.random() for item in items}
        context = (round_, spec, rng, fields, items, tendency, fact_draw)

        respondents = [self._respondent(r) for r in spec.get("respondents", [])]
        admins = [r for r in respondents if r["perspective"] == ADMIN]
        rest = [r for r in respondents if r["perspective"] != ADMIN]
        start = spec["opened_on"] + timedelta(days=2)
        for respondent, day in zip(
            admins, _spread(start, spec["perspectives_on"], len(admins)), strict=True
        ):
            self._respond(respondent, day, *context)
        services.set_round_status(
            round_, RoundStatus.PERSPECTIVES, by=by, now=d.moment(spec["perspectives_on"])
        )
        end = spec["closed_on"] or d.today
        start = spec["perspectives_on"] + timedelta(days=1)
        for respondent, day in zip(
            rest, _spread(start, end - timedelta(days=2), len(rest)), strict=True
        ):
            self._respond(respondent, day, *context)
        if spec["closed_on"]:
            # The workshop closes the round.
            self._workshop(round_, spec, fields, by)
            services.set_round_status(
                round_, RoundStatus.CLOSED, by=by, now=d.moment(spec["closed_on"])
            )

    @staticmethod
    def _respondent(entry: dict) -> dict:
        perspective = next(iter(entry))
        return {"perspective": perspective, "label": entry[perspective], **entry}

    def _respond(self, respondent, day, round_, spec, rng, fields, items, tendency, fact_draw):
        d = self.d
        perspective, submit = respondent["perspective"], respondent.get("submitted", True)
        invite_only = respondent.get("invited_only", False)
        # The n-th respondent of a perspective draws the same numbers in every round of
        # the municipality: a follow-up differs from its baseline where the levels do.
        number = self._numbers.get((spec["name"], perspective), 0)
        self._numbers[(spec["name"], perspective)] = number + 1
        own = random.Random(f"selfcheck-{spec['key']}-{perspective}-{number}")  # noqa: S311
        # Who answers: a staff member with their account, or the holder of a link.
        respondent_is: dict = {}
        first_day = spec["opened_on"]
        if respondent.get("member"):
            respondent_is["by"] = d.user(respondent["member"])
        else:
            sent = max(spec["opened_on"], day - timedelta(days=rng.randint(3, 9)))
            if perspective != ADMIN:
                sent = max(spec["perspectives_on"], sent)
            if not spec["closed_on"] and not respondent.get("expired") and invite_only:
                # Still waiting for an answer: the link is valid.
                sent = max(spec["perspectives_on"], d.today - timedelta(days=rng.randint(4, 18)))
            if not spec["closed_on"] and not submit:
                sent = max(spec["perspectives_on"], day - timedelta(days=rng.randint(1, 3)))
            respondent_is["invitation"] = services.create_invitation(
                round_,
                perspective=perspective,
                by=d.user(spec["by"]),
                label=respondent["label"],
                now=d.moment(sent),
            )
            if invite_only:
                return
            first_day = sent
        values = {}
        for item in items:
            key = fields[item.field_id].key
            value = self._answer(
                spec, perspective, submit, item, key, own, rng, tendency, fact_draw
            )
            if value:
                values[item.pk] = value
        # Started up to two days before (not before the link was sent), answered, and
        # submitted or left unfinished on `day`.
        started = max(first_day, day - timedelta(days=rng.randint(0, 2)))
        department = respondent["label"] if perspective == ADMIN else ""
        services.answer_questionnaire(
            round_, {}, department=department, now=d.moment(started), **respondent_is
        )
        outcome = services.answer_questionnaire(
            round_, values, department=department, submit=submit, now=d.moment(day), **respondent_is
        )
        if submit and not outcome.submitted:
            raise DemoDataError(f"{spec['name']}: a respondent left required questions out")

    def _answer(self, spec, perspective, submit, item, field_key, rng, text_rng, tendency, facts):
        level = spec["levels"][field_key]
        tuning = self.perspectives[perspective]
        if item.kind == ItemKind.TEXT:
            text = self._text(field_key, perspective, level, text_rng)
            return {"text": text} if text else None
        if not submit and text_rng.random() < 0.5:
            return None  # a saved, unfinished questionnaire
        if item.kind == ItemKind.YES_NO:
            if rng.random() < tuning["dont_know_fact"]:
                return {"dont_know": True}
            truth = facts[item.pk] < (level - 1) / 4
            if perspective != ADMIN and rng.random() < 0.15:
                truth = not truth  # people outside see facts differently
            elif perspective == ADMIN and rng.random() < 0.05:
                truth = not truth
            return {"yes": truth}
        if rng.random() < tuning["dont_know"]:
            return {"dont_know": True}
        value = (
            level
            + tuning["offset"]
            + spec.get("gaps", {}).get(field_key, {}).get(perspective, 0.0)
            + tendency[item.key + field_key]
            + rng.gauss(0, 0.6)
        )
        return {"scale": min(5, max(1, round(value)))}

    def _text(self, field_key, perspective, level, rng) -> str:
        if rng.random() > 0.22:
            return ""
        who = "administration" if perspective == ADMIN else "others"
        band = "low" if level < 3 else "high"
        options = self.texts.get(field_key, {}).get(who, {}).get(band, [])
        return rng.choice(options) if options else ""

    def _workshop(self, round_, spec, fields, by) -> None:
        """The workshop's record, saved on the day the round closes."""
        closed = spec["closed_on"]
        entries = []
        for f in fields.values():
            band = "low" if spec["levels"][f.key] < 3 else "high"
            record = spec.get("workshop", {}).get(f.key) or self.workshop[f.key][band]
            entries.append(
                services.WorkshopEntry(
                    field=f,
                    note_changed=True,
                    potentials=record["potentials"],
                    recommendations=record["recommendations"],
                )
            )
            entries.extend(
                services.WorkshopEntry(
                    field=f,
                    step_text=step["step"],
                    step_responsible=step["who"],
                    step_due_on=closed + timedelta(days=60 + 45 * number),
                )
                for number, step in enumerate(record["first_steps"])
            )
        services.save_workshop(round_, entries, by=by, now=self.d.moment(closed))


def _spread(first: date, last: date, count: int) -> list[date]:
    """`count` days evenly between `first` and `last` (inclusive)."""
    if count == 0:
        return []
    last = max(first, last)
    if count == 1:
        return [first]
    span = (last - first).days
    return [first + timedelta(days=span * i // (count - 1)) for i in range(count)]
