"""`manage.py load_demo`: fill an empty database with the demo, or leave it alone."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from teilhabe.demo import builder as demo
from teilhabe.demo.loader import read
from teilhabe.demo.logins import DEMO_LOGINS, DEMO_PASSWORD


class Command(BaseCommand):
    help = (
        "Create the demo programme with municipalities, rounds, applications, processes "
        "and demo accounts. Does nothing when the demo is already there."
    )

    def handle(self, *args, **options):
        if demo.demo_exists():
            self.stdout.write("Demo data already present – nothing changed.")
        else:
            taken = demo.conflicts()
            if taken:
                raise CommandError(
                    "The demo cannot be loaded: these e-mail addresses or municipality keys "
                    "are already in use: " + ", ".join(taken) + ". Use an empty database."
                )
            counts = demo.load_demo()
            self.stdout.write(self.style.SUCCESS(f"Teilhabe demo is ready at {settings.SITE_URL}"))
            self.stdout.write(
                "The database now holds "
                + ", ".join(f"{count} {name}" for name, count in counts.items())
                + "."
            )
        self._print_logins()

    def _print_logins(self) -> None:
        rows = [(login["email"], str(login["role"]), str(login["who"])) for login in DEMO_LOGINS]
        widths = [max(len(row[i]) for row in [*rows, ("E-mail", "Role", "Who")]) for i in range(3)]
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
        for email, role, who in [("E-mail", "Role", "Who"), *rows]:
            self.stdout.write(f"  {email:<{widths[0]}}  {role:<{widths[1]}}  {who}")
        listed = {login["email"] for login in DEMO_LOGINS}
        others = [u["email"] for u in read()["base"]["users"] if u["email"] not in listed]
        self.stdout.write("Further accounts with the same password: " + ", ".join(others))
