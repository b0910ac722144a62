"""Demo organisation of Phường Mộc Châu, a ward since the two-level local government of 1 July 2025: the chart,
the leadership and five units, Vietnamese and English.

The people, phone numbers and e-mail addresses are invented; the structure follows a commune-level People's
Committee after the reform (Decree 150/2025/NĐ-CP: the Office of the People's Council and People's Committee, the
Economy, Infrastructure and Urban Affairs Department of a ward, the Culture and Society Department, and the
public administration service centre). English versions are made through wagtail-localize (Decree 42 requires the
organisation and contacts in English).
"""

from wagtail.models import Locale

from cms.demo.english import translate
from cms.organisation.models import Official, OrganisationPage, UnitPage

ORGANISATION = {
    "vi": {
        "title": "Cơ cấu tổ chức",
        "slug": "co-cau-to-chuc",
        "intro": "Lãnh đạo Ủy ban nhân dân phường Mộc Châu, các cơ quan chuyên môn và đơn vị trực thuộc.",
    },
    "en": {
        "title": "Organisation",
        "slug": "organisation",
        "intro": "The leadership of the People's Committee of Mộc Châu Ward, its specialised departments and units.",
    },
}

ADDRESS = ("Tiểu khu 4, phường Mộc Châu, tỉnh Sơn La", "Sub-zone 4, Mộc Châu Ward, Sơn La Province")

# Each unit: (vi, en) texts; "parent" names the slug of its parent unit (none: directly under the chart).
UNITS = [
    {
        "slug": ("lanh-dao-ubnd-phuong", "leadership"),
        "title": ("Lãnh đạo UBND phường", "Leadership of the Ward People's Committee"),
        "short_name": ("Thường trực UBND phường", "Standing members of the Ward People's Committee"),
        "functions": [
            (
                "Chủ tịch lãnh đạo, điều hành công việc của Ủy ban nhân dân phường, chịu trách nhiệm chung về mọi "
                "mặt công tác trên địa bàn phường.",
                "The Chairman leads and directs the work of the Ward People's Committee and is responsible for all "
                "of it within the ward.",
            ),
            (
                "Các Phó Chủ tịch giúp Chủ tịch theo lĩnh vực được phân công: kinh tế, hạ tầng và đô thị; văn hóa - "
                "xã hội.",
                "The Vice-Chairs assist the Chairman in the fields assigned to them: the economy, infrastructure and "
                "urban affairs; culture and society.",
            ),
        ],
        "phone": "0212 3866 168",
        "email": "ubnd.mocchau@sonla.gov.vn",
        "officials": [
            (
                "Cầm Văn Phong",
                ("Chủ tịch UBND phường", "Chairman of the Ward People's Committee"),
                "0212 3866 168",
                "cvphong.mocchau@sonla.gov.vn",
            ),
            (
                "Quàng Thị Hạnh",
                ("Phó Chủ tịch UBND phường phụ trách văn hóa - xã hội", "Vice-Chairwoman for culture and society"),
                "0212 3866 169",
                "qthanh.mocchau@sonla.gov.vn",
            ),
            (
                "Bạc Văn Khánh",
                (
                    "Phó Chủ tịch UBND phường phụ trách kinh tế, hạ tầng và đô thị",
                    "Vice-Chairman for the economy, infrastructure and urban affairs",
                ),
                "0212 3866 170",
                "bvkhanh.mocchau@sonla.gov.vn",
            ),
        ],
    },
    {
        "slug": ("van-phong-hdnd-ubnd", "office"),
        "title": (
            "Văn phòng HĐND và UBND phường",
            "Office of the Ward People's Council and People's Committee",
        ),
        "short_name": ("Văn phòng", "The Office"),
        "functions": [
            (
                "Tham mưu tổng hợp cho Hội đồng nhân dân và Ủy ban nhân dân phường; bảo đảm điều kiện hoạt động của "
                "hai cơ quan.",
                "Advises the Ward People's Council and People's Committee on general matters and provides the means "
                "for their work.",
            ),
            (
                "Tham mưu về tổ chức bộ máy, cán bộ, công chức, cải cách hành chính, thi đua, khen thưởng, văn thư, "
                "lưu trữ; quản lý Cổng thông tin điện tử phường.",
                "Advises on organisation, civil servants, administrative reform, emulation and awards, records and "
                "archives; runs the ward's electronic portal.",
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
        "slug": ("trung-tam-phuc-vu-hanh-chinh-cong", "public-service-centre"),
        "title": ("Trung tâm Phục vụ hành chính công phường", "Ward Public Administration Service Centre"),
        "short_name": ("Trung tâm Phục vụ HCC", "Public service centre"),
        "functions": [
            (
                "Tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính của phường và các thủ tục được giao; "
                "hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.",
                "Receives applications and returns the results of the ward's administrative procedures and those "
                "entrusted to it; helps citizens apply online on the National Public Service Portal.",
            ),
        ],
        "phone": "0212 3866 555",
        "email": "hcc.mocchau@sonla.gov.vn",
        "officials": [
            (
                "Vì Thị Hoa",
                ("Giám đốc Trung tâm", "Director of the Centre"),
                "0212 3866 555",
                "vthoa.mocchau@sonla.gov.vn",
            ),
        ],
    },
    {
        "slug": ("phong-kinh-te-ha-tang-do-thi", "economy-infrastructure-urban-affairs"),
        "title": (
            "Phòng Kinh tế, Hạ tầng và Đô thị",
            "Department of Economy, Infrastructure and Urban Affairs",
        ),
        "short_name": ("Phòng KT, HT&ĐT", "Economy and Urban Affairs"),
        "functions": [
            (
                "Tham mưu về tài chính, ngân sách, kế hoạch và đầu tư; đăng ký hộ kinh doanh; nông nghiệp, đất đai, "
                "môi trường; xây dựng, giao thông, quy hoạch và trật tự đô thị trên địa bàn phường.",
                "Advises on finance, the budget, planning and investment; registers household businesses; farming, "
                "land and the environment; construction, transport, planning and urban order in the ward.",
            ),
        ],
        "phone": "0212 3866 140",
        "email": "kinhte.mocchau@sonla.gov.vn",
        "officials": [
            ("Lường Thị Thu", ("Trưởng phòng", "Head of Department"), "0212 3866 141", "ltthu.mocchau@sonla.gov.vn"),
            ("Trần Quốc Bảo", ("Phó Trưởng phòng", "Deputy Head"), "0212 3866 142", "tqbao.mocchau@sonla.gov.vn"),
        ],
    },
    {
        "slug": ("phong-van-hoa-xa-hoi", "culture-and-society"),
        "title": ("Phòng Văn hóa - Xã hội", "Department of Culture and Society"),
        "short_name": ("Phòng VH-XH", "Culture and Society"),
        "functions": [
            (
                "Tham mưu về văn hóa, thể thao, du lịch, thông tin; giáo dục, y tế; lao động, việc làm, bảo trợ xã "
                "hội; dân tộc, tôn giáo trên địa bàn phường.",
                "Advises on culture, sport, tourism and information; education and health; labour, employment and "
                "social protection; ethnic affairs and religion in the ward.",
            ),
        ],
        "phone": "0212 3866 130",
        "email": "vhxh.mocchau@sonla.gov.vn",
        "officials": [
            ("Sa Văn Tuấn", ("Trưởng phòng", "Head of Department"), "0212 3866 131", "svtuan.mocchau@sonla.gov.vn"),
        ],
    },
    {
        "slug": ("ban-chi-huy-quan-su", "military-command"),
        "title": ("Ban Chỉ huy Quân sự phường", "Ward Military Command"),
        "short_name": ("Ban CHQS phường", "Military Command"),
        "functions": [
            (
                "Tham mưu về quốc phòng, quân sự địa phương; tuyển quân, dân quân tự vệ; phòng, chống thiên tai, tìm "
                "kiếm cứu nạn trên địa bàn phường.",
                "Advises on local defence and military affairs, conscription and the militia; disaster prevention, "
                "search and rescue in the ward.",
            ),
        ],
        "phone": "0212 3866 150",
        "email": "chqs.mocchau@sonla.gov.vn",
        "officials": [
            ("Hoàng Văn Dũng", ("Chỉ huy trưởng", "Commander"), "0212 3866 151", "hvdung.mocchau@sonla.gov.vn"),
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
