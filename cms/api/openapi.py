"""OpenAPI 3.1 document for /api/v2/ (drf-spectacular), with one schema per page type.

Wagtail's API v2 view sets choose their serializer per request, so drf-spectacular cannot introspect
them; ``WagtailEndpointSchema`` describes their operations and ``add_content_components`` adds the
component schemas, built from the page models' ``api_fields`` and the blocks' ``api_schema``. Plain DRF
views registered on the router are introspected by drf-spectacular as usual.
"""

import re

from csp.decorators import csp_update
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.decorators import method_decorator
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from cms.api import fields as api_fields
from cms.api.errors import ERROR_SCHEMA
from cms.core import page_types

REF = "#/components/schemas/"


def ref(name: str) -> dict:
    return {"$ref": REF + name}


def nullable(schema: dict) -> dict:
    return {"oneOf": [schema, {"type": "null"}]}


def parameter(name, description, schema=None, location="query"):
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
        parameter(
            "type",
            "Page type, as in meta.type and /api/v2/search/?type= (its fields become filterable and orderable); "
            "old short names (news, directive, ...) are still read; an unknown name answers 400",
            {"type": "string", "enum": [page_types.label(model) for model in page_types.page_models()]},
        ),
        parameter(
            "locale",
            "Language code (vi, en); unknown codes answer 400. Default: the site's default language (vi), "
            "except beside child_of, descendant_of, ancestor_of or translation_of (their page's language)",
        ),
        parameter("child_of", "Page id (or 'root'): direct children only"),
        parameter("descendant_of", "Page id: all descendants"),
        parameter("ancestor_of", "Page id: its ancestors"),
        parameter("translation_of", "Page id: its translations"),
        parameter("order", "Field to order by; '-' for descending, 'random'. News default: -date"),
        parameter("fields", "Fields to add (comma-separated), '-field' to remove, '*' for all"),
        parameter("limit", "Items per page (max 100)", {"type": "integer", "minimum": 1, "maximum": 100}),
        parameter("offset", "Items to skip", {"type": "integer", "minimum": 0}),
        parameter("document_type", "Directives: document type", choice(DocumentType)),
        parameter("issuing_agency", "Directives: issuing agency (exact)"),
        parameter("field", "Directives: sector (alias of 'sector')", choice(DocumentField)),
        parameter("sector", "Directives: sector", choice(DocumentField)),
        parameter("issued_from", "Directives: issued on or after (YYYY-MM-DD)", date),
        parameter("issued_to", "Directives: issued on or before (YYYY-MM-DD)", date),
        parameter("year", "Directives: issued in this year", {"type": "integer", "minimum": 1900, "maximum": 2200}),
        parameter("status", "Directives: derived status", choice(DirectiveStatus)),
    ]


MEDIA_PARAMETERS = [
    parameter("fields", "Fields to add, '-field' to remove, '*' for all"),
    parameter("limit", "Items per page (max 100)", {"type": "integer", "minimum": 1, "maximum": 100}),
    parameter("offset", "Items to skip", {"type": "integer", "minimum": 0}),
    parameter("order", "Field to order by"),
    parameter("search", "Full-text search"),
    parameter("site", "Host name of the portal whose media to list (aggregators); default: the request's host's"),
]

ERROR = {"description": "Invalid parameter", "content": {"application/json": {"schema": ref("Error")}}}
REDIRECT = {
    "description": "Redirect to the detail URL (absolute, on the public base URL)",
    "headers": {"Location": {"schema": {"type": "string", "format": "uri"}}},
}
NOT_FOUND = {"description": "Not found", "content": {"application/json": {"schema": ref("Error")}}}
# Any operation can answer these; the body is the same Error object as every other error.
COMMON_ERRORS = {
    "429": {"description": "Too many requests (see Retry-After)", "content": ERROR["content"]},
    "500": {"description": "Server error", "content": ERROR["content"]},
}


def json_content(schema, description="OK"):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


class WagtailEndpointSchema(AutoSchema):
    """Operations of a Wagtail API v2 endpoint (listing, detail, find)."""

    def __init__(self, item_schema: str, parameters, listing_schema: str | None = None, options=None):
        """``options``: the representation options' parameters (``cms.api.options``), read by every operation
        that returns objects (listing, detail and the pages' ``find``)."""
        super().__init__()
        self.item_schema = item_schema
        self.listing_schema = listing_schema or item_schema
        self.parameters = parameters
        self.options = options or list

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
                    "items": {"type": "array", "items": ref(self.listing_schema)},
                },
            }
            return {
                "operationId": f"{name}_list",
                "summary": f"List {name}",
                "tags": [name],
                "parameters": [*self.parameters(), *self.options()],
                "responses": {"200": json_content(listing), "400": ERROR},
            }
        if action == "detail_view":
            return {
                "operationId": f"{name}_retrieve",
                "summary": f"One of the {name} by id",
                "tags": [name],
                "parameters": [
                    parameter("id", "Object id", {"type": "integer"}, "path"),
                    *fields_param,
                    *self.options(),
                ],
                "responses": {"200": json_content(ref(self.item_schema)), "400": ERROR, "404": NOT_FOUND},
            }
        if name != "pages":
            return {
                "operationId": f"{name}_find",
                "summary": f"Redirect to one of the {name} by id",
                "tags": [name],
                "parameters": [parameter("id", "Object id", {"type": "integer"})],
                "responses": {"302": REDIRECT, "400": ERROR, "404": NOT_FOUND},
            }
        return {
            "operationId": f"{name}_find",
            "summary": "Find a page by its public path or URL",
            "tags": [name],
            "description": (
                "A page from the path the site serves (`/vi/tin-tuc/…/`, `/en/news/…/`, or a full URL such as a "
                "`html_url` or translation `url`). The language prefix picks the tree; without one the path is "
                "read in `locale`, else in the site's default language. With `locale` too, the page found is "
                "swapped for its translation in that language (404 when there is none)."
            ),
            "parameters": [
                parameter("html_path", "Public path or URL of a page"),
                parameter("id", "Page id (with `locale`: its translation)", {"type": "integer"}),
                parameter("locale", "Language of the page to return; unknown codes answer 400"),
                parameter(
                    "redirect",
                    "false: answer with the page itself instead of a 302",
                    {"type": "boolean", "default": True},
                ),
                *fields_param,
                *self.options(),
            ],
            "responses": {
                "200": json_content(ref(self.item_schema), "The page (with redirect=false)"),
                "302": REDIRECT,
                "400": ERROR,
                "404": NOT_FOUND,
            },
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
    "required": [
        "id",
        "label",
        "value",
        "total",
        "unit",
        "percentage",
        "display_value",
        "display_text",
        "reference_date",
        "locale",
    ],
    "properties": {
        "id": {"type": "integer"},
        "label": {"type": "string"},
        "value": {"type": "number"},
        "total": {"type": ["number", "null"]},
        "unit": {"type": "string"},
        "percentage": {"type": ["number", "null"], "description": "value / total × 100, when a total is set"},
        "display_value": {"type": "string", "description": "The figure without its unit, e.g. '93/180', '100'"},
        "display_text": {"type": "string", "description": "The figure with its unit, as printed: '100%', '75 hộ'"},
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


MEDIA_META = {
    "type": "object",
    "required": ["type", "detail_url", "tags", "download_url"],
    "properties": {
        "type": {"type": "string", "description": "wagtailimages.Image or wagtaildocs.Document"},
        "detail_url": {"type": "string", "format": "uri"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "download_url": {"type": "string", "format": "uri"},
    },
}


FOCAL_POINT = {
    "type": "object",
    "description": "The part of the image to keep when cropping, in the original's pixels: centre and size",
    "required": ["x", "y", "width", "height"],
    "properties": {name: {"type": "integer"} for name in ("x", "y", "width", "height")},
}


RICH_TEXT_ELEMENTS = ["paragraph", "heading", "list", "list_item", "blockquote"]


def _rich_text_components() -> dict:
    """The ``?rich_text=tree`` shape (``cms.core.rich_text_tree``): nodes discriminated by ``type``."""
    from cms.core.rich_text_tree import MARKS

    node = ref("RichTextNode")
    children = {"type": "array", "items": node}
    mapping = {
        "text": "RichTextText",
        "line_break": "RichTextEmpty",
        "horizontal_rule": "RichTextEmpty",
        "link": "RichTextLink",
        "image": "RichTextImage",
        "embed": "RichTextEmbed",
        **dict.fromkeys(RICH_TEXT_ELEMENTS, "RichTextElement"),
    }
    return {
        "RichTextTree": {
            "type": "array",
            "items": node,
            "description": "Rich text as blocks and inline marks (`?rich_text=tree`); text is plain text, never "
            "HTML. Links to hidden pages, restricted documents and unsafe URLs are left out (their text stays).",
        },
        "RichTextNode": {
            "oneOf": [ref(name) for name in dict.fromkeys(mapping.values())],
            "discriminator": {
                "propertyName": "type",
                "mapping": {key: f"#/components/schemas/{name}" for key, name in mapping.items()},
            },
        },
        "RichTextText": {
            "type": "object",
            "required": ["type", "text", "marks"],
            "properties": {
                "type": {"type": "string", "enum": ["text"]},
                "text": {"type": "string"},
                "marks": {"type": "array", "items": {"type": "string", "enum": sorted(set(MARKS.values()))}},
            },
        },
        "RichTextEmpty": {
            "type": "object",
            "required": ["type"],
            "properties": {"type": {"type": "string", "enum": ["line_break", "horizontal_rule"]}},
        },
        "RichTextElement": {
            "type": "object",
            "required": ["type", "children"],
            "properties": {
                "type": {"type": "string", "enum": RICH_TEXT_ELEMENTS},
                "level": {"type": "integer", "minimum": 1, "maximum": 6, "description": "Headings only"},
                "ordered": {"type": "boolean", "description": "Lists only"},
                "children": children,
            },
        },
        "RichTextLink": {
            "type": "object",
            "required": ["type", "link", "children"],
            "properties": {
                "type": {"type": "string", "enum": ["link"]},
                "link": ref("RichTextLinkTarget"),
                "children": children,
            },
        },
        "RichTextLinkTarget": {
            "type": "object",
            "required": ["kind", "url"],
            "properties": {
                "kind": {"type": "string", "enum": ["page", "document", "external"]},
                "id": {"type": "integer", "description": "Pages and documents: the API id"},
                "url": {"type": "string", "description": "Public URL (absolute for pages and documents)"},
                "api_url": {"type": ["string", "null"], "description": "Pages and documents: the API detail URL"},
                "page_type": {"type": ["string", "null"], "description": "Pages: `meta.type`"},
            },
        },
        "RichTextImage": {
            "type": "object",
            "required": ["type", "image", "alt", "format"],
            "properties": {
                "type": {"type": "string", "enum": ["image"]},
                "image": ref("Image"),
                "alt": {"type": "string"},
                "format": {"type": "string", "description": "The editor's image format name (e.g. left, fullwidth)"},
            },
        },
        "RichTextEmbed": {
            "type": "object",
            "required": ["type", "url"],
            "properties": {"type": {"type": "string", "enum": ["embed"]}, "url": {"type": "string"}},
        },
    }


def _image_variant() -> dict:
    from cms.core.representations import VARIANT_FORMATS

    return {
        "type": "object",
        "required": [*RENDITION["required"], "format"],
        "properties": {**RENDITION["properties"], "format": {"type": "string", "enum": list(VARIANT_FORMATS)}},
    }


def _image_properties(every_rendition: bool = True) -> dict:
    """``every_rendition``: False for /images/ items, whose renditions are {} when the original file is lost
    (in pages such an image is null)."""
    from cms.core.representations import RENDITIONS

    return {
        "focal_point": nullable(ref("FocalPoint")),
        "renditions": {
            "type": "object",
            "description": (
                "The API's fixed allowlist of renditions (no other size is made): "
                + ", ".join(f"`{name}` = `{spec}`" for name, spec in RENDITIONS.items())
                + "; `thumbnail` is cropped around the focal point"
            ),
            "required": list(RENDITIONS) if every_rendition else [],
            "properties": {name: ref("Rendition") for name in RENDITIONS},
        },
        "srcset": {
            "type": "string",
            "description": "Ready for `<img srcset>`: the uncropped renditions as `URL WIDTHw`, comma-separated",
        },
        "variants": {
            "type": "array",
            "items": ref("ImageVariant"),
            "description": "Only with `image_format` or `image_widths`: the image at each asked width (never "
            "enlarged; each resulting width once), in the asked format",
        },
        "variants_srcset": {
            "type": "string",
            "description": "Only with `image_format` or `image_widths`: `variants` as a ready `srcset`",
        },
    }


def _media_components() -> dict:
    image_properties = _image_properties()

    return {
        "Statistic": STATISTIC,
        "Visits": VISITS,
        "Error": ERROR_SCHEMA,
        "Choice": CHOICE,
        "Rendition": RENDITION,
        "FocalPoint": FOCAL_POINT,
        "ImageVariant": _image_variant(),
        **_rich_text_components(),
        "Image": {
            "type": "object",
            "required": ["id", "title", "alt", "width", "height", "focal_point", "renditions", "srcset"],
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "alt": {"type": "string"},
                "width": {"type": "integer"},
                "height": {"type": "integer"},
                **image_properties,
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
        "MediaMeta": MEDIA_META,
        "ImageItem": {
            "type": "object",
            "description": "An image; `width` and `height` in the detail (or with `fields=width,height`)",
            "required": ["id", "meta", "title", "alt", "focal_point", "renditions", "srcset"],
            "properties": {
                "id": {"type": "integer"},
                "meta": ref("MediaMeta"),
                "title": {"type": "string"},
                "width": {"type": "integer"},
                "height": {"type": "integer"},
                "alt": {"type": "string", "description": "Default alternative text ('' when none)"},
                **_image_properties(every_rendition=False),
            },
        },
        "DocumentItem": {
            "type": "object",
            "required": ["id", "meta", "title", "url", "size", "file_type"],
            "properties": {
                "id": {"type": "integer"},
                "meta": ref("MediaMeta"),
                "title": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
                "size": {"type": ["integer", "null"], "description": "Bytes; null when the file is missing"},
                "file_type": {"type": "string", "description": "Extension, e.g. pdf"},
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
    serializer = api_fields.serializer_for(model, api_field)
    if isinstance(serializer, api_fields.ImageField):
        return nullable(ref("Image"))
    if isinstance(serializer, api_fields.ChoiceField):
        return ref("Choice")
    if isinstance(serializer, api_fields.DocumentListField):
        return {"type": "array", "items": ref("Document")}
    if serializer is not None and hasattr(serializer, "openapi_schema"):
        return serializer.openapi_schema
    try:
        field = model._meta.get_field(api_field.name)
    except FieldDoesNotExist:
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


PAGE_META_PROPERTIES = {
    "type": {"type": "string", "description": "Page type, `app_label.ModelName` (the same as the item's `type`)"},
    "detail_url": {"type": "string", "format": "uri"},
    "html_url": {"type": ["string", "null"], "format": "uri"},
    "slug": {"type": "string"},
    "first_published_at": {"type": ["string", "null"], "format": "date-time"},
    "locale": {"type": "string"},
    "translations": {"type": "array", "items": ref("Translation")},
    "show_in_menus": {"type": "boolean"},
    "seo_title": {"type": "string"},
    "search_description": {"type": "string"},
    "alias_of": nullable(ref("PageReference")),
    "parent": nullable(ref("PageReference")),
}
# What listings carry by default; details add the rest (``fields=-name`` removes a field from either).
PAGE_LISTING_META = ["type", "detail_url", "html_url", "slug", "first_published_at", "locale", "translations"]
PAGE_REFERENCE = {
    "type": "object",
    "description": "A parent or alias: enough to link to it",
    "required": ["id", "type", "meta", "title"],
    "properties": {
        "id": {"type": "integer"},
        "type": {"type": "string"},
        "meta": {
            "type": "object",
            "required": ["type", "detail_url", "html_url"],
            "properties": {name: PAGE_META_PROPERTIES[name] for name in ("type", "detail_url", "html_url")},
        },
        "title": {"type": "string"},
    },
}


def _api_field_names(model) -> list[str]:
    from wagtail.api import APIField

    return [field.name if isinstance(field, APIField) else field for field in getattr(model, "api_fields", [])]


def _page_schema(model, stream_names, detail: bool) -> dict:
    """One page type: every field it declares, required in the detail (the default field set)."""
    from wagtail.api import APIField

    type_name = model._meta.label
    properties = {
        "id": {"type": "integer"},
        "type": {"type": "string", "const": type_name, "description": "Discriminator: the page type"},
        "meta": ref("PageDetailMeta" if detail else "PageMeta"),
        "title": {"type": "string"},
    }
    for api_field in getattr(model, "api_fields", []):
        api_field = api_field if isinstance(api_field, APIField) else APIField(api_field)
        properties[api_field.name] = field_schema(model, api_field, stream_names)
    if detail:
        properties["preview"] = ref("PreviewInfo")
    required = ["id", "type", "meta", "title", *(_api_field_names(model) if detail else [])]
    kind = "detail" if detail else "listing item (its own fields only with `type=` and `fields=`)"
    return {
        "type": "object",
        "required": required,
        "properties": properties,
        "description": f"{type_name} ({model._meta.verbose_name}): {kind}",
    }


def page_components() -> dict:
    """Per page type a detail and a listing schema, the StreamField unions, and the two discriminated unions.

    ``Page`` (details) and ``PageSummary`` (listing items) are ``oneOf`` with a discriminator on the
    top-level ``type`` (the same value as ``meta.type``), so generated clients narrow a page by its type.
    """
    components = {
        "PageMeta": {"type": "object", "required": PAGE_LISTING_META, "properties": PAGE_META_PROPERTIES},
        "PageDetailMeta": {
            "type": "object",
            "required": list(PAGE_META_PROPERTIES),
            "properties": PAGE_META_PROPERTIES,
        },
        "PageReference": PAGE_REFERENCE,
        "PreviewInfo": {
            "type": "object",
            "description": "Only in headless preview responses (`/api/v2/preview/{page_id}/`): the revision shown",
            "required": ["revision", "created_at"],
            "properties": {"revision": {"type": "integer"}, "created_at": {"type": "string", "format": "date-time"}},
        },
    }
    stream_names = {}
    models_ = [model for model in get_page_models() if not model._meta.abstract]
    for model in models_:
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.stream_block.__class__ not in stream_names:
                name = field.stream_block.__class__.__name__
                stream_names[field.stream_block.__class__] = name
                components.update(stream_components(name, field.stream_block))
    details, summaries = {}, {}
    for model in sorted(models_, key=lambda model: model._meta.label):
        name = f"{model._meta.app_label}_{model.__name__}"
        components[name] = _page_schema(model, stream_names, detail=True)
        components[f"{name}Summary"] = _page_schema(model, stream_names, detail=False)
        details[model._meta.label] = REF + name
        summaries[model._meta.label] = REF + f"{name}Summary"
    for union, mapping, description in (
        ("Page", details, "A page (detail), by its type"),
        ("PageSummary", summaries, "A page in a listing, by its type"),
    ):
        components[union] = {
            "description": description,
            "oneOf": [{"$ref": target} for target in mapping.values()],
            "discriminator": {"propertyName": "type", "mapping": mapping},
        }
    return components


def only_public_api(endpoints):
    """drf-spectacular pre-processing hook: document /api/v2/ only (not the admin API, nor the schema itself)."""
    return [
        endpoint
        for endpoint in endpoints
        if endpoint[0].startswith("/api/v2/") and not endpoint[0].startswith(("/api/v2/schema", "/api/v2/docs/"))
    ]


NOT_MODIFIED = {
    "description": "Not modified: the `If-None-Match` or `If-Modified-Since` validator still holds (no body)",
    "headers": {"ETag": {"schema": {"type": "string"}}},
}
VALIDATORS = {
    "ETag": {"description": "Send back as `If-None-Match` to get a 304", "schema": {"type": "string"}},
    "Last-Modified": {"description": "Send back as `If-Modified-Since`", "schema": {"type": "string"}},
    "Cache-Control": {"schema": {"type": "string"}},
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}}
SECURITY_SCHEMES = {
    "cookieAuth": {
        "type": "apiKey",
        "in": "cookie",
        "name": "sessionid",
        "description": "The Wagtail admin session (an editor signed in to /admin/)",
    },
    "previewToken": {
        "type": "apiKey",
        "in": "header",
        "name": "X-Preview-Token",
        "description": "A headless preview ticket or token (see the preview operations); never in the URL",
    },
}


def _shape(path: str) -> str:
    """A path with its parameters unnamed: URL patterns say ``{pk}`` where the document says ``{id}``."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def _inspect_views(generator) -> tuple[set[tuple[str, str]], dict]:
    """(path, method) of the operations whose view answers conditional GETs (``CachedResponseMixin``), and
    the component schemas views bring along (a view's ``openapi_components``, e.g. search's results)."""
    from cms.api.http_cache import CachedResponseMixin

    cached, components = set(), {}
    for path, _regex, method, callback in generator.endpoints or []:
        view = getattr(callback, "cls", None)
        if view is None:
            continue
        components.update(getattr(view, "openapi_components", {}))
        if issubclass(view, CachedResponseMixin) and method == "GET":
            cached.add((_shape(path), "get"))
    return cached, components


def _summary(operation) -> str:
    """A view's docstring's first sentence (drf-spectacular made it the description), else its operation id."""
    description = operation.get("description", "").strip()
    if description:
        return description.split("\n")[0].split(". ")[0].rstrip(".")
    return operation["operationId"].replace("_", " ").capitalize()


def add_content_components(result, generator, request, public):
    """drf-spectacular post-processing hook: content schemas, servers, security, 304/429/500 everywhere.

    The document's default security is anonymous (``[{}]``); operations that need credentials name their
    scheme (``previewToken``, ``cookieAuth``), so generated clients ask for credentials only there.
    ``servers`` is the public base URL (``cms.core.public_urls``) the document was asked on.
    """
    from cms.core import public_urls

    cached, view_components = _inspect_views(generator)
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for code, response in COMMON_ERRORS.items():
                responses.setdefault(code, dict(response))
            responses["429"]["headers"] = RETRY_AFTER
            for code, response in responses.items():
                if code[0] in "45":  # one error object, whatever view answers
                    response["content"] = ERROR["content"]
                if not response.get("description"):
                    response["description"] = "OK" if code[0] == "2" else "Error"
            if (_shape(path), method) in cached:
                responses["304"] = NOT_MODIFIED
                if "200" in responses:
                    responses["200"]["headers"] = {**VALIDATORS, **responses["200"].get("headers", {})}
            if operation.get("security") in ([], [{}]):
                del operation["security"]  # anonymous: the document's default below
            operation.setdefault("summary", _summary(operation))
    result["security"] = [{}]
    base = public_urls.base_url(request)
    if base:
        result["servers"] = [{"url": base, "description": "This portal (its public base URL)"}]
    components = result.setdefault("components", {})
    components["securitySchemes"] = SECURITY_SCHEMES
    schemas = components.setdefault("schemas", {})
    schemas.update(view_components)
    schemas.update(_media_components())
    schemas.update(page_components())
    return result


class SchemaView(SpectacularAPIView):
    """The OpenAPI document as JSON (``schema/``)."""

    renderer_classes = [OpenApiJsonRenderer]
    download_name = "openapi.json"

    def _get_filename(self, request, version):
        # drf-spectacular names the download after TITLE, whose Vietnamese letters end up as an RFC 2047
        # encoded-word (not a valid Content-Disposition): an ASCII name instead.
        return self.download_name


class YamlSchemaView(SchemaView):
    """The same document as YAML (``schema.yaml``), whatever the request's Accept header says."""

    renderer_classes = [OpenApiYamlRenderer]
    download_name = "openapi.yaml"

    def perform_content_negotiation(self, request, force=False):
        renderer = OpenApiYamlRenderer()
        return renderer, renderer.media_type


@method_decorator(csp_update({"style-src": ["'unsafe-inline'"]}), name="dispatch")
class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI, served from drf-spectacular-sidecar's bundled assets.

    The split view serves its start-up script from ``?script`` instead of inline, so the strict
    public ``script-src 'self'`` holds; Swagger UI sets style attributes, hence inline styles here only.
    """
