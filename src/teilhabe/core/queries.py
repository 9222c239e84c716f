"""Query helpers shared by the apps."""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet


def count_rows(**querysets: QuerySet) -> dict[str, int]:
    """How many rows each queryset has, all counted in one query.

    A dashboard shows several counts over different tables; each `.count()` is a round
    trip of its own. Here every queryset becomes a scalar subquery of a single SELECT
    (`SELECT (SELECT COUNT(*) FROM (...)) AS a, (...) AS b`), which both SQLite and
    PostgreSQL answer in one go. The querysets keep their own filters, joins and
    DISTINCT; ordering is dropped, as `.count()` drops it.
    """
    if not querysets:
        return {}
    aliases = {qs.db for qs in querysets.values()}
    if len(aliases) != 1:
        raise ValueError("All querysets must use the same database.")
    parts, params = [], []
    for index, queryset in enumerate(querysets.values()):
        try:
            sql, query_params = queryset.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:  # e.g. pk__in=[]: nothing to ask the database
            parts.append("0")
            continue
        # The SQL is what Django compiled; every value stays a parameter.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted_{index})")  # noqa: S608
        params.extend(query_params)
    with connections[aliases.pop()].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return dict(zip(querysets, (int(value) for value in row), strict=True))
