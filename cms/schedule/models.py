"""The leadership's work schedule ("lịch công tác", as NukeViet portals publish it): one page per activity under a
schedule page that shows a week at a time, with week navigation and an iCalendar feed.

Each activity is a page, so it goes through the approval workflow, translation, the API, the search and the
publication rule (cms/core/visibility.py) like every other page; the week view and the feed list only what
``visible_pages`` lets through."""

import datetime
from urllib.parse import urlencode, urlsplit

from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from cms.core import public_urls, visibility
from cms.core.dates import INPUT_PATTERN, parse_date
from cms.core.pages import IndexPage, PortalPage
from cms.core.search_document import SearchDocument
from cms.schedule.calendar import build_calendar
from cms.schedule.serializers import CalendarLinkField, ClockTimeField

# Wagtail serves page paths made of words and slashes only (wagtail/urls.py ``serve_pattern``), so the feed is a
# route below the page ending in a slash; the file name a download gets is ``CALENDAR_FILENAME``.
CALENDAR_PATH = "ical/"
CALENDAR_FILENAME = "lich-cong-tac.ics"
# The feed holds the recent past and the months ahead, not the whole archive.
CALENDAR_WEEKS_BACK = 4
CALENDAR_WEEKS_AHEAD = 26
CALENDAR_MAX_EVENTS = 500
WEEKDAYS = 5  # Monday to Friday are always shown; Saturday and Sunday only when something is on.


def today() -> datetime.date:
    return timezone.localdate()


def week_start(day: datetime.date) -> datetime.date:
    """The Monday of ``day``'s week (ISO weeks, as Vietnamese schedules run)."""
    return day - datetime.timedelta(days=day.weekday())


class ScheduleIndexPage(RoutablePageMixin, IndexPage):
    """The work schedule: a week of activities (``?week=dd/mm/yyyy``, any day of it), and ``lich.ics``."""

    parent_page_types = ["home.HomePage", "pages.ContentPage"]
    subpage_types = ["schedule.ScheduleEntryPage"]
    show_in_menus_default = True

    api_fields = [*IndexPage.api_fields, APIField("calendar_url", serializer=CalendarLinkField())]

    class Meta:
        verbose_name = _("Trang lịch công tác")
        verbose_name_plural = _("Trang lịch công tác")

    @property
    def calendar_url(self) -> str | None:
        """The iCalendar feed's address (absolute inside API responses)."""
        url = self.url
        return public_urls.absolute(f"{url}{CALENDAR_PATH}") if url else None

    def get_entries(self):
        return visibility.visible_pages(queryset=ScheduleEntryPage.objects.child_of(self)).order_by(
            "date", "start_time", "pk"
        )

    def read_week(self, request) -> tuple[datetime.date, str]:
        """The Monday of the asked week, and the value when it was not a date (then this week is shown)."""
        value = request.GET.get("week", "")[:40]
        if value.strip():
            try:
                return week_start(parse_date(value)), ""
            except ValueError:
                return week_start(today()), value
        return week_start(today()), ""

    def week_days(self, monday: datetime.date) -> list[dict]:
        """Each day of the week with its activities, in order; Saturday and Sunday only when something is on."""
        sunday = monday + datetime.timedelta(days=6)
        entries = list(self.get_entries().filter(date__range=(monday, sunday)))
        days = []
        for offset in range(7):
            day = monday + datetime.timedelta(days=offset)
            items = [entry for entry in entries if entry.date == day]
            if offset < WEEKDAYS or items:
                days.append({"date": day, "entries": items, "today": day == today()})
        return days

    def week_url(self, monday: datetime.date) -> str:
        return "?" + urlencode({"week": monday.strftime("%d/%m/%Y")})

    @path("")
    def week_view(self, request):
        monday, bad_week = self.read_week(request)
        sunday = monday + datetime.timedelta(days=6)
        this_monday = week_start(today())
        context = {
            "monday": monday,
            "sunday": sunday,
            "days": self.week_days(monday),
            "bad_week": bad_week,
            "is_this_week": monday == this_monday,
            "previous_url": self.week_url(monday - datetime.timedelta(days=7)),
            "next_url": self.week_url(monday + datetime.timedelta(days=7)),
            "this_week_url": self.week_url(this_monday),
            "week_value": monday.strftime("%d/%m/%Y"),
            "date_pattern": INPUT_PATTERN,
            "calendar_path": CALENDAR_PATH,
        }
        return self.render(request, context_overrides=context)

    @path(CALENDAR_PATH)
    def calendar_feed(self, request):
        start = week_start(today()) - datetime.timedelta(weeks=CALENDAR_WEEKS_BACK)
        end = week_start(today()) + datetime.timedelta(weeks=CALENDAR_WEEKS_AHEAD)
        entries = self.get_entries().filter(date__range=(start, end))[:CALENDAR_MAX_EVENTS]
        base = public_urls.base_url(request)
        with public_urls.absolute_urls(request):
            body = build_calendar(self.title, entries, urlsplit(base).hostname or "localhost")
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{CALENDAR_FILENAME}"'
        return response


class ScheduleEntryPage(PortalPage):
    """One activity of the leadership: when, who leads it, what, where, with whom, prepared by which unit."""

    date = models.DateField(_("Ngày"), default=today, db_index=True)
    start_time = models.TimeField(_("Giờ bắt đầu"))
    end_time = models.TimeField(_("Giờ kết thúc"), null=True, blank=True)
    leaders = models.CharField(
        _("Lãnh đạo chủ trì"), max_length=255, help_text=_("Ví dụ: Đồng chí Chủ tịch UBND huyện.")
    )
    venue = models.CharField(_("Địa điểm"), max_length=255)
    participants = models.TextField(_("Thành phần"), blank=True)
    preparing_unit = models.CharField(_("Đơn vị chuẩn bị"), max_length=255, blank=True)

    content_panels = [
        FieldPanel("title", heading=_("Nội dung công việc")),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("leaders"),
        FieldPanel("venue"),
        MultiFieldPanel([FieldPanel("participants"), FieldPanel("preparing_unit")], heading=_("Chuẩn bị")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("leaders"),
        index.SearchField("venue"),
        index.SearchField("participants"),
        index.FilterField("date"),
    ]

    api_listing_fields = ["date", "start_time", "end_time", "leaders", "venue"]
    api_fields = [
        APIField("date"),
        APIField("start_time", serializer=ClockTimeField()),
        APIField("end_time", serializer=ClockTimeField()),
        APIField("leaders"),
        APIField("venue"),
        APIField("participants"),
        APIField("preparing_unit"),
    ]
    api_default_order = ["-date", "start_time", "pk"]

    parent_page_types = ["schedule.ScheduleIndexPage"]
    subpage_types = []
    show_in_menus_default = False
    # An activity is one line of the week's schedule: at an equal match the unit or document it names comes
    # first, and a weekly "Giao ban Thường trực UBND huyện" never buries "Lãnh đạo UBND huyện".
    search_listing_entry = True

    class Meta:
        verbose_name = _("Lịch công tác")
        verbose_name_plural = _("Lịch công tác")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("Giờ kết thúc phải sau giờ bắt đầu.")})

    def week_url(self) -> str:
        """The schedule page at this activity's week."""
        parent = self.get_parent()
        return f"{parent.url}?{urlencode({'week': week_start(self.date).strftime('%d/%m/%Y')})}"

    def search_document(self) -> SearchDocument:
        body = [text for text in (self.venue, self.participants, self.preparing_unit) if text]
        return SearchDocument(title=self.title, date=self.date, body=body, keywords=[self.leaders])
