"""Applications in a round of their own, so admitting them does not collide with the
`process` fixture that `municipality` already has in `round_`."""

from datetime import date

import pytest

from teilhabe.programmes.models import ApplicationStatus
from tests.factories import ApplicationFactory, RoundFactory


@pytest.fixture
def apply_round(programme):
    return RoundFactory(
        programme=programme,
        name="2098/2099",
        call_opens=date(2020, 1, 1),
        call_closes=date(2099, 6, 30),
        starts_on=date(2098, 1, 1),
        ends_on=date(2099, 12, 31),
    )


@pytest.fixture
def draft(apply_round, municipality, coordinator):
    return ApplicationFactory(
        round=apply_round,
        municipality=municipality,
        status=ApplicationStatus.DRAFT,
        submitted_at=None,
        created_by=coordinator,
    )


@pytest.fixture
def submitted(apply_round, municipality):
    return ApplicationFactory(
        round=apply_round,
        municipality=municipality,
        review_note="Starker Helferkreis, Verwaltung noch zögerlich.",
    )
