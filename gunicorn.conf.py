"""gunicorn settings, from the environment only (docs/deploy.md): `gunicorn -c gunicorn.conf.py cms.wsgi`."""

import json
import multiprocessing
import os

import gunicorn.http.wsgi

# No "Server: gunicorn/<version>" banner: gunicorn writes its Server header from this module constant
# (no setting exists); the header stays, empty.
gunicorn.http.wsgi.SERVER = ""

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104 - behind a proxy
# Sync workers: (2 x CPU) + 1 is gunicorn's rule of thumb; WEB_CONCURRENCY overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Recycle workers now and then so a slow leak never grows unbounded; the jitter spreads the workers' turns.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 2
# The portal is imported once, in the master: a new or recycled worker is a fork that answers at once, not a
# process that spends seconds importing while a surge waits (docs/operations.md, "Recycled workers during a
# surge"); the workers also share the imported code's memory. Nothing opens a database or cache connection at
# import. After a deploy, restart the service: `kill -HUP` forks the workers from the code already loaded.
preload_app = os.environ.get("GUNICORN_PRELOAD", "on").lower() not in ("0", "off", "false", "no")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
if os.environ.get("LOG_FORMAT") == "json":
    # One JSON object per request, like the application's logs (cms/logging.py).
    access_log_format = json.dumps(
        {
            "time": "%(t)s",
            "logger": "gunicorn.access",
            "remote": "%(h)s",
            "method": "%(m)s",
            "path": "%(U)s",
            "query": "%(q)s",
            "status": "%(s)s",
            "bytes": "%(B)s",
            "duration_ms": "%(M)s",
            "user_agent": "%(a)s",
        }
    )
