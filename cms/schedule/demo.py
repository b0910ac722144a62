"""Demo work schedule of Phường Mộc Châu (a ward since 1 July 2025): the leadership's activities of last, this and
next week, Vietnamese and English. Dates are counted from the week the demo is loaded, so the schedule page opens on
a full week.

The people and units are those of the demo organisation (cms/organisation/demo.py, invented); the activities are
written for the demo and stay within the ward (its residential groups and services)."""

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
        "intro": "Lịch công tác tuần của Thường trực Ủy ban nhân dân phường Mộc Châu. Lịch có thể thay đổi; thông tin "
        "chính thức theo thông báo của Văn phòng HĐND và UBND phường.",
    },
    "en": {
        "title": "Work schedule",
        "slug": "work-schedule",
        "intro": "The weekly schedule of the standing members of the People's Committee of Mộc Châu Ward. It may "
        "change; the Office of the Ward People's Council and People's Committee gives the official notice.",
    },
}

CHAIRMAN = (
    "Đồng chí Cầm Văn Phong, Chủ tịch UBND phường",
    "Mr Cầm Văn Phong, Chairman of the Ward People's Committee",
)
VICE_SOCIAL = (
    "Đồng chí Quàng Thị Hạnh, Phó Chủ tịch UBND phường",
    "Ms Quàng Thị Hạnh, Vice-Chairwoman of the Ward People's Committee",
)
VICE_ECONOMY = (
    "Đồng chí Bạc Văn Khánh, Phó Chủ tịch UBND phường",
    "Mr Bạc Văn Khánh, Vice-Chairman of the Ward People's Committee",
)
OFFICE = ("Văn phòng HĐND và UBND phường", "Office of the Ward People's Council and People's Committee")
ECONOMY = ("Phòng Kinh tế, Hạ tầng và Đô thị", "Department of Economy, Infrastructure and Urban Affairs")
CULTURE = ("Phòng Văn hóa - Xã hội", "Department of Culture and Society")
HALL = ("Hội trường UBND phường", "Hall of the Ward People's Committee")
ROOM = ("Phòng họp số 1, UBND phường", "Meeting room 1, Ward People's Committee")

# Every Monday morning.
MONDAY_BRIEFING = (
    "07:30",
    "09:00",
    ("Giao ban Thường trực UBND phường đầu tuần", "Weekly briefing of the standing members of the Committee"),
    CHAIRMAN,
    ROOM,
    ("Các Phó Chủ tịch UBND phường; Chánh Văn phòng HĐND và UBND phường", "The Vice-Chairs; the Office's chief"),
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
            "Kiểm tra tiến độ sửa chữa Trường Tiểu học Mộc Châu trước năm học mới",
            "Site visit: repairs at Mộc Châu primary school before the school year",
        ),
        VICE_SOCIAL,
        ("Tiểu khu 10, phường Mộc Châu", "Sub-zone 10, Mộc Châu Ward"),
        (
            "Phòng Văn hóa - Xã hội; Phòng Kinh tế, Hạ tầng và Đô thị; Ban Giám hiệu nhà trường",
            "Culture and Society; Economy and Urban Affairs; the school's management",
        ),
        CULTURE,
    ),
    (0, 0, *MONDAY_BRIEFING),
    (
        0,
        0,
        "14:00",
        "16:30",
        ("Họp Ban chỉ đạo phát triển du lịch phường", "Meeting of the ward's tourism development steering board"),
        VICE_ECONOMY,
        HALL,
        (
            "Thành viên Ban chỉ đạo; Phòng Văn hóa - Xã hội; đại diện các cơ sở lưu trú, doanh nghiệp du lịch",
            "Members of the board; Culture and Society; hotels and tourism businesses",
        ),
        ECONOMY,
    ),
    (
        0,
        1,
        "08:00",
        "11:30",
        ("Tiếp công dân định kỳ", "Monthly reception of citizens"),
        CHAIRMAN,
        ("Phòng Tiếp công dân, trụ sở UBND phường", "Citizens' reception room, Ward People's Committee"),
        ("Văn phòng HĐND và UBND phường; Phòng Kinh tế, Hạ tầng và Đô thị", "The Office; Economy and Urban Affairs"),
        OFFICE,
    ),
    (
        0,
        2,
        "08:00",
        "",
        (
            "Kiểm tra trật tự đô thị, vệ sinh môi trường các tổ dân phố",
            "Inspection of urban order and cleanliness in the residential groups",
        ),
        VICE_ECONOMY,
        ("Các tiểu khu trung tâm phường", "The ward's central sub-zones"),
        ("Phòng Kinh tế, Hạ tầng và Đô thị; Công an phường; các tổ dân phố", "Economy and Urban Affairs; ward police"),
        ECONOMY,
    ),
    (
        0,
        3,
        "14:00",
        "17:00",
        ("Hội nghị triển khai tiêm chủng mở rộng năm học mới", "Conference on the school vaccination programme"),
        VICE_SOCIAL,
        HALL,
        ("Trạm Y tế phường; Phòng Văn hóa - Xã hội; các trường học", "Ward health station; schools"),
        ("Trạm Y tế phường", "Ward health station"),
    ),
    (
        0,
        4,
        "08:00",
        "11:00",
        ("Phiên họp thường kỳ UBND phường", "Regular meeting of the Ward People's Committee"),
        CHAIRMAN,
        HALL,
        (
            "Thành viên UBND phường; Thủ trưởng các cơ quan chuyên môn, đơn vị trực thuộc",
            "Members of the Committee; heads of departments and units",
        ),
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
        ("Quảng trường trung tâm phường Mộc Châu", "Central square, Mộc Châu Ward"),
        ("", ""),
        CULTURE,
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
