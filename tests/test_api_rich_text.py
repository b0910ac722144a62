"""Rich text as a JSON tree (``?rich_text=tree``): blocks, marks, links resolved to API ids; nothing unsafe."""

import json

import pytest
from wagtail.models import Collection, CollectionViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_server_cache(settings):
    settings.API_CACHE_SECONDS = 0


@pytest.fixture
def article(news_index):
    target = factories.NewsPageFactory(parent=news_index, title="Đích")
    draft = factories.NewsPageFactory(parent=news_index, live=False)
    private = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    hidden_document = factories.DocumentFactory(collection=private)
    document = factories.DocumentFactory()
    source = (
        "<h3>Tiêu đề</h3>"
        f'<p>Xem <b>đậm <i>nghiêng</i></b> <a linktype="page" id="{target.pk}">trang</a>, '
        f'<a linktype="page" id="{draft.pk}">nháp</a>, <a linktype="document" id="{hidden_document.pk}">kín</a>, '
        f'<a linktype="document" id="{document.pk}">tệp</a>, <a href="javascript:alert(1)">xấu</a> và '
        '<a href="https://example.vn/x">ngoài</a>.<br/>Dòng 2</p>'
        "<ul><li>Một</li><li>Hai</li></ul><script>alert(2)</script>"
        '<p onclick="steal()">&lt;img src=x onerror=alert(3)&gt;<iframe src="https://evil.example">x</iframe></p>'
    )
    page = factories.NewsPageFactory(parent=news_index, body=[{"type": "paragraph", "value": source}])
    return {"page": page, "target": target, "draft": draft, "document": document, "hidden": hidden_document}


def text(value, marks=()):
    return {"type": "text", "text": value, "marks": list(marks)}


def test_a_paragraph_comes_as_a_tree_with_links_resolved_to_api_references(client, article):
    page, target, document = article["page"], article["target"], article["document"]
    body = client.get(f"/api/v2/pages/{page.pk}/?rich_text=tree").json()["body"]
    tree = body[0]["value"]
    assert tree[0] == {"type": "heading", "level": 3, "children": [text("Tiêu đề")]}
    assert tree[1] == {
        "type": "paragraph",
        "children": [
            text("Xem "),
            text("đậm ", ["bold"]),
            text("nghiêng", ["bold", "italic"]),
            text(" "),
            {
                "type": "link",
                "link": {
                    "kind": "page",
                    "id": target.pk,
                    "url": f"http://testserver{target.url}",
                    "api_url": f"http://testserver/api/v2/pages/{target.pk}/",
                    "page_type": "news.NewsPage",
                },
                "children": [text("trang")],
            },
            text(", nháp, kín, "),  # a draft page and a restricted document: the text, no link
            {
                "type": "link",
                "link": {
                    "kind": "document",
                    "id": document.pk,
                    "url": f"http://testserver{document.url}",
                    "api_url": f"http://testserver/api/v2/documents/{document.pk}/",
                },
                "children": [text("tệp")],
            },
            text(", xấu và "),  # javascript: is no link
            {"type": "link", "link": {"kind": "external", "url": "https://example.vn/x"}, "children": [text("ngoài")]},
            text("."),
            {"type": "line_break"},
            text("Dòng 2"),
        ],
    }
    assert tree[2] == {
        "type": "list",
        "ordered": False,
        "children": [
            {"type": "list_item", "children": [text("Một")]},
            {"type": "list_item", "children": [text("Hai")]},
        ],
    }
    # Escaped markup stays text; scripts, frames and attributes never come through
    assert tree[3] == {"type": "paragraph", "children": [text("<img src=x onerror=alert(3)>")]}
    raw = json.dumps(tree)
    assert "alert(1)" not in raw and "alert(2)" not in raw and "steal" not in raw and "evil" not in raw
    assert str(article["draft"].pk) not in {str(node.get("link", {}).get("id")) for node in tree[1]["children"]}


def test_html_stays_the_default_and_the_tree_is_asked_for_per_request(client, article):
    page = article["page"]
    html = client.get(f"/api/v2/pages/{page.pk}/").json()["body"][0]["value"]
    assert isinstance(html, str) and html.startswith("<h3>")
    items = client.get(f"/api/v2/pages/?type=news.NewsPage&fields=body&rich_text=tree&id={page.pk}").json()["items"]
    assert isinstance(items[0]["body"][0]["value"], list)
    response = client.get(f"/api/v2/pages/{page.pk}/?rich_text=markdown")
    assert response.status_code == 400 and response.json()["parameter"] == "rich_text"
    assert response.json()["message"].startswith("rich_text: ")


def test_the_tree_costs_no_query_per_link(client, article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = f"/api/v2/pages/?type=news.NewsPage&fields=body&id={article['page'].pk}"
    client.get(url), client.get(f"{url}&rich_text=tree")  # warm: counts and site paths remembered
    with CaptureQueriesContext(connection) as html:
        client.get(url)
    with CaptureQueriesContext(connection) as tree:
        client.get(f"{url}&rich_text=tree")
    # At most the response's public base URL, worked out once (cms.core.public_urls; an image in the page
    # already costs it): the links are read from the request's store, with no query per link
    assert len(tree) <= len(html) + 1, "\n".join(q["sql"][:300] for q in tree.captured_queries)
