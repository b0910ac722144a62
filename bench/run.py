"""``make bench``: load the portal at growing sizes, drive it with locust under gunicorn, write a report and a plot.

Runs in ``.venv-bench`` (locust, matplotlib, psutil); the app itself runs from ``.venv`` with
``settings.bench`` (production settings, a secret generated for the run, the baselines of cms/bench.py).
All traffic goes to 127.0.0.1 and every locust run is bounded by ``BENCH_SECONDS``.
Configuration is read from the environment only; see bench/README.md.
"""

import csv
import datetime
import http.client
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scenarios import SCENARIOS
from snapshots import POSTGRES, Snapshots

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


class Config:
    def __init__(self):
        self.sizes = sorted(int(size) for size in env_list("BENCH_SIZES", "1000,10000"))
        self.seconds = int(os.environ.get("BENCH_SECONDS", "10"))
        self.users = int(os.environ.get("BENCH_USERS", "8"))
        self.workers = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 2)))
        self.cache_modes = [int(value) for value in env_list("BENCH_CACHE_SECONDS", "0,60")]
        self.port = int(os.environ.get("BENCH_PORT", "8765"))
        self.boot_seconds = int(os.environ.get("BENCH_BOOT_SECONDS", "300"))
        self.out = Path(os.environ.get("BENCH_OUT", str(ROOT / "bench-results"))).resolve()
        self.python = os.environ.get("BENCH_PYTHON", str(ROOT / ".venv" / "bin" / "python"))
        self.locust = str(Path(sys.executable).parent / "locust")
        self.database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{self.out / 'bench.sqlite3'}"
        self.redis_url = os.environ.get("REDIS_URL", "")
        self.search_index = os.environ.get("BENCH_INDEX", "1") == "1"
        # Portals in all (seed_content --portals): the province and BENCH_PORTALS - 1 communes sharing the pages.
        self.portals = int(os.environ.get("BENCH_PORTALS", "1"))
        # 1: measure the database as it is (loaded by an earlier run with the same first size), no reset.
        self.reuse = os.environ.get("BENCH_REUSE", "0") == "1"
        # A folder of seeded states (bench/snapshots.py): saved after seeding a size, restored instead of seeding it.
        self.snapshots = Path(os.environ["BENCH_SNAPSHOTS"]).resolve() if os.environ.get("BENCH_SNAPSHOTS") else None
        # 0: seed (and snapshot) only, measure nothing.
        self.measure = os.environ.get("BENCH_MEASURE", "1") == "1"
        self.base_url = f"http://127.0.0.1:{self.port}"
        # The surge (bench/surge.py) after the largest size: its length (0: skipped), the outage in its middle.
        self.surge_seconds = int(os.environ.get("BENCH_SURGE_SECONDS", "180"))
        self.surge_outage = int(os.environ.get("BENCH_SURGE_OUTAGE", "60"))
        self.surge_normal_rate = float(os.environ.get("BENCH_SURGE_NORMAL_RATE", "5"))
        # Only these scenarios (keys of bench/scenarios.py; empty: all), with the baselines they are compared with.
        self.scenarios = env_list("BENCH_SCENARIOS", "")
        # 1: each scenario's locust run is followed at once by one of the Django floor, at the same load (paired).
        self.paired_floor = os.environ.get("BENCH_PAIRED_FLOOR", "1") == "1"

    @property
    def vendor(self) -> str:
        return "PostgreSQL" if self.database_url.startswith(("postgres", "postgis")) else "SQLite"

    @property
    def sqlite_path(self) -> Path:
        return Path(urlparse(self.database_url).path)

    @property
    def database_name(self) -> str:
        return urlparse(self.database_url).path.lstrip("/")

    def database_to_drop(self) -> str:
        """The PostgreSQL database the run may drop and re-create (reset, restore), or exit."""
        name = self.database_name
        if "bench" not in name and os.environ.get("BENCH_RESET_DB") != "1":
            sys.exit(f"Refusing to drop database {name!r}: use a name containing 'bench' or set BENCH_RESET_DB=1.")
        return name

    def app_env(self, **extra) -> dict:
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="settings.bench",
            SECRET_KEY=self.secret,
            DATABASE_URL=self.database_url,
            MEDIA_ROOT=str(self.out / "media"),
            ALLOWED_HOSTS="127.0.0.1,localhost,.localhost",  # .localhost: the communes (xa01.localhost, ...)
            LOG_LEVEL="WARNING",
            PYTHONUNBUFFERED="1",
        )
        if self.redis_url:
            env["REDIS_URL"] = self.redis_url
        else:
            env.pop("REDIS_URL", None)
            # The content generation and the page cache's shared folder (no Redis): this run's own, in BENCH_OUT.
            env["CONTENT_GENERATION_FILE"] = str(self.out / "content-generation")
            env["PAGE_CACHE_DIR"] = str(self.out / "page-cache")
        env.update({key: str(value) for key, value in extra.items()})
        return env


def log(message: str):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def manage(config: Config, *args: str, capture: bool = False, show: bool = False, **extra) -> str:
    """Run a manage.py command; ``show`` lets its progress (cms/operations/progress.py) through to our output."""
    result = subprocess.run(
        [config.python, "manage.py", *args],
        cwd=ROOT,
        env=config.app_env(**extra),
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None if show else subprocess.DEVNULL,
    )
    return result.stdout or ""


def shell(config: Config, code: str) -> str:
    return manage(config, "shell", "--no-imports", "-c", code, capture=True)


RESET_POSTGRES = (
    POSTGRES
    + """
conn.execute(f'DROP DATABASE IF EXISTS "{cfg["NAME"]}" WITH (FORCE)')
conn.execute(f'CREATE DATABASE "{cfg["NAME"]}"')
"""
)


def reset_database(config: Config):
    """A fresh database for the run: the SQLite file is deleted, the PostgreSQL database re-created."""
    if config.vendor == "SQLite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{config.sqlite_path}{suffix}").unlink(missing_ok=True)
        return
    config.database_to_drop()
    subprocess.run([config.python, "-c", RESET_POSTGRES, config.database_url], cwd=ROOT, check=True)


SAMPLES = """
import json
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Site

def session_cookie(user):
    # A signed-in session, as the login view would make it.
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"

def admin_samples():
    # The demo's superuser (load_demo_content) and the statistics listing: the province's admin scenarios.
    from cms.statistics.models import Statistic
    admin = get_user_model().objects.filter(username="admin", is_superuser=True).first()
    if admin is None:
        return {}
    listing = reverse(Statistic.snippet_viewset.get_url_name("list"))
    return {"admin_session": session_cookie(admin), "statistics_listing_url": listing}

def commune_samples():
    # The first commune of seed_content --portals and a session of an editor of it (none: no commune scenario).
    site = Site.objects.filter(hostname="xa01.localhost").select_related("root_page").first()
    if site is None:
        return {}
    news_index = NewsIndexPage.objects.child_of(site.root_page).first()
    editors = Group.objects.filter(name__startswith="Biên tập viên – ", page_permissions__page=site.root_page)
    group = editors.distinct().first()
    editor, _created = get_user_model().objects.get_or_create(username="bench.xa01", defaults={"is_active": True})
    editor.groups.add(group)
    return {
        "commune_host": site.hostname,
        "commune_news_index_url": news_index.get_url_parts()[2],
        "commune_news_index_id": news_index.pk,
        "commune_editor_session": session_cookie(editor),
    }

from wagtail.models import Page
from news.models import DirectiveIndexPage, NewsIndexPage, NewsPage
# The province's (default site's) pages, by path: with several portals ``.url`` is absolute, on their hosts.
province = Site.objects.get(is_default_site=True).root_page
news = NewsPage.objects.live().filter(locale__language_code="vi").descendant_of(province).order_by("pk")
middle = news[news.count() // 2]
directive_index = DirectiveIndexPage.objects.filter(locale__language_code="vi").descendant_of(province).first()
print(json.dumps({
    "news_id": middle.pk,
    "news_url": middle.get_url_parts()[2],
    "directive_index_url": directive_index.get_url_parts()[2],
    "news_index_url": middle.get_parent().get_url_parts()[2],
    "news_index_id": middle.get_parent().pk,
    "newest_url": news.order_by("-first_published_at", "-pk").first().get_url_parts()[2],
    "pages": Page.objects.filter(depth__gt=1).count(),
    **admin_samples(),
    **commune_samples(),
}))
"""

CLEAR_CACHE = """
from django.core.cache import cache
# Only this project's keys (KEY_PREFIX) in the configured Redis database are removed.
cache.delete_pattern("*") if hasattr(cache, "delete_pattern") else cache.clear()
"""


def clear_caches(config: Config) -> None:
    """Start a mode with empty shared caches: Redis's project keys, or without Redis the page cache's folder and
    the content generation's file. A restored snapshot is not a publication, so nothing else would tell the
    cache that the database under it changed: a size's cached mode would otherwise be served the pages the
    previous size cached."""
    if config.redis_url:
        shell(config, CLEAR_CACHE)
    else:
        shutil.rmtree(config.out / "page-cache", ignore_errors=True)
        for stamp in config.out.glob("content-generation*"):  # the content's stamp and the sites' (".sites")
            stamp.unlink()


class Server:
    """gunicorn with the bench settings; peak RSS of its workers is sampled while locust runs."""

    def __init__(self, config: Config, cache_seconds: int, **extra_env):
        self.config = config
        self.cache_seconds = cache_seconds
        self.extra_env = extra_env

    def __enter__(self):
        command = [
            str(Path(self.config.python).parent / "gunicorn"),
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.config.port}",
            "--workers",
            str(self.config.workers),
            "--timeout",
            "60",
            "--log-level",
            "warning",
            # gunicorn.conf.py (read from the working directory) turns the access log on: not while measuring.
            "--access-logfile",
            "/dev/null",
        ]
        # One switch for "cached": the page cache (HTML and API) and the API's own freshness, both on or both off.
        modes = {
            "API_CACHE_SECONDS": self.cache_seconds,
            "PAGE_CACHE": "on" if self.cache_seconds else "off",
            "PAGE_CACHE_SECONDS": self.cache_seconds,
        }
        env = self.config.app_env(**{**modes, **self.extra_env})
        self.log_file = open(self.config.out / "gunicorn.log", "a")
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log_file, stderr=subprocess.STDOUT)
        # Two workers importing Django and Wagtail at once took over 60 s at a load average of 15 on 2 cores.
        deadline = time.monotonic() + self.config.boot_seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited; see gunicorn.log")
            try:
                with urllib.request.urlopen(f"{self.config.base_url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        self.__exit__()  # not left running on the port, where the next run's gunicorn could not bind
        raise RuntimeError(f"gunicorn did not answer /healthz within {self.config.boot_seconds} s")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log_file.close()

    def worker_rss(self) -> list[int]:
        try:
            return [child.memory_info().rss for child in psutil.Process(self.process.pid).children()]
        except psutil.Error:
            return []


def fetch(url: str, headers: dict | None = None) -> tuple[int | str, dict]:
    """Status and headers; "no answer in 30 s" (or a dropped connection) instead of an exception.

    At 100,000 pages an uncached answer can outlast the client's 30 s (the sitemap did): that scenario is
    reported as such and the run goes on with the next one.
    """
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=30) as response:
            response.read()
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)
    except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
        return f"no answer ({type(getattr(error, 'reason', error)).__name__})", {}


def single_client_latency(url: str, requests: int = 15, headers: dict | None = None, floor: str = "") -> tuple:
    """Median time of sequential requests from one client: what a reader waits on an idle server.

    Locust's percentiles include queueing (BENCH_USERS clients share BENCH_WORKERS workers), so they grow
    with the load generator's settings; the latency targets are judged on this figure as well. With ``floor``,
    each request is followed by one to the floor, and the floor's median comes second (else None).
    """
    times, floor_times = [], []
    for _ in range(requests):
        started = time.perf_counter()
        fetch(url, headers)
        times.append((time.perf_counter() - started) * 1000)
        if floor:
            started = time.perf_counter()
            fetch(floor)
            floor_times.append((time.perf_counter() - started) * 1000)
    median = round(sorted(times)[len(times) // 2], 1)
    return median, round(sorted(floor_times)[len(floor_times) // 2], 1) if floor else None


def run_locust(config: Config, server: Server, path: str, prefix: Path, headers: dict | None = None) -> dict:
    peak = {"rss": 0}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak["rss"] = max([peak["rss"], *server.worker_rss()])
            stop.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    command = [
        config.locust,
        "-f",
        str(BENCH_DIR / "locustfile.py"),
        "--headless",
        "--users",
        str(config.users),
        "--spawn-rate",
        str(config.users),
        "--run-time",
        f"{config.seconds}s",
        "--host",
        config.base_url,
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "ERROR",
        "--stop-timeout",
        "2",
    ]
    headers = headers or {}
    env = dict(os.environ, BENCH_PATH=path, BENCH_HOST=headers.get("Host", ""), BENCH_COOKIE=headers.get("Cookie", ""))
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=config.seconds + 60)
    stop.set()
    sampler.join()
    with open(f"{prefix}_stats.csv", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["Name"] == "Aggregated")
    if row["50%"] == "N/A":  # nothing answered within the run
        empty = {"requests": 0, "failures": int(row["Failure Count"]) or 1, "rps": 0.0, "p50": 0, "p95": 0, "p99": 0}
        return {**empty, "peak_rss_mb": round(peak["rss"] / 2**20, 1)}
    return {
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "rps": float(row["Requests/s"]),
        "p50": float(row["50%"]),
        "p95": float(row["95%"]),
        "p99": float(row["99%"]),
        "peak_rss_mb": round(peak["rss"] / 2**20, 1),
    }


FLOOR_KEY = "django_default"


def selected_scenarios(config: Config) -> list[dict]:
    """``BENCH_SCENARIOS`` and both bare views, in the list's order (a stock baseline only when listed)."""
    if not config.scenarios:
        return SCENARIOS
    wanted = set(config.scenarios) | {"bare", FLOOR_KEY}
    return [scenario for scenario in SCENARIOS if scenario["key"] in wanted]


def measure(config: Config, samples: dict, cache_seconds: int, size: int, first_mode: bool = True) -> list[dict]:
    """Every selected scenario in one cache mode; signed-in ones (``session``) only in the run's first mode.

    The page cache never answers a signed-in request, so a second mode would measure the admin again for nothing;
    nor are they paired with the Django floor, whose ratio judges anonymous answers.
    """
    results = []
    floor_path = next(scenario["url"] for scenario in SCENARIOS if scenario["key"] == FLOOR_KEY)
    with Server(config, cache_seconds) as server:
        for scenario in selected_scenarios(config):
            if scenario.get("session") and not first_mode:
                continue
            try:
                path = scenario["url"].format(**samples)
                headers = {"Host": scenario.get("host", "").format(**samples)}
                headers["Cookie"] = scenario.get("session", "").format(**samples)
            except KeyError:  # a sample the loaded data lacks (a commune scenario without BENCH_PORTALS)
                entry = {"key": scenario["key"], "label": scenario["label"], "path": scenario["url"]}
                entry["status"] = "not available"
                log(f"  {scenario['key']}: {entry['status']}")
                results.append(entry)
                continue
            headers = {name: value for name, value in headers.items() if value}
            entry = {"key": scenario["key"], "label": scenario["label"], "path": path}
            status, _headers = fetch(config.base_url + path, headers)
            if status != 200:
                described = status if isinstance(status, str) else f"HTTP {status}"
                entry["status"] = "not available" if status == 404 else described
                log(f"  {scenario['key']}: {entry['status']}")
                results.append(entry)
                continue
            for _ in range(3):  # warm caches and lazy imports before measuring
                fetch(config.base_url + path, headers)
            _status, answer = fetch(config.base_url + path, headers)
            entry["queries"] = int(answer.get("X-Bench-Queries", -1))
            paired = config.paired_floor and not scenario.get("baseline") and not scenario.get("session")
            floor_url = config.base_url + floor_path if paired else ""
            url = config.base_url + path
            entry["single_ms"], floor_single = single_client_latency(url, headers=headers, floor=floor_url)
            prefix = config.out / "locust" / f"{size}-{cache_seconds}-{scenario['key']}"
            entry["load_average"] = round(os.getloadavg()[0], 1)
            entry.update(run_locust(config, server, path, prefix, headers))
            if paired:
                # The floor at once, at the load the scenario just had: the ratio of two runs seconds apart, not
                # of this scenario and the floor's own row minutes later (bench/report.py prefers this pair).
                floor = run_locust(config, server, floor_path, Path(f"{prefix}-floor"))
                entry["floor"] = {
                    "rps": floor["rps"],
                    "p50": floor["p50"],
                    "single_ms": floor_single,
                    "load_average": round(os.getloadavg()[0], 1),
                }
            entry["status"] = "ok" if entry["failures"] == 0 else f"{entry['failures']} failures"
            figures = (
                f"{entry['rps']:.0f} req/s, p50 {entry['p50']:.0f} ms, "
                f"1 client {entry['single_ms']:.0f} ms, {entry['queries']} queries"
            )
            if paired:
                figures += f"; Django floor right after: {entry['floor']['rps']:.0f} req/s"
            log(f"  {scenario['key']}: {figures}")
            results.append(entry)
    return results


def seed(config: Config, size: int, loaded: int) -> dict:
    """Sizes grow: each step adds the difference (seed_content appends), 80 % news, 20 % directives."""
    delta = size - loaded
    news = delta * 4 // 5
    log(f"seeding {delta} pages (to {size})")
    started = time.monotonic()
    manage(
        config,
        "seed_content",
        f"--news={news}",
        f"--directives={delta - news}",
        "--locales=vi,en",
        f"--seed={size}",
        f"--portals={config.portals}",
        show=True,
    )
    seed_seconds = round(time.monotonic() - started, 1)
    started = time.monotonic()
    if config.search_index:
        manage(config, "rebuild_search_index", show=True)
    return {"seeded_from": loaded, "seed_seconds": seed_seconds, "index_seconds": round(time.monotonic() - started, 1)}


def git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def prepare_database(config: Config):
    """A fresh database with the demo, before the first size is seeded."""
    reset_database(config)
    manage(config, "migrate", "--noinput")
    manage(config, "sync_locales")
    manage(config, "load_demo_content")


def load(config: Config, snapshots: Snapshots, size: int, loaded: int) -> dict:
    """Bring the database to ``size`` seeded pages: as it is (BENCH_REUSE), from a snapshot, or by seeding.

    What the report says about it comes back: ``seed_seconds`` (None: not seeded by this run) and the manifest
    of the snapshot restored.
    """
    if config.reuse and not loaded:
        log(f"measuring the database as it is: demo and {size} seeded pages already loaded")
        return {"seed_seconds": None}
    if snapshot := snapshots.find(size):
        log(f"restoring the snapshot of {size} pages made {snapshot['made']} on commit {snapshot['commit']}")
        snapshots.restore(size, snapshot)
        manage(config, "migrate", "--noinput")  # the code measured may have migrations the snapshot lacks
        return {"seed_seconds": None, "snapshot": snapshot}
    if not loaded:
        prepare_database(config)
    facts = seed(config, size, loaded)
    if snapshots.folder:
        snapshots.save(size, {**facts, "search_index": config.search_index, "commit": config.commit})
        log(f"snapshot of {size} pages saved in {snapshots.folder}")
    return {"seed_seconds": facts["seed_seconds"]}


def main():
    config = Config()
    config.secret = secrets.token_urlsafe(50)
    config.commit = git_commit()  # the code this run started with, for the report and the snapshots it makes
    config.out.mkdir(parents=True, exist_ok=True)
    (config.out / "locust").mkdir(exist_ok=True)
    log(f"{config.vendor}{' + Redis' if config.redis_url else ''}, sizes {config.sizes}, {config.seconds}s/scenario")
    snapshots = Snapshots(config)
    if config.measure:
        manage(config, "collectstatic", "--noinput")
    run = {
        "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": config.commit,
        "database": config.vendor,
        "redis": bool(config.redis_url),
        "workers": config.workers,
        "users": config.users,
        "seconds": config.seconds,
        "cpus": os.cpu_count(),
        "sizes": [],
    }
    loaded = 0
    for size in config.sizes:
        loading = load(config, snapshots, size, loaded)
        loaded = size
        if not config.measure:
            continue
        samples = json.loads(shell(config, SAMPLES))
        step = {"size": size, "pages": samples["pages"], **loading, "modes": {}}
        for index, cache_seconds in enumerate(config.cache_modes):
            clear_caches(config)
            log(f"size {size}, API_CACHE_SECONDS={cache_seconds}")
            step["modes"][str(cache_seconds)] = measure(config, samples, cache_seconds, size, first_mode=index == 0)
        run["sizes"].append(step)
        (config.out / "results.json").write_text(json.dumps(run, indent=2, ensure_ascii=False))
    if not config.measure:
        log(f"seeded {config.sizes}; nothing measured (BENCH_MEASURE=0)")
        return
    if config.surge_seconds:
        from surge import surge

        run["surge"] = surge(config, samples, Server, manage, log)
        (config.out / "results.json").write_text(json.dumps(run, indent=2, ensure_ascii=False))
    from report import write_plot, write_report

    write_report(run, config.out / "report.md")
    write_plot(run, config.out / "plot.png")
    log(f"report: {config.out / 'report.md'}, plot: {config.out / 'plot.png'}")


if __name__ == "__main__":
    main()
