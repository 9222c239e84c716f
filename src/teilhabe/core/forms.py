from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting

from teilhabe.core.dates import MAX_DATE, MIN_DATE


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
