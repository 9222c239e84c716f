import uuid
from datetime import date, timedelta
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery, Sum
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from teilhabe.core.dates import DATE_VALIDATORS, date_in_range, dates_in_order
from teilhabe.core.formats import format_eur
from teilhabe.core.models import CreatedByModel, TimeStampedModel, in_language
from teilhabe.core.validators import MinAmountValidator, MinNumberValidator, localize_number
from teilhabe.processes.kinds import today_note
from teilhabe.programmes.models import Programme


class Phase(models.TextChoices):
    ANALYSIS = "analysis", _("Analysis and planning")
    PARTICIPATION = "participation", _("Participation")
    IMPLEMENTATION = "implementation", _("Implementation support")


PHASE_ORDER = {phase: index for index, phase in enumerate(Phase.values)}


class TranslatedNameMixin:
    """German `name` is required; `name_en` is shown in the English UI when present."""

    name: str
    name_en: str

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_en)


# --- Block catalogue ------------------------------------------------------------


class CatalogueStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Replaced by a newer version")


class CatalogueQuerySet(models.QuerySet):
    def visible_to(self, user):
        qs = self.filter(programme__in=Programme.objects.visible_to(user))
        if user.is_authenticated and (user.is_programme_office or user.is_superuser):
            return qs
        return qs.exclude(status=CatalogueStatus.DRAFT)

    def published(self):
        return self.filter(status=CatalogueStatus.PUBLISHED)


class Catalogue(CreatedByModel):
    """One version of a programme's building-block catalogue.

    A published version never changes: the programme office works on a draft copy
    and publishes it, which retires the previous version. Processes copy the blocks
    they use, so a new version never rewrites a running process.
    """

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="catalogues",
    )
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=CatalogueStatus.choices, default=CatalogueStatus.DRAFT
    )
    note = models.TextField(_("what changed"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        verbose_name = _("building-block catalogue")
        verbose_name_plural = _("building-block catalogues")
        ordering = ["programme", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "version"], name="unique_catalogue_version"
            ),
            models.UniqueConstraint(
                fields=["programme"],
                condition=Q(status="published"),
                name="one_published_catalogue_per_programme",
            ),
            models.UniqueConstraint(
                fields=["programme"],
                condition=Q(status="draft"),
                name="one_draft_catalogue_per_programme",
            ),
        ]

    def __str__(self) -> str:
        return _("%(programme)s, catalogue version %(version)s") % {
            "programme": self.programme,
            "version": self.version,
        }

    def get_absolute_url(self) -> str:
        return reverse("processes:catalogue_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status == CatalogueStatus.DRAFT


class BlockType(TranslatedNameMixin, models.Model):
    """A building block (Baustein) as the catalogue offers it."""

    catalogue = models.ForeignKey(
        Catalogue, verbose_name=_("catalogue"), on_delete=models.CASCADE, related_name="block_types"
    )
    key = models.SlugField(
        _("key"), max_length=60, help_text=_("Stays the same across catalogue versions.")
    )
    name = models.CharField(_("name (German)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    description = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    position = models.PositiveIntegerField(_("position"), default=0)
    included_by_default = models.BooleanField(
        _("part of every new process"),
        default=True,
        help_text=_("New processes start with this block; municipalities may drop it."),
    )
    typical_weeks = models.PositiveSmallIntegerField(
        _("typical duration (weeks)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("building block type")
        verbose_name_plural = _("building block types")
        ordering = ["catalogue", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "key"], name="unique_block_type_key")
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_description(self) -> str:
        return in_language(self.description, self.description_en)


# --- Processes ------------------------------------------------------------------


def _spent_subquery():
    # A subquery instead of a join keeps the default ordering and avoids GROUP BY.
    return Subquery(
        ConsultingEntry.objects.current()
        .filter(process=OuterRef("pk"))
        .order_by()
        .values("process")
        .annotate(total=Sum("cost"))
        .values("total")[:1],
        output_field=models.DecimalField(max_digits=12, decimal_places=2),
    )


class ProcessQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Processes whose internal data the user may see.

        Programme office: processes in its programmes. Facilitator: processes they
        are assigned to. Coordinator and team member: their municipality's processes.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        if user.is_programme_office:
            return self.filter(round__programme__in=user.office_programme_ids)
        if user.is_facilitator:
            return self.filter(pk__in=user.facilitated_process_ids)
        if user.is_municipal:
            return self.filter(municipality=user.municipality_id)
        return self.none()

    def with_overview(self):
        """Everything a list row shows, in a constant number of queries."""
        return (
            self.select_related("municipality", "round__programme")
            .prefetch_related("facilitators", "blocks")
            .annotate(spent=_spent_subquery())
        )

    def with_blocks(self):
        """One process page: blocks with their responsible people, and the budget spent."""
        return (
            self.select_related("municipality", "round__programme", "catalogue")
            .prefetch_related(
                "facilitators",
                models.Prefetch(
                    "blocks",
                    queryset=Block.objects.select_related("block_type").prefetch_related(
                        "responsible"
                    ),
                ),
            )
            .annotate(spent=_spent_subquery())
        )

    def active(self):
        return self.filter(closed_on__isnull=True)

    def in_phase(self, phase: str | None):
        """Processes whose current phase (see Process.current_phase) is `phase`.

        `None` selects completed processes: blocks exist and all are finished. Computed
        in SQL so that lists can filter and paginate on the derived phase.
        """
        blocks = Block.objects.filter(process=models.OuterRef("pk"))
        open_blocks = blocks.exclude(status__in=FINISHED_STATUSES)
        if phase is None:
            return self.filter(models.Exists(blocks)).exclude(models.Exists(open_blocks))
        phase_order = models.Case(
            *(
                models.When(phase=value, then=models.Value(index))
                for value, index in PHASE_ORDER.items()
            ),
            output_field=models.IntegerField(),
        )
        first_open_phase = (
            open_blocks.annotate(phase_order=phase_order)
            .order_by("phase_order", "position", "pk")
            .values("phase")[:1]
        )
        return self.annotate(open_phase=models.Subquery(first_open_phase)).filter(open_phase=phase)


class Process(TimeStampedModel):
    """The accompanied process of one admitted municipality in one funding round."""

    municipality = models.ForeignKey(
        "programmes.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="processes",
    )
    round = models.ForeignKey(
        "programmes.Round",
        verbose_name=_("funding round"),
        on_delete=models.PROTECT,
        related_name="processes",
    )
    application = models.OneToOneField(
        "programmes.Application",
        verbose_name=_("application"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="process",
    )
    catalogue = models.ForeignKey(
        Catalogue,
        verbose_name=_("catalogue version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="processes",
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    started_on = models.DateField(_("process start"), validators=DATE_VALIDATORS)
    closed_on = models.DateField(
        _("process closed"), null=True, blank=True, validators=DATE_VALIDATORS
    )
    budget = models.DecimalField(
        _("consulting budget (EUR)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal(settings.DEFAULT_CONSULTING_BUDGET),
        validators=[MinAmountValidator(Decimal("0"))],
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        related_name="facilitated_processes",
        blank=True,
        limit_choices_to={"role": "facilitator"},
    )

    objects = ProcessQuerySet.as_manager()

    class Meta:
        verbose_name = _("process")
        verbose_name_plural = _("processes")
        ordering = ["municipality__name", "-started_on"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "round"], name="one_process_per_round"),
            date_in_range("started_on"),
            date_in_range("closed_on", null=True),
            dates_in_order("started_on", "closed_on", null=True),
            models.CheckConstraint(
                condition=Q(budget__gte=0), name="%(app_label)s_%(class)s_budget_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.municipality} ({self.round.display_name})"

    def get_absolute_url(self) -> str:
        return reverse("processes:process_detail", args=[self.pk])

    # Derived state. Works on prefetched blocks (see with_overview) without queries.
    def _blocks(self):
        return sorted(self.blocks.all(), key=lambda b: (PHASE_ORDER[b.phase], b.position, b.pk))

    @property
    def current_phase(self) -> str | None:
        """Phase of the first block that is neither done nor dropped; None when complete."""
        for block in self._blocks():
            if block.status not in FINISHED_STATUSES:
                return block.phase
        return None

    def get_current_phase_display(self) -> str:
        phase = self.current_phase
        if phase is None:
            return _("Completed") if self._blocks() else _("Not planned yet")
        return Phase(phase).label

    @property
    def progress(self) -> tuple[int, int]:
        """(done, relevant) blocks; dropped blocks do not count."""
        blocks = [b for b in self._blocks() if b.status != BlockStatus.DROPPED]
        return sum(1 for b in blocks if b.status == BlockStatus.DONE), len(blocks)

    @property
    def progress_percent(self) -> int:
        done, total = self.progress
        return round(100 * done / total) if total else 0

    @property
    def spent_amount(self) -> Decimal:
        spent = getattr(self, "spent", None)
        if spent is None and not hasattr(self, "spent"):
            spent = self.consulting_entries.current().aggregate(total=Sum("cost"))["total"]
        return spent or Decimal("0")

    @property
    def remaining_budget(self) -> Decimal:
        return self.budget - self.spent_amount

    @property
    def budget_used_percent(self) -> int:
        return round(100 * self.spent_amount / self.budget) if self.budget else 0

    @property
    def budget_is_low(self) -> bool:
        return self.remaining_budget < self.budget * Decimal(str(settings.BUDGET_WARNING_SHARE))

    def due_blocks(self, today: date | None = None, days: int = 14):
        """Open blocks whose planned end is past or within `days` days."""
        today = today or timezone.localdate()
        horizon = today + timedelta(days=days)
        return [
            b
            for b in self._blocks()
            if b.status not in FINISHED_STATUSES and b.planned_end and b.planned_end <= horizon
        ]


class BlockStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


FINISHED_STATUSES = frozenset({BlockStatus.DONE, BlockStatus.DROPPED})


class BlockQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(process__in=Process.objects.visible_to(user))

    def open(self):
        return self.exclude(status__in=FINISHED_STATUSES)


class Block(TranslatedNameMixin, TimeStampedModel):
    """A building block in one municipality's process."""

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="blocks"
    )
    block_type = models.ForeignKey(
        BlockType,
        verbose_name=_("from catalogue"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="blocks",
    )
    name = models.CharField(_("name"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    position = models.PositiveIntegerField(_("position"), default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=BlockStatus.choices, default=BlockStatus.PLANNED
    )
    planned_start = models.DateField(
        _("planned start"), null=True, blank=True, validators=DATE_VALIDATORS
    )
    planned_end = models.DateField(
        _("planned end"), null=True, blank=True, validators=DATE_VALIDATORS
    )
    actual_start = models.DateField(
        _("actual start"), null=True, blank=True, validators=DATE_VALIDATORS
    )
    actual_end = models.DateField(
        _("actual end"), null=True, blank=True, validators=DATE_VALIDATORS
    )
    responsible = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        related_name="responsible_blocks",
        blank=True,
    )
    responsible_others = models.CharField(
        _("further responsible people"),
        max_length=250,
        blank=True,
        help_text=_("People without an account, e.g. “Mayor Schmidt, Helferkreis”."),
    )
    notes = models.TextField(_("notes"), blank=True)
    results = models.TextField(_("results"), blank=True)
    drop_reason = models.CharField(_("why dropped"), max_length=250, blank=True)

    objects = BlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("building block")
        verbose_name_plural = _("building blocks")
        ordering = ["process", "position", "pk"]
        # Only within one row: "not before the process started" spans two tables
        # and stays in clean().
        constraints = [
            *(
                date_in_range(f, null=True)
                for f in ("planned_start", "planned_end", "actual_start", "actual_end")
            ),
            dates_in_order("planned_start", "planned_end", null=True),
            dates_in_order("actual_start", "actual_end", null=True),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("processes:block_detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    @property
    def today_note(self) -> str:
        """What a block of a kind served by a later capability can hold today (or "")."""
        return today_note(self.block_type.key if self.block_type_id else None)

    def clean(self):
        super().clean()
        errors = {}
        start = self.process.started_on if self.process_id else None
        for field in ("planned_start", "planned_end", "actual_start", "actual_end"):
            value = getattr(self, field)
            if value and start and value < start:
                errors[field] = _("This date is before the process started (%(start)s).") % {
                    "start": date_format(start, "SHORT_DATE_FORMAT")
                }
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            errors.setdefault("planned_end", _("The planned end is before the planned start."))
        if self.actual_start and self.actual_end and self.actual_end < self.actual_start:
            errors.setdefault("actual_end", _("The actual end is before the actual start."))
        if self.status == BlockStatus.DROPPED and not self.drop_reason.strip():
            errors["drop_reason"] = _("Please say briefly why the block is dropped.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_overdue(self) -> bool:
        return (
            not self.is_finished
            and self.planned_end is not None
            and self.planned_end < timezone.localdate()
        )

    @property
    def start(self) -> date | None:
        return self.actual_start or self.planned_start

    @property
    def end(self) -> date | None:
        return self.actual_end or self.planned_end


def document_upload_to(instance: "BlockDocument", filename: str) -> str:
    # A random name: the original name is kept in the database, never in the path.
    suffix = PurePath(filename).suffix.lower()
    return f"documents/{instance.block.process_id}/{uuid.uuid4().hex}{suffix}"


class BlockDocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(block__process__in=Process.objects.visible_to(user))


class BlockDocument(models.Model):
    block = models.ForeignKey(
        Block, verbose_name=_("building block"), on_delete=models.CASCADE, related_name="documents"
    )
    file = models.FileField(_("file"), upload_to=document_upload_to)
    title = models.CharField(_("title"), max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now, editable=False)

    # Declared in the class body: add_to_class after the class exists left the
    # auto-created plain manager in place, without visible_to().
    objects = BlockDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("processes:document_download", args=[self.pk])


# --- Consulting budget ------------------------------------------------------------


class ConsultingUnit(models.TextChoices):
    HOURS = "hours", _("hours")
    DAYS = "days", _("days")


def format_amount(quantity, unit: str) -> str:
    """“1 Tag”, “1,5 Tage”, “6 Stunden” in the active language (up to two decimals)."""
    amount = floatformat(quantity, "-2")
    count = 1 if Decimal(str(quantity)) == 1 else 2
    if unit == ConsultingUnit.DAYS:
        return ngettext("%(amount)s day", "%(amount)s days", count) % {"amount": amount}
    return ngettext("%(amount)s hour", "%(amount)s hours", count) % {"amount": amount}


def day_share(quantity: Decimal, unit: str) -> Decimal:
    """The quantity in days: hours count as their share of a consulting day."""
    if unit == ConsultingUnit.HOURS:
        return quantity / Decimal(settings.CONSULTING_HOURS_PER_DAY)
    return quantity


def consulting_cost(quantity: Decimal, unit: str, day_rate: Decimal) -> Decimal:
    """What `quantity` hours or days cost at `day_rate`, rounded to the cent."""
    return (day_share(quantity, unit) * day_rate).quantize(Decimal("0.01"))


# A cost per day outside this factor of the round's day rate (half to double) is taken
# for a typing error: 500 days for 1.200 € or one day for 12.000 €.
PLAUSIBLE_RATE_FACTOR = Decimal(2)


class ConsultingEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(process__in=Process.objects.visible_to(user))

    def current(self):
        """Entries that count: not deleted. Budget sums use only these."""
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)


class ConsultingEntry(CreatedByModel):
    """Consulting work logged against a process's budget.

    Entries are corrected in place (the process log keeps the old values) and deleted
    softly: a deleted entry stays with who deleted it, when and why, and no longer
    counts towards the budget.
    """

    process = models.ForeignKey(
        Process,
        verbose_name=_("process"),
        on_delete=models.CASCADE,
        related_name="consulting_entries",
    )
    date = models.DateField(_("date"), validators=DATE_VALIDATORS)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        on_delete=models.PROTECT,
        related_name="consulting_entries",
    )
    block = models.ForeignKey(
        Block,
        verbose_name=_("building block"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consulting_entries",
        help_text=_("Optional: the building block this consulting was for."),
    )
    quantity = models.DecimalField(
        _("amount"),
        max_digits=6,
        decimal_places=2,
        validators=[MinNumberValidator(Decimal("0.25"))],
    )
    unit = models.CharField(_("unit"), max_length=6, choices=ConsultingUnit.choices)
    cost = models.DecimalField(
        _("cost (EUR)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinAmountValidator(Decimal("0"))],
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deleted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    deletion_reason = models.CharField(_("why deleted"), max_length=250, blank=True, editable=False)

    objects = ConsultingEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("consulting entry")
        verbose_name_plural = _("consulting entries")
        ordering = ["-date", "-pk"]
        constraints = [
            date_in_range("date"),
            # The form asks for at least a quarter (validator); the database only
            # refuses what would corrupt the sums.
            models.CheckConstraint(
                condition=Q(quantity__gte=0), name="%(app_label)s_%(class)s_quantity_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(cost__gte=0), name="%(app_label)s_%(class)s_cost_not_negative"
            ),
            # A deletion always says why.
            models.CheckConstraint(
                condition=Q(deleted_at__isnull=True) | ~Q(deletion_reason=""),
                name="%(app_label)s_%(class)s_deletion_has_reason",
            ),
        ]
        indexes = [
            # The budget page lists process.consulting_entries in this order.
            models.Index(fields=["process", "-date", "-id"], name="consulting_process_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.facilitator}: {self.cost} €"

    @property
    def amount_display(self) -> str:
        return format_amount(self.quantity, self.unit)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def clean(self):
        super().clean()
        errors: dict[str, ValidationError] = {}
        if self.process_id and isinstance(self.date, date):
            date_error = self._date_error()
            if date_error:
                errors["date"] = date_error
        if self.block_id and self.process_id and self.block.process_id != self.process_id:
            errors["block"] = ValidationError(
                _("Please choose a building block of this process."), code="other_process"
            )
        # clean_fields has already refused numbers that are not finite (NaN, infinity);
        # comparing one with the budget would raise InvalidOperation.
        if self.process_id and _is_number(self.quantity) and self.unit in ConsultingUnit.values:
            quantity_error = self._quantity_error()
            if quantity_error:
                errors["quantity"] = quantity_error
            elif _is_number(self.cost, zero=True):
                rate_error = self._rate_error()
                if rate_error:
                    errors["cost"] = rate_error
        if self.process_id and _is_number(self.cost, zero=True) and "cost" not in errors:
            others = (
                self.process.consulting_entries.current()
                .exclude(pk=self.pk)
                .aggregate(total=Sum("cost"))
            )
            remaining = self.process.budget - (others["total"] or Decimal("0"))
            if self.cost > remaining:
                errors["cost"] = ValidationError(
                    _(
                        "This entry would overspend the consulting budget: only "
                        "%(remaining)s remain."
                    )
                    % {"remaining": format_eur(remaining)},
                    code="overspent",
                )
        if errors:
            raise ValidationError(errors)

    def _date_error(self) -> ValidationError | None:
        round_ = self.process.round
        if self.date < round_.starts_on:
            return ValidationError(
                _("This date is before the funding round started (%(start)s).")
                % {"start": date_format(round_.starts_on, "SHORT_DATE_FORMAT")},
                code="before_round",
            )
        if self.date > round_.ends_on:
            return ValidationError(
                _("This date is after the funding round ended (%(end)s).")
                % {"end": date_format(round_.ends_on, "SHORT_DATE_FORMAT")},
                code="after_round",
            )
        if self.date < self.process.started_on:
            return ValidationError(
                _("This date is before the process started (%(start)s).")
                % {"start": date_format(self.process.started_on, "SHORT_DATE_FORMAT")},
                code="before_process",
            )
        today = timezone.localdate()
        if self.date > today:
            # log_consulting checks against the day of its `now` as well.
            return future_consulting_date_error(today)
        return None

    def _quantity_error(self) -> ValidationError | None:
        """More consulting in one entry than the whole round has days is a typing error."""
        round_ = self.process.round
        round_days = (round_.ends_on - round_.starts_on).days + 1
        if day_share(self.quantity, self.unit) > round_days:
            return ValidationError(
                _(
                    "That is more than the whole funding round lasts (%(days)s days). "
                    "Please check the amount and the unit."
                )
                % {"days": localize_number(round_days)},
                code="beyond_round",
            )
        return None

    def _rate_error(self) -> ValidationError | None:
        """A cost per day far off the round's day rate (see PLAUSIBLE_RATE_FACTOR)."""
        rate = self.process.round.day_rate
        low, high = rate / PLAUSIBLE_RATE_FACTOR, rate * PLAUSIBLE_RATE_FACTOR
        expected = consulting_cost(self.quantity, self.unit, rate)
        lowest = consulting_cost(self.quantity, self.unit, low)
        highest = consulting_cost(self.quantity, self.unit, high)
        if lowest <= self.cost <= highest:
            return None
        return ValidationError(
            _(
                "For %(amount)s the day rate of %(rate)s gives %(expected)s. "
                "%(cost)s is far from that; please check the cost and the amount "
                "(plausible: %(lowest)s to %(highest)s)."
            )
            % {
                "amount": format_amount(self.quantity, self.unit),
                "rate": format_eur(rate),
                "expected": format_eur(expected),
                "cost": format_eur(self.cost),
                "lowest": format_eur(lowest),
                "highest": format_eur(highest),
            },
            code="implausible_rate",
        )


def _is_number(value, *, zero: bool = False) -> bool:
    """A positive (or zero), finite Decimal small enough to compute with; the fields
    allow less, but clean() runs after clean_fields whatever it found."""
    if not isinstance(value, Decimal) or not value.is_finite() or value >= 10**12:
        return False
    return value >= 0 if zero else value > 0


def consulting_field_label(name: str) -> str:
    if name == "amount":
        return str(_("amount"))
    try:
        return str(ConsultingEntry._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a renamed field must not break the log
        return name


def consulting_value_display(name: str, value) -> str:
    """A value as the process log keeps it (see services.change_consulting), for reading."""
    if value in (None, ""):
        return "–"
    try:
        if name == "amount":
            return format_amount(Decimal(value[0]), value[1])
        if name == "cost":
            return format_eur(Decimal(value))
        if name == "date":
            return date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")
    except (ArithmeticError, ValueError, TypeError, IndexError):
        pass
    return str(value)


def future_consulting_date_error(today: date) -> ValidationError:
    """Consulting is logged for work done: a date after `today` is refused."""
    return ValidationError(
        _(
            "This date is in the future: consulting is logged for work already "
            "done (today is %(today)s)."
        ),
        code="date_in_future",
        params={"today": date_format(today, "SHORT_DATE_FORMAT")},
    )


# --- Process log ------------------------------------------------------------------


class LogAction(models.TextChoices):
    PROCESS_CREATED = "process_created", _("started the process")
    PROCESS_CHANGED = "process_changed", _("changed the process")
    PROCESS_CLOSED = "process_closed", _("closed the process")
    PROCESS_REOPENED = "process_reopened", _("reopened the process")
    FACILITATOR_ASSIGNED = "facilitator_assigned", _("assigned a facilitator")
    FACILITATOR_REMOVED = "facilitator_removed", _("removed a facilitator")
    BLOCK_ADDED = "block_added", _("added a building block")
    BLOCK_CHANGED = "block_changed", _("changed a building block")
    BLOCK_STATUS = "block_status", _("changed the status of a building block")
    BLOCK_MOVED = "block_moved", _("moved a building block")
    DOCUMENT_ADDED = "document_added", _("uploaded a document")
    DOCUMENT_REMOVED = "document_removed", _("removed a document")
    CONSULTING_LOGGED = "consulting_logged", _("logged consulting")
    CONSULTING_CHANGED = "consulting_changed", _("corrected a consulting entry")
    CONSULTING_DELETED = "consulting_deleted", _("deleted a consulting entry")


class ProcessLogQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(process__in=Process.objects.visible_to(user))


class ProcessLogEntry(models.Model):
    """Who changed what in a process. Written only by services, never edited."""

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="log_entries"
    )
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=30, choices=LogAction.choices)
    subject = models.CharField(_("concerning"), max_length=250, blank=True)
    # Structured detail, rendered in the reader's language by `detail_display`:
    # {"from": .., "to": ..} for status changes, {"fields": [..]} for edits,
    # {"changes": {field: [old, new]}} for corrected and {"entry": .., "reason": ..}
    # for deleted consulting entries.
    data = models.JSONField(_("detail"), default=dict, blank=True)

    objects = ProcessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("process log entry")
        verbose_name_plural = _("process log")
        ordering = ["-at", "-pk"]
        indexes = [
            # The process log page paginates process.log_entries in this order.
            models.Index(fields=["process", "-at", "-id"], name="process_log_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%d.%m.%Y %H:%M} {self.actor}: {self.get_action_display()}"

    @property
    def detail_display(self) -> str:
        data = self.data or {}
        if self.action == LogAction.CONSULTING_CHANGED and "changes" in data:
            return "; ".join(
                f"{consulting_field_label(name)}: {consulting_value_display(name, old)} → "
                f"{consulting_value_display(name, new)}"
                for name, (old, new) in data["changes"].items()
            )
        if self.action == LogAction.CONSULTING_DELETED and "entry" in data:
            entry = data["entry"]
            return _("%(amount)s, %(cost)s on %(date)s; reason: %(reason)s") % {
                "amount": format_amount(entry["quantity"], entry["unit"]),
                "cost": consulting_value_display("cost", entry["cost"]),
                "date": consulting_value_display("date", entry["date"]),
                "reason": data.get("reason", ""),
            }
        if "unit" in data:
            return format_amount(data["quantity"], data["unit"])
        if "direction" in data:
            return str(_("up") if data["direction"] == "up" else _("down"))
        if "place" in data:
            return _("to place %(place)s") % {"place": data["place"]}
        if self.action == LogAction.BLOCK_STATUS and "to" in data:
            old = BlockStatus(data["from"]).label if data.get("from") else "–"
            return f"{old} → {BlockStatus(data['to']).label}"
        if "fields" in data:
            names = []
            for field_name in data["fields"]:
                try:
                    names.append(str(Block._meta.get_field(field_name).verbose_name))
                except FieldDoesNotExist:  # a renamed field must not break the log
                    names.append(field_name)
            return ", ".join(names)
        return data.get("text", "")
