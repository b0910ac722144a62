"""Typed clients generated from the live demo's OpenAPI document by independent tools, compiled and used.

A front-end team's first hour, in CI: Redocly lints the schema with its recommended rules (0 errors);
openapi-typescript generates types that a small consumer (tests/api_clients/consumer.ts) uses under
``tsc --strict`` and then runs against the server; openapi-python-client generates a Python package that
is imported and used. The npm tools are pinned by tests/api_clients/package-lock.json (installed by
``make browser-deps``, part of ``make test``), openapi-python-client by requirements-dev.txt.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.demo_hosts import MOC_CHAU

CLIENTS = Path(__file__).parent / "api_clients"
BIN = CLIENTS / "node_modules" / ".bin"
TSCONFIG = {
    "compilerOptions": {
        "strict": True,
        "noUncheckedIndexedAccess": True,
        "target": "es2022",
        "module": "commonjs",
        "lib": ["es2022", "dom"],
        "outDir": "out",
    },
    "files": ["consumer.ts"],
}

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _unavailable(message: str):
    """Fail in CI, where the generated clients are part of the contract; skip on a developer's machine."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        _unavailable(f"{path} is missing: run `make browser-deps` (npm ci in tests/api_clients).")
    return str(path)


# No usage report and no update check from the Redocly CLI: the tests run offline.
QUIET = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}


def _run(*command, cwd) -> str:
    env = {**os.environ, **QUIET}
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, f"{' '.join(map(str, command))}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture
def demo(live_server, demo_content, rewarm_content_types, client, tmp_path):
    """The demo's Mộc Châu portal (its news, statistics, search: tests/demo_hosts.py) on the live server, its schema
    downloaded, and what the API says (for comparison). The generators' HTTP clients resolve host names through
    the system, where ``mocchau.localhost`` may not exist: the portal is moved to the live server's 127.0.0.1 and
    port (a Site is data), and the test client asks that host."""
    import httpx
    from wagtail.models import Site

    from cms.core import cache

    port = urlsplit(live_server.url).port
    Site.objects.filter(hostname=MOC_CHAU).update(hostname="127.0.0.1", port=port)
    cache.invalidate_sites()  # an update() sends no signal
    Site.clear_site_root_paths_cache()
    client.defaults["HTTP_HOST"] = f"127.0.0.1:{port}"
    base = f"http://127.0.0.1:{port}"
    schema = httpx.get(f"{base}/api/v2/schema/", timeout=60)
    assert schema.status_code == 200
    (tmp_path / "schema.json").write_bytes(schema.content)
    params = {"type": "news.NewsPage", "fields": "body", "limit": 3}
    news = httpx.get(f"{base}/api/v2/pages/", params=params, timeout=60).json()["items"]
    detail = httpx.get(f"{base}/api/v2/pages/{news[0]['id']}/", timeout=60).json()
    return {"url": base, "dir": tmp_path, "schema": schema.json(), "news": news, "detail": detail}


def _english_of(detail: dict) -> int:
    return next(t["id"] for t in detail["meta"]["translations"] if t["locale"] == "en")


def test_the_live_schema_passes_redocly_recommended_rules(demo):
    """0 errors (exit status 0); the rules turned off are in tests/api_clients/redocly.yaml, with why."""
    output = _run(
        _tool("redocly"), "lint", str(demo["dir"] / "schema.json"), "--config", str(CLIENTS / "redocly.yaml"),
        "--format=summary", cwd=CLIENTS,
    )  # fmt: skip
    assert "error" not in output.lower()
    # ``servers`` is the base of every URL in the payloads (cms.core.public_urls).
    (server,) = demo["schema"]["servers"]
    assert demo["detail"]["meta"]["detail_url"] == f"{server['url']}/api/v2/pages/{demo['detail']['id']}/"


def test_a_typescript_consumer_compiles_under_strict_and_reads_the_demo(demo, client):
    work = demo["dir"]
    _run(_tool("openapi-typescript"), str(work / "schema.json"), "-o", str(work / "schema.ts"), cwd=CLIENTS)
    shutil.copy(CLIENTS / "consumer.ts", work / "consumer.ts")
    (work / "config.ts").write_text(f"export const BASE = {json.dumps(demo['url'])};\n")
    (work / "tsconfig.json").write_text(json.dumps(TSCONFIG))
    _run(_tool("tsc"), "-p", str(work), cwd=work)  # --strict: any type error fails here
    report = json.loads(_run(shutil.which("node") or "node", str(work / "out" / "consumer.js"), cwd=work))

    assert [item["id"] for item in report["news"]] == [item["id"] for item in demo["news"]]
    assert all(item["blocks"] == len(news["body"]) for item, news in zip(report["news"], demo["news"], strict=True))
    detail = demo["detail"]
    assert report["detail"]["category"] == detail["category"]["label"]
    assert report["detail"]["block_types"] == [block["type"] for block in detail["body"]]
    assert report["detail"]["headings"] == [b["value"]["text"] for b in detail["body"] if b["type"] == "heading"]
    assert report["english"] == {
        "id": _english_of(detail),
        "locale": "en",
        "title": client.get(f"/api/v2/pages/{_english_of(detail)}/").json()["title"],
    }
    assert report["directives"]["document_type"]
    assert set(report["directives"]["codes"]) == {report["directives"]["document_type"]}
    search = client.get("/api/v2/search/", {"q": "moc chau"}).json()
    assert report["search"]["total"] == search["meta"]["total_count"] > 0
    assert report["search"]["titles"] == [item["title"] for item in search["items"]]
    assert report["search"]["marked"]
    statistics = client.get("/api/v2/statistics/").json()["items"]
    assert report["statistics"] == [item["display_text"] for item in statistics] and statistics
    assert isinstance(report["visits"], int)


@pytest.fixture
def python_client(demo):
    """The package openapi-python-client generates from the live schema, importable as ``portal_client``."""
    config = demo["dir"] / "generator.yaml"
    config.write_text(yaml.safe_dump({"post_hooks": []}))  # no formatter run on the generated code
    generator = Path(sys.executable).parent / "openapi-python-client"
    _run(
        generator, "generate", "--path", str(demo["dir"] / "schema.json"), "--meta", "none",
        "--output-path", str(demo["dir"] / "portal_client"), "--config", str(config), cwd=demo["dir"],
    )  # fmt: skip
    sys.path.insert(0, str(demo["dir"]))
    try:
        import portal_client

        yield portal_client
    finally:
        sys.path.remove(str(demo["dir"]))
        for name in [name for name in sys.modules if name.split(".")[0] == "portal_client"]:
            del sys.modules[name]


def test_a_generated_python_client_reads_news_directives_translations_and_search(demo, python_client, client):
    import datetime

    from portal_client import Client, models
    from portal_client.api.pages import pages_find, pages_list, pages_retrieve
    from portal_client.api.search import search
    from portal_client.api.statistics import statistics_list
    from portal_client.api.visits import visits_retrieve

    api = Client(base_url=demo["url"], raise_on_unexpected_status=True)

    # Newest news with bodies: the discriminator picked the news type for every item, blocks typed.
    news = pages_list.sync(client=api, type_=models.PagesListType("news.NewsPage"), fields="body", limit=3)
    assert [item.id for item in news.items] == [item["id"] for item in demo["news"]]
    assert all(isinstance(item, models.NewsNewsPageSummary) for item in news.items)
    assert all(type(block).__name__.startswith("BodyBlock") for item in news.items for block in item.body)

    # A detail: every field typed, required ones present.
    page = pages_retrieve.sync(news.items[0].id, client=api)
    assert isinstance(page, models.NewsNewsPage)
    assert isinstance(page.date, datetime.date) and page.category.label == demo["detail"]["category"]["label"]
    headings = [block.value.text for block in page.body if isinstance(block, models.BodyBlockHeading)]
    assert headings == [b["value"]["text"] for b in demo["detail"]["body"] if b["type"] == "heading"] != []

    # Its English translation, found by id and language, without a redirect.
    english = pages_find.sync(client=api, id=page.id, locale="en", redirect=False)
    assert isinstance(english, models.NewsNewsPage)
    assert (english.id, english.meta.locale) == (_english_of(demo["detail"]), "en")

    # A directive filter: an enum parameter, and directive pages back.
    directives = pages_list.sync(client=api, type_=models.PagesListType("news.DirectivePage"), fields="document_type")
    kind = directives.items[0].document_type.code
    filtered = pages_list.sync(
        client=api,
        type_=models.PagesListType("news.DirectivePage"),
        fields="document_type",
        document_type=models.PagesListDocumentType(kind),
    )
    assert filtered.items and all(isinstance(item, models.NewsDirectivePageSummary) for item in filtered.items)
    assert {item.document_type.code for item in filtered.items} == {kind}

    # Search results and statistics, typed; visits.
    results = search.sync(client=api, q="moc chau")
    assert isinstance(results, models.SearchResults) and results.meta.total_count > 0
    assert all("<mark>" in item.title_highlighted or "<mark>" in item.snippet for item in results.items)
    statistics = statistics_list.sync(client=api)
    expected = [item["display_text"] for item in client.get("/api/v2/statistics/").json()["items"]]
    assert [item.display_text for item in statistics.items] == expected != []
    assert isinstance(visits_retrieve.sync(client=api), models.Visits)
