"""Texts and base data of the demo (see `teilhabe.demo`).

All municipalities, people and organisations are invented. Municipality keys (AGS)
use district numbers that do not exist in Baden-Württemberg, so no key belongs to a
real place. The texts are written for the demo; they follow the method the seeds
describe (Erstgespräch, stakeholder analysis, "Wer fehlt noch?", Zukunftswerkstatt …).
"""

from teilhabe.accounts.models import Role
from teilhabe.programmes.models import MunicipalityKind as Kind

PROGRAMME = {
    "name": "Prozessbegleitung Integration durch Bürgerschaftliches Engagement und Zivilgesellschaft",
    "short_name": "Prozessbegleitung Integration",
    "funder": "Ministerium für Soziales und Integration Baden-Württemberg",
    "description": (
        "Kommunen, Landkreise und Verwaltungsverbände in Baden-Württemberg bauen mit "
        "Unterstützung erfahrener externer Prozessbegleiter*innen dauerhafte Strukturen "
        "für Beteiligung und Engagement in der Integrationsarbeit auf. Jede Kommune erhält "
        "Beratung im Wert von 40.000 Euro. Der Prozess folgt dem Bausteinkonzept mit "
        "Analyse- und Planungsphase, Beteiligungsphase und Umsetzungsbegleitung; "
        "Netzwerktreffen verbinden die Kommunen einer Runde.\n\n"
        "Demodaten: Kommunen, Personen und Organisationen sind frei erfunden."
    ),
}

# key, name, kind, AGS, population, website
MUNICIPALITIES = [
    ("rheinfurt", "Rheinfurt", Kind.KREISFREIE_STADT, "08213000", 171_400),
    ("albvorland", "Landkreis Albvorland", Kind.LANDKREIS, "08339", 142_300),
    ("kochertal", "Landkreis Kochertal", Kind.LANDKREIS, "08129", 186_900),
    ("neckarbrueck", "Neckarbrück", Kind.GROSSE_KREISSTADT, "08129004", 38_400),
    ("kaltenach", "Kaltenach", Kind.GROSSE_KREISSTADT, "08339007", 27_900),
    ("weilerbronn", "Weilerbronn", Kind.GROSSE_KREISSTADT, "08339012", 31_200),
    ("muehlbronn", "Mühlbronn", Kind.KREISANGEHOERIGE_STADT, "08129018", 12_300),
    ("rebstetten", "Rebstetten", Kind.KREISANGEHOERIGE_STADT, "08339021", 9_100),
    ("eichenwald", "Eichenwald", Kind.KREISANGEHOERIGE_STADT, "08129025", 14_600),
    ("lindenau", "Lindenau", Kind.GEMEINDE, "08129031", 6_800),
    ("hirschtal", "Hirschtal", Kind.GEMEINDE, "08339033", 4_200),
    ("felsingen", "Felsingen", Kind.GEMEINDE, "08129040", 5_400),
    ("birkenried", "Birkenried", Kind.GEMEINDE, "08339045", 3_100),
    ("haselbrunn", "Haselbrunn", Kind.GEMEINDE, "08129047", 3_700),
    ("sommerau", "Sommerau", Kind.GEMEINDE, "08339050", 2_900),
    # Verwaltungsverbände have no AGS of their own.
    (
        "tannbachtal",
        "Gemeindeverwaltungsverband Oberes Tannbachtal",
        Kind.VERWALTUNGSVERBAND,
        "",
        11_900,
    ),
]

MUNICIPALITY_CONTACTS = {
    "neckarbrueck": {
        "address": "Rathaus Neckarbrück\nMarktplatz 1",
        "website": "https://www.neckarbrueck.example",
        "contact_name": "Sabine Wolf",
        "contact_email": "koordination@neckarbrueck.example",
        "contact_phone": "07000 555-210",
    },
    "lindenau": {
        "address": "Rathaus Lindenau\nKirchstraße 4",
        "website": "https://www.lindenau.example",
        "contact_name": "Thomas Berger",
        "contact_email": "koordination@lindenau.example",
        "contact_phone": "07000 555-330",
    },
    "kochertal": {
        "address": "Landratsamt Kochertal\nSchlossplatz 2",
        "website": "https://www.lk-kochertal.example",
        "contact_name": "Dr. Miriam Seitz",
        "contact_email": "integration@lk-kochertal.example",
    },
    "rheinfurt": {
        "website": "https://www.rheinfurt.example",
        "contact_name": "Yasemin Arslan",
        "contact_email": "integration@rheinfurt.example",
    },
}

# email, full name, role, municipality key, position
USERS = [
    ("buero@teilhabe.example", "Paula Brenner", Role.PROGRAMME_OFFICE, None, "Programmbüro"),
    ("vogel@teilhabe.example", "Henrik Vogel", Role.PROGRAMME_OFFICE, None, "Programmbüro, Budget"),
    ("keller@teilhabe.example", "Jonas Keller", Role.FACILITATOR, None, "Prozessbegleiter"),
    ("demir@teilhabe.example", "Aylin Demir", Role.FACILITATOR, None, "Prozessbegleiterin"),
    ("hofmann@teilhabe.example", "Lena Hofmann", Role.FACILITATOR, None, "Moderatorin"),
    (
        "koordination@neckarbrueck.example",
        "Sabine Wolf",
        Role.COORDINATOR,
        "neckarbrueck",
        "Integrationsbeauftragte",
    ),
    (
        "team@neckarbrueck.example",
        "Murat Yilmaz",
        Role.TEAM_MEMBER,
        "neckarbrueck",
        "Amt für Bildung, Soziales und Sport",
    ),
    (
        "schuster@neckarbrueck.example",
        "Lea Schuster",
        Role.TEAM_MEMBER,
        "neckarbrueck",
        "Stadtplanung, Quartiersmanagement Weststadt",
    ),
    ("koordination@lindenau.example", "Thomas Berger", Role.COORDINATOR, "lindenau", "Hauptamt"),
    (
        "integration@lk-kochertal.example",
        "Dr. Miriam Seitz",
        Role.COORDINATOR,
        "kochertal",
        "Integrationsmanagement, Landratsamt",
    ),
    (
        "integration@eichenwald.example",
        "Katrin Ott",
        Role.COORDINATOR,
        "eichenwald",
        "Integrationsmanagerin",
    ),
    (
        "chancengleichheit@weilerbronn.example",
        "Deniz Aksoy",
        Role.COORDINATOR,
        "weilerbronn",
        "Stabsstelle Chancengleichheit und Integration",
    ),
    (
        "integration@rheinfurt.example",
        "Yasemin Arslan",
        Role.COORDINATOR,
        "rheinfurt",
        "Leiterin Integrationsbüro",
    ),
    (
        "buergermeister@haselbrunn.example",
        "Stefan Maier",
        Role.COORDINATOR,
        "haselbrunn",
        "Bürgermeister",
    ),
    ("hauptamt@sommerau.example", "Julia Fink", Role.COORDINATOR, "sommerau", "Hauptamt"),
]

ADMIN = ("admin@teilhabe.example", "Administration")


def application(motivation, foundations, structures, topics, contact_name, contact_email):
    return {
        "motivation": motivation,
        "foundations": foundations,
        "structures": structures,
        "topics": topics,
        "contact_name": contact_name,
        "contact_email": contact_email,
    }


APPLICATIONS = {
    # --- 2018–2019 -----------------------------------------------------------------
    "rheinfurt": application(
        "Rheinfurt hat in kurzer Zeit über 3.000 Geflüchtete aufgenommen. Die Hilfe der "
        "ersten Monate war beeindruckend, nun wollen wir sie in verlässliche Strukturen "
        "überführen und die Menschen, um die es geht, selbst beteiligen.",
        "Integrationsbüro mit drei Stellen; Quartiersarbeit in vier Stadtteilen; ein "
        "Runder Tisch Flüchtlingshilfe, an dem Verwaltung und Ehrenamt seit 2015 "
        "monatlich zusammensitzen.",
        "Integrationsausschuss des Gemeinderats; 28 Migrant*innen-Organisationen, davon "
        "sechs im Dachverband Forum der Kulturen Rheinfurt; Helferkreise in allen "
        "Stadtteilen; Migrationsberatung von Caritas, Diakonie und AWO.",
        "Stadtteilbezogene Beteiligung; Übergang von der Flüchtlingshilfe zur "
        "Regelstruktur; Stärkung der Migrant*innen-Organisationen als Partnerinnen.",
        "Yasemin Arslan",
        "integration@rheinfurt.example",
    ),
    "albvorland": application(
        "Im Landkreis gibt es in fast jeder Gemeinde einen Helferkreis, doch sie wissen "
        "wenig voneinander. Wir möchten die Kräfte bündeln und gemeinsam mit den "
        "Gemeinden klären, was der Landkreis künftig leisten soll.",
        "Kreisweites Ehrenamtsnetzwerk mit zwei Treffen im Jahr; Integrationsmanagement "
        "in zwölf Gemeinden; Fortbildungsreihe für Ehrenamtliche an der Volkshochschule.",
        "19 Helferkreise; Kreisjugendring; Kreisdiakonieverband und Caritasverband; "
        "Jobcenter und Agentur für Arbeit; zwei kreisweit aktive Migrant*innen-Vereine.",
        "Vernetzung im ländlichen Raum; Mobilität; Übergang in Ausbildung und Arbeit; "
        "Anerkennung des Ehrenamts.",
        "Peter Lindner",
        "integration@lk-albvorland.example",
    ),
    "muehlbronn": application(
        "Unser Helferkreis war in der akuten Phase der Motor. Jetzt geht es darum, aus "
        "der Nothilfe dauerhafte Angebote zu machen, die nicht an wenigen Personen hängen.",
        "Helferkreis mit rund 60 Ehrenamtlichen, Kleiderkammer und Fahrradwerkstatt; "
        "eine engagierte Stadtverwaltung, die Räume im Bürgerhaus zur Verfügung stellt.",
        "Helferkreis Mühlbronn; evangelische und katholische Kirchengemeinde; "
        "Sportvereine mit Patenschaften; Volkshochschule.",
        "Deutschlernen im Alltag; Begegnung; Ehrenamtskoordination.",
        "Markus Franke",
        "buergerbuero@muehlbronn.example",
    ),
    "felsingen": application(
        "In Felsingen leben viele Geflüchtete in der Anschlussunterbringung. Wir wollen "
        "ihnen Wege in das Vereinsleben und in die Nachbarschaft öffnen.",
        "Nachbarschaftshilfe Felsingen; ein gemeinsamer Garten am Gemeindehaus; gute "
        "Kontakte zur Grundschule.",
        "Arbeitskreis Asyl; Musikverein und Turnverein; Landfrauen; Integrationsmanagement "
        "des Landratsamts.",
        "Vereinsleben; Wohnen und Nachbarschaft; Kinderbetreuung.",
        "Andrea Keim",
        "rathaus@felsingen.example",
    ),
    "kaltenach": application(
        "Kaltenach will einen Integrationsbeirat gründen und ein Integrationskonzept "
        "erarbeiten, das Verwaltung, Gemeinderat und Zivilgesellschaft gemeinsam tragen.",
        "Interkulturelle Woche seit zehn Jahren; Integrationsbeauftragter mit halber "
        "Stelle; Sprachpat*innen an drei Schulen.",
        "Ausländerausschuss (soll zum Integrationsbeirat werden); drei Moscheegemeinden; "
        "Italienischer Kulturverein; Freundeskreis Flüchtlinge.",
        "Politische Teilhabe; interkulturelle Öffnung der Verwaltung; Bildung.",
        "Jürgen Haas",
        "integration@kaltenach.example",
    ),
    # --- 2020/2021 ----------------------------------------------------------------
    "rebstetten": application(
        "Aus der Flüchtlingshilfe sind in Rebstetten viele kleine Initiativen entstanden. "
        "Wir suchen ein gemeinsames Dach, damit sie sich abstimmen und gegenseitig "
        "entlasten können.",
        "Sprachcafé, Hausaufgabenhilfe, interkultureller Frauentreff und ein "
        "Reparaturcafé, alle ehrenamtlich getragen; seit 2019 eine Integrationsmanagerin.",
        "Freundeskreis Asyl; Frauentreff „Miteinander“; Kulturverein Anatolien; "
        "Stadtseniorenrat; Werkrealschule.",
        "Initiativen bündeln; Kommunikation zwischen Ehrenamt und Verwaltung; Frauen "
        "mit Migrationsgeschichte stärken.",
        "Claudia Hahn",
        "integration@rebstetten.example",
    ),
    "tannbachtal": application(
        "Vier kleine Gemeinden wollen Integration gemeinsam angehen, weil keine allein "
        "die nötigen Strukturen aufbauen kann.",
        "Gemeinsames Integrationsmanagement der vier Verbandsgemeinden; eine Buslinie, "
        "die die Orte mit dem Sprachkurs verbindet.",
        "Helferkreise in drei der vier Gemeinden; ökumenischer Arbeitskreis; "
        "Kreisjugendring; Maschinenbaubetriebe mit Ausbildungspatenschaften.",
        "Zusammenarbeit über Gemeindegrenzen; Ausbildung und Arbeit; Mobilität.",
        "Bernd Walz",
        "verband@tannbachtal.example",
    ),
    "hirschtal": application(
        "Bisher wurde über Geflüchtete gesprochen, selten mit ihnen. Wir möchten, dass "
        "sie selbst mitreden und mitgestalten.",
        "Ein engagierter Helferkreis; zwei Geflüchtete arbeiten inzwischen als "
        "Sprachmittler*innen für die Gemeinde.",
        "Helferkreis Hirschtal; Kirchengemeinde; Fußballverein; keine Migrant*innen-"
        "Organisation vor Ort.",
        "Beteiligung der Betroffenen; Begegnung; Sprache.",
        "Sandra Vogt",
        "hauptamt@hirschtal.example",
    ),
    "birkenried": application(
        "Birkenried hat eine neue Integrationsmanagerin. Wir wollen ihre Aufgaben "
        "gemeinsam mit der Bürgerschaft klären und Engagement neu aufstellen.",
        "Neue Stelle Integrationsmanagement seit Jahresbeginn; Gemeinderat hat Mittel "
        "für Begegnungsangebote bereitgestellt.",
        "Helferkreis; Landfrauen; Jugendtreff; Kindergarten „Sonnenblume“.",
        "Rolle des Integrationsmanagements; Engagement junger Menschen; Begegnung.",
        "Ivana Kovač",
        "integration@birkenried.example",
    ),
    # --- current round --------------------------------------------------------------
    "neckarbrueck": application(
        "Neckarbrück ist in den vergangenen zehn Jahren deutlich vielfältiger geworden: "
        "Fast ein Drittel der Einwohner*innen hat eine eigene oder familiäre "
        "Migrationsgeschichte. Viele Angebote sind in der Zeit der hohen Zuwanderung "
        "entstanden und hängen an wenigen Ehrenamtlichen. Wir wollen gemeinsam mit der "
        "Stadtgesellschaft dauerhafte Strukturen schaffen und ein Integrationskonzept "
        "erarbeiten, das Verwaltung, Gemeinderat und Zivilgesellschaft gemeinsam tragen.",
        "Seit 2017 gibt es eine Integrationsbeauftragte mit voller Stelle. Der "
        "Freundeskreis Asyl begleitet seit 2015 Geflüchtete bei Behördengängen, "
        "Wohnungssuche und beim Deutschlernen. Im Projekt „Sprachbrücke“ haben Schulen, "
        "Volkshochschule und eine Moscheegemeinde gezeigt, dass Zusammenarbeit über "
        "Grenzen hinweg gelingt. Die Oberbürgermeisterin unterstützt den Prozess "
        "ausdrücklich.",
        "Integrationsbeirat (15 Mitglieder); Freundeskreis Asyl Neckarbrück; "
        "Türkisch-Deutscher Kulturverein; Afrika-Forum Neckarbrück e. V.; "
        "Deutsch-Syrischer Elternverein; zwei Moscheegemeinden; Migrationsberatung von "
        "Caritas und Diakonie; Stadtjugendring; Netzwerk Bildung Weststadt.",
        "Begegnung und Treffpunkte in der Weststadt; Zugang zu Vereinen und Ehrenamt; "
        "Information in einfacher Sprache und mehreren Sprachen; Übergang Schule – "
        "Ausbildung; Stärkung der Migrant*innen-Organisationen.",
        "Sabine Wolf",
        "koordination@neckarbrueck.example",
    ),
    "lindenau": application(
        "In Lindenau leben seit einigen Jahren rund 150 geflüchtete Menschen, viele "
        "inzwischen in eigenen Wohnungen. Der Helferkreis hat viel geleistet, ist aber "
        "kleiner geworden. Wir möchten, dass aus Hilfe ein selbstverständliches "
        "Miteinander wird – in den Vereinen, in der Kirchengemeinde und im Ortskern.",
        "Helferkreis mit zwölf aktiven Mitgliedern; Deutschtreff jeden Dienstag im "
        "Gemeindehaus; beim letzten Dorffest haben syrische und afghanische Familien den "
        "Kuchenstand übernommen – der Anfang vieler Kontakte.",
        "Helferkreis Lindenau; Arbeitskreis Asyl der beiden Kirchengemeinden; TSV "
        "Lindenau mit offenem Fußballtraining; Sprechstunde des Integrationsmanagements "
        "im Rathaus. Eine Migrant*innen-Organisation gibt es in Lindenau nicht.",
        "Nachwuchs und Entlastung für das Ehrenamt; Begegnung im Ortskern; Busanbindung "
        "zu Sprachkursen und Arbeitsstellen; Geflüchtete als Engagierte gewinnen.",
        "Thomas Berger",
        "koordination@lindenau.example",
    ),
    "kochertal": application(
        "Der Landkreis will ein kreisweites Integrationskonzept erarbeiten, das die "
        "Gemeinden nicht nur informiert, sondern beteiligt. Die Unterschiede zwischen "
        "Städten und kleinen Gemeinden sollen dabei ausdrücklich Platz haben.",
        "Integrationsmanagement in vier Raumschaften; ein Kreisintegrationsforum, das "
        "zweimal im Jahr tagt; gute Zusammenarbeit mit Jobcenter und Volkshochschule.",
        "Kreisintegrationsforum; 23 Helferkreise; Kreisjugendring; Wohlfahrtsverbände; "
        "Industrie- und Handelskammer und Kreishandwerkerschaft; vier "
        "Migrant*innen-Vereine mit kreisweiter Reichweite.",
        "Arbeit und Ausbildung; Mobilität im ländlichen Raum; Gesundheit; "
        "Migrant*innen-Selbstorganisation stärken.",
        "Dr. Miriam Seitz",
        "integration@lk-kochertal.example",
    ),
    "eichenwald": application(
        "Viele Familien mit Migrationsgeschichte erreichen wir über Kita und Schule, "
        "aber kaum darüber hinaus. Wir wollen Eltern als Engagierte gewinnen und das "
        "Zusammenleben in den Wohngebieten stärken.",
        "Integrationsmanagerin seit drei Jahren; Elternbegleiter*innen an zwei "
        "Grundschulen; ein Familienzentrum, das Räume und Kinderbetreuung anbietet.",
        "Familienzentrum Eichenwald; Elternbeiräte; Kulturverein Balkanbrücke; "
        "Helferkreis; Stadtbibliothek mit mehrsprachigen Medien.",
        "Eltern und Familien; frühe Bildung; Begegnung im Wohngebiet; Mehrsprachigkeit als Stärke.",
        "Katrin Ott",
        "integration@eichenwald.example",
    ),
    "weilerbronn": application(
        "Die großen Betriebe in Weilerbronn werben Fachkräfte aus dem Ausland an. Wir "
        "wollen, dass die neuen Mitbürger*innen und ihre Familien hier ankommen, "
        "Anschluss finden und bleiben.",
        "Welcome-Center der Wirtschaftsförderung; Stabsstelle Chancengleichheit und "
        "Integration; ein Unternehmensnetzwerk, das Sprachkurse im Betrieb organisiert.",
        "Integrationsbeirat; Unternehmensnetzwerk Weilerbronn; Indischer Kulturverein; "
        "Kroatische katholische Gemeinde; Freundeskreis Asyl.",
        "Willkommenskultur; Familien der Fachkräfte; Wohnen; Vereine und Ehrenamt.",
        "Deniz Aksoy",
        "chancengleichheit@weilerbronn.example",
    ),
    "haselbrunn_rejected": application(
        "Nach der Aufnahme von Familien aus der Ukraine möchten wir in Haselbrunn das "
        "Zusammenleben gut gestalten.",
        "Spontane Hilfe vieler Bürger*innen; Wohnungen wurden privat vermittelt.",
        "Nachbarschaftshilfe; Kirchengemeinde; Musikverein.",
        "Begegnung; Wohnen; Kinderbetreuung.",
        "Stefan Maier",
        "buergermeister@haselbrunn.example",
    ),
    # --- next round (call open) -----------------------------------------------------
    "haselbrunn": application(
        "Seit unserer ersten Bewerbung hat sich viel bewegt: Aus der spontanen Hilfe für "
        "Familien aus der Ukraine ist ein fester Kreis von Engagierten geworden. Wir "
        "wollen die Erfahrungen nutzen und das Zusammenleben in Haselbrunn gemeinsam mit "
        "allen Generationen gestalten.",
        "Der Gemeinderat hat eine halbe Stelle für Integration und Ehrenamt geschaffen, "
        "die seit dem Frühjahr besetzt ist. Das wöchentliche Begegnungscafé im "
        "Pfarrhaus wird von neun Ehrenamtlichen getragen, darunter drei Frauen aus der "
        "Ukraine.",
        "Nachbarschaftshilfe Haselbrunn; Begegnungscafé; evangelische Kirchengemeinde; "
        "Musikverein; Kindergarten; Integrationsmanagement des Landratsamts.",
        "Begegnung zwischen Alteingesessenen und Neuzugezogenen; Kinderbetreuung; "
        "Mobilität; junge Menschen für Engagement gewinnen.",
        "Stefan Maier",
        "buergermeister@haselbrunn.example",
    ),
    "sommerau": application(
        "Entwurf – wird mit dem Gemeinderat abgestimmt. Sommerau möchte das Engagement "
        "in den Vereinen für Neuzugezogene öffnen.",
        "Noch zu ergänzen: Erfahrungen aus dem Helferkreis (Gespräch mit Frau Lang am Donnerstag).",
        "Helferkreis; Sportverein; Feuerwehr; Landfrauen.",
        "Vereine öffnen; Nachbarschaft; Sprache.",
        "Julia Fink",
        "hauptamt@sommerau.example",
    ),
}

REJECTION_NOTE = (
    "Vielen Dank für Ihre Bewerbung. Die Förderrunde ist vollständig belegt. Die Jury "
    "schätzt das Engagement in Haselbrunn sehr; für eine erfolgreiche Prozessbegleitung "
    "fehlt aber noch eine feste Ansprechperson in der Verwaltung, die den Prozess intern "
    "koordiniert. Wir ermutigen Sie ausdrücklich, sich in der nächsten Runde erneut zu "
    "bewerben, und beraten Sie gern vorab."
)
REJECTION_REVIEW = (
    "Engagement vor Ort stark, aber keine Zuständigkeit in der Verwaltung und noch kein "
    "Gemeinderatsbeschluss. Für die nächste Runde ermutigen."
)

# Finished processes of the two historic rounds. Texts fill the result templates below.
HISTORIC = [
    {
        "municipality": "rheinfurt",
        "round": "2018–2019",
        "facilitators": ["keller"],
        "coordinator": "integration@rheinfurt.example",
        "lead": "Bürgermeisterin für Soziales, Integrationsbüro und Runder Tisch",
        "focus": "Übergang von der Flüchtlingshilfe in Regelstrukturen der Stadtteile",
        "actors": 94,
        "missing": "Jugendliche, Frauen aus der eritreischen Community, Selbstständige.",
        "gap": "Beteiligung der Migrant*innen-Organisationen an Entscheidungen",
        "steering": "17 Mitgliedern unter Vorsitz des Oberbürgermeisters",
        "event": "Open Space „Rheinfurt – unsere Stadt“",
        "people": 210,
        "event_result": "42 Anliegen, daraus vier Stadtteilforen.",
        "fields": "Sprache, Bildung, Arbeit, Wohnen, Teilhabe",
        "measures": 38,
        "council": "Gemeinderat",
        "vote": "einstimmig",
        "projects": (
            "Stadtteilforen in vier Quartieren eingerichtet; Forum der Kulturen erhält "
            "eine Geschäftsstelle; Integrationsbüro koordiniert Ehrenamt stadtweit."
        ),
        "sustain": "Stadtteilforen tagen vierteljährlich; Folgethema Antidiskriminierung.",
        "network": "Netzwerktreffen in Rheinfurt (Gastgeberin)",
        "consulting_factor": 1.1,
    },
    {
        "municipality": "albvorland",
        "round": "2018–2019",
        "facilitators": ["demir"],
        "lead": "Landrat, Sozialdezernentin und Sprecher*innen der Helferkreise",
        "focus": "Helferkreise im ländlichen Raum vernetzen",
        "actors": 81,
        "missing": "Arbeitgeber*innen, Geflüchtete selbst, junge Engagierte.",
        "gap": "Abstimmung zwischen Landratsamt und Gemeinden",
        "steering": "12 Mitgliedern unter Vorsitz des Landrats",
        "event": "Drei Regionalforen",
        "people": 165,
        "event_result": "Wunsch nach einer kreisweiten Ehrenamtsbörse.",
        "fields": "Ehrenamt, Arbeit, Mobilität, Bildung",
        "measures": 24,
        "council": "Kreistag",
        "vote": "mit großer Mehrheit",
        "projects": "Kreisweite Ehrenamtsbörse online; Fahrdienst-Netzwerk in zwei Raumschaften.",
        "sustain": "Kreisintegrationsforum als dauerhaftes Gremium eingerichtet.",
        "consulting_factor": 1.0,
    },
    {
        "municipality": "muehlbronn",
        "round": "2018–2019",
        "facilitators": ["hofmann"],
        "lead": "Bürgermeister und Sprecherin des Helferkreises",
        "focus": "Helferkreis in eine dauerhafte Struktur überführen",
        "actors": 41,
        "missing": "Geflüchtete Frauen, Sportvereine, Betriebe.",
        "gap": "Ehrenamtskoordination in der Verwaltung",
        "steering": "9 Mitgliedern unter Vorsitz des Bürgermeisters",
        "event": "Zukunftswerkstatt im Bürgerhaus",
        "people": 64,
        "event_result": "Idee eines Begegnungszentrums im Bürgerhaus.",
        "fields": "Begegnung, Sprache, Ehrenamt",
        "measures": 15,
        "council": "Gemeinderat",
        "vote": "einstimmig",
        "projects": "Begegnungszentrum im Bürgerhaus eröffnet; Ehrenamtskoordination mit 30 %.",
        "sustain": "Verein „Miteinander Mühlbronn“ gegründet; trägt das Begegnungszentrum.",
        "consulting_factor": 0.9,
    },
    {
        "municipality": "felsingen",
        "round": "2018–2019",
        "facilitators": ["hofmann"],
        "lead": "Bürgermeisterin und Arbeitskreis Asyl",
        "focus": "Wege in Vereine und Nachbarschaft",
        "actors": 29,
        "missing": "Musikverein, Landfrauen, Eltern aus der Anschlussunterbringung.",
        "gap": "Information neu Zugezogener über Vereinsangebote",
        "steering": "8 Mitgliedern unter Vorsitz der Bürgermeisterin",
        "event": "World Café im Gemeindehaus",
        "people": 48,
        "event_result": "Vereine bieten Schnuppermitgliedschaften an.",
        "fields": "Vereinsleben, Wohnen, Kinder und Familie",
        "measures": 11,
        "council": "Gemeinderat",
        "vote": "einstimmig",
        "projects": "Schnuppermitgliedschaft in sieben Vereinen; Willkommensmappe in fünf Sprachen.",
        "sustain": "Arbeitskreis Asyl wird Arbeitskreis „Neu in Felsingen“.",
        "drop": {
            "self-check": (
                "Auf Wunsch der Gemeinde ersetzt durch ein Gespräch im Gemeinderat; "
                "für eine Gemeinde dieser Größe zu aufwendig."
            ),
        },
        "consulting_factor": 0.85,
    },
    {
        "municipality": "kaltenach",
        "round": "2018–2019",
        "facilitators": ["demir"],
        "lead": "Oberbürgermeister, Integrationsbeauftragter und Ausländerausschuss",
        "focus": "Integrationsbeirat gründen",
        "actors": 57,
        "missing": "Jüngere Menschen aus den Moscheegemeinden, Italienischer Kulturverein.",
        "gap": "Politische Teilhabe von Menschen ohne deutschen Pass",
        "steering": "11 Mitgliedern unter Vorsitz des Oberbürgermeisters",
        "event": "Zukunftswerkstatt „Kaltenach gemeinsam“",
        "people": 95,
        "event_result": "Modell für einen gewählten Integrationsbeirat entworfen.",
        "fields": "Politische Teilhabe, Verwaltung, Bildung, Kultur",
        "measures": 21,
        "council": "Gemeinderat",
        "vote": "mit großer Mehrheit",
        "projects": "Integrationsbeirat gewählt und konstituiert; interkulturelle Fortbildung im Bürgerbüro.",
        "sustain": "Beirat hat Rede- und Antragsrecht im Sozialausschuss.",
        "consulting_factor": 1.0,
    },
    {
        "municipality": "rebstetten",
        "round": "2020/2021",
        "facilitators": ["keller"],
        "lead": "Integrationsmanagerin und Sprecher*innen der Initiativen",
        "focus": "Ein gemeinsames Dach für die Initiativen",
        "actors": 36,
        "missing": "Frauen, die nicht zum Frauentreff kommen; Seniorinnen und Senioren.",
        "gap": "Kommunikation zwischen Ehrenamt und Verwaltung",
        "steering": "10 Mitgliedern unter Vorsitz des Bürgermeisters",
        "event": "Digitale Zukunftswerkstatt",
        "people": 52,
        "event_result": "Initiativen gründen den „Runden Tisch Miteinander“.",
        "fields": "Vernetzung, Frauen, Sprache, Begegnung",
        "measures": 17,
        "council": "Gemeinderat",
        "vote": "einstimmig",
        "projects": "Runder Tisch Miteinander mit gemeinsamer Website und Terminkalender.",
        "sustain": "Integrationsmanagerin moderiert den Runden Tisch dauerhaft.",
        "network": "1. Netzwerktreffen der Runde (digital)",
        "consulting_factor": 0.95,
    },
    {
        "municipality": "tannbachtal",
        "round": "2020/2021",
        "facilitators": ["demir"],
        "lead": "Verbandsvorsitzender und Bürgermeister*innen der vier Gemeinden",
        "focus": "Zusammenarbeit über Gemeindegrenzen",
        "actors": 48,
        "missing": "Betriebe außerhalb des Maschinenbaus, Geflüchtete aus den kleineren Orten.",
        "gap": "Gemeinsame Zuständigkeit der vier Gemeinden",
        "steering": "9 Mitgliedern unter Vorsitz des Verbandsvorsitzenden",
        "event": "Dialogveranstaltung (digital und in zwei Gemeindehallen)",
        "people": 71,
        "event_result": "Vorschlag einer gemeinsamen Ehrenamtsagentur.",
        "fields": "Arbeit, Mobilität, Ehrenamt",
        "measures": 14,
        "council": "Verbandsversammlung",
        "vote": "einstimmig",
        "projects": "Gemeinsame Ehrenamtsagentur; Mitfahrbank-Netz in allen vier Orten.",
        "sustain": "Integrationsmanagement des Verbands auf Dauer gesichert.",
        "drop": {
            "self-check": (
                "Workshop während der Kontaktbeschränkungen nicht möglich; Fragen des "
                "Selbstchecks in die Stakeholderanalyse übernommen."
            ),
        },
        "consulting_factor": 0.9,
    },
    {
        "municipality": "hirschtal",
        "round": "2020/2021",
        "facilitators": ["hofmann"],
        "lead": "Bürgermeister, Helferkreis und zwei Sprachmittler*innen",
        "focus": "Geflüchtete selbst beteiligen",
        "actors": 24,
        "missing": "Fußballverein, Frauen aus Afghanistan.",
        "gap": "Beteiligung der Geflüchteten an Entscheidungen",
        "steering": "7 Mitgliedern unter Vorsitz des Bürgermeisters",
        "event": "Begegnungsfest mit Ideenwand",
        "people": 120,
        "event_result": "Geflüchtete organisieren ein monatliches Kochtreffen.",
        "fields": "Beteiligung, Begegnung, Sprache",
        "measures": 9,
        "council": "Gemeinderat",
        "vote": "einstimmig",
        "projects": "Monatliches Kochtreffen; zwei Geflüchtete im Vorstand des Helferkreises.",
        "sustain": "Helferkreis heißt jetzt „Hirschtal verbindet“ und wird gemeinsam geleitet.",
        "consulting_factor": 0.85,
    },
    {
        "municipality": "birkenried",
        "round": "2020/2021",
        "facilitators": ["hofmann"],
        "lead": "Bürgermeisterin und neue Integrationsmanagerin",
        "focus": "Aufgaben des Integrationsmanagements mit der Bürgerschaft klären",
        "actors": 22,
        "missing": "Jugendliche, Landwirt*innen, Saisonarbeitskräfte.",
        "gap": "Bekanntheit des Integrationsmanagements",
        "steering": "6 Mitgliedern unter Vorsitz der Bürgermeisterin",
        "event": "Digitaler Bürgerdialog",
        "people": 34,
        "event_result": "Sprechstunde im Jugendtreff vorgeschlagen.",
        "fields": "Integrationsmanagement, Jugend, Begegnung",
        "measures": 8,
        "council": "Gemeinderat",
        "vote": "einstimmig",
        "projects": "Sprechstunde im Jugendtreff eingeführt.",
        "sustain": "Nach dem Stellenwechsel übernimmt das Hauptamt die Koordination.",
        "drop": {
            "implementation-support": (
                "Stellenwechsel der Integrationsmanagerin; die Gemeinde setzt die "
                "Maßnahmen ohne externe Begleitung fort."
            ),
        },
        "consulting_factor": 0.8,
    },
]

# Result texts of the historic processes, filled from the entries above.
HISTORIC_RESULTS = {
    "kickoff": (
        "Erstgespräch mit {lead}. Ausgangslage und Erwartungen geklärt, Rollen und "
        "Zeitplan vereinbart. Schwerpunkt: {focus}."
    ),
    "stakeholder-analysis": (
        "{actors} Akteur*innen erfasst und in der Vier-Felder-Analyse nach Einfluss und "
        "Haltung eingeordnet. Wer fehlt noch? {missing}"
    ),
    "self-check": (
        "Fragebogen von der Verwaltung ausgefüllt und im Workshop mit Politik und "
        "Zivilgesellschaft diskutiert. Größte Lücke: {gap}."
    ),
    "steering-group": "Steuerungsgruppe mit {steering} konstituiert; Geschäftsordnung beschlossen.",
    "participation-event": "{event}: {people} Teilnehmende. {event_result}",
    "working-groups": (
        "Arbeitsgruppen zu {fields}: Bestandsaufnahme, Ziele und {measures} "
        "Maßnahmenvorschläge erarbeitet."
    ),
    "integration-concept": (
        "Konzeptentwurf mit Leitbild, Handlungsfeldern ({fields}) und {measures} "
        "Maßnahmen von der Steuerungsgruppe verabschiedet."
    ),
    "council-decision": "{council} hat das Integrationskonzept {vote} beschlossen.",
    "implementation-support": "{projects}",
    "closing-review": "Nachhaltigkeitscheck im Abschlussgespräch: {sustain}",
    "network-meeting": "Erfahrungen zum Schwerpunkt „{focus}“ vorgestellt und diskutiert.",
}

# (start, end) in days after the process start, and consulting days, per block.
HISTORIC_TIMELINE = {
    "kickoff": (7, 7, 1),
    "stakeholder-analysis": (14, 50, 1.5),
    "self-check": (40, 100, 2),
    "steering-group": (60, 75, 1),
    "participation-event": (150, 170, 4),
    "working-groups": (190, 370, 6),
    "integration-concept": (330, 450, 3.5),
    "council-decision": (470, 470, 0.5),
    "implementation-support": (475, 560, 5),
    "closing-review": (565, 565, 1),
    "network-meeting": (120, 120, 0.5),
}

ADMISSION_NOTE = (
    "Herzlichen Glückwunsch! Ihre Kommune ist in die Prozessbegleitung aufgenommen. Ihre "
    "Prozessbegleitung meldet sich in den nächsten Tagen, um das Auftaktgespräch zu "
    "vereinbaren."
)
