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
from teilhabe.demo.loader import backdate as _backdate
from teilhabe.selfcheck import services
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
            on=spec["opened_on"],
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
        services.set_round_status(round_, RoundStatus.PERSPECTIVES, by=by)
        end = spec["closed_on"] or d.today
        start = spec["perspectives_on"] + timedelta(days=1)
        for respondent, day in zip(
            rest, _spread(start, end - timedelta(days=2), len(rest)), strict=True
        ):
            self._respond(respondent, day, *context)
        if spec["closed_on"]:
            self._workshop(round_, spec, fields, by)
            services.set_round_status(round_, RoundStatus.CLOSED, by=by)
        # TODO(now=): open_round(now=) and set_round_status(now=) (closed_on is now's date).
        _backdate(
            SelfCheckRound.objects.filter(pk=round_.pk),
            closed_on=spec["closed_on"],
            created_at=d.moment(spec["opened_on"]),
            updated_at=d.moment(spec["closed_on"] or spec["perspectives_on"]),
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
        if respondent.get("member"):
            response = services.response_for_member(round_, d.user(respondent["member"]))
        else:
            sent = max(spec["opened_on"], day - timedelta(days=rng.randint(3, 9)))
            if perspective != ADMIN:
                sent = max(spec["perspectives_on"], sent)
            if not spec["closed_on"] and not respondent.get("expired") and invite_only:
                # Still waiting for an answer: the link is valid.
                sent = max(spec["perspectives_on"], d.today - timedelta(days=rng.randint(4, 18)))
            if not spec["closed_on"] and not submit:
                sent = max(spec["perspectives_on"], day - timedelta(days=rng.randint(1, 3)))
            invitation = services.create_invitation(
                round_, perspective=perspective, by=d.user(spec["by"]), label=respondent["label"]
            )
            # TODO(now=): create_invitation(now=) (valid for four weeks from then).
            _backdate(
                Invitation.objects.filter(pk=invitation.pk),
                created_at=d.moment(sent),
                updated_at=d.moment(sent),
                expires_at=d.moment(sent) + timedelta(days=28),
            )
            if invite_only:
                return
            response = services.response_for_invitation(invitation)
        if perspective == ADMIN:
            services.save_questionnaire(response, {}, department=respondent["label"])
        values = {}
        for item in items:
            key = fields[item.field_id].key
            value = self._answer(
                spec, perspective, submit, item, key, own, rng, tendency, fact_draw
            )
            if value:
                values[item.pk] = value
        if submit:
            _store_answers(response, values)
        else:
            services.save_answers(response, values)
        started = d.moment(day - timedelta(days=rng.randint(0, 2)))
        update = {"created_at": started, "updated_at": d.moment(day)}
        if submit:
            services.submit_response(response)
            update["submitted_at"] = d.moment(day)
        # TODO(now=): response_for_member / response_for_invitation, save_answers and
        # submit_response (each with now=).
        _backdate(Response.objects.filter(pk=response.pk), **update)

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
        d = self.d
        closed = spec["closed_on"]
        mark_notes = WorkshopNote.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        mark_steps = FirstStep.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        for f in fields.values():
            band = "low" if spec["levels"][f.key] < 3 else "high"
            record = spec.get("workshop", {}).get(f.key) or self.workshop[f.key][band]
            services.save_workshop_note(
                round_,
                f,
                potentials=record["potentials"],
                recommendations=record["recommendations"],
            )
            for number, step in enumerate(record["first_steps"]):
                services.add_first_step(
                    round_,
                    f,
                    text=step["step"],
                    by=by,
                    responsible=step["who"],
                    due_on=closed + timedelta(days=60 + 45 * number),
                )
        # TODO(now=): save_workshop_note(now=) and add_first_step(now=).
        _backdate(
            WorkshopNote.objects.filter(round=round_, pk__gt=mark_notes),
            created_at=d.moment(closed),
            updated_at=d.moment(closed),
        )
        _backdate(
            FirstStep.objects.filter(round=round_, pk__gt=mark_steps),
            created_at=d.moment(closed),
            updated_at=d.moment(closed),
        )


def _store_answers(response: Response, values: dict[int, dict]) -> None:
    """What `services.save_answers` stores, in one query.

    The service validates and saves answer by answer (about 3 ms each); the demo's
    5,000 answers would add about 15 seconds to the load. The values here are made by
    `_answer` and valid by construction; `submit_response` still checks completeness.
    """
    Answer.objects.bulk_create(
        Answer(
            response=response,
            item_id=item_id,
            dont_know=bool(value.get("dont_know")),
            scale=value.get("scale"),
            yes=value.get("yes"),
            text=value.get("text", ""),
        )
        for item_id, value in values.items()
    )


def _spread(first: date, last: date, count: int) -> list[date]:
    """`count` days evenly between `first` and `last` (inclusive)."""
    if count == 0:
        return []
    last = max(first, last)
    if count == 1:
        return [first]
    span = (last - first).days
    return [first + timedelta(days=span * i // (count - 1)) for i in range(count)]
