from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teilhabe.accounts.models import Role, User
from teilhabe.core.dates import DATE_VALIDATORS
from teilhabe.core.formats import format_eur
from teilhabe.core.forms import DateInput, add_service_errors, speak_budget_numbers
from teilhabe.processes.models import (
    Block,
    BlockStatus,
    BlockType,
    ConsultingEntry,
    ConsultingUnit,
    Phase,
    Process,
    consulting_cost,
)
from teilhabe.processes.uploads import check_upload
from teilhabe.programmes.models import Round

COMPLETED = "completed"


class ProcessFilterForm(forms.Form):
    round = forms.ModelChoiceField(
        label=_("Funding round"), queryset=Round.objects.none(), required=False
    )
    phase = forms.ChoiceField(label=_("Current phase"), required=False)

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["round"].empty_label = _("All rounds")
        self.fields["phase"].choices = [
            ("", _("All phases")),
            *Phase.choices,
            (COMPLETED, _("Completed")),
        ]


def responsible_choices(process: Process):
    """People who may be responsible for a block: the municipality's team and facilitators."""
    return (
        User.objects.filter(
            Q(municipality=process.municipality_id, role__in=[Role.COORDINATOR, Role.TEAM_MEMBER])
            | Q(pk__in=process.facilitators.values("pk")),
            is_active=True,
        )
        .distinct()
        .order_by("full_name")
    )


class BlockForm(forms.ModelForm):
    """Edit a block. Block.clean puts date errors on the right fields."""

    class Meta:
        model = Block
        fields = [
            "name",
            "description",
            "phase",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "responsible",
            "responsible_others",
            "notes",
            "results",
        ]
        widgets = {
            "planned_start": DateInput,
            "planned_end": DateInput,
            "actual_start": DateInput,
            "actual_end": DateInput,
            "responsible": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = responsible_choices(self.instance.process)


class BlockAddForm(forms.ModelForm):
    """Add a block from the catalogue or define one freely."""

    block_type = forms.ModelChoiceField(
        label=_("Building block from the catalogue"),
        queryset=BlockType.objects.none(),
        required=False,
        help_text=_("Leave empty to define your own building block below."),
    )

    class Meta:
        model = Block
        fields = [
            "name",
            "phase",
            "description",
            "planned_start",
            "planned_end",
            "responsible",
            "responsible_others",
        ]
        widgets = {
            "planned_start": DateInput,
            "planned_end": DateInput,
            "responsible": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "name": _(
                "Required for your own building block; optional to rename one from the catalogue."
            ),
        }

    field_order = ["block_type"]

    def __init__(self, *args, block_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block_type"].queryset = block_types
        self.fields["block_type"].empty_label = _("— my own building block —")
        self.fields["name"].required = False
        self.fields["phase"].required = False
        self.fields["responsible"].queryset = responsible_choices(self.instance.process)

    def clean(self):
        data = super().clean()
        block_type = data.get("block_type")
        if block_type:
            # Filled before the model validation runs, so Block.clean sees a full block.
            if not data.get("name"):
                data["name"] = block_type.name
                self.instance.name_en = block_type.name_en
            if not data.get("phase"):
                data["phase"] = block_type.phase
            if not data.get("description"):
                data["description"] = block_type.description
        else:
            if not data.get("name"):
                self.add_error("name", _("Please name your building block."))
            if not data.get("phase"):
                self.add_error("phase", _("Please choose the phase of your building block."))
        return data

    def service_fields(self) -> dict:
        """Keyword arguments for services.add_block."""
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "name",
                "phase",
                "description",
                "planned_start",
                "planned_end",
                "responsible_others",
            )
        }
        fields["name_en"] = self.instance.name_en
        fields["responsible"] = list(data["responsible"])
        return fields


class BlockStatusForm(forms.Form):
    """Change a block's status; completing it asks for its results and the day it was done.

    The service (set_block_status) decides whether the completion is acceptable; its
    errors land on `results`, `completed_on` and `confirm_early`. The confirmation
    checkbox is only shown once the service has asked for it (see `add_service_errors`).
    """

    status = forms.ChoiceField(label=_("Status"), choices=BlockStatus.choices)
    drop_reason = forms.CharField(
        label=_("Why dropped"),
        max_length=250,
        required=False,
        help_text=_("Only needed when the block is dropped."),
    )
    results = forms.CharField(
        label=_("Results"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when the block is done: what came out of it?"),
    )
    completed_on = forms.DateField(
        label=_("Done on"),
        required=False,
        widget=DateInput(),
        validators=DATE_VALIDATORS,
        help_text=_("Needed when the block is done; today unless you change it."),
    )
    confirm_early = forms.BooleanField(
        label=_("Yes, this building block is done although it was planned for later."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm_early"].widget = forms.HiddenInput()

    def add_service_errors(self, exc: ValidationError) -> None:
        """Show the service's refusal; offer the confirmation when it asks for one."""
        add_service_errors(self, exc)
        if "confirm_early" in self.errors:
            self.fields["confirm_early"].widget = forms.CheckboxInput()

    def clean(self):
        data = super().clean()
        if data.get("status") == BlockStatus.DROPPED and not data.get("drop_reason", "").strip():
            self.add_error("drop_reason", _("Please say briefly why the block is dropped."))
        return data

    def service_fields(self) -> dict:
        """Keyword arguments for services.set_block_status."""
        data = self.cleaned_data
        fields = {"reason": data["drop_reason"].strip()}
        if data["status"] == BlockStatus.DONE:
            fields.update(
                results=data["results"],
                on=data["completed_on"],
                confirm_early=data["confirm_early"],
            )
        return fields


class BlockMoveForm(forms.Form):
    """Move a block to a place among the blocks of its phase (1 = first)."""

    place = forms.TypedChoiceField(label=_("Place in this phase"), coerce=int, choices=())

    def __init__(self, *args, count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [(n, str(n)) for n in range(1, count + 1)]


class DocumentForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the file name."),
    )
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, PNG or JPEG, Word, Excel or PowerPoint (docx, xlsx, pptx), OpenDocument "
            "(odt, ods, odp) or text (txt, csv, md); at most %(max)s MB."
        ) % {"max": settings.MAX_UPLOAD_MB}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload)
        return upload


class ConsultingEntryForm(forms.ModelForm):
    """Log or correct consulting. The cost follows the round's day rate unless given;
    ConsultingEntry.clean refuses dates outside the round, implausible costs and
    overspending, each on its field."""

    class Meta:
        model = ConsultingEntry
        fields = ["date", "facilitator", "block", "quantity", "unit", "cost", "note"]
        widgets = {"date": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        process = self.instance.process
        day_rate = process.round.day_rate
        # A correction keeps the entry's facilitator even if they left the process since.
        self.fields["facilitator"].queryset = User.objects.filter(
            Q(pk__in=process.facilitators.values("pk")) | Q(pk=self.instance.facilitator_id)
        ).order_by("full_name")
        self.fields["block"].queryset = process.blocks.order_by("position", "pk")
        self.fields["block"].empty_label = _("— no particular building block —")
        self.fields["unit"].choices = ConsultingUnit.choices
        # The date picker offers the round's days up to today; the model decides.
        round_ = process.round
        latest = min(round_.ends_on, timezone.localdate())
        self.fields["date"].widget.attrs.update(
            {"min": round_.starts_on.isoformat(), "max": max(latest, round_.starts_on).isoformat()}
        )
        cost = self.fields["cost"]
        cost.required = False
        cost.help_text = _(
            "The day rate of this funding round is %(rate)s (an hour: %(hour)s). Leave "
            "the cost empty to have it calculated; change it where the agreed cost differs."
        ) % {
            "rate": format_eur(day_rate),
            "hour": format_eur(consulting_cost(Decimal(1), ConsultingUnit.HOURS, day_rate)),
        }
        # consulting.js fills in the calculated cost while the amount is typed.
        cost.widget.attrs.update(
            {
                "data-day-rate": str(day_rate),
                "data-hours-per-day": str(settings.CONSULTING_HOURS_PER_DAY),
            }
        )
        speak_budget_numbers(self, money=("cost",))

    def service_fields(self) -> dict:
        """Keyword arguments for services.log_consulting / change_consulting."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class ConsultingDeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the entry deleted?"),
        max_length=250,
        help_text=_("For example “entered twice” or “wrong process”. It stays in the log."),
        error_messages={"required": _("Please say briefly why the entry is deleted.")},
    )


class FacilitatorAddForm(forms.Form):
    facilitator = forms.ModelChoiceField(label=_("Facilitator"), queryset=User.objects.none())

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].queryset = (
            User.objects.filter(role=Role.FACILITATOR, is_active=True)
            .exclude(pk__in=process.facilitators.values("pk"))
            .order_by("full_name")
        )


class FacilitatorRemoveForm(forms.Form):
    facilitator = forms.ModelChoiceField(queryset=User.objects.none())

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].queryset = process.facilitators.all()


class BlockTypeForm(forms.ModelForm):
    class Meta:
        model = BlockType
        fields = [
            "key",
            "name",
            "name_en",
            "phase",
            "position",
            "description",
            "description_en",
            "included_by_default",
            "typical_weeks",
        ]

    def clean_key(self):
        key = self.cleaned_data["key"]
        # The unique constraint includes the catalogue, which is not a form field.
        clash = BlockType.objects.filter(catalogue=self.instance.catalogue_id, key=key).exclude(
            pk=self.instance.pk
        )
        if clash.exists():
            raise ValidationError(_("Another building block in this catalogue uses this key."))
        return key


class CloseProcessForm(forms.Form):
    closed_on = forms.DateField(
        label=_("Closing date"), widget=DateInput(), validators=DATE_VALIDATORS
    )
