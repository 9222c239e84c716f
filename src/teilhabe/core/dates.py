"""The range of dates the platform accepts, in one place.

Every date a person enters (funding rounds, processes and their building blocks,
consulting entries, participations, self-check rounds and first steps) lies between
MIN_DATE and MAX_DATE. The bounds are a plausibility check against typing errors,
not a business rule:

- 1990-01-01: nothing the platform records is older. The programmes it serves began
  in the 2010s (the demo's earliest round is from 2017), and a process carries its
  history as text ("Helferkreis seit 2015"), not as dates. Years before 1990 are
  almost always slips such as 0221 or 1921 for 2021.
- 2100-12-31: rounds, plans and deadlines reach years ahead, never a century;
  the tests use 2099-12-31 for "open for the foreseeable future". Beyond it lie only
  slips such as 9999-12-31, which made the process timeline answer 500 (it walked
  month by month towards year 10000) and would stretch any chart to a thin line.

Model fields carry `validate_date_in_range` (forms show a field error) and a
`CheckConstraint` built by `date_in_range` (the database refuses what bypasses
the forms). The constraints hold the bounds as literals, so moving a bound needs a
migration; code that reads stored dates (the timeline) still copes with any value.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

MIN_DATE = date(1990, 1, 1)
MAX_DATE = date(2100, 12, 31)


def validate_date_in_range(value: date) -> None:
    if not MIN_DATE <= value <= MAX_DATE:
        raise ValidationError(
            _("Please enter a date between %(min)s and %(max)s."),
            code="date_out_of_range",
            params={
                "min": date_format(MIN_DATE, "SHORT_DATE_FORMAT"),
                "max": date_format(MAX_DATE, "SHORT_DATE_FORMAT"),
            },
        )


DATE_VALIDATORS = [validate_date_in_range]


def is_usable(value: date | None) -> bool:
    """True for a date inside the accepted range (None is not a date)."""
    return value is not None and MIN_DATE <= value <= MAX_DATE


def date_in_range(field: str, *, null: bool = False) -> models.CheckConstraint:
    """A constraint keeping `field` between MIN_DATE and MAX_DATE (or NULL if `null`)."""
    condition = Q(**{f"{field}__gte": MIN_DATE, f"{field}__lte": MAX_DATE})
    if null:
        condition |= Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(
        condition=condition, name=f"%(app_label)s_%(class)s_{field}_in_range"
    )


def dates_in_order(start: str, end: str, *, null: bool = False) -> models.CheckConstraint:
    """A constraint: `end` is not before `start`; with `null`, either may be missing."""
    condition = Q(**{f"{end}__gte": F(start)})
    if null:
        condition |= Q(**{f"{start}__isnull": True}) | Q(**{f"{end}__isnull": True})
    return models.CheckConstraint(
        condition=condition, name=f"%(app_label)s_%(class)s_{start}_before_{end}"
    )
