"""Reading the demo's data files (`data/*.yaml`) and checking them before anything is built.

A mistake in a file stops the load with a `DemoDataError` that names the file and the
key, e.g. ``neckarbrueck.yaml: actors[3].category: unknown value 'vereine'``, so that
whoever edits the demo does not have to read a traceback.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"
# libyaml's safe loader where it is installed: ten times faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DemoDataError(ValueError):
    """A data file is malformed: the message names the file and the key."""


def read(directory: Path = DATA_DIR) -> dict[str, dict]:
    """All data files by name (without `.yaml`): base, selfcheck and the stories base lists."""
    files = {name: _read(directory / f"{name}.yaml") for name in ("base", "selfcheck")}
    for name in files["base"].get("stories") or []:
        files[name] = _read(directory / f"{name}.yaml")
    validate(files)
    return files


def _read(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506
    except FileNotFoundError:
        raise DemoDataError(f"{path.name}: file not found in {path.parent}") from None
    except yaml.YAMLError as error:
        raise DemoDataError(f"{path.name}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise DemoDataError(f"{path.name}: expected keys at the top level")
    return data


# --- checking ------------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return set(text.split())


BLOCK_FIELDS = "name name_en phase description responsible responsible_others notes results"
STEPS = {
    "run": _words(f"as by from to {BLOCK_FIELDS}"),
    "plan": _words(f"as date by from to {BLOCK_FIELDS}"),
    "edit": _words(f"as date by {BLOCK_FIELDS}"),
    "start": _words("date by"),
    "finish": _words("date by"),
    "drop": _words("date by reason"),
    "add": _words(f"as date by from to {BLOCK_FIELDS}"),
    "move_to_end_of_phase": _words("date by"),
}
ACTOR = "organisation person category involvement ratings since at why assessed_by role email"
ACTOR += " website phone address languages key_person silent_group blocks invited notes members"
# Per kind of entry: the keys it may have, and which of them name something known.
ENTRIES = {
    "files": (
        "municipality applications process consulting stakeholders actors selfcheck"
        " rounds timeline results processes",
        {"municipality": "places"},
    ),
    "users": (
        "handle email name role municipality position",
        {"role": "roles", "municipality": "places"},
    ),
    "municipalities": (
        "key name kind ags population address website contact_name contact_email contact_phone",
        {"kind": "kinds"},
    ),
    "applications": (
        "round by submitted_on motivation foundations structures topics contact_name"
        " contact_email admitted_on process_starts facilitators rejected_on"
        " decision_note review_note",
        {"round": "rounds", "by": "users", "facilitators": "users"},
    ),
    "processes": (
        "municipality round submitted_on started_on by facilitators consulting_factor"
        " network_meeting dropped application facts",
        {"municipality": "places", "round": "rounds", "by": "users", "facilitators": "users"},
    ),
    "consulting": ("date by days hours note", {"by": "users"}),
    "stakeholders": (
        "entered_by moments involved_took_part_in active_took_part_in invited_to upcoming",
        {"entered_by": "users"},
    ),
    "actors": (
        ACTOR,
        {"category": "categories", "involvement": "involvements", "assessed_by": "users"},
    ),
    "selfcheck": (
        "municipality name title baseline opened_on perspectives_on closed_on by levels gaps"
        " respondents workshop",
        {"municipality": "places", "by": "users"},
    ),
}
ENTRIES["members"] = ENTRIES["actors"]
ENTRIES["base"] = (
    "programme office day_rate catalogue_published_on admission_note admin users municipalities"
    " rounds stories",
    {"office": "users"},
)
ENTRIES["selfcheck.yaml"] = ("perspectives free_text_answers workshop", {})


def _at(where: str, key: str) -> str:
    """The path of a key: "neckarbrueck.yaml: actors[3].category"."""
    return f"{where} {key}" if where.endswith(":") else f"{where}.{key}"


def _fail(where: str, message: str):
    raise DemoDataError(f"{where}: {message}")


def _check(entry, kind: str, where: str, known: dict[str, set]) -> None:
    allowed, references = ENTRIES[kind]
    if not isinstance(entry, dict):
        _fail(where, f"expected keys and values, found {entry!r}")
    for key, value in entry.items():
        if key not in _words(allowed):
            _fail(_at(where, key), f"unknown key (allowed: {', '.join(sorted(_words(allowed)))})")
        if key in references:
            for item in value if isinstance(value, list) else [value]:
                if item not in known[references[key]]:
                    names = ", ".join(sorted(map(str, known[references[key]])))
                    _fail(_at(where, key), f"unknown value {item!r} (known: {names})")
        if isinstance(value, list) and key in ENTRIES:
            for index, item in enumerate(value):
                _check(item, key, _at(where, f"{key}[{index}]"), known)
        elif isinstance(value, dict) and key in ENTRIES:
            _check(value, key, _at(where, key), known)
    if kind == "actors" and ("organisation" in entry) == ("person" in entry):
        _fail(where, "give either 'organisation' or 'person' (the name)")
    if kind == "actors" and "category" not in entry:
        _fail(where, "the key 'category' is missing")
    for index, step in enumerate(entry.get("process", [])):
        op = next((key for key in step if key in STEPS), None) if isinstance(step, dict) else None
        if op is None:
            _fail(_at(where, f"process[{index}]"), f"starts with none of {', '.join(STEPS)}")
        for key in step:
            if key not in STEPS[op] | {op}:
                _fail(_at(where, f"process[{index}].{key}"), f"unknown key for '{op}'")
        for key, names in (("by", "users"), ("responsible", "users"), ("phase", "phases")):
            for item in step.get(key) if isinstance(step.get(key), list) else [step.get(key)]:
                if item is not None and item not in known[names]:
                    _fail(_at(where, f"process[{index}].{key}"), f"unknown value {item!r}")
    for index, respondent in enumerate(entry.get("respondents", [])):
        here = _at(where, f"respondents[{index}]")
        perspective = next(iter(respondent), None)
        if perspective not in known["perspectives"]:
            _fail(here, f"starts with none of {', '.join(sorted(known['perspectives']))}")
        for key in set(respondent) - {
            perspective,
            "member",
            "submitted",
            "invited_only",
            "expired",
        }:
            _fail(_at(here, key), "unknown key")


def validate(files: dict[str, dict]) -> None:
    """Check keys and references across all files; raises DemoDataError."""
    from teilhabe.accounts.models import Role
    from teilhabe.processes.models import Phase
    from teilhabe.programmes.models import MunicipalityKind
    from teilhabe.selfcheck.models import Perspective
    from teilhabe.stakeholders.models import ActorCategory, Involvement

    base = files["base"]
    known = {
        "places": {m.get("key") for m in base.get("municipalities", [])},
        "users": {u.get("handle") for u in base.get("users", [])},
        "rounds": {r.get("key") for r in base.get("rounds", [])},
        "categories": set(ActorCategory.objects.values_list("key", flat=True)),
        "roles": set(Role.values),
        "kinds": set(MunicipalityKind.values),
        "phases": set(Phase.values),
        "perspectives": set(Perspective.values),
        "involvements": set(Involvement.values),
    }
    for name, data in files.items():
        kind = {"base": "base", "selfcheck": "selfcheck.yaml"}.get(name, "files")
        _check(data, kind, f"{name}.yaml:", known)


# --- dates ------------------------------------------------------------------------------------

_EXPRESSION = re.compile(r"^\s*([a-z_ ]+?)\s*(?:([+-])\s*(\d+))?\s*$")


def day(value, anchors: dict[str, date], where: str) -> date | None:
    """A date from the files: a calendar date, or "today - 30", "start + 6", "round start - 52".

    The anchors are the names a file may count from at that place (today, the process
    start, the round start, an earlier date of the same round). After a comma:
    "first of month" or "end of next year".
    """
    if value is None or isinstance(value, date):
        return value
    text, _, rule = str(value).partition(",")
    match = _EXPRESSION.match(text)
    if not match or match[1] not in anchors:
        raise DemoDataError(
            f"{where}: cannot read the date {value!r}: write e.g. "
            f"'{next(iter(anchors))} - 30' (counting from: {', '.join(anchors)})"
        )
    result = anchors[match[1]]
    if match[2]:
        result += timedelta(days=int(match[3]) * (1 if match[2] == "+" else -1))
    rule = rule.strip()
    if rule == "first of month":
        result = result.replace(day=1)
    elif rule == "end of next year":
        result = date(result.year + 1, 12, 31)
    elif rule:
        raise DemoDataError(f"{where}: unknown rule {rule!r} in {value!r}")
    return result
