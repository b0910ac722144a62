"""How directive fields that are not one model field leave the API (plain DRF, no API package import)."""

from rest_framework.fields import Field


class SignerField(Field):
    """The signer of a directive: name and position."""

    openapi_schema = {"type": "object", "properties": {"name": {"type": "string"}, "position": {"type": "string"}}}

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        return {"name": page.signer_name, "position": page.signer_position}
