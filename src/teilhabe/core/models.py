from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """When a row was created and last changed: the moment of the service's action.

    Services take the moment of an action (`now=`) so that an import or the demo can
    tell what happened earlier; they pass it on with `save(now=...)`. Without it the
    timestamps are the current time, as `auto_now_add`/`auto_now` would set them.
    """

    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, now: datetime | None = None, **kwargs) -> None:
        """Save, stamping the row with `now` (default: the current time).

        A new row is created at `now`, or at the `created_at` it was given (its
        default: when the instance was made), and counts as updated then too. A
        changed row is updated at `now`; like `auto_now`, `updated_at` is left alone
        when `update_fields` does not name it.
        """
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            # Read twice (here and by Django), so a generator must become a set.
            update_fields = kwargs["update_fields"] = frozenset(update_fields)
        if self._state.adding:
            self.created_at = now or self.created_at or timezone.now()
            moment = self.created_at
        else:
            moment = now or timezone.now()
        if update_fields is None or "updated_at" in update_fields:
            self.updated_at = moment
        super().save(*args, **kwargs)


class CreatedByModel(TimeStampedModel):
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True


def in_language(german: str, english: str) -> str:
    """Content kept in German with an optional English version: the English one in the
    English UI when it exists, otherwise the German one."""
    if english and (get_language() or "de").startswith("en"):
        return english
    return german


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    # Claimed by a worker that is talking to the mail server right now; a second run
    # of the same task sees this and leaves the mail alone.
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("could not be delivered")


class OutgoingMailQuerySet(models.QuerySet):
    def visible_to(self, user) -> "OutgoingMailQuerySet":
        """Mails a person may see and send again: the ones they caused; all for superusers."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(caused_by=user)

    def undelivered(self) -> "OutgoingMailQuerySet":
        return self.filter(status=MailStatus.FAILED)


class OutgoingMail(TimeStampedModel):
    """One e-mail to one address, rendered when it was queued and sent by a task.

    Subject and body are rendered at queue time in the recipient's language, so the
    worker needs neither the request nor the objects the text talks about, and the
    mail says what was true when the action happened. The body may hold a personal
    link (password or self-check invitation), so it is emptied once the mail is sent.
    """

    template = models.CharField(_("template"), max_length=200)
    recipient = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    caused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("caused by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["caused_by", "status"], name="core_mail_causer_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=MailStatus.values), name="core_mail_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=MailStatus.SENT) | Q(sent_at__isnull=False),
                name="core_mail_sent_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipient}"


class LegalPage(TimeStampedModel):
    """The operator's own text for one of the pages every German public service must have.

    Without a row (or without text in the current language) the page shows a default
    built from settings.OPERATOR. The text is shown as plain text with its paragraphs:
    no HTML, so nothing an operator types can run in a visitor's browser.
    """

    class Kind(models.TextChoices):
        IMPRINT = "imprint", _("Imprint")
        PRIVACY = "privacy", _("Privacy policy")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    kind = models.CharField(_("page"), max_length=20, choices=Kind.choices, unique=True)
    text_de = models.TextField(_("text (German)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)

    class Meta:
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")

    def __str__(self) -> str:
        return self.get_kind_display()

    def text_for(self, language: str) -> str:
        """The text in `language`, else the German text (the binding version)."""
        return (self.text_en if language == "en" else "") or self.text_de
