from django import forms
from django.forms.renderers import TemplatesSetting


class TeilhabeFormRenderer(TemplatesSetting):
    """Renders every field through templates/components/field.html.

    One field template gives every input its label, help text and error list, linked
    with aria-describedby, so no view writes inputs by hand.
    """

    field_template_name = "components/field.html"
    form_template_name = "components/form.html"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
