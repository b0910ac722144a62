"""Benchmark run (``make bench``): production settings plus the baselines and the SQL query counter."""

from settings.production import *  # noqa: F403
from settings.production import MIDDLEWARE

# Wagtail's stock API v2 is mounted at /bench/stock-api/v2/ as a baseline (cms/urls.py, cms/bench.py).
BENCH_BASELINES = True
# First, so the count includes every query the stack runs (sessions, auth, redirects).
MIDDLEWARE = ["cms.bench.QueryCountMiddleware", "cms.bench.DjangoDefaultFloorMiddleware", *MIDDLEWARE]
# The load generator talks plain HTTP to 127.0.0.1; production's HTTPS redirect would send it to a TLS
# port that does not exist (gunicorn logs "bare LF as line terminator" for the TLS handshake).
SECURE_SSL_REDIRECT = False
# The load generator is one anonymous client: the anonymous API rate limit would turn the run into 429s.
API_THROTTLE_ANON = None
