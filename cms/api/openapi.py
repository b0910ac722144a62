"""OpenAPI 3.1 document for /api/v2/ (drf-spectacular), with one schema per page type.

Wagtail's API v2 view sets choose their serializer per request, so drf-spectacular cannot introspect
them; ``WagtailEndpointSchema`` describes their operations and ``add_content_components`` adds the
component schemas, built from the page models' ``api_fields`` and the blocks' ``api_schema``. Plain DRF
views registered on the router are introspected by drf-spectacular as usual.
"""

from csp.decorators import csp_update
from django.db import models
from django.utils.decorators import method_decorator
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from cms.api import fields as api_fields

REF = "#/components/schemas/"


def ref(name: str) -> dict:
    return {"$ref": REF + name}


def nullable(schema: dict) -> dict:
    return {"oneOf": [schema, {"type": "null"}]}


def _param(name, description, schema=None, location="query"):
    return {
        "name": name,
        "in": location,
        "required": location == "path",
        "description": description,
        "schema": schema or {"type": "string"},
    }


def page_parameters() -> list[dict]:
    from news.choices import DirectiveStatus, DocumentField, DocumentType

    choice = lambda choices: {"type": "string", "enum": list(choices.values)}  # noqa: E731
    date = {"type": "string", "format": "date"}
    return [
        _param("type", "Page type, e.g. news.NewsPage (its fields become filterable and orderable)"),
        _param("locale", "Language code (vi, en); unknown codes answer 400"),
        _param("child_of", "Page id (or 'root'): direct children only"),
        _param("descendant_of", "Page id: all descendants"),
        _param("ancestor_of", "Page id: its ancestors"),
        _param("translation_of", "Page id: its translations"),
        _param("order", "Field to order by; '-' for descending, 'random'. News default: -date"),
        _param("search", "Full-text search"),
        _param("search_operator", "and | or", {"type": "string", "enum": ["and", "or"]}),
        _param("fields", "Fields to add (comma-separated), '-field' to remove, '*' for all"),
        _param("limit", "Items per page (max 100)", {"type": "integer", "minimum": 1, "maximum": 100}),
        _param("offset", "Items to skip", {"type": "integer", "minimum": 0}),
        _param("document_type", "Directives: document type", choice(DocumentType)),
        _param("issuing_agency", "Directives: issuing agency (exact)"),
        _param("field", "Directives: sector (alias of 'sector')", choice(DocumentField)),
        _param("sector", "Directives: sector", choice(DocumentField)),
        _param("issued_from", "Directives: issued on or after (YYYY-MM-DD)", date),
        _param("issued_to", "Directives: issued on or before (YYYY-MM-DD)", date),
        _param("status", "Directives: derived status", choice(DirectiveStatus)),
    ]


MEDIA_PARAMETERS = [
    _param("fields", "Fields to add, '-field' to remove, '*' for all"),
    _param("limit", "Items per page (max 100)", {"type": "integer", "minimum": 1, "maximum": 100}),
    _param("offset", "Items to skip", {"type": "integer", "minimum": 0}),
    _param("order", "Field to order by"),
    _param("search", "Full-text search"),
]

ERROR = {"description": "Invalid parameter", "content": {"application/json": {"schema": ref("Error")}}}
NOT_FOUND = {"description": "Not found", "content": {"application/json": {"schema": ref("Error")}}}


def _json(schema, description="OK"):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


class WagtailEndpointSchema(AutoSchema):
    """Operations of a Wagtail API v2 endpoint (listing, detail, find)."""

    def __init__(self, item_schema: str, parameters):
        super().__init__()
        self.item_schema = item_schema
        self.parameters = parameters

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        if method.upper() != "GET":
            return None
        self.path, self.method = path, "GET"
        action = self.view.action
        name = path.removeprefix("/api/v2/").split("/")[0]
        fields_param = [p for p in self.parameters() if p["name"] == "fields"]
        if action == "listing_view":
            listing = {
                "type": "object",
                "required": ["meta", "items"],
                "properties": {
                    "meta": {"type": "object", "properties": {"total_count": {"type": "integer"}}},
                    "items": {"type": "array", "items": ref(self.item_schema)},
                },
            }
            return {
                "operationId": f"{name}_list",
                "tags": [name],
                "parameters": self.parameters(),
                "responses": {"200": _json(listing), "400": ERROR},
            }
        if action == "detail_view":
            return {
                "operationId": f"{name}_retrieve",
                "tags": [name],
                "parameters": [_param("id", "Object id", {"type": "integer"}, "path"), *fields_param],
                "responses": {"200": _json(ref(self.item_schema)), "400": ERROR, "404": NOT_FOUND},
            }
        return {
            "operationId": f"{name}_find",
            "tags": [name],
            "parameters": [
                _param("id", "Object id", {"type": "integer"}),
                *([_param("html_path", "Public path of a page")] if name == "pages" else []),
            ],
            "responses": {"302": {"description": "Redirect to the detail URL"}, "400": ERROR, "404": NOT_FOUND},
        }


# --- Component schemas ---

CHOICE = {
    "type": "object",
    "required": ["code", "label"],
    "properties": {"code": {"type": "string"}, "label": {"type": "string"}},
}
RENDITION = {
    "type": "object",
    "required": ["url", "width", "height"],
    "properties": {"url": {"type": "string"}, "width": {"type": "integer"}, "height": {"type": "integer"}},
}


STATISTIC = {
    "type": "object",
    "required": ["id", "label", "value", "total", "unit", "percentage", "display_value", "reference_date", "locale"],
    "properties": {
        "id": {"type": "integer"},
        "label": {"type": "string"},
        "value": {"type": "number"},
        "total": {"type": ["number", "null"]},
        "unit": {"type": "string"},
        "percentage": {"type": ["number", "null"], "description": "value / total × 100, when a total is set"},
        "display_value": {"type": "string", "description": "As printed, e.g. '93/180'"},
        "reference_date": {"type": ["string", "null"], "format": "date"},
        "source": {"type": "string"},
        "locale": {"type": "string"},
    },
}
VISITS = {
    "type": "object",
    "required": ["online", "today", "week", "total"],
    "properties": {
        "online": {"type": "integer", "description": "Distinct visitors in the last 5 minutes"},
        "today": {"type": "integer", "description": "Page views today (Asia/Ho_Chi_Minh)"},
        "week": {"type": "integer", "description": "Page views this ISO week, Monday to Sunday"},
        "total": {"type": "integer", "description": "Page views since the counter started"},
    },
}
STATISTICS_PARAMETERS = [
    _param("locale", "Language code (vi, en); unknown codes answer 400"),
    _param("limit", "Items per page (max 100)", {"type": "integer", "minimum": 1, "maximum": 100}),
    _param("offset", "Items to skip", {"type": "integer", "minimum": 0}),
]


class VisitsSchema(AutoSchema):
    """The visitor counter: figures (GET) and the optional beacon (POST)."""

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        if path.endswith("/beacon/"):
            return {
                "operationId": "visits_beacon",
                "tags": ["visits"],
                "description": "Counts one page view when VISITS_MODE=beacon (HTML cached by a CDN).",
                "responses": {
                    "204": {"description": "Counted"},
                    "403": {"description": "Beacon counting is off", "content": ERROR["content"]},
                },
            }
        return {
            "operationId": "visits_retrieve",
            "tags": ["visits"],
            "responses": {"200": _json(ref("Visits"))},
        }


def _media_components() -> dict:
    from cms.api.prefetch import RENDITIONS

    return {
        "Statistic": STATISTIC,
        "Visits": VISITS,
        "Error": {"type": "object", "properties": {"message": {"type": "string"}, "detail": {"type": "string"}}},
        "Choice": CHOICE,
        "Rendition": RENDITION,
        "Image": {
            "type": "object",
            "required": ["id", "title", "alt", "width", "height", "renditions"],
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "alt": {"type": "string"},
                "width": {"type": "integer"},
                "height": {"type": "integer"},
                "renditions": {
                    "type": "object",
                    "required": list(RENDITIONS),
                    "properties": {name: ref("Rendition") for name in RENDITIONS},
                },
            },
        },
        "Document": {
            "type": "object",
            "required": ["id", "title", "url", "size", "file_type"],
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "url": {"type": "string"},
                "size": {"type": ["integer", "null"]},
                "file_type": {"type": "string"},
            },
        },
        "PageLink": {
            "type": "object",
            "required": ["id", "title", "url", "type"],
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "url": {"type": ["string", "null"]},
                "type": {"type": ["string", "null"]},
            },
        },
        "Translation": {
            "type": "object",
            "required": ["locale", "id", "url"],
            "properties": {
                "locale": {"type": "string"},
                "id": {"type": "integer"},
                "url": {"type": ["string", "null"]},
            },
        },
        "ImageItem": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "meta": {"type": "object"},
                "title": {"type": "string"},
                "width": {"type": "integer"},
                "height": {"type": "integer"},
                "alt": {"type": "string"},
                "renditions": {"type": "object", "additionalProperties": ref("Rendition")},
            },
        },
        "DocumentItem": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "meta": {"type": "object"},
                "title": {"type": "string"},
                "url": {"type": "string"},
                "size": {"type": ["integer", "null"]},
                "file_type": {"type": "string"},
            },
        },
    }


def block_schema(block) -> dict:
    """A block's own ``api_schema``, else one derived from its kind."""
    if getattr(block, "api_schema", None) is not None:
        return block.api_schema
    if isinstance(block, blocks.StructBlock):
        return {
            "type": "object",
            "properties": {name: block_schema(child) for name, child in block.child_blocks.items()},
        }
    if isinstance(block, blocks.ListBlock):
        return {"type": "array", "items": block_schema(block.child_block)}
    if isinstance(block, blocks.StreamBlock):
        return {"type": "array", "items": {"type": "object"}}
    if isinstance(block, (blocks.IntegerBlock,)):
        return {"type": ["integer", "null"]}
    if isinstance(block, (blocks.BooleanBlock,)):
        return {"type": "boolean"}
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.ChoiceBlock, blocks.URLBlock)):
        return {"type": ["string", "null"]}
    return {}


def stream_components(name: str, stream_block) -> dict:
    """``name``: a discriminated union (oneOf by ``type``) of every child block of ``stream_block``."""
    components, mapping = {}, {}
    for block_name, block in stream_block.child_blocks.items():
        component = f"{name}_{block_name}"
        mapping[block_name] = REF + component
        components[component] = {
            "type": "object",
            "required": ["type", "value", "id"],
            "properties": {
                "type": {"type": "string", "enum": [block_name]},
                "value": block_schema(block),
                "id": {"type": "string"},
            },
        }
    components[name] = {
        "oneOf": [ref(component) for component in components],
        "discriminator": {"propertyName": "type", "mapping": mapping},
    }
    return components


def field_schema(model, api_field, stream_names) -> dict:
    serializer = api_field.serializer
    if isinstance(serializer, api_fields.ImageField):
        return nullable(ref("Image"))
    if isinstance(serializer, api_fields.ChoiceField):
        return ref("Choice")
    if isinstance(serializer, api_fields.SignerField):
        return {"type": "object", "properties": {"name": {"type": "string"}, "position": {"type": "string"}}}
    if isinstance(serializer, api_fields.DocumentListField):
        return {"type": "array", "items": ref("Document")}
    if serializer is not None and hasattr(serializer, "openapi_schema"):
        return serializer.openapi_schema
    try:
        field = model._meta.get_field(api_field.name)
    except models.FieldDoesNotExist:
        return {}
    if isinstance(field, StreamField):
        return {"type": "array", "items": ref(stream_names[field.stream_block.__class__])}
    if isinstance(field, models.DateTimeField):
        return {"type": ["string", "null"], "format": "date-time"}
    if isinstance(field, models.DateField):
        return {"type": ["string", "null"], "format": "date"}
    if isinstance(field, models.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, (models.IntegerField, models.AutoField)):
        return {"type": ["integer", "null"]}
    if isinstance(field, (models.CharField, models.TextField)):
        return {"type": "string"}
    return {}


PAGE_META = {
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "detail_url": {"type": "string"},
        "html_url": {"type": ["string", "null"]},
        "slug": {"type": "string"},
        "show_in_menus": {"type": "boolean"},
        "seo_title": {"type": "string"},
        "search_description": {"type": "string"},
        "first_published_at": {"type": ["string", "null"], "format": "date-time"},
        "alias_of": {},
        "parent": {},
        "locale": {"type": "string"},
        "translations": {"type": "array", "items": ref("Translation")},
    },
}


def page_components() -> dict:
    """One schema per page type (by its ``api_fields``), the StreamField unions, and the ``Page`` union."""
    components = {"PageMeta": PAGE_META}
    stream_names = {}
    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.stream_block.__class__ not in stream_names:
                name = field.stream_block.__class__.__name__
                stream_names[field.stream_block.__class__] = name
                components.update(stream_components(name, field.stream_block))
    page_names = []
    for model in get_page_models():
        if model._meta.abstract or not getattr(model, "api_fields", None):
            continue
        from wagtail.api import APIField

        properties = {"id": {"type": "integer"}, "meta": ref("PageMeta"), "title": {"type": "string"}}
        for api_field in model.api_fields:
            api_field = api_field if isinstance(api_field, APIField) else APIField(api_field)
            properties[api_field.name] = field_schema(model, api_field, stream_names)
        name = f"{model._meta.app_label}_{model.__name__}"
        components[name] = {
            "type": "object",
            "required": ["id", "meta"],
            "properties": properties,
            "description": f"{model._meta.label} ({model._meta.verbose_name})",
        }
        page_names.append(name)
    generic = {
        "type": "object",
        "required": ["id", "meta"],
        "properties": {"id": {"type": "integer"}, "meta": ref("PageMeta"), "title": {"type": "string"}},
    }
    components["GenericPage"] = generic
    # Listings return a subset of fields, so several page schemas may match one item: anyOf, not oneOf.
    components["Page"] = {"anyOf": [ref(name) for name in page_names] + [ref("GenericPage")]}
    return components


def only_public_api(endpoints):
    """drf-spectacular pre-processing hook: document /api/v2/ only (not the admin API, nor the schema itself)."""
    return [
        endpoint
        for endpoint in endpoints
        if endpoint[0].startswith("/api/v2/") and not endpoint[0].startswith(("/api/v2/schema/", "/api/v2/docs/"))
    ]


def add_content_components(result, generator, request, public):
    """drf-spectacular post-processing hook: add the content component schemas."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(_media_components())
    schemas.update(page_components())
    return result


class SchemaView(SpectacularAPIView):
    """The OpenAPI document as JSON."""

    renderer_classes = [OpenApiJsonRenderer]


@method_decorator(csp_update({"style-src": ["'unsafe-inline'"]}), name="dispatch")
class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI, served from drf-spectacular-sidecar's bundled assets.

    The split view serves its start-up script from ``?script`` instead of inline, so the strict
    public ``script-src 'self'`` holds; Swagger UI sets style attributes, hence inline styles here only.
    """
