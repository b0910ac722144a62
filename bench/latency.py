"""One client's latency, request by request: p50 and p95 of N requests after warm-up, with SQL statements.

Drives the WSGI application in this process (no HTTP server, no load generator sharing the CPUs) under
``settings.bench`` against whatever database ``DATABASE_URL`` names, the way a single reader or editor waits
on an otherwise idle server. Made for a large loaded database (``seed_content --portals 76 ...``); the
URLs are filled from sample pages found in it, so nothing is hard-coded to one seed.

    .venv/bin/python bench/latency.py                        # every group, page cache and API cache off
    .venv/bin/python bench/latency.py --group admin --repeat 10
    .venv/bin/python bench/latency.py --cache on --json out.json

Groups: ``public`` (issue 21: home, listings, the API listing against Wagtail's stock viewset),
``search`` (issue 23: the public search page and the API search with typo tolerance, on judged queries),
``admin`` (issue 21: explorer of the province's news section, the page editor, the dashboard and the
workflow report, snippet listings, as the demo's ``admin``) and ``commune`` (issue 18: the first commune's
home, news section and admin explorer, as an editor of that commune, ``bench.xa01``).

Figures are wall time of the whole request through the middleware stack (first in it, the SQL counter of
``cms.bench``). They move with the machine's load: the 1-minute load average is printed before and after
each request group; compare runs made in the same conditions. Measurements only, nothing is asserted.
"""

import argparse
import json
import os
import secrets
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import profile_request

# Judged queries (search/evaluation/judged.py): a typo, joined words, an abbreviation, a directive number.
SEARCH_QUERIES = [
    "moc cahu",
    "mocchau",
    "ubnd",
    "uy ban nhan dan quyet dinh 1234",
    "so ket dan chu co so",
    "1234/QĐ-UBND",
    "1234",
]


def environ_for(url: str, host: str, cookie: str) -> dict:
    """profile_request's GET environ, on ``host`` and with a ``Cookie`` header when signed in."""
    environ = profile_request.environ_for(url)
    environ.update(SERVER_NAME=host, HTTP_HOST=host)
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    return environ


def call(application, url: str, host: str = "127.0.0.1", cookie: str = "") -> tuple[str, dict, int]:
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"], captured["headers"] = status, dict(headers)

    result = application(environ_for(url, host, cookie), start_response)
    try:
        size = sum(len(chunk) for chunk in result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return captured["status"], captured["headers"], size


def commune_editor(hostname: str) -> str:
    """``bench.<commune>``, a member of that commune's editors' group (made once, as bench/run.py does)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Site

    site = Site.objects.select_related("root_page").get(hostname=hostname)
    group = Group.objects.filter(name__startswith="Biên tập viên – ", page_permissions__page=site.root_page)
    username = f"bench.{hostname.split('.')[0]}"
    editor, _created = get_user_model().objects.get_or_create(username=username, defaults={"is_active": True})
    editor.groups.add(group.distinct().first())
    return username


def scenarios(groups: list[str]) -> list[dict]:
    """(group, label, url, host, user) rows filled from the loaded data."""
    from django.urls import reverse
    from wagtail.models import Site
    from wagtail.snippets.models import get_snippet_models

    from news.models import DirectiveIndexPage, NewsIndexPage, NewsPage

    province_site = Site.objects.get(is_default_site=True)
    province = province_site.root_page
    # The sections seed_content fills: the first of each type under the province's home.
    news_index = NewsIndexPage.objects.child_of(province).first()
    directive_index = DirectiveIndexPage.objects.child_of(province).first()
    news = NewsPage.objects.live().child_of(news_index).order_by("pk")
    article = news[news.count() // 2]
    rows = []

    def add(group, label, url, host="127.0.0.1", user=""):
        if group in groups:
            rows.append({"group": group, "label": label, "url": url, "host": host, "user": user})

    news_children = news_index.get_children().count()
    add("public", "Home /vi/", "/vi/")
    add("public", f"News section ({news_children:,} children), page 1", news_index.get_url_parts()[2])
    add("public", "News article", article.get_url_parts()[2])
    add("public", "Directive register ?type=quyet-dinh", directive_index.get_url_parts()[2] + "?type=quyet-dinh")
    add("public", "API listing 20 news fields=*", "/api/v2/pages/?type=news.NewsPage&fields=*&limit=20")
    add(
        "public",
        "Stock PagesAPIViewSet, same listing",
        "/bench/stock-api/v2/pages/?type=news.NewsPage&fields=*&limit=20",
    )
    add("public", "API detail (the article)", f"/api/v2/pages/{article.pk}/")
    add("public", "Bare view, portal middleware", "/bench/bare/")
    add("public", "Bare view, Django's default middleware", "/bench/django-default/")

    # portal=all: the whole province's index (every portal's pages); the demo's judged items are on Mộc Châu's.
    for q in SEARCH_QUERIES:
        add("search", f"Search page, all portals, q={q}", f"/vi/search/?q={quote(q)}&portal=all")
    add("search", "Search page, the province only, q=moc cahu", f"/vi/search/?q={quote('moc cahu')}")
    for q in ("moc cahu", "1234/QĐ-UBND"):
        add("search", f"API search, all portals, q={q}", f"/api/v2/search/?q={quote(q)}&portal=all")

    add("admin", f"Explorer: province news section ({news_children:,} children)", f"/admin/pages/{news_index.pk}/")
    add("admin", "Page editor: a news article", f"/admin/pages/{article.pk}/edit/")
    add("admin", "Dashboard /admin/ (workflow panels)", "/admin/")
    add("admin", "Workflow report", reverse("wagtailadmin_reports:workflow"))
    for model in get_snippet_models():
        count = model._default_manager.count()
        url = reverse(model.snippet_viewset.get_url_name("list"))
        add("admin", f"Snippet listing: {model._meta.label} ({count:,})", url)
    for row in rows:
        if row["group"] == "admin":
            row["user"] = "admin"

    commune = Site.objects.filter(hostname="xa01.localhost").select_related("root_page").first()
    if commune is not None and "commune" in groups:
        commune_news = NewsIndexPage.objects.child_of(commune.root_page).first()
        commune_article = NewsPage.objects.live().child_of(commune_news).order_by("pk").last()
        editor = commune_editor(commune.hostname)
        children = commune_news.get_children().count()
        portals = Site.objects.count()
        add("commune", f"Commune home ({portals} portals)", "/vi/", commune.hostname)
        add(
            "commune",
            f"Commune news section ({children:,} children)",
            commune_news.get_url_parts()[2],
            commune.hostname,
        )
        if commune_article is not None:
            add("commune", "Commune news article", commune_article.get_url_parts()[2], commune.hostname)
        add("commune", "Commune admin explorer (its editor)", f"/admin/pages/{commune_news.pk}/", user=editor)
        if commune_article is not None:
            edit = f"/admin/pages/{commune_article.pk}/edit/"
            add("commune", "Commune page editor (its editor)", edit, user=editor)
        add("commune", "Commune dashboard (its editor)", "/admin/", user=editor)
    return rows


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (p95 of 20 values is the 19th): no interpolation beyond what was measured."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]


def profile(application, row: dict, cookie: str, top: int) -> None:
    """One more request under cProfile: the functions with most cumulative and own time."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    call(application, row["url"], row["host"], cookie)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    print(f"   {stats.total_calls:,} calls")
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def slowest_sql(application, row: dict, cookie: str, top: int) -> None:
    """One more request with every statement timed: the slowest ones and the share of the request in SQL."""
    from django.db import connections

    statements = []

    def timer(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements.append(((time.perf_counter() - started) * 1000, sql))

    wrappers = [connections[alias].execute_wrapper(timer) for alias in connections]
    for wrapper in wrappers:
        wrapper.__enter__()
    started = time.perf_counter()
    try:
        call(application, row["url"], row["host"], cookie)
    finally:
        for wrapper in reversed(wrappers):
            wrapper.__exit__(None, None, None)
    total = (time.perf_counter() - started) * 1000
    in_sql = sum(ms for ms, _sql in statements)
    print(f"   {len(statements)} statements, {in_sql:.1f} of {total:.1f} ms in SQL")
    for ms, sql in sorted(statements, reverse=True)[:top]:
        print(f"   {ms:8.1f} ms  {sql[:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--group", action="append", choices=["public", "search", "admin", "commune"])
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per URL")
    parser.add_argument("--warm", type=int, default=3, help="requests per URL before timing")
    parser.add_argument("--cache", choices=["off", "on"], default="off", help="page cache and API cache")
    parser.add_argument("--match", default="", help="only rows whose label contains this text")
    parser.add_argument("--json", help="also write the rows to this file")
    parser.add_argument("--profile", type=int, default=0, help="then profile one request: the N costliest functions")
    parser.add_argument("--sql", type=int, default=0, help="then time one request's SQL: the N slowest statements")
    args = parser.parse_args()
    groups = args.group or ["public", "search", "admin", "commune"]

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.bench")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost")
    os.environ["PAGE_CACHE"] = "on" if args.cache == "on" else "off"
    os.environ["API_CACHE_SECONDS"] = "60" if args.cache == "on" else "0"
    import django
    from django.core.wsgi import get_wsgi_application

    django.setup()
    application = get_wsgi_application()
    rows = [row for row in scenarios(groups) if args.match in row["label"]]
    cookies = {user: profile_request.session_cookie(user) for user in {row["user"] for row in rows} if user}
    print(f"cache {args.cache}; {args.repeat} timed requests per URL after {args.warm}; load {os.getloadavg()[0]:.2f}")
    print(f"{'what':<58}{'status':>7}{'SQL':>5}{'p50 ms':>9}{'p95 ms':>9}{'min ms':>9}{'bytes':>9}{'load':>6}")
    group = None
    for row in rows:
        if row["group"] != group:
            group = row["group"]
            print(f"-- {group} (load {os.getloadavg()[0]:.2f})")
        cookie = cookies.get(row["user"], "")
        for _ in range(args.warm):
            call(application, row["url"], row["host"], cookie)
        timings = []
        load_before = os.getloadavg()[0]
        for _ in range(args.repeat):
            started = time.perf_counter()
            status, headers, size = call(application, row["url"], row["host"], cookie)
            timings.append((time.perf_counter() - started) * 1000)
        row.update(
            status=int(status.split()[0]),
            queries=int(headers.get("X-Bench-Queries", -1)),
            cache=headers.get("X-Cache", ""),
            p50=round(statistics.median(timings), 1),
            p95=round(percentile(timings, 0.95), 1),
            min=round(min(timings), 1),
            bytes=size,
            load=round((load_before + os.getloadavg()[0]) / 2, 2),
        )
        print(
            f"{row['label'][:57]:<58}{row['status']:>7}{row['queries']:>5}{row['p50']:>9.1f}{row['p95']:>9.1f}"
            f"{row['min']:>9.1f}{row['bytes']:>9}{row['load']:>6.2f}",
            flush=True,
        )
        if args.profile:
            profile(application, row, cookie, args.profile)
        if args.sql:
            slowest_sql(application, row, cookie, args.sql)
    print(f"load {os.getloadavg()[0]:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
