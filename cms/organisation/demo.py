"""Demo organisation of Mộc Châu district: the chart, the leadership and five units, Vietnamese and English.

The people are invented; the structure follows a district People's Committee. English versions are made
through wagtail-localize (Decree 42 requires the organisation and contacts in English).
"""

from wagtail.models import Locale

from cms.demo.english import translate
from cms.organisation.models import Official, OrganisationPage, UnitPage

ORGANISATION = {
    "vi": {
        "title": "Cơ cấu tổ chức",
        "slug": "co-cau-to-chuc",
        "intro": "Lãnh đạo Ủy ban nhân dân huyện và các cơ quan chuyên môn, đơn vị trực thuộc.",
    },
    "en": {
        "title": "Organisation",
        "slug": "organisation",
        "intro": "The leadership of the District People's Committee and its specialised departments and units.",
    },
}

ADDRESS = ("Tiểu khu 4, thị trấn Mộc Châu, huyện Mộc Châu, tỉnh Sơn La", "Sub-zone 4, Mộc Châu town, Sơn La province")

# Each unit: (vi, en) texts; "parent" names the slug of its parent unit (none: directly under the chart).
UNITS = [
    {
        "slug": ("lanh-dao-ubnd-huyen", "leadership"),
        "title": ("Lãnh đạo UBND huyện", "Leadership of the District People's Committee"),
        "short_name": ("Thường trực UBND huyện", "Standing members of the District People's Committee"),
        "functions": [
            (
                "Chủ tịch lãnh đạo, điều hành công việc của Ủy ban nhân dân huyện, chịu trách nhiệm chung về mọi mặt "
                "công tác.",
                "The Chairman leads and directs the work of the District People's Committee and is responsible for "
                "all of it.",
            ),
            (
                "Các Phó Chủ tịch giúp Chủ tịch theo lĩnh vực được phân công: kinh tế, văn hóa - xã hội, nội chính.",
                "The Vice-Chairmen assist the Chairman in the fields assigned to them: economy, culture and society, "
                "internal affairs.",
            ),
        ],
        "phone": "0212 3866 168",
        "email": "ubndmocchau@sonla.gov.vn",
        "officials": [
            ("Nguyễn Văn An", ("Chủ tịch UBND huyện", "Chairman"), "0212 3866 168", "nvan.mocchau@sonla.gov.vn"),
            (
                "Hà Thị Minh",
                ("Phó Chủ tịch UBND huyện phụ trách văn hóa - xã hội", "Vice-Chairwoman for culture and society"),
                "0212 3866 169",
                "htminh.mocchau@sonla.gov.vn",
            ),
            (
                "Lò Văn Thắng",
                ("Phó Chủ tịch UBND huyện phụ trách kinh tế", "Vice-Chairman for the economy"),
                "0212 3866 170",
                "lvthang.mocchau@sonla.gov.vn",
            ),
        ],
    },
    {
        "slug": ("van-phong-hdnd-ubnd", "office"),
        "title": (
            "Văn phòng HĐND và UBND huyện",
            "Office of the District People's Council and People's Committee",
        ),
        "short_name": ("Văn phòng", "The Office"),
        "functions": [
            (
                "Tham mưu tổng hợp cho Hội đồng nhân dân và Ủy ban nhân dân huyện; bảo đảm điều kiện hoạt động của "
                "hai cơ quan.",
                "Advises the District People's Council and People's Committee on general matters and provides the "
                "means for their work.",
            ),
            (
                "Quản lý Cổng thông tin điện tử huyện và Bộ phận Một cửa.",
                "Runs the district's electronic portal and the one-stop office.",
            ),
        ],
        "phone": "0212 3866 120",
        "email": "vanphong.mocchau@sonla.gov.vn",
        "officials": [
            (
                "Đinh Văn Hùng",
                ("Chánh Văn phòng", "Chief of the Office"),
                "0212 3866 121",
                "dvhung.mocchau@sonla.gov.vn",
            ),
            (
                "Mùi Thị Lan",
                ("Phó Chánh Văn phòng", "Deputy Chief of the Office"),
                "0212 3866 122",
                "mtlan.mocchau@sonla.gov.vn",
            ),
        ],
    },
    {
        "slug": ("bo-phan-mot-cua", "one-stop-office"),
        "parent": "van-phong-hdnd-ubnd",
        "title": ("Bộ phận Tiếp nhận và Trả kết quả", "One-stop office (reception and return of results)"),
        "short_name": ("Bộ phận Một cửa", "One-stop office"),
        "functions": [
            (
                "Tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính của huyện; hướng dẫn người dân nộp hồ sơ "
                "trực tuyến.",
                "Receives applications and returns the results of the district's administrative procedures; helps "
                "citizens apply online.",
            ),
        ],
        "phone": "0212 3866 555",
        "email": "motcua.mocchau@sonla.gov.vn",
        "officials": [
            (
                "Vì Thị Hoa",
                ("Phụ trách Bộ phận Một cửa", "Head of the one-stop office"),
                "0212 3866 555",
                "vthoa.mocchau@sonla.gov.vn",
            ),
        ],
    },
    {
        "slug": ("phong-noi-vu", "home-affairs"),
        "title": ("Phòng Nội vụ", "Department of Home Affairs"),
        "short_name": ("Phòng Nội vụ", "Home Affairs"),
        "functions": [
            (
                "Tham mưu về tổ chức bộ máy, biên chế, cán bộ, công chức, viên chức; cải cách hành chính; thi đua, "
                "khen thưởng; tôn giáo; văn thư, lưu trữ.",
                "Advises on organisation, staffing, civil servants, administrative reform, emulation and awards, "
                "religion, and records and archives.",
            ),
        ],
        "phone": "0212 3866 130",
        "email": "noivu.mocchau@sonla.gov.vn",
        "officials": [
            ("Sa Văn Tuấn", ("Trưởng phòng", "Head of Department"), "0212 3866 131", "svtuan.mocchau@sonla.gov.vn"),
        ],
    },
    {
        "slug": ("phong-tai-chinh-ke-hoach", "finance-and-planning"),
        "title": ("Phòng Tài chính - Kế hoạch", "Department of Finance and Planning"),
        "short_name": ("Phòng TC-KH", "Finance and Planning"),
        "functions": [
            (
                "Tham mưu về tài chính, ngân sách, giá, kế hoạch và đầu tư; đăng ký hộ kinh doanh, hợp tác xã.",
                "Advises on finance, the budget, prices, planning and investment; registers household businesses "
                "and cooperatives.",
            ),
        ],
        "phone": "0212 3866 140",
        "email": "tckh.mocchau@sonla.gov.vn",
        "officials": [
            ("Lường Thị Thu", ("Trưởng phòng", "Head of Department"), "0212 3866 141", "ltthu.mocchau@sonla.gov.vn"),
            ("Trần Quốc Bảo", ("Phó Trưởng phòng", "Deputy Head"), "0212 3866 142", "tqbao.mocchau@sonla.gov.vn"),
        ],
    },
    {
        "slug": ("phong-nong-nghiep", "agriculture"),
        "title": ("Phòng Nông nghiệp và Phát triển nông thôn", "Department of Agriculture and Rural Development"),
        "short_name": ("Phòng NN&PTNT", "Agriculture"),
        "functions": [
            (
                "Tham mưu về nông nghiệp, lâm nghiệp, thủy lợi, phòng chống thiên tai và xây dựng nông thôn mới.",
                "Advises on farming, forestry, irrigation, disaster prevention and the new countryside programme.",
            ),
        ],
        "phone": "0212 3866 150",
        "email": "nongnghiep.mocchau@sonla.gov.vn",
        "officials": [
            ("Hoàng Văn Dũng", ("Trưởng phòng", "Head of Department"), "0212 3866 151", "hvdung.mocchau@sonla.gov.vn"),
        ],
    },
]


def _texts(item: dict, language: int) -> dict:
    return {
        "title": item["title"][language],
        "slug": item["slug"][language],
        "short_name": item["short_name"][language],
    }


def _functions_html(item: dict) -> str:
    return "<ul>" + "".join(f"<li>{vi}</li>" for vi, _en in item["functions"]) + "</ul>"


def _ensure_unit(loader, parent, item: dict) -> UnitPage:
    unit = UnitPage.objects.child_of(parent).filter(slug=item["slug"][0]).first()
    if unit is not None:
        return unit
    unit = UnitPage(
        **_texts(item, 0),
        functions=_functions_html(item),
        address=ADDRESS[0],
        phone=item["phone"],
        email=item["email"],
        locale=parent.locale,
    )
    unit.officials = [
        Official(name=name, position=position[0], phone=phone, email=email, locale=parent.locale, sort_order=order)
        for order, (name, position, phone, email) in enumerate(item["officials"])
    ]
    parent.add_child(instance=unit)
    unit.save_revision().publish()
    loader.log(f"{UnitPage._meta.verbose_name}: {unit.title}")
    return unit


def load_organisation(loader, parent) -> OrganisationPage:
    """ "Cơ cấu tổ chức" under ``parent`` (the home page) with its units, and the English versions."""
    organisation = OrganisationPage.objects.child_of(parent).filter(slug=ORGANISATION["vi"]["slug"]).first()
    if organisation is None:
        organisation = OrganisationPage(**ORGANISATION["vi"], show_in_menus=True, locale=parent.locale)
        parent.add_child(instance=organisation)
        organisation.save_revision().publish()
        loader.log(f"{OrganisationPage._meta.verbose_name}: {organisation.title}")
    units = {}
    for item in UNITS:
        units[item["slug"][0]] = _ensure_unit(loader, units.get(item.get("parent"), organisation), item)

    english = Locale.objects.filter(language_code="en").first()
    if english is None or parent.get_translation_or_none(english) is None:
        return organisation
    _translated, created = translate(organisation, english, ORGANISATION["en"])
    for item in UNITS:
        segments = dict(item["functions"])
        segments.update({position[0]: position[1] for _name, position, _phone, _email in item["officials"]})
        segments[ADDRESS[0]] = ADDRESS[1]
        texts = {**_texts(item, 1), "address": ADDRESS[1], "phone": item["phone"], "segments": segments}
        _translated, created = translate(units[item["slug"][0]], english, texts)
        if created:
            loader.log(f"English: {texts['title']}")
    return organisation
