"""The timestamps every domain model inherits (core.models.TimeStampedModel)."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from teilhabe.core.models import MailStatus, OutgoingMail

pytestmark = pytest.mark.django_db

EARLIER = timezone.make_aware(datetime(2021, 3, 1, 9, 30))


def mail(**fields) -> OutgoingMail:
    defaults = {"template": "t", "recipient": "a@example.org", "language": "de", "subject": "s"}
    return OutgoingMail(**defaults, **fields)


def stored(row: OutgoingMail) -> tuple[datetime, datetime]:
    row = OutgoingMail.objects.get(pk=row.pk)
    return row.created_at, row.updated_at


def test_a_new_row_is_created_and_updated_now():
    before = timezone.now()
    row = mail()
    row.save()
    created, updated = stored(row)
    assert before <= created <= timezone.now()
    assert updated == created


def test_a_new_row_takes_the_moment_it_is_given():
    row = mail()
    row.save(now=EARLIER)
    assert stored(row) == (EARLIER, EARLIER)
    given = OutgoingMail.objects.create(
        template="t", recipient="b@example.org", language="de", subject="s", created_at=EARLIER
    )
    assert stored(given) == (EARLIER, EARLIER)


def test_a_change_is_stamped_now_or_at_the_moment_given():
    row = mail()
    row.save(now=EARLIER)
    row.subject = "changed"
    row.save(now=EARLIER + timedelta(days=2))
    assert stored(row) == (EARLIER, EARLIER + timedelta(days=2))
    row.save()
    created, updated = stored(row)
    assert created == EARLIER
    assert updated > timezone.now() - timedelta(minutes=1)


def test_update_fields_stamp_updated_at_only_when_they_name_it():
    """As with auto_now: a save limited to other fields leaves updated_at alone."""
    row = mail()
    row.save(now=EARLIER)
    row.status = MailStatus.FAILED
    row.save(update_fields=["status"], now=EARLIER + timedelta(days=1))
    assert stored(row) == (EARLIER, EARLIER)
    assert OutgoingMail.objects.get(pk=row.pk).status == MailStatus.FAILED

    later = EARLIER + timedelta(days=3)
    row.save(update_fields=(name for name in ["status", "updated_at"]), now=later)
    assert stored(row) == (EARLIER, later)
    row.save(update_fields={"status", "updated_at"})
    assert stored(row)[1] > later
