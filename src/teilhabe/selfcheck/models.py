"""The self-check (Selbstcheck): versioned instruments, rounds, responses, workshop record.

An instrument version is frozen once anybody answered it: it can only be succeeded
by a new version. Answers always point at the items of the version they answered.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from teilhabe.core.dates import DATE_VALIDATORS, date_in_range, dates_in_order
from teilhabe.core.models import CreatedByModel, TimeStampedModel, in_language


class Bilingual(models.Model):
    """German text is required; the English text is shown in the English UI when set."""

    name = models.CharField(_("name (German)"), max_length=250)
    name_en = models.CharField(_("name (English)"), max_length=250, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_en)


# --- Instruments ---------------------------------------------------------------------


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Replaced by a newer version")


class Instrument(Bilingual):
    """A questionnaire, e.g. the default self-check; its content lives in versions."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    description = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        ordering = ["name"]

    def current_version(self):
        return self.versions.filter(status=VersionStatus.PUBLISHED).first()


class InstrumentVersion(CreatedByModel):
    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    note = models.TextField(_("what changed"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("instrument version")
        verbose_name_plural = _("instrument versions")
        ordering = ["instrument", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], name="unique_instrument_version"
            ),
            models.UniqueConstraint(
                fields=["instrument"],
                condition=Q(status="published"),
                name="one_published_version_per_instrument",
            ),
        ]

    def __str__(self) -> str:
        return _("%(instrument)s, version %(number)s") % {
            "instrument": self.instrument,
            "number": self.number,
        }

    @property
    def has_answers(self) -> bool:
        return Answer.objects.filter(item__field__version=self).exists()

    @property
    def is_editable(self) -> bool:
        """Only a draft nobody answered can change; everything else is succeeded."""
        return self.status == VersionStatus.DRAFT and not self.has_answers


class FieldOfAction(Bilingual):
    """A field of action (Handlungsfeld) of one instrument version."""

    version = models.ForeignKey(
        InstrumentVersion,
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="fields",
    )
    key = models.SlugField(
        _("key"), max_length=60, help_text=_("Stays the same across versions, for comparisons.")
    )
    description = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")
        ordering = ["version", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="unique_field_key_per_version")
        ]

    @property
    def display_description(self) -> str:
        return in_language(self.description, self.description_en)


class ItemKind(models.TextChoices):
    LIKERT = "likert", _("Scale from 1 to 5")
    YES_NO = "yes_no", _("Yes or no")
    TEXT = "text", _("Free text")


class Item(models.Model):
    """One question (statement) of a field of action."""

    field = models.ForeignKey(
        FieldOfAction,
        verbose_name=_("field of action"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    key = models.SlugField(_("key"), max_length=60)
    kind = models.CharField(_("type"), max_length=10, choices=ItemKind.choices)
    text = models.TextField(_("statement (German)"))
    text_en = models.TextField(_("statement (English)"), blank=True)
    help = models.TextField(_("help text (German)"), blank=True)
    help_en = models.TextField(_("help text (English)"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    required = models.BooleanField(
        _("must be answered"),
        default=True,
        help_text=_("Free-text questions are usually optional."),
    )

    class Meta:
        verbose_name = _("item")
        verbose_name_plural = _("items")
        ordering = ["field", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["field", "key"], name="unique_item_key_per_field")
        ]

    def __str__(self) -> str:
        return self.display_text

    @property
    def display_text(self) -> str:
        return in_language(self.text, self.text_en)

    @property
    def display_help(self) -> str:
        return in_language(self.help, self.help_en)


class Likert(models.IntegerChoices):
    NOT_AT_ALL = 1, _("1 – does not apply at all")
    RATHER_NOT = 2, _("2 – rather does not apply")
    PARTLY = 3, _("3 – applies partly")
    RATHER = 4, _("4 – rather applies")
    FULLY = 5, _("5 – fully applies")


# --- Rounds and responses --------------------------------------------------------------


class Perspective(models.TextChoices):
    """Who answers. The administration answers first, then the other perspectives."""

    # A context: "Administration" alone also names the operators' admin area.
    ADMINISTRATION = "administration", pgettext_lazy("self-check perspective", "Administration")
    POLITICS = "politics", _("Politics")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    MIGRANT_ORGANISATIONS = "migrant_organisations", _("Migrant organisations")
    RESIDENTS = "residents", _("Residents")


class RoundStatus(models.TextChoices):
    ADMINISTRATION = "administration", _("The administration answers")
    PERSPECTIVES = "perspectives", _("Further perspectives answer")
    CLOSED = "closed", _("Closed")


class SelfCheckRoundQuerySet(models.QuerySet):
    def visible_to(self, user):
        from teilhabe.programmes.models import Municipality

        return self.filter(municipality__in=Municipality.objects.in_scope_of(user))


class SelfCheckRound(CreatedByModel):
    """One self-check of a municipality; a later round can name its baseline."""

    municipality = models.ForeignKey(
        "programmes.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="selfcheck_rounds",
    )
    version = models.ForeignKey(
        InstrumentVersion,
        verbose_name=_("instrument version"),
        on_delete=models.PROTECT,
        related_name="rounds",
    )
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.ADMINISTRATION
    )
    baseline = models.ForeignKey(
        "self",
        verbose_name=_("compare with"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
        help_text=_("An earlier round of the same municipality, shown as the baseline."),
    )
    opened_on = models.DateField(
        _("opened on"), default=timezone.localdate, validators=DATE_VALIDATORS
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True, validators=DATE_VALIDATORS)
    # Kept by `scores.refresh_round_scores` whenever a response is submitted, so lists
    # and the benchmark need not count responses.
    submitted_responses = models.PositiveIntegerField(
        _("submitted responses"), default=0, editable=False
    )

    objects = SelfCheckRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("self-check round")
        verbose_name_plural = _("self-check rounds")
        ordering = ["municipality", "-opened_on", "-pk"]
        constraints = [
            date_in_range("opened_on"),
            date_in_range("closed_on", null=True),
            dates_in_order("opened_on", "closed_on", null=True),
        ]

    def __str__(self) -> str:
        return f"{self.municipality}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("selfcheck:round_detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.baseline_id and self.baseline.municipality_id != self.municipality_id:
            raise ValidationError(
                {"baseline": _("The baseline must be a round of the same municipality.")}
            )
        if self.baseline_id and self.baseline_id == self.pk:
            raise ValidationError({"baseline": _("A round cannot be its own baseline.")})


def _token() -> str:
    return secrets.token_urlsafe(24)


def _default_expiry():
    return timezone.now() + timedelta(days=settings.SELFCHECK_INVITATION_DAYS)


class Invitation(CreatedByModel):
    """A personal link for one respondent without an account; used up when submitted."""

    round = models.ForeignKey(
        SelfCheckRound,
        verbose_name=_("round"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    perspective = models.CharField(_("perspective"), max_length=30, choices=Perspective.choices)
    label = models.CharField(
        _("for whom"),
        max_length=200,
        blank=True,
        help_text=_("Only for your overview, e.g. “Integrationsbeirat” or a department."),
    )
    email = models.EmailField(_("send to e-mail address"), blank=True)
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    expires_at = models.DateTimeField(_("valid until"), default=_default_expiry)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["round", "perspective", "pk"]

    def __str__(self) -> str:
        return self.label or self.get_perspective_display()

    def get_absolute_url(self) -> str:
        return reverse("selfcheck:respond", args=[self.token])

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_used(self) -> bool:
        response = getattr(self, "response", None)
        return response is not None and response.is_submitted


class ResponseQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False)


class Response(TimeStampedModel):
    """One respondent's answers in a round: saved as they go, final once submitted."""

    round = models.ForeignKey(
        SelfCheckRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="responses"
    )
    perspective = models.CharField(_("perspective"), max_length=30, choices=Perspective.choices)
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondent"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="selfcheck_responses",
    )
    invitation = models.OneToOneField(
        Invitation,
        verbose_name=_("invitation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="response",
    )
    department = models.CharField(
        _("department or organisation"),
        max_length=200,
        blank=True,
        help_text=_("Optional, e.g. “Personalamt”. Helps to read the results; no names needed."),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["round", "perspective", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "respondent"],
                condition=Q(respondent__isnull=False),
                name="one_response_per_user_and_round",
            )
        ]

    def __str__(self) -> str:
        return f"{self.round} – {self.get_perspective_display()}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Answer(models.Model):
    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers"
    )
    item = models.ForeignKey(
        Item, verbose_name=_("item"), on_delete=models.PROTECT, related_name="answers"
    )
    scale = models.PositiveSmallIntegerField(
        _("value"),
        choices=Likert.choices,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    yes = models.BooleanField(_("yes"), null=True, blank=True)
    dont_know = models.BooleanField(_("don't know"), default=False)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        # The unique constraint's index also serves the lookups by response (and by
        # response and item) that saving and the results make; no extra index needed.
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="one_answer_per_item"),
            # Every scale item runs from 1 to 5 (ItemKind.LIKERT, Likert).
            models.CheckConstraint(
                condition=Q(scale__isnull=True) | Q(scale__gte=1, scale__lte=5),
                name="%(app_label)s_%(class)s_scale_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item.key}: {self.scale or self.yes or self.text[:20]}"

    @property
    def is_answered(self) -> bool:
        """Counts as answered (for "what is missing"), "don't know" included."""
        if self.dont_know:
            return True
        if self.item.kind == ItemKind.LIKERT:
            return self.scale is not None
        if self.item.kind == ItemKind.YES_NO:
            return self.yes is not None
        return bool(self.text.strip())


# --- Precomputed scores ------------------------------------------------------------------


class RoundScore(models.Model):
    """A round's score for one field of action and one perspective, 0 to 100.

    Written by `scores.refresh_round_scores` in the transaction that submits a
    response (submitted answers never change), so pages read a handful of rows
    instead of every answer. `perspective` "" is the field's overall score, each
    perspective weighing the same. `score` is None when nobody of that perspective
    could judge the field (only "don't know").
    """

    round = models.ForeignKey(
        SelfCheckRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="scores"
    )
    field = models.ForeignKey(
        FieldOfAction, verbose_name=_("field of action"), on_delete=models.CASCADE, related_name="+"
    )
    # The field's key, kept here because comparisons (baseline, benchmark) match
    # fields by key across instrument versions.
    field_key = models.SlugField(_("key"), max_length=60)
    perspective = models.CharField(
        _("perspective"), max_length=30, choices=Perspective.choices, blank=True
    )
    score = models.FloatField(_("score"), null=True)
    answered = models.PositiveIntegerField(_("answers with a score"), default=0)
    dont_know = models.PositiveIntegerField(_("don't know"), default=0)

    class Meta:
        verbose_name = _("round score")
        verbose_name_plural = _("round scores")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "field", "perspective"],
                name="one_score_per_round_field_perspective",
            )
        ]

    def __str__(self) -> str:
        return f"{self.round_id} {self.field_key} {self.perspective or '*'}: {self.score}"


class BenchmarkPool(models.Model):
    """What the benchmark of one instrument and one type of municipality is made of.

    `scores` maps municipality id -> {field key: overall score} of that
    municipality's latest round on the instrument with a submitted response (an
    empty dict when nothing in it carried a score). Rebuilt by
    `scores.refresh_benchmark_pool` when a response is submitted, a round is changed
    or deleted, or a municipality changes its type. Never shown as such: pages show
    only the median of the others, and only from the minimum group size on.
    """

    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.CASCADE, related_name="+"
    )
    municipality_kind = models.CharField(_("type of municipality"), max_length=30)
    scores = models.JSONField(_("scores"), default=dict)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("benchmark pool")
        verbose_name_plural = _("benchmark pools")
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "municipality_kind"], name="one_pool_per_instrument_and_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument_id} {self.municipality_kind}: {len(self.scores)}"


# --- Workshop record ---------------------------------------------------------------------


class WorkshopNote(TimeStampedModel):
    """What the multi-perspective workshop concluded for one field of action."""

    round = models.ForeignKey(
        SelfCheckRound,
        verbose_name=_("round"),
        on_delete=models.CASCADE,
        related_name="workshop_notes",
    )
    field = models.ForeignKey(
        FieldOfAction,
        verbose_name=_("field of action"),
        on_delete=models.PROTECT,
        related_name="workshop_notes",
    )
    potentials = models.TextField(_("development potentials"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)

    class Meta:
        verbose_name = _("workshop note")
        verbose_name_plural = _("workshop notes")
        ordering = ["round", "field__position"]
        constraints = [
            models.UniqueConstraint(fields=["round", "field"], name="one_workshop_note_per_field")
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.field}"


class FirstStep(CreatedByModel):
    """A first step agreed in the workshop.

    A measure of the integration concept (capability 6) will point here when a step
    is turned into a measure, so the origin of every measure stays traceable.
    """

    round = models.ForeignKey(
        SelfCheckRound,
        verbose_name=_("round"),
        on_delete=models.CASCADE,
        related_name="first_steps",
    )
    field = models.ForeignKey(
        FieldOfAction,
        verbose_name=_("field of action"),
        on_delete=models.PROTECT,
        related_name="first_steps",
    )
    text = models.CharField(_("first step"), max_length=500)
    responsible = models.CharField(_("who"), max_length=200, blank=True)
    due_on = models.DateField(_("by when"), null=True, blank=True, validators=DATE_VALIDATORS)

    class Meta:
        verbose_name = _("first step")
        verbose_name_plural = _("first steps")
        ordering = ["round", "field__position", "pk"]
        constraints = [date_in_range("due_on", null=True)]

    def __str__(self) -> str:
        return self.text
