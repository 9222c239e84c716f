"""Strategies and helpers for the property-based tests (Hypothesis), issue 8.

Each app's `test_properties.py` feeds forms, services and a few key views with
anything a person (or an attacker) could type or upload, and checks two things:
no server error, and nothing half-saved after a refusal.

Hypothesis runs many examples inside one pytest test, so function-scoped fixtures
are shared between examples; `each_example()` rolls every example back to a
savepoint, so the examples cannot see each other's rows.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Small enough that all property tests together stay well under a minute on two
# cores. For a deeper search now and then: TEILHABE_PROPERTY_SCALE=20 multiplies
# every count. A failing example is printed and replayed from Hypothesis' database.
SCALE = int(os.environ.get("TEILHABE_PROPERTY_SCALE", "1"))
PROPERTY = settings(
    max_examples=20 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Through the test client (a few requests per example): fewer examples.
VIEW_PROPERTY = settings(PROPERTY, max_examples=8 * SCALE)


class _Rollback(Exception):
    pass


@contextmanager
def each_example() -> Iterator[None]:
    """Run the body in a savepoint that is always rolled back."""
    try:
        with transaction.atomic():
            yield
            raise _Rollback
    except _Rollback:
        pass


# Any unicode (NUL, control characters, right-to-left marks, astral planes), also long.
texts = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
    st.text(max_size=3).map(lambda s: s * 4000),
    st.sampled_from(["\x00", "a\x00b", "\u202e", "\ufeff", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "' OR 1=1 --"]),
)


def _german(day: date) -> str:
    return f"{day.day:02}.{day.month:02}.{day.year:04}"


any_date = st.dates()  # year 1 to 9999
# What a date field may receive from a browser: ISO and German forms of any date,
# plus anything else.
date_strings = st.one_of(
    any_date.map(date.isoformat),
    any_date.map(_german),
    st.sampled_from(["31.12.9999", "0001-01-01", "29.02.2023", "00.00.0000", "2021-13-01"]),
    st.text(max_size=30),
)
# What an amount field may receive: decimals of any size and sign, NaN and infinity
# in their spellings, German separators, anything else.
amount_strings = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.integers().map(str),
    st.sampled_from(
        ["NaN", "nan", "sNaN", "Infinity", "-inf", "1e999999", "-0", "1,5", "1.000,50", ""]
    ),
    st.text(max_size=20),
)

# A scale value as a service might receive it: any integer, also bool, text, None.
scale_values = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5))
