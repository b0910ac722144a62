"""How schedule fields leave the API (plain DRF, no API package import)."""

from rest_framework.fields import ReadOnlyField, TimeField


class ClockTimeField(TimeField):
    """A local time of day, ``"08:00"`` (the portal's time zone, Asia/Ho_Chi_Minh)."""

    openapi_schema = {"type": ["string", "null"], "pattern": r"^\d{2}:\d{2}$"}

    def __init__(self, **kwargs):
        kwargs.setdefault("format", "%H:%M")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


class CalendarLinkField(ReadOnlyField):
    """The iCalendar feed's absolute URL."""

    openapi_schema = {"type": ["string", "null"], "format": "uri"}
