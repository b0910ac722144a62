"""Demo work schedule of Mộc Châu district: the leadership's activities of last, this and next week, Vietnamese and
English. Dates are counted from the week the demo is loaded, so the schedule page opens on a full week.

The people are those of the demo organisation (invented); the activities are written for the demo."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from cms.core.text import slugify_vi
from cms.demo.english import translate
from cms.schedule.models import ScheduleEntryPage, ScheduleIndexPage, week_start

INDEX = {
    "vi": {
        "title": "Lịch công tác",
        "slug": "lich-cong-tac",
        "intro": "Lịch công tác tuần của Thường trực Ủy ban nhân dân huyện. Lịch có thể thay đổi; thông tin chính "
        "thức theo thông báo của Văn phòng HĐND và UBND huyện.",
    },
    "en": {
        "title": "Work schedule",
        "slug": "work-schedule",
        "intro": "The weekly schedule of the standing members of the District People's Committee. It may change; the "
        "Office of the District People's Council and Committee gives the official notice.",
    },
}

CHAIRMAN = (
    "Đồng chí Nguyễn Văn An, Chủ tịch UBND huyện",
    "Mr Nguyễn Văn An, Chairman of the District People's Committee",
)
VICE_SOCIAL = (
    "Đồng chí Hà Thị Minh, Phó Chủ tịch UBND huyện",
    "Ms Hà Thị Minh, Vice-Chairwoman of the District People's Committee",
)
VICE_ECONOMY = (
    "Đồng chí Lò Văn Thắng, Phó Chủ tịch UBND huyện",
    "Mr Lò Văn Thắng, Vice-Chairman of the District People's Committee",
)
OFFICE = ("Văn phòng HĐND và UBND huyện", "Office of the District People's Council and Committee")
HALL = ("Hội trường UBND huyện", "Hall of the District People's Committee")
ROOM = ("Phòng họp số 1, UBND huyện", "Meeting room 1, District People's Committee")

# Every Monday morning.
MONDAY_BRIEFING = (
    "07:30",
    "09:00",
    ("Giao ban Thường trực UBND huyện đầu tuần", "Weekly briefing of the standing members of the Committee"),
    CHAIRMAN,
    ROOM,
    ("Các Phó Chủ tịch UBND huyện; Chánh Văn phòng HĐND và UBND huyện", "The Vice-Chairmen; the Office's chief"),
    OFFICE,
)

# (week offset, weekday 0 = Monday, start, end, (title vi, en), leaders, (venue vi, en), (participants vi, en), unit)
ENTRIES = [
    (-1, 0, *MONDAY_BRIEFING),
    (
        -1,
        3,
        "14:00",
        "17:00",
        (
            "Kiểm tra tiến độ xây dựng trường tiểu học bán trú xã Lóng Sập",
            "Site visit: Lóng Sập boarding primary school",
        ),
        VICE_SOCIAL,
        ("Xã Lóng Sập", "Lóng Sập commune"),
        (
            "Phòng Giáo dục và Đào tạo; Ban Quản lý dự án huyện; UBND xã Lóng Sập",
            "Education department; project board; Lóng Sập commune",
        ),
        ("Phòng Giáo dục và Đào tạo", "Department of Education and Training"),
    ),
    (0, 0, *MONDAY_BRIEFING),
    (
        0,
        0,
        "14:00",
        "16:30",
        ("Họp Ban chỉ đạo phát triển du lịch huyện", "Meeting of the district's tourism development steering board"),
        VICE_ECONOMY,
        HALL,
        (
            "Thành viên Ban chỉ đạo; Phòng Văn hóa và Thông tin; đại diện các doanh nghiệp du lịch",
            "Members of the board; Department of Culture and Information; tourism businesses",
        ),
        ("Phòng Văn hóa và Thông tin", "Department of Culture and Information"),
    ),
    (
        0,
        1,
        "08:00",
        "11:30",
        ("Tiếp công dân định kỳ", "Monthly reception of citizens"),
        CHAIRMAN,
        ("Trụ sở Tiếp công dân huyện", "District citizens' reception office"),
        ("Thanh tra huyện; Phòng Tài nguyên và Môi trường", "District Inspectorate; Department of Natural Resources"),
        ("Ban Tiếp công dân huyện", "District citizens' reception board"),
    ),
    (
        0,
        2,
        "08:00",
        "",
        ("Làm việc với UBND xã Chiềng Sơn về xây dựng nông thôn mới", "Working session on new rural development"),
        VICE_ECONOMY,
        ("UBND xã Chiềng Sơn", "Chiềng Sơn commune People's Committee"),
        ("Phòng Nông nghiệp và Phát triển nông thôn; Văn phòng điều phối nông thôn mới", "Agriculture department"),
        ("Phòng Nông nghiệp và Phát triển nông thôn", "Department of Agriculture and Rural Development"),
    ),
    (
        0,
        3,
        "14:00",
        "17:00",
        ("Hội nghị triển khai tiêm chủng mở rộng năm học mới", "Conference on the school vaccination programme"),
        VICE_SOCIAL,
        HALL,
        ("Trung tâm Y tế huyện; Phòng Giáo dục và Đào tạo; các trường học", "District health centre; schools"),
        ("Trung tâm Y tế huyện", "District health centre"),
    ),
    (
        0,
        4,
        "08:00",
        "11:00",
        ("Phiên họp thường kỳ UBND huyện", "Regular meeting of the District People's Committee"),
        CHAIRMAN,
        HALL,
        ("Thành viên UBND huyện; Thủ trưởng các cơ quan chuyên môn", "Members of the Committee; heads of departments"),
        OFFICE,
    ),
    (1, 0, *MONDAY_BRIEFING),
    (
        1,
        5,
        "08:00",
        "11:00",
        ("Dự lễ khai mạc Ngày hội văn hóa các dân tộc", "Opening of the ethnic cultures festival"),
        VICE_SOCIAL,
        ("Quảng trường trung tâm thị trấn Mộc Châu", "Central square, Mộc Châu town"),
        ("", ""),
        ("Phòng Văn hóa và Thông tin", "Department of Culture and Information"),
    ),
]


def _time(value: str) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if value else None


def _slug(date: datetime.date, title: str) -> str:
    return f"{date:%Y%m%d}-{slugify_vi(title)[:60]}"


def load_schedule(loader, parent) -> ScheduleIndexPage:
    """The schedule page under ``parent`` (the home page), its activities around this week, and English versions."""
    index = ScheduleIndexPage.objects.child_of(parent).filter(slug=INDEX["vi"]["slug"]).first()
    if index is None:
        index = ScheduleIndexPage(**INDEX["vi"], show_in_menus=True, locale=parent.locale)
        parent.add_child(instance=index)
        index.save_revision().publish()
        loader.log(f"{ScheduleIndexPage._meta.verbose_name}: {index.title}")
    if ScheduleEntryPage.objects.child_of(index).exists():
        return index  # loaded before: the activities are those of the week it was loaded in
    monday = week_start(timezone.localdate())
    entries = []
    for week, weekday, start, end, title, leaders, venue, participants, unit in ENTRIES:
        date = monday + datetime.timedelta(weeks=week, days=weekday)
        entry = ScheduleEntryPage(
            title=title[0],
            slug=_slug(date, title[0]),
            date=date,
            start_time=_time(start),
            end_time=_time(end),
            leaders=leaders[0],
            venue=venue[0],
            participants=participants[0],
            preparing_unit=unit[0],
            locale=index.locale,
        )
        index.add_child(instance=entry)
        entry.save_revision().publish()
        entries.append((entry, title, leaders, venue, participants, unit))
        loader.log(f"{ScheduleEntryPage._meta.verbose_name}: {date:%d/%m/%Y} {title[0]}")

    english = Locale.objects.filter(language_code="en").first()
    if english is None or parent.get_translation_or_none(english) is None:
        return index
    translate(index, english, INDEX["en"])
    for entry, title, leaders, venue, participants, unit in entries:
        texts = {
            "title": title[1],
            "slug": _slug(entry.date, title[1]),
            "leaders": leaders[1],
            "venue": venue[1],
            "participants": participants[1],
            "preparing_unit": unit[1],
        }
        translate(entry, english, texts)
        loader.log(f"English: {title[1]}")
    return index
