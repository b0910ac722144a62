"""Injection: script, javascript: URLs, event handlers and broken markup come out inert.

Content goes in the way an editor or importer would put it (admin POSTs, model saves),
comes out through the public pages, and is judged by parsing the HTML as a browser does.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import DirectivePage, NewsPage
from search.views import clean_query
from tests import factories
from tests.security.leaks import html_tree

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '<script>alert("xss1")</script>',
    '<img src=x onerror=alert("xss2")>',
    '"><svg onload=alert("xss3")>',
    "</title></textarea><script>alert('xss4')</script>",
    "<a href=\"javascript:alert('xss5')\">bấm</a>",
    "<iframe src=javascript:alert('xss6')></iframe>",
    "<b onmouseover=alert('xss7')>chưa đóng thẻ",
    "<!-- <style>*{display:none}</style>",
    "'\"><details open ontoggle=alert('xss8')>",
]
PAYLOAD = " ".join(PAYLOADS)
SCRIPT_URL_PREFIXES = ("javascript:", "vbscript:", "data:text/html")


def injected_markup(response) -> list[str]:
    """Elements and attributes in the page that could only have come from the payloads."""
    tree = html_tree(response)
    found = []
    for script in tree.find_all("script"):
        if not (script.get("src") or "").startswith("/static/"):
            found.append(str(script)[:80])
    for element in tree.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}>")
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href", "data") and "".join(
                text.split()
            ).lower().startswith(SCRIPT_URL_PREFIXES):
                found.append(f"<{element.name} {name}={text[:40]}>")
    for tag in ("iframe", "svg", "details", "style"):
        for element in tree.find_all(tag):
            if "xss" in str(element) or tag == "style":
                found.append(f"<{tag}>")
    return found


def contentstate(text: str, url: str) -> str:
    """A Draftail paragraph whose first word links to ``url``: what a hostile browser can POST."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 4, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


@pytest.fixture
def hostile_article(superuser_client, sections):
    """A news article created and published through the admin with a payload in every field."""
    news_index, _ = sections
    image = factories.ImageFactory(title=PAYLOAD[:200])
    document = factories.DocumentFactory(title=PAYLOAD[:200])
    table = {
        "data": [[PAYLOADS[0], PAYLOADS[1]], [PAYLOADS[2], PAYLOADS[4]]],
        "table_header_choice": "row",
        "table_caption": PAYLOADS[3],
    }
    body = streamfield(
        [
            ("heading", {"text": PAYLOADS[0], "level": "h2"}),
            ("paragraph", contentstate("link " + PAYLOAD, "javascript:alert('xss-link')")),
            ("paragraph", contentstate("link two", "  JaVaScRiPt:alert('xss-link2')")),
            ("quote", {"text": PAYLOAD, "attribution": PAYLOADS[1]}),
            ("table", json.dumps(table)),
            ("image", {"image": image.pk, "alt_text": PAYLOADS[2], "caption": PAYLOADS[1], "credit": PAYLOADS[0]}),
            ("document", {"document": document.pk, "title": ""}),
        ]
    )
    data = nested_form_data(
        {
            "title": PAYLOAD[:250],
            "slug": "tin-doc-hai",
            "date": "2024-07-01",
            "category": "khac",
            "lead": PAYLOAD,
            "hero_image": image.pk,
            "hero_caption": PAYLOADS[1],
            "author": PAYLOADS[0],
            "body": body,
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = superuser_client.post(reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk)), data)
    assert response.status_code == 302, response.context["form"].errors["body"].as_data()[0].block_errors
    page = NewsPage.objects.get(slug="tin-doc-hai")
    assert page.live
    return page


def test_payloads_in_every_news_field_render_inert(anonymous_client, hostile_article):
    response = anonymous_client.get(hostile_article.get_url())
    assert response.status_code == 200
    assert injected_markup(response) == []
    # Escaped, not lost: the reader sees the literal text.
    assert PAYLOADS[0] in html_tree(response).get_text()


def test_payloads_render_inert_in_listings_and_home(anonymous_client, hostile_article):
    for url in ("/vi/", hostile_article.get_parent().get_url()):
        response = anonymous_client.get(url)
        assert response.status_code == 200
        assert injected_markup(response) == [], url


def test_rich_text_javascript_links_are_dropped(anonymous_client, hostile_article):
    tree = html_tree(anonymous_client.get(hostile_article.get_url()))
    hrefs = [a.get("href", "") for a in tree.select("main a")]
    assert not [href for href in hrefs if "javascript" in href.lower()]


def test_directive_fields_and_attachment_titles_render_inert(anonymous_client, sections):
    _, directive_index = sections
    directive = factories.DirectivePageFactory(
        parent=directive_index,
        title=PAYLOAD[:250],
        number=PAYLOADS[0][:100],
        issuing_agency=PAYLOADS[1],
        signer_name=PAYLOADS[2],
        signer_position=PAYLOADS[6],
        summary=PAYLOAD,
    )
    factories.DirectiveAttachmentFactory(page=directive, title=PAYLOADS[3], document__title=PAYLOADS[4])
    directive = DirectivePage.objects.get(pk=directive.pk)
    for url in (directive.get_url(), directive_index.get_url(), "/vi/", directive_index.get_url() + "?agency=" + "x"):
        response = anonymous_client.get(url)
        assert response.status_code == 200
        assert injected_markup(response) == [], url


@pytest.mark.parametrize("query", PAYLOADS)
def test_search_queries_are_echoed_escaped(anonymous_client, query):
    response = anonymous_client.get("/vi/search/", {"q": query, "page": query})
    assert response.status_code == 200
    assert injected_markup(response) == []
    assert html_tree(response).find("input", id="search-q")["value"] == clean_query(query)


def test_directive_filters_echo_nothing_executable(anonymous_client, sections):
    _, directive_index = sections
    response = anonymous_client.get(directive_index.get_url(), {"agency": PAYLOADS[1], "type": PAYLOADS[0]})
    assert response.status_code == 200
    assert injected_markup(response) == []


def test_banner_rejects_javascript_links_in_the_admin(superuser_client, home):
    image = factories.ImageFactory()
    response = superuser_client.post(
        reverse("wagtailsnippets_home_bannerslide:add"),
        {"title": PAYLOADS[0], "image": image.pk, "link_url": "javascript:alert('xss')", "sort_order": 0},
    )
    assert response.status_code == 200  # the form again, with an error
    from home.models import BannerSlide

    assert not BannerSlide.objects.exists()


def test_document_titles_uploaded_through_the_admin_render_inert(superuser_client, anonymous_client, sections):
    upload = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = superuser_client.post(
        reverse("wagtaildocs:add"), {"title": PAYLOADS[1], "file": upload, "collection": 1}
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title=PAYLOADS[1])
    news_index, _ = sections
    page = factories.NewsPageFactory(
        parent=news_index, body=json.dumps([{"type": "document", "value": {"document": document.pk, "title": ""}}])
    )
    response = anonymous_client.get(page.get_url())
    assert PAYLOADS[1] in html_tree(response).get_text()
    assert injected_markup(response) == []


def test_the_detector_finds_every_payload_when_rendered_raw():
    """The judge is not blind: unescaped payloads are all caught."""
    for payload in PAYLOADS:
        if "<!--" in payload:
            continue
        assert injected_markup(f"<html><body>{payload}</body></html>"), payload
