"""Move template markup onto KERN's component classes (idempotent).

Templates keep a few short project class names while they are written; this script
maps them to the KERN classes (`@kern-ux/native`, vendored under static/vendor) so that
buttons, tables, cards, badges and alerts look the same everywhere. Run it after adding
templates: `python scripts/kernify.py src`. `make lint` runs it with --check.
"""

import re
import sys
from pathlib import Path

CLASS_ATTR = re.compile(r'class="([^"{}]*)"')
BARE_BUTTON = re.compile(r"<button(?![^>]*\bclass=)([^>]*)>")
BARE_TABLE = re.compile(r"<table(?![^>]*\bclass=)([^>]*)>")
TABLE_WITH_CLASS = re.compile(r'<table([^>]*)\bclass="(?![^"]*kern-table)([^"]*)"')

TOKEN_MAP = {
    "button-secondary": "kern-btn--secondary",
    "button-small": "kern-btn--x-small",
    "button-link": "kern-btn--tertiary",
    "card": "kern-card",
    "badge": "kern-badge",
    "message": "kern-alert",
    "message-success": "kern-alert--success",
    "message-warning": "kern-alert--warning",
    "message-error": "kern-alert--danger",
    "message-info": "kern-alert--info",
}


def map_classes(value: str) -> str:
    tokens = value.split()
    if not tokens:
        return value
    out = []
    for token in tokens:
        if token == "button":
            out.append("kern-btn")
        else:
            out.append(TOKEN_MAP.get(token, token))
    if "kern-btn" not in out and any(t.startswith("kern-btn--") for t in out):
        out.insert(0, "kern-btn")
    if "kern-btn" in out and not any(
        t in out for t in ("kern-btn--secondary", "kern-btn--tertiary", "kern-btn--primary")
    ):
        out.insert(out.index("kern-btn") + 1, "kern-btn--primary")
    seen = []
    for token in out:
        if token not in seen:
            seen.append(token)
    return " ".join(seen)


def kernify(text: str) -> str:
    text = BARE_BUTTON.sub(r'<button class="kern-btn kern-btn--primary"\1>', text)
    text = BARE_TABLE.sub(r'<table class="kern-table"\1>', text)
    text = TABLE_WITH_CLASS.sub(r'<table\1class="kern-table \2"', text)
    return CLASS_ATTR.sub(lambda m: f'class="{map_classes(m.group(1))}"', text)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    roots = [Path(a) for a in argv if not a.startswith("--")] or [Path("src")]
    changed = []
    for root in roots:
        for path in sorted(root.rglob("*.html")):
            if "admin" in path.parts:
                continue
            old = path.read_text(encoding="utf-8")
            new = kernify(old)
            if new != old:
                changed.append(path)
                if not check:
                    path.write_text(new, encoding="utf-8")
    for path in changed:
        print(("would change " if check else "changed ") + str(path))
    return 1 if (check and changed) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
