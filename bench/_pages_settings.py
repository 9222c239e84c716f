"""Settings for the page benchmark (bench/pages.py) only: the app's settings plus timing.

The app's own settings, read from the same environment, with three bench-only changes:

- a middleware around everything else that answers with `X-Bench-Time-Ms` (server time
  from the first middleware in to the last one out) and `X-Bench-Queries` (database
  queries of the request, counted with `connection.execute_wrapper`);
- a urlconf that adds the floor page `/__bench__/floor/` (a minimal view rendering 20
  rows from a template) in front of the app's URLs;
- static files hashed into a throwaway directory (ManifestStaticFilesStorage, the
  `{% static %}` lookup production does, without the slow compression step).

Never used outside `bench/pages.py`: the app's settings and urls are untouched.
"""

import os

from teilhabe.settings import *  # noqa: F403
from teilhabe.settings import MIDDLEWARE, STORAGES

MIDDLEWARE = ["bench._pages_app.BenchTimingMiddleware", *MIDDLEWARE]
ROOT_URLCONF = "bench._pages_app"
STATIC_ROOT = os.environ["TEILHABE_BENCH_STATIC_ROOT"]
STORAGES = STORAGES | {
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}
}
