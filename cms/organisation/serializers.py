"""How a unit's officials leave the API (plain DRF, no API package import)."""

from rest_framework.fields import Field

from cms.core.representations import image_representation

OFFICIAL_SCHEMA = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "position": {"type": "string"},
        "phone": {"type": "string"},
        "email": {"type": "string"},
        "photo": {"anyOf": [{"$ref": "#/components/schemas/Image"}, {"type": "null"}]},
    },
}


class OfficialListField(Field):
    """The officials of a unit, in the editors' order; a photo from a restricted collection is left out."""

    openapi_schema = {"type": "array", "items": OFFICIAL_SCHEMA}

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        return [
            {
                "name": official.name,
                "position": official.position,
                "phone": official.phone,
                "email": official.email,
                "photo": image_representation(official.public_photo()),
            }
            for official in page.officials.all()
        ]
