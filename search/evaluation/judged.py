"""Judged queries over the demo portal (cms/demo/data.py), written as citizens type them.

Each query lists the items that should come first, by title, with a grade: 2 = the item the citizen is
looking for, 1 = also a good answer. Everything not listed counts as not relevant. Typos, joined words,
abbreviations and missing tone marks are deliberate.

Graded again when the demo gained the province's portal and the ward's sections (procedures, units, albums,
disclosures, the "Giới thiệu" pages): those that answer a query are graded like the rest; an item that only
shares scattered words with the query stays ungraded, even when it ranks high.
"""

from cms.demo import data, province
from cms.demo.loader import ABOUT
from cms.disclosures.demo import DISCLOSURES
from cms.gallery.demo import ALBUMS
from cms.organisation.demo import UNITS
from cms.pages.demo import ABOUT_CHILDREN
from cms.procedures.demo import PROCEDURES

NEWS = {item["title"] for item in data.NEWS}
DIRECTIVES = {item["title"]: item for item in data.DIRECTIVES}

# Short names for the demo items.
SEED = data.SEED_ARTICLE_TITLE
TOURISM = "Mộc Châu đón hơn 1,2 triệu lượt khách du lịch trong 6 tháng đầu năm"
ONE_STOP = "Nâng cao chất lượng giải quyết thủ tục hành chính tại bộ phận một cửa"
DISASTER_MEETING = "Hội nghị triển khai sản xuất vụ mùa và phòng chống thiên tai năm 2024"
PLUM_EXPORT = "Xuất khẩu lô mận hậu đầu tiên của vụ thu hoạch năm 2024"
SCHOOL_YEAR = "Tổng kết năm học 2023 - 2024 ngành giáo dục huyện"
NEW_COUNTRYSIDE = "Đẩy mạnh xây dựng nông thôn mới nâng cao tại các xã"
DECISION_1234 = "Quyết định ban hành Kế hoạch thực hiện dân chủ ở cơ sở năm 2024"
DIRECTIVE_05 = "Chỉ thị về tăng cường công tác phòng, chống thiên tai mùa mưa bão năm 2024"
PLAN_87 = "Kế hoạch tổ chức Lễ hội hoa mận và các sự kiện du lịch"
LETTER_512 = "Công văn về việc đẩy mạnh tiếp nhận hồ sơ thủ tục hành chính trực tuyến"
RESOLUTION_15 = "Nghị quyết về phát triển du lịch cộng đồng giai đoạn 2027 - 2030"
NOTICE_210 = "Thông báo kết luận hội nghị sơ kết dân chủ ở cơ sở 6 tháng đầu năm 2024"
# The Decree 42 sections and the drafts for comment (cms/organisation/demo.py, cms/participation/demo.py).
LEADERS = "Lãnh đạo UBND phường"
OFFICE = "Văn phòng HĐND và UBND phường"
RECEPTION = "Trung tâm Phục vụ hành chính công phường"
DRAFT_TOURISM = "Dự thảo Kế hoạch phát triển du lịch cộng đồng giai đoạn 2026-2030"
SECTION_ITEMS = {LEADERS, OFFICE, RECEPTION, DRAFT_TOURISM}
MILITARY = "Ban Chỉ huy Quân sự phường"
CULTURE_SOCIETY = "Phòng Văn hóa - Xã hội"
# The province's portal (cms/demo/province.py), searched with the ward's when no portal is named.
DIGITAL_NEWS = "UBND tỉnh Sơn La triển khai nhiệm vụ chuyển đổi số tại các xã, phường"
DIGITAL_DECISION = "Quyết định ban hành Kế hoạch chuyển đổi số cấp xã năm 2025"
TOURISM_WEEK = "Kế hoạch tổ chức Tuần văn hóa, du lịch tỉnh Sơn La năm 2025"
FARM_PRODUCE = "Sơn La đẩy mạnh tiêu thụ nông sản vụ thu hoạch năm 2025"
# The ward's other sections: "Giới thiệu" pages, an album, a disclosure, a procedure.
GEOGRAPHY = "Điều kiện tự nhiên"
HISTORY = "Lịch sử hình thành"
PLUM_ALBUM = "Mùa hoa mận trên cao nguyên Mộc Châu"
TOURISM_PLAN = "Kế hoạch phát triển du lịch cộng đồng huyện Mộc Châu giai đoạn 2024 - 2025"
DISASTER_RELIEF = "Hỗ trợ khôi phục sản xuất nông nghiệp vùng bị thiệt hại do thiên tai"

JUDGED: list[tuple[str, dict[str, int]]] = [
    # Typos (one or two edits on the folded form) and joined words.
    ("moc cahu", {SEED: 2, TOURISM: 2}),
    ("mocchau", {SEED: 2, TOURISM: 2}),
    ("moc chua dan chu", {SEED: 2}),
    ("phong chnog thien tai", {DIRECTIVE_05: 2, DISASTER_MEETING: 2, MILITARY: 1}),
    ("du lich cong dnog", {RESOLUTION_15: 2, DRAFT_TOURISM: 2, TOURISM_PLAN: 2, TOURISM: 1}),
    ("thu tuc hanh chinhh", {ONE_STOP: 2, LETTER_512: 2, RECEPTION: 1}),
    ("nong thon moii", {NEW_COUNTRYSIDE: 2}),
    ("giao ducc", {SCHOOL_YEAR: 2, CULTURE_SOCIETY: 1}),
    ("xuat khau man hau vietgapp", {PLUM_EXPORT: 2}),
    ("quyetdinh dan chu", {DECISION_1234: 2}),
    ("thutuc hanh chinh", {ONE_STOP: 2, LETTER_512: 2, RECEPTION: 1}),
    ("nongthon moi", {NEW_COUNTRYSIDE: 2}),
    ("thienTai", {DIRECTIVE_05: 2, DISASTER_MEETING: 2, DISASTER_RELIEF: 1}),
    ("hoi nghi soket", {SEED: 2, NOTICE_210: 2, DISASTER_MEETING: 1}),
    # Abbreviations and their expansions.
    ("uy ban nhan dan quyet dinh 1234", {DECISION_1234: 2}),
    (
        "ubnd",
        {
            LEADERS: 2,
            OFFICE: 2,
            DECISION_1234: 1,
            DIRECTIVE_05: 1,
            PLAN_87: 1,
            LETTER_512: 1,
            DISASTER_MEETING: 1,
            DIGITAL_NEWS: 1,
            DIGITAL_DECISION: 1,
        },
    ),
    (
        "uy ban nhan dan",
        {
            LEADERS: 2,
            OFFICE: 2,
            DECISION_1234: 1,
            DIRECTIVE_05: 1,
            PLAN_87: 1,
            LETTER_512: 1,
            DISASTER_MEETING: 1,
            DIGITAL_NEWS: 1,
            DIGITAL_DECISION: 1,
        },
    ),
    ("hdnd", {OFFICE: 2, LETTER_512: 2, ONE_STOP: 1}),
    ("hoi dong nhan dan", {OFFICE: 2, LETTER_512: 2, ONE_STOP: 1}),
    ("tthc", {ONE_STOP: 2, LETTER_512: 2, RECEPTION: 1}),
    ("tthc truc tuyen", {LETTER_512: 2, ONE_STOP: 2, RECEPTION: 1}),
    ("qd 1234", {DECISION_1234: 2}),
    ("qđ dan chu co so", {DECISION_1234: 2}),
    ("ct 05 ubnd", {DIRECTIVE_05: 2}),
    ("nq 15", {RESOLUTION_15: 2}),
    ("tb 210", {NOTICE_210: 2}),
    ("kh 87", {PLAN_87: 2}),
    ("ntm", {NEW_COUNTRYSIDE: 2}),
    ("ntm nang cao", {NEW_COUNTRYSIDE: 2}),
    ("cntt", {SCHOOL_YEAR: 2, DIGITAL_NEWS: 1}),
    ("dvc truc tuyen", {ONE_STOP: 2, LETTER_512: 1, RECEPTION: 1, DIGITAL_NEWS: 1}),
    ("ubnd moc chau quyet dinh", {DECISION_1234: 2, DIRECTIVE_05: 1, PLAN_87: 1}),
    ("quyet dinh ubnd", {DECISION_1234: 2, DIGITAL_DECISION: 2}),
    ("van phong hdnd va ubnd", {OFFICE: 2, LETTER_512: 2, ONE_STOP: 2}),
    # Directive numbers and document types.
    ("1234/qd-ubnd", {DECISION_1234: 2}),
    ("1234", {DECISION_1234: 2, SEED: 1}),
    ("quyet dinh 1234", {DECISION_1234: 2}),
    ("chi thi 05", {DIRECTIVE_05: 2}),
    ("05/ct-ubnd", {DIRECTIVE_05: 2}),
    ("ke hoach 87", {PLAN_87: 2}),
    ("cong van 512", {LETTER_512: 2}),
    ("nghi quyet 15 huyen uy", {RESOLUTION_15: 2}),
    ("thong bao 210", {NOTICE_210: 2}),
    ("chi thi mua mua bao", {DIRECTIVE_05: 2}),
    ("nghi quyet du lich", {RESOLUTION_15: 2}),
    ("ke hoach dan chu co so nam 2024", {DECISION_1234: 2}),
    # Topics, as words without tone marks.
    ("so ket dan chu co so", {SEED: 2, NOTICE_210: 2, DECISION_1234: 1}),
    ("dan chu co so", {SEED: 2, DECISION_1234: 2, NOTICE_210: 2}),
    ("dan chu o co so 6 thang dau nam", {SEED: 2, NOTICE_210: 2}),
    ("moc chau dan chu", {SEED: 2}),
    ("quy che dan chu", {SEED: 2}),
    ("huong uoc quy uoc", {SEED: 2}),
    ("dan van kheo", {SEED: 2}),
    ("ban chi dao dan chu co so", {NOTICE_210: 2, SEED: 2}),
    ("hoi nghi so ket", {SEED: 2, NOTICE_210: 2}),
    ("thu tuc hanh chinh", {ONE_STOP: 2, LETTER_512: 2, RECEPTION: 1}),
    ("thu tuc hanh chinh truc tuyen", {LETTER_512: 2, ONE_STOP: 1, RECEPTION: 1}),
    ("nop ho so truc tuyen", {ONE_STOP: 2, LETTER_512: 2, RECEPTION: 1}),
    ("bo phan mot cua", {ONE_STOP: 2}),
    ("dich vu cong truc tuyen", {ONE_STOP: 2, LETTER_512: 1, DIGITAL_NEWS: 1, RECEPTION: 1}),
    (
        "du lich",
        {TOURISM: 2, PLAN_87: 2, RESOLUTION_15: 2, DRAFT_TOURISM: 2, TOURISM_WEEK: 2, TOURISM_PLAN: 2},
    ),
    ("du lich cong dong", {RESOLUTION_15: 2, DRAFT_TOURISM: 2, TOURISM_PLAN: 2, TOURISM: 1}),
    ("khach du lich moc chau", {TOURISM: 2}),
    ("cao nguyen moc chau", {TOURISM: 2, PLUM_ALBUM: 2, GEOGRAPHY: 2, HISTORY: 1}),
    ("le hoi hoa man", {PLAN_87: 2, TOURISM: 1}),
    ("le hoi", {PLAN_87: 2, TOURISM: 1}),
    ("xuat khau man", {PLUM_EXPORT: 2}),
    ("truy xuat nguon goc", {PLUM_EXPORT: 2, FARM_PRODUCE: 1}),
    ("thien tai", {DIRECTIVE_05: 2, DISASTER_MEETING: 2, DISASTER_RELIEF: 1}),
    ("mua bao", {DIRECTIVE_05: 2, DISASTER_MEETING: 1}),
    ("lu quet sat lo", {DISASTER_MEETING: 2}),
    ("san xuat vu mua", {DISASTER_MEETING: 2}),
    ("nong thon moi nang cao", {NEW_COUNTRYSIDE: 2}),
    ("giao duc", {SCHOOL_YEAR: 2, CULTURE_SOCIETY: 1}),
    ("tong ket nam hoc", {SCHOOL_YEAR: 2}),
    ("nam hoc 2023 2024", {SCHOOL_YEAR: 2}),
    ("pham thi nhung", {RESOLUTION_15: 2, NOTICE_210: 2, SEED: 1}),
    ("nguyen van an", {DECISION_1234: 2, DIRECTIVE_05: 2}),  # the former district's chairman, who signed them
    ("cam van phong", {LEADERS: 2}),  # the ward's
    ("le thi binh", {PLAN_87: 2}),
]


def check() -> list[str]:
    """Titles in the judged set that are not demo items (a typo here would silently score zero)."""
    known = NEWS | set(DIRECTIVES) | SECTION_ITEMS | _other_demo_titles()
    return sorted({title for _query, grades in JUDGED for title in grades if title not in known})


def _other_demo_titles() -> set[str]:
    """Vietnamese titles of the demo's other items: the province's, the ward's sections and "Giới thiệu" pages."""
    return {
        *(item["title"] for item in province.NEWS + province.DIRECTIVES),
        *(item["title"][0] for item in UNITS + ALBUMS + ABOUT_CHILDREN),
        *(item[3] for item in DISCLOSURES),
        *(item[1] for item in PROCEDURES),
        ABOUT["title"],
    }
