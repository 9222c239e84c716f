from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe.core.dates import MAX_DATE, MIN_DATE
from teilhabe.core.formats import format_eur


class TeilhabeFormRenderer(TemplatesSetting):
    """Renders every field through templates/components/field.html.

    One field template gives every input its label, help text and error list, linked
    with aria-describedby, so no view writes inputs by hand.
    """

    field_template_name = "components/field.html"
    form_template_name = "components/form.html"


class DateInput(forms.DateInput):
    """A native date picker limited to the accepted range (core.dates).

    The browser's min/max only help; the field's validators decide on the server.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        bounds = {"min": MIN_DATE.isoformat(), "max": MAX_DATE.isoformat()}
        super().__init__(attrs={**bounds, **(attrs or {})}, format="%Y-%m-%d")


def add_service_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Attach a ValidationError raised by a service to the form's fields (or the form)."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def speak_budget_numbers(form: forms.BaseForm, *, money: tuple[str, ...] = ()) -> None:
    """Give the form's decimal fields messages in the reader's numbers and words.

    Django says "Ensure that there are no more than 8 digits before the decimal point"
    and "0.25"; a municipal budget officer reads "Der Betrag darf höchstens
    99.999.999,99 € sein" and "höchstens zwei Nachkommastellen, z. B. 0,25". The fields
    named in `money` are amounts in euros. Call it in the form's __init__, where the
    request's language is active.
    """
    for name, field in form.fields.items():
        if not isinstance(field, forms.DecimalField):
            continue
        places = field.decimal_places
        if field.max_digits is not None and places is not None:
            largest = Decimal(10) ** (field.max_digits - places) - Decimal(10) ** -places
            if name in money:
                too_large = _("The amount may be at most %(max)s.") % {"max": format_eur(largest)}
            else:
                too_large = _("Please enter at most %(max)s.") % {
                    "max": number_format(largest, decimal_pos=places, force_grouping=True)
                }
            field.error_messages["max_digits"] = too_large
            field.error_messages["max_whole_digits"] = too_large
        if places is not None:
            example = Decimal("1200.5") if places == 1 else Decimal("0.25")
            if name in money:
                example = Decimal("1200.50")
            field.error_messages["max_decimal_places"] = ngettext(
                "Please enter at most %(count)s decimal place, for example %(example)s.",
                "Please enter at most %(count)s decimal places, for example %(example)s.",
                places,
            ) % {
                "count": places,
                "example": number_format(example, decimal_pos=min(places, 2), force_grouping=True)
                if places
                else "1",
            }
        field.error_messages["invalid"] = (
            _("Please enter an amount in euros, for example %(example)s.")
            % {"example": number_format(Decimal("1200.50"), decimal_pos=2, force_grouping=True)}
            if name in money
            else _("Please enter a number, for example %(example)s.")
            % {"example": number_format(Decimal("1.5"), decimal_pos=1)}
        )
