import re
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teilhabe.core.dates import DATE_VALIDATORS, date_in_range, dates_in_order
from teilhabe.core.models import CreatedByModel, TimeStampedModel, in_language
from teilhabe.core.validators import MinAmountValidator


class MunicipalityKind(models.TextChoices):
    # Their administrative structures differ, which matters for comparisons.
    # Plain labels without the German term in brackets: they are often shown in
    # brackets themselves ("Lindenau (Local municipality)").
    GEMEINDE = "gemeinde", _("Local municipality")
    KREISANGEHOERIGE_STADT = "kreisangehoerige_stadt", _("Town within a district")
    GROSSE_KREISSTADT = "grosse_kreisstadt", _("Major district town")
    KREISFREIE_STADT = "kreisfreie_stadt", _("District-free city")
    LANDKREIS = "landkreis", _("Rural district")
    VERWALTUNGSVERBAND = "verwaltungsverband", _("Administrative association")


class State(models.TextChoices):
    """German states; the value is the two-digit prefix of the AGS key."""

    SH = "01", _("Schleswig-Holstein")
    HH = "02", _("Hamburg")
    NI = "03", _("Lower Saxony")
    HB = "04", _("Bremen")
    NW = "05", _("North Rhine-Westphalia")
    HE = "06", _("Hesse")
    RP = "07", _("Rhineland-Palatinate")
    BW = "08", _("Baden-Württemberg")
    BY = "09", _("Bavaria")
    SL = "10", _("Saarland")
    BE = "11", _("Berlin")
    BB = "12", _("Brandenburg")
    MV = "13", _("Mecklenburg-Western Pomerania")
    SN = "14", _("Saxony")
    ST = "15", _("Saxony-Anhalt")
    TH = "16", _("Thuringia")


AGS_RE = re.compile(r"^\d{8}$|^\d{5}$")


class MunicipalityQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Municipalities whose base data (name, type, key) the user may open.

        Base data is public knowledge; the detail page shows internal data only
        through the process permissions.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.all()

    def in_scope_of(self, user):
        """Municipalities whose internal data the user works with."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        if user.is_programme_office:
            # A process may exist without an application (e.g. taken over from an
            # earlier round), so both relations put a municipality in scope.
            # Drafts stay private to the municipality (Application.objects.visible_to),
            # so only a submitted or decided application brings it into scope.
            applied = (
                Application.objects.filter(round__programme__in=user.office_programme_ids)
                .exclude(status=ApplicationStatus.DRAFT)
                .values("municipality")
            )
            return self.filter(
                Q(pk__in=applied)
                | Q(processes__round__programme__in=user.office_programme_ids)
                | Q(created_by=user)
            ).distinct()
        if user.is_facilitator:
            # Running processes, and closed ones for FACILITATOR_READ_DAYS (read only).
            return self.filter(pk__in=user.facilitated_municipality_ids)
        if user.is_municipal:
            return self.filter(pk=user.municipality_id)
        return self.none()

    def in_work_scope_of(self, user):
        """Municipalities whose internal data the user may change, if their role allows.

        As `in_scope_of`, except that a facilitator works on a municipality only while
        a process they accompany there is running: after closing they only read.
        """
        if user.is_authenticated and user.is_active and user.is_facilitator:
            return self.filter(pk__in=user.running_facilitated_municipality_ids)
        return self.in_scope_of(user)


class Municipality(CreatedByModel):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=30, choices=MunicipalityKind.choices)
    state = models.CharField(_("state"), max_length=2, choices=State.choices)
    ags = models.CharField(
        _("municipality key (AGS)"),
        max_length=8,
        blank=True,
        help_text=_(
            "Official municipality key: 8 digits for municipalities and towns, "
            "5 digits for districts. Administrative associations may leave it empty."
        ),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    address = models.TextField(_("address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["ags"], condition=~Q(ags=""), name="unique_municipality_ags"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programmes:municipality_detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.ags:
            if not AGS_RE.match(self.ags):
                raise ValidationError(
                    {"ags": _("The key has 8 digits (5 for a district), digits only.")}
                )
            if self.state and not self.ags.startswith(self.state):
                raise ValidationError(
                    {
                        "ags": _("The key of a municipality in %(state)s starts with %(prefix)s.")
                        % {"state": self.get_state_display(), "prefix": self.state}
                    }
                )
            if self.kind == MunicipalityKind.LANDKREIS and len(self.ags) == 8:
                if not self.ags.endswith("000"):
                    raise ValidationError(
                        {"ags": _("A district's key has 5 digits (or 8 ending in 000).")}
                    )
            elif self.kind != MunicipalityKind.LANDKREIS and len(self.ags) == 5:
                raise ValidationError({"ags": _("Only a district has a 5-digit key.")})


class ProgrammeQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        if user.is_programme_office:
            return self.filter(pk__in=user.office_programme_ids)
        if user.is_facilitator:
            return self.filter(rounds__processes__pk__in=user.facilitated_process_ids).distinct()
        if user.is_municipal:
            # Municipalities see the programmes they take part in or may apply to.
            return self.filter(
                Q(rounds__applications__municipality=user.municipality_id)
                | Q(rounds__call_closes__gte=timezone.localdate())
            ).distinct()
        return self.none()


class Programme(TimeStampedModel):
    name = models.CharField(_("name (German)"), max_length=250)
    name_en = models.CharField(
        _("name (English)"),
        max_length=250,
        blank=True,
        help_text=_("Shown in the English interface; empty: the German name."),
    )
    short_name = models.CharField(_("short name (German)"), max_length=60, blank=True)
    short_name_en = models.CharField(_("short name (English)"), max_length=60, blank=True)
    description = models.TextField(_("description"), blank=True)
    funder = models.CharField(_("funded by"), max_length=250, blank=True)
    default_budget = models.DecimalField(
        _("consulting budget per municipality (EUR)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal(settings.DEFAULT_CONSULTING_BUDGET),
        validators=[MinAmountValidator(Decimal("0"))],
    )
    office_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("programme office"),
        related_name="office_programmes",
        blank=True,
        limit_choices_to={"role": "programme_office"},
    )

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(default_budget__gte=0),
                name="%(app_label)s_%(class)s_default_budget_not_negative",
            )
        ]

    def __str__(self) -> str:
        """The short name, else the full name; in English when either has an English version."""
        return in_language(self.short_name or self.name, self.short_name_en or self.name_en)

    @property
    def display_name(self) -> str:
        """The full name in the interface's language (English when there is one)."""
        return in_language(self.name, self.name_en)

    def get_absolute_url(self) -> str:
        return reverse("programmes:programme_detail", args=[self.pk])


class RoundQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(programme__in=Programme.objects.visible_to(user))

    def open_for_applications(self, today: date | None = None):
        today = today or timezone.localdate()
        return self.filter(call_opens__lte=today, call_closes__gte=today)


class Round(TimeStampedModel):
    """A funding round (Förderrunde) of a programme, e.g. "2020/2021"."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="rounds"
    )
    name = models.CharField(_("name"), max_length=60, help_text=_("For example 2020/2021"))
    name_en = models.CharField(
        _("name (English)"),
        max_length=60,
        blank=True,
        help_text=_("Only if the name reads differently in English; empty: the name above."),
    )
    call_opens = models.DateField(_("call for applications opens"), validators=DATE_VALIDATORS)
    call_closes = models.DateField(_("application deadline"), validators=DATE_VALIDATORS)
    starts_on = models.DateField(_("round starts"), validators=DATE_VALIDATORS)
    ends_on = models.DateField(_("round ends"), validators=DATE_VALIDATORS)
    day_rate = models.DecimalField(
        _("day rate for consulting (EUR)"),
        max_digits=7,
        decimal_places=2,
        default=Decimal(settings.DEFAULT_CONSULTING_DAY_RATE),
        validators=[MinAmountValidator(Decimal("1"))],
        help_text=_(
            "What a day of consulting costs in this round; an hour costs its share of a "
            "day. New consulting entries are priced at this rate; entries already "
            "logged keep their cost."
        ),
    )

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("funding round")
        verbose_name_plural = _("funding rounds")
        ordering = ["programme", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="unique_round_name"),
            *(date_in_range(f) for f in ("call_opens", "call_closes", "starts_on", "ends_on")),
            dates_in_order("call_opens", "call_closes"),
            dates_in_order("starts_on", "ends_on"),
            models.CheckConstraint(
                condition=Q(day_rate__gt=0), name="%(app_label)s_%(class)s_day_rate_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme} {self.display_name}"

    @property
    def display_name(self) -> str:
        """The round's name in the interface's language (English when there is one)."""
        return in_language(self.name, self.name_en)

    def get_absolute_url(self) -> str:
        return reverse("programmes:round_detail", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.call_opens and self.call_closes and self.call_closes < self.call_opens:
            errors["call_closes"] = _("The deadline cannot be before the call opens.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The round cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    def is_open(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.call_opens <= today <= self.call_closes


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ADMITTED = "admitted", _("Admitted")
    REJECTED = "rejected", _("Not admitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Applications are internal: the municipality's own people and the office."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        if user.is_programme_office:
            # Drafts stay private to the municipality until submitted.
            return self.filter(round__programme__in=user.office_programme_ids).exclude(
                status=ApplicationStatus.DRAFT
            )
        if user.is_facilitator:
            return self.filter(process__pk__in=user.facilitated_process_ids)
        if user.is_municipal:
            return self.filter(municipality=user.municipality_id)
        return self.none()


class Application(CreatedByModel):
    """A municipality's application (Bewerbung) for a funding round."""

    round = models.ForeignKey(
        Round,
        verbose_name=_("funding round"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    motivation = models.TextField(
        _("motivation"), help_text=_("Why does your municipality want to take part?")
    )
    foundations = models.TextField(
        _("what we build on"),
        help_text=_("Experiences, projects and people your process can build on."),
    )
    structures = models.TextField(
        _("existing structures and initiatives"),
        help_text=_("Helper circles, integration council, migrant organisations, networks …"),
    )
    topics = models.TextField(_("topics"), help_text=_("Which topics should the process work on?"))
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    review_note = models.TextField(
        _("review note"), blank=True, help_text=_("Internal to the programme office.")
    )
    decision_note = models.TextField(_("message to the municipality"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "municipality"], name="one_application_per_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} – {self.round}"

    def get_absolute_url(self) -> str:
        return reverse("programmes:application_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status == ApplicationStatus.DRAFT

    @property
    def is_decidable(self) -> bool:
        return self.status == ApplicationStatus.SUBMITTED
