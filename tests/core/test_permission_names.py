"""Safety net over every permission: one naming scheme, and no check of a name nobody defines.

A permission is `<app>.<verb>_<model>`, the model spelt as Django spells it
(`blockdocument`, `selfcheckround`), optionally followed by one word for the part
of the model it concerns (`view_application_review`, `view_application_list`).
A check of an undefined name is always denied, so a typo or a half-done rename
would silently hide a link or lock a page.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from rules.permissions import permissions

import teilhabe

SRC = Path(teilhabe.__file__).parent
APP_PERM = re.compile(
    r"[\"']((?:accounts|programmes|processes|stakeholders|selfcheck)\.[a-z_]+)[\"']"
)


def _model_names(app_label: str) -> set[str]:
    return {model._meta.model_name for model in apps.get_app_config(app_label).get_models()}


@pytest.mark.parametrize("name", sorted(permissions))
def test_permission_name_is_app_verb_model(name):
    app_label, _, codename = name.partition(".")
    verb, _, rest = codename.partition("_")
    models = _model_names(app_label)
    aspects = {rest[len(model) + 1 :] for model in models if rest.startswith(f"{model}_")}
    assert verb.isalpha(), name
    assert rest in models or any(aspect.isalpha() for aspect in aspects), name


def _checked_names():
    """Permission names in views, access helpers and templates."""
    files = [
        *SRC.rglob("views.py"),
        *SRC.rglob("views/*.py"),
        *SRC.rglob("access.py"),
        *SRC.rglob("*.html"),
    ]
    for path in files:
        for name in APP_PERM.findall(path.read_text()):
            yield name, path.relative_to(SRC)


def test_every_checked_permission_is_defined():
    checked = list(_checked_names())
    assert len(checked) > 40
    undefined = [(name, str(path)) for name, path in checked if name not in permissions]
    assert undefined == []
