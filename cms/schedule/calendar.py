"""The work schedule as an iCalendar feed (RFC 5545), written with the ``icalendar`` library."""

import datetime
import zoneinfo

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.core import public_urls

PRODUCT_ID = "-//Cong thong tin dien tu//Lich cong tac//VI"


def entry_description(entry) -> str:
    lines = [f"{_('Lãnh đạo')}: {entry.leaders}"]
    if entry.participants:
        lines.append(f"{_('Thành phần')}: {entry.participants}")
    if entry.preparing_unit:
        lines.append(f"{_('Đơn vị chuẩn bị')}: {entry.preparing_unit}")
    return "\n".join(lines)


def build_calendar(name: str, entries, host: str) -> bytes:
    """One VEVENT per entry, in the portal's time zone; UIDs stay the same across rebuilds."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for entry in entries:
        event = icalendar.Event()
        event.add("uid", f"lich-cong-tac-{entry.pk}@{host}")
        event.add("dtstamp", entry.last_published_at or timezone.now())
        event.add("dtstart", datetime.datetime.combine(entry.date, entry.start_time, tzinfo=zone))
        if entry.end_time and entry.end_time > entry.start_time:
            event.add("dtend", datetime.datetime.combine(entry.date, entry.end_time, tzinfo=zone))
        event.add("summary", entry.title)
        if entry.venue:
            event.add("location", entry.venue)
        event.add("description", entry_description(entry))
        event.add("url", public_urls.absolute(entry.url))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
