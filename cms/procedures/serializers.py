"""How computed procedure fields leave the API (plain DRF, no API package import)."""

from rest_framework.fields import ReadOnlyField


class LinkField(ReadOnlyField):
    """An absolute URL computed from the record (the national portal's page of the procedure)."""

    openapi_schema = {"type": "string", "format": "uri"}
