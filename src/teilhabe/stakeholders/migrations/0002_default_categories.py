"""The actor categories the method names for a participatory integration concept.

The data lives here, not in app code, so this migration means the same thing forever.
The programme office can edit the categories afterwards.
"""

from django.db import migrations

MIGRANT_ORG_SUGGESTION_DE = (
    "Gibt es vor Ort keine Migrant*innen-Organisation, laden Sie einzelne "
    "zivilgesellschaftlich aktive Migrant*innen als Expert*innen ein – zum Beispiel "
    "über Sprachkurse, Elterncafés, Moscheegemeinden oder Sportvereine."
)
MIGRANT_ORG_SUGGESTION_EN = (
    "If there is no migrant organisation locally, invite individual civically active "
    "migrants as experts – for example through language courses, parents' cafés, "
    "mosque communities or sports clubs."
)

CATEGORIES = [
    # key, German, English, suggestion (de), suggestion (en)
    ("residents", "Bürger*innen", "Residents",
     "Sprechen Sie Bürger*innen dort an, wo sie ohnehin sind: Stadtteilfest, Markt, Elternabend.",
     "Approach residents where they already are: neighbourhood festival, market, parents' evening."),
    ("migrant-organisations", "Migrant*innen-Organisationen", "Migrant organisations",
     MIGRANT_ORG_SUGGESTION_DE, MIGRANT_ORG_SUGGESTION_EN),
    ("integration-council", "Integrationsbeirat", "Integration council",
     "Laden Sie den Integrationsbeirat oder, wo es keinen gibt, engagierte Migrant*innen aus dem Gemeinderatsumfeld ein.",
     "Invite the integration council or, where there is none, engaged migrants close to the council."),
    ("volunteer-groups", "Ehrenamtliche und Helferkreise", "Volunteers and helper circles",
     "Fragen Sie die Helferkreise, wer bei ihnen regelmäßig mitarbeitet, und laden Sie diese Menschen persönlich ein.",
     "Ask the helper circles who regularly works with them and invite those people personally."),
    ("welfare", "Wohlfahrtsverbände", "Welfare associations",
     "Sprechen Sie die Migrationsberatung der Wohlfahrtsverbände (z. B. Caritas, Diakonie, AWO) an.",
     "Contact the migration counselling services of the welfare associations (e.g. Caritas, Diakonie, AWO)."),
    ("religious", "Kirchen und Religionsgemeinschaften", "Churches and religious communities",
     "Laden Sie Kirchengemeinden, Moschee- und andere Religionsgemeinden gemeinsam ein.",
     "Invite parishes, mosque and other religious communities together."),
    ("unions", "Gewerkschaften", "Trade unions",
     "Fragen Sie beim örtlichen Gewerkschaftsbund nach einer Ansprechperson für Migration.",
     "Ask the local trade union federation for a contact person on migration."),
    ("employment", "Arbeitsverwaltung", "Employment administration",
     "Laden Sie Agentur für Arbeit und Jobcenter ein; sie kennen die Lage bei Arbeit und Ausbildung.",
     "Invite the employment agency and the job centre; they know the situation in work and training."),
    ("education", "Bildung (Kita, Schule, Ausbildung, Hochschule)", "Education (day care, school, training, university)",
     "Sprechen Sie Kitas und Schulen an – über Kinder erreichen Sie auch Eltern.",
     "Approach day-care centres and schools – through children you also reach parents."),
    ("business", "Kammern und Wirtschaftsverbände", "Chambers and business associations",
     "Fragen Sie IHK, Handwerkskammer oder Unternehmen mit vielen Beschäftigten mit Migrationsgeschichte.",
     "Ask the chambers of commerce and crafts or employers with many staff with a migration history."),
    ("civil-society", "Weitere Zivilgesellschaft (Sport, Selbsthilfe, Kultur)", "Other civil society (sports, self-help, culture)",
     "Sportvereine und Selbsthilfegruppen erreichen oft Menschen, die sonst nicht kommen.",
     "Sports clubs and self-help groups often reach people who would not come otherwise."),
    ("administration", "Verwaltung (zuständige Ämter)", "Administration (departments)",
     "Integration ist Querschnittsaufgabe: Laden Sie auch Personalamt, Ausländerbehörde und Stadtplanung ein.",
     "Integration concerns every department: invite human resources, the immigration office and urban planning too."),
    ("politics", "Politik (Gemeinderat, Kreistag)", "Politics (council)",
     "Gewinnen Sie Mitglieder aller Fraktionen früh – der Rat beschließt am Ende das Konzept.",
     "Win members of all parties early – the council adopts the concept in the end."),
]


def create_categories(apps, schema_editor):
    ActorCategory = apps.get_model("stakeholders", "ActorCategory")
    for position, (key, name, name_en, suggestion, suggestion_en) in enumerate(CATEGORIES):
        ActorCategory.objects.update_or_create(
            key=key,
            defaults={
                "name": name,
                "name_en": name_en,
                "suggestion": suggestion,
                "suggestion_en": suggestion_en,
                "recommended": True,
                "position": (position + 1) * 10,
            },
        )


def remove_categories(apps, schema_editor):
    ActorCategory = apps.get_model("stakeholders", "ActorCategory")
    ActorCategory.objects.filter(key__in=[row[0] for row in CATEGORIES], actors__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0001_actors_assessments_participations")]

    operations = [migrations.RunPython(create_categories, remove_categories)]
