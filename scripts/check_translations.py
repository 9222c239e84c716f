"""Fail when the German translation is incomplete or a compiled .mo is stale.

German is the default language and must always be complete: untranslated and fuzzy
entries fail (GNU gettext's msgattrib lists them). The app reads the .mo files, so
an edited but uncompiled .po would silently not show up: every .po is compiled to a
temporary file and compared with the committed .mo by content (file times are
useless after a git clone, and bytes differ between gettext versions).

Fix problems with `make messages` and by translating the entries it reports.
"""

import gettext
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "src" / "teilhabe" / "locale"
REQUIRED_COMPLETE = ["de"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, check=False)


def msgids(po_text: str) -> list[str]:
    """The first line of each msgid in a .po fragment, for the report."""
    return [
        line.removeprefix("msgid ").strip('"')
        for line in po_text.splitlines()
        if line.startswith("msgid ")
    ]


def completeness_problems(po_path: Path) -> list[str]:
    problems = []
    untranslated = run("msgattrib", "--untranslated", "--no-obsolete", str(po_path)).stdout
    problems += [f"{po_path}: untranslated {m!r}" for m in msgids(untranslated) if m]
    fuzzy = run("msgattrib", "--only-fuzzy", "--no-obsolete", str(po_path)).stdout
    problems += [f"{po_path}: fuzzy {m!r}" for m in msgids(fuzzy) if m]
    # msgattrib always prints the header; a fuzzy one drops the charset from the .mo.
    if "fuzzy" in po_path.read_text(encoding="utf-8").split('msgid ""', 1)[0]:
        problems.append(f"{po_path}: fuzzy header")
    return problems


def catalogue(mo_path: Path) -> dict:
    with mo_path.open("rb") as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]


def sync_problem(po_path: Path) -> str | None:
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        return f"{mo_path} is missing; run `make messages`"
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "django.mo"
        # --check-format is what Django's compilemessages uses.
        result = run("msgfmt", "--check-format", "-o", str(fresh), str(po_path))
        if result.returncode != 0:
            return f"msgfmt rejects {po_path}:\n{result.stderr}"
        if catalogue(fresh) != catalogue(mo_path):
            return f"{mo_path} is out of date with {po_path.name}; run `make messages`"
    return None


def main() -> int:
    if shutil.which("msgfmt") is None or shutil.which("msgattrib") is None:
        print("check_translations: GNU gettext not found; install gettext (make system-deps)")
        return 1
    problems: list[str] = []
    for language in REQUIRED_COMPLETE:
        po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
        if not po_path.exists():
            problems.append(f"{po_path} does not exist; create it with `make messages`")
        else:
            problems += completeness_problems(po_path)
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po")):
        if problem := sync_problem(po_path):
            problems.append(problem)
    for problem in problems:
        print(problem)
    if problems:
        print(f"check_translations: {len(problems)} problem(s)")
        return 1
    print("check_translations: German complete, .mo files up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
