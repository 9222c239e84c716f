"""Forms of the self-check: rounds, invitations, the questionnaire, item wording."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teilhabe.selfcheck.models import (
    Answer,
    Item,
    ItemKind,
    Likert,
    Perspective,
    Response,
    RoundStatus,
    SelfCheckRound,
)

DONT_KNOW = "dont_know"
YES = "yes"
NO = "no"


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    baseline = forms.ModelChoiceField(
        label=_("Compare with an earlier round"),
        queryset=SelfCheckRound.objects.none(),
        required=False,
        empty_label=_("No comparison (first self-check)"),
        help_text=_("The results of the new round are shown beside this round's results."),
    )

    def __init__(self, *args, municipality, **kwargs):
        kwargs.setdefault(
            "initial",
            {"title": _("Self-check %(year)s") % {"year": timezone.localdate().year}},
        )
        super().__init__(*args, **kwargs)
        self.fields["baseline"].queryset = SelfCheckRound.objects.filter(
            municipality=municipality
        ).order_by("-opened_on", "-pk")


class InvitationForm(forms.Form):
    perspective = forms.ChoiceField(label=_("Perspective"), choices=Perspective.choices)
    label = forms.CharField(
        label=_("For whom"),
        max_length=200,
        required=False,
        help_text=_("Only for your overview, e.g. “Integrationsbeirat” or a department."),
    )
    email = forms.EmailField(
        label=_("Send the link to this e-mail address"),
        required=False,
        help_text=_("Optional. Without an address, copy the link and pass it on yourself."),
    )


class RoundStatusForm(forms.Form):
    """Move a round on; closing it is final and needs `confirm` ticked."""

    status = forms.ChoiceField(choices=RoundStatus.choices)
    confirm = forms.BooleanField(
        label=_("Yes, close the round: nobody can answer any more and open links stop working."),
        required=False,
    )

    def __init__(self, *args, allowed: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (value, label) for value, label in RoundStatus.choices if value in allowed
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == RoundStatus.CLOSED and not cleaned.get("confirm"):
            self.add_error("confirm", _("Please confirm that the round is to be closed for good."))
        return cleaned


class ItemTextForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = ["text", "text_en", "help", "help_en"]
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for name in fields}


# --- The questionnaire ------------------------------------------------------------------


class RadioSelect(forms.RadioSelect):
    """Radio buttons whose "don't know" option carries a class, to set it apart visually.

    Named like Django's widget on purpose: the field template picks its fieldset
    markup by `widget_type`, which derives from the class name.
    """

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value == DONT_KNOW:
            option["attrs"]["class"] = (
                f"{option['attrs'].get('class', '')} option-dont-know".strip()
            )
        return option


def item_field_name(item: Item) -> str:
    return f"item_{item.pk}"


def _initial(answer: Answer | None, kind: str):
    if answer is None:
        return None
    if answer.dont_know:
        return DONT_KNOW
    if kind == ItemKind.LIKERT:
        return str(answer.scale) if answer.scale is not None else None
    if kind == ItemKind.YES_NO:
        return None if answer.yes is None else (YES if answer.yes else NO)
    return answer.text


# What the questionnaire asks about the respondent, by perspective: never a name, only
# where they answer from. An "Amt" is the administration's word; civil society answers
# for an organisation, politics for a group or committee, residents for themselves.
ABOUT_YOU: dict[str, tuple] = {
    Perspective.ADMINISTRATION: (
        _("Your department"),
        Response._meta.get_field("department").help_text,
    ),
    Perspective.POLITICS: (
        _("Your parliamentary group or committee"),
        _(
            "Optional, e.g. a parliamentary group or the integration committee. Helps to "
            "read the results; no names needed."
        ),
    ),
    Perspective.CIVIL_SOCIETY: (
        _("Your organisation"),
        _(
            "Optional, e.g. your association, initiative or welfare organisation. Helps to "
            "read the results; no names needed."
        ),
    ),
    Perspective.MIGRANT_ORGANISATIONS: (
        _("Your organisation"),
        _(
            "Optional, e.g. your association or community. Helps to read the results; "
            "no names needed."
        ),
    ),
}


def about_you_question(perspective: str) -> tuple | None:
    """(label, help text) of the "department" question for a perspective, or None when
    the perspective is not asked (residents answer for themselves)."""
    return ABOUT_YOU.get(perspective)


class QuestionnaireForm(forms.Form):
    """One field per item, named item_<pk>, in the order of the instrument.

    A step of the questionnaire passes only its own items, so a POST touches nothing
    else. Every field is optional here: saving half an answer is allowed, and what is
    missing for a submission is decided by services.missing_items. The "department"
    field is there only when `about_you` (label, help text) is given.
    """

    use_required_attribute = False
    # Not "optional" for the respondent: every question is needed to submit.
    hide_optional_marker = True

    def __init__(
        self,
        *args,
        items: list[Item],
        answers: dict[int, Answer],
        about_you: tuple | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.items = items
        self.answers = answers
        if about_you is not None:
            label, help_text = about_you
            self.fields["department"] = forms.CharField(
                label=label, help_text=help_text, max_length=200, required=False
            )
        for item in items:
            self.fields[item_field_name(item)] = self._field_for(item, answers.get(item.pk))

    def _field_for(self, item: Item, answer: Answer | None) -> forms.Field:
        label = item.display_text
        if not item.required:
            label = _("%(statement)s (optional)") % {"statement": label}
        common = {
            "label": label,
            "help_text": item.display_help,
            "required": False,
            "initial": _initial(answer, item.kind),
        }
        if item.kind == ItemKind.LIKERT:
            choices = [(str(value), text) for value, text in Likert.choices]
            return forms.ChoiceField(
                choices=[*choices, (DONT_KNOW, _("Don't know"))],
                widget=RadioSelect,
                **common,
            )
        if item.kind == ItemKind.YES_NO:
            return forms.ChoiceField(
                choices=[(YES, _("Yes")), (NO, _("No")), (DONT_KNOW, _("Don't know"))],
                widget=RadioSelect,
                **common,
            )
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), **common)

    def answer_values(self) -> dict[int, dict]:
        """The cleaned answers in the shape services.save_answers takes.

        Untouched questions are left out, so saving does not create empty answers;
        a question answered before is always included, so a text can be emptied.
        """
        values: dict[int, dict] = {}
        for item in self.items:
            raw = self.cleaned_data.get(item_field_name(item)) or ""
            if not raw and item.pk not in self.answers:
                continue
            if raw == DONT_KNOW:
                values[item.pk] = {"dont_know": True}
            elif item.kind == ItemKind.LIKERT:
                values[item.pk] = {"scale": int(raw) if raw else None}
            elif item.kind == ItemKind.YES_NO:
                values[item.pk] = {"yes": {YES: True, NO: False}.get(raw)}
            else:
                values[item.pk] = {"text": raw.strip()}
        return values

    @property
    def department_value(self) -> str | None:
        """The cleaned department, or None when this form does not ask for it."""
        if "department" not in self.fields:
            return None
        return self.cleaned_data.get("department", "")

    def mark_missing(self, missing: list[Item]) -> None:
        for item in missing:
            if item_field_name(item) in self.fields:
                self.add_error(
                    item_field_name(item),
                    _("Please answer this question or choose “Don't know”."),
                )

    def sections(self, fields_of_action) -> list[tuple]:
        """(field of action, its bound fields) in order, for one fieldset each."""
        return [
            (field, [self[item_field_name(item)] for item in field.items.all()])
            for field in fields_of_action
        ]
