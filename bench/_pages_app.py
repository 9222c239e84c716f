"""The page benchmark's server side (bench/pages.py): timing middleware, floor, urls.

Loaded only through bench/_pages_settings.py, never by the app.
"""

import time

from django.db import connection
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from teilhabe.urls import urlpatterns as app_urlpatterns


class BenchTimingMiddleware:
    """Server time and query count of each request, as response headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        queries = 0

        def count(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        start = time.perf_counter()
        with connection.execute_wrapper(count):
            response = self.get_response(request)
        response["X-Bench-Time-Ms"] = f"{(time.perf_counter() - start) * 1000:.2f}"
        response["X-Bench-Queries"] = str(queries)
        return response


FLOOR_TEMPLATE = engines["django"].from_string(
    """<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>Floor</title></head>
<body>
<main>
<h1>{{ title }}</h1>
<table>
<thead><tr><th>Nr.</th><th>Name</th><th>Ort</th><th>Stand</th></tr></thead>
<tbody>
{% for row in rows %}<tr><td>{{ row.number }}</td><td><a href="/rows/{{ row.number }}/">{{ row.name }}</a></td><td>{{ row.place }}</td><td>{{ row.status }}</td></tr>
{% endfor %}</tbody>
</table>
</main>
</body>
</html>"""
)
ROWS = [
    {"number": n, "name": f"Zeile {n}", "place": f"Gemeinde {n}", "status": "offen"}
    for n in range(1, 21)
]


def floor(request):
    """The floor: the least a Django page does (middleware, a template, 20 rows)."""
    return HttpResponse(FLOOR_TEMPLATE.render({"title": "Floor", "rows": ROWS}, request))


urlpatterns = [path("__bench__/floor/", floor), *app_urlpatterns]
