"""How processes reacts to what programmes announces (see programmes/signals.py),
and to its own rows being deleted."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from teilhabe.processes import services
from teilhabe.processes.catalogue_defaults import seed_catalogue
from teilhabe.processes.models import BlockDocument
from teilhabe.programmes.signals import application_admitted, programme_created


@receiver(programme_created, dispatch_uid="processes.seed_catalogue")
def give_programme_its_catalogue(sender, *, programme, by=None, now=None, **kwargs) -> None:
    """Without a published catalogue, admitted municipalities would start with an empty process."""
    seed_catalogue(programme, by=by, now=now)


@receiver(application_admitted, dispatch_uid="processes.open_process")
def open_process_for_admission(
    sender, *, application, by, started_on=None, facilitators=(), now=None, **kwargs
) -> None:
    """Open the process at the moment of the admission (`now`).

    Without a start date it starts on the later of the round's start and that day.
    """
    now = now or timezone.now()
    services.create_process(
        municipality=application.municipality,
        round=application.round,
        application=application,
        started_on=started_on or max(application.round.starts_on, timezone.localdate(now)),
        by=by,
        facilitators=facilitators,
        now=now,
    )


@receiver(post_delete, sender=BlockDocument, dispatch_uid="processes.delete_document_file")
def delete_document_file(sender, *, instance: BlockDocument, **kwargs) -> None:
    """The stored file goes with its row, however the row goes.

    `remove_document`, the admin, and the cascade from a deleted block, process or
    municipality all delete rows; only a receiver sees each of them. The file is
    deleted once the deletion is committed, so a rolled-back deletion keeps it.
    """
    storage, name = instance.file.storage, instance.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))
