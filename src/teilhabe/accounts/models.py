from datetime import timedelta
from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teilhabe.accounts.emails import normalise_email


class Role(models.TextChoices):
    PROGRAMME_OFFICE = "programme_office", _("Programme office")
    FACILITATOR = "facilitator", _("Facilitator")
    COORDINATOR = "coordinator", _("Municipal coordinator")
    TEAM_MEMBER = "team_member", _("Team member")


MUNICIPAL_ROLES = {Role.COORDINATOR, Role.TEAM_MEMBER}


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        # Addresses are stored normalised (see normalise_email), so typed spellings match.
        return self.get(email=normalise_email(username))

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=normalise_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with an e-mail address.

    `role` says what the person does on the platform. Coordinators and team members
    belong to exactly one municipality; facilitators are assigned to processes;
    programme office staff are members of programmes (Programme.office_members).
    Operators without a role use the Django admin only.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    municipality = models.ForeignKey(
        "programmes.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Empty until the person chooses (language switch or profile): until then the
    # browser's Accept-Language decides, German when it asks for neither language.
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        default="",
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("operator"), default=False, help_text=_("May log in to the Django admin.")
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]
        constraints = [
            # Login and lockout look addresses up in this one spelling.
            models.CheckConstraint(
                condition=models.Q(email=Lower("email")), name="accounts_user_email_lower_case"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = normalise_email(self.email)
        if self.role in MUNICIPAL_ROLES and not self.municipality_id:
            raise ValidationError(
                {"municipality": _("Coordinators and team members belong to a municipality.")}
            )
        if self.role not in MUNICIPAL_ROLES and self.municipality_id:
            raise ValidationError(
                {"municipality": _("Only coordinators and team members belong to a municipality.")}
            )

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    # Role helpers. The scope sets are cached per request-bound user object so
    # permission checks in lists do not query once per row.
    @property
    def is_programme_office(self) -> bool:
        return self.role == Role.PROGRAMME_OFFICE

    @property
    def is_facilitator(self) -> bool:
        return self.role == Role.FACILITATOR

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR

    @property
    def is_municipal(self) -> bool:
        return self.role in MUNICIPAL_ROLES

    @property
    def two_factor_required(self) -> bool:
        """Whether this person must use a second factor (outside demo mode).

        Those who see several municipalities or run the platform: the programme office,
        facilitators and operators. Coordinators and team members may opt in.
        """
        return (
            self.is_staff
            or self.is_superuser
            or self.role in {Role.PROGRAMME_OFFICE, Role.FACILITATOR}
        )

    @cached_property
    def office_programme_ids(self) -> frozenset[int]:
        if not self.is_programme_office or not self.is_active:
            return frozenset()
        return frozenset(self.office_programmes.values_list("pk", flat=True))

    def _readable_facilitated_processes(self):
        """Assigned processes still running or closed at most FACILITATOR_READ_DAYS ago.

        After closing, a facilitator needs the process a while for reports and the
        handover; then their access ends as if they had never been assigned.
        """
        cutoff = timezone.localdate() - timedelta(days=settings.FACILITATOR_READ_DAYS)
        return self.facilitated_processes.filter(
            models.Q(closed_on__isnull=True) | models.Q(closed_on__gte=cutoff)
        )

    @cached_property
    def facilitated_process_ids(self) -> frozenset[int]:
        """Processes a facilitator reads: running ones, and closed ones for a while."""
        if not self.is_facilitator or not self.is_active:
            return frozenset()
        return frozenset(self._readable_facilitated_processes().values_list("pk", flat=True))

    @cached_property
    def facilitated_municipality_ids(self) -> frozenset[int]:
        """Municipalities of the processes in `facilitated_process_ids` (read access)."""
        if not self.is_facilitator or not self.is_active:
            return frozenset()
        return frozenset(
            self._readable_facilitated_processes().values_list("municipality_id", flat=True)
        )

    @cached_property
    def running_facilitated_municipality_ids(self) -> frozenset[int]:
        """Municipalities where a facilitator accompanies a running process (write access)."""
        if not self.is_facilitator or not self.is_active:
            return frozenset()
        return frozenset(
            self.facilitated_processes.filter(closed_on__isnull=True).values_list(
                "municipality_id", flat=True
            )
        )
