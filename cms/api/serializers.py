"""Page, image and document serializers: Wagtail API v2's, plus translations and media details."""

from django.urls.exceptions import NoReverseMatch
from rest_framework.fields import Field, SkipField
from wagtail.api.v2.serializers import PageAliasOfField, PageParentField, PageSerializer, get_serializer_class
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.images.api.v2.serializers import ImageSerializer

from cms.core import public_urls, representations
from cms.core.page_urls import page_url
from cms.core.store import active_store

# A primary key no URL contains otherwise: the detail URL is reversed once with it, then filled in per object.
_PLACEHOLDER_PK = 918273645


class WholeObjectField(Field):
    """A read-only field computed from the whole object (``source="*"``)."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)


class PublicDetailUrlField(WholeObjectField):
    """``meta.detail_url`` on the public base URL (Wagtail's uses the site record's root URL)."""

    def get_attribute(self, instance):
        path = self._detail_path(type(instance), instance.pk)
        if path is None:
            raise SkipField  # no endpoint for this model: no detail URL, as in Wagtail
        return public_urls.absolute(path, self.context["request"])

    def _detail_path(self, model, pk):
        """The router's path (``reverse`` of the endpoint's detail URL), reversed once per response and model:
        the ``<int:pk>`` URL differs only by the number."""
        router = self.context["router"]
        store = active_store()
        if store is None or not isinstance(pk, int):
            return router.get_object_detail_urlpath(model, pk)
        key = ("detail-path", router, model)
        if key not in store.memo:
            path = router.get_object_detail_urlpath(model, _PLACEHOLDER_PK)
            parts = path.split(str(_PLACEHOLDER_PK)) if path is not None else None
            store.memo[key] = parts if parts is None or len(parts) == 2 else False
        parts = store.memo[key]
        if parts is False:
            return router.get_object_detail_urlpath(model, pk)
        return None if parts is None else f"{parts[0]}{pk}{parts[1]}"

    def to_representation(self, url):
        return url


class PublicHtmlUrlField(WholeObjectField):
    """``meta.html_url``: the page's public URL on the public base URL (None if it has no route)."""

    def to_representation(self, page):
        request = self.context.get("request")
        try:
            return public_urls.absolute(page_url(page, request), request)
        except NoReverseMatch:
            return None


def _page_reference(value, context):
    """A parent or alias reference: id, type, detail and HTML URLs, title (all URLs public)."""
    serializer_class = get_serializer_class(
        value.__class__,
        ["id", "type", "detail_url", "html_url", "title"],
        meta_fields=["type", "detail_url", "html_url"],
        base=PortalPageSerializer,
    )
    return serializer_class(context=context).to_representation(value)


class PublicParentField(PageParentField):
    def to_representation(self, value):
        return _page_reference(value, self.context)


class PublicAliasOfField(PageAliasOfField):
    def to_representation(self, value):
        return _page_reference(value, self.context)


class TranslationsField(WholeObjectField):
    """Published translations of a page (locale, id, url), for language switchers."""

    def to_representation(self, page):
        from cms.api.prefetch import translations_for

        store = active_store()
        translations = translations_for(store, [page])
        request = self.context.get("request")
        return [
            {
                "locale": other.locale.language_code,
                "id": other.pk,
                "url": public_urls.absolute(page_url(other, request), request),
            }
            for other in translations.get(page.translation_key, [])
            if other.pk != page.pk
        ]


class PortalPageSerializer(PageSerializer):
    detail_url = PublicDetailUrlField()
    html_url = PublicHtmlUrlField()
    parent = PublicParentField(read_only=True)
    alias_of = PublicAliasOfField(read_only=True)
    translations = TranslationsField()

    def to_representation(self, instance):
        """Wagtail's representation with the page type also at the top level, beside ``id``.

        ``type`` is the OpenAPI discriminator of the ``Page`` union: generators narrow a union only by a
        top-level property, never by ``meta.type``. It is always present, whatever ``?fields=`` asks.
        """
        data = super().to_representation(instance)
        model = instance.specific_class or type(instance)
        representation = {"id": data.pop("id")} if "id" in data else {}
        representation["type"] = model._meta.label
        representation.update(data)
        return representation


class ImageDetailsField(WholeObjectField):
    """One key of the image's shared representation (``cms.core.representations``)."""

    def __init__(self, key, empty, **kwargs):
        self.key, self.empty = key, empty
        super().__init__(**kwargs)

    def to_representation(self, image):
        representation = representations.image_representation(image)
        return representation.get(self.key, self.empty) if representation else self.empty


class AltField(WholeObjectField):
    def to_representation(self, image):
        return image.default_alt_text or ""


class PublicFileUrlField(WholeObjectField):
    """``meta.download_url`` of an image or document, on the public base URL."""

    def __init__(self, url_of, **kwargs):
        self.url_of = url_of
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return public_urls.absolute(self.url_of(instance), self.context.get("request"))


class PortalImageSerializer(ImageSerializer):
    detail_url = PublicDetailUrlField()
    download_url = PublicFileUrlField(lambda image: image.file.url)
    alt = AltField()
    renditions = ImageDetailsField("renditions", {})
    srcset = ImageDetailsField("srcset", "")
    focal_point = ImageDetailsField("focal_point", None)
    variants = ImageDetailsField("variants", [])
    variants_srcset = ImageDetailsField("variants_srcset", "")

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not representations.variant_specs():  # only asked for (``cms.api.options``)
            data.pop("variants", None)
            data.pop("variants_srcset", None)
        return data


class DocumentDetailsField(WholeObjectField):
    def __init__(self, key, **kwargs):
        self.key = key
        super().__init__(**kwargs)

    def to_representation(self, document):
        return representations.document_representation(document)[self.key]


class PortalDocumentSerializer(DocumentSerializer):
    detail_url = PublicDetailUrlField()
    download_url = PublicFileUrlField(lambda document: document.url)
    url = DocumentDetailsField("url")
    size = DocumentDetailsField("size")
    file_type = DocumentDetailsField("file_type")
