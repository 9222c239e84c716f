"""Formatting of self-check scores (0 to 100) for tables and text, in the active language."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def score(value) -> str:
    """{{ value|score }}: a whole number in the active language, a dash when there is none."""
    if value is None or value == "":
        return "–"
    return number_format(round(float(value)), decimal_pos=0)


@register.filter
def change(value) -> str:
    """{{ value|change }}: a signed difference (+12, minus 5, ±0), a dash when there is none."""
    if value is None or value == "":
        return "–"
    rounded = round(float(value))
    if rounded == 0:
        return "±0"
    sign = "+" if rounded > 0 else "\u2212"
    return f"{sign}{number_format(abs(rounded), decimal_pos=0)}"
