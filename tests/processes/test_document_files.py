"""A document's file goes with its row, however the row goes (issue 8)."""

import pytest
from django.db import transaction


class Rollback(Exception):
    pass


def test_deleting_a_block_removes_its_documents_files(document, django_capture_on_commit_callbacks):
    storage, name = document.file.storage, document.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        document.block.delete()
    assert not storage.exists(name)


def test_deleting_a_process_removes_its_documents_files(
    document, django_capture_on_commit_callbacks
):
    storage, name = document.file.storage, document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        document.block.process.delete()
    assert not storage.exists(name)


def test_a_rolled_back_deletion_keeps_the_file(document, django_capture_on_commit_callbacks):
    storage, name = document.file.storage, document.file.name
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        document.block.delete()
        raise Rollback
    assert callbacks == []
    assert storage.exists(name)
    assert type(document).objects.filter(pk=document.pk).exists()


def test_the_file_stays_until_the_deletion_is_committed(document):
    storage, name = document.file.storage, document.file.name
    document.delete()
    # The test's transaction is never committed: the file must still be there.
    assert storage.exists(name)
