"""The default instrument "Selbstcheck Integration und Teilhabe", version 1.

Written for Teilhabe: the fields of action follow the self-check of the model project
"Weltoffene Kommune" and the method of participatory integration concepts; the items
are our own. The content lives in this file, so version 1 means the same forever: a
later change is a new version (services.succeed_version), never an edit here.

Every closed item names one concrete thing, so that two people answering honestly
agree on what is asked. Each field ends with an optional free-text question.
"""

from django.db import migrations
from django.utils import timezone

KEY = "selbstcheck"
LIKERT = "likert"
YES_NO = "yes_no"
TEXT = "text"

INSTRUMENT = {
    "name": "Selbstcheck Integration und Teilhabe",
    "name_en": "Self-check integration and participation",
    "description": (
        "Mit diesem Fragebogen schätzt die Kommune ein, wie gut sie für ein "
        "gleichberechtigtes Zusammenleben in Vielfalt aufgestellt ist. Zuerst antwortet "
        "die Verwaltung, danach Politik, Zivilgesellschaft, Migrant*innenorganisationen "
        "und Einwohner*innen. Die Unterschiede zwischen den Antworten sind der "
        "Ausgangspunkt für den gemeinsamen Workshop. Wenn Sie eine Frage nicht beurteilen "
        "können, wählen Sie „weiß nicht“."
    ),
    "description_en": (
        "With this questionnaire the municipality assesses how well it is prepared for "
        "living together in diversity on equal terms. The administration answers first, "
        "then politics, civil society, migrant organisations and residents. The "
        "differences between the answers are the starting point for the joint workshop. "
        "If you cannot judge a question, choose “don't know”."
    ),
}

VERSION_NOTE = "Erste Fassung des Selbstchecks."

# The last item of every field: optional, free text.
COMMENT = (
    "comment",
    TEXT,
    "Was läuft in diesem Handlungsfeld besonders gut, was fehlt?",
    "What works particularly well in this field of action, and what is missing?",
    "Freiwillig. Ein Beispiel hilft im Workshop mehr als eine allgemeine Einschätzung.",
    "Optional. An example helps the workshop more than a general assessment.",
)

# Help for items that ask "how many people": the ends of the scale.
SHARE_HELP = (
    "„Trifft voll zu“ heißt: (fast) alle; „trifft gar nicht zu“ heißt: niemand.",
    "“Fully applies” means (almost) all; “does not apply at all” means nobody.",
)

# key, kind, German text, English text, German help, English help
FIELDS = [
    {
        "key": "attitude",
        "name": "Haltung und Leitbild",
        "name_en": "Attitude and mission statement",
        "description": (
            "Wie die Kommune ihr Selbstverständnis als vielfältige Kommune festhält und "
            "nach innen und außen vertritt."
        ),
        "description_en": (
            "How the municipality records its self-image as a diverse community and "
            "stands up for it, inside the administration and in public."
        ),
        "items": [
            (
                "mission-statement",
                YES_NO,
                "Es gibt ein schriftliches Leitbild zu Vielfalt und Integration, das der "
                "Gemeinderat bzw. Kreistag beschlossen hat.",
                "There is a written mission statement on diversity and integration that "
                "the municipal or district council has adopted.",
                "Auch Leitlinien in einem beschlossenen Integrationskonzept zählen. Ein "
                "Entwurf, über den noch nicht abgestimmt wurde, zählt nicht.",
                "Guiding principles in an adopted integration concept count too. A draft "
                "that has not been voted on does not.",
            ),
            (
                "mission-known",
                LIKERT,
                "Die Mitarbeiter*innen der Verwaltung kennen dieses Leitbild.",
                "The administration's staff know this mission statement.",
                "Gibt es kein beschlossenes Leitbild, wählen Sie „trifft gar nicht zu“.",
                "If there is no adopted mission statement, choose “does not apply at all”.",
            ),
            (
                "leadership-public",
                YES_NO,
                "Die Verwaltungsspitze hat sich in den letzten zwölf Monaten öffentlich für "
                "ein gleichberechtigtes Zusammenleben in Vielfalt ausgesprochen.",
                "In the last twelve months, the head of the administration has spoken out "
                "publicly for living together in diversity on equal terms.",
                "Verwaltungsspitze: (Ober-)Bürgermeister*in bzw. Landrät*in. Öffentlich: "
                "z. B. in einer Rede, im Amtsblatt oder in der Presse.",
                "Head of the administration: the mayor or the district administrator "
                "(Landrat/Landrätin). Publicly: e.g. in a speech, the official gazette or "
                "the press.",
            ),
            (
                "stands-up",
                LIKERT,
                "Nach rassistischen Vorfällen in der Kommune bezieht die Verwaltungsspitze "
                "innerhalb weniger Tage öffentlich Stellung.",
                "After racist incidents in the municipality, the head of the "
                "administration takes a public stand within a few days.",
                "Gab es keinen solchen Vorfall, wählen Sie „weiß nicht“.",
                "If there was no such incident, choose “don't know”.",
            ),
            (
                "leadership-meetings",
                LIKERT,
                "Integration und Vielfalt sind ein regelmäßiges Thema in den Besprechungen "
                "der Amtsleitungen.",
                "Integration and diversity are a regular topic in the meetings of the "
                "heads of department.",
                "Regelmäßig heißt: mindestens einmal im Vierteljahr.",
                "Regular means at least once a quarter.",
            ),
            (
                "publications",
                LIKERT,
                "In Veröffentlichungen der Kommune (Website, Amtsblatt, Broschüren) kommen "
                "Menschen mit Migrationsgeschichte als selbstverständlicher Teil der "
                "Einwohnerschaft vor, nicht nur in Beiträgen über Integration.",
                "In the municipality's publications (website, gazette, brochures), people "
                "with a migration history appear as a natural part of the population, not "
                "only in articles about integration.",
                "",
                "",
            ),
        ],
    },
    {
        "key": "administration",
        "name": "Kultur und Struktur der Verwaltung",
        "name_en": "Culture and structure of the administration",
        "description": (
            "Ob Integration als Querschnittsaufgabe aller Ämter verankert ist: "
            "Zusammenarbeit zwischen den Ämtern, Personalgewinnung, Ansprechpersonen."
        ),
        "description_en": (
            "Whether integration is anchored as a cross-cutting task of all departments: "
            "cooperation between departments, recruitment, contact persons."
        ),
        "items": [
            (
                "cross-cutting",
                LIKERT,
                "Ämter außerhalb des Sozialbereichs (z. B. Bauamt, Ordnungsamt, "
                "Wirtschaftsförderung) sehen Integration als Teil ihrer eigenen Aufgaben.",
                "Departments outside social services (e.g. building authority, public "
                "order office, economic development) see integration as part of their own "
                "tasks.",
                "",
                "",
            ),
            (
                "working-group",
                YES_NO,
                "Es gibt eine ämterübergreifende Arbeitsgruppe zu Integration, die "
                "mindestens zweimal im Jahr tagt.",
                "There is a working group on integration across departments that meets at "
                "least twice a year.",
                "",
                "",
            ),
            (
                "job-ads",
                YES_NO,
                "Die Stellenanzeigen der Kommune ermutigen ausdrücklich Menschen mit "
                "Migrationsgeschichte, sich zu bewerben.",
                "The municipality's job advertisements explicitly encourage people with a "
                "migration history to apply.",
                "",
                "",
            ),
            (
                "staff-share-known",
                YES_NO,
                "Der Anteil der Mitarbeiter*innen mit Migrationsgeschichte ist bekannt.",
                "The share of staff with a migration history is known.",
                "Diese Angabe darf nur freiwillig und anonym erhoben werden, z. B. in einer "
                "Mitarbeiter*innenbefragung. Eine Schätzung zählt nicht.",
                "This may only be collected voluntarily and anonymously, e.g. in a staff "
                "survey. An estimate does not count.",
            ),
            (
                "trainees",
                LIKERT,
                "Unter den Auszubildenden der Verwaltung sind Menschen mit "
                "Migrationsgeschichte etwa so stark vertreten wie in der Bevölkerung.",
                "Among the administration's trainees, people with a migration history are "
                "represented about as strongly as in the population.",
                "",
                "",
            ),
            (
                "contact-known",
                LIKERT,
                "Die Mitarbeiter*innen wissen, an wen sie sich in der Verwaltung mit Fragen "
                "zu Integration wenden können.",
                "Staff know whom to turn to in the administration with questions about "
                "integration.",
                *SHARE_HELP,
            ),
        ],
    },
    {
        "key": "opening",
        "name": "Interkulturelle Öffnung und Antirassismus",
        "name_en": "Intercultural opening and anti-racism",
        "description": (
            "Ob die Angebote der Verwaltung allen Einwohner*innen gleich zugänglich sind "
            "und wie die Verwaltung gegen Diskriminierung vorgeht."
        ),
        "description_en": (
            "Whether the administration's services are equally accessible to all "
            "residents, and how the administration acts against discrimination."
        ),
        "items": [
            (
                "training-staff",
                LIKERT,
                "Die Mitarbeiter*innen mit Kund*innenkontakt haben in den letzten zwei "
                "Jahren an einer Fortbildung zu interkultureller Kompetenz teilgenommen.",
                "Staff in contact with the public have attended a training on intercultural "
                "competence in the last two years.",
                *SHARE_HELP,
            ),
            (
                "training-leaders",
                LIKERT,
                "Die Führungskräfte der Verwaltung haben in den letzten zwei Jahren an einer "
                "Fortbildung zu Rassismus und Diskriminierung teilgenommen.",
                "The administration's managers have attended a training on racism and "
                "discrimination in the last two years.",
                *SHARE_HELP,
            ),
            (
                "complaints-office",
                YES_NO,
                "Es gibt eine Beschwerdestelle, an die sich Menschen wenden können, die "
                "sich von der Verwaltung diskriminiert fühlen.",
                "There is a complaints office for people who feel discriminated against by "
                "the administration.",
                "Auch eine Antidiskriminierungsberatung außerhalb der Verwaltung zählt, wenn "
                "die Kommune auf ihrer Website oder in ihren Räumen auf sie hinweist.",
                "An anti-discrimination advice centre outside the administration counts "
                "too, if the municipality refers to it on its website or in its offices.",
            ),
            (
                "complaints-review",
                LIKERT,
                "Die Verwaltung wertet Beschwerden über Diskriminierung mindestens einmal "
                "im Jahr aus.",
                "The administration reviews complaints about discrimination at least once a year.",
                "",
                "",
            ),
            (
                "reach-checked",
                LIKERT,
                "Die Ämter prüfen, ob ihre Angebote Menschen mit Migrationsgeschichte "
                "genauso erreichen wie andere Einwohner*innen.",
                "Departments check whether their services reach people with a migration "
                "history as well as other residents.",
                "Zum Beispiel anhand von Nutzungszahlen oder Rückmeldungen aus Beratungsstellen.",
                "For example from usage figures or feedback from advice centres.",
            ),
            (
                "staff-support",
                LIKERT,
                "Mitarbeiter*innen, die im Dienst rassistische Äußerungen erleben, wissen, "
                "an wen sie sich wenden können.",
                "Staff who experience racist remarks at work know whom to turn to.",
                *SHARE_HELP,
            ),
        ],
    },
    {
        "key": "measures",
        "name": "Maßnahmen und Projekte",
        "name_en": "Measures and projects",
        "description": (
            "Welche Angebote und Vorhaben es gibt, ob sie Ziele haben und ob sie über die "
            "Förderung hinaus bestehen."
        ),
        "description_en": (
            "Which services and projects exist, whether they have goals, and whether they "
            "last beyond their funding."
        ),
        "items": [
            (
                "concept",
                YES_NO,
                "Es gibt ein Integrationskonzept mit Zielen und Maßnahmen, das höchstens "
                "fünf Jahre alt ist.",
                "There is an integration concept with goals and measures that is at most "
                "five years old.",
                "Maßgeblich ist das Datum des Beschlusses oder der letzten Überarbeitung.",
                "What counts is the date of the decision or of the last revision.",
            ),
            (
                "overview",
                LIKERT,
                "Es gibt eine Übersicht aller Integrationsangebote in der Kommune, auch der "
                "freien Träger und Vereine, die in den letzten zwölf Monaten aktualisiert "
                "wurde.",
                "There is an overview of all integration services in the municipality, "
                "including those of independent providers and associations, updated in the "
                "last twelve months.",
                "",
                "",
            ),
            (
                "goals",
                LIKERT,
                "Für die wichtigsten Maßnahmen sind überprüfbare Ziele festgelegt.",
                "Verifiable goals are set for the most important measures.",
                "Überprüfbar ist ein Ziel, wenn man nach einem Jahr sagen kann, ob es "
                "erreicht ist, z. B. „30 Eltern nehmen am Elterncafé teil“.",
                "A goal is verifiable if after a year one can say whether it was reached, "
                "e.g. “30 parents take part in the parents' café”.",
            ),
            (
                "review",
                LIKERT,
                "Die Kommune wertet mindestens einmal im Jahr aus, welche Maßnahmen ihre "
                "Ziele erreicht haben.",
                "At least once a year, the municipality reviews which measures have reached "
                "their goals.",
                "",
                "",
            ),
            (
                "continuation",
                LIKERT,
                "Erfolgreiche Projekte werden nach dem Ende ihrer Förderung als dauerhafte "
                "Angebote weitergeführt.",
                "Successful projects are continued as permanent services after their funding ends.",
                "",
                "",
            ),
            (
                "long-term-residents",
                LIKERT,
                "Die Angebote richten sich auch an Menschen mit Migrationsgeschichte, die "
                "schon lange hier leben, nicht nur an neu Zugewanderte.",
                "The services also address people with a migration history who have lived "
                "here for a long time, not only newcomers.",
                "",
                "",
            ),
        ],
    },
    {
        "key": "cooperation",
        "name": "Zusammenarbeit mit Politik, Wirtschaft und Zivilgesellschaft",
        "name_en": "Cooperation with politics, business and civil society",
        "description": (
            "Wie Verwaltung, Gemeinderat bzw. Kreistag, Betriebe, Vereine, Kirchen und "
            "Wohlfahrtsverbände beim Thema Integration zusammenarbeiten."
        ),
        "description_en": (
            "How the administration, the council, businesses, associations, churches and "
            "welfare organisations work together on integration."
        ),
        "items": [
            (
                "council-session",
                YES_NO,
                "Der Gemeinderat bzw. Kreistag oder einer seiner Ausschüsse hat sich in den "
                "letzten zwölf Monaten in einem eigenen Tagesordnungspunkt mit Integration "
                "befasst.",
                "In the last twelve months, the council or one of its committees has dealt "
                "with integration in an agenda item of its own.",
                "",
                "",
            ),
            (
                "network",
                YES_NO,
                "Es gibt einen runden Tisch oder ein Netzwerk zu Integration, in dem "
                "Verwaltung und Zivilgesellschaft mindestens zweimal im Jahr zusammenkommen.",
                "There is a round table or network on integration where the administration "
                "and civil society meet at least twice a year.",
                "",
                "",
            ),
            (
                "business",
                LIKERT,
                "Die Verwaltung arbeitet mit Betrieben, Kammern oder der Agentur für Arbeit "
                "an konkreten Vorhaben zusammen, z. B. Ausbildungspatenschaften oder "
                "Sprachkursen im Betrieb.",
                "The administration works with businesses, chambers or the employment agency "
                "on concrete projects, e.g. apprenticeship mentoring or language courses at "
                "the workplace.",
                "",
                "",
            ),
            (
                "volunteer-support",
                LIKERT,
                "Ehrenamtliche Initiativen haben in der Verwaltung eine feste Ansprechperson.",
                "Volunteer initiatives have a permanent contact person in the administration.",
                "",
                "",
            ),
            (
                "early-involvement",
                LIKERT,
                "Wohlfahrtsverbände, Kirchen und Religionsgemeinschaften werden bei "
                "Vorhaben der Kommune zu Integration einbezogen, bevor die Verwaltung "
                "entschieden hat.",
                "Welfare organisations, churches and religious communities are involved in "
                "the municipality's integration projects before the administration has "
                "decided.",
                "",
                "",
            ),
            (
                "roles-clear",
                LIKERT,
                "Es ist geklärt, welche Aufgaben die Verwaltung übernimmt und welche die "
                "Ehrenamtlichen.",
                "It is clear which tasks the administration takes on and which the volunteers do.",
                "",
                "",
            ),
        ],
    },
    {
        "key": "migrant-organisations",
        "name": "Zusammenarbeit mit Migrant*innenselbstorganisationen",
        "name_en": "Cooperation with migrant self-organisations",
        "description": (
            "Migrant*innenselbstorganisationen sind Vereine und Initiativen, die "
            "überwiegend von Menschen mit Migrationsgeschichte gegründet und getragen "
            "werden, z. B. Kultur- und Elternvereine oder religiöse Gemeinden. Gibt es in "
            "Ihrer Kommune keine, denken Sie an engagierte Einzelpersonen mit "
            "Migrationsgeschichte."
        ),
        "description_en": (
            "Migrant self-organisations are associations and initiatives founded and run "
            "mainly by people with a migration history, e.g. cultural or parents' "
            "associations or religious communities. If there are none in your "
            "municipality, think of committed individuals with a migration history."
        ),
        "items": [
            (
                "contact-list",
                YES_NO,
                "Die Verwaltung hat eine aktuelle Liste der Migrant*innenselbstorganisationen "
                "am Ort mit Ansprechpersonen.",
                "The administration has an up-to-date list of the local migrant "
                "self-organisations with contact persons.",
                "",
                "",
            ),
            (
                "regular-meetings",
                YES_NO,
                "Die Verwaltung trifft sich mindestens zweimal im Jahr mit Vertreter*innen "
                "von Migrant*innenselbstorganisationen.",
                "The administration meets representatives of migrant self-organisations at "
                "least twice a year.",
                "",
                "",
            ),
            (
                "in-bodies",
                LIKERT,
                "Migrant*innenselbstorganisationen sind in den Gremien vertreten, die über "
                "Integration beraten, z. B. Integrationsbeirat, Steuerungsgruppe oder runder "
                "Tisch.",
                "Migrant self-organisations are represented in the bodies that advise on "
                "integration, e.g. the integration council, steering group or round table.",
                "",
                "",
            ),
            (
                "equal-funding",
                YES_NO,
                "Migrant*innenselbstorganisationen erhalten Zuschüsse der Kommune zu "
                "denselben Bedingungen wie andere Vereine.",
                "Migrant self-organisations receive grants from the municipality on the same "
                "terms as other associations.",
                "",
                "",
            ),
            (
                "joint-projects",
                LIKERT,
                "Die Kommune führt Projekte gemeinsam mit Migrant*innenselbstorganisationen "
                "durch, die diese von Anfang an mitplanen.",
                "The municipality runs projects together with migrant self-organisations, "
                "which help plan them from the start.",
                "",
                "",
            ),
            (
                "capacity-building",
                LIKERT,
                "Die Kommune berät Migrant*innenselbstorganisationen bei der Vereinsarbeit, "
                "z. B. zu Vereinsrecht, Fördermitteln oder Räumen.",
                "The municipality advises migrant self-organisations on running their "
                "association, e.g. on association law, funding or premises.",
                "",
                "",
            ),
        ],
    },
    {
        "key": "participation",
        "name": "Beteiligung und Engagement",
        "name_en": "Participation and engagement",
        "description": (
            "Ob Menschen mit Migrationsgeschichte an Entscheidungen der Kommune mitwirken "
            "und sich engagieren können, und ob sie davon erfahren."
        ),
        "description_en": (
            "Whether people with a migration history take part in the municipality's "
            "decisions and in volunteering, and whether they hear about the chances to "
            "do so."
        ),
        "items": [
            (
                "advisory-council",
                YES_NO,
                "Es gibt einen Integrationsbeirat oder ein vergleichbares Gremium, in dem "
                "Menschen mit Migrationsgeschichte den Gemeinderat bzw. Kreistag beraten.",
                "There is an integration council or a similar body in which people with a "
                "migration history advise the council.",
                "",
                "",
            ),
            (
                "represented",
                LIKERT,
                "An Beteiligungsveranstaltungen der Kommune nehmen Menschen mit "
                "Migrationsgeschichte etwa entsprechend ihrem Anteil an der Bevölkerung "
                "teil.",
                "People with a migration history take part in the municipality's "
                "participation events roughly in line with their share of the population.",
                "Beteiligungsveranstaltungen sind z. B. Bürgerversammlungen, "
                "Planungswerkstätten oder Dialogveranstaltungen.",
                "Participation events are e.g. residents' meetings, planning workshops or "
                "dialogue events.",
            ),
            (
                "personal-invitation",
                LIKERT,
                "Die Kommune lädt zu Beteiligungsveranstaltungen auch persönlich ein, über "
                "Schlüsselpersonen und Vereine, nicht nur über Amtsblatt und Website.",
                "The municipality also invites people to participation events in person, "
                "through key persons and associations, not only through the gazette and "
                "the website.",
                "Schlüsselpersonen sind Menschen, denen eine Gruppe vertraut und die sie "
                "erreichen, z. B. ein Vereinsvorstand oder eine Elternvertreterin.",
                "Key persons are people a group trusts and who can reach it, e.g. a club "
                "chair or a parents' representative.",
            ),
            (
                "interpreting-events",
                LIKERT,
                "Bei Beteiligungsveranstaltungen wird bei Bedarf eine Sprachmittlung angeboten.",
                "Language mediation is offered at participation events when needed.",
                "Sprachmittlung: Übersetzung im Gespräch durch geschulte Laien oder "
                "Dolmetscher*innen.",
                "Language mediation: interpreting in conversation by trained lay people or "
                "interpreters.",
            ),
            (
                "volunteering",
                LIKERT,
                "Die Kommune wirbt gezielt bei Menschen mit Migrationsgeschichte für ein "
                "Ehrenamt, z. B. über die Ehrenamtsbörse oder die Feuerwehr.",
                "The municipality specifically encourages people with a migration history to "
                "volunteer, e.g. through the volunteer exchange or the fire brigade.",
                "",
                "",
            ),
            (
                "feedback",
                LIKERT,
                "Die Kommune teilt den Beteiligten mit, was aus ihren Vorschlägen geworden ist.",
                "The municipality tells participants what became of their proposals.",
                "",
                "",
            ),
        ],
    },
    {
        "key": "communication",
        "name": "Kommunikation und sprachlicher Zugang",
        "name_en": "Communication and language access",
        "description": (
            "Ob alle Einwohner*innen die Informationen und Formulare der Kommune verstehen "
            "und sich mit der Verwaltung verständigen können."
        ),
        "description_en": (
            "Whether all residents understand the municipality's information and forms, "
            "and can make themselves understood with the administration."
        ),
        "items": [
            (
                "forms-plain-language",
                LIKERT,
                "Die am häufigsten genutzten Formulare gibt es in einfacher Sprache.",
                "The most frequently used forms are available in plain language.",
                "Einfache Sprache: kurze Sätze, bekannte Wörter, Fachbegriffe werden erklärt.",
                "Plain language: short sentences, familiar words, technical terms are explained.",
            ),
            (
                "forms-translated",
                LIKERT,
                "Die am häufigsten genutzten Formulare gibt es in den Sprachen, die am Ort "
                "außer Deutsch am meisten gesprochen werden.",
                "The most frequently used forms are available in the languages most spoken "
                "locally besides German.",
                "",
                "",
            ),
            (
                "website-languages",
                LIKERT,
                "Die wichtigsten Informationen auf der Website der Kommune gibt es in "
                "mehreren Sprachen.",
                "The most important information on the municipality's website is available "
                "in several languages.",
                "",
                "",
            ),
            (
                "interpreters",
                YES_NO,
                "Die Verwaltung kann innerhalb von zwei Arbeitstagen eine Sprachmittlung "
                "für ein Gespräch hinzuziehen.",
                "The administration can bring in language mediation for a conversation "
                "within two working days.",
                "Zum Beispiel über einen Dolmetscherpool oder Video-Dolmetschen.",
                "For example through an interpreter pool or video interpreting.",
            ),
            (
                "interpreting-budget",
                YES_NO,
                "Es gibt ein Budget für Sprachmittlung, auf das alle Ämter zugreifen können.",
                "There is a budget for language mediation that all departments can use.",
                "",
                "",
            ),
            (
                "staff-languages",
                YES_NO,
                "Es gibt eine interne Liste der Mitarbeiter*innen, die freiwillig mit ihren "
                "Sprachkenntnissen in Gesprächen aushelfen.",
                "There is an internal list of staff who volunteer to help out in "
                "conversations with their language skills.",
                "",
                "",
            ),
            (
                "other-channels",
                LIKERT,
                "Die Kommune erreicht Menschen mit wenig Deutschkenntnissen auch über andere "
                "Wege als Amtsblatt und Website, z. B. Messenger-Gruppen, Schlüsselpersonen "
                "oder mehrsprachige Aushänge.",
                "The municipality also reaches people with little German through channels "
                "other than the gazette and website, e.g. messenger groups, key persons or "
                "multilingual notices.",
                "",
                "",
            ),
        ],
    },
    {
        "key": "resources",
        "name": "Ressourcen und Zuständigkeiten",
        "name_en": "Resources and responsibilities",
        "description": (
            "Ob die Arbeit dauerhaft abgesichert ist. Eine hauptamtliche Zuständigkeit mit "
            "Ressourcen ist die Voraussetzung dafür, dass die Ergebnisse des Prozesses "
            "bleiben."
        ),
        "description_en": (
            "Whether the work is secured for the long term. A full-time responsibility "
            "with resources is the precondition for the results of the process to last."
        ),
        "items": [
            (
                "position",
                YES_NO,
                "Es gibt eine hauptamtliche Stelle für Integration mit mindestens 50 % "
                "Arbeitszeit.",
                "There is a paid position for integration with at least 50 % of full working time.",
                "Gemeint ist eine Stelle der Kommune selbst, in deren Aufgabenbeschreibung "
                "Integration ausdrücklich steht, nicht die eines freien Trägers.",
                "This means a position of the municipality itself whose job description "
                "names integration explicitly, not one at an independent provider.",
            ),
            (
                "regular-budget",
                YES_NO,
                "Die Stelle für Integration wird aus dem regulären Haushalt finanziert, "
                "nicht nur aus befristeten Fördermitteln.",
                "The integration position is paid from the regular budget, not only from "
                "temporary grants.",
                "Gibt es keine solche Stelle, wählen Sie „nein“.",
                "If there is no such position, choose “no”.",
            ),
            (
                "budget-line",
                YES_NO,
                "Im Haushalt gibt es eine eigene Haushaltsstelle mit Sachmitteln für Integration.",
                "The budget has a budget line of its own with funds for integration "
                "(beyond staff costs).",
                "",
                "",
            ),
            (
                "tasks-known",
                LIKERT,
                "Die Ämter wissen, wofür die Integrationsstelle zuständig ist.",
                "The departments know what the integration office is responsible for.",
                "",
                "",
            ),
            (
                "direct-access",
                LIKERT,
                "Die für Integration zuständige Person kann Anliegen direkt bei der "
                "Verwaltungsspitze vorbringen.",
                "The person responsible for integration can raise issues directly with the "
                "head of the administration.",
                "Zum Beispiel, weil die Stelle als Stabsstelle angesiedelt ist oder feste "
                "Termine mit der Verwaltungsspitze hat.",
                "For example because the position is a staff unit or has regular meetings "
                "with the head of the administration.",
            ),
            (
                "enough-time",
                LIKERT,
                "Die für Integration vorgesehene Arbeitszeit reicht für die übertragenen "
                "Aufgaben aus.",
                "The working time set aside for integration is enough for the tasks assigned.",
                "",
                "",
            ),
        ],
    },
]


def create_instrument(apps, schema_editor):
    Instrument = apps.get_model("selfcheck", "Instrument")
    InstrumentVersion = apps.get_model("selfcheck", "InstrumentVersion")
    FieldOfAction = apps.get_model("selfcheck", "FieldOfAction")
    Item = apps.get_model("selfcheck", "Item")
    if Instrument.objects.filter(key=KEY).exists():
        return
    instrument = Instrument.objects.create(key=KEY, **INSTRUMENT)
    version = InstrumentVersion.objects.create(
        instrument=instrument,
        number=1,
        status="published",
        note=VERSION_NOTE,
        published_at=timezone.now(),
    )
    for position, spec in enumerate(FIELDS, start=1):
        field = FieldOfAction.objects.create(
            version=version,
            position=position,
            **{name: value for name, value in spec.items() if name != "items"},
        )
        Item.objects.bulk_create(
            Item(
                field=field,
                key=key,
                kind=kind,
                text=text,
                text_en=text_en,
                help=help_de,
                help_en=help_en,
                position=item_position,
                required=kind != TEXT,
            )
            for item_position, (key, kind, text, text_en, help_de, help_en) in enumerate(
                [*spec["items"], COMMENT], start=1
            )
        )


def remove_instrument(apps, schema_editor):
    """Remove the instrument again, unless a round has used it: answers stay answerable."""
    Instrument = apps.get_model("selfcheck", "Instrument")
    SelfCheckRound = apps.get_model("selfcheck", "SelfCheckRound")
    if SelfCheckRound.objects.filter(version__instrument__key=KEY).exists():
        return
    Instrument.objects.filter(key=KEY).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("selfcheck", "0001_instruments_rounds_responses"),
    ]

    operations = [
        migrations.RunPython(create_instrument, remove_instrument),
    ]
