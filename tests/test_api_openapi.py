"""The OpenAPI document is valid, pinned, and real responses conform to it."""

import json
import os
from pathlib import Path

import jsonschema
import pytest
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
    }
    parameters = {param["name"] for param in document["paths"]["/api/v2/pages/"]["get"]["parameters"]}
    assert {
        "type",
        "locale",
        "child_of",
        "descendant_of",
        "order",
        "search",
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
