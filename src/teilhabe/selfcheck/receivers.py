"""Keep the benchmark pools (`scores`) right when what they are made of changes.

A submitted response is handled by the services themselves. These receivers catch
the rest, wherever it comes from (a service, the admin, a cascade): a round with
submitted answers is changed (its date decides which round is a municipality's
latest) or deleted, or a municipality with answered rounds changes its type. Each
schedules a rebuild of the instrument's pools after the transaction commits.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from teilhabe.programmes.models import Municipality
from teilhabe.selfcheck import scores
from teilhabe.selfcheck.models import SelfCheckRound


@receiver(post_save, sender=SelfCheckRound, dispatch_uid="selfcheck-round-saved")
def round_saved(sender, instance: SelfCheckRound, created: bool, raw: bool = False, **kwargs):
    # Not skipped when `instance.submitted_responses` is 0: the instance may be older
    # than the counter. Rounds change rarely; a rebuild takes a fraction of a second.
    if raw or created:
        return
    scores.schedule_pool_refresh(instance.version.instrument_id)


@receiver(post_delete, sender=SelfCheckRound, dispatch_uid="selfcheck-round-deleted")
def round_deleted(sender, instance: SelfCheckRound, **kwargs):
    scores.schedule_pool_refresh(instance.version.instrument_id)


@receiver(post_save, sender=Municipality, dispatch_uid="selfcheck-municipality-saved")
def municipality_saved(sender, instance: Municipality, created: bool, raw: bool = False, **kwargs):
    if raw or created:
        return
    instruments = set(
        SelfCheckRound.objects.filter(municipality=instance, submitted_responses__gt=0)
        .values_list("version__instrument_id", flat=True)
        .order_by()
    )
    for instrument_id in sorted(instruments):
        scores.schedule_pool_refresh(instrument_id)
