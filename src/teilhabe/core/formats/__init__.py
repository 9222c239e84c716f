from decimal import Decimal

from django.utils.formats import number_format


def format_eur(amount: Decimal | int | float | None) -> str:
    """Money in the active locale: 40.000,00 € in German, 40,000.00 € in English."""
    if amount is None:
        return "–"
    return f"{number_format(amount, decimal_pos=2, force_grouping=True)}\u00a0€"
