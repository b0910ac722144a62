"""How the web links leave the API (plain DRF, no API package import)."""

from rest_framework.fields import Field

LINK_SCHEMA = {
    "type": "object",
    "properties": {
        "category": {"$ref": "#/components/schemas/Choice"},
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "show_in_footer": {"type": "boolean"},
    },
    "required": ["category", "title", "url", "show_in_footer"],
}


class WebLinkListField(Field):
    """The page's links in the editors' order, each with its category as ``{"code", "label"}``."""

    openapi_schema = {"type": "array", "items": LINK_SCHEMA}

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        from django.utils import translation

        with translation.override(page.locale.language_code):
            return [
                {
                    "category": {"code": link.category, "label": str(link.get_category_display())},
                    "title": link.title,
                    "url": link.url,
                    "show_in_footer": link.show_in_footer,
                }
                for link in page.links.all()
            ]
