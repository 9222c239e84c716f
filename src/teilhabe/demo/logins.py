"""The demo accounts, shown on the login page and printed by `make run` in demo mode."""

from django.utils.translation import gettext_lazy as _

DEMO_PASSWORD = "teilhabe-demo"

DEMO_LOGINS = [
    {
        "email": "buero@teilhabe.example",
        "role": _("Programme office"),
        "who": "Paula Brenner, Programmbüro",
    },
    {
        "email": "keller@teilhabe.example",
        "role": _("Facilitator"),
        "who": "Jonas Keller (Neckarbrück, Lindenau, …)",
    },
    {"email": "demir@teilhabe.example", "role": _("Facilitator"), "who": "Aylin Demir"},
    {
        "email": "koordination@neckarbrueck.example",
        "role": _("Municipal coordinator"),
        "who": "Sabine Wolf, Integrationsbeauftragte Neckarbrück",
    },
    {
        "email": "team@neckarbrueck.example",
        "role": _("Team member"),
        "who": "Murat Yilmaz, Stadtverwaltung Neckarbrück",
    },
    {
        "email": "koordination@lindenau.example",
        "role": _("Municipal coordinator"),
        "who": "Thomas Berger, Gemeinde Lindenau",
    },
    {
        "email": "admin@teilhabe.example",
        "role": _("Operator (Django admin)"),
        "who": "Administration",
    },
]
