from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teilhabe.accounts.emails import normalise_email
from teilhabe.accounts.models import MUNICIPAL_ROLES, Role, User
from teilhabe.core.dates import DATE_VALIDATORS
from teilhabe.core.forms import DateInput, speak_budget_numbers
from teilhabe.programmes.models import (
    Application,
    ApplicationStatus,
    Municipality,
    MunicipalityKind,
    Round,
    State,
)


class RoundForm(forms.ModelForm):
    """A funding round; the date order is checked by Round.clean."""

    class Meta:
        model = Round
        fields = [
            "name",
            "name_en",
            "call_opens",
            "call_closes",
            "starts_on",
            "ends_on",
            "day_rate",
        ]
        widgets = {
            "call_opens": DateInput(),
            "call_closes": DateInput(),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Shown filled in (the default for a new round); left empty it stays as it is.
        self.fields["day_rate"].required = False
        speak_budget_numbers(self, money=("day_rate",))

    def clean_day_rate(self):
        rate = self.cleaned_data["day_rate"]
        return self.instance.day_rate if rate is None else rate

    def clean_name(self):
        # The programme is not a form field, so the model's unique constraint on
        # (programme, name) would be skipped by ModelForm validation.
        name = self.cleaned_data["name"].strip()
        duplicates = Round.objects.filter(programme=self.instance.programme_id, name=name)
        if duplicates.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This programme already has a round with this name."))
        return name


def _formfield(field, **kwargs):
    # Addresses typed without a scheme ("www.example.de") get https, as in Django 6.
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class MunicipalityForm(forms.ModelForm):
    """Base data of a municipality; the AGS rules live in Municipality.clean."""

    class Meta:
        model = Municipality
        formfield_callback = _formfield
        fields = [
            "name",
            "kind",
            "state",
            "ags",
            "population",
            "address",
            "website",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}

    def clean_ags(self):
        # Checked here (before the model's constraint) to name the other
        # municipality instead of showing the constraint's technical message.
        ags = self.cleaned_data["ags"].strip()
        if ags:
            other = Municipality.objects.filter(ags=ags).exclude(pk=self.instance.pk).first()
            if other:
                raise forms.ValidationError(
                    _("%(name)s already has this municipality key.") % {"name": other.name}
                )
        return ags


class MunicipalityFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("All types")), *MunicipalityKind.choices], required=False
    )
    state = forms.ChoiceField(
        label=_("State"), choices=[("", _("All states")), *State.choices], required=False
    )
    all = forms.BooleanField(
        label=_("Show all municipalities, not only those in my programmes"), required=False
    )

    def __init__(self, *args, may_see_all: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_see_all:
            del self.fields["all"]

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        if kind := self.cleaned_data["kind"]:
            queryset = queryset.filter(kind=kind)
        if state := self.cleaned_data["state"]:
            queryset = queryset.filter(state=state)
        return queryset

    @property
    def show_all(self) -> bool:
        return "all" in self.fields and self.is_valid() and self.cleaned_data["all"]


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = [
            "motivation",
            "foundations",
            "structures",
            "topics",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        labels = {
            "motivation": _("Motivation"),
            "foundations": _("What we build on"),
            "structures": _("Existing structures and initiatives"),
            "topics": _("Topics"),
        }


class ApplicationFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    round = forms.ModelChoiceField(
        label=_("Funding round"),
        queryset=Round.objects.none(),
        required=False,
        empty_label=_("All rounds"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        statuses = ApplicationStatus.choices
        if user.is_programme_office:
            # Drafts stay with the municipality until they are submitted.
            statuses = [c for c in statuses if c[0] != ApplicationStatus.DRAFT]
        self.fields["status"].choices = [("", _("All statuses")), *statuses]
        self.fields["round"].queryset = Round.objects.visible_to(user).select_related("programme")

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        if status := self.cleaned_data["status"]:
            queryset = queryset.filter(status=status)
        if round_ := self.cleaned_data["round"]:
            queryset = queryset.filter(round=round_)
        return queryset


class Decision(models.TextChoices):
    ADMIT = "admit", _("Admit")
    REJECT = "reject", _("Do not admit")


class DecisionForm(forms.Form):
    """The programme office's decision on a submitted application."""

    decision = forms.ChoiceField(
        label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    started_on = forms.DateField(
        label=_("Process start"),
        required=False,
        widget=DateInput(),
        validators=DATE_VALIDATORS,
        help_text=_("Only for an admission. Empty: the start of the round, or today."),
    )
    facilitators = forms.ModelMultipleChoiceField(
        label=_("Facilitators"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only for an admission. You can also assign facilitators later."),
    )
    decision_note = forms.CharField(
        label=_("Message to the municipality"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent with the decision. Required if the application is not admitted."),
    )
    review_note = forms.CharField(
        label=_("Review note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Internal to the programme office."),
    )

    def __init__(self, *args, application: Application, **kwargs):
        self.application = application
        round_ = application.round
        kwargs.setdefault(
            "initial",
            {
                "started_on": max(round_.starts_on, timezone.localdate()),
                "review_note": application.review_note,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["facilitators"].queryset = User.objects.filter(
            role=Role.FACILITATOR, is_active=True
        ).order_by("full_name")

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == Decision.REJECT and not cleaned.get("decision_note", "").strip():
            self.add_error(
                "decision_note", _("Please tell the municipality why it is not admitted.")
            )
        started_on = cleaned.get("started_on")
        if (
            decision == Decision.ADMIT
            and started_on
            and started_on > self.application.round.ends_on
        ):
            self.add_error("started_on", _("The process cannot start after the round ends."))
        return cleaned


class InviteForm(forms.ModelForm):
    """Invite a person. The roles offered depend on who invites (see __init__)."""

    class Meta:
        model = User
        fields = ["full_name", "email", "role", "municipality", "job_title", "preferred_language"]
        help_texts = {
            "preferred_language": _("The invitation e-mail is written in this language."),
        }

    def __init__(self, *args, inviter: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.inviter = inviter
        self.fields["role"].required = True
        if inviter.is_coordinator:
            # Coordinators build their own team, in their own municipality.
            self.fields["role"].choices = [
                (Role.TEAM_MEMBER, Role.TEAM_MEMBER.label),
                (Role.COORDINATOR, Role.COORDINATOR.label),
            ]
            del self.fields["municipality"]
        else:
            self.fields["role"].choices = [("", "---------"), *Role.choices]
            self.fields["municipality"].queryset = Municipality.objects.in_scope_of(inviter)
            self.fields["municipality"].help_text = _("Required for coordinators and team members.")

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        if User.objects.filter(email=email).exists():
            raise forms.ValidationError(
                _("A person with this e-mail address already has an account.")
            )
        return email

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if self.inviter.is_coordinator:
            # Only municipal roles are offered, so the inviter's municipality fits.
            if role in MUNICIPAL_ROLES:
                cleaned["municipality"] = self.instance.municipality = self.inviter.municipality
            return cleaned
        if role in MUNICIPAL_ROLES and not cleaned.get("municipality"):
            self.add_error("municipality", _("Choose the municipality this person works for."))
        elif role and role not in MUNICIPAL_ROLES and cleaned.get("municipality"):
            self.add_error(
                "municipality", _("Only coordinators and team members belong to a municipality.")
            )
        return cleaned
