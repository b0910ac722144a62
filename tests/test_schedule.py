"""The leadership's work schedule (lịch công tác): a week at a time with navigation, an iCalendar feed, the API;
only approved, live, public activities leave through any of them."""

import datetime

import icalendar
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from cms.schedule.models import ScheduleEntryPage, ScheduleIndexPage
from home.models import HomePage
from tests import factories
from tests.test_api_openapi import conforms

pytestmark = pytest.mark.django_db

# Wednesday 2 December 2026: its week runs from Monday 30/11 to Sunday 6/12.
NOW = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(NOW, tick=False):
        yield


def activity(index, title, date, start="08:00", end="", publish=True, **fields):
    page = ScheduleEntryPage(
        title=title,
        slug=f"hoat-dong-{ScheduleEntryPage.objects.count()}",
        date=date,
        start_time=datetime.time.fromisoformat(start),
        end_time=datetime.time.fromisoformat(end) if end else None,
        leaders=fields.pop("leaders", "Đồng chí Chủ tịch UBND huyện"),
        venue=fields.pop("venue", "Hội trường UBND huyện"),
        live=publish,
        **fields,
    )
    return factories.add_page(index, page, publish)


@pytest.fixture
def schedule(home):
    index = factories.add_page(home, ScheduleIndexPage(title="Lịch công tác", slug="lich-cong-tac"))
    monday = datetime.date(2026, 11, 30)
    activity(index, "Giao ban đầu tuần", monday, "07:30", "09:00", participants="Các Phó Chủ tịch")
    activity(index, "Tiếp công dân định kỳ", datetime.date(2026, 12, 1), "08:00", "11:30", preparing_unit="Thanh tra")
    activity(index, "Họp Ban chỉ đạo du lịch", datetime.date(2026, 11, 30), "14:00")
    activity(index, "Phiên họp tuần trước", datetime.date(2026, 11, 26), "08:00")
    activity(index, "Lễ khai mạc ngày hội", datetime.date(2026, 12, 12), "08:00")  # a Saturday, next week
    return index


def shown(html: str, titles) -> list[str]:
    return [title for title in titles if f">{title}</a>" in html]


def test_schedule_opens_on_this_week_in_day_and_time_order(client, schedule):
    html = client.get("/vi/lich-cong-tac/").content.decode()
    assert "Tuần từ 30/11/2026 đến 06/12/2026" in html
    order = [html.index(title) for title in ("Giao ban đầu tuần", "Họp Ban chỉ đạo du lịch", "Tiếp công dân định kỳ")]
    assert order == sorted(order)
    assert shown(html, ["Phiên họp tuần trước", "Lễ khai mạc ngày hội"]) == []
    assert "Thanh tra" in html and "Các Phó Chủ tịch" in html and "07:30" in html and "09:00" in html
    assert 'href="?week=23%2F11%2F2026" rel="prev"' in html and 'href="?week=07%2F12%2F2026" rel="next"' in html
    assert html.count('<section class="schedule-day') == 5  # Monday to Friday; no weekend activity this week


@pytest.mark.parametrize("week", ["23/11/2026", "26/11/2026", "2026-11-29", " 29/11/2026 "])
def test_any_day_of_a_week_shows_that_week(client, schedule, week):
    html = client.get("/vi/lich-cong-tac/", {"week": week}).content.decode()
    assert "Tuần từ 23/11/2026 đến 29/11/2026" in html
    assert shown(html, ["Phiên họp tuần trước", "Giao ban đầu tuần"]) == ["Phiên họp tuần trước"]
    assert "Tuần này</a>" in html  # a way back to the current week


def test_a_weekend_day_appears_when_something_is_on(client, schedule):
    html = client.get("/vi/lich-cong-tac/", {"week": "07/12/2026"}).content.decode()
    assert html.count('<section class="schedule-day') == 6
    assert 'datetime="2026-12-12"' in html and 'datetime="2026-12-13"' not in html


@pytest.mark.parametrize("week", ["31/02/2024", "x", "\x00", "1/1/1800", "9" * 500, "<script>", "01/13/2024"])
def test_a_bad_week_shows_this_week_and_says_so(client, schedule, week):
    response = client.get("/vi/lich-cong-tac/", {"week": week})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày không hợp lệ" in html and "Tuần từ 30/11/2026" in html and "<script>" not in html


def test_english_schedule_speaks_english(client, locales, schedule):
    factories.translate(factories.home_page(), "en", {"title": "Home", "slug": "home"})
    factories.translate(schedule, "en", {"title": "Work schedule", "slug": "work-schedule"})
    html = client.get("/en/work-schedule/", {"week": "bad"}).content.decode()
    assert "Week from 30/11/2026 to 06/12/2026" in html and "Previous week" in html and "Invalid date" in html


def test_hidden_activities_stay_out_of_the_week_the_feed_and_the_api(client, schedule):
    draft = activity(schedule, "Họp chưa duyệt", datetime.date(2026, 12, 2), publish=False)
    expired = activity(schedule, "Họp đã hết hạn", datetime.date(2026, 12, 2))
    ScheduleEntryPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    private = activity(schedule, "Họp nội bộ", datetime.date(2026, 12, 2))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    titles = ["Họp chưa duyệt", "Họp đã hết hạn", "Họp nội bộ"]
    assert shown(client.get("/vi/lich-cong-tac/").content.decode(), titles) == []
    feed = client.get("/vi/lich-cong-tac/ical/").content.decode()
    assert [title for title in titles if title in feed] == []
    listing = client.get("/api/v2/pages/", {"type": "schedule.ScheduleEntryPage"}).json()
    assert {item["title"] for item in listing["items"]}.isdisjoint(titles)
    for page in (draft, expired, private):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_calendar_feed_is_valid_icalendar_in_the_portal_time_zone(client, schedule):
    response = client.get("/vi/lich-cong-tac/ical/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["X-WR-CALNAME"] == "Lịch công tác" and calendar["METHOD"] == "PUBLISH"
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    events = {event["SUMMARY"]: event for event in calendar.walk("VEVENT")}
    assert len(events) == 5
    briefing = events["Giao ban đầu tuần"]
    assert briefing.decoded("DTSTART") == datetime.datetime(
        2026, 11, 30, 7, 30, tzinfo=briefing.decoded("DTSTART").tzinfo
    )
    assert briefing.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=7)
    assert briefing.decoded("DTEND").hour == 9
    assert "DTEND" not in events["Họp Ban chỉ đạo du lịch"]  # no end time given: none invented
    assert briefing["LOCATION"] == "Hội trường UBND huyện"
    assert "Lãnh đạo: Đồng chí Chủ tịch UBND huyện" in briefing["DESCRIPTION"]
    assert str(briefing["URL"]).startswith("http://testserver/vi/lich-cong-tac/")
    page = ScheduleEntryPage.objects.get(title="Giao ban đầu tuần")
    assert briefing["UID"] == f"lich-cong-tac-{page.pk}@testserver"  # stable: calendars update, not duplicate
    assert '<link rel="alternate" type="text/calendar"' in client.get("/vi/lich-cong-tac/").content.decode()


def test_calendar_feed_keeps_to_its_window(client, schedule):
    activity(schedule, "Hoạt động năm ngoái", datetime.date(2025, 12, 1))
    activity(schedule, "Hoạt động năm sau nữa", datetime.date(2028, 1, 3))
    feed = client.get("/vi/lich-cong-tac/ical/").content.decode()
    assert "năm ngoái" not in feed and "năm sau nữa" not in feed


def test_api_types_the_schedule_and_points_to_the_feed(client, schedule):
    document = client.get("/api/v2/schema/").json()
    listing = client.get("/api/v2/pages/", {"type": "schedule.ScheduleEntryPage", "fields": "*"}).json()
    # Newest day first, then the day's activities by time.
    titles = [item["title"] for item in listing["items"]]
    assert titles[:2] == ["Lễ khai mạc ngày hội", "Tiếp công dân định kỳ"] and titles[-1] == "Phiên họp tuần trước"
    first = client.get(f"/api/v2/pages/{listing['items'][2]['id']}/").json()
    assert (first["date"], first["start_time"], first["end_time"]) == ("2026-11-30", "07:30", "09:00")
    for item in listing["items"]:
        conforms(document, "schedule_ScheduleEntryPageSummary", item)
    conforms(document, "schedule_ScheduleEntryPage", first)
    index = client.get(f"/api/v2/pages/{schedule.pk}/").json()
    assert index["calendar_url"] == "http://testserver/vi/lich-cong-tac/ical/"
    conforms(document, "schedule_ScheduleIndexPage", index)


def test_citizen_finds_an_activity_in_the_search(client, schedule):
    body = client.get("/api/v2/search/", {"q": "tiep cong dan"}).json()
    assert "Tiếp công dân định kỳ" in [item["title"] for item in body["items"]]


def test_activity_page_links_back_to_its_week(client, schedule):
    page = ScheduleEntryPage.objects.get(title="Phiên họp tuần trước")
    html = client.get(page.url).content.decode()
    assert "/vi/lich-cong-tac/?week=23%2F11%2F2026" in html and "26/11/2026" in html


def test_an_activity_cannot_end_before_it_starts(schedule):
    page = ScheduleEntryPage.objects.get(title="Giao ban đầu tuần")
    page.end_time = datetime.time(7, 0)
    with pytest.raises(ValidationError):
        page.full_clean()


def test_week_view_stays_within_its_query_budget(client, schedule, django_assert_max_num_queries):
    for hour in range(8, 18):
        activity(schedule, f"Làm việc lúc {hour} giờ", datetime.date(2026, 12, 3), f"{hour:02d}:00")
    url = "/vi/lich-cong-tac/?week=02/12/2026"
    client.get(url)
    with django_assert_max_num_queries(13):
        assert client.get(url).status_code == 200


class ScheduleRulesTests(WagtailPageTestCase):
    def test_activities_live_in_their_schedule(self):
        self.assertAllowedParentPageTypes(ScheduleEntryPage, {ScheduleIndexPage})
        self.assertCanCreateAt(HomePage, ScheduleIndexPage)
        self.assertCanNotCreateAt(Page, ScheduleIndexPage)
