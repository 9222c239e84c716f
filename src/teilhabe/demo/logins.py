"""The demo accounts, shown on the login page and printed by `make run` in demo mode."""

from functools import cache

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from teilhabe.accounts.models import Role, User
from teilhabe.demo.loader import read

DEMO_PASSWORD = "teilhabe-demo"

# A few accounts to start with, printed by `load_demo`; the login page lists them all.
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
        "email": "rathaus@wiesenfeld.example",
        "role": _("Municipal coordinator"),
        "who": "Ines Brandt, Gemeinde Wiesenfeld (no application yet: try applying)",
    },
    {
        "email": "admin@teilhabe.example",
        "role": _("Operator (Django admin)"),
        "who": "Administration",
    },
]

# The order of the roles on the login page: the office first, the operator last.
ROLE_ORDER = [Role.PROGRAMME_OFFICE, Role.FACILITATOR, Role.COORDINATOR, Role.TEAM_MEMBER, ""]


@cache
def demo_emails() -> frozenset[str]:
    """Every demo account's address, from the data files (base.yaml users and admin)."""
    base = read()["base"]
    return frozenset([u["email"] for u in base["users"]] + [base["admin"]["email"]])


def demo_accounts() -> list[User]:
    """The demo accounts in the database, by role, municipality and name.

    Only accounts the demo created (their address is in the data files), never other
    people who may share the database.
    """
    users = (
        User.objects.filter(email__in=demo_emails(), is_active=True)
        .select_related("municipality")
        # A municipality without any application is where a newcomer can try applying.
        .annotate(municipality_applications=Count("municipality__applications"))
    )
    return sorted(
        users,
        key=lambda u: (
            ROLE_ORDER.index(u.role) if u.role in ROLE_ORDER else len(ROLE_ORDER),
            u.municipality.name if u.municipality else "",
            u.full_name,
        ),
    )
