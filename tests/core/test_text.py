"""No text field of the platform stores a NUL character (issue 8).

PostgreSQL refuses U+0000 in text with a DataError; the property tests found
services passing it through on PostgreSQL only.
"""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models

from teilhabe.processes import services
from teilhabe.processes.models import Phase

TEXT_FIELDS = [
    (model, field)
    for config in apps.get_app_configs()
    if config.name.startswith("teilhabe.")
    for model in config.get_models()
    for field in model._meta.local_fields
    if isinstance(field, models.CharField | models.TextField)
]


def test_every_text_field_refuses_nul():
    assert len(TEXT_FIELDS) > 50
    missing = [
        f"{model._meta.label}.{field.name}"
        for model, field in TEXT_FIELDS
        if not any(isinstance(v, ProhibitNullCharactersValidator) for v in field.validators)
    ]
    assert missing == []


def test_the_length_limit_stays():
    from teilhabe.processes.models import Block

    assert {type(v).__name__ for v in Block._meta.get_field("name").validators} == {
        "MaxLengthValidator",
        "ProhibitNullCharactersValidator",
    }


def test_a_service_refuses_nul_with_a_validation_error(process, coordinator):
    with pytest.raises(ValidationError) as info:
        services.add_block(process, by=coordinator, name="Auftakt\x00", phase=Phase.ANALYSIS)
    assert list(info.value.message_dict) == ["name"]
