"""Actor lists of the running round's municipalities (stakeholder analysis demo).

Every municipality with a process in the running round gets its own list, written out
by hand so that the demo is the same on every load. The lists differ on purpose:

- Neckarbrück: the richest list; all categories are represented, silent groups are
  tracked, and one gap is still open: the trade unions are only known, nobody has
  been involved yet.
- Lindenau: a small Gemeinde without any migrant organisation (the coverage check
  then suggests inviting civically active migrants as experts, which Lindenau does),
  without an integration council, and with employers, unions and the employment
  administration not yet involved.
- Landkreis Kochertal: district-wide actors; the self-check found the migrant
  organisations to be the biggest gap, and the employers are still missing.
- Eichenwald: families, day care and schools; no integration council, no union, and
  the chambers are only known.
- Weilerbronn: still in the analysis phase; companies and the unions' works councils
  are in, the welfare associations, schools and individual residents are not yet.

The finished processes of the historic rounds get no actor list: their analyses
were done before the platform existed and are documented in their blocks' results,
and a closed process has nothing left to track. The municipalities without a process
(Haselbrunn, Sommerau) have no analysis yet.

Everything goes through `teilhabe.stakeholders.services`. An actor's involvement
follows from the blocks it was invited to or took part in; "active" actors took part
and carry on (steering group, working groups). Assessments are made by the
coordinator or the facilitator at the moments the process had (the stakeholder
workshop, later reviews); some actors have two or three, so change shows.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta
from typing import TYPE_CHECKING

from teilhabe.processes.models import Block, Process
from teilhabe.stakeholders import services
from teilhabe.stakeholders.models import Actor, ActorCategory, ActorKind, Involvement

if TYPE_CHECKING:
    from teilhabe.demo.builder import DemoBuilder

KNOWN, INVITED, INVOLVED, ACTIVE = Involvement.values

DE = "Deutsch"
TR = "Türkisch"
AR = "Arabisch"
RU = "Russisch"
UK = "Ukrainisch"
RO = "Rumänisch"
EN = "Englisch"
KU = "Kurdisch"
FA = "Dari"
TI = "Tigrinya"
HR = "Kroatisch"
BS = "Bosnisch"
IT = "Italienisch"
PL = "Polnisch"
HI = "Hindi"
FR = "Französisch"


def langs(*names: str) -> str:
    return ", ".join(names)


def org(category: str, name: str, stage: str, ratings: str = "", *members, **fields) -> dict:
    """An organisation; `ratings` is "influence/attitude" per assessment, oldest first."""
    return {
        "kind": ActorKind.ORGANISATION,
        "category": category,
        "name": name,
        "stage": stage,
        "ratings": ratings,
        "members": members,
        **fields,
    }


def person(name: str, stage: str, ratings: str = "", category: str = "", **fields) -> dict:
    """A person; inside `org(...)` it belongs to that organisation and its category."""
    return {
        "kind": ActorKind.PERSON,
        "category": category,
        "name": name,
        "stage": stage,
        "ratings": ratings,
        "members": (),
        **fields,
    }


# Per municipality: contact data, how to find the blocks by name, which blocks an
# actor of each stage took part in (or was invited to) unless its entry says so, the
# coming event everyone involved is invited to, and the moments of assessment (a block
# handle: when it ended or started; a number: days relative to today). An actor's
# first assessment is at the first moment (or at `since`), later ones at the last
# moments, unless its entry lists the moments (`at`).
SETUP = {
    "neckarbrueck": {
        "domain": "neckarbrueck.example",
        "phone": "07000 000",
        "coordinator": "koordination@neckarbrueck.example",
        "facilitator": "keller",
        "aliases": {
            "zukunftswerkstatt": "Zukunftswerkstatt",
            "open-space": "Open Space",
            "fest": "Interkulturelles Stadtteilfest",
        },
        "involved": ["zukunftswerkstatt"],
        "active": ["zukunftswerkstatt", "working-groups"],
        "invited": ["open-space"],
        "upcoming": ["open-space"],
        "moments": ["stakeholder-analysis", "steering-group", "zukunftswerkstatt", -21],
    },
    "lindenau": {
        "domain": "lindenau.example",
        "phone": "07000 001",
        "coordinator": "koordination@lindenau.example",
        "facilitator": "keller",
        "aliases": {"begegnung": "Begegnungsnachmittag"},
        "involved": ["stakeholder-analysis"],
        "active": ["stakeholder-analysis", "self-check"],
        "invited": ["begegnung"],
        "upcoming": ["begegnung"],
        "moments": ["stakeholder-analysis", -40, -8],
    },
    "kochertal": {
        "domain": "lk-kochertal.example",
        "phone": "07000 002",
        "coordinator": "integration@lk-kochertal.example",
        "facilitator": "hofmann",
        "aliases": {
            "nord": "Regionalkonferenz Nord",
            "sued": "Regionalkonferenz Süd",
            "mitte": "Regionalkonferenz Mitte",
            "west": "Regionalkonferenz West",
        },
        "involved": ["nord|sued|mitte|west"],
        "active": ["nord|sued|mitte|west", "working-groups"],
        "invited": ["nord|sued|mitte|west"],
        "moments": ["stakeholder-analysis", "west", -30],
    },
    "eichenwald": {
        "domain": "eichenwald.example",
        "phone": "07000 003",
        "coordinator": "integration@eichenwald.example",
        "facilitator": "demir",
        "aliases": {"world-cafe": "World Café", "elterncafe": "Elterncafé"},
        "involved": ["world-cafe"],
        "active": ["world-cafe", "working-groups"],
        "invited": ["working-groups"],
        "moments": ["stakeholder-analysis", "world-cafe", -20],
    },
    "weilerbronn": {
        "domain": "weilerbronn.example",
        "phone": "07000 004",
        "coordinator": "chancengleichheit@weilerbronn.example",
        "facilitator": "demir",
        "aliases": {"dialogabend": "Dialogabend"},
        "involved": ["stakeholder-analysis"],
        "active": ["stakeholder-analysis", "steering-group"],
        "invited": ["dialogabend"],
        "upcoming": ["dialogabend"],
        "moments": ["stakeholder-analysis", -25, -6],
    },
}

SILENT_MOTHERS = "junge Mütter mit Fluchtgeschichte"
SILENT_ELDERS = "ältere Migrant*innen der ersten Generation"
SILENT_SEASONAL = "Saisonarbeitskräfte"

NECKARBRUECK = [
    # --- migrant organisations: nine, as the stakeholder workshop counted --------------
    org(
        "migrant-organisations",
        "Türkisch-Deutscher Kulturverein Neckarbrück e. V.",
        ACTIVE,
        "4/4 4/5",
        person(
            "Ayşe Korkmaz",
            ACTIVE,
            "4/5",
            role="Vorsitzende, Mitglied der Steuerungsgruppe",
            languages=langs(DE, TR),
            is_key_person=True,
            blocks=["steering-group", "zukunftswerkstatt", "fest", "working-groups"],
        ),
        email="vorstand@tdkv-neckarbrueck.example",
        languages=langs(DE, TR),
        address="Weststadtring 14, Neckarbrück",
        blocks=["steering-group", "zukunftswerkstatt", "fest", "working-groups"],
        notes="Hausaufgabenhilfe und Frauenfrühstück; Räume für Treffen der AG Begegnung.",
    ),
    org(
        "migrant-organisations",
        "Afrika-Forum Neckarbrück e. V.",
        ACTIVE,
        "3/5 4/5",
        person(
            "Grace Mensah",
            ACTIVE,
            "3/5 4/5",
            role="Sprecherin",
            languages=langs(DE, EN, FR),
            is_key_person=True,
            blocks=["steering-group", "zukunftswerkstatt", "fest", "working-groups"],
            notes="Stellt beim 2. Netzwerktreffen die Engagementgeschichte vom Stadtteilfest vor.",
        ),
        email="info@afrika-forum-neckarbrueck.example",
        languages=langs(DE, EN, FR, TI),
        blocks=["steering-group", "zukunftswerkstatt", "fest"],
    ),
    org(
        "migrant-organisations",
        "Deutsch-Syrischer Elternverein Neckarbrück",
        INVOLVED,
        "2/4 2/5",
        person(
            "Rania Haddad",
            ACTIVE,
            "2/5",
            role="Vorsitzende, Elternlotsin",
            languages=langs(DE, AR, EN),
            is_key_person=True,
        ),
        languages=langs(DE, AR),
        notes="Aus dem Projekt „Sprachbrücke“; Elternabende auf Arabisch.",
    ),
    org(
        "migrant-organisations",
        "Deutsch-Syrischer Kulturverein Neckarbrück",
        INVITED,
        "2/3",
        languages=langs(AR, DE, KU),
        notes="Neu gegründet; Kontakt über den Elternverein.",
    ),
    org(
        "migrant-organisations",
        "Kurdisches Gemeinschaftszentrum Neckarbrück",
        KNOWN,
        "2/3",
        languages=langs(KU, TR, AR, DE),
        notes="Bisher kein Kontakt zur Stadtverwaltung; Gespräch über den Integrationsbeirat anbahnen.",
    ),
    org(
        "migrant-organisations",
        "Russischsprachiger Kulturverein „Most“",
        INVOLVED,
        "2/4",
        person(
            "Irina Becker",
            INVOLVED,
            "2/4",
            role="Vorsitzende",
            languages=langs(DE, RU),
            is_key_person=True,
            silent_group=SILENT_ELDERS,
            notes="Spätaussiedlerin; erreicht ältere Russlanddeutsche, die seit den "
            "1990ern hier leben, und bringt deren Erfahrungen mit dem Ankommen ein.",
        ),
        languages=langs(RU, DE, UK),
    ),
    org(
        "migrant-organisations",
        "Ukrainischer Verein „Kalyna“ Neckarbrück",
        INVOLVED,
        "2/4 2/5",
        languages=langs(UK, RU, DE),
        notes="Samstagsschule und Beratung für Geflüchtete aus der Ukraine.",
    ),
    org(
        "migrant-organisations",
        "Rumänischer Kulturverein „Dacia“",
        KNOWN,
        "1/3",
        languages=langs(RO, DE),
        notes="Viele Mitglieder arbeiten im Schichtdienst in der Logistik.",
    ),
    org(
        "migrant-organisations",
        "Eritreische Gemeinschaft Neckarbrück",
        INVITED,
        "1/3 1/4",
        person(
            "Tsega Haile",
            INVITED,
            "1/4",
            role="Ansprechperson der Frauengruppe",
            languages=langs(TI, EN, DE),
            is_key_person=True,
            silent_group="Frauen aus der eritreischen Community",
            notes="Zum Open Space eingeladen; wünscht Dolmetschen Tigrinya und Kinderbetreuung.",
        ),
        languages=langs(TI, EN),
        silent_group="Frauen aus der eritreischen Community",
    ),
    # --- integration council ---------------------------------------------------------
    org(
        "integration-council",
        "Integrationsbeirat der Stadt Neckarbrück",
        ACTIVE,
        "3/5 4/5",
        person(
            "Dr. Hakan Aydın",
            ACTIVE,
            "3/5 4/5",
            role="Vorsitzender, Mitglied der Steuerungsgruppe",
            languages=langs(DE, TR, EN),
            is_key_person=True,
            blocks=["kickoff", "steering-group", "zukunftswerkstatt", "working-groups"],
        ),
        person(
            "Olena Kovalenko",
            ACTIVE,
            "2/5",
            role="Stellvertretende Vorsitzende, Mitglied der Steuerungsgruppe",
            languages=langs(DE, UK, RU),
            blocks=["steering-group", "zukunftswerkstatt", "working-groups"],
        ),
        email="integrationsbeirat@neckarbrueck.example",
        blocks=["steering-group", "zukunftswerkstatt", "working-groups"],
        notes="15 Mitglieder; tagt sechsmal im Jahr. Wird in der Verwaltung bisher wenig "
        "wahrgenommen.",
    ),
    # --- volunteers ------------------------------------------------------------------
    org(
        "volunteer-groups",
        "Freundeskreis Asyl Neckarbrück",
        ACTIVE,
        "3/5 4/5",
        person(
            "Gisela Brandt",
            ACTIVE,
            "3/5",
            role="Sprecherin",
            email="vorsitz@freundeskreis-asyl-neckarbrueck.example",
            languages=langs(DE, EN),
            is_key_person=True,
        ),
        email="vorsitz@freundeskreis-asyl-neckarbrueck.example",
        website="https://www.freundeskreis-asyl-neckarbrueck.example",
        languages=langs(DE, EN, AR, FA),
        notes="Seit 2015 aktiv; von über 120 auf rund 40 Aktive geschrumpft. Sucht Nachwuchs.",
    ),
    org(
        "volunteer-groups",
        "Sprachpatenschaften Weststadt",
        INVOLVED,
        "1/5",
        languages=langs(DE, EN),
        notes="Rund 25 Tandems; trifft sich im Gemeindezentrum Weststadt.",
    ),
    # --- welfare ---------------------------------------------------------------------
    org(
        "welfare",
        "Caritas-Zentrum Neckarbrück – Migrationsberatung",
        ACTIVE,
        "4/5",
        person(
            "Markus Lehner",
            ACTIVE,
            "3/5",
            role="Migrationsberatung für Erwachsene, Steuerungsgruppe",
            languages=langs(DE, EN),
            blocks=["steering-group", "zukunftswerkstatt", "working-groups"],
        ),
        languages=langs(DE, EN, AR, FA),
        blocks=["steering-group", "zukunftswerkstatt", "working-groups"],
    ),
    org(
        "welfare",
        "Diakonisches Werk Neckarbrück",
        ACTIVE,
        "4/4 4/5",
        languages=langs(DE, EN, RU),
        blocks=["steering-group", "zukunftswerkstatt"],
        notes="Jugendmigrationsdienst und Schuldnerberatung.",
    ),
    org("welfare", "AWO Ortsverein Neckarbrück", INVOLVED, "2/4", languages=langs(DE, TR)),
    # --- churches and religious communities ---------------------------------------------
    org(
        "religious",
        "Evangelische Kirchengemeinde Neckarbrück-Weststadt",
        INVOLVED,
        "3/4",
        person(
            "Pfarrerin Johanna Seeger",
            INVOLVED,
            "2/5",
            languages=langs(DE, EN),
            is_key_person=True,
        ),
    ),
    org(
        "religious",
        "Katholische Seelsorgeeinheit Neckarbrück",
        INVITED,
        "3/3",
        languages=langs(DE, HR, PL),
    ),
    org(
        "religious",
        "Türkisch-Islamische Gemeinde Neckarbrück",
        INVOLVED,
        "3/3 3/4",
        person(
            "Mehmet Arslan",
            INVOLVED,
            "2/4",
            role="Vorstand, Jugendarbeit",
            languages=langs(TR, DE),
            is_key_person=True,
        ),
        languages=langs(TR, DE),
        notes="Zu aktivieren: großes Netz, bisher wenig sichtbar. Mit am Projekt „Sprachbrücke“.",
    ),
    org(
        "religious",
        "Islamisches Kulturzentrum Neckarbrück",
        KNOWN,
        "2/3",
        languages=langs(AR, DE, FA),
        notes="Gespräch mit dem Vorstand ist für die aufsuchenden Gespräche angefragt.",
    ),
    # --- trade unions: the open gap ----------------------------------------------------
    org(
        "unions",
        "DGB-Ortsverband Neckarbrück",
        KNOWN,
        "2/3",
        notes="Noch nicht angesprochen; Ansprechperson für Migration erfragen.",
    ),
    org(
        "unions",
        "IG Metall – Vertrauensleute im Gewerbegebiet Hagenbühl",
        KNOWN,
        "",
        languages=langs(DE, TR, RO),
        silent_group="Beschäftigte im Schichtdienst",
        notes="Könnte Beschäftigte im Schichtdienst erreichen, die zu keiner Veranstaltung kommen.",
    ),
    # --- employment administration -------------------------------------------------------
    org(
        "employment",
        "Agentur für Arbeit – Geschäftsstelle Neckarbrück",
        ACTIVE,
        "4/4",
        person(
            "Stefan Roth",
            ACTIVE,
            "3/4",
            role="Teamleitung Arbeitsvermittlung, Steuerungsgruppe",
            blocks=["steering-group", "working-groups"],
        ),
        blocks=["steering-group", "working-groups"],
    ),
    org(
        "employment",
        "Jobcenter Landkreis Kochertal – Standort Neckarbrück",
        INVOLVED,
        "4/3 4/4",
        person(
            "Natalia Weber",
            INVOLVED,
            "2/5",
            role="Integrationsfachkraft",
            languages=langs(DE, RU, UK),
        ),
        languages=langs(DE, EN),
    ),
    # --- education -----------------------------------------------------------------------
    org(
        "education",
        "Staatliches Schulamt – Außenstelle Neckarbrück",
        ACTIVE,
        "4/4",
        blocks=["steering-group", "working-groups"],
    ),
    org(
        "education",
        "Volkshochschule Neckarbrück",
        ACTIVE,
        "3/5",
        email="integrationskurse@vhs-neckarbrueck.example",
        languages=langs(DE, EN, AR, TR, UK),
        notes="Integrations- und Berufssprachkurse; Partner im Projekt „Sprachbrücke“.",
    ),
    org(
        "education",
        "Grundschule Weststadt",
        INVOLVED,
        "2/4",
        person(
            "Sandra Klein",
            ACTIVE,
            "2/5",
            role="Schulsozialarbeiterin",
            languages=langs(DE, EN),
            is_key_person=True,
        ),
    ),
    org("education", "Gemeinschaftsschule am Neckar", INVITED, "2/3"),
    org(
        "education",
        "Kita Regenbogen",
        INVOLVED,
        "1/4",
        languages=langs(DE, TR, AR),
        notes="Elterncafé jeden Freitag; Kontakt zu Müttern aus der Gemeinschaftsunterkunft.",
    ),
    org(
        "education",
        "Gesamtelternbeirat der Neckarbrücker Schulen",
        INVOLVED,
        "2/3 2/4",
        notes="Zu aktivieren: Elternbeiräte aus der Weststadt für die AG Bildung gewinnen.",
    ),
    # --- chambers and business ---------------------------------------------------------------
    org(
        "business",
        "IHK Kochertal – Geschäftsstelle Neckarbrück",
        INVOLVED,
        "3/3 3/4",
        blocks=["working-groups"],
        notes="In der AG Arbeit und Ausbildung; sucht mit uns Betriebe aus Hagenbühl.",
    ),
    org("business", "Kreishandwerkerschaft Kochertal", INVITED, "3/3"),
    org(
        "business",
        "Gewerbeverein Neckarbrück",
        KNOWN,
        "3/2",
        notes="Zu informieren; hält das Thema für „Sache der Stadt“.",
    ),
    org(
        "business",
        "Städtische Wohnbau Neckarbrück GmbH",
        KNOWN,
        "4/2 4/3",
        notes="Zu informieren: Belegung in der Weststadt, Konflikte in zwei Wohnanlagen.",
    ),
    # --- further civil society ---------------------------------------------------------------
    org(
        "civil-society",
        "Stadtjugendring Neckarbrück",
        ACTIVE,
        "3/5",
        blocks=["steering-group", "zukunftswerkstatt", "fest", "working-groups"],
    ),
    org(
        "civil-society",
        "TSV Neckarbrück 1862",
        INVOLVED,
        "3/3 3/4",
        person(
            "Andreas Vogt",
            INVOLVED,
            "2/4",
            role="Jugendleiter Fußball",
            is_key_person=True,
            notes="Schnuppermitgliedschaft aus der Zukunftswerkstatt ausprobiert.",
        ),
        notes="Zu aktivieren; Idee Schnuppermitgliedschaft für Neuzugezogene.",
    ),
    org("civil-society", "SV Weststadt 1921", INVITED, "2/3", languages=langs(DE, TR)),
    org(
        "civil-society",
        "Jugendhaus Weststadt",
        INVOLVED,
        "2/4",
        person(
            "Kemal Öztürk",
            INVOLVED,
            "1/5",
            role="Jugendreferent",
            languages=langs(DE, TR, KU),
            is_key_person=True,
            silent_group="Jugendliche mit Migrationsgeschichte",
        ),
        silent_group="Jugendliche mit Migrationsgeschichte",
        notes="Jugendliche waren in der Zukunftswerkstatt kaum vertreten; Gespräch angefragt.",
    ),
    org(
        "civil-society",
        "Familienzentrum Weststadt – Müttertreff",
        INVOLVED,
        "1/4",
        silent_group=SILENT_MOTHERS,
        languages=langs(DE, AR, FA, TI),
        blocks=["fest"],
        notes="Treffen mit Kinderbetreuung; erreicht Mütter, die zu keiner Abendveranstaltung kommen.",
    ),
    org(
        "civil-society",
        "Erzählcafé „Angekommen“",
        INVOLVED,
        "1/5",
        silent_group=SILENT_ELDERS,
        languages=langs(DE, TR, IT, RU),
        notes="Vertriebene, „Gastarbeiter*innen“ und Spätaussiedler*innen erzählen vom "
        "Ankommen nach 1945; ihre Erfahrungen fließen in die AG Begegnung ein.",
    ),
    org("civil-society", "Stadtseniorenrat Neckarbrück", KNOWN, "2/3"),
    # --- administration --------------------------------------------------------------------
    org(
        "administration",
        "Amt für Bildung, Soziales und Sport",
        ACTIVE,
        "4/5",
        email="bildung-soziales@neckarbrueck.example",
        blocks=["kickoff", "steering-group", "zukunftswerkstatt", "working-groups"],
    ),
    org(
        "administration",
        "Ausländerbehörde Neckarbrück",
        INVOLVED,
        "4/2 4/3 4/4",
        person(
            "Thomas Kern",
            INVOLVED,
            "4/2 4/3 4/4",
            role="Leiter der Ausländerbehörde",
            why=[
                "Nach der Zukunftswerkstatt offen für Gespräche über Wartezeiten.",
                "Arbeitet in der AG Information und Verwaltung mit; schlägt Terminvergabe online vor.",
            ],
            blocks=["zukunftswerkstatt", "working-groups"],
        ),
        email="auslaenderbehoerde@neckarbrueck.example",
        why=[
            "Kritik an langen Wartezeiten in der Zukunftswerkstatt angenommen.",
            "Beteiligt sich an der AG Information und Verwaltung.",
        ],
    ),
    org(
        "administration",
        "Personalamt Neckarbrück",
        INVITED,
        "3/3",
        email="personalamt@neckarbrueck.example",
        notes="Interkulturelle Fortbildung für das Bürgerbüro (Ergebnis des Selbstchecks).",
    ),
    org(
        "administration",
        "Stadtplanung – Quartiersmanagement Weststadt",
        ACTIVE,
        "3/5",
        email="quartier-weststadt@neckarbrueck.example",
        blocks=["zukunftswerkstatt", "fest", "working-groups"],
    ),
    org(
        "administration",
        "Bürgerbüro Neckarbrück",
        INVOLVED,
        "2/3 2/4",
        email="buergerbuero@neckarbrueck.example",
        blocks=["self-check"],
    ),
    # --- politics ----------------------------------------------------------------------------
    person(
        "Oberbürgermeisterin Dr. Renate Feldmann",
        ACTIVE,
        "5/5",
        category="politics",
        email="ob@neckarbrueck.example",
        is_key_person=True,
        blocks=["kickoff", "steering-group", "zukunftswerkstatt"],
    ),
    org(
        "politics",
        "Fraktion Unabhängige Bürger Neckarbrück",
        KNOWN,
        "4/1 4/2",
        notes="Hält ein weiteres Konzept für überflüssig; früh einbinden, Bedenken ernst nehmen.",
        why=["Nach Gespräch mit der OB: Fraktion will den Entwurf im Sozialausschuss prüfen."],
    ),
    org(
        "politics",
        "Fraktion Bürgerliste Neckarbrück",
        INVOLVED,
        "4/3",
        person(
            "Klaus Hertle",
            ACTIVE,
            "4/2 4/3 4/4",
            role="Stadtrat, Vorsitzender des Sozialausschusses",
            why=[
                "In der Steuerungsgruppe: will messbare Ziele statt eines Papiers.",
                "Nach der Zukunftswerkstatt überzeugt; wirbt in der Fraktion für den Prozess.",
            ],
            at=[0, 1, 2],
            blocks=["steering-group", "zukunftswerkstatt"],
            notes="Anfangs skeptisch („noch ein Konzept“), inzwischen Fürsprecher im Rat.",
        ),
    ),
    org(
        "politics",
        "Fraktion Grüne Liste Neckarbrück",
        INVOLVED,
        "3/5",
        person("Miriam Schick", INVOLVED, "2/5", role="Stadträtin"),
    ),
    org("politics", "Fraktion Soziale Mitte", INVITED, "3/4"),
    # --- residents ---------------------------------------------------------------------------
    person(
        "Hatice Demirci",
        INVOLVED,
        "1/5",
        category="residents",
        languages=langs(DE, TR),
        is_key_person=True,
        silent_group=SILENT_ELDERS,
        notes="Kam 1972 zum Arbeiten nach Neckarbrück; erzählt im Erzählcafé und erreicht "
        "ältere Frauen der ersten Generation.",
    ),
    person(
        "Mahmoud Al-Khatib",
        ACTIVE,
        "1/5 2/5",
        category="residents",
        languages=langs(AR, DE, EN),
        is_key_person=True,
        notes="Seit 2016 in Neckarbrück, ehrenamtlicher Sprachmittler; in der AG Information.",
    ),
    person(
        "Dragan Petrović",
        KNOWN,
        "1/3",
        category="residents",
        languages=langs(BS, HR, DE),
        silent_group="Beschäftigte im Schichtdienst",
        notes="Schichtarbeiter im Gewerbegebiet Hagenbühl; Kontakt über den SV Weststadt.",
    ),
    person(
        "Amira Saleh",
        INVITED,
        "1/4",
        category="residents",
        languages=langs(AR, DE),
        silent_group=SILENT_MOTHERS,
        notes="Aus dem Müttertreff; zum Open Space eingeladen, Kinderbetreuung zugesagt.",
    ),
    # Met at the Stadtteilfest after the analysis: signed up for working groups.
    person(
        "Jamal Rahimi",
        ACTIVE,
        "1/5",
        category="residents",
        since=2,
        languages=langs(FA, DE),
        blocks=["fest", "working-groups"],
        notes="Beim Stadtteilfest für die AG Begegnung gemeldet; bisher in keinem Verein.",
    ),
    person(
        "Sofia Lungu",
        INVOLVED,
        "1/4",
        category="residents",
        since=2,
        languages=langs(RO, DE, EN),
        blocks=["fest"],
        notes="Pflegefachkraft, beim Stadtteilfest für die AG Arbeit gemeldet.",
    ),
    person(
        "Bernd Auer",
        ACTIVE,
        "1/4",
        category="residents",
        since=2,
        blocks=["fest", "working-groups"],
        notes="Nachbar aus der Weststadt; organisiert das nächste Hoffest mit.",
    ),
    org(
        "business",
        "Logistikzentrum Hagenbühl GmbH",
        KNOWN,
        "",
        since=3,
        notes="Großer Arbeitgeber im Gewerbegebiet, viele Beschäftigte im Schichtdienst; "
        "noch nicht eingeschätzt.",
    ),
]

LINDENAU_EXPERT = (
    "Als Expert*in eingeladen: In Lindenau gibt es keine Migrant*innen-Organisation, "
    "deshalb wirken engagierte Migrant*innen persönlich mit."
)

LINDENAU = [
    # No migrant organisation exists in Lindenau: civically active migrants take part
    # as experts (category residents).
    person(
        "Khaled Mansour",
        ACTIVE,
        "1/5 2/5",
        category="residents",
        languages=langs(AR, DE, EN),
        is_key_person=True,
        blocks=["kickoff", "stakeholder-analysis", "self-check"],
        invited=["steering-group"],
        notes=LINDENAU_EXPERT + " Hat beim Dorffest den Kuchenstand organisiert.",
    ),
    person(
        "Zarifa Noori",
        INVOLVED,
        "1/4",
        category="residents",
        languages=langs(FA, DE),
        is_key_person=True,
        silent_group=SILENT_MOTHERS,
        invited=["steering-group"],
        notes=LINDENAU_EXPERT,
    ),
    person(
        "Yonas Tesfay",
        INVOLVED,
        "1/4",
        category="residents",
        languages=langs(TI, EN, DE),
        notes=LINDENAU_EXPERT + " Spielt im offenen Fußballtraining des TSV.",
    ),
    person(
        "Oksana Melnyk",
        INVOLVED,
        "1/5",
        category="residents",
        languages=langs(UK, RU, DE),
        notes=LINDENAU_EXPERT,
    ),
    person(
        "Rojin Yıldız",
        INVOLVED,
        "1/4",
        category="residents",
        languages=langs(KU, TR, DE),
        notes=LINDENAU_EXPERT,
    ),
    person(
        "Hanan Omar",
        KNOWN,
        "1/3",
        category="residents",
        silent_group="Frauen aus der Gemeinschaftsunterkunft",
        languages=langs(AR, TI),
        notes="Lebt in der Gemeinschaftsunterkunft; die Frauen dort haben wir bisher nicht "
        "erreicht. Zugang über die Sozialbetreuung und Frau Noori.",
    ),
    org(
        "volunteer-groups",
        "Helferkreis Lindenau",
        ACTIVE,
        "3/5",
        person(
            "Renate Fischer",
            ACTIVE,
            "3/5",
            role="Sprecherin",
            is_key_person=True,
            blocks=["kickoff", "stakeholder-analysis", "self-check"],
            invited=["steering-group"],
        ),
        email="sprecherin@helferkreis-lindenau.example",
        notes="Kerngruppe von zwölf Personen, erschöpft; sucht jüngere Mitstreiter*innen.",
    ),
    org(
        "volunteer-groups",
        "Deutschtreff im Gemeindehaus",
        INVOLVED,
        "1/5",
        languages=langs(DE, AR, FA, UK),
    ),
    org(
        "volunteer-groups",
        "Arbeitskreis Asyl der Kirchengemeinden",
        INVOLVED,
        "2/4",
    ),
    org(
        "welfare",
        "Diakonie – Sozialbetreuung Gemeinschaftsunterkunft Lindenau",
        INVOLVED,
        "2/4",
        person("Martina Graf", INVOLVED, "2/5", role="Sozialbetreuerin", languages=langs(DE, EN)),
        languages=langs(DE, EN, AR),
    ),
    org("welfare", "Caritas Kochertal – Migrationsberatung", KNOWN, "2/4"),
    org(
        "religious",
        "Evangelische Kirchengemeinde Lindenau",
        INVOLVED,
        "3/4",
        person(
            "Pfarrerin Susanne Albrecht",
            INVOLVED,
            "3/5",
            is_key_person=True,
            invited=["steering-group"],
        ),
    ),
    org("religious", "Katholische Kirchengemeinde St. Martin Lindenau", INVOLVED, "2/4"),
    org(
        "employment",
        "Jobcenter Landkreis Kochertal",
        INVITED,
        "3/3",
        notes="Eingeladen zum Begegnungsnachmittag; Sprechstunde im Rathaus angefragt.",
    ),
    org("employment", "Agentur für Arbeit Kochertal", KNOWN, "3/3"),
    org("education", "Grundschule Lindenau", INVOLVED, "2/4"),
    org(
        "education",
        "Kindergarten Kastanienweg",
        INVOLVED,
        "2/4",
        blocks=["stakeholder-analysis", "self-check"],
        notes="Hat den Fragebogen des Selbstchecks ausgefüllt.",
    ),
    org(
        "business",
        "Gewerbeverein Lindenau",
        KNOWN,
        "2/3",
        notes="Wer fehlt noch? Die Betriebe im Ort – Gespräch beim Stammtisch anbieten.",
    ),
    org(
        "business",
        "Obsthof Hägele",
        KNOWN,
        "1/3",
        silent_group=SILENT_SEASONAL,
        languages=langs(DE, RO, PL),
        notes="Beschäftigt jeden Sommer rund 40 Saisonarbeitskräfte aus Rumänien und Polen.",
    ),
    org("business", "Schreinerei Bauer", KNOWN, "1/4", notes="Bildet einen Geflüchteten aus."),
    org(
        "civil-society",
        "TSV Lindenau",
        INVOLVED,
        "2/4",
        person(
            "Jürgen Maurer",
            ACTIVE,
            "2/5",
            role="Trainer des offenen Fußballtrainings",
            is_key_person=True,
            blocks=["stakeholder-analysis", "self-check"],
        ),
        invited=["steering-group"],
    ),
    org("civil-society", "Musikverein Lindenau", INVOLVED, "2/3"),
    org("civil-society", "Landfrauen Lindenau", INVITED, "1/3 1/4"),
    org("civil-society", "Freiwillige Feuerwehr Lindenau", KNOWN, "2/3"),
    org(
        "administration",
        "Integrationsmanagement des Landratsamts Kochertal",
        ACTIVE,
        "3/5",
        person("Selin Kaya", ACTIVE, "2/5", role="Integrationsmanagerin", languages=langs(DE, TR)),
        notes="Sprechstunde im Rathaus jeden zweiten Donnerstag.",
    ),
    org(
        "administration",
        "Bauamt Lindenau",
        INVOLVED,
        "3/3",
        blocks=["self-check"],
        email="bauamt@lindenau.example",
    ),
    org(
        "administration",
        "Kämmerei Lindenau",
        INVOLVED,
        "3/2 3/3",
        blocks=["self-check"],
        email="kaemmerei@lindenau.example",
        why=["Nach dem Fragebogen: Mittel für den Begegnungsnachmittag im Haushalt vorgemerkt."],
    ),
    person(
        "Bürgermeister Frank Riedel",
        ACTIVE,
        "5/4 5/5",
        category="politics",
        email="buergermeister@lindenau.example",
        is_key_person=True,
        blocks=["kickoff", "stakeholder-analysis"],
        invited=["steering-group"],
    ),
    person(
        "Erwin Schäfer",
        INVITED,
        "4/2 4/3 4/4",
        category="politics",
        role="Gemeinderat, Freie Wählervereinigung Lindenau",
        why=[
            "Nach dem Gespräch mit dem Helferkreis: Nachwuchs im Ehrenamt ist auch sein Thema.",
            "Hat zugesagt, in der Steuerungsgruppe mitzuarbeiten.",
        ],
        invited=["steering-group"],
        notes="Anfangs skeptisch („die Integration läuft doch“), inzwischen Unterstützer.",
    ),
    person(
        "Petra Wagner",
        INVITED,
        "3/4",
        category="politics",
        role="Gemeinderätin, Bürgerliste Lindenau",
        invited=["steering-group"],
    ),
]

KOCHERTAL = [
    org(
        "integration-council",
        "Kreisintegrationsforum Kochertal",
        ACTIVE,
        "3/5",
        person(
            "Nermin Hadžić",
            ACTIVE,
            "3/5",
            role="Sprecherin",
            languages=langs(DE, BS, EN),
            is_key_person=True,
            blocks=["steering-group", "mitte", "working-groups"],
        ),
        blocks=["steering-group", "mitte", "working-groups"],
    ),
    org(
        "migrant-organisations",
        "Deutsch-Türkischer Freundeskreis Kochertal",
        INVITED,
        "2/4",
        languages=langs(TR, DE),
    ),
    org(
        "migrant-organisations",
        "Afghanischer Kulturverein Kochertal",
        INVITED,
        "1/4",
        languages=langs(FA, DE),
    ),
    org(
        "migrant-organisations",
        "Ukrainische Gemeinschaft im Kochertal",
        INVITED,
        "1/3 1/4",
        languages=langs(UK, RU, DE),
    ),
    org(
        "migrant-organisations",
        "Verein syrischer Akademiker*innen Kochertal",
        KNOWN,
        "1/4",
        languages=langs(AR, EN, DE),
        notes="Größte Lücke laut Selbstcheck: Zusammenarbeit mit Migrant*innen-Organisationen.",
    ),
    org(
        "volunteer-groups",
        "Netzwerk der Helferkreise im Kochertal",
        ACTIVE,
        "3/5",
        person("Ursula Bechtle", ACTIVE, "2/5", role="Koordinatorin", is_key_person=True),
        notes="23 Helferkreise; die kleineren Gemeinden ohne Helferkreis fehlen noch.",
    ),
    org("volunteer-groups", "Helferkreis Mühltal", INVOLVED, "1/5"),
    org("volunteer-groups", "Freundeskreis Asyl Obersulm", INVOLVED, "1/4"),
    org("welfare", "Caritasverband Kochertal", ACTIVE, "4/5", blocks=["steering-group", "sued"]),
    org(
        "welfare",
        "Kreisdiakonieverband Kochertal",
        ACTIVE,
        "4/4",
        blocks=["steering-group", "nord", "working-groups"],
    ),
    org("welfare", "AWO Kreisverband Kochertal", INVOLVED, "3/4"),
    org("welfare", "DRK-Kreisverband Kochertal", INVOLVED, "3/3 3/4"),
    org("religious", "Evangelisches Dekanat Kochertal", INVOLVED, "3/4"),
    org("religious", "Katholisches Dekanat Kochertal", INVITED, "3/4"),
    org(
        "religious",
        "Rat der Religionen im Kochertal",
        INVOLVED,
        "2/5",
        languages=langs(DE, TR, AR),
    ),
    org(
        "unions",
        "DGB-Kreisverband Kochertal",
        INVOLVED,
        "2/4",
        person("Holger Wenzel", INVOLVED, "2/4", role="Kreisvorsitzender"),
    ),
    org(
        "employment",
        "Jobcenter Landkreis Kochertal",
        ACTIVE,
        "4/4",
        blocks=["steering-group", "west", "working-groups"],
    ),
    org("employment", "Agentur für Arbeit Kochertal", ACTIVE, "4/4", blocks=["steering-group"]),
    org("education", "Volkshochschule Kochertal", ACTIVE, "3/5", blocks=["nord", "working-groups"]),
    org("education", "Staatliches Schulamt Kochertal", INVOLVED, "4/3 4/4"),
    org(
        "education",
        "Berufsschulzentrum Kochertal",
        INVOLVED,
        "3/4",
        notes="VABO-Klassen für neu zugewanderte Jugendliche.",
    ),
    org(
        "education",
        "Hochschule für angewandte Wissenschaften Kochertal",
        KNOWN,
        "2/4",
    ),
    org(
        "business",
        "IHK Kochertal",
        INVITED,
        "4/3",
        notes="Wer fehlt noch? Die Betriebe; IHK zur Lenkungsgruppe eingeladen.",
    ),
    org("business", "Kreishandwerkerschaft Kochertal", KNOWN, "3/3"),
    org(
        "business",
        "Kreisbauernverband Kochertal",
        KNOWN,
        "3/2",
        silent_group=SILENT_SEASONAL,
        notes="Saisonarbeitskräfte im Obst- und Weinbau werden bisher nicht erreicht.",
    ),
    org("civil-society", "Kreisjugendring Kochertal", ACTIVE, "3/5"),
    org("civil-society", "Sportkreis Kochertal", INVOLVED, "3/3 3/4"),
    org("civil-society", "Selbsthilfekontaktstelle Kochertal", INVITED, "1/4"),
    org(
        "civil-society",
        "Seniorenbüro Kochertal – Erzählcafé",
        INVOLVED,
        "1/5",
        silent_group=SILENT_ELDERS,
        notes="Zeitzeug*innen aus Flucht und Vertreibung nach 1945 und der ersten "
        "„Gastarbeiter“-Generation im Gespräch.",
    ),
    person(
        "Landrat Bernd Kessler",
        ACTIVE,
        "5/4 5/5",
        category="politics",
        email="landrat@lk-kochertal.example",
        is_key_person=True,
        blocks=["kickoff", "steering-group", "nord"],
    ),
    org(
        "politics",
        "Sozialausschuss des Kreistags",
        INVOLVED,
        "4/3 4/4",
        blocks=["mitte"],
    ),
    person(
        "Bürgermeisterin Heike Sauter (Mühltal)",
        ACTIVE,
        "3/4",
        category="politics",
        blocks=["steering-group", "sued"],
    ),
    person(
        "Bürgermeister Rolf Baumann (Obersulm)",
        INVOLVED,
        "3/2 3/3",
        category="politics",
        blocks=["west"],
        why=["Nach der Regionalkonferenz West offen für einen Helferkreis in Obersulm."],
    ),
    person(
        "Bürgermeister Uwe Kienle (Tiefenbach)",
        KNOWN,
        "3/2",
        category="politics",
        notes="Kleine Gemeinde ohne Helferkreis; nicht zur Regionalkonferenz gekommen.",
    ),
    org(
        "administration",
        "Sozialdezernat des Landratsamts",
        ACTIVE,
        "5/5",
        person(
            "Dr. Claudia Renz",
            ACTIVE,
            "5/5",
            role="Sozialdezernentin",
            blocks=["kickoff", "steering-group", "working-groups"],
        ),
        blocks=["kickoff", "steering-group", "working-groups"],
    ),
    org(
        "administration",
        "Ausländerbehörde des Landratsamts",
        INVOLVED,
        "4/2 4/3",
        email="auslaenderbehoerde@lk-kochertal.example",
        blocks=["working-groups"],
    ),
    org("administration", "Jugendamt Kochertal", INVOLVED, "3/4"),
    org("administration", "Gesundheitsamt Kochertal", INVITED, "3/3"),
    org(
        "administration",
        "Amt für Nahverkehr und Mobilität",
        INVOLVED,
        "3/3",
        notes="Mobilität im ländlichen Raum: Busanbindung zu Sprachkursen.",
    ),
    org(
        "administration",
        "Personalamt des Landratsamts",
        KNOWN,
        "3/3",
        email="personalamt@lk-kochertal.example",
    ),
    person(
        "Gökhan Yavuz",
        ACTIVE,
        "1/5",
        category="residents",
        languages=langs(TR, DE),
        is_key_person=True,
        blocks=["sued", "working-groups"],
        notes="Ehrenamtlicher Sprachmittler in der Raumschaft Süd.",
    ),
    person(
        "Larysa Bondarenko",
        INVOLVED,
        "1/4",
        category="residents",
        languages=langs(UK, RU, DE),
        blocks=["mitte"],
    ),
    person(
        "Ahmad Karimi",
        INVOLVED,
        "1/4",
        category="residents",
        languages=langs(FA, DE),
        blocks=["west"],
    ),
]

EICHENWALD = [
    org(
        "migrant-organisations",
        "Kulturverein Balkanbrücke Eichenwald",
        ACTIVE,
        "2/5 3/5",
        person(
            "Amela Begić",
            ACTIVE,
            "2/5",
            role="Vorsitzende, Vorleserin im Elterncafé",
            languages=langs(BS, HR, DE),
            is_key_person=True,
            blocks=["world-cafe", "elterncafe", "working-groups"],
        ),
        languages=langs(BS, HR, DE),
        blocks=["steering-group", "world-cafe", "working-groups"],
    ),
    org(
        "migrant-organisations",
        "Türkischer Elternverein Eichenwald",
        KNOWN,
        "2/3",
        languages=langs(TR, DE),
        notes="Wer fehlt noch? Die Kulturvereine außer der Balkanbrücke.",
    ),
    org(
        "migrant-organisations",
        "Arabischer Familienverein Eichenwald",
        INVITED,
        "1/4",
        languages=langs(AR, DE),
    ),
    org("volunteer-groups", "Helferkreis Eichenwald", ACTIVE, "2/5"),
    org(
        "volunteer-groups",
        "Elternbegleiter*innen an den Grundschulen",
        ACTIVE,
        "2/5",
        person(
            "Fatma Yılmaz",
            ACTIVE,
            "1/5",
            role="Elternbegleiterin",
            languages=langs(TR, DE),
            is_key_person=True,
        ),
        person(
            "Hiba Nasser",
            ACTIVE,
            "1/5 2/5",
            role="Elternbegleiterin, organisiert das Elterncafé",
            languages=langs(AR, DE, EN),
            is_key_person=True,
            silent_group=SILENT_MOTHERS,
            blocks=["world-cafe", "elterncafe", "working-groups"],
        ),
        languages=langs(DE, TR, AR, BS),
    ),
    org(
        "volunteer-groups",
        "Lesepat*innen der Stadtbibliothek",
        INVOLVED,
        "1/5",
        blocks=["elterncafe"],
    ),
    org("welfare", "Caritas Kochertal – Familienberatung Eichenwald", ACTIVE, "3/5"),
    org("welfare", "Diakonie – Migrationsberatung Eichenwald", INVOLVED, "3/4"),
    org("welfare", "AWO Kinder- und Familienhilfe", INVITED, "2/4"),
    org("religious", "Evangelische Kirchengemeinde Eichenwald", INVOLVED, "2/4"),
    org("religious", "Katholische Kirchengemeinde St. Josef", KNOWN, "2/3"),
    org(
        "religious",
        "Bosniakische Moscheegemeinde Eichenwald",
        INVITED,
        "2/3 2/4",
        languages=langs(BS, DE),
    ),
    org("employment", "Jobcenter Landkreis Kochertal – Standort Eichenwald", INVOLVED, "3/4"),
    org(
        "employment",
        "Agentur für Arbeit – Berufsberatung",
        KNOWN,
        "3/3",
    ),
    org(
        "education",
        "Familienzentrum Eichenwald",
        ACTIVE,
        "3/5",
        person(
            "Kerstin Lang",
            ACTIVE,
            "3/5",
            role="Leiterin",
            is_key_person=True,
            blocks=["steering-group", "world-cafe", "elterncafe", "working-groups"],
        ),
        blocks=["steering-group", "world-cafe", "elterncafe", "working-groups"],
        languages=langs(DE, EN),
    ),
    org("education", "Kita Sonnenhügel", ACTIVE, "2/5"),
    org("education", "Kita Pusteblume", INVOLVED, "2/4"),
    org("education", "Städtische Kita Am Bach", INVITED, "2/3"),
    org(
        "education",
        "Grundschule Eichenwald-Nord",
        ACTIVE,
        "3/4",
        blocks=["steering-group", "world-cafe", "working-groups"],
    ),
    org("education", "Grundschule Im Gründle", INVOLVED, "2/4"),
    org("education", "Realschule Eichenwald", KNOWN, "2/3"),
    org(
        "education",
        "Stadtbibliothek Eichenwald",
        ACTIVE,
        "2/5",
        blocks=["world-cafe", "elterncafe", "working-groups"],
        notes="Mehrsprachige Medien; Vorlesen auf Arabisch, Bosnisch, Türkisch und Ukrainisch.",
    ),
    org(
        "education",
        "Gesamtelternbeirat der Kitas",
        INVOLVED,
        "2/3 2/4",
    ),
    org("business", "Gewerbe- und Handelsverein Eichenwald", KNOWN, "2/3"),
    org("business", "Baugenossenschaft Eichenwald eG", KNOWN, "3/2"),
    org("civil-society", "SV Eichenwald", INVOLVED, "2/4"),
    org("civil-society", "Jugendtreff Eichenwald", INVITED, "1/4"),
    org("civil-society", "Nachbarschaftstreff Wohngebiet Kelterberg", INVOLVED, "1/5"),
    org(
        "civil-society",
        "Väterkreis (in Gründung)",
        KNOWN,
        "1/4",
        silent_group="Väter",
        notes="Wer fehlt noch? Väter – ein Treffen am Samstagvormittag wird geplant.",
    ),
    org(
        "administration",
        "Amt für Familie, Bildung und Soziales",
        ACTIVE,
        "4/5",
        blocks=["kickoff", "steering-group", "world-cafe", "working-groups"],
    ),
    org("administration", "Bürgerbüro Eichenwald", INVOLVED, "2/3 2/4"),
    org(
        "administration",
        "Kita-Platzvergabe (Hauptamt)",
        INVITED,
        "3/2",
        silent_group="Familien ohne Kita-Platz",
        notes="Familien ohne Kita-Platz erreichen wir bisher nicht.",
    ),
    org("administration", "Ordnungsamt – Ausländerwesen", KNOWN, "3/3"),
    person(
        "Bürgermeisterin Anja Roth",
        ACTIVE,
        "5/5",
        category="politics",
        email="buergermeisterin@eichenwald.example",
        is_key_person=True,
        blocks=["kickoff", "steering-group", "world-cafe"],
    ),
    person(
        "Wolfgang Greiner",
        INVOLVED,
        "4/2 4/3 4/4",
        category="politics",
        role="Stadtrat, Vorsitzender des Verwaltungsausschusses",
        blocks=["world-cafe"],
        why=[
            "Im World Café: „Eltern sind der richtige Zugang.“",
            "Unterstützt den Haushaltsantrag für das Elterncafé.",
        ],
    ),
    person("Sabine Hörner", INVOLVED, "3/5", category="politics", role="Stadträtin"),
    person("Manfred Dietz", KNOWN, "3/2", category="politics", role="Stadtrat"),
    person(
        "Tetiana Savchenko",
        ACTIVE,
        "1/5",
        category="residents",
        languages=langs(UK, RU, DE),
        blocks=["world-cafe", "elterncafe", "working-groups"],
        notes="Liest im Elterncafé auf Ukrainisch vor.",
    ),
    person(
        "Nour Al-Hassan",
        INVOLVED,
        "1/4",
        category="residents",
        languages=langs(AR, DE),
        silent_group=SILENT_MOTHERS,
        blocks=["world-cafe", "elterncafe"],
    ),
    person(
        "Elif Şahin",
        ACTIVE,
        "1/5",
        category="residents",
        languages=langs(TR, DE),
        blocks=["world-cafe", "elterncafe", "working-groups"],
        notes="Eine der drei Mütter, die das Elterncafé organisieren.",
    ),
    person(
        "Marco Esposito",
        INVOLVED,
        "1/4",
        category="residents",
        languages=langs(IT, DE),
        silent_group="Väter",
        notes="Einer der wenigen Väter im World Café.",
    ),
    person("Ingrid Haller", INVOLVED, "1/4", category="residents", role="Nachbarin, Kelterberg"),
    person(
        "Dilan Aslan",
        KNOWN,
        "1/3",
        category="residents",
        silent_group="Familien ohne Kita-Platz",
        languages=langs(KU, AR, DE),
        notes="Mutter von zwei Kindern ohne Kita-Platz; Kontakt über die Migrationsberatung.",
    ),
]

WEILERBRONN = [
    org(
        "integration-council",
        "Integrationsbeirat Weilerbronn",
        ACTIVE,
        "3/5",
        person(
            "Priya Nair",
            ACTIVE,
            "3/5",
            role="Vorsitzende",
            languages=langs(EN, HI, DE),
            is_key_person=True,
            blocks=["kickoff", "stakeholder-analysis", "steering-group"],
        ),
        blocks=["kickoff", "stakeholder-analysis", "steering-group"],
    ),
    org(
        "migrant-organisations",
        "Indischer Kulturverein Weilerbronn",
        INVITED,
        "2/4",
        languages=langs(EN, HI, DE),
        notes="Vertretung in der Steuerungsgruppe noch offen.",
        invited=["steering-group"],
    ),
    org(
        "migrant-organisations",
        "Deutsch-Türkischer Verein Weilerbronn",
        INVOLVED,
        "2/4",
        languages=langs(TR, DE),
    ),
    org(
        "migrant-organisations",
        "Brasilianische Gemeinschaft Weilerbronn",
        KNOWN,
        "1/4",
        languages=langs("Portugiesisch", EN, DE),
    ),
    org("volunteer-groups", "Freundeskreis Asyl Weilerbronn", INVOLVED, "2/4"),
    org(
        "volunteer-groups",
        "Welcome-Pat*innen",
        INVOLVED,
        "1/5",
        languages=langs(DE, EN),
        notes="Ehrenamtliche begleiten neu zugezogene Familien in den ersten Wochen.",
    ),
    org("welfare", "Caritas – Migrationsdienst Weilerbronn", INVITED, "3/4"),
    org("welfare", "Diakonie Weilerbronn", INVITED, "3/4"),
    org("welfare", "AWO Ortsverein Weilerbronn", KNOWN, "2/3"),
    org(
        "religious",
        "Kroatische katholische Gemeinde Weilerbronn",
        INVOLVED,
        "2/4",
        languages=langs(HR, DE),
    ),
    org("religious", "Evangelische Gesamtkirchengemeinde Weilerbronn", INVOLVED, "3/4"),
    org("religious", "Internationale Gemeinde (englischsprachig)", KNOWN, "1/4", languages=EN),
    org(
        "unions",
        "IG Metall – Betriebsräte der Weilerbronner Betriebe",
        INVOLVED,
        "3/3 3/4",
        person("Luca Romano", INVOLVED, "2/4", role="Betriebsrat", languages=langs(DE, IT)),
        why=["Betriebsräte wollen Sprachkurse in der Arbeitszeit mitgestalten."],
    ),
    org("unions", "ver.di Ortsverein Weilerbronn", KNOWN, "2/3"),
    org("employment", "Agentur für Arbeit Weilerbronn", ACTIVE, "4/4"),
    org("employment", "Jobcenter Weilerbronn", INVOLVED, "3/4"),
    org("education", "Volkshochschule Weilerbronn", INVOLVED, "3/5"),
    org("education", "Internationale Vorbereitungsklassen am Schulzentrum", INVITED, "2/4"),
    org("education", "Kita-Verbund Weilerbronn", INVITED, "3/3"),
    org(
        "business",
        "Unternehmensnetzwerk Weilerbronn",
        ACTIVE,
        "4/4 4/5",
        person(
            "Dr. Jens Haug",
            ACTIVE,
            "4/4 4/5",
            role="Sprecher",
            is_key_person=True,
            blocks=["kickoff", "stakeholder-analysis", "steering-group"],
        ),
        blocks=["kickoff", "stakeholder-analysis", "steering-group"],
        why=["Zusage für die Steuerungsgruppe; organisiert Sprachkurse im Betrieb."],
        at=[0, 1],
    ),
    org("business", "Kübler Antriebstechnik GmbH", INVOLVED, "4/4"),
    org("business", "Weilerbronner Präzisionsteile AG", INVOLVED, "4/3"),
    org("business", "Klinikum Weilerbronn", INVOLVED, "4/4", languages=langs(DE, EN)),
    org("business", "Softwarehaus Neckartal GmbH", INVOLVED, "3/5", languages=langs(EN, DE)),
    org("business", "Brenner Logistik GmbH", KNOWN, "3/3"),
    org("business", "Seniorenzentrum am Park gGmbH", INVOLVED, "3/4"),
    org("business", "Bäckerei Heinzelmann (Filialbetrieb)", KNOWN, "2/3"),
    org("business", "Metallbau Ruoff GmbH", INVITED, "3/3"),
    org(
        "business",
        "Wohnungsbaugesellschaft Weilerbronn",
        KNOWN,
        "4/2",
        notes="Wer fehlt noch? Die Wohnungswirtschaft – Wohnungen für zuziehende Familien fehlen.",
    ),
    org("business", "IHK Bezirkskammer Weilerbronn", INVOLVED, "4/4"),
    org("civil-society", "TV Weilerbronn 1848", KNOWN, "2/3"),
    org("civil-society", "Internationaler Cricket Club Weilerbronn", INVOLVED, "1/5"),
    org("civil-society", "Stadtjugendring Weilerbronn", INVITED, "2/4"),
    org(
        "administration",
        "Welcome-Center der Wirtschaftsförderung",
        ACTIVE,
        "3/5",
        person(
            "Carolin Sturm",
            ACTIVE,
            "3/5",
            role="Leiterin",
            languages=langs(DE, EN, FR),
            blocks=["kickoff", "stakeholder-analysis", "steering-group"],
        ),
        blocks=["kickoff", "stakeholder-analysis", "steering-group"],
        languages=langs(DE, EN),
    ),
    org(
        "administration",
        "Ausländerbehörde Weilerbronn",
        INVOLVED,
        "4/3",
        email="auslaenderbehoerde@weilerbronn.example",
        notes="Fachkräfteverfahren dauern lange; Ansprechperson für Betriebe benannt.",
    ),
    org(
        "administration",
        "Personalamt Weilerbronn",
        INVITED,
        "3/3",
        email="personalamt@weilerbronn.example",
    ),
    org("administration", "Amt für Soziales und Wohnen", INVOLVED, "3/4"),
    person(
        "Oberbürgermeister Michael Schäfer",
        ACTIVE,
        "5/4",
        category="politics",
        email="ob@weilerbronn.example",
        is_key_person=True,
        blocks=["kickoff", "steering-group"],
    ),
    person(
        "Helga Brunner",
        INVOLVED,
        "4/2 4/3",
        category="politics",
        role="Stadträtin, Vorsitzende des Sozialausschusses",
        why=["Im Vorgespräch zur Steuerungsgruppe: will Wohnen zum Schwerpunkt machen."],
    ),
    person("Cem Aydoğan", INVOLVED, "3/5", category="politics", role="Stadtrat"),
    person(
        "Mariana Souza",
        KNOWN,
        "1/4",
        category="residents",
        silent_group="Partner*innen der Fachkräfte, die nicht im Betrieb arbeiten",
        languages=langs("Portugiesisch", EN),
        notes="Wer fehlt noch? Zugang über den Indischen Kulturverein und die Welcome-Pat*innen.",
    ),
    person(
        "Anjali Sharma",
        INVITED,
        "1/4",
        category="residents",
        languages=langs(EN, HI),
        is_key_person=True,
        silent_group="Partner*innen der Fachkräfte, die nicht im Betrieb arbeiten",
        notes="Ingenieurin, sucht Arbeit; will beim Dialogabend mitmoderieren.",
    ),
    person("Miguel Costa", KNOWN, "1/4", category="residents", languages=langs("Portugiesisch")),
]

ACTORS = {
    "neckarbrueck": NECKARBRUECK,
    "lindenau": LINDENAU,
    "kochertal": KOCHERTAL,
    "eichenwald": EICHENWALD,
    "weilerbronn": WEILERBRONN,
}

_TRANSLITERATE = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "ş": "s", "ğ": "g", "ć": "c"}
)


SLUG_SKIP = {"e", "v", "ev", "gmbh", "ag", "eg", "ggmbh", "der", "die", "des", "am", "fuer", "im"}


def slug(text: str, words: int = 4) -> str:
    """An ASCII slug for fictional e-mail addresses and websites."""
    text = text.lower().translate(_TRANSLITERATE)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = [
        part
        for part in "".join(c if c.isalnum() else " " for c in text).split()
        if part not in SLUG_SKIP
    ]
    return "-".join(parts[:words])


class ActorBuilder:
    """Creates one municipality's actors, participations and assessments."""

    def __init__(self, d: DemoBuilder, key: str, process: Process):
        self.d = d
        self.key = key
        self.process = process
        self.setup = SETUP[key]
        # Demo variety only, seeded so that every load is the same.
        self.rng = random.Random(f"teilhabe-demo-actors-{key}")  # noqa: S311
        self.coordinator = d.user(self.setup["coordinator"])
        self.facilitator = d.user(self.setup["facilitator"])
        self.categories = {c.key: c for c in ActorCategory.objects.all()}
        self.blocks = self._block_handles()
        self.moments = [self._moment(spec) for spec in self.setup["moments"]]
        self._phone = 100

    def _block_handles(self) -> dict[str, Block]:
        handles: dict[str, Block] = {}
        for block in self.process.blocks.select_related("block_type", "process"):
            if block.block_type:
                handles.setdefault(block.block_type.key, block)
        for handle, prefix in self.setup["aliases"].items():
            handles[handle] = next(
                b for b in self.process.blocks.all() if b.name.startswith(prefix)
            )
        return handles

    def _clamp(self, day: date) -> date:
        return max(self.process.started_on, min(day, self.d.today))

    def _moment(self, spec) -> date:
        if isinstance(spec, int):
            return self._clamp(self.d.today + timedelta(days=spec))
        block = self.blocks[spec]
        return self._clamp(block.actual_end or block.actual_start)

    def block(self, handle: str) -> Block:
        """A block by handle; "a|b|c" picks one of several, the same on every load."""
        return self.blocks[self.rng.choice(handle.split("|"))]

    def took_part_on(self, block: Block) -> date:
        if block.actual_start is None:
            raise ValueError(f"{block} has not taken place; nobody can have taken part.")
        if block.actual_end is None:
            return block.actual_start
        return block.actual_start + (block.actual_end - block.actual_start) / 2

    def invited_on(self, block: Block) -> date:
        start = block.actual_start or block.planned_start or self.d.today
        return self._clamp(min(start - timedelta(days=21), self.d.today - timedelta(days=3)))

    # --- creation ----------------------------------------------------------------------

    def build(self) -> int:
        count = 0
        for spec in ACTORS[self.key]:
            organisation = self._actor(spec)
            count += 1
            for member in spec["members"]:
                self._actor(member, organisation=organisation, category=spec["category"])
                count += 1
        return count

    def _phone_number(self) -> str:
        self._phone += self.rng.randint(1, 9)
        return f"{self.setup['phone']}-{self._phone:03d}"

    def _contact(self, spec: dict, organisation: Actor | None) -> dict:
        email = spec.get("email", "")
        website = spec.get("website", "")
        if spec["kind"] == ActorKind.ORGANISATION:
            if not email and spec["category"] not in {"administration", "politics"}:
                domain = f"{slug(spec['name'])}.example"
                email = f"kontakt@{domain}"
                if spec["stage"] != KNOWN and not website:
                    website = f"https://www.{domain}"
            if not email:
                email = f"{slug(spec['name'], 2)}@{self.setup['domain']}"
            return {"email": email, "website": website, "phone": self._phone_number()}
        # Persons: an address at their organisation, or only a phone number.
        if not email and organisation is not None and organisation.email:
            name = spec["name"].split(" ")
            local = slug(f"{name[-2]} {name[-1]}", 2).replace("-", ".")
            email = f"{local}@{organisation.email.split('@')[1]}"
        phone = self._phone_number() if self.rng.random() < 0.7 else ""
        return {"email": email, "website": "", "phone": phone}

    def _actor(self, spec: dict, *, organisation: Actor | None = None, category: str = "") -> Actor:
        contact = self._contact(spec, organisation)
        silent_group = spec.get("silent_group", "")
        actor = Actor(
            municipality=self.process.municipality,
            kind=spec["kind"],
            name=spec["name"],
            organisation=organisation,
            category=self.categories[spec["category"] or category],
            role=spec.get("role", ""),
            languages=spec.get("languages", ""),
            notes=spec.get("notes", ""),
            is_key_person=spec.get("is_key_person", False),
            represents_silent_group=bool(silent_group),
            silent_group=silent_group,
            **contact,
        )
        services.save_actor(actor, by=self.coordinator)
        self._participations(actor, spec)
        self._assessments(actor, spec)
        return actor

    def _participations(self, actor: Actor, spec: dict) -> None:
        stage = spec["stage"]
        took_part = (
            spec.get("blocks", self.setup.get(stage, [])) if stage in (INVOLVED, ACTIVE) else []
        )
        if "invited" in spec:
            invited = spec["invited"]
        elif stage == INVITED:
            invited = self.setup["invited"]
        else:
            invited = self.setup.get("upcoming", []) if took_part else []
        if stage in (INVOLVED, ACTIVE) and not took_part:
            raise ValueError(f"{actor.name}: involved without taking part in a block.")
        if stage == INVITED and not invited:
            raise ValueError(f"{actor.name}: invited to nothing.")
        for handle in took_part:
            block = self.block(handle)
            day = self.took_part_on(block)
            services.record_participation(
                actor, block, invited_on=min(self.invited_on(block), day), took_part_on=day
            )
        for handle in invited:
            block = self.block(handle)
            if actor.participations.filter(block=block).exists():
                continue
            services.record_participation(actor, block, invited_on=self.invited_on(block))
        if stage == ACTIVE:
            actor.involvement = Involvement.ACTIVE
            services.save_actor(actor, by=self.coordinator)

    def _assessments(self, actor: Actor, spec: dict) -> None:
        ratings = spec["ratings"].split()
        reasons = ["", *spec.get("why", [])]
        last = len(self.moments)
        moments = spec.get("at") or [
            spec.get("since", 0),
            *range(last - len(ratings) + 1, last),
        ]
        for index, rating in enumerate(ratings):
            influence, attitude = (int(part) for part in rating.split("/"))
            day = self.moments[moments[index]]
            by = self.coordinator if index == 0 or self.rng.random() < 0.6 else self.facilitator
            services.assess(
                actor,
                influence=influence,
                attitude=attitude,
                by=by,
                note=reasons[index] if index < len(reasons) else "",
                at=self.d.moment(day),
            )


def create_actors(d: DemoBuilder, processes: dict[str, Process]) -> int:
    """The actor lists of the running round; returns how many actors were created."""
    return sum(ActorBuilder(d, key, processes[key]).build() for key in ACTORS)
