"""Headless API pages endpoint: fields, ready-to-render StreamField, filters, translations, errors."""

import datetime
import json

import pytest
from wagtail.models import Locale

from tests import factories
from tests.api_content import make_news, rich_body

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


@pytest.fixture(autouse=True)
def _no_server_cache(settings):
    settings.API_CACHE_SECONDS = 0


@pytest.fixture
def news(news_index, directive_index):
    return make_news(news_index, 3, target_page=directive_index)


@pytest.fixture
def directives(directive_index):
    today = datetime.date.today()
    in_force = factories.DirectivePageFactory(
        parent=directive_index, document_type="quyet-dinh", sector="y-te", issue_date=datetime.date(2024, 1, 10)
    )
    future = factories.DirectivePageFactory(
        parent=directive_index,
        document_type="chi-thi",
        issuing_agency="Huyện ủy Mộc Châu",
        issue_date=datetime.date(2024, 6, 1),
        effective_date=today + datetime.timedelta(days=30),
    )
    expired = factories.DirectivePageFactory(
        parent=directive_index,
        issue_date=datetime.date(2023, 1, 1),
        effective_date=datetime.date(2023, 1, 1),
        expiry_date=datetime.date(2023, 12, 31),
    )
    factories.DirectiveAttachmentFactory(page=in_force, title="Toàn văn")
    return {"in_force": in_force, "future": future, "expired": expired}


def get_json(client, url=PAGES, **params):
    response = client.get(url, params)
    return response.status_code, json.loads(response.content)


def test_front_end_lists_news_with_summary_fields_newest_first(client, news):
    status, data = get_json(client, type="news.NewsPage")
    assert status == 200
    items = data["items"]
    assert [item["date"] for item in items] == sorted((item["date"] for item in items), reverse=True)
    first = items[0]
    assert {"date", "lead", "hero_image", "category", "author"} <= first.keys()
    assert "body" not in first
    assert first["category"] == {"code": "khac", "label": "Tin khác"}
    assert set(first["hero_image"]["renditions"]) == {"thumbnail", "medium", "large"}
    assert first["meta"]["translations"] == []


def test_front_end_selects_body_with_fields(client, news):
    status, data = get_json(client, type="news.NewsPage", fields="body")
    assert status == 200 and "body" in data["items"][0]
    status, data = get_json(client, type="news.NewsPage", fields="*")
    assert {"body", "hero_caption", "lead"} <= data["items"][0].keys()


def test_stream_blocks_are_ready_to_render(client, news, directive_index):
    page = news[0]
    status, data = get_json(client, f"{PAGES}{page.pk}/")
    assert status == 200
    raw = json.dumps(data)
    assert "linktype=" not in raw and "<embed" not in raw
    blocks = {block["type"]: block["value"] for block in data["body"]}
    assert blocks["heading"] == {"text": "Tình hình chung", "level": "h2"}
    assert f'href="{directive_index.url}"' in blocks["paragraph"]
    # Payload URLs are absolute on the public base URL; links inside rich text HTML stay site paths.
    assert blocks["document"]["url"].startswith("http://testserver/documents/")
    assert f'href="{blocks["document"]["url"].removeprefix("http://testserver")}"' in blocks["paragraph"]
    image = blocks["image"]["image"]
    assert {"id", "title", "alt", "width", "height", "renditions"} <= image.keys()
    assert {"url", "width", "height"} == set(image["renditions"]["medium"])
    assert blocks["document"].keys() == {"id", "title", "url", "size", "file_type"}
    assert blocks["page_link"]["page"] == {
        "id": directive_index.pk,
        "title": directive_index.title,
        "url": f"http://testserver{directive_index.url}",
        "type": "news.DirectiveIndexPage",
    }
    assert blocks["table"]["rows"] == [["A", "B"], ["1", "2"]] and blocks["table"]["first_row_is_header"]
    assert blocks["quote"] == {"text": "Trích dẫn", "attribution": "Người nói"}
    assert blocks["embed"] == {"url": "https://www.youtube.com/watch?v=jNQXAC9IVRw", "html": None}


def test_links_to_unpublished_pages_lose_their_target(client, news_index):
    draft = factories.NewsPageFactory(parent=news_index, live=False)
    image, document = factories.ImageFactory(), factories.DocumentFactory()
    page = factories.NewsPageFactory(parent=news_index, body=rich_body(image, document, draft))
    _status, data = get_json(client, f"{PAGES}{page.pk}/")
    blocks = {block["type"]: block["value"] for block in data["body"]}
    assert blocks["page_link"]["page"] is None
    assert draft.url_path not in json.dumps(data) and draft.slug not in json.dumps(data)


def test_directive_detail_has_every_editorial_field(client, directives):
    page = directives["in_force"]
    status, data = get_json(client, f"{PAGES}{page.pk}/")
    assert status == 200
    assert data["number"] == page.number
    assert data["document_type"] == {"code": "quyet-dinh", "label": "Quyết định"}
    assert data["signer"] == {"name": page.signer_name, "position": page.signer_position}
    assert data["status"]["code"] == "in-force"
    assert data["sector"]["code"] == "y-te"
    assert {"issue_date", "effective_date", "expiry_date", "summary", "body"} <= data.keys()
    [attachment] = data["attachments"]
    assert attachment["title"] == "Toàn văn" and attachment["url"].startswith("http://testserver/documents/")
    assert {"size", "file_type"} <= attachment.keys()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"document_type": "chi-thi"}, ["future"]),
        ({"issuing_agency": "Huyện ủy Mộc Châu"}, ["future"]),
        ({"field": "y-te"}, ["in_force"]),
        ({"sector": "y-te"}, ["in_force"]),
        ({"issued_from": "2024-01-01"}, ["future", "in_force"]),
        ({"issued_to": "2023-12-31"}, ["expired"]),
        ({"status": "in-force"}, ["in_force"]),
        ({"status": "expired"}, ["expired"]),
        ({"status": "not-yet-in-force"}, ["future"]),
    ],
)
def test_citizen_filters_directives(client, directives, params, expected):
    status, data = get_json(client, type="news.DirectivePage", **params)
    assert status == 200, data
    assert [item["id"] for item in data["items"]] == [directives[name].pk for name in expected]


def test_listing_filters_by_tree_and_locale(client, news, news_index, directive_index):
    status, data = get_json(client, child_of=news_index.pk)
    assert status == 200 and {item["id"] for item in data["items"]} == {page.pk for page in news}
    status, data = get_json(client, descendant_of=news_index.get_parent().pk, type="news.NewsPage")
    assert data["meta"]["total_count"] == 3
    status, data = get_json(client, locale="vi", type="news.NewsPage")
    assert data["meta"]["total_count"] == 3


def test_pages_search_points_to_the_one_search(client, news):
    status, data = get_json(client, type="news.NewsPage", search=news[0].title)
    assert status == 400 and data["parameter"] == "search" and "/api/v2/search/" in data["message"]
    status, data = get_json(client, "/api/v2/search/", q=news[0].title)
    assert status == 200 and news[0].pk in [item["id"] for item in data["items"]]


def test_find_redirects_to_detail(client, news):
    for path in (news[0].url, news[0].url.removeprefix("/vi")):
        response = client.get(f"{PAGES}find/", {"html_path": path})
        assert response.status_code == 302
        assert response["Location"] == f"http://testserver{PAGES}{news[0].pk}/"
    response = client.get(f"{PAGES}find/", {"id": news[0].pk, "fields": "body"})
    assert response.status_code == 302 and response["Location"] == f"http://testserver{PAGES}{news[0].pk}/?fields=body"


def test_find_without_redirect_answers_with_the_page(client, news):
    status, data = get_json(client, f"{PAGES}find/", html_path=news[0].url, redirect="false", fields="body")
    assert status == 200 and data["id"] == news[0].pk and "body" in data
    assert data["meta"]["type"] == "news.NewsPage"
    status, data = get_json(client, f"{PAGES}find/", html_path=news[0].url, redirect="maybe")
    assert status == 400 and data["parameter"] == "redirect"


def test_find_reads_language_prefixes_and_locale(client, news, locales):
    english = locales["en"]
    news[0].get_parent().copy_for_translation(english, copy_parents=True)
    translation = news[0].copy_for_translation(english)
    translation.save_revision().publish()
    translation.refresh_from_db()
    assert translation.url.startswith("/en/")
    cases = [
        ({"html_path": translation.url}, translation),
        ({"html_path": f"http://testserver{translation.url}"}, translation),
        ({"html_path": translation.url.removeprefix("/en"), "locale": "en"}, translation),
        ({"html_path": news[0].url, "locale": "en"}, translation),  # this page, in English
        ({"html_path": translation.url, "locale": "vi"}, news[0]),
        ({"id": news[0].pk, "locale": "en"}, translation),
    ]
    for params, expected in cases:
        status, data = get_json(client, f"{PAGES}find/", redirect="false", **params)
        assert (status, data["id"]) == (200, expected.pk), params
    status, data = get_json(client, f"{PAGES}find/", html_path=news[1].url, locale="en", redirect="false")
    assert status == 404  # no English version
    status, data = get_json(client, f"{PAGES}find/", html_path=news[0].url, locale="xx")
    assert status == 400 and data["parameter"] == "locale"


def test_items_list_their_translations(client, news, settings):
    from django.core.management import call_command

    call_command("sync_locales", verbosity=0)
    english = Locale.objects.get(language_code="en")
    page = news[0]
    page.get_parent().copy_for_translation(english, copy_parents=True)
    translation = page.copy_for_translation(english)
    translation.save_revision().publish()
    _status, data = get_json(client, type="news.NewsPage")
    item = next(item for item in data["items"] if item["id"] == page.pk)
    assert item["meta"]["translations"] == [
        {"locale": "en", "id": translation.pk, "url": f"http://testserver{translation.url}"}
    ]
    _status, data = get_json(client, locale="en", type="news.NewsPage")
    assert [item["id"] for item in data["items"]] == [translation.pk]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"locale": "xx"}, "locale"),
        ({"type": "news.Nope"}, "type"),
        ({"type": "<script>"}, "type"),
        ({"child_of": "abc"}, "child_of"),
        ({"child_of": "999999999"}, "child_of"),
        ({"descendant_of": "-1"}, "descendant_of"),
        ({"limit": "abc"}, "limit"),
        ({"limit": "100000"}, "limit"),
        ({"offset": "-5"}, "offset"),
        ({"order": "nope"}, "order"),
        ({"fields": "nope"}, "fields"),
        ({"fields": "body("}, "fields"),
        ({"type": "news.DirectivePage", "document_type": "x"}, "document_type"),
        ({"type": "news.DirectivePage", "status": "x"}, "status"),
        ({"type": "news.DirectivePage", "field": "x"}, "field"),
        ({"type": "news.DirectivePage", "issued_from": "2024-13-45"}, "issued_from"),
        ({"type": "news.DirectivePage", "issued_to": "yesterday"}, "issued_to"),
        ({"type": "news.DirectivePage", "issuing_agency": "x" * 1000}, "issuing_agency"),
        ({"document_type": "quyet-dinh"}, "document_type"),
        ({"unknown": "1"}, "unknown"),
        ({"type": "news.NewsPage", "date": "not-a-date"}, "date"),
    ],
)
def test_bad_input_answers_400_naming_the_parameter(client, news, directives, params, parameter):
    status, data = get_json(client, **params)
    assert status == 400, data
    assert parameter in data["message"]


@pytest.mark.parametrize(
    "url",
    [f"{PAGES}0/", f"{PAGES}99999999999999999999/", f"{PAGES}find/?id=abc", f"{PAGES}find/?html_path=/../..%00"],
)
def test_hostile_urls_never_500(client, news, url):
    assert client.get(url).status_code in (400, 404)


def test_an_image_whose_file_went_missing_is_left_out_not_a_500(client, news_index):
    image = factories.ImageFactory()
    factories.NewsPageFactory(parent=news_index, title="Tin có ảnh mất", hero_image=image)
    image.file.storage.delete(image.file.name)  # no renditions made yet, and the original is gone

    status, listing = get_json(client, type="news.NewsPage", fields="hero_image")
    assert status == 200
    assert [item["hero_image"] for item in listing["items"]] == [None]
    images = client.get("/api/v2/images/", {"fields": "renditions"})
    assert images.status_code == 200
    assert images.json()["items"][0]["renditions"] == {}


def test_listing_without_locale_is_in_the_default_language(client, news, locales):
    english = locales["en"]
    news[0].get_parent().copy_for_translation(english, copy_parents=True).save_revision().publish()
    translation = news[0].copy_for_translation(english)
    translation.save_revision().publish()
    _status, default = get_json(client, type="news.NewsPage")
    assert {item["meta"]["locale"] for item in default["items"]} == {"vi"} and len(default["items"]) == 3
    _status, data = get_json(client, type="news.NewsPage", locale="en")
    assert [item["id"] for item in data["items"]] == [translation.pk]
    # A tree filter names a page: its language applies, not the default.
    _status, data = get_json(client, child_of=translation.get_parent().pk)
    assert [item["id"] for item in data["items"]] == [translation.pk]
    _status, data = get_json(client, translation_of=news[0].pk)
    assert [item["id"] for item in data["items"]] == [translation.pk]


def test_choice_labels_are_in_the_page_language_whatever_accept_language_says(client, news, locales):
    english = locales["en"]
    news[0].get_parent().copy_for_translation(english, copy_parents=True).save_revision().publish()
    translation = news[0].copy_for_translation(english)
    translation.save_revision().publish()
    for accept in ("vi", "en"):
        vietnamese = client.get(f"{PAGES}{news[0].pk}/", HTTP_ACCEPT_LANGUAGE=accept).json()
        assert vietnamese["category"]["label"] == "Tin khác"
        english_page = client.get(f"{PAGES}{translation.pk}/", HTTP_ACCEPT_LANGUAGE=accept).json()
        assert english_page["category"]["label"] == "Other news"
