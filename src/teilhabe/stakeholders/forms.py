from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.core.dates import DATE_VALIDATORS
from teilhabe.core.forms import DateInput
from teilhabe.processes.models import Block
from teilhabe.stakeholders.models import (
    Actor,
    ActorCategory,
    ActorKind,
    Attitude,
    Influence,
    Involvement,
)


class ActorFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False, max_length=100)
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=ActorCategory.objects.all(),
        required=False,
        empty_label=_("All categories"),
    )
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[("", _("Organisations and persons")), *ActorKind.choices],
        required=False,
    )
    involvement = forms.ChoiceField(
        label=_("Involvement"),
        choices=[("", _("All stages")), *Involvement.choices],
        required=False,
    )
    key_person = forms.BooleanField(label=_("Only key persons and multipliers"), required=False)
    silent_group = forms.BooleanField(
        label=_("Only representatives of silent groups"), required=False
    )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["q"]:
            queryset = queryset.filter(name__icontains=data["q"].strip())
        if data["category"]:
            queryset = queryset.filter(category=data["category"])
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["involvement"]:
            queryset = queryset.filter(involvement=data["involvement"])
        if data["key_person"]:
            queryset = queryset.filter(is_key_person=True)
        if data["silent_group"]:
            queryset = queryset.filter(represents_silent_group=True)
        return queryset


class MatrixFilterForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=ActorCategory.objects.all(),
        required=False,
        empty_label=_("All categories"),
    )


def _formfield(field, **kwargs):
    # Addresses typed without a scheme ("www.example.de") get https, as in Django 6.
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ActorForm(forms.ModelForm):
    """An actor of one municipality. Actor.clean puts organisation errors on the field."""

    class Meta:
        model = Actor
        formfield_callback = _formfield
        fields = [
            "kind",
            "name",
            "organisation",
            "category",
            "role",
            "email",
            "phone",
            "address",
            "website",
            "languages",
            "notes",
            "is_key_person",
            "represents_silent_group",
            "silent_group",
            "involvement",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "address": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "organisation": _("Only for persons: the organisation they belong to."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Actor.objects.filter(
            municipality=self.instance.municipality_id,
            kind=ActorKind.ORGANISATION,
            anonymised_at__isnull=True,
        )
        if self.instance.pk:
            organisations = organisations.exclude(pk=self.instance.pk)
        self.fields["organisation"].queryset = organisations.order_by("name")
        self.fields["organisation"].empty_label = _("— no organisation —")
        self.fields["organisation"].error_messages["invalid_choice"] = _(
            "Please choose an organisation of this municipality."
        )
        # A choice is required: no "---------" among the radio buttons (the browser
        # would pre-select it) and no first category filled in silently. An
        # organisation left without a category used to be filed under the first one.
        kind = self.fields["kind"]
        kind.choices = ActorKind.choices
        kind.error_messages["required"] = _(
            "Please choose whether the actor is an organisation or a person."
        )
        # The category keeps Django's "required" message, which the file import
        # (transfer.validation) shows per column as well.
        self.fields["category"].empty_label = _("— please choose a category —")


class AssessmentForm(forms.Form):
    influence = forms.TypedChoiceField(
        label=_("Influence on the process"),
        choices=Influence.choices,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("How much can this actor carry or block the process?"),
    )
    attitude = forms.TypedChoiceField(
        label=_("Attitude towards the process"),
        choices=Attitude.choices,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("From strongly critical to strongly supportive."),
    )
    note = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=500,
        help_text=_("Optional: what the assessment is based on."),
    )


class InvolvementForm(forms.Form):
    involvement = forms.ChoiceField(label=_("Involvement"), choices=Involvement.choices)


class ParticipationForm(forms.Form):
    block = forms.ModelChoiceField(
        label=_("Building block"),
        queryset=Block.objects.none(),
        help_text=_("A building block of this municipality's process."),
    )
    invited_on = forms.DateField(
        label=_("Invited on"), required=False, widget=DateInput, validators=DATE_VALIDATORS
    )
    took_part_on = forms.DateField(
        label=_("Took part on"), required=False, widget=DateInput, validators=DATE_VALIDATORS
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args, blocks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].queryset = blocks

    def clean(self):
        data = super().clean()
        if not data.get("invited_on") and not data.get("took_part_on"):
            raise forms.ValidationError(_("Please enter when the actor was invited or took part."))
        return data


class ActorCategoryForm(forms.ModelForm):
    class Meta:
        model = ActorCategory
        fields = [
            "key",
            "name",
            "name_en",
            "description",
            "description_en",
            "suggestion",
            "suggestion_en",
            "recommended",
            "position",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "suggestion": forms.Textarea(attrs={"rows": 3}),
            "suggestion_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "key": _(
                "Short identifier used in import files, e.g. migrant-organisations. "
                "It cannot be changed later."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Import files and the demo data refer to categories by key.
            self.fields["key"].disabled = True
