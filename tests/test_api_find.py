"""A front end routes by URL: every path the API hands out can be looked up again with ``pages/find/``."""

import pytest
from wagtail.models import Page

from cms.core.visibility import visible_pages
from tests.demo_hosts import MOC_CHAU

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"
HOSTS = ("testserver", MOC_CHAU)  # the demo's portals: the province's, the Mộc Châu ward's (tests/demo_hosts.py)


def full_listing(client, locale, host="testserver"):
    items, offset = [], 0
    while True:
        data = client.get(PAGES, {"locale": locale, "limit": 100, "offset": offset}, HTTP_HOST=host).json()
        items += data["items"]
        offset += 100
        if offset >= data["meta"]["total_count"]:
            return items


def test_every_html_url_and_translation_url_of_the_demo_resolves(client, demo_content):
    checked = 0
    listing = {(host, code): full_listing(client, code, host) for host in HOSTS for code in ("vi", "en")}
    for code in ("vi", "en"):  # the portals' listings together are every public page of the language
        assert all(len(listing[host, code]) > 5 for host in HOSTS)
        total = sum(len(listing[host, code]) for host in HOSTS)
        assert total == visible_pages(Page).filter(locale__language_code=code).count()
    for (host, code), items in listing.items():
        for item in items:
            urls = [(item["meta"]["html_url"], item["id"])]
            urls += [(other["url"], other["id"]) for other in item["meta"]["translations"]]
            for url, expected in urls:
                assert url.startswith(f"http://{host}/")
                response = client.get(f"{PAGES}find/", {"html_path": url, "redirect": "false"}, HTTP_HOST=host)
                assert response.status_code == 200, (code, url)
                assert response.json()["id"] == expected, (code, url)
                path = url.removeprefix(f"http://{host}")
                response = client.get(f"{PAGES}find/", {"html_path": path}, HTTP_HOST=host)
                assert response.status_code == 302, (code, path)
                assert response["Location"] == f"http://{host}{PAGES}{expected}/"
                checked += 1
    assert checked >= sum(len(items) for items in listing.values())


def test_unknown_and_hidden_paths_are_not_found(client, demo_content):
    for path in ("/vi/khong-co-trang-nay/", "/en/no-such-page/", "/fr/tin-tuc/", "/../..", "/vi/%00/"):
        response = client.get(f"{PAGES}find/", {"html_path": path})
        assert response.status_code == 404, path
        assert set(response.json()) == {"message"}


def test_the_bare_root_is_the_home_page_of_the_default_language(client, demo_content):
    home = client.get(f"{PAGES}find/", {"html_path": "/vi/", "redirect": "false"}).json()
    for path in ("/", ""):
        found = client.get(f"{PAGES}find/", {"html_path": path, "redirect": "false"}).json()
        assert found["id"] == home["id"] and found["meta"]["locale"] == "vi"
