"""Serializer fields that page models name in their ``api_fields`` lists.

Kept free of model imports so ``news/models.py`` can import it while models load.
"""

from rest_framework.fields import Field


def _store_lookup(model, pk):
    from cms.api.prefetch import active_store
    from cms.api.visibility import visible_objects

    if pk is None:
        return None
    store = active_store()
    if store is not None and store.knows(model, [pk]):
        return store.get(model, pk)
    return visible_objects(model).filter(pk=pk).first()


class ImageField(Field):
    """A foreign key to an image, as an object with renditions (null if hidden)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return getattr(instance, f"{self.source}_id")

    def to_representation(self, value):
        from wagtail.images import get_image_model

        from cms.api.representations import image_representation

        return image_representation(_store_lookup(get_image_model(), value))


class ChoiceField(Field):
    """A choice as ``{"code": ..., "label": ...}``; the label follows the request language."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        label = self.choices(value).label if value in self.choices.values else value
        return {"code": value, "label": str(label)}


class SignerField(Field):
    """The signer of a directive: name and position."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        return {"name": page.signer_name, "position": page.signer_position}


class DocumentListField(Field):
    """Inline document records (``document`` foreign key, optional ``title``), hidden files dropped."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return list(getattr(instance, self.source).all())

    def to_representation(self, items):
        from wagtail.documents import get_document_model

        from cms.api.representations import document_representation

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
        page, value = page_and_value
        return value.stream_block.get_api_representation(value, {**self.context, "page": page})
