"""One name per page type everywhere: ``news.NewsPage`` in the pages API, the search API and the search page,
with the old short names still read and an unknown name answered by a 400 in the one error shape."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cms.core import page_types
from cms.pages.models import ContentPage
from news.models import DirectivePage, NewsPage
from search import documents
from search.models import SearchEntry
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home, news_index, directive_index):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu mùa hoa", date=datetime.date(2024, 3, 1))
    factories.DirectivePageFactory(parent=directive_index, title="Kế hoạch Mộc Châu", number="12/KH-UBND")
    about = ContentPage(title="Giới thiệu Mộc Châu", slug="gioi-thieu")
    home.add_child(instance=about)
    about.save_revision().publish()


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_resolve_reads_labels_aliases_any_case_and_lists():
    assert page_types.resolve("news.NewsPage") == [NewsPage]
    assert page_types.resolve("NEWS.newspage") == [NewsPage]
    assert page_types.resolve("news") == [NewsPage]
    assert page_types.resolve("directive, news") == [DirectivePage, NewsPage]
    assert ContentPage in page_types.resolve("page")
    assert page_types.canonical("news,directive") == "news.NewsPage,news.DirectivePage"
    for bad in ("", "nothing", "news.Nothing", "news,nothing", "<script>"):
        with pytest.raises(page_types.UnknownPageType):
            page_types.resolve(bad)


def test_pages_api_reads_the_old_short_names_as_the_labels(client, content):
    assert ids(client.get("/api/v2/pages/", {"type": "news"})) == ids(
        client.get("/api/v2/pages/", {"type": "news.NewsPage"})
    )
    items = client.get("/api/v2/pages/", {"type": "directive", "fields": "number"}).json()["items"]
    assert [(item["meta"]["type"], item["number"]) for item in items] == [("news.DirectivePage", "12/KH-UBND")]
    assert ContentPage.objects.get(slug="gioi-thieu").pk in ids(client.get("/api/v2/pages/", {"type": "page"}))


def test_search_api_names_types_as_the_pages_api_does(client, content):
    found = client.get("/api/v2/search/", {"q": "moc chau"}).json()
    by_id = {item["id"]: item["type"] for item in found["items"]}
    for page_id, type_name in by_id.items():
        meta = client.get(f"/api/v2/pages/{page_id}/").json()["meta"]
        assert meta["type"] == type_name
    assert {facet["value"] for facet in found["meta"]["facets"]["type"]} == set(by_id.values())
    for name in ("news.NewsPage", "news"):
        items = client.get("/api/v2/search/", {"q": "moc chau", "type": name}).json()["items"]
        assert [item["type"] for item in items] == ["news.NewsPage"]


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/search/"])
@pytest.mark.parametrize("value", ["nothing", "news.Nothing", "wagtailimages.Image"])
def test_an_unknown_type_is_a_400_in_the_one_shape_in_the_request_language(client, content, url, value):
    vietnamese = client.get(url, {"q": "moc", "type": value})
    english = client.get(url, {"q": "moc", "type": value}, HTTP_ACCEPT_LANGUAGE="en")
    for response in (vietnamese, english):
        assert response.status_code == 400
        body = response.json()
        assert set(body) == {"message", "parameter"} and body["parameter"] == "type"
        assert body["message"].startswith("type: ") and "news.NewsPage" in body["message"]
    assert "Không có loại nội dung" in vietnamese.json()["message"]
    assert "No content type" in english.json()["message"]


def test_search_page_filter_offers_the_labels(client_vi, content):
    response = client_vi.get("/vi/search/", {"q": "moc chau", "type": "news"})
    html = response.content.decode()
    assert '<option value="news.NewsPage" selected>' in html
    assert [result.entry.page_type for result in response.context["search_results"]] == ["news.NewsPage"]


def test_openapi_documents_the_same_names_for_both_endpoints(client):
    document = client.get("/api/v2/schema/").json()

    def type_enum(path):
        parameters = document["paths"][path]["get"]["parameters"]
        return next(parameter for parameter in parameters if parameter["name"] == "type")["schema"]["enum"]

    pages = type_enum("/api/v2/pages/")
    search = type_enum("/api/v2/search/")
    assert "news.NewsPage" in pages and set(search) <= set(pages)
    assert set(search) == {model._meta.label for model in documents.indexed_models()}


def test_every_page_type_keeps_the_short_name_it_had_and_none_declares_the_old_attribute():
    assert {
        alias: sorted(page_types.label(m) for m in models)
        for alias, models in page_types.aliases(page_types.page_models()).items()
    } == {
        "news": ["news.NewsPage"],
        "directive": ["news.DirectivePage"],
        "procedure": ["procedures.ProcedurePage"],
        "disclosure": ["disclosures.DisclosurePage"],
        "draft": ["participation.DraftPage"],
        "page": ["organisation.UnitPage", "pages.ContentPage"],
    }
    assert not [model for model in page_types.page_models() if hasattr(model, "search_type")]


# serialized_rollback: the flush afterwards restores what the migrations created (home page, site, locales).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("rewarm_content_types")
def test_index_rows_written_with_slugs_are_rewritten_to_labels_by_the_migration(home, news_index, directive_index):
    news = factories.NewsPageFactory(parent=news_index, title="Tin cũ")
    directive = factories.DirectivePageFactory(parent=directive_index, title="Văn bản cũ")
    executor = MigrationExecutor(connection)
    executor.migrate([("portal_search", "0005_default_synonyms")])
    try:
        with connection.cursor() as cursor:
            cursor.execute("UPDATE portal_search_searchentry SET page_type = 'news' WHERE page_id = %s", [news.pk])
            cursor.execute(
                "UPDATE portal_search_searchentry SET page_type = 'directive' WHERE page_id = %s", [directive.pk]
            )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes("portal_search"))
    assert dict(SearchEntry.objects.values_list("page_id", "page_type")) == {
        news.pk: "news.NewsPage",
        directive.pk: "news.DirectivePage",
    }
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)
