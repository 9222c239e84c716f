"""Checking parsed rows before anything is saved.

The file only decides how cells become field values (labels, yes/no, names of
categories and organisations). Whether the values are valid is decided by the same
forms as a hand entry, `ActorForm` and `AssessmentForm`, and by the model behind them,
so an import accepts exactly what a person may type and reports it in the same words.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from teilhabe.stakeholders.forms import ActorForm, AssessmentForm
from teilhabe.stakeholders.models import Actor, ActorCategory, ActorKind
from teilhabe.stakeholders.transfer.columns import (
    COLUMN_BY_KEY,
    COLUMN_KEYS,
    DELETED_PERSON,
    FALSE_VALUES,
    INVOLVEMENT_VALUES,
    KIND_VALUES,
    TRUE_VALUES,
    current_language,
    normalise,
)


class _KnownChoice(forms.ModelChoiceField):
    """A choice among objects read once per file: no query per row.

    Same messages as the hand-entry field it replaces, because it keeps that field's
    error messages.
    """

    def __init__(self, original: forms.ModelChoiceField, objects: dict[int, Any]):
        super().__init__(
            queryset=original.queryset,
            required=original.required,
            error_messages=original.error_messages,
        )
        self.objects = objects

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.objects[int(value)]
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from exc


class _ImportActorForm(ActorForm):
    """`ActorForm` for one row of a file, with categories and organisations looked up
    once per file. The foreign keys it resolved from those lists are not looked up a
    second time by the model's field validation; everything else is the hand entry's
    validation, messages included."""

    def __init__(self, *args, categories: dict, organisations: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for name, objects in (("category", categories), ("organisation", organisations)):
            self.fields[name] = _KnownChoice(self.fields[name], objects)

    def _get_validation_exclusions(self):
        return {*super()._get_validation_exclusions(), "category", "organisation"}


# Form fields whose errors belong to a column of another name.
FIELD_COLUMNS = {"represents_silent_group": "silent_group"}
ACTOR_FORM_FIELDS = tuple(ActorForm._meta.fields)


@dataclass(frozen=True)
class RowError:
    """One message for a row: `key` and `column` (its header in the language of the
    message) name the column it is about; both are "" for the whole row."""

    key: str
    column: str
    message: str


@dataclass
class PreviewRow:
    row: int
    raw: dict[str, str]
    values: dict[str, Any] = field(default_factory=dict)  # what the cells were read as
    errors: list[RowError] = field(default_factory=list)
    skipped: str = ""  # why the row is left out (not an error), e.g. a deleted person
    actor: Actor | None = None  # unsaved, filled in by ActorForm
    assessment: tuple[int, int] | None = None  # (influence, attitude)

    @property
    def cells(self) -> list[str]:
        """Raw values in column order, for the preview table."""
        return [self.raw.get(key, "") for key in COLUMN_KEYS]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.skipped

    def add_error(self, key: str, message: str) -> None:
        column = COLUMN_BY_KEY[key].header(current_language() == "en") if key else ""
        self.errors.append(RowError(key, column, str(message)))

    def add_form_errors(self, errors: dict[str, list[str]]) -> None:
        """Errors of a form or model, by field; a column with an error of its own
        (an unknown category, say) keeps only that one."""
        own = {error.key for error in self.errors}
        for name, messages in errors.items():
            key = FIELD_COLUMNS.get(name, name)
            if key not in COLUMN_BY_KEY:
                key = ""  # NON_FIELD_ERRORS
            elif key in own:
                continue
            for message in messages:
                self.add_error(key, message)


@dataclass
class Preview:
    rows: list[PreviewRow]

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    @property
    def ok_count(self) -> int:
        return sum(1 for row in self.rows if row.ok)

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    @property
    def error_rows(self) -> list[int]:
        return [row.row for row in self.rows if row.errors]

    @property
    def skipped_count(self) -> int:
        return sum(1 for row in self.rows if row.skipped)


def _bool(value: str) -> bool | None:
    folded = value.strip().casefold()
    if not folded or folded in FALSE_VALUES:
        return False
    if folded in TRUE_VALUES:
        return True
    return None


def _person_key(name: str) -> str:
    return " ".join(name.split()).casefold()


class _Catalogue:
    def __init__(self):
        self.categories = list(ActorCategory.objects.all())
        self.by_pk = {category.pk: category for category in self.categories}
        self.lookup: dict[str, ActorCategory] = {}
        for category in self.categories:
            for label in (category.key, category.name, category.name_en):
                if label:
                    self.lookup.setdefault(normalise(label), category)

    def get(self, value: str) -> ActorCategory | None:
        return self.lookup.get(normalise(value))

    def names(self) -> str:
        return ", ".join(category.display_name for category in self.categories)


def _is_deleted_person(values: dict[str, str]) -> bool:
    """A row the export wrote for a person whose data was deleted."""
    return (
        values["name"].strip() in DELETED_PERSON.values()
        and KIND_VALUES.get(values["kind"].strip().casefold()) == ActorKind.PERSON
    ) and not any(
        values[key].strip() for key in ("email", "phone", "address", "website", "organisation")
    )


def _read_row(row: PreviewRow, catalogue: _Catalogue) -> None:
    """Turn the cells into field values. Only what cannot be read is an error here;
    a label the file layout does not know goes on as typed, for the form to refuse."""
    raw = row.raw
    values = row.values
    values["name"] = " ".join(raw["name"].split())
    kind = raw["kind"].strip()
    values["kind"] = KIND_VALUES.get(kind.casefold(), kind)

    category_text = raw["category"].strip()
    category = catalogue.get(category_text) if category_text else None
    values["category"] = category.pk if category else ""
    if category_text and category is None:
        row.add_error(
            "category",
            gettext("Unknown category “%(value)s”. Valid categories: %(categories)s.")
            % {"value": category_text, "categories": catalogue.names()},
        )

    values["organisation_name"] = " ".join(raw["organisation"].split())
    for key in ("role", "email", "phone", "address", "website", "languages", "notes"):
        values[key] = raw[key].strip()

    key_person = _bool(raw["is_key_person"])
    values["is_key_person"] = bool(key_person)
    if key_person is None:
        row.add_error(
            "is_key_person",
            gettext("Enter yes or no instead of “%(value)s”.") % {"value": raw["is_key_person"]},
        )

    silent = raw["silent_group"].strip()
    silent_flag = _bool(silent)
    values["represents_silent_group"] = silent_flag is not False
    values["silent_group"] = silent if silent_flag is None else ""

    involvement = raw["involvement"].strip()
    values["involvement"] = (
        INVOLVEMENT_VALUES.get(normalise(involvement), involvement)
        if involvement
        else Actor._meta.get_field("involvement").default
    )
    values["influence"] = raw["influence"].strip()
    values["attitude"] = raw["attitude"].strip()


def _check_row(
    row: PreviewRow,
    municipality,
    organisation_pk: int | None,
    catalogue: "_Catalogue",
    organisations,
) -> None:
    """Check the row with the forms of a hand entry; keep the unsaved actor."""
    values = row.values
    data = {name: values[name] for name in ACTOR_FORM_FIELDS if name != "organisation"}
    data["organisation"] = organisation_pk or ""
    form = _ImportActorForm(
        data,
        instance=Actor(municipality=municipality),
        categories=catalogue.by_pk,
        organisations=organisations,
    )
    form.is_valid()
    row.add_form_errors(form.errors)
    row.actor = form.instance

    if values["influence"] or values["attitude"]:
        assessment = AssessmentForm(
            {"influence": values["influence"], "attitude": values["attitude"]}
        )
        if assessment.is_valid():
            row.assessment = (
                assessment.cleaned_data["influence"],
                assessment.cleaned_data["attitude"],
            )
        row.add_form_errors(assessment.errors)


def _check_organisation_in_file(row: PreviewRow, organisation: PreviewRow) -> None:
    """Link the row to an organisation of the same file and let the model check it."""
    actor = row.actor
    if actor is None or organisation.actor is None:  # pragma: no cover - both were checked
        return
    actor.organisation = organisation.actor
    if any(error.key == "kind" for error in row.errors):
        return  # the form has already said what is wrong with the type
    try:
        actor.clean()
    except ValidationError as exc:
        row.add_form_errors(exc.message_dict)


def _is_duplicate(kind: str, email: str, other_email: str) -> bool:
    """Same kind and name are assumed; two persons differ only by different e-mails."""
    if kind != ActorKind.PERSON or not email or not other_email:
        return True
    return email.casefold() == other_email.casefold()


def validate(rows: Iterable[dict[str, Any]], municipality) -> Preview:
    """Check parsed rows with the actor forms and against the municipality's actors.

    Every row is checked by `ActorForm` and, when it has influence or attitude, by
    `AssessmentForm`, the forms of a hand entry; their messages are the row's errors.
    An organisation is named by its name: one of the same file or of the
    municipality's actors. An actor is a duplicate when kind and name
    (case-insensitive) match, and for persons also the e-mail when both have one (two
    "Maria Yilmaz" with different e-mail addresses are two people). Duplicates within
    the file and of existing actors are errors. Rows the export wrote for deleted
    persons are skipped. Messages are in the active language.
    """
    catalogue = _Catalogue()
    existing = list(
        Actor.objects.filter(municipality=municipality, anonymised_at__isnull=True).only(
            "pk", "kind", "name", "email"
        )
    )
    # The organisations a hand entry could choose (ActorForm's list), read once.
    organisations = {
        actor.pk: actor
        for actor in Actor.objects.filter(
            municipality=municipality, kind=ActorKind.ORGANISATION, anonymised_at__isnull=True
        )
    }
    existing_by_name: dict[tuple[str, str], list[Actor]] = {}
    for actor in existing:
        existing_by_name.setdefault((actor.kind, _person_key(actor.name)), []).append(actor)

    preview = Preview(rows=[])
    for data in rows:
        raw = {key: str(data["values"].get(key, "") or "") for key in COLUMN_KEYS}
        row = PreviewRow(row=int(data["row"]), raw=raw)
        preview.rows.append(row)
        if _is_deleted_person(raw):
            row.skipped = gettext("A deleted person is not imported again.")
            continue
        _read_row(row, catalogue)
    rows_to_check = [row for row in preview.rows if not row.skipped]

    file_organisations: dict[str, PreviewRow] = {}
    for row in rows_to_check:
        if row.values["kind"] == ActorKind.ORGANISATION and row.values["name"]:
            file_organisations.setdefault(_person_key(row.values["name"]), row)

    in_file: list[tuple[PreviewRow, PreviewRow]] = []
    for row in rows_to_check:
        organisation = row.values["organisation_name"]
        key = _person_key(organisation)
        organisation_pk = None
        if not organisation:
            pass
        elif key in file_organisations:
            in_file.append((row, file_organisations[key]))
        elif existing_by_name.get((ActorKind.ORGANISATION, key)):
            organisation_pk = existing_by_name[(ActorKind.ORGANISATION, key)][0].pk
        else:
            row.add_error(
                "organisation",
                gettext(
                    "The organisation “%(name)s” is neither in this file nor one of this "
                    "municipality's actors."
                )
                % {"name": organisation},
            )
        _check_row(row, municipality, organisation_pk, catalogue, organisations)
    for row, organisation_row in in_file:
        _check_organisation_in_file(row, organisation_row)

    seen: dict[tuple[str, str], list[PreviewRow]] = {}
    for row in rows_to_check:
        kind, email = row.values["kind"], row.values["email"]
        if not row.values["name"] or kind not in ActorKind.values:
            continue
        key = (kind, _person_key(row.values["name"]))
        for earlier in seen.get(key, []):
            if _is_duplicate(kind, email, earlier.values["email"]):
                row.add_error(
                    "",
                    gettext("Row %(row)s already contains this actor.") % {"row": earlier.row},
                )
                break
        seen.setdefault(key, []).append(row)
        for actor in existing_by_name.get(key, []):
            if _is_duplicate(kind, email, actor.email):
                row.add_error(
                    "",
                    gettext(
                        "This actor already exists in this municipality. Remove the row "
                        "or change the existing actor instead."
                    ),
                )
                break

    order = {key: index for index, key in enumerate(COLUMN_KEYS)}
    for row in rows_to_check:
        # Column order, and messages about the whole row last.
        row.errors.sort(key=lambda error: order.get(error.key, len(order)))
    return preview
