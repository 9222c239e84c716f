"""The file layout shared by import and export: columns, headers and cell values.

`de` and `en` of each column and the value labels below are data of the file format,
not translated UI text: a file written in either language reads back unchanged.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from teilhabe.stakeholders.models import ActorKind, Involvement


@dataclass(frozen=True)
class Column:
    """One column of the file layout.

    `de` and `en` are the headers written on export (data of the file format, not
    translated UI text); `aliases` are further headers the importer accepts.
    """

    key: str
    de: str
    en: str
    width: int
    help: Any  # a lazy translation, shown on the upload page
    aliases: tuple[str, ...] = ()

    def header(self, english: bool) -> str:
        return self.en if english else self.de


COLUMNS: tuple[Column, ...] = (
    Column("name", "Name", "Name", 32, _("Required. Name of the organisation or person.")),
    Column(
        "kind",
        "Typ (Organisation/Person)",
        "Type (organisation/person)",
        14,
        _("Required: Organisation or Person."),
        ("Art", "Kind"),
    ),
    Column(
        "category",
        "Kategorie",
        "Category",
        34,
        _("Required: a category of the catalogue, by its German or English name or its key."),
    ),
    Column(
        "organisation",
        "Organisation",
        "Organisation",
        28,
        _(
            "Only for persons: the organisation they belong to. It must be in the same "
            "file or already be one of this municipality's actors."
        ),
        ("Organization", "gehört zu Organisation", "belongs to organisation"),
    ),
    Column(
        "role",
        "Funktion",
        "Role",
        22,
        _("Function or role, for example chair or head of office."),
        ("Function", "Rolle", "Funktion oder Rolle", "Function or role"),
    ),
    Column(
        "email",
        "E-Mail",
        "E-mail",
        28,
        _("E-mail address."),
        ("Email", "Mail", "E-Mail-Adresse", "E-mail address"),
    ),
    Column(
        "phone",
        "Telefon",
        "Phone",
        18,
        _("Phone number."),
        ("Tel.", "Tel", "Telephone", "Telefonnummer"),
    ),
    Column("address", "Adresse", "Address", 30, _("Postal address."), ("Anschrift",)),
    Column(
        "website",
        "Website",
        "Website",
        28,
        _("Web address; https:// is added when missing."),
        ("Webseite", "Homepage", "Internet"),
    ),
    Column(
        "languages",
        "Sprachen",
        "Languages",
        22,
        _("Languages in which the actor can be reached, separated by commas."),
    ),
    Column(
        "is_key_person",
        "Schlüsselperson (ja/nein)",
        "Key person (yes/no)",
        12,
        _("Key person or multiplier: yes or no (also ja/nein, x, 1/0). Empty means no."),
        ("Multiplikator*in", "Key person or multiplier"),
    ),
    Column(
        "silent_group",
        "Stille Gruppe",
        "Silent group",
        26,
        _(
            "Whether the actor represents a silent group: yes or no, or the name of the "
            "group (which means yes)."
        ),
    ),
    Column(
        "involvement",
        "Beteiligung (bekannt/eingeladen/beteiligt/aktiv)",
        "Involvement (known/invited/involved/active)",
        16,
        _("Known, invited, involved or active (German or English). Empty means known."),
    ),
    Column(
        "influence",
        "Einfluss (1–5)",
        "Influence (1–5)",
        10,
        _("Influence on the process from 1 (very low) to 5 (very high); with attitude."),
    ),
    Column(
        "attitude",
        "Haltung (1–5)",
        "Attitude (1–5)",
        10,
        _("Attitude from 1 (strongly critical) to 5 (strongly supportive); with influence."),
    ),
    Column("notes", "Notizen", "Notes", 40, _("Notes."), ("Notiz", "Note", "Bemerkungen")),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)
COLUMN_BY_KEY = {column.key: column for column in COLUMNS}

# Values written on export, per language. The importer accepts every value below.
YES = {"de": "ja", "en": "yes"}
NO = {"de": "nein", "en": "no"}
KIND_LABELS = {ActorKind.ORGANISATION: "Organisation", ActorKind.PERSON: "Person"}
INVOLVEMENT_LABELS = {
    "de": {
        Involvement.KNOWN: "bekannt",
        Involvement.INVITED: "eingeladen",
        Involvement.INVOLVED: "beteiligt",
        Involvement.ACTIVE: "aktiv",
    },
    "en": {
        Involvement.KNOWN: "known",
        Involvement.INVITED: "invited",
        Involvement.INVOLVED: "involved",
        Involvement.ACTIVE: "active",
    },
}
DELETED_PERSON = {"de": "Gelöschte Person", "en": "Deleted person"}
SHEET_TITLE = {"de": "Akteure", "en": "Actors"}

TRUE_VALUES = frozenset({"ja", "j", "yes", "y", "x", "1", "true", "wahr"})
FALSE_VALUES = frozenset({"nein", "n", "no", "0", "false", "falsch", "-"})
KIND_VALUES = {
    "organisation": ActorKind.ORGANISATION,
    "organization": ActorKind.ORGANISATION,
    "org": ActorKind.ORGANISATION,
    "org.": ActorKind.ORGANISATION,
    "person": ActorKind.PERSON,
}
INVOLVEMENT_VALUES = {
    label.casefold(): value
    for labels in INVOLVEMENT_LABELS.values()
    for value, label in labels.items()
}
# A cell starting with one of these may run as a formula when a CSV opens in a
# spreadsheet program; the export puts an apostrophe in front, the import takes it away.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# ...but phone numbers such as "+49 7121 123-45" stay as they are.
HARMLESS_SIGNED = re.compile(r"[+-][\d\s()/.-]*")


def current_language() -> str:
    """The language of headers and values written by the export: "de" or "en"."""
    return "en" if (get_language() or "de").startswith("en") else "de"


def normalise(text: str) -> str:
    """Casefolded, dashes unified, inner whitespace collapsed: for comparing labels."""
    text = text.replace("–", "-").replace("—", "-")
    return " ".join(text.split()).casefold()


def _header_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for column in COLUMNS:
        for header in (column.de, column.en, column.key, *column.aliases):
            lookup[normalise(header)] = column.key
            # "Einfluss" for "Einfluss (1–5)": the hint in brackets is optional.
            lookup.setdefault(normalise(re.sub(r"\s*\(.*\)\s*$", "", header)), column.key)
    return lookup


HEADERS = _header_lookup()


def column_headers(english: bool | None = None) -> list[str]:
    """The headers in the current (or the given) language."""
    if english is None:
        english = current_language() == "en"
    return [column.header(english) for column in COLUMNS]
