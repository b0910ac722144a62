"""The search API: the same Vietnamese search as the site, as JSON, with clear 400s for bad input."""

import datetime

import pytest
from wagtail.models import Locale, PageViewRestriction

from tests import factories

SEARCH_URL = "/api/v2/search/"
SUGGEST_URL = "/api/v2/search/suggest/"


@pytest.fixture
def articles(news_index):
    return [
        factories.NewsPageFactory(
            parent=news_index, title=f"Mộc Châu tin {number}", date=datetime.date(2024, 1, number + 1)
        )
        for number in range(3)
    ]


def test_api_finds_articles_without_marks_newest_first(client, articles):
    response = client.get(SEARCH_URL, {"q": "moc chau"})
    assert response.status_code == 200
    body = response.json()
    assert body["meta"]["total_count"] == 3
    assert [item["title"] for item in body["items"]] == ["Mộc Châu tin 2", "Mộc Châu tin 1", "Mộc Châu tin 0"]
    first = body["items"][0]
    assert first["type"] == "news.NewsPage"
    assert first["date"] == "2024-01-03"
    assert first["url"].startswith("http://testserver/vi/")
    assert first["title_highlighted"] == "<mark>Mộc</mark> <mark>Châu</mark> tin 2"


def test_highlights_also_come_as_offsets_into_the_plain_text(client, news_index):
    """For clients that render text themselves: the same matches as the <mark>s, as code-point offsets."""
    factories.NewsPageFactory(parent=news_index, title="Về Mộc Châu 🌿 mùa mận", lead="Du lịch <Mộc> Châu & mận")
    item = client.get(SEARCH_URL, {"q": "moc chau"}).json()["items"][0]
    title = item["title"]
    assert [title[m["start"] : m["end"]] for m in item["title_matches"]] == ["Mộc", "Châu"]
    snippet = item["snippet_text"]
    assert [snippet[m["start"] : m["end"]] for m in item["snippet_matches"]][-2:] == ["Mộc", "Châu"]
    assert "<mark>" not in snippet and "&lt;" not in snippet  # plain text, the snippet HTML has the escapes
    suggestion = client.get(SUGGEST_URL, {"q": "moc"}).json()["items"][0]
    assert suggestion["title"][slice(*suggestion["title_matches"][0].values())] == "Mộc"


def test_api_paginates_with_offset_and_limit(client, articles):
    body = client.get(SEARCH_URL, {"q": "moc chau", "offset": 1, "limit": 1}).json()
    meta = body["meta"]
    assert {name: meta[name] for name in ("total_count", "total_count_capped", "offset", "limit")} == {
        "total_count": 3,
        "total_count_capped": False,
        "offset": 1,
        "limit": 1,
    }
    assert meta["suggestion"] is None
    assert meta["facets"]["type"] == [{"value": "news.NewsPage", "label": "Tin bài", "count": 3}]
    assert [item["title"] for item in body["items"]] == ["Mộc Châu tin 1"]


def test_api_finds_directive_by_number_and_filters_by_type(client, directive_index, articles):
    factories.DirectivePageFactory(parent=directive_index, title="Quyết định Mộc Châu", number="1234/QĐ-UBND")
    body = client.get(SEARCH_URL, {"q": "1234/QD-UBND"}).json()
    assert body["items"][0]["number"] == "1234/QĐ-UBND"
    body = client.get(SEARCH_URL, {"q": "moc chau", "type": "directive"}).json()
    assert [item["type"] for item in body["items"]] == ["news.DirectivePage"]


def test_api_never_returns_restricted_or_draft_content(client, news_index, articles):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu nháp", live=False)
    PageViewRestriction.objects.create(page=articles[0], restriction_type=PageViewRestriction.LOGIN)
    titles = [item["title"] for item in client.get(SEARCH_URL, {"q": "moc chau"}).json()["items"]]
    assert titles == ["Mộc Châu tin 2", "Mộc Châu tin 1"]


def test_api_searches_the_requested_locale_only(client, articles):
    Locale.objects.create(language_code="en")
    body = client.get(SEARCH_URL, {"q": "moc chau", "locale": "en"}).json()
    assert body["meta"]["total_count"] == 0


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"q": "moc", "locale": "xx"}, "locale"),
        ({"q": "x" * 201}, "q"),
        ({"q": "moc", "type": "video"}, "type"),
        ({"q": "moc", "date_from": "01/07/2024"}, "date_from"),
        ({"q": "moc", "limit": "1000"}, "limit"),
        ({"q": "moc", "offset": "-1"}, "offset"),
    ],
)
def test_api_rejects_bad_parameters_with_a_400_naming_them(client, db, params, parameter):
    response = client.get(SEARCH_URL, params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert response.json()["message"]


def test_api_with_empty_query_returns_no_items(client, articles):
    body = client.get(SEARCH_URL, {"q": ""}).json()
    assert body["meta"]["total_count"] == 0
    assert body["items"] == []


def test_api_escapes_editor_content_in_highlights(client, news_index):
    factories.NewsPageFactory(parent=news_index, title="<b>Mộc Châu</b>", lead="<script>x</script> Mộc Châu")
    item = client.get(SEARCH_URL, {"q": "moc chau"}).json()["items"][0]
    assert item["title"] == "<b>Mộc Châu</b>"
    assert item["title_highlighted"] == "&lt;b&gt;<mark>Mộc</mark> <mark>Châu</mark>&lt;/b&gt;"
    assert "<script>" not in item["snippet"]


def test_suggestions_complete_the_word_being_typed(client, articles, news_index):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu", live=False)
    body = client.get(SUGGEST_URL, {"q": "moc ch"}).json()
    assert [item["title"] for item in body["items"]] == ["Mộc Châu tin 2", "Mộc Châu tin 1", "Mộc Châu tin 0"]
    assert client.get(SUGGEST_URL, {"q": "moc x"}).json()["items"] == []


def test_suggestions_reject_unknown_locale(client, db):
    response = client.get(SUGGEST_URL, {"q": "moc", "locale": "xx"})
    assert response.status_code == 400
    assert response.json()["parameter"] == "locale"


def test_search_endpoints_are_described_in_openapi(client, db):
    schema = client.get("/api/v2/schema/").json()
    search = schema["paths"]["/api/v2/search/"]["get"]
    assert {parameter["name"] for parameter in search["parameters"]} >= {"q", "locale", "type"}
    assert "/api/v2/search/suggest/" in schema["paths"]
