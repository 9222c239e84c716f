"""The running round's processes, told as of today (dates relative to `d.today`).

Each function receives the builder `d` and the freshly admitted process and plays
through what happened so far, through the builder's helpers (which call the services).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.db.models import Max

from teilhabe.processes import services as process_services
from teilhabe.processes.models import BlockStatus, Phase, Process

if TYPE_CHECKING:
    from teilhabe.demo.builder import DemoBuilder

IN_PROGRESS = BlockStatus.IN_PROGRESS
DONE = BlockStatus.DONE
DROPPED = BlockStatus.DROPPED


def neckarbrueck(d: DemoBuilder, process: Process) -> None:
    """The richest process: in the participation phase, with something due soon."""
    t, s = d.today, process.started_on
    wolf = d.user("koordination@neckarbrueck.example")
    yilmaz = d.user("team@neckarbrueck.example")
    schuster = d.user("schuster@neckarbrueck.example")
    keller = d.user("keller")
    b = {
        block.block_type.key: block
        for block in process.blocks.select_related("block_type", "process")
    }

    d.run(
        b["kickoff"],
        s + timedelta(days=6),
        s + timedelta(days=6),
        by=wolf,
        responsible=[wolf, keller],
        responsible_others="Oberbürgermeisterin Dr. Renate Feldmann",
        notes="Im Rathaus, drei Stunden. Dabei: OB Dr. Feldmann, Sabine Wolf, Murat "
        "Yilmaz, Jonas Keller.",
        results=(
            "Ausgangslage: Der Freundeskreis Asyl trägt seit 2015 viele Angebote, die Zahl "
            "der Aktiven ist aber von über 120 auf rund 40 gesunken. Der Integrationsbeirat "
            "tagt regelmäßig, wird in der Verwaltung aber wenig wahrgenommen.\n"
            "Erwartungen: ein Integrationskonzept, das nicht im Schrank verschwindet; mehr "
            "Menschen mit Migrationsgeschichte in Vereinen und Gremien; bessere Abstimmung "
            "zwischen Verwaltung und Ehrenamt.\n"
            "Vereinbart: Steuerungsgruppe unter Leitung der OB, räumlicher Schwerpunkt "
            "Weststadt, Zukunftswerkstatt als erste große Veranstaltung. Nächster Schritt: "
            "Stakeholderanalyse mit dem Integrationsbeirat."
        ),
    )
    d.run(
        b["stakeholder-analysis"],
        s + timedelta(days=14),
        s + timedelta(days=45),
        by=wolf,
        responsible=[wolf, yilmaz],
        responsible_others="Integrationsbeirat",
        notes="Workshop mit dem Integrationsbeirat und dem Freundeskreis Asyl; "
        "Akteursliste als Tabelle im Anhang.",
        results=(
            "72 Akteur*innen erfasst, davon neun Migrant*innen-Organisationen.\n"
            "Vier-Felder-Analyse – Promotor*innen: Integrationsbeirat, Freundeskreis Asyl, "
            "Stadtjugendring, Caritas. Kritisch mit Einfluss: eine Gemeinderatsfraktion, "
            "die ein weiteres Konzept für überflüssig hält. Zu aktivieren: Sportvereine, "
            "Moscheegemeinden, Elternbeiräte. Zu informieren: Gewerbeverein, Wohnungsbau.\n"
            "Wer fehlt noch? Jugendliche mit Migrationsgeschichte, Frauen aus der "
            "eritreischen Community, Beschäftigte im Schichtdienst, Arbeitgeber*innen aus "
            "dem Gewerbegebiet Hagenbühl."
        ),
    )
    d.run(
        b["self-check"],
        s + timedelta(days=30),
        s + timedelta(days=95),
        by=wolf,
        responsible=[wolf],
        notes="Fragebogen von elf Fachbereichen ausgefüllt; Workshop mit 28 Teilnehmenden "
        "aus Verwaltung, Gemeinderat, Integrationsbeirat und Vereinen.",
        results=(
            "Größter Unterschied zwischen Verwaltung und Zivilgesellschaft im Handlungsfeld "
            "Kommunikation und Sprache: Die Verwaltung sieht sich gut aufgestellt, "
            "Migrant*innen-Organisationen erleben Bescheide und Website als schwer "
            "verständlich.\n"
            "Erste Schritte: die zehn häufigsten Formulare in einfache Sprache übertragen, "
            "Dolmetscherpool verstetigen, interkulturelle Fortbildung für das Bürgerbüro."
        ),
    )
    d.run(
        b["steering-group"],
        s + timedelta(days=60),
        s + timedelta(days=80),
        by=wolf,
        responsible=[wolf],
        responsible_others="OB Dr. Feldmann (Vorsitz)",
        results=(
            "Konstituierende Sitzung mit 14 Mitgliedern unter Vorsitz der "
            "Oberbürgermeisterin: zwei Vertreter*innen des Integrationsbeirats, "
            "Türkisch-Deutscher Kulturverein, Afrika-Forum, Caritas, Diakonie, Agentur für "
            "Arbeit, Staatliches Schulamt, Stadtjugendring sowie drei Amtsleitungen. "
            "Geschäftsordnung beschlossen; Sitzungen alle acht Wochen."
        ),
    )
    first_meeting = d.add(
        process,
        by=keller,
        on=s + timedelta(days=90),
        key="network-meeting",
        name="1. Netzwerktreffen der Förderrunde",
        planned_start=s + timedelta(days=105),
        planned_end=s + timedelta(days=105),
    )
    d.set_status(first_meeting, IN_PROGRESS, by=wolf, on=s + timedelta(days=105))
    d.edit(
        first_meeting,
        by=wolf,
        on=s + timedelta(days=106),
        results="Austausch mit Lindenau und Eichenwald zur Ansprache stiller Gruppen. Die "
        "Idee der Elternlotsen aus Eichenwald nehmen wir in die AG Bildung mit.",
    )
    d.set_status(first_meeting, DONE, by=wolf, on=s + timedelta(days=106))

    app = d.add(
        process,
        by=yilmaz,
        on=s + timedelta(days=50),
        name="Online-Beteiligung über die Stadt-App",
        name_en="Online participation via the city app",
        phase=Phase.PARTICIPATION,
        description="Ideen und Umfragen zum Integrationskonzept über die Stadt-App.",
        planned_start=t - timedelta(days=150),
        planned_end=t - timedelta(days=120),
    )
    d.set_status(
        app,
        DROPPED,
        by=wolf,
        on=t - timedelta(days=130),
        reason="Die Stadt-App erreicht die Zielgruppen kaum (Ergebnis der "
        "Zukunftswerkstatt). Die Mittel fließen in aufsuchende Gespräche.",
    )
    d.run(
        b["participation-event"],
        t - timedelta(days=135),
        t - timedelta(days=135),
        by=wolf,
        responsible=[wolf, yilmaz, keller],
        name="Zukunftswerkstatt „Zusammenleben in Neckarbrück“",
        notes=(
            "Stadthalle, ganztägig 10–16 Uhr, mit Kinderbetreuung. Dolmetschen Arabisch, "
            "Türkisch und Tigrinya. Einladung über Schlüsselpersonen, Flyer in sechs "
            "Sprachen, Lokalradio und persönliche Ansprache in den Vereinen."
        ),
        results=(
            "87 Teilnehmende; laut freiwilliger Kurzbefragung knapp 40 % mit eigener oder "
            "familiärer Migrationsgeschichte, aber kaum Jugendliche.\n"
            "Kritikphase: zu wenige Treffpunkte in der Weststadt, lange Wartezeiten bei der "
            "Ausländerbehörde, kaum Informationen in einfacher Sprache.\n"
            "Utopiephase: „Ein Haus für alle“ in der Weststadt, Vereine mit "
            "Schnuppermitgliedschaft, Elternlotsen an allen Grundschulen.\n"
            "Realisierungsphase: 23 Vorschläge, per Punktabfrage priorisiert; die fünf "
            "wichtigsten gehen in die Arbeitsgruppen."
        ),
    )
    fest = d.add(
        process,
        by=schuster,
        on=t - timedelta(days=150),
        name="Interkulturelles Stadtteilfest Weststadt",
        name_en="Intercultural neighbourhood festival",
        phase=Phase.PARTICIPATION,
        description="Ein Fest mit Aktionscharakter mitten im Quartier, um Menschen zu "
        "erreichen, die nicht zu Veranstaltungen im Rathaus kommen.",
        planned_start=t - timedelta(days=110),
        planned_end=t - timedelta(days=110),
        responsible_others="Stadtjugendring, Afrika-Forum, Türkisch-Deutscher Kulturverein",
        responsible=[schuster],
    )
    d.set_status(fest, IN_PROGRESS, by=schuster, on=t - timedelta(days=110))
    d.edit(
        fest,
        by=schuster,
        on=t - timedelta(days=108),
        results=(
            "Rund 600 Besucher*innen. Die Ideenwand mit 140 Beiträgen ergänzt die "
            "Ergebnisse der Zukunftswerkstatt. 17 Personen haben sich für die "
            "Arbeitsgruppen gemeldet, davon sechs, die bisher in keinem Verein aktiv waren."
        ),
    )
    d.set_status(fest, DONE, by=schuster, on=t - timedelta(days=108))

    wg = b["working-groups"]
    d.plan(
        wg,
        t - timedelta(days=100),
        t + timedelta(days=70),
        by=wolf,
        on=t - timedelta(days=104),
        responsible=[wolf, yilmaz],
        notes=(
            "Vier Arbeitsgruppen mit je 8 bis 12 Mitgliedern: Sprache und Bildung; Arbeit "
            "und Ausbildung; Begegnung, Sport und Vereine; Information und Verwaltung.\n"
            "Stand: Die AG Sprache und Bildung hat ihre Bestandsaufnahme abgeschlossen; die "
            "AG Arbeit und Ausbildung sucht noch Vertreter*innen aus den Betrieben."
        ),
    )
    d.set_status(wg, IN_PROGRESS, by=wolf, on=t - timedelta(days=95))
    # Stays planned with its end in the past: the overdue example.
    d.add(
        process,
        by=yilmaz,
        on=t - timedelta(days=60),
        key="outreach",
        name="Aufsuchende Gespräche: Wer fehlt noch?",
        planned_start=t - timedelta(days=45),
        planned_end=t - timedelta(days=7),
        responsible=[yilmaz],
        notes=(
            "Laut Stakeholderanalyse und Kurzbefragung fehlen Jugendliche, Frauen aus der "
            "eritreischen Community und Beschäftigte im Schichtdienst. Gespräche mit dem "
            "Jugendhaus und der Moscheegemeinde sind angefragt, aber noch nicht terminiert."
        ),
    )
    d.add(
        process,
        by=wolf,
        on=t - timedelta(days=30),
        key="network-meeting",
        name="2. Netzwerktreffen der Förderrunde",
        planned_start=t + timedelta(days=9),
        planned_end=t + timedelta(days=9),
        responsible=[wolf],
        notes="Beitrag vorbereiten: Engagementgeschichte vom Stadtteilfest (fünf Minuten, "
        "mit zwei Ehrenamtlichen aus dem Afrika-Forum).",
    )
    d.add(
        process,
        by=wolf,
        on=t - timedelta(days=20),
        key="participation-event",
        name="Open Space „Weststadt gestalten“",
        planned_start=t + timedelta(days=12),
        planned_end=t + timedelta(days=12),
        responsible=[wolf, schuster, keller],
        notes=(
            "Gemeindezentrum Weststadt, 14–18 Uhr, barrierefrei. Einladung über "
            "Elternbeiräte, Vereine und Schlüsselpersonen; Flyer in einfacher Sprache. "
            "Offen: Dolmetschen Tigrinya, Kinderbetreuung."
        ),
    )
    d.plan(
        b["integration-concept"],
        t + timedelta(days=60),
        t + timedelta(days=150),
        by=wolf,
        on=t - timedelta(days=20),
        responsible=[wolf],
        notes="Redaktionsteam: Integrationsbeauftragte, je eine Person pro AG, Prozessbegleitung.",
    )
    # Blocks added later come last in their phase; the concept belongs at the end.
    concept = b["integration-concept"]
    while (
        concept.position
        < process.blocks.filter(phase=concept.phase).aggregate(top=Max("position"))["top"]
    ):
        process_services.move_block(concept, "down", by=wolf)
    d.stamp(t - timedelta(days=20))
    d.plan(
        b["council-decision"],
        t + timedelta(days=170),
        t + timedelta(days=170),
        by=wolf,
        on=t - timedelta(days=20),
        notes="Vorberatung im Sozialausschuss etwa vier Wochen vorher einplanen.",
        responsible_others="OB Dr. Feldmann",
    )
    d.plan(
        b["implementation-support"],
        t + timedelta(days=175),
        t + timedelta(days=270),
        by=wolf,
        on=t - timedelta(days=20),
    )
    d.plan(
        b["closing-review"],
        t + timedelta(days=275),
        t + timedelta(days=280),
        by=keller,
        on=t - timedelta(days=20),
    )
    for day, amount, note, hours in [
        (s + timedelta(days=6), 1, "Auftaktgespräch im Rathaus", False),
        (s + timedelta(days=20), 0.5, "Vorbereitung Stakeholder-Workshop", False),
        (s + timedelta(days=40), 1, "Stakeholder-Workshop mit dem Integrationsbeirat", False),
        (s + timedelta(days=80), 1, "Konstituierende Sitzung der Steuerungsgruppe", False),
        (s + timedelta(days=95), 1, "Selbstcheck-Workshop", False),
        (s + timedelta(days=97), 4, "Dokumentation Selbstcheck-Workshop", True),
        (t - timedelta(days=150), 1.5, "Vorbereitung Zukunftswerkstatt", False),
        (t - timedelta(days=135), 2, "Moderation Zukunftswerkstatt mit Co-Moderation", False),
        (t - timedelta(days=128), 1, "Fotoprotokoll und Auswertung Zukunftswerkstatt", False),
        (t - timedelta(days=95), 1, "Auftakt der Arbeitsgruppen", False),
        (t - timedelta(days=60), 1, "Sitzungen AG Sprache und Bildung, AG Begegnung", False),
        (t - timedelta(days=30), 1, "Sitzungen AG Arbeit, AG Information", False),
        (t - timedelta(days=5), 6, "Vorbereitung Open Space mit Stadtplanung", True),
    ]:
        d.consult(process, keller, day, amount, note, hours=hours)


def lindenau(d: DemoBuilder, process: Process) -> None:
    """A small municipality early in its process: the self-check is under way."""
    t, s = d.today, process.started_on
    berger = d.user("koordination@lindenau.example")
    keller = d.user("keller")
    d.run(
        d.block(process, "kickoff"),
        s + timedelta(days=3),
        s + timedelta(days=3),
        by=berger,
        responsible=[berger, keller],
        responsible_others="Bürgermeister Frank Riedel",
        results=(
            "Gemeinschaftsunterkunft mit rund 90 Plätzen, Anschlussunterbringung in 14 "
            "Wohnungen. Der Helferkreis ist seit Jahren aktiv, die Kerngruppe von zwölf "
            "Personen ist erschöpft. Wünsche: Nachwuchs für das Ehrenamt, Begegnung im "
            "Ortskern, Geflüchtete selbst als Engagierte gewinnen.\n"
            "Da es keine Migrant*innen-Organisation am Ort gibt, laden wir engagierte "
            "Migrant*innen als Expert*innen ein."
        ),
    )
    d.run(
        d.block(process, "stakeholder-analysis"),
        s + timedelta(days=15),
        s + timedelta(days=70),
        by=berger,
        responsible=[berger],
        results=(
            "35 Akteur*innen, u. a. beide Kirchengemeinden, TSV Lindenau, Musikverein, "
            "Grundschule, Kita und das Integrationsmanagement des Landratsamts. Fünf "
            "engagierte Geflüchtete haben zugesagt, als Expert*innen mitzuwirken.\n"
            "Wer fehlt noch? Jüngere Leute im Helferkreis, Frauen aus der "
            "Gemeinschaftsunterkunft, die Betriebe im Ort."
        ),
    )
    selfcheck = d.plan(
        d.block(process, "self-check"),
        t - timedelta(days=40),
        t + timedelta(days=20),
        by=berger,
        on=t - timedelta(days=45),
        responsible=[berger],
        notes="Fragebogen ist zurück (Hauptamt, Bauamt, Kämmerei, Kindergarten). "
        "Workshop mit Gemeinderat und Helferkreis wird geplant.",
    )
    d.set_status(selfcheck, IN_PROGRESS, by=berger, on=t - timedelta(days=40))
    d.plan(
        d.block(process, "steering-group"),
        t + timedelta(days=10),
        t + timedelta(days=10),
        by=berger,
        on=t - timedelta(days=14),
        responsible=[berger],
        notes="Einladungen verschickt an Bürgermeister Riedel, zwei Gemeinderät*innen, "
        "Helferkreis, Pfarrerin, TSV und zwei engagierte Geflüchtete.",
    )
    d.plan(
        d.block(process, "participation-event"),
        t + timedelta(days=50),
        t + timedelta(days=50),
        by=berger,
        on=t - timedelta(days=14),
        name="Begegnungsnachmittag im Ortskern",
    )
    for day, amount, note in [
        (s + timedelta(days=3), 1, "Auftaktgespräch"),
        (s + timedelta(days=40), 1, "Stakeholder-Workshop"),
        (s + timedelta(days=70), 0.5, "Auswertung Stakeholderanalyse"),
        (t - timedelta(days=40), 1, "Selbstcheck: Einführung Fragebogen"),
        (t - timedelta(days=10), 1, "Vorbereitung Steuerungsgruppe"),
    ]:
        d.consult(process, keller, day, amount, note)


def kochertal(d: DemoBuilder, process: Process) -> None:
    """A district that has used most of its budget: the low-budget warning shows."""
    t, s = d.today, process.started_on
    seitz = d.user("integration@lk-kochertal.example")
    keller, hofmann = d.user("keller"), d.user("hofmann")
    results = {
        "kickoff": "Erstgespräch mit Landrat Bernd Kessler und der Sozialdezernentin. "
        "Ziel: ein Kreiskonzept, das in allen vier Raumschaften getragen wird.",
        "stakeholder-analysis": "47 Akteur*innen auf Kreisebene und aus den vier "
        "Raumschaften. Wer fehlt noch? Die kleineren Gemeinden ohne Helferkreis und die "
        "Betriebe.",
        "self-check": "Landratsamt und acht Gemeinden haben den Fragebogen ausgefüllt. "
        "Größte Lücke: Zusammenarbeit mit Migrant*innen-Organisationen.",
        "steering-group": "Lenkungsgruppe mit 16 Mitgliedern unter Vorsitz des Landrats, "
        "darunter vier Bürgermeister*innen.",
    }
    for key, first, last in [
        ("kickoff", 3, 3),
        ("stakeholder-analysis", 10, 40),
        ("self-check", 25, 70),
        ("steering-group", 45, 50),
    ]:
        d.run(
            d.block(process, key),
            s + timedelta(days=first),
            s + timedelta(days=last),
            by=seitz,
            responsible=[seitz],
            results=results[key],
        )
    regions = ("Nord", "Süd", "Mitte", "West")
    conferences = [d.block(process, "participation-event")]
    for region in regions[1:]:
        conferences.append(
            d.add(
                process,
                by=seitz,
                on=s + timedelta(days=55),
                key="participation-event",
                name=f"Regionalkonferenz {region}",
            )
        )
    for index, (block, region, people) in enumerate(
        zip(conferences, regions, (74, 58, 91, 66), strict=True)
    ):
        day = t - timedelta(days=190 - 14 * index)
        d.run(
            block,
            day,
            day,
            by=seitz,
            responsible=[seitz],
            name=f"Regionalkonferenz {region}",
            results=f"{people} Teilnehmende aus Gemeinden, Vereinen und Betrieben der "
            f"Raumschaft {region}; World Café zu Arbeit, Mobilität und Begegnung.",
        )
    d.run(
        d.block(process, "working-groups"),
        t - timedelta(days=140),
        t - timedelta(days=45),
        by=seitz,
        responsible=[seitz],
        results="Fünf Arbeitsgruppen haben 46 Maßnahmenvorschläge erarbeitet.",
    )
    concept = d.plan(
        d.block(process, "integration-concept"),
        t - timedelta(days=40),
        t + timedelta(days=35),
        by=seitz,
        on=t - timedelta(days=44),
        responsible=[seitz],
        notes="Zweiter Entwurf liegt der Lenkungsgruppe vor; Rückmeldungen der "
        "Gemeinden werden eingearbeitet.",
    )
    d.set_status(concept, IN_PROGRESS, by=seitz, on=t - timedelta(days=40))
    d.plan(
        d.block(process, "council-decision"),
        t + timedelta(days=70),
        t + timedelta(days=70),
        by=seitz,
        on=t - timedelta(days=30),
        name="Beschluss im Kreistag",
    )
    d.add(
        process,
        by=hofmann,
        on=t - timedelta(days=30),
        key="peer-consultation",
        name="Kollegiale Beratung der Bürgermeister*innen",
        planned_start=t + timedelta(days=45),
        planned_end=t + timedelta(days=45),
    )
    # 28 days and 12 hours: 35,400 EUR of 40,000, below the warning threshold.
    for day, who, amount, note, hours in [
        (s + timedelta(days=3), keller, 1, "Erstgespräch im Landratsamt", False),
        (s + timedelta(days=20), keller, 1.5, "Stakeholder-Workshops Nord und Süd", False),
        (s + timedelta(days=30), hofmann, 1, "Stakeholder-Workshops Mitte und West", False),
        (s + timedelta(days=50), keller, 1, "Konstituierung Lenkungsgruppe", False),
        (s + timedelta(days=70), keller, 2, "Selbstcheck-Workshop mit den Gemeinden", False),
        (t - timedelta(days=200), hofmann, 1.5, "Vorbereitung der Regionalkonferenzen", False),
        *[
            (t - timedelta(days=190 - 14 * i), who, amount, f"Regionalkonferenz {r}", False)
            for i, r in enumerate(regions)
            for who, amount in ((keller, 1.5), (hofmann, 1))
        ],
        (t - timedelta(days=140), hofmann, 1, "Dokumentation der Regionalkonferenzen", False),
        (t - timedelta(days=120), keller, 2, "Arbeitsgruppen, erste Runde", False),
        (t - timedelta(days=90), hofmann, 2, "Arbeitsgruppen, zweite Runde", False),
        (t - timedelta(days=60), keller, 1.5, "Arbeitsgruppen, Abschluss", False),
        (t - timedelta(days=30), keller, 2, "Konzeptentwurf, Redaktionssitzungen", False),
        (t - timedelta(days=12), hofmann, 1.5, "Rückmeldungen der Gemeinden einarbeiten", False),
        (t - timedelta(days=5), keller, 12, "Lenkungsgruppe, zweiter Entwurf", True),
    ]:
        d.consult(process, who, day, amount, note, hours=hours)


def eichenwald(d: DemoBuilder, process: Process) -> None:
    """Working groups under way and a project of its own that grew out of the process."""
    t, s = d.today, process.started_on
    ott, demir = d.user("integration@eichenwald.example"), d.user("demir")
    for key, first, last, text in [
        (
            "kickoff",
            5,
            5,
            "Erstgespräch mit Bürgermeisterin Anja Roth: Schwerpunkt Eltern und Familien, "
            "Zugang über Kitas und Grundschulen.",
        ),
        (
            "stakeholder-analysis",
            12,
            45,
            "47 Akteur*innen. Wer fehlt noch? Väter, Familien ohne Kita-Platz, die "
            "Kulturvereine außer der Balkanbrücke.",
        ),
        (
            "self-check",
            35,
            90,
            "Workshop mit 22 Teilnehmenden; größte Lücke bei mehrsprachiger Information.",
        ),
        (
            "steering-group",
            70,
            70,
            "Steuerungsgruppe mit elf Mitgliedern unter Vorsitz der Bürgermeisterin konstituiert.",
        ),
    ]:
        d.run(
            d.block(process, key),
            s + timedelta(days=first),
            s + timedelta(days=last),
            by=ott,
            responsible=[ott],
            results=text,
        )
    d.run(
        d.block(process, "participation-event"),
        t - timedelta(days=100),
        t - timedelta(days=100),
        by=ott,
        responsible=[ott, demir],
        name="World Café „Gut ankommen in Eichenwald“",
        results="63 Teilnehmende, davon 21 Eltern, die zum ersten Mal an einer "
        "Veranstaltung der Stadt teilgenommen haben. Wichtigster Wunsch: ein fester Ort "
        "für Eltern mit kleinen Kindern.",
    )
    cafe = d.add(
        process,
        by=ott,
        on=t - timedelta(days=85),
        name="Elterncafé mit zweisprachigem Vorlesen",
        name_en="Parents' café with bilingual reading",
        phase=Phase.PARTICIPATION,
        description="Ein Projekt aus dem World Café: wöchentliches Elterncafé im "
        "Familienzentrum, Vorlesen auf Deutsch und in einer Familiensprache.",
        planned_start=t - timedelta(days=70),
        planned_end=t + timedelta(days=120),
        responsible=[ott],
        responsible_others="Familienzentrum, Stadtbibliothek, Kulturverein Balkanbrücke",
        notes="Läuft jeden Mittwoch; bisher Vorlesen auf Arabisch, Bosnisch, Türkisch "
        "und Ukrainisch. Drei Mütter haben die Organisation übernommen.",
    )
    d.set_status(cafe, IN_PROGRESS, by=ott, on=t - timedelta(days=70))
    wg = d.plan(
        d.block(process, "working-groups"),
        t - timedelta(days=80),
        t + timedelta(days=40),
        by=ott,
        on=t - timedelta(days=85),
        responsible=[ott],
        notes="AG Frühe Bildung, AG Wohnen und Nachbarschaft, AG Information.",
    )
    d.set_status(wg, IN_PROGRESS, by=ott, on=t - timedelta(days=80))
    d.plan(
        d.block(process, "integration-concept"),
        t + timedelta(days=40),
        t + timedelta(days=120),
        by=ott,
        on=t - timedelta(days=30),
    )
    for day, amount, note in [
        (s + timedelta(days=5), 1, "Erstgespräch"),
        (s + timedelta(days=30), 1.5, "Stakeholderanalyse"),
        (s + timedelta(days=70), 1, "Steuerungsgruppe"),
        (s + timedelta(days=90), 2, "Selbstcheck-Workshop"),
        (t - timedelta(days=100), 2.5, "World Café: Vorbereitung und Moderation"),
        (t - timedelta(days=80), 1.5, "Auftakt Arbeitsgruppen"),
        (t - timedelta(days=20), 1.5, "Arbeitsgruppen"),
    ]:
        d.consult(process, demir, day, amount, note)


def weilerbronn(d: DemoBuilder, process: Process) -> None:
    """Still in analysis: the self-check was dropped, the steering group is forming."""
    t, s = d.today, process.started_on
    aksoy, demir = d.user("chancengleichheit@weilerbronn.example"), d.user("demir")
    d.run(
        d.block(process, "kickoff"),
        s + timedelta(days=4),
        s + timedelta(days=4),
        by=aksoy,
        responsible=[aksoy, demir],
        results="Erstgespräch mit OB Michael Schäfer, Wirtschaftsförderung und "
        "Integrationsbeirat. Schwerpunkt: Ankommen neu zugewanderter Fachkräfte und "
        "ihrer Familien.",
    )
    d.run(
        d.block(process, "stakeholder-analysis"),
        s + timedelta(days=15),
        s + timedelta(days=60),
        by=aksoy,
        responsible=[aksoy],
        results="47 Akteur*innen, darunter acht Betriebe. Wer fehlt noch? Partner*innen "
        "der Fachkräfte, die nicht im Betrieb arbeiten, und die Wohnungswirtschaft.",
    )
    d.set_status(
        d.block(process, "self-check"),
        DROPPED,
        by=aksoy,
        on=s + timedelta(days=20),
        reason=f"Die Stadt hat {t.year - 2} bereits einen Selbstcheck durchgeführt; die "
        "Ergebnisse fließen in die Stakeholderanalyse ein.",
    )
    steering = d.plan(
        d.block(process, "steering-group"),
        t - timedelta(days=20),
        t + timedelta(days=5),
        by=aksoy,
        on=t - timedelta(days=25),
        responsible=[aksoy],
        notes="Zusage des Unternehmensnetzwerks liegt vor; Vertretung des Indischen "
        "Kulturvereins noch offen.",
    )
    d.set_status(steering, IN_PROGRESS, by=aksoy, on=t - timedelta(days=20))
    d.plan(
        d.block(process, "participation-event"),
        t + timedelta(days=40),
        t + timedelta(days=40),
        by=aksoy,
        on=t - timedelta(days=10),
        name="Dialogabend mit Betrieben und neu zugewanderten Familien",
    )
    for day, amount, note in [
        (s + timedelta(days=4), 1, "Erstgespräch"),
        (s + timedelta(days=45), 1.5, "Stakeholder-Workshop"),
        (t - timedelta(days=20), 1, "Vorbereitung Steuerungsgruppe"),
    ]:
        d.consult(process, demir, day, amount, note)
