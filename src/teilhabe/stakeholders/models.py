"""Stakeholder analysis: actors, their assessment and their involvement over time."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teilhabe.core.dates import DATE_VALIDATORS, date_in_range, dates_in_order
from teilhabe.core.models import CreatedByModel, TimeStampedModel, in_language


class ActorCategory(models.Model):
    """A category of the stakeholder catalogue, kept by the programme office.

    `recommended` categories are the ones the method asks every municipality to
    involve; the coverage check ("Wer fehlt noch?") looks at them.
    """

    key = models.SlugField(_("key"), max_length=60, unique=True)
    name = models.CharField(_("name (German)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    description = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    suggestion = models.TextField(_("suggestion when nobody is involved (German)"), blank=True)
    suggestion_en = models.TextField(_("suggestion when nobody is involved (English)"), blank=True)
    recommended = models.BooleanField(_("recommended for every process"), default=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("actor category")
        verbose_name_plural = _("actor categories")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_en)

    @property
    def display_description(self) -> str:
        return in_language(self.description, self.description_en)

    @property
    def display_suggestion(self) -> str:
        return in_language(self.suggestion, self.suggestion_en)


class ActorKind(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation")
    PERSON = "person", _("Person")


class Involvement(models.TextChoices):
    """How far an actor is involved, in the order a process usually takes them."""

    KNOWN = "known", _("Known")
    INVITED = "invited", _("Invited")
    INVOLVED = "involved", _("Involved")
    ACTIVE = "active", _("Active")


INVOLVEMENT_ORDER = {value: index for index, value in enumerate(Involvement.values)}


class ActorQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Actors of the municipalities whose internal data the user works with."""
        from teilhabe.programmes.models import Municipality

        return self.filter(municipality__in=Municipality.objects.in_scope_of(user))

    def with_current_assessment(self):
        latest = Assessment.objects.filter(actor=models.OuterRef("pk")).order_by(
            "-assessed_at", "-pk"
        )
        return self.annotate(
            influence=models.Subquery(latest.values("influence")[:1]),
            attitude=models.Subquery(latest.values("attitude")[:1]),
        )


class Actor(CreatedByModel):
    """An organisation or a person that matters for a municipality's process."""

    municipality = models.ForeignKey(
        "programmes.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="actors",
    )
    kind = models.CharField(_("type"), max_length=20, choices=ActorKind.choices)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        "self",
        verbose_name=_("belongs to organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        limit_choices_to={"kind": ActorKind.ORGANISATION},
    )
    category = models.ForeignKey(
        ActorCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="actors",
    )
    role = models.CharField(
        _("function or role"),
        max_length=200,
        blank=True,
        help_text=_("For example chair, head of office, volunteer."),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    languages = models.CharField(
        _("languages"),
        max_length=200,
        blank=True,
        help_text=_(
            "Languages in which the actor can be reached, e.g. Deutsch, Türkisch, Arabisch."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)
    is_key_person = models.BooleanField(
        _("key person or multiplier"),
        default=False,
        help_text=_("Opens doors to a community or group (Schlüsselperson, Multiplikator*in)."),
    )
    represents_silent_group = models.BooleanField(
        _("represents a silent group"),
        default=False,
        help_text=_("Speaks for people that earlier formats did not reach."),
    )
    silent_group = models.CharField(
        _("which silent group"),
        max_length=200,
        blank=True,
        help_text=_("For example young mothers with a migration history, seasonal workers."),
    )
    involvement = models.CharField(
        _("involvement"), max_length=12, choices=Involvement.choices, default=Involvement.KNOWN
    )
    # Set when a person's data was deleted: the row stays for anonymous statistics.
    anonymised_at = models.DateTimeField(_("personal data deleted"), null=True, blank=True)

    objects = ActorQuerySet.as_manager()

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["name"]
        indexes = [models.Index(fields=["municipality", "category"])]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return str(_("Deleted person")) if self.is_anonymised else self.name

    def get_absolute_url(self) -> str:
        return reverse("stakeholders:actor_detail", args=[self.pk])

    def clean(self):
        super().clean()
        # The organisation may not be saved yet: an import checks a person against an
        # organisation from the same file before anything is saved.
        organisation = self.organisation
        if organisation is not None:
            if self.kind != ActorKind.PERSON:
                raise ValidationError(
                    {"organisation": _("Only a person can belong to an organisation.")}
                )
            if organisation.municipality_id != self.municipality_id:
                raise ValidationError(
                    {"organisation": _("The organisation must be one of this municipality's.")}
                )
            if self.pk is not None and organisation.pk == self.pk:
                raise ValidationError({"organisation": _("An actor cannot belong to itself.")})
        if self.silent_group and not self.represents_silent_group:
            self.represents_silent_group = True

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    @property
    def language_list(self) -> list[str]:
        return [part.strip() for part in self.languages.split(",") if part.strip()]


SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class Influence(models.IntegerChoices):
    VERY_LOW = 1, _("1 – very low")
    LOW = 2, _("2 – low")
    MEDIUM = 3, _("3 – medium")
    HIGH = 4, _("4 – high")
    VERY_HIGH = 5, _("5 – very high")


class Attitude(models.IntegerChoices):
    STRONG_CRITIQUE = 1, _("1 – strongly critical")
    CRITIQUE = 2, _("2 – rather critical")
    NEUTRAL = 3, _("3 – neutral or undecided")
    SUPPORT = 4, _("4 – rather supportive")
    STRONG_SUPPORT = 5, _("5 – strongly supportive")


class Assessment(models.Model):
    """One assessment of an actor; earlier ones are kept so change stays visible."""

    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="assessments"
    )
    influence = models.PositiveSmallIntegerField(
        _("influence on the process"), choices=Influence.choices, validators=SCALE
    )
    attitude = models.PositiveSmallIntegerField(
        _("attitude towards the process"), choices=Attitude.choices, validators=SCALE
    )
    note = models.CharField(_("reason"), max_length=500, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assessed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    assessed_at = models.DateTimeField(_("assessed"), db_index=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-assessed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(influence__gte=1, influence__lte=5),
                name="%(app_label)s_%(class)s_influence_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(attitude__gte=1, attitude__lte=5),
                name="%(app_label)s_%(class)s_attitude_1_to_5",
            ),
        ]
        indexes = [
            # The latest assessment per actor: ActorQuerySet.with_current_assessment's
            # subquery (actor lists, matrix, export) and the actor page's history.
            models.Index(
                fields=["actor", "-assessed_at", "-id"], name="assessment_actor_latest_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor}: {self.influence}/{self.attitude}"


class Participation(TimeStampedModel):
    """An actor invited to, and perhaps taking part in, a building block."""

    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="participations"
    )
    block = models.ForeignKey(
        "processes.Block",
        verbose_name=_("building block"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    invited_on = models.DateField(
        _("invited on"), null=True, blank=True, validators=DATE_VALIDATORS
    )
    took_part_on = models.DateField(
        _("took part on"), null=True, blank=True, validators=DATE_VALIDATORS
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["block__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "block"], name="one_participation_per_block"),
            date_in_range("invited_on", null=True),
            date_in_range("took_part_on", null=True),
            dates_in_order("invited_on", "took_part_on", null=True),
        ]

    def __str__(self) -> str:
        return f"{self.actor} – {self.block}"

    def clean(self):
        super().clean()
        if self.invited_on and self.took_part_on and self.took_part_on < self.invited_on:
            raise ValidationError(
                {"took_part_on": _("Taking part cannot be before the invitation.")}
            )
        if (
            self.block_id
            and self.actor_id
            and self.block.process.municipality_id != self.actor.municipality_id
        ):
            raise ValidationError(
                {"block": _("The building block must be in this municipality's process.")}
            )


# An import preview waits this long for its confirmation; then it is deleted.
IMPORT_PREVIEW_LIFETIME = timedelta(hours=2)


class ImportPreviewQuerySet(models.QuerySet):
    def expired(self, now=None):
        return self.filter(created_at__lte=(now or timezone.now()) - IMPORT_PREVIEW_LIFETIME)

    def current(self, now=None):
        return self.filter(created_at__gt=(now or timezone.now()) - IMPORT_PREVIEW_LIFETIME)


class ImportPreview(models.Model):
    """The rows of an uploaded actor list, waiting for the uploader's confirmation.

    They hold contact data, so they stay out of the session table (whose rows live for
    weeks): a preview is deleted when it is confirmed or discarded, and at the latest
    `IMPORT_PREVIEW_LIFETIME` after the upload. The random id is the only reference the
    browser gets; only its creator can use it, and only for its municipality.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    municipality = models.ForeignKey(
        "programmes.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    rows = models.JSONField(_("rows"), default=list)

    objects = ImportPreviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("import preview")
        verbose_name_plural = _("import previews")

    def __str__(self) -> str:
        return f"{self.filename} ({self.created_at:%Y-%m-%d %H:%M})"
