"""Forms of the results side of the self-check: the workshop record.

One form per field of action (prefix ``field-<pk>``), all on one page and saved with
one button, so the record of a workshop can be typed in one go without JavaScript.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from teilhabe.core.dates import DATE_VALIDATORS
from teilhabe.core.forms import DateInput
from teilhabe.selfcheck.models import FieldOfAction, FirstStep, WorkshopNote


class WorkshopFieldForm(forms.Form):
    potentials = forms.CharField(
        label=_("Development potentials"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What could the municipality build on or develop in this field?"),
    )
    recommendations = forms.CharField(
        label=_("Recommendations"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    step_text = forms.CharField(
        label=_("New first step"),
        required=False,
        max_length=FirstStep._meta.get_field("text").max_length,
        help_text=_("Optional. A concrete next step that the workshop agreed on."),
    )
    step_responsible = forms.CharField(
        label=_("Who"),
        required=False,
        max_length=FirstStep._meta.get_field("responsible").max_length,
    )
    step_due_on = forms.DateField(
        label=_("By when"), required=False, widget=DateInput, validators=DATE_VALIDATORS
    )

    def __init__(self, *args, field: FieldOfAction, note: WorkshopNote | None = None, **kwargs):
        self.field_of_action = field
        if note is not None:
            kwargs.setdefault(
                "initial",
                {"potentials": note.potentials, "recommendations": note.recommendations},
            )
        kwargs.setdefault("prefix", f"field-{field.pk}")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if (data.get("step_responsible") or data.get("step_due_on")) and not data.get("step_text"):
            self.add_error(
                "step_text",
                _("Please describe the first step, or leave “who” and “by when” empty."),
            )
        return data

    @property
    def note_changed(self) -> bool:
        return any(name in self.changed_data for name in ("potentials", "recommendations"))
