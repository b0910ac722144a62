"""Serializer fields a model may name in its ``api_fields`` without importing the API package."""

from django.utils import translation
from rest_framework.fields import Field


class ChoiceField(Field):
    """A choice as ``{"code": ..., "label": ...}``; the label is in the object's own language.

    The object's language, not the request's: an English page says "Other news" to every client, so the
    response does not depend on Accept-Language (and a CDN need not vary on it).
    """

    def __init__(self, choices, **kwargs):
        self.labels = dict(getattr(choices, "choices", choices))  # a Choices class or (value, label) pairs
        self._translated: dict[tuple, str] = {}
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        locale = getattr(instance, "locale", None)
        return super().get_attribute(instance), getattr(locale, "language_code", None)

    def to_representation(self, value_and_language):
        value, language = value_and_language
        if value is None:
            return None
        language = language or translation.get_language()
        # Each field object serves one response (DRF copies declared fields per serializer): its labels are
        # translated once per language there, not once per row (``translation.override`` is not free).
        key = (value, language)
        label = self._translated.get(key)
        if label is None:
            with translation.override(language):
                label = self._translated[key] = str(self.labels.get(value, value))
        return {"code": value, "label": label}
