from decimal import Decimal

from django.utils import translation

from teilhabe.processes import services
from teilhabe.processes.models import ConsultingUnit, LogAction, format_amount
from tests.factories import BlockFactory


def test_amounts_use_singular_and_german_decimals():
    with translation.override("de"):
        assert format_amount(Decimal("1.00"), ConsultingUnit.DAYS) == "1 Tag"
        assert format_amount(Decimal("1.50"), ConsultingUnit.DAYS) == "1,50 Tage"
        assert format_amount(Decimal("6"), ConsultingUnit.HOURS) == "6 Stunden"
    with translation.override("en"):
        assert format_amount(Decimal("1"), ConsultingUnit.HOURS) == "1 hour"


def test_log_shows_amount_and_direction_in_the_readers_language(process, facilitator, block):
    services.log_consulting(
        process,
        by=facilitator,
        date=process.started_on,
        facilitator=facilitator,
        quantity=Decimal("1"),
        unit=ConsultingUnit.DAYS,
        cost=Decimal("1200"),
    )
    BlockFactory(process=process, phase=block.phase, position=block.position + 10)
    services.move_block(block, "down", by=facilitator)
    consulting = process.log_entries.get(action=LogAction.CONSULTING_LOGGED)
    moved = process.log_entries.get(action=LogAction.BLOCK_MOVED)
    with translation.override("de"):
        assert consulting.detail_display == "1 Tag"
        assert moved.detail_display == "nach unten"
    with translation.override("en"):
        assert consulting.detail_display == "1 day"
        assert moved.detail_display == "down"
