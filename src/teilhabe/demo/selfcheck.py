"""Self-check rounds of the demo (capability 4).

Eleven rounds in ten municipalities, all on the default instrument:

- All six Gemeinden have a round, so a Gemeinde sees the benchmark (the median of at
  least five other municipalities of the same type). Hirschtal and Birkenried ran
  theirs in their process of 2020/2021, Felsingen after its process (its process
  had dropped the self-check), Haselbrunn and Sommerau on their own while preparing
  an application, and Lindenau is in the middle of its round: the administration has
  answered, the further perspectives are answering, some invitation links are unused.
- Neckarbrück has its baseline round from the self-check block of its process and a
  follow-up round with visible progress in three fields (the first steps the baseline
  workshop agreed on).
- Landkreis Kochertal, Eichenwald and Kaltenach have a closed round in their
  self-check blocks; their findings match what the blocks' results say.

Everything goes through `teilhabe.selfcheck.services`. The services stamp "now", so
afterwards the dates are moved with queryset updates to the days of the story
(opened, answered, submitted, closed), the same way `builder` does for applications.
Answers come from a seeded random generator: the administration rates itself higher
than the other perspectives, migrant organisations lowest; people outside the
administration know fewer facts and choose "don't know" more often.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from teilhabe.processes.models import Block
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
POLITICS = Perspective.POLITICS
CIVIL = Perspective.CIVIL_SOCIETY
MIGRANT = Perspective.MIGRANT_ORGANISATIONS
RESIDENTS = Perspective.RESIDENTS

FIELDS = [
    "attitude",
    "administration",
    "opening",
    "measures",
    "cooperation",
    "migrant-organisations",
    "participation",
    "communication",
    "resources",
]

# How much lower than the administration each perspective rates on average (scale
# points), and how often it cannot judge a statement or a fact.
OFFSET = {ADMIN: 0.0, POLITICS: -0.2, CIVIL: -0.5, MIGRANT: -0.9, RESIDENTS: -0.6}
DONT_KNOW = {ADMIN: 0.04, POLITICS: 0.10, CIVIL: 0.10, MIGRANT: 0.08, RESIDENTS: 0.18}
DONT_KNOW_FACT = {ADMIN: 0.05, POLITICS: 0.15, CIVIL: 0.25, MIGRANT: 0.25, RESIDENTS: 0.40}


def levels(*values: float) -> dict[str, float]:
    """The administration's typical rating (1 to 5) per field, in FIELDS order."""
    return dict(zip(FIELDS, values, strict=True))


@dataclass
class Respondent:
    perspective: str
    label: str
    member: str = ""  # e-mail of a demo account: answers in their own name
    submit: bool = True  # False: started and saved, not submitted
    invite_only: bool = False  # invited, link not used yet
    expired: bool = False  # an unused link of an open round that ran out


@dataclass
class RoundSpec:
    key: str  # municipality
    title: str
    opened_on: date
    perspectives_on: date
    closed_on: date | None
    by: str  # user key
    levels: dict[str, float]
    respondents: list[Respondent]
    # Extra distance of a perspective from the administration in one field.
    gaps: dict[tuple[str, str], float] = field(default_factory=dict)
    notes: dict[str, tuple[str, str, list[tuple[str, str]]]] = field(default_factory=dict)
    baseline: str = ""  # key of an earlier spec
    name: str = ""  # key of this spec, for baselines

    def __post_init__(self):
        self.name = self.name or self.key


def admin(*departments: str, members: tuple[str, ...] = ()) -> list[Respondent]:
    return [
        Respondent(ADMIN, department, member=members[i] if i < len(members) else "")
        for i, department in enumerate(departments)
    ]


def others(perspective: str, *labels: str) -> list[Respondent]:
    return [Respondent(perspective, label) for label in labels]


# --- free-text answers -------------------------------------------------------------------
# field -> (who: "admin" or "other", level: "low" or "high", text)

TEXTS = {
    "attitude": [
        (
            "admin",
            "low",
            "Ein beschlossenes Leitbild haben wir nicht. Im Rathaus heißt es oft, das "
            "brauche eine Gemeinde unserer Größe nicht.",
        ),
        (
            "admin",
            "high",
            "Die Oberbürgermeisterin spricht das Thema beim Neujahrsempfang jedes Jahr an, "
            "das wird in der Belegschaft wahrgenommen.",
        ),
        (
            "other",
            "low",
            "Nach den Schmierereien am Gemeindehaus hätten wir uns ein klares Wort aus dem "
            "Rathaus gewünscht, nicht erst drei Wochen später.",
        ),
        (
            "other",
            "high",
            "Das Leitbild ist gut formuliert. Im Alltag der Ämter merkt man davon aber noch wenig.",
        ),
        (
            "other",
            "low",
            "Im Amtsblatt kommen wir eigentlich nur vor, wenn es um Geflüchtete geht.",
        ),
    ],
    "administration": [
        (
            "admin",
            "low",
            "Integration landet immer beim Hauptamt. Bei der Kita-Bedarfsplanung oder im "
            "Bauamt denkt niemand daran.",
        ),
        (
            "admin",
            "high",
            "Die ämterübergreifende AG trifft sich vierteljährlich. Seitdem sprechen "
            "Ausländerbehörde und Sozialamt Fälle direkt miteinander ab.",
        ),
        (
            "admin",
            "low",
            "Wie viele Kolleg*innen eine Migrationsgeschichte haben, wissen wir nicht. "
            "Gefragt hat bisher niemand.",
        ),
        (
            "other",
            "low",
            "Wer im Rathaus für was zuständig ist, wissen wir oft selbst nach Jahren nicht.",
        ),
    ],
    "opening": [
        (
            "admin",
            "high",
            "Die Fortbildung für das Bürgerbüro war gut. Nach einem Nachmittag bleibt aber "
            "wenig hängen, wir bräuchten eine Fortsetzung.",
        ),
        (
            "admin",
            "low",
            "Eine Beschwerdestelle gibt es nicht. Beschwerden landen beim Bürgermeister "
            "und werden einzeln beantwortet.",
        ),
        (
            "other",
            "low",
            "Bei der Ausländerbehörde fühlen sich viele wie Bittsteller. Auf einen Termin "
            "wartet man sechs Wochen.",
        ),
        (
            "other",
            "low",
            "Ich wusste nicht, dass man sich über die Behandlung in einem Amt beschweren kann.",
        ),
        (
            "other",
            "high",
            "Im Bürgerbüro hat sich etwas verändert: Man wird freundlicher empfangen und "
            "bekommt Dinge erklärt.",
        ),
    ],
    "measures": [
        (
            "admin",
            "low",
            "Es gibt viele Angebote, aber niemand hat den Überblick. Jeder Träger druckt "
            "sein eigenes Faltblatt.",
        ),
        (
            "admin",
            "high",
            "Das Sprachcafé läuft seit Jahren stabil. Die Hausaufgabenhilfe endet dagegen "
            "mit der Förderung im Sommer.",
        ),
        (
            "other",
            "low",
            "Projekte gibt es viele, aber oft nur für ein Jahr. Danach fängt man wieder von "
            "vorne an.",
        ),
    ],
    "cooperation": [
        (
            "admin",
            "high",
            "Mit dem Helferkreis arbeiten wir eng zusammen. Die Betriebe erreichen wir "
            "bisher kaum.",
        ),
        (
            "other",
            "high",
            "Der runde Tisch ist ein Gewinn. Entschieden wird aber woanders.",
        ),
        (
            "other",
            "low",
            "Als Ehrenamtliche füllen wir Anträge für das Jobcenter aus. Eigentlich wäre "
            "das Aufgabe der Verwaltung.",
        ),
    ],
    "migrant-organisations": [
        (
            "admin",
            "high",
            "Wir kennen die Vereine, allerdings eher über einzelne Personen als über feste "
            "Treffen.",
        ),
        (
            "admin",
            "low",
            "Eine Migrant*innenorganisation gibt es am Ort nicht. Einzelne Engagierte "
            "könnten wir stärker einbeziehen.",
        ),
        (
            "other",
            "high",
            "Wir werden eingeladen, wenn ein Fest ansteht. Wenn es um Geld oder Planung "
            "geht, fragt uns niemand.",
        ),
        (
            "other",
            "low",
            "Unser Verein hat keine eigenen Räume. Für jedes Treffen müssen wir neu im "
            "Gemeindehaus anfragen.",
        ),
    ],
    "participation": [
        (
            "admin",
            "high",
            "Über persönliche Einladungen durch den Integrationsbeirat kamen zur letzten "
            "Bürgerversammlung deutlich mehr junge Leute.",
        ),
        (
            "admin",
            "low",
            "Zu Bürgerversammlungen kommen immer dieselben. Wie wir andere erreichen, "
            "wissen wir noch nicht.",
        ),
        (
            "other",
            "low",
            "Wir haben vor zwei Jahren Vorschläge für den Spielplatz gemacht und nie wieder "
            "etwas davon gehört.",
        ),
        (
            "other",
            "high",
            "Die Veranstaltungen beginnen um 19 Uhr. Wer Schicht arbeitet oder kleine "
            "Kinder hat, kann nicht kommen.",
        ),
    ],
    "communication": [
        (
            "admin",
            "high",
            "Für Arabisch und Türkisch haben wir Kolleg*innen, die aushelfen. Bei Dari und "
            "Tigrinya improvisieren wir jedes Mal.",
        ),
        (
            "admin",
            "low",
            "Die Website wurde letztes Jahr erneuert. Mehrsprachigkeit war dabei leider "
            "kein Thema.",
        ),
        (
            "other",
            "high",
            "Die Bescheide versteht selbst mein Sohn nicht, und der macht gerade Abitur.",
        ),
        (
            "other",
            "low",
            "Informationen bekommen wir meistens über die WhatsApp-Gruppe des Vereins, "
            "nicht von der Gemeinde.",
        ),
    ],
    "resources": [
        (
            "admin",
            "high",
            "Die Stelle ist unbefristet, aber für Projekte gibt es kaum Sachmittel. Jeder "
            "Flyer muss einzeln beantragt werden.",
        ),
        (
            "admin",
            "low",
            "Integration mache ich mit etwa zehn Prozent meiner Arbeitszeit neben dem Hauptamt.",
        ),
        (
            "other",
            "low",
            "Es hängt alles an einer Person. Wenn sie im Urlaub ist, passiert nichts.",
        ),
    ],
}

# --- workshop records --------------------------------------------------------------------
# field -> level -> (development potentials, recommendations, [(first step, who)])

WORKSHOP = {
    "attitude": {
        "low": (
            "Es fehlt eine gemeinsame, schriftliche Haltung. Viele Beteiligte wünschen sich, "
            "dass die Verwaltungsspitze das Thema sichtbar zu ihrem eigenen macht.",
            "Ein kurzes Leitbild gemeinsam mit Gemeinderat, Vereinen und Menschen mit "
            "Migrationsgeschichte erarbeiten und vom Gemeinderat beschließen lassen.",
            [
                ("Entwurf eines Leitbilds mit der Steuerungsgruppe erarbeiten", "Hauptamt"),
                ("Leitbild-Entwurf in einer Gemeinderatssitzung vorstellen", "Bürgermeister*in"),
            ],
        ),
        "high": (
            "Das Leitbild ist beschlossen, in den Ämtern aber wenig bekannt. Öffentliche "
            "Stellungnahmen der Verwaltungsspitze werden geschätzt.",
            "Das Leitbild bei der Einarbeitung neuer Mitarbeiter*innen vorstellen und "
            "einmal im Jahr in der Amtsleitungsrunde besprechen.",
            [("Leitbild in die Einarbeitungsmappe aufnehmen", "Personalamt")],
        ),
    },
    "administration": {
        "low": (
            "Integration gilt als Aufgabe einer einzelnen Stelle. Die anderen Ämter sehen "
            "sich kaum zuständig, Daten zur Vielfalt des Personals fehlen.",
            "Eine ämterübergreifende Arbeitsgruppe einrichten; in Stellenanzeigen "
            "ausdrücklich Menschen mit Migrationsgeschichte ansprechen.",
            [
                ("Ämterübergreifende AG Integration einberufen", "Hauptamt"),
                ("Ermutigungssatz in alle Stellenanzeigen aufnehmen", "Personalamt"),
            ],
        ),
        "high": (
            "Die Zusammenarbeit der Ämter funktioniert in Einzelfällen gut, hängt aber an "
            "Personen. Der Anteil der Mitarbeiter*innen mit Migrationsgeschichte ist unbekannt.",
            "Eine freiwillige, anonyme Mitarbeiter*innenbefragung durchführen und die "
            "Zusammenarbeit der Ämter in einer festen Runde verankern.",
            [("Anonyme Mitarbeiter*innenbefragung mit dem Personalrat abstimmen", "Personalamt")],
        ),
    },
    "opening": {
        "low": (
            "Die größte Lücke zwischen Verwaltung und Zivilgesellschaft: Wer Diskriminierung "
            "erlebt, weiß nicht, wohin. Fortbildungen gab es bisher keine.",
            "Auf eine erreichbare Antidiskriminierungsberatung hinweisen und eine "
            "Fortbildung für alle Mitarbeiter*innen mit Kund*innenkontakt anbieten.",
            [
                (
                    "Hinweis auf die Antidiskriminierungsberatung auf Website und im Rathaus",
                    "Hauptamt",
                ),
                ("Halbtägige Fortbildung zu interkultureller Kompetenz buchen", "Personalamt"),
            ],
        ),
        "high": (
            "Fortbildungen haben begonnen. Beschwerden über Diskriminierung werden "
            "beantwortet, aber nicht ausgewertet.",
            "Beschwerden einmal im Jahr auswerten und das Ergebnis im Ausschuss berichten.",
            [("Jahresauswertung der Beschwerden einführen", "Integrationsstelle")],
        ),
    },
    "measures": {
        "low": (
            "Es gibt viele Einzelangebote ohne gemeinsamen Überblick und ohne Ziele.",
            "Eine Übersicht aller Angebote erstellen und daraus Lücken ableiten.",
            [("Angebotsübersicht mit Helferkreis und Trägern erstellen", "Integrationsstelle")],
        ),
        "high": (
            "Die Angebote sind bekannt; ob sie wirken, wird kaum geprüft. Erfolgreiche "
            "Projekte enden mit der Förderung.",
            "Für die fünf wichtigsten Maßnahmen überprüfbare Ziele festlegen und jährlich "
            "auswerten.",
            [
                ("Ziele für die fünf wichtigsten Maßnahmen formulieren", "Steuerungsgruppe"),
                ("Anschlussfinanzierung für die Hausaufgabenhilfe klären", "Kämmerei"),
            ],
        ),
    },
    "cooperation": {
        "low": (
            "Verwaltung und Ehrenamt arbeiten nebeneinander her; es ist unklar, wer welche "
            "Aufgaben übernimmt.",
            "Einen runden Tisch einrichten, der zweimal im Jahr tagt, und die "
            "Aufgabenteilung schriftlich festhalten.",
            [("Ersten runden Tisch Integration einladen", "Hauptamt")],
        ),
        "high": (
            "Der runde Tisch ist etabliert. Betriebe und Kammern fehlen bisher.",
            "Die Wirtschaftsförderung als Brücke zu den Betrieben nutzen.",
            [
                ("Zwei Betriebe zum nächsten runden Tisch einladen", "Wirtschaftsförderung"),
                (
                    "Aufgabenteilung Verwaltung – Ehrenamt schriftlich festhalten",
                    "Integrationsstelle",
                ),
            ],
        ),
    },
    "migrant-organisations": {
        "low": (
            "Migrant*innen sind bisher Zielgruppe, nicht Partner*innen. Wo es keine "
            "Organisation gibt, fehlt jeder feste Kontakt.",
            "Engagierte Migrant*innen persönlich ansprechen und als Expert*innen in "
            "Gremien einladen.",
            [("Fünf engagierte Migrant*innen persönlich ansprechen", "Integrationsstelle")],
        ),
        "high": (
            "Die Vereine sind bekannt und werden zu Festen eingeladen, aber nicht an "
            "Planung und Förderung beteiligt.",
            "Zweimal im Jahr ein Treffen mit allen Migrant*innenselbstorganisationen; "
            "Förderrichtlinie für alle Vereine gleich anwenden.",
            [
                ("Erstes Treffen mit den Migrant*innenselbstorganisationen", "Integrationsstelle"),
                ("Förderrichtlinie für Vereine auf gleiche Bedingungen prüfen", "Kämmerei"),
            ],
        ),
    },
    "participation": {
        "low": (
            "Beteiligung erreicht vor allem die, die ohnehin kommen. Rückmeldungen zu "
            "Vorschlägen fehlen.",
            "Persönlich über Schlüsselpersonen einladen und zu jedem Vorschlag eine "
            "Rückmeldung geben.",
            [("Liste von Schlüsselpersonen für Einladungen anlegen", "Hauptamt")],
        ),
        "high": (
            "Der Integrationsbeirat ist aktiv. Beteiligungsformate finden zu Zeiten statt, "
            "die für Familien und Schichtarbeitende schwierig sind.",
            "Veranstaltungen auch samstags anbieten und bei Bedarf Sprachmittlung einplanen.",
            [("Nächste Beteiligungsveranstaltung an einem Samstagvormittag", "Integrationsstelle")],
        ),
    },
    "communication": {
        "low": (
            "Informationen gibt es fast nur auf Deutsch und in Amtssprache. Viele erfahren "
            "Wichtiges über Messenger-Gruppen der Vereine.",
            "Die häufigsten Formulare in einfache Sprache übertragen und Schlüsselpersonen "
            "als Informationskanal nutzen.",
            [
                ("Die fünf häufigsten Formulare in einfache Sprache übertragen", "Bürgerbüro"),
                ("Kontakt zu den Messenger-Gruppen der Vereine aufbauen", "Integrationsstelle"),
            ],
        ),
        "high": (
            "Einzelne Mitarbeiter*innen helfen mit ihren Sprachkenntnissen aus; es gibt "
            "dafür weder eine Liste noch ein Budget.",
            "Eine freiwillige Sprachenliste anlegen und ein gemeinsames Budget für "
            "Sprachmittlung einrichten.",
            [("Sprachenliste der Mitarbeiter*innen anlegen", "Personalamt")],
        ),
    },
    "resources": {
        "low": (
            "Integration hängt an wenigen Stunden einer Person neben anderen Aufgaben. "
            "Eine hauptamtliche Zuständigkeit ist die Voraussetzung dafür, dass Ergebnisse "
            "bleiben.",
            "Eine Stelle für Integration mit mindestens 50 % beim Gemeinderat beantragen, "
            "gegebenenfalls gemeinsam mit Nachbargemeinden.",
            [
                ("Stellenantrag für den nächsten Haushalt vorbereiten", "Hauptamt"),
                (
                    "Gespräch mit den Nachbargemeinden über eine gemeinsame Stelle",
                    "Bürgermeister*in",
                ),
            ],
        ),
        "high": (
            "Die Stelle ist gesichert, Sachmittel fehlen oder müssen einzeln beantragt werden.",
            "Eine eigene Haushaltsstelle für Integration einrichten.",
            [("Haushaltsstelle Integration für den nächsten Haushalt beantragen", "Kämmerei")],
        ),
    },
}

# Neckarbrück's baseline workshop, as its process block tells it, and the follow-up.
NECKARBRUECK_BASELINE_NOTES = {
    "communication": (
        "Größter Unterschied zwischen den Perspektiven: Die Verwaltung sieht sich gut "
        "aufgestellt, Migrant*innenorganisationen erleben Bescheide und Website als schwer "
        "verständlich.",
        "Formulare in einfache Sprache übertragen, den Dolmetscherpool verstetigen und "
        "mehrsprachige Informationen über die Vereine verbreiten.",
        [
            ("Die zehn häufigsten Formulare in einfache Sprache übertragen", "Bürgerbüro"),
            ("Dolmetscherpool mit festem Budget verstetigen", "Integrationsbeauftragte"),
        ],
    ),
    "opening": (
        "Im Bürgerbüro gibt es viel Kund*innenkontakt, aber keine Fortbildung zu "
        "interkultureller Kompetenz. Eine Beschwerdestelle ist kaum bekannt.",
        "Fortbildung für alle Mitarbeiter*innen des Bürgerbüros; Hinweis auf die "
        "Antidiskriminierungsberatung im Rathaus.",
        [("Interkulturelle Fortbildung für das Bürgerbüro", "Personalamt")],
    ),
    "migrant-organisations": (
        "Die neun Migrant*innenorganisationen sind bekannt, treffen die Verwaltung aber "
        "nur bei Festen. In der Steuerungsgruppe sind zwei vertreten.",
        "Zweimal im Jahr ein Treffen der Verwaltung mit allen Migrant*innenorganisationen.",
        [
            (
                "Erstes Treffen mit den Migrant*innenorganisationen im Rathaus",
                "Integrationsbeauftragte",
            ),
            (
                "Beratung zu Fördermitteln im Afrika-Forum anbieten",
                "Amt für Bildung, Soziales und Sport",
            ),
        ],
    ),
}
NECKARBRUECK_FOLLOW_UP_NOTES = {
    "communication": (
        "Deutlich besser als beim ersten Selbstcheck: Die zehn häufigsten Formulare gibt es "
        "in einfacher Sprache, der Dolmetscherpool hat ein eigenes Budget. Die Website ist "
        "weiterhin nur auf Deutsch.",
        "Die wichtigsten Seiten der Website in Türkisch, Arabisch und Englisch anbieten.",
        [("Übersetzung der zehn meistbesuchten Seiten der Website beauftragen", "Pressestelle")],
    ),
    "opening": (
        "Alle Mitarbeiter*innen des Bürgerbüros haben die Fortbildung besucht; die "
        "Rückmeldungen der Vereine sind spürbar besser. Die Führungskräfte fehlen noch.",
        "Die Fortbildung auf die Amtsleitungen ausweiten.",
        [("Fortbildung Rassismus und Diskriminierung für die Amtsleitungen", "Personalamt")],
    ),
    "migrant-organisations": (
        "Das Treffen mit den Migrant*innenorganisationen hat zweimal stattgefunden und wird "
        "geschätzt. Gemeinsame Projekte gibt es noch nicht.",
        "Ein gemeinsames Projekt mit Migrant*innenorganisationen planen, z. B. zur "
        "Zukunftswerkstatt in der Weststadt.",
        [("Gemeinsames Projekt mit dem Afrika-Forum vereinbaren", "Integrationsbeauftragte")],
    ),
}

NB = "neckarbrueck"


def specs(d: DemoBuilder) -> list[RoundSpec]:
    t = d.today
    nb_start = d.current_processes[NB].started_on
    block_days = _historic_selfcheck_blocks()
    neckarbrueck_levels = levels(3.8, 3.0, 2.6, 3.4, 3.6, 2.8, 3.2, 3.6, 4.3)
    improved = dict(neckarbrueck_levels, communication=4.3, opening=3.8)
    improved["migrant-organisations"] = 4.0

    def block_round(key: str) -> tuple[date, date, date]:
        start, end = block_days[key]
        return start, start + (end - start) * 2 // 5, end

    kaltenach = block_round("kaltenach")
    hirschtal = block_round("hirschtal")
    birkenried = block_round("birkenried")
    return [
        RoundSpec(
            key=NB,
            name="neckarbrueck-baseline",
            title="Selbstcheck zum Prozessbeginn",
            opened_on=nb_start + timedelta(days=30),
            perspectives_on=nb_start + timedelta(days=62),
            closed_on=nb_start + timedelta(days=95),
            by="koordination@neckarbrueck.example",
            levels=neckarbrueck_levels,
            gaps={
                ("communication", MIGRANT): -1.6,
                ("communication", CIVIL): -1.0,
                ("communication", RESIDENTS): -1.0,
                ("opening", MIGRANT): -0.6,
            },
            respondents=[
                *admin(
                    "Integrationsbeauftragte",
                    "Amt für Bildung, Soziales und Sport",
                    "Stadtplanung",
                    "Personalamt",
                    "Ausländerbehörde",
                    "Bürgerbüro",
                    "Wirtschaftsförderung",
                    "Kämmerei",
                    "Ordnungsamt",
                    "Hauptamt",
                    "Kulturamt",
                    members=(
                        "koordination@neckarbrueck.example",
                        "team@neckarbrueck.example",
                        "schuster@neckarbrueck.example",
                    ),
                ),
                *others(POLITICS, "Gemeinderat, Fraktion A", "Gemeinderat, Fraktion B"),
                *others(
                    CIVIL, "Freundeskreis Asyl", "Caritas Migrationsberatung", "Stadtjugendring"
                ),
                *others(
                    MIGRANT,
                    "Integrationsbeirat",
                    "Türkisch-Deutscher Kulturverein",
                    "Afrika-Forum Neckarbrück",
                ),
                *others(RESIDENTS, "Einwohnerin Weststadt"),
            ],
            notes=NECKARBRUECK_BASELINE_NOTES,
        ),
        RoundSpec(
            key=NB,
            name="neckarbrueck-follow-up",
            baseline="neckarbrueck-baseline",
            title="Zwischenbilanz: zweiter Selbstcheck",
            opened_on=t - timedelta(days=42),
            perspectives_on=t - timedelta(days=28),
            closed_on=t - timedelta(days=9),
            by="koordination@neckarbrueck.example",
            levels=improved,
            gaps={("communication", MIGRANT): -0.6, ("communication", CIVIL): -0.4},
            respondents=[
                *admin(
                    "Integrationsbeauftragte",
                    "Amt für Bildung, Soziales und Sport",
                    "Personalamt",
                    "Bürgerbüro",
                    members=(
                        "koordination@neckarbrueck.example",
                        "team@neckarbrueck.example",
                    ),
                ),
                *others(POLITICS, "Gemeinderat, Fraktion A"),
                *others(CIVIL, "Freundeskreis Asyl", "Caritas Migrationsberatung"),
                *others(MIGRANT, "Integrationsbeirat", "Afrika-Forum Neckarbrück"),
                *others(RESIDENTS, "Einwohner Weststadt"),
            ],
            notes=NECKARBRUECK_FOLLOW_UP_NOTES,
        ),
        RoundSpec(
            key="lindenau",
            title="Selbstcheck Lindenau",
            opened_on=t - timedelta(days=52),
            perspectives_on=t - timedelta(days=40),
            closed_on=None,
            by="koordination@lindenau.example",
            levels=levels(3.0, 2.4, 2.0, 2.6, 3.4, 1.6, 2.6, 2.2, 1.8),
            respondents=[
                *admin(
                    "Hauptamt",
                    "Bauamt",
                    "Kämmerei",
                    "Kindergarten",
                    members=("koordination@lindenau.example",),
                ),
                Respondent(POLITICS, "Gemeinderätin"),
                Respondent(POLITICS, "Gemeinderat", invite_only=True, expired=True),
                Respondent(CIVIL, "Helferkreis Lindenau"),
                Respondent(CIVIL, "TSV Lindenau", submit=False),
                Respondent(CIVIL, "Arbeitskreis Asyl der Kirchengemeinden", invite_only=True),
                Respondent(MIGRANT, "Engagierter Geflüchteter (Experte)"),
                Respondent(MIGRANT, "Engagierte Geflüchtete (Expertin)", invite_only=True),
                Respondent(RESIDENTS, "Einwohnerin Ortskern", invite_only=True),
            ],
        ),
        RoundSpec(
            key="kochertal",
            title="Selbstcheck Landkreis Kochertal",
            opened_on=d.current_processes["kochertal"].started_on + timedelta(days=25),
            perspectives_on=d.current_processes["kochertal"].started_on + timedelta(days=45),
            closed_on=d.current_processes["kochertal"].started_on + timedelta(days=70),
            by="integration@lk-kochertal.example",
            levels=levels(3.6, 3.2, 3.0, 3.6, 3.8, 2.6, 3.0, 3.0, 3.8),
            gaps={("migrant-organisations", MIGRANT): -1.6, ("migrant-organisations", CIVIL): -0.8},
            respondents=[
                *admin(
                    "Integrationsmanagement",
                    "Ausländerbehörde",
                    "Jobcenter",
                    members=("integration@lk-kochertal.example",),
                ),
                *others(POLITICS, "Kreistag, Sozialausschuss"),
                *others(CIVIL, "Kreisdiakonieverband", "Kreisjugendring"),
                *others(
                    MIGRANT,
                    "Afghanischer Kulturverein Kochertal",
                    "Verein Deutsch-Kurdischer Familien",
                ),
            ],
        ),
        RoundSpec(
            key="eichenwald",
            title="Selbstcheck Eichenwald",
            opened_on=d.current_processes["eichenwald"].started_on + timedelta(days=35),
            perspectives_on=d.current_processes["eichenwald"].started_on + timedelta(days=60),
            closed_on=d.current_processes["eichenwald"].started_on + timedelta(days=90),
            by="integration@eichenwald.example",
            levels=levels(3.4, 3.0, 2.8, 3.2, 3.2, 3.0, 3.0, 2.8, 3.4),
            gaps={("communication", MIGRANT): -1.4, ("communication", RESIDENTS): -1.0},
            respondents=[
                *admin(
                    "Integrationsmanagement",
                    "Amt für Familie und Bildung",
                    "Bürgerbüro",
                    members=("integration@eichenwald.example",),
                ),
                *others(POLITICS, "Gemeinderat"),
                *others(CIVIL, "Familienzentrum Eichenwald", "Stadtbibliothek"),
                *others(MIGRANT, "Kulturverein Balkanbrücke"),
                *others(
                    RESIDENTS, "Elternbeirat Grundschule Am Wald", "Mutter aus dem Wohngebiet Nord"
                ),
            ],
        ),
        RoundSpec(
            key="kaltenach",
            title="Selbstcheck Kaltenach",
            opened_on=kaltenach[0],
            perspectives_on=kaltenach[1],
            closed_on=kaltenach[2],
            by="demir",
            levels=levels(3.2, 2.6, 2.4, 2.8, 3.0, 2.8, 2.4, 2.6, 3.0),
            respondents=[
                *admin("Integrationsbeauftragter", "Personalamt", "Ausländerbehörde"),
                *others(POLITICS, "Ausländerausschuss des Gemeinderats"),
                *others(CIVIL, "Freundeskreis Flüchtlinge"),
                *others(MIGRANT, "Italienischer Kulturverein", "Moscheegemeinde"),
            ],
        ),
        RoundSpec(
            key="hirschtal",
            title="Selbstcheck Hirschtal (digital)",
            opened_on=hirschtal[0],
            perspectives_on=hirschtal[1],
            closed_on=hirschtal[2],
            by="hofmann",
            levels=levels(2.8, 2.2, 2.0, 2.4, 3.0, 1.6, 2.4, 2.6, 1.8),
            respondents=[
                *admin("Hauptamt", "Ordnungsamt"),
                *others(POLITICS, "Gemeinderat"),
                *others(CIVIL, "Helferkreis Hirschtal", "Kirchengemeinde"),
                *others(MIGRANT, "Sprachmittlerin (als Expertin)"),
            ],
        ),
        RoundSpec(
            key="birkenried",
            title="Selbstcheck Birkenried",
            opened_on=birkenried[0],
            perspectives_on=birkenried[1],
            closed_on=birkenried[2],
            by="hofmann",
            levels=levels(3.0, 2.4, 2.2, 2.6, 3.0, 1.8, 2.8, 2.4, 3.2),
            respondents=[
                *admin("Integrationsmanagement", "Hauptamt", "Kindergarten Sonnenblume"),
                *others(POLITICS, "Gemeinderat"),
                *others(CIVIL, "Helferkreis", "Landfrauen"),
                *others(MIGRANT, "Engagierte Migrantin (als Expertin)"),
                *others(RESIDENTS, "Jugendtreff"),
            ],
        ),
        RoundSpec(
            key="felsingen",
            title="Selbstcheck Felsingen: Bilanz nach dem Konzept",
            opened_on=t - timedelta(days=430),
            perspectives_on=t - timedelta(days=410),
            closed_on=t - timedelta(days=385),
            by="hofmann",
            levels=levels(3.4, 2.6, 2.4, 3.2, 3.6, 2.2, 3.2, 3.2, 2.4),
            respondents=[
                *admin("Hauptamt", "Bürgerbüro"),
                *others(POLITICS, "Gemeinderat"),
                *others(CIVIL, "Arbeitskreis „Neu in Felsingen“", "Musikverein"),
                *others(MIGRANT, "Syrischer Elternkreis"),
                *others(RESIDENTS, "Einwohner Anschlussunterbringung"),
            ],
        ),
        RoundSpec(
            key="haselbrunn",
            title="Selbstcheck Haselbrunn",
            opened_on=t - timedelta(days=150),
            perspectives_on=t - timedelta(days=133),
            closed_on=t - timedelta(days=112),
            by="buergermeister@haselbrunn.example",
            levels=levels(2.8, 2.0, 1.8, 2.2, 3.2, 1.6, 2.6, 2.0, 2.8),
            respondents=[
                *admin(
                    "Bürgermeister",
                    "Integration und Ehrenamt",
                    members=("buergermeister@haselbrunn.example",),
                ),
                *others(POLITICS, "Gemeinderat"),
                *others(CIVIL, "Nachbarschaftshilfe Haselbrunn", "Begegnungscafé"),
                *others(MIGRANT, "Ukrainische Familien (als Expertin)"),
            ],
        ),
        RoundSpec(
            key="sommerau",
            title="Selbstcheck Sommerau",
            opened_on=t - timedelta(days=95),
            perspectives_on=t - timedelta(days=80),
            closed_on=t - timedelta(days=61),
            by="hauptamt@sommerau.example",
            levels=levels(2.6, 2.0, 1.8, 2.0, 3.0, 1.4, 2.2, 1.8, 1.6),
            respondents=[
                *admin("Hauptamt", "Kämmerei", members=("hauptamt@sommerau.example",)),
                *others(POLITICS, "Gemeinderat"),
                *others(CIVIL, "Helferkreis", "Sportverein"),
                *others(MIGRANT, "Engagierter Neubürger (als Experte)"),
            ],
        ),
    ]


def _historic_selfcheck_blocks() -> dict[str, tuple[date, date]]:
    blocks = Block.objects.filter(
        block_type__key="self-check",
        process__closed_on__isnull=False,
        actual_start__isnull=False,
        actual_end__isnull=False,
    ).select_related("process__municipality")
    keys = {"Kaltenach": "kaltenach", "Hirschtal": "hirschtal", "Birkenried": "birkenried"}
    return {
        keys[b.process.municipality.name]: (b.actual_start, b.actual_end)
        for b in blocks
        if b.process.municipality.name in keys
    }


class SelfCheckDemo:
    def __init__(self, d: DemoBuilder):
        self.d = d
        self.rounds: dict[str, SelfCheckRound] = {}
        self._numbers: dict[tuple[str, str], int] = {}

    def build(self) -> int:
        for spec in specs(self.d):
            self._round(spec)
        return len(self.rounds)

    def _user(self, key: str):
        return self.d.user(key)

    def _round(self, spec: RoundSpec) -> None:
        d = self.d
        rng = random.Random(f"selfcheck-{spec.name}")  # noqa: S311
        # Facts and item tendencies belong to the municipality, so that a follow-up
        # round keeps them and changes only where its levels changed.
        place = random.Random(f"selfcheck-place-{spec.key}")  # noqa: S311
        by = self._user(spec.by)
        round_ = services.open_round(
            d.municipalities[spec.key],
            by=by,
            title=spec.title,
            baseline=self.rounds.get(spec.baseline),
            opened_on=spec.opened_on,
        )
        self.rounds[spec.name] = round_
        items = [
            item for f in services.fields_of(round_) for item in f.items.all() if f.key in FIELDS
        ]
        fields = {f.pk: f for f in round_.version.fields.all()}
        tendency = {
            item.key + f.key: place.uniform(-0.7, 0.7)
            for f in fields.values()
            for item in f.items.all()
        }
        fact_draw = {item.pk: place.random() for item in items}

        admins = [r for r in spec.respondents if r.perspective == ADMIN]
        rest = [r for r in spec.respondents if r.perspective != ADMIN]
        admin_days = _spread(spec.opened_on + timedelta(days=2), spec.perspectives_on, len(admins))
        for respondent, day in zip(admins, admin_days, strict=True):
            self._respond(round_, spec, respondent, day, rng, fields, items, tendency, fact_draw)
        services.set_round_status(round_, RoundStatus.PERSPECTIVES, by=by)
        end = spec.closed_on or d.today
        rest_days = _spread(
            spec.perspectives_on + timedelta(days=1), end - timedelta(days=2), len(rest)
        )
        for respondent, day in zip(rest, rest_days, strict=True):
            self._respond(round_, spec, respondent, day, rng, fields, items, tendency, fact_draw)
        if spec.closed_on:
            self._workshop(round_, spec, fields, by)
            services.set_round_status(round_, RoundStatus.CLOSED, by=by)
        SelfCheckRound.objects.filter(pk=round_.pk).update(
            closed_on=spec.closed_on,
            created_at=d.moment(spec.opened_on),
            updated_at=d.moment(spec.closed_on or spec.perspectives_on),
        )

    def _respond(self, round_, spec, respondent, day, rng, fields, items, tendency, fact_draw):
        d = self.d
        # The n-th respondent of a perspective draws the same numbers in every round of
        # the municipality: a follow-up differs from its baseline where the levels do,
        # not by chance.
        number = self._numbers.get((spec.name, respondent.perspective), 0)
        self._numbers[(spec.name, respondent.perspective)] = number + 1
        own = random.Random(f"selfcheck-{spec.key}-{respondent.perspective}-{number}")  # noqa: S311
        if respondent.member:
            response = services.response_for_member(round_, self._user(respondent.member))
            invitation = None
        else:
            sent = max(spec.opened_on, day - timedelta(days=rng.randint(3, 9)))
            if respondent.perspective != ADMIN:
                sent = max(spec.perspectives_on, sent)
            if not spec.closed_on and not respondent.expired and respondent.invite_only:
                # Still waiting for an answer: the link is valid.
                sent = max(spec.perspectives_on, d.today - timedelta(days=rng.randint(4, 18)))
            if not spec.closed_on and not respondent.submit:
                sent = max(spec.perspectives_on, day - timedelta(days=rng.randint(1, 3)))
            invitation = services.create_invitation(
                round_,
                perspective=respondent.perspective,
                by=self._user(spec.by),
                label=respondent.label,
            )
            Invitation.objects.filter(pk=invitation.pk).update(
                created_at=d.moment(sent),
                updated_at=d.moment(sent),
                expires_at=d.moment(sent) + timedelta(days=28),
            )
            if respondent.invite_only:
                return
            response = services.response_for_invitation(invitation)
        values = {}
        for item in items:
            f = fields[item.field_id]
            value = self._answer(spec, respondent, item, f.key, own, rng, tendency, fact_draw)
            if value:
                values[item.pk] = value
        if respondent.submit:
            _store_answers(response, values)
        else:
            services.save_answers(response, values)
        started = d.moment(day - timedelta(days=rng.randint(0, 2)))
        update = {
            "department": respondent.label if respondent.perspective == ADMIN else "",
            "created_at": started,
            "updated_at": d.moment(day),
        }
        if respondent.submit:
            services.submit_response(response)
            update["submitted_at"] = d.moment(day)
        Response.objects.filter(pk=response.pk).update(**update)

    def _answer(self, spec, respondent, item, field_key, rng, text_rng, tendency, fact_draw):
        perspective = respondent.perspective
        level = spec.levels[field_key]
        if item.kind == ItemKind.TEXT:
            text = self._text(field_key, perspective, level, text_rng)
            return {"text": text} if text else None
        if not respondent.submit and text_rng.random() < 0.5:
            return None  # a saved, unfinished questionnaire
        if item.kind == ItemKind.YES_NO:
            if rng.random() < DONT_KNOW_FACT[perspective]:
                return {"dont_know": True}
            truth = fact_draw[item.pk] < (level - 1) / 4
            if perspective != ADMIN and rng.random() < 0.15:
                truth = not truth  # people outside see facts differently
            elif perspective == ADMIN and rng.random() < 0.05:
                truth = not truth
            return {"yes": truth}
        if rng.random() < DONT_KNOW[perspective]:
            return {"dont_know": True}
        value = (
            level
            + OFFSET[perspective]
            + spec.gaps.get((field_key, perspective), 0.0)
            + tendency[item.key + field_key]
            + rng.gauss(0, 0.6)
        )
        return {"scale": min(5, max(1, round(value)))}

    @staticmethod
    def _text(field_key, perspective, level, rng) -> str:
        if rng.random() > 0.22:
            return ""
        who = "admin" if perspective == ADMIN else "other"
        band = "low" if level < 3 else "high"
        options = [text for w, b, text in TEXTS[field_key] if w == who and b == band]
        return rng.choice(options) if options else ""

    def _workshop(self, round_, spec, fields, by) -> None:
        d = self.d
        closed = spec.closed_on
        mark_notes = WorkshopNote.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        mark_steps = FirstStep.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        for f in fields.values():
            band = "low" if spec.levels[f.key] < 3 else "high"
            potentials, recommendations, steps = spec.notes.get(f.key) or WORKSHOP[f.key][band]
            services.save_workshop_note(
                round_, f, potentials=potentials, recommendations=recommendations
            )
            for number, (text, responsible) in enumerate(steps):
                services.add_first_step(
                    round_,
                    f,
                    text=text,
                    by=by,
                    responsible=responsible,
                    due_on=closed + timedelta(days=60 + 45 * number),
                )
        WorkshopNote.objects.filter(round=round_, pk__gt=mark_notes).update(
            created_at=d.moment(closed), updated_at=d.moment(closed)
        )
        FirstStep.objects.filter(round=round_, pk__gt=mark_steps).update(
            created_at=d.moment(closed), updated_at=d.moment(closed)
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


def create_selfchecks(d: DemoBuilder) -> int:
    """Create the demo's self-check rounds; returns how many."""
    return SelfCheckDemo(d).build()
