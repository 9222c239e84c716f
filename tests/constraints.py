"""Helpers for the database-constraint tests in tests/<app>/test_constraints.py."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import IntegrityError, transaction


@contextmanager
def violates(constraint: str) -> Iterator[None]:
    """The block must fail with an IntegrityError naming `constraint`.

    SQLite ("CHECK constraint failed: <name>") and PostgreSQL ("violates check
    constraint "<name>"") both name the constraint, so the test cannot pass on an
    unrelated error. The savepoint keeps the test's transaction usable.
    """
    with pytest.raises(IntegrityError) as info, transaction.atomic():
        yield
    assert constraint in str(info.value)
