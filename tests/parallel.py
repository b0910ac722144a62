"""What each test process needs of its own when the suite runs in parallel (pytest-xdist, ``make test``).

pytest-xdist names its workers gw0, gw1, ... (``PYTEST_XDIST_WORKER``). Each worker already has its own test
database (pytest-django adds ``_gw0``, ``_gw1`` to its name), its own ``MEDIA_ROOT`` and content-generation
file (settings/test.py makes a temporary folder per process), its own live server on a free port and its own
Chromium. What the tests themselves pick, they pick here:

- ports of test servers (gunicorn, webhook and purge receivers): ``port("X_TEST_PORT", default)`` is the
  configured port plus ``TEST_PORT_STRIDE`` (100) per worker, so gw0 listens where a serial run would and gw1
  a stride above. A module that uses a run of ports (``PORT + 1``, ``PORT + 2``) keeps it under the stride.
- Redis databases that a test empties (``flushdb``): ``redis_url("X_TEST_REDIS_URL", default)`` is the
  configured database number plus the worker's index. Tests that only write keys under a prefix of their own
  (a uuid) need no database of their own.
"""

import os

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
INDEX = int(WORKER.removeprefix("gw")) if WORKER.startswith("gw") else 0
PORT_STRIDE = int(os.environ.get("TEST_PORT_STRIDE", "100"))
REDIS_DATABASES = 16  # Redis's default ``databases``


def port(variable: str, default: int) -> int:
    """This worker's port for a test server: ``$variable`` (or ``default``) plus the worker's stride."""
    return int(os.environ.get(variable, default)) + INDEX * PORT_STRIDE


def redis_url(variable: str, default: str) -> str:
    """This worker's Redis database: ``$variable`` (or ``default``) with the worker's index added to its number."""
    url = os.environ.get(variable, default)
    base, _slash, number = url.rpartition("/")
    database = int(number or 0) + INDEX
    if database >= REDIS_DATABASES:
        raise ValueError(f"{variable}: worker {WORKER} would use Redis database {database}; run fewer workers")
    return f"{base}/{database}"
