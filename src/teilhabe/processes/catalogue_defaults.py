"""The default building-block catalogue (Bausteinkonzept) a new programme starts with.

The blocks follow the three phases of the Bausteinkonzept: analysis and planning,
participation, implementation support. The texts are our own; the programme office
adapts them in a new catalogue version, so nothing here is binding for a running
process (processes copy the blocks they use).
"""

from datetime import datetime

from django.db import transaction

from teilhabe.processes import services
from teilhabe.processes.models import BlockType, Catalogue, Phase

DEFAULT_BLOCK_TYPES: list[dict] = [
    # --- Analysis and planning -----------------------------------------------------
    {
        "key": "kickoff",
        "name": "Auftaktgespräch (Erstgespräch)",
        "name_en": "Kick-off talk",
        "description": (
            "Die Prozessbegleitung lernt die Projektverantwortlichen vor Ort kennen. "
            "Gemeinsam werden Ausgangslage, Erwartungen, vorhandene Strukturen und die "
            "nächsten Schritte geklärt."
        ),
        "description_en": (
            "The facilitators meet the people responsible on site. Together they clarify "
            "the starting point, expectations, existing structures and the next steps."
        ),
        "phase": Phase.ANALYSIS,
        "included_by_default": True,
        "typical_weeks": 2,
    },
    {
        "key": "stakeholder-analysis",
        "name": "Stakeholderanalyse",
        "name_en": "Stakeholder analysis",
        "description": (
            "Wer ist für Integration und Engagement vor Ort wichtig, wer unterstützt, wer "
            "sieht den Prozess kritisch? Die Akteur*innen werden nach Einfluss und Haltung "
            "eingeordnet (Vier-Felder-Analyse), Lücken werden sichtbar: Wer fehlt noch?"
        ),
        "description_en": (
            "Who matters for integration and engagement locally, who supports the process, "
            "who is critical? Actors are placed by influence and attitude (four-field "
            "analysis), which shows the gaps: who is still missing?"
        ),
        "phase": Phase.ANALYSIS,
        "included_by_default": True,
        "typical_weeks": 4,
    },
    {
        "key": "self-check",
        "name": "Selbstcheck",
        "name_en": "Self-check",
        "description": (
            "Die Verwaltung schätzt ihre Integrations- und Vielfaltsarbeit anhand eines "
            "Fragebogens selbst ein. In einem Workshop ergänzen Politik, Zivilgesellschaft "
            "und Migrant*innen-Organisationen ihre Sicht und leiten erste Schritte ab."
        ),
        "description_en": (
            "The administration rates its own integration and diversity work with a "
            "questionnaire. In a workshop, politics, civil society and migrant "
            "organisations add their view and agree on first steps."
        ),
        "phase": Phase.ANALYSIS,
        "included_by_default": True,
        "typical_weeks": 6,
    },
    {
        "key": "steering-group",
        "name": "Steuerungsgruppe konstituieren",
        "name_en": "Constitute the steering group",
        "description": (
            "Eine Steuerungsgruppe unter Leitung der Verwaltungsspitze begleitet den "
            "Gesamtprozess. Neben Fachbereichen der Verwaltung gehören Migrant*innen-"
            "Organisationen und Zivilgesellschaft dazu; Auftrag und Spielregeln werden "
            "in der ersten Sitzung vereinbart."
        ),
        "description_en": (
            "A steering group chaired by the head of the administration guides the whole "
            "process. Besides administration departments it includes migrant organisations "
            "and civil society; its mandate and ground rules are agreed at the first meeting."
        ),
        "phase": Phase.ANALYSIS,
        "included_by_default": True,
        "typical_weeks": 4,
    },
    # --- Participation -------------------------------------------------------------
    {
        "key": "participation-event",
        "name": "Beteiligungsveranstaltung",
        "name_en": "Participation event",
        "description": (
            "Eine Veranstaltung, bei der Einwohner*innen und Akteur*innen ihre Ideen und "
            "Anliegen einbringen, etwa als Zukunftswerkstatt, Open Space oder World Café. "
            "Ort, Zeit, Sprache und Ansprache werden so gewählt, dass auch bisher wenig "
            "erreichte Gruppen teilnehmen können."
        ),
        "description_en": (
            "An event at which residents and local actors contribute ideas and concerns, "
            "for example as a future workshop, Open Space or World Café. Place, time, "
            "language and outreach are chosen so that groups rarely reached so far can "
            "take part."
        ),
        "phase": Phase.PARTICIPATION,
        "included_by_default": True,
        "typical_weeks": 10,
    },
    {
        # Optional: many municipalities reach "silent groups" only by going to them.
        "key": "outreach",
        "name": "Aufsuchende Beteiligung",
        "name_en": "Outreach participation",
        "description": (
            "Gespräche und kleine Aktionen dort, wo die Menschen ohnehin sind: in "
            "Vereinen, Gemeinden, Jugendhäusern oder auf dem Markt. Schlüsselpersonen "
            "öffnen Türen zu Gruppen, die zu Veranstaltungen bisher nicht kommen."
        ),
        "description_en": (
            "Conversations and small activities where people already are: in clubs, "
            "congregations, youth centres or at the market. Key persons open doors to "
            "groups that have not come to events so far."
        ),
        "phase": Phase.PARTICIPATION,
        "included_by_default": False,
        "typical_weeks": 8,
    },
    {
        "key": "working-groups",
        "name": "Arbeitsgruppen",
        "name_en": "Working groups",
        "description": (
            "Für die wichtigsten Handlungsfelder arbeiten Fachleute aus Verwaltung, "
            "Politik, Einrichtungen und Zivilgesellschaft in Arbeitsgruppen. Sie "
            "erheben, was es schon gibt, formulieren Ziele und schlagen Maßnahmen vor."
        ),
        "description_en": (
            "For the most important fields of action, people from the administration, "
            "politics, institutions and civil society work in working groups. They take "
            "stock of what exists, set goals and propose measures."
        ),
        "phase": Phase.PARTICIPATION,
        "included_by_default": True,
        "typical_weeks": 16,
    },
    {
        # Network meetings run across all municipalities of a round and are organised
        # by the programme office (there are usually three per round). They are
        # cross-cutting, not a step of one municipality's path, so the block is not in
        # every process: a municipality adds it when it prepares its own contribution
        # (e.g. presenting its engagement story). It sits in the participation phase
        # because that is when municipalities have most to exchange.
        "key": "network-meeting",
        "name": "Netzwerktreffen",
        "name_en": "Network meeting",
        "description": (
            "Die beteiligten Kommunen und die Prozessbegleiter*innen tauschen sich "
            "kommunenübergreifend über Erfahrungen, gelungene Ansätze und Stolpersteine "
            "aus. Die Kommune bereitet ihren Beitrag vor und nimmt Anregungen mit."
        ),
        "description_en": (
            "The municipalities of the programme and their facilitators exchange "
            "experiences, approaches that worked and stumbling blocks. The municipality "
            "prepares its contribution and takes ideas home."
        ),
        "phase": Phase.PARTICIPATION,
        "included_by_default": False,
        "typical_weeks": 1,
    },
    {
        "key": "integration-concept",
        "name": "Integrationskonzept erarbeiten",
        "name_en": "Draft the integration concept",
        "description": (
            "Die Ergebnisse aus Beteiligung und Arbeitsgruppen werden zu einem Konzept "
            "mit Leitbild, Handlungsfeldern, Zielen und Maßnahmen zusammengeführt. Die "
            "Steuerungsgruppe nimmt Zwischenstände an und verabschiedet den Entwurf."
        ),
        "description_en": (
            "The results of participation and working groups are brought together in a "
            "concept with a vision, fields of action, goals and measures. The steering "
            "group accepts interim versions and adopts the draft."
        ),
        "phase": Phase.PARTICIPATION,
        "included_by_default": True,
        "typical_weeks": 12,
    },
    # --- Implementation support ----------------------------------------------------
    {
        "key": "council-decision",
        "name": "Beschluss im Gemeinderat / Kreistag",
        "name_en": "Council decision",
        "description": (
            "Der Konzeptentwurf wird in den Ausschüssen beraten und dem Gemeinderat, "
            "Stadtrat oder Kreistag zur Beschlussfassung vorgelegt. Mit dem Beschluss "
            "wird die Umsetzung politisch getragen."
        ),
        "description_en": (
            "The draft concept is discussed in the committees and put to the municipal or "
            "district council for a decision. The decision gives implementation its "
            "political backing."
        ),
        "phase": Phase.IMPLEMENTATION,
        "included_by_default": True,
        "typical_weeks": 6,
    },
    {
        "key": "implementation-support",
        "name": "Umsetzungsbegleitung",
        "name_en": "Implementation support",
        "description": (
            "Die Prozessbegleitung unterstützt beim Start der ersten Maßnahmen und "
            "Projekte. Verantwortliche, Zeitplan und Ressourcen werden festgelegt, "
            "Fortschritte regelmäßig besprochen."
        ),
        "description_en": (
            "The facilitators support the start of the first measures and projects. "
            "Responsibilities, timeline and resources are agreed and progress is reviewed "
            "regularly."
        ),
        "phase": Phase.IMPLEMENTATION,
        "included_by_default": True,
        "typical_weeks": 24,
    },
    {
        # Optional: decision makers value peer exchange, but only some have the time;
        # invitations go out early, so the block is added where it is wanted.
        "key": "peer-consultation",
        "name": "Kollegiale Beratung",
        "name_en": "Peer consultation",
        "description": (
            "Bürgermeister*innen, Landrät*innen und Amtsleitungen beraten sich "
            "vertraulich mit Kolleg*innen aus anderen Kommunen, zum Beispiel zu "
            "Konfliktmanagement oder strategischer Kommunikation."
        ),
        "description_en": (
            "Mayors, district administrators and heads of office consult confidentially "
            "with peers from other municipalities, for example on conflict management or "
            "strategic communication."
        ),
        "phase": Phase.IMPLEMENTATION,
        "included_by_default": False,
        "typical_weeks": 8,
    },
    {
        "key": "closing-review",
        "name": "Abschlussgespräch und Nachhaltigkeitscheck",
        "name_en": "Closing review and sustainability check",
        "description": (
            "Zum Ende der Begleitung wird Bilanz gezogen: Gibt es dauerhafte Arbeits- "
            "und Kommunikationsstrukturen, eine hauptamtliche Zuständigkeit mit "
            "Ressourcen und erkannte Folgethemen? Offene Punkte gehen an die "
            "Verantwortlichen vor Ort über."
        ),
        "description_en": (
            "At the end of the support the results are reviewed: are there lasting working "
            "and communication structures, a full-time responsibility with resources, and "
            "identified follow-up topics? Open points are handed over to the people on site."
        ),
        "phase": Phase.IMPLEMENTATION,
        "included_by_default": True,
        "typical_weeks": 4,
    },
]


@transaction.atomic
def seed_catalogue(programme, *, by=None, now: datetime | None = None) -> Catalogue | None:
    """Give a programme without a catalogue version 1 with the default block types,
    created and published at `now`.

    Does nothing (and returns None) when the programme already has a catalogue in any
    state, so it is safe to call repeatedly and never touches the office's own work.
    """
    if programme.catalogues.exists():
        return None
    draft = services.create_catalogue_draft(
        programme, by=by, note="Standard-Bausteinkatalog (Bausteinkonzept)", now=now
    )
    BlockType.objects.bulk_create(
        BlockType(catalogue=draft, position=(index + 1) * 10, **spec)
        for index, spec in enumerate(DEFAULT_BLOCK_TYPES)
    )
    return services.publish_catalogue(draft, by=by, now=now)
