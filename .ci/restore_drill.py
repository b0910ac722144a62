"""Restore drill helpers, run by .ci/restore-drill with the database and media folder in the environment.

prepare          add what a real portal has beside the demo: an item in review, visitor figures
compare A B      two archives hold the same rows (count and checksum per model) and the same files
serve            public pages, search and the API answer from the restored database
"""

import json
import os
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")


def host_and_path(page) -> tuple[str, str]:
    """The host of ``page``'s own portal and its path there (with several portals ``page.url`` is a full address)."""
    from urllib.parse import urlsplit

    _site_id, root_url, path = page.get_url_parts()
    return urlsplit(root_url).netloc, path


def get_on_its_host(client, page):
    host, path = host_and_path(page)
    return client.get(path, HTTP_HOST=host)


def check(condition, detail="") -> None:
    if not condition:
        sys.exit(f"DRILL FAILED: {detail}")


def prepare() -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from news.models import NewsPage

    editor = get_user_model().objects.get(username="editor")
    page = NewsPage.objects.live().filter(locale__language_code="vi").order_by("pk").first()
    page.title = f"{page.title} (bản sửa chờ duyệt)"
    revision = page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="vi")
    for url in ("/vi/", "/en/"):
        client.get(url, follow=True)
    get_on_its_host(client, page)
    print(f"prepared: page {page.pk} in review (revision {revision.pk}), visits recorded")


def _manifest(path: str) -> dict:
    with tarfile.open(path, "r:gz") as archive:
        return json.load(archive.extractfile("manifest.json"))


def compare(first: str, second: str) -> None:
    a, b = _manifest(first), _manifest(second)
    problems = [
        label for label in sorted(set(a["rows"]) | set(b["rows"])) if a["rows"].get(label) != b["rows"].get(label)
    ]
    if a["media"] != b["media"]:
        problems.append("media files differ")
    if a.get("private") != b.get("private"):
        problems.append("private files differ")
    if a["migrations"] != b["migrations"]:
        problems.append("migrations differ")
    rows = sum(entry["count"] for entry in a["rows"].values())
    if problems:
        sys.exit(f"DRILL FAILED {first} vs {second}: {problems}")
    print(f"identical: {rows} rows in {len(a['rows'])} models (count and SHA-256 each), {len(a['media'])} media files")


def serve() -> None:
    from django.test import Client
    from wagtail.models import Page, PageViewRestriction

    from news.models import NewsPage
    from search.models import SearchEntry

    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="vi")
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    pages = [
        page
        for page in Page.objects.live().filter(depth__gt=1).specific()
        if not any(page.path.startswith(path) for path in restricted)
    ]
    for page in pages:
        response = get_on_its_host(client, page)
        check(response.status_code == 200, (page.url, response.status_code))
    api = [
        "/api/v2/pages/?limit=100",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/search/?q=moc+chau",
        "/api/v2/visits/",
    ]
    for url in api:
        response = client.get(url)
        check(response.status_code == 200 and response["Content-Type"].startswith("application/json"), (url, response))
    # A page through the API of its own portal (a portal's host serves that portal's pages).
    host, _path = host_and_path(pages[-1])
    response = client.get(f"/api/v2/pages/{pages[-1].pk}/", HTTP_HOST=host)
    check(response.status_code == 200 and response.json()["id"] == pages[-1].pk, (host, pages[-1].pk, response))
    # The search index is rebuilt by restore, not copied: a live article's title finds it again.
    article = NewsPage.objects.live().filter(locale__language_code="vi").order_by("pk").last()
    host, _path = host_and_path(article)
    found = client.get("/api/v2/search/", {"q": article.title}, HTTP_HOST=host).json()
    check(article.pk in [item["id"] for item in found["items"]], found)
    check(SearchEntry.objects.count() >= NewsPage.objects.live().count() > 0)
    # What the archive must have carried beside pages: the review in progress, translations, media files.
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import WorkflowState

    check(WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists())
    check(Page.objects.live().filter(locale__language_code="en").exists())
    for item in [*get_image_model().objects.all(), *get_document_model().objects.all()]:
        with item.file.open("rb") as handle:
            check(handle.read(1), item)
    print(f"served: {len(pages)} public pages and {len(api)} API endpoints; review, translations and media present")


if __name__ == "__main__":
    import django

    django.setup()
    command, *args = sys.argv[1:]
    {"prepare": prepare, "compare": compare, "serve": serve}[command](*args)
