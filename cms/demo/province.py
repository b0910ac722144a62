"""Demo content of the province's portal (the default site): Sơn La since the two-level local government of
1 July 2025 (province and commune; districts are gone). Numbers, signers, phone numbers and e-mail addresses are
invented; the former Mộc Châu district's content lives on the "Phường Mộc Châu" portal (``MOC_CHAU``)."""

import datetime

PORTAL_NAME = "Cổng thông tin điện tử tỉnh Sơn La"
HOME_INTRO = (
    "Thông tin chính thống về hoạt động chỉ đạo, điều hành của Tỉnh ủy, HĐND, UBND tỉnh Sơn La và tin tức "
    "của 75 xã, phường trong tỉnh."
)
NEWS_INDEX = {
    "title": "Tin tức - Sự kiện",
    "slug": "tin-tuc",
    "intro": "Tin hoạt động của tỉnh Sơn La và các xã, phường.",
}
DIRECTIVE_INDEX = {
    "title": "Chỉ đạo điều hành",
    "slug": "chi-dao-dieu-hanh",
    "intro": "Văn bản chỉ đạo, điều hành của Tỉnh ủy, HĐND, UBND tỉnh Sơn La.",
}
ABOUT = {
    "title": "Giới thiệu",
    "slug": "gioi-thieu",
    "intro": "Khái quát về tỉnh Sơn La và Cổng thông tin điện tử của tỉnh.",
    "body": [
        ("heading", "Tỉnh Sơn La"),
        (
            "paragraph",
            "Sơn La là tỉnh miền núi vùng Tây Bắc, có 75 đơn vị hành chính cấp xã (67 xã, 8 phường) từ ngày "
            "1/7/2025, khi chính quyền địa phương được tổ chức theo hai cấp: tỉnh và xã.",
        ),
        ("heading", "Cổng thông tin điện tử"),
        (
            "paragraph",
            "Cổng thông tin do Ủy ban nhân dân tỉnh quản lý, đăng tải thông tin chính thống về hoạt động chỉ đạo, "
            "điều hành của tỉnh; mỗi xã, phường có cổng thông tin riêng trong cùng hệ thống.",
        ),
    ],
}
PORTAL = {
    "portal_name": PORTAL_NAME,
    "organisation": "Ủy ban nhân dân tỉnh Sơn La",
    "address": "Số 01, đường Chu Văn Thịnh, phường Tô Hiệu, tỉnh Sơn La",
    "phone": "0212 3852 100",
    "email": "vanphong@sonla.example.vn",
    "responsible_person": "Chánh Văn phòng UBND tỉnh Sơn La",
}

# Figures of the province (cms.Statistic snippets, owned by the default site): (key, label, value, total, unit).
STATISTICS_SOURCE = "Văn phòng UBND tỉnh Sơn La"
STATISTICS_DATE = datetime.date(2025, 9, 30)
STATISTICS = [
    ("don-vi-cap-xa", "Đơn vị hành chính cấp xã", 75, None, "xã, phường"),
    ("ho-so-truc-tuyen", "Hồ sơ thủ tục hành chính cấp xã nộp trực tuyến", 72, None, "%"),
]

NEWS = [
    {
        "title": "Sơn La vận hành chính quyền địa phương hai cấp từ ngày 1/7/2025",
        "date": datetime.date(2025, 7, 1),
        "category": "cai-cach-hanh-chinh",
        "author": "Văn phòng UBND tỉnh",
        "lead": (
            "Từ ngày 1/7/2025, 75 xã, phường của tỉnh Sơn La chính thức hoạt động theo mô hình chính quyền địa "
            "phương hai cấp; các trung tâm phục vụ hành chính công cấp xã tiếp nhận hồ sơ ngay trong ngày đầu."
        ),
        "hero": None,
        "body": [
            (
                "paragraph",
                "<p>Ủy ban nhân dân tỉnh yêu cầu các xã, phường bảo đảm bộ máy mới vận hành thông suốt, không để "
                "gián đoạn việc giải quyết thủ tục hành chính cho người dân và doanh nghiệp.</p>",
            ),
        ],
    },
    {
        "title": "UBND tỉnh Sơn La triển khai nhiệm vụ chuyển đổi số tại các xã, phường",
        "date": datetime.date(2025, 8, 12),
        "category": "cai-cach-hanh-chinh",
        "author": "Sở Khoa học và Công nghệ",
        "lead": (
            "Mỗi xã, phường có cổng thông tin điện tử riêng trong hệ thống cổng của tỉnh và tổ công nghệ số "
            "cộng đồng hướng dẫn người dân dùng dịch vụ công trực tuyến."
        ),
        "hero": None,
        "body": [
            (
                "paragraph",
                "<p>Các xã, phường cập nhật tin tức, văn bản chỉ đạo, điều hành trên cổng của mình; tin được lãnh "
                "đạo xã, phường chọn chia sẻ hiện trên trang chủ của tỉnh.</p>",
            ),
            ("directive_link", "1368/QĐ-UBND"),
        ],
    },
    {
        "title": "Sơn La đẩy mạnh tiêu thụ nông sản vụ thu hoạch năm 2025",
        "date": datetime.date(2025, 9, 5),
        "category": "kinh-te",
        "author": "Sở Nông nghiệp và Môi trường",
        "lead": "Các sản phẩm chè, mận, nhãn, xoài của tỉnh được kết nối với hệ thống phân phối trong và ngoài nước.",
        "hero": None,
        "body": [
            (
                "paragraph",
                "<p>Tỉnh tiếp tục cấp mã số vùng trồng, hỗ trợ hợp tác xã truy xuất nguồn gốc và bảo quản sau "
                "thu hoạch.</p>",
            ),
        ],
    },
]

DIRECTIVES = [
    {
        "title": "Quyết định ban hành Kế hoạch chuyển đổi số cấp xã năm 2025",
        "number": "1368/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_agency": "UBND tỉnh Sơn La",
        "signer_name": "Lê Quang Hưng",
        "signer_position": "Chủ tịch UBND tỉnh",
        "issue_date": datetime.date(2025, 7, 28),
        "effective_date": datetime.date(2025, 7, 28),
        "expiry_date": None,
        "sector": "hanh-chinh",
        "summary": "Ban hành Kế hoạch chuyển đổi số tại các xã, phường trên địa bàn tỉnh năm 2025.",
    },
    {
        "title": "Kế hoạch tổ chức Tuần văn hóa, du lịch tỉnh Sơn La năm 2025",
        "number": "204/KH-UBND",
        "document_type": "ke-hoach",
        "issuing_agency": "UBND tỉnh Sơn La",
        "signer_name": "Đinh Thị Hà",
        "signer_position": "Phó Chủ tịch UBND tỉnh",
        "issue_date": datetime.date(2025, 8, 20),
        "effective_date": datetime.date(2025, 8, 20),
        "expiry_date": None,
        "sector": "van-hoa",
        "summary": "Tổ chức Tuần văn hóa, du lịch của tỉnh với các hoạt động tại các xã, phường.",
    },
]

# English versions (wagtail-localize, as cms.demo.english): the home, the sections, "About", the news and the
# directives by their Vietnamese title or number.
HOME_EN = {
    "title": "Home",
    "slug": "home",
    "intro": "Official information on the direction and administration of the Party Committee, People's Council "
    "and People's Committee of Sơn La province, and news of its 75 communes and wards.",
}
NEWS_INDEX_EN = {"title": "News and events", "slug": "news", "intro": "News of Sơn La province and its communes."}
DIRECTIVE_INDEX_EN = {
    "title": "Directives and administration",
    "slug": "directives",
    "intro": "Directives and administrative documents of the Provincial Party Committee, People's Council and "
    "People's Committee of Sơn La.",
}
ABOUT_EN = {
    "title": "About",
    "slug": "about",
    "intro": "An overview of Sơn La province and of the province's electronic portal.",
    "body": [
        "Sơn La province",
        "Sơn La is a mountainous province of the North-West with 75 commune-level units (67 communes, 8 wards) "
        "since 1 July 2025, when local government was organised in two levels: province and commune.",
        "The electronic portal",
        "The portal is managed by the Provincial People's Committee and publishes official information on the "
        "province's direction and administration; every commune and ward has its own portal in the same system.",
    ],
}
PORTAL_EN = {
    "portal_name": "Sơn La Province Electronic Information Portal",
    "organisation": "People's Committee of Sơn La Province",
    "address": "No. 01, Chu Văn Thịnh street, Tô Hiệu ward, Sơn La province",
    "responsible_person": "Chief of the Office of the Provincial People's Committee",
}
NEWS_EN = {
    NEWS[0]["title"]: {
        "title": "Sơn La runs two-level local government from 1 July 2025",
        "slug": "son-la-two-level-local-government",
        "lead": (
            "From 1 July 2025 the 75 communes and wards of Sơn La province work under two-level local government; "
            "the communes' public administration service centres took applications from the first day."
        ),
        "author": "Office of the Provincial People's Committee",
        "body": [
            "The Provincial People's Committee asked communes and wards to keep the new administration running "
            "smoothly, without interrupting administrative procedures for residents and businesses.",
        ],
    },
}
AGENCIES_EN = {"UBND tỉnh Sơn La": "Sơn La Provincial People's Committee"}
DIRECTIVES_EN = {
    "1368/QĐ-UBND": {
        "title": "Decision issuing the 2025 digital transformation plan for communes",
        "slug": "decision-2025-commune-digital-transformation",
        "summary": "Issues the 2025 plan for digital transformation in the province's communes and wards.",
        "signer_position": "Chairman of the Provincial People's Committee",
    },
}

# The former district's content, on its ward's portal (cms.portals.provision.Provisioner).
MOC_CHAU = {"name": "Phường Mộc Châu", "host": "mocchau"}
