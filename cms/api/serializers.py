"""Page, image and document serializers: Wagtail API v2's, plus translations and media details."""

from rest_framework.fields import Field
from wagtail.api.v2.serializers import PageSerializer
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.images.api.v2.serializers import ImageSerializer

from cms.api import representations


class TranslationsField(Field):
    """Published translations of a page (locale, id, url), for language switchers."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        from cms.api.prefetch import active_store, translations_for

        store = active_store()
        translations = translations_for(store, [page])
        request = self.context.get("request")
        return [
            {"locale": other.locale.language_code, "id": other.pk, "url": other.get_url(request=request)}
            for other in translations.get(page.translation_key, [])
            if other.pk != page.pk
        ]


class PortalPageSerializer(PageSerializer):
    translations = TranslationsField()


class RenditionsField(Field):
    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, image):
        representation = representations.image_representation(image)
        return representation["renditions"] if representation else {}


class AltField(Field):
    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, image):
        return image.default_alt_text or ""


class PortalImageSerializer(ImageSerializer):
    alt = AltField()
    renditions = RenditionsField()


class DocumentDetailsField(Field):
    def __init__(self, key, **kwargs):
        self.key = key
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, document):
        return representations.document_representation(document)[self.key]


class PortalDocumentSerializer(DocumentSerializer):
    url = DocumentDetailsField("url")
    size = DocumentDetailsField("size")
    file_type = DocumentDetailsField("file_type")
