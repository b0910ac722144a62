"""The OpenAPI document is valid, pinned, and real responses conform to it."""

import json
import os
from pathlib import Path

import jsonschema
import pytest
import yaml
from openapi_spec_validator import validate

from tests import factories
from tests.api_content import make_news

pytestmark = pytest.mark.django_db

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi.json"


@pytest.fixture
def document(client):
    response = client.get("/api/v2/schema/")
    assert response.status_code == 200
    return json.loads(response.content)


def conforms(document, component, instance):
    """Validate ``instance`` against a component schema, resolving refs inside the document."""
    schema = {"$ref": f"#/components/schemas/{component}", "components": document["components"]}
    jsonschema.Draft202012Validator(schema).validate(instance)


def test_schema_is_a_valid_openapi_document(document):
    validate(document)
    assert document["openapi"].startswith("3.1")


def test_schema_describes_page_types_blocks_and_filters(document):
    schemas = document["components"]["schemas"]
    assert {"news_NewsPage", "news_DirectivePage", "Image", "Document", "PageLink"} <= schemas.keys()
    union = schemas["BodyBlock"]
    assert union["discriminator"]["propertyName"] == "type"
    assert set(union["discriminator"]["mapping"]) == {
        "heading",
        "paragraph",
        "image",
        "quote",
        "table",
        "embed",
        "document",
        "page_link",
        "statistics",
        "raw_html",
    }
    parameters = {param["name"] for param in document["paths"]["/api/v2/pages/"]["get"]["parameters"]}
    assert {
        "type",
        "locale",
        "child_of",
        "descendant_of",
        "order",
        "fields",
        "limit",
        "offset",
        "document_type",
        "issuing_agency",
        "field",
        "issued_from",
        "issued_to",
        "status",
    } <= parameters
    assert "search" not in parameters  # pages are searched at /api/v2/search/


def test_pages_are_a_union_discriminated_by_their_type(document, client, news_index, settings):
    """Generators narrow a page by its top-level ``type`` (the same as ``meta.type``), in details and listings."""
    settings.API_CACHE_SECONDS = 0
    schemas = document["components"]["schemas"]
    for union, suffix in (("Page", ""), ("PageSummary", "Summary")):
        discriminator = schemas[union]["discriminator"]
        assert discriminator["propertyName"] == "type"
        assert discriminator["mapping"]["news.NewsPage"] == f"#/components/schemas/news_NewsPage{suffix}"
        assert len(schemas[union]["oneOf"]) == len(discriminator["mapping"])
        for type_name, target in discriminator["mapping"].items():
            assert schemas[target.rsplit("/", 1)[1]]["properties"]["type"]["const"] == type_name
    # A detail has every declared field; a listing item only what every listing carries.
    assert {"date", "lead", "body", "category"} <= set(schemas["news_NewsPage"]["required"])
    assert schemas["news_NewsPageSummary"]["required"] == ["id", "type", "meta", "title"]
    listing = document["paths"]["/api/v2/pages/"]["get"]["responses"]["200"]["content"]["application/json"]
    assert listing["schema"]["properties"]["items"]["items"] == {"$ref": "#/components/schemas/PageSummary"}
    news = make_news(news_index, 1)[0]
    item = client.get("/api/v2/pages/").json()["items"][0]
    assert item["type"] == item["meta"]["type"]
    detail = client.get(f"/api/v2/pages/{news.pk}/", {"fields": "-title"}).json()
    assert detail["type"] == "news.NewsPage" == detail["meta"]["type"]  # whatever ?fields= asks
    conforms(document, "Page", client.get(f"/api/v2/pages/{news.pk}/").json())


def test_media_meta_search_and_suggest_are_typed(document):
    schemas = document["components"]["schemas"]
    for item in ("ImageItem", "DocumentItem"):
        assert schemas[item]["properties"]["meta"] == {"$ref": "#/components/schemas/MediaMeta"}
    assert set(schemas["MediaMeta"]["required"]) == {"type", "detail_url", "tags", "download_url"}
    for path, component in (("/api/v2/search/", "SearchResults"), ("/api/v2/search/suggest/", "SearchSuggestions")):
        response = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        assert response["schema"] == {"$ref": f"#/components/schemas/{component}"}
    assert "<mark>" in schemas["SearchResult"]["properties"]["snippet"]["description"]
    assert "<mark>" in schemas["SearchSuggestion"]["properties"]["title_highlighted"]["description"]


def test_search_responses_conform(document, client, news_index, settings):
    settings.API_CACHE_SECONDS = 0
    make_news(news_index, 2)
    results = client.get("/api/v2/search/", {"q": "tin"}).json()
    conforms(document, "SearchResults", results)
    conforms(document, "SearchSuggestions", client.get("/api/v2/search/suggest/", {"q": "tin"}).json())


def test_servers_security_and_cache_responses_are_documented(document):
    assert document["servers"] == [{"url": "http://testserver", "description": "This portal (its public base URL)"}]
    assert document["security"] == [{}]  # anonymous unless an operation says otherwise
    operations = {op["operationId"]: op for ops in document["paths"].values() for op in ops.values()}
    assert operations["preview_token"]["security"] == [{"cookieAuth": []}]  # an anonymous request answers 403
    for name in ("preview_exchange", "preview_revoke", "preview_retrieve"):
        assert operations[name]["security"] == [{"previewToken": []}]
    assert "security" not in operations["pages_list"]
    assert document["components"]["securitySchemes"]["previewToken"]["in"] == "header"
    for name in ("pages_list", "pages_retrieve", "images_list", "documents_retrieve", "search", "statistics_list"):
        responses = operations[name]["responses"]
        assert "304" in responses and "ETag" in responses["200"]["headers"], name
    assert "304" not in operations["preview_retrieve"]["responses"]  # private, never cached
    for operation in operations.values():
        assert operation["summary"]
        assert "Retry-After" in operation["responses"]["429"]["headers"]


def test_schema_downloads_as_yaml_too(client, document):
    response = client.get("/api/v2/schema.yaml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi")
    assert response["Content-Disposition"] == 'inline; filename="openapi.yaml"'
    assert yaml.safe_load(response.content) == document
    assert client.get("/api/v2/schema/")["Content-Disposition"] == 'inline; filename="openapi.json"'


def test_schema_matches_the_pinned_snapshot(document):
    """A contract change shows up in review; regenerate with UPDATE_OPENAPI_SNAPSHOT=1."""
    rendered = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_OPENAPI_SNAPSHOT"):
        SNAPSHOT.write_text(rendered, encoding="utf-8")
    assert rendered == SNAPSHOT.read_text(encoding="utf-8")


def test_real_responses_conform_to_the_schema(client, document, news_index, directive_index, settings):
    settings.API_CACHE_SECONDS = 0
    news = make_news(news_index, 2, target_page=directive_index)
    directive = factories.DirectivePageFactory(parent=directive_index)
    factories.DirectiveAttachmentFactory(page=directive)
    listing_schema = document["paths"]["/api/v2/pages/"]["get"]["responses"]["200"]["content"]["application/json"]
    validator_schema = {**listing_schema["schema"], "components": document["components"]}
    for params in ({}, {"type": "news.NewsPage", "fields": "*"}, {"type": "news.DirectivePage", "fields": "*"}):
        jsonschema.Draft202012Validator(validator_schema).validate(client.get("/api/v2/pages/", params).json())
    conforms(document, "news_NewsPage", client.get(f"/api/v2/pages/{news[0].pk}/").json())
    conforms(document, "news_DirectivePage", client.get(f"/api/v2/pages/{directive.pk}/").json())
    for item in client.get("/api/v2/images/").json()["items"]:
        conforms(document, "ImageItem", item)
    for item in client.get("/api/v2/documents/").json()["items"]:
        conforms(document, "DocumentItem", item)
    conforms(document, "Error", client.get("/api/v2/pages/", {"locale": "xx"}).json())


def test_a_block_that_breaks_its_schema_is_caught(document):
    with pytest.raises(jsonschema.ValidationError):
        conforms(document, "BodyBlock", {"type": "image", "value": {"image": 5}, "id": "x"})


def test_human_readable_docs_use_local_assets(client):
    response = client.get("/api/v2/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()
