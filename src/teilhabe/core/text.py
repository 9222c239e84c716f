"""Text fields refuse the NUL character, in every model of the platform.

PostgreSQL cannot store U+0000 in a text column (psycopg raises DataError, a server
error); SQLite stores it silently, so the two databases disagreed. Django's form
`CharField` refuses NUL, but model fields do not, so a service that checks its model
with `full_clean` (imports from files, the demo, the shell, future APIs) let it
through. Found by the property tests (issue 8).

The validator is added to each field's validators when the apps are ready rather
than written into every field: the rule cannot be forgotten on a new field, and it
does not enter the migration state.
"""

from collections.abc import Iterable

from django.core.validators import ProhibitNullCharactersValidator
from django.db import models


def prohibit_nul_characters(model_classes: Iterable[type[models.Model]]) -> None:
    for model in model_classes:
        for field in model._meta.local_fields:
            if not isinstance(field, models.CharField | models.TextField):
                continue
            if any(isinstance(v, ProhibitNullCharactersValidator) for v in field.validators):
                continue
            # `validators` is a list cached on the field (CharField has appended its
            # MaxLengthValidator to it); migrations read `_validators`, not this list.
            field.validators.append(ProhibitNullCharactersValidator())
