"""What one request costs, counted rather than timed: Python function calls and SQL statements per request.

Counts do not move with the machine's load (wall time does, on a shared 2-core machine), so they are the
evidence for a change in what runs per request. Drives the WSGI application in this process, under
``settings.bench`` by default, against whatever database ``DATABASE_URL`` names (load it first).

    .venv/bin/python bench/profile_request.py '/api/v2/pages/?fields=*&limit=20' /bench/django-default/
    .venv/bin/python bench/profile_request.py --top 25 /vi/          # the functions that dominate
    .venv/bin/python bench/profile_request.py --host xa01.localhost /vi/   # a commune's portal
    .venv/bin/python bench/profile_request.py --user admin /admin/pages/3/   # the admin, signed in
    valgrind --tool=callgrind --instr-atstart=no .venv/bin/python bench/profile_request.py --callgrind /vi/

The first request of each URL fills the caches and is not counted (``--warm``); the figures are per request.
With ``--callgrind`` (under valgrind, started with ``--instr-atstart=no``) only the counted requests are
instrumented, one dump per URL, and the machine instructions per request are printed: the measure that
includes C code (pickle, copies, hashing) which Python call counts miss. The ``redis`` column counts round
trips to Redis per request (commands sent, a pipeline counting once) when ``REDIS_URL`` is set.
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import secrets
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def environ_for(url: str, host: str = "127.0.0.1") -> dict:
    path, _, query = url.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "HTTP_HOST": host,
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }


def session_cookie(username: str) -> str:
    """A signed-in session for ``username``, as the login view would make it."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model

    user = get_user_model().objects.get(username=username)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def call(application, url: str, extra: dict | None = None, host: str = "127.0.0.1") -> tuple[str, dict, bytes]:
    """One request; ``extra``: more WSGI environ (``HTTP_USER_AGENT``)."""
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"], captured["headers"] = status, dict(headers)

    body = b"".join(application({**environ_for(url, host), **(extra or {})}, start_response))
    return captured["status"], captured["headers"], body


def callgrind(*arguments: str) -> str:
    command = ["callgrind_control", *arguments, str(os.getpid())]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def instructions(dump: Path) -> int:
    """The total ``Ir`` of one callgrind dump."""
    found = re.findall(r"^(?:summary|totals): (\d+)", dump.read_text(), re.MULTILINE)
    return max((int(total) for total in found), default=0)


class RedisRoundTrips:
    """Counts what is sent to Redis: one per command, one per pipeline (redis-py sends a pipeline at once)."""

    def __init__(self):
        self.count = 0
        try:
            from redis.connection import AbstractConnection
        except ImportError:
            return
        original = AbstractConnection.send_packed_command

        def counted(connection, *args, **kwargs):
            self.count += 1
            return original(connection, *args, **kwargs)

        AbstractConnection.send_packed_command = counted


def wsgi_application():
    """The portal's WSGI application in this process, under ``settings.bench`` unless told otherwise."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.bench")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    import django
    from django.core.wsgi import get_wsgi_application

    django.setup()
    return get_wsgi_application()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--repeat", type=int, default=50, help="requests counted per URL")
    parser.add_argument("--warm", type=int, default=2, help="requests per URL before counting")
    parser.add_argument("--top", type=int, default=0, help="also print the N functions with most own time")
    parser.add_argument("--callgrind", action="store_true", help="running under valgrind: count instructions")
    parser.add_argument("--host", default="127.0.0.1", help="the Host header: which portal answers")
    parser.add_argument("--user", default="", help="signed in as this user (the admin's screens: --user admin)")
    args = parser.parse_args()

    application = wsgi_application()
    cookie = {"HTTP_COOKIE": session_cookie(args.user)} if args.user else {}
    round_trips = RedisRoundTrips()
    unit = "instr/req" if args.callgrind else "calls/req"
    print(f"{'url':<58}{'status':>8}{'X-Cache':>9}{'SQL':>5}{'redis':>7}{unit:>12}{'bytes':>9}")
    for url in args.urls:
        for _ in range(args.warm):
            call(application, url, cookie, host=args.host)
        round_trips.count = 0
        status, headers, body = call(application, url, cookie, host=args.host)
        redis = round_trips.count
        profiler = None if args.callgrind else cProfile.Profile()
        if args.callgrind:
            before = set(Path.cwd().glob("callgrind.out.*"))
            callgrind("--zero")
            callgrind("--instr=on")
        else:
            profiler.enable()
        for _ in range(args.repeat):
            call(application, url, cookie, host=args.host)
        if args.callgrind:
            callgrind("--instr=off")
            callgrind("--dump")
            dumps = set(Path.cwd().glob("callgrind.out.*")) - before
            per_request = f"{sum(instructions(dump) for dump in dumps) / args.repeat:,.0f}"
        else:
            profiler.disable()
            stats = pstats.Stats(profiler)
            per_request = f"{stats.total_calls / args.repeat:,.0f}"
        queries = headers.get("X-Bench-Queries", "?")
        cache_state = headers.get("X-Cache", "-")
        row = f"{url[:57]:<58}{status.split()[0]:>8}{cache_state:>9}{queries:>5}{redis:>7}"
        print(f"{row}{per_request:>12}{len(body):>9}")
        if profiler and args.top:
            stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
