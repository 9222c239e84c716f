"""Validators whose messages show numbers as the reader writes them ("0,25", not "0.25").

Django's MinValueValidator puts its limit into the message unformatted, so a German
reader is told to enter at least "0.25". These raise the same codes with the limit
localised at the moment of validation, in the language of the request.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from teilhabe.core.formats import format_eur


def localize_number(value) -> str:
    """A number in the active locale with as many decimals as it has: 0,25; 1.200."""
    if isinstance(value, Decimal):
        places = max(0, -value.normalize().as_tuple().exponent)
        return number_format(value, decimal_pos=places, force_grouping=True)
    return number_format(value, force_grouping=True)


class _LocalizedLimit:
    money = False

    def __call__(self, value):
        cleaned = self.clean(value)
        limit = self.limit_value() if callable(self.limit_value) else self.limit_value
        if self.compare(cleaned, limit):
            shown = format_eur(limit) if self.money else localize_number(limit)
            raise ValidationError(
                self.message, code=self.code, params={"limit_value": shown, "value": value}
            )


@deconstructible(path="teilhabe.core.validators.MinNumberValidator")
class MinNumberValidator(_LocalizedLimit, MinValueValidator):
    message = _("Please enter at least %(limit_value)s.")


@deconstructible(path="teilhabe.core.validators.MaxNumberValidator")
class MaxNumberValidator(_LocalizedLimit, MaxValueValidator):
    message = _("Please enter at most %(limit_value)s.")


@deconstructible(path="teilhabe.core.validators.MinAmountValidator")
class MinAmountValidator(_LocalizedLimit, MinValueValidator):
    """A minimum in euros: "Der Betrag darf nicht unter 0,00 € liegen."."""

    money = True
    message = _("The amount must be at least %(limit_value)s.")
