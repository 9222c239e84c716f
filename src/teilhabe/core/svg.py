def svg_number(value: float) -> str:
    """A coordinate for an SVG attribute: always a dot as decimal separator.

    Django's localisation would write "12,5" in German, which SVG reads as two numbers.
    """
    return f"{value:.1f}"
