"""How the API serialises the fields that page models name in their ``api_fields`` lists.

Models declare plain ``APIField("name")`` and never import this package: ``serializer_for`` picks the
serializer from the model field's kind (an image, a choice, a StreamField, a list of attached documents).
A field the kinds do not cover brings its own serializer (one with an ``openapi_schema`` is documented as such).
"""

from django.core.exceptions import FieldDoesNotExist
from rest_framework.fields import Field
from wagtail.api.rich_text import APIRichText
from wagtail.api.v2.serializers import RichTextFieldSerializer
from wagtail.fields import RichTextField, StreamField

from cms.core.api_fields import ChoiceField


def _store_lookup(model, pk):
    from cms.api.prefetch import visible_for_api
    from cms.core.store import active_store

    if pk is None:
        return None
    store = active_store()
    if store is not None and store.knows(model, [pk]):
        return store.get(model, pk)
    return visible_for_api(model).filter(pk=pk).first()


class ImageField(Field):
    """A foreign key to an image, as an object with renditions (null if hidden)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return getattr(instance, f"{self.source}_id")

    def to_representation(self, value):
        from wagtail.images import get_image_model

        from cms.core.representations import image_representation

        return image_representation(_store_lookup(get_image_model(), value))


class DocumentListField(Field):
    """Inline document records (``document`` foreign key, optional ``title``), hidden files dropped."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return list(getattr(instance, self.source).all())

    def to_representation(self, items):
        from wagtail.documents import get_document_model

        from cms.core.representations import document_representation

        model = get_document_model()
        representations = [
            document_representation(_store_lookup(model, item.document_id), title=getattr(item, "title", ""))
            for item in items
        ]
        return [item for item in representations if item is not None]


class PageStreamField(Field):
    """A page's StreamField, rendered with the page in the blocks' context.

    Wagtail's own field passes only the request, so blocks could not tell the page's language; the statistics
    block uses ``context["page"]`` to inline each statistic's translation in that language.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance, getattr(instance, self.source)

    def to_representation(self, page_and_value):
        from cms.api import streams
        from cms.core.store import active_store

        page, value = page_and_value
        remembered = streams.active(active_store())
        if remembered is not None and remembered.knows(page, self.source):
            return remembered.get(page, self.source)
        representation = value.stream_block.get_api_representation(value, {**self.context, "page": page})
        if remembered is not None:
            remembered.keep(page, self.source, representation)
        return representation


# Wagtail's stored forms name pages and documents by id, hidden ones included: the public gets their rendered
# counterparts, whose links the public link handlers resolve (cms.core.rich_text).
PUBLIC_RICH_TEXT_FORMATS = {"db_html": "html", "db_markdown": "markdown"}


class RichTextTreeField(RichTextFieldSerializer):
    """A ``RichTextField``: Wagtail's (``?rich_text_format=html`` by default, or ``markdown``; the stored forms
    are given rendered), or the JSON tree of ``cms.core.rich_text_tree`` with ``?rich_text=tree``
    (``cms.api.options``), as the body's paragraphs."""

    openapi_schema = {
        "oneOf": [
            {"type": "string", "description": "Rich text in Wagtail's `?rich_text_format=` (HTML with public links)"},
            {"$ref": "#/components/schemas/RichTextTree"},
        ],
        "description": "The `RichTextTree` with `?rich_text=tree`.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        from cms.core.representations import active_options
        from cms.core.rich_text_tree import rich_text_tree

        if active_options().rich_text == "tree":
            return rich_text_tree(value or "")
        request = self.context.get("request")
        requested = self.context.get("_wagtail_rich_text_format") or APIRichText.resolve_format(
            request.GET.get("rich_text_format") if request is not None else None
        )
        self.context["_wagtail_rich_text_format"] = PUBLIC_RICH_TEXT_FORMATS.get(requested, requested)
        return super().to_representation(value)


def serializer_for(model, api_field):
    """The serializer of one of ``model``'s ``api_fields``: its own if it declares one, else by the field's kind."""
    if api_field.serializer is not None:
        return api_field.serializer
    try:
        field = model._meta.get_field(api_field.name)
    except FieldDoesNotExist:
        return None
    from wagtail.images import get_image_model

    if isinstance(field, StreamField):
        return PageStreamField()
    if isinstance(field, RichTextField):
        return RichTextTreeField()
    if field.many_to_one and issubclass(field.related_model, get_image_model()):
        return ImageField()
    if getattr(field, "flatchoices", None):
        return ChoiceField(field.flatchoices)
    if field.one_to_many and _document_of(field.related_model) is not None:
        return DocumentListField()
    return None


def _document_of(model):
    """The ``document`` foreign key of an attachment row model, if it has one."""
    from wagtail.documents import get_document_model

    try:
        field = model._meta.get_field("document")
    except FieldDoesNotExist:
        return None
    return field if field.many_to_one and issubclass(field.related_model, get_document_model()) else None


def serializer_overrides(model) -> dict:
    """Field name -> serializer for every one of ``model``'s ``api_fields`` that has one."""
    from wagtail.api import APIField

    overrides = {}
    for api_field in getattr(model, "api_fields", []):
        api_field = api_field if isinstance(api_field, APIField) else APIField(api_field)
        serializer = serializer_for(model, api_field)
        if serializer is not None:
            overrides[api_field.name] = serializer
    return overrides
