"""Demo content of the "Phường Mộc Châu" portal, kept in the project (never read from outside at run time).

Until 30 June 2025 Mộc Châu was a district of Sơn La; its wards (Mộc Châu, Mộc Sơn, Vân Sơn, Thảo Nguyên…) and
communes are commune-level units since 1 July 2025. The articles and documents below are dated 2024 and speak
of "huyện Mộc Châu", as was true on their date; the portal's own texts (settings, home) are the ward's. The lead
article reports the event of a real page of the former Mộc Châu district portal; its body is written in our own
words. The province's portal (the default site) is cms.demo.province.
"""

import datetime

SEED_ARTICLE_TITLE = "Mộc Châu sơ kết việc thực hiện dân chủ ở cơ sở 6 tháng đầu năm"

STATISTICS_SOURCE = "Ban chỉ đạo thực hiện dân chủ ở cơ sở huyện Mộc Châu"
STATISTICS_DATE = datetime.date(2024, 6, 30)
# The seed article's figures, as cms.Statistic snippets: (key, label, value, total, unit).
STATISTICS = [
    ("doanh-nghiep", "Doanh nghiệp còn phải ban hành quy chế dân chủ", 4, 8, "doanh nghiệp"),
    ("co-quan", "Cơ quan còn phải ban hành quy chế dân chủ", 10, 83, "cơ quan"),
    ("ban-tieu-khu", "Bản, tiểu khu còn phải xây dựng hương ước, quy ước", 93, 180, "bản, tiểu khu"),
    ("tthc", "Kết quả giải quyết thủ tục hành chính được công khai", 100, None, "%"),
    ("dan-van-kheo", 'Mô hình "Dân vận khéo" đăng ký mới được thẩm định, đánh giá', 75, None, "mô hình"),
]
HOME_STATISTICS = ("Dân chủ ở cơ sở 6 tháng đầu năm 2024", ["ban-tieu-khu", "tthc", "dan-van-kheo"])

SLIDES = [
    {
        "title": "Mộc Châu sơ kết việc thực hiện dân chủ ở cơ sở 6 tháng đầu năm",
        "description": "Hội trường hội nghị sơ kết dân chủ ở cơ sở huyện Mộc Châu",
        "colors": ((164, 22, 26), (246, 211, 101)),
        "link_article": SEED_ARTICLE_TITLE,
    },
    {
        "title": "Cao nguyên Mộc Châu mùa hoa mận",
        "description": "Đồi mận trắng hoa trên cao nguyên Mộc Châu",
        "colors": ((32, 96, 64), (220, 235, 225)),
        "link_article": "Mộc Châu đón hơn 1,2 triệu lượt khách du lịch trong 6 tháng đầu năm",
    },
    {
        "title": "Đồi chè trái tim — biểu tượng của du lịch Mộc Châu",
        "description": "Đồi chè xanh hình trái tim ở Mộc Châu",
        "colors": ((18, 70, 120), (160, 210, 240)),
        "link_article": None,
    },
]

NEWS = [
    {
        "title": SEED_ARTICLE_TITLE,
        "date": datetime.date(2024, 7, 1),
        "category": "dan-chu-co-so",
        "author": "Ban Tuyên giáo Huyện ủy Mộc Châu",
        "lead": (
            "Ngày 1/7, Ban chỉ đạo thực hiện dân chủ ở cơ sở huyện Mộc Châu tổ chức hội nghị sơ kết công tác "
            "6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm. Đồng chí Phạm Thị Nhung, Phó Bí thư "
            "Thường trực Huyện ủy, Trưởng Ban chỉ đạo chủ trì hội nghị."
        ),
        "hero": "Hội trường hội nghị sơ kết dân chủ ở cơ sở huyện Mộc Châu",
        "hero_caption": "Quang cảnh hội nghị sơ kết 6 tháng đầu năm",
        "body": [
            ("heading", "Kết quả nổi bật sau sáu tháng"),
            (
                "paragraph",
                "<p>Nửa đầu năm, huyện đã ban hành chương trình công tác và kế hoạch kiểm tra việc thực hiện "
                "Quy chế dân chủ ở cơ sở, đồng thời đẩy mạnh tuyên truyền Luật Thực hiện dân chủ ở cơ sở tới "
                "cán bộ, đảng viên và nhân dân. Nhờ đó, người dân và cán bộ hiểu rõ hơn chủ trương của Đảng, "
                "pháp luật của Nhà nước và quy định của cơ quan, địa phương nơi mình làm việc, sinh sống.</p>"
                "<p>Theo đánh giá của Ban chỉ đạo, việc thực hiện dân chủ ở cơ sở góp phần xây dựng chính quyền "
                "và hệ thống chính trị vững mạnh, tạo đồng thuận trong cán bộ, công chức, viên chức, người lao "
                "động và nhân dân, tác động tích cực đến phát triển kinh tế - xã hội và bảo đảm quốc phòng, "
                "an ninh trên địa bàn.</p>",
            ),
            ("heading", "Nhiệm vụ trọng tâm 6 tháng cuối năm"),
            (
                "paragraph",
                "<p>Hội nghị đã kiện toàn các tiểu ban và phân công nhiệm vụ cho từng thành viên. Trưởng Ban chỉ "
                "đạo đề nghị các đơn vị chủ động lãnh đạo, đôn đốc triển khai nhiệm vụ thiết thực, hiệu quả, "
                "sát với tình hình thực tế, trong đó tập trung đôn đốc các doanh nghiệp, cơ quan và bản, tiểu "
                "khu còn lại hoàn thành việc ban hành quy chế thực hiện dân chủ, xây dựng và phê duyệt hương "
                "ước, quy ước của cộng đồng dân cư.</p>",
            ),
            (
                "table",
                [
                    ["Nội dung", "Số đơn vị còn phải hoàn thành", "Tổng số đơn vị"],
                    ["Doanh nghiệp ban hành quy chế dân chủ", "4", "8"],
                    ["Cơ quan ban hành quy chế dân chủ", "10", "83"],
                    ["Bản, tiểu khu xây dựng hương ước, quy ước", "93", "180"],
                ],
            ),
            ("statistics", ("Số đơn vị còn phải hoàn thành", ["doanh-nghiep", "co-quan", "ban-tieu-khu"])),
            (
                "paragraph",
                "<p>Bộ phận một cửa của huyện và các xã, thị trấn tiếp tục công khai kịp thời 100% kết quả giải "
                "quyết thủ tục hành chính theo quy định. Huyện sẽ khảo sát, đánh giá trực tiếp 2 mô hình đăng ký "
                'cấp tỉnh và 9 mô hình cấp huyện, đồng thời thẩm định, đánh giá 75 mô hình "Dân vận khéo" '
                "đăng ký mới trong năm 2024.</p>",
            ),
            ("statistics", ("", ["tthc", "dan-van-kheo"])),
            (
                "quote",
                "Các đơn vị phải chủ động lãnh đạo, chỉ đạo, đôn đốc triển khai nhiệm vụ bảo đảm thiết thực, "
                "hiệu quả, phù hợp với tình hình thực tiễn.",
            ),
            ("directive_link", "1234/QĐ-UBND"),
        ],
    },
    {
        "title": "Mộc Châu đón hơn 1,2 triệu lượt khách du lịch trong 6 tháng đầu năm",
        "date": datetime.date(2024, 6, 28),
        "category": "du-lich",
        "author": "Phòng Văn hóa và Thông tin huyện",
        "lead": (
            "Sáu tháng đầu năm, các điểm du lịch trên cao nguyên Mộc Châu đón hơn 1,2 triệu lượt khách, "
            "tăng so với cùng kỳ năm trước nhờ chuỗi sự kiện văn hóa, du lịch được tổ chức liên tục."
        ),
        "hero": "Đồi mận trắng hoa trên cao nguyên Mộc Châu",
        "hero_caption": "Du khách tham quan đồi mận",
        "body": [
            (
                "paragraph",
                "<p>Các lễ hội hoa mận, hoa cải và ngày hội văn hóa các dân tộc đã thu hút đông đảo du khách. "
                "Nhiều cơ sở lưu trú được nâng cấp, dịch vụ du lịch cộng đồng tại các bản tiếp tục phát triển.</p>",
            ),
            (
                "paragraph",
                "<p>Huyện đề nghị các đơn vị tăng cường kiểm tra an toàn thực phẩm, niêm yết giá dịch vụ và giữ "
                "gìn cảnh quan, môi trường tại các điểm tham quan.</p>",
            ),
        ],
    },
    {
        "title": "Nâng cao chất lượng giải quyết thủ tục hành chính tại bộ phận một cửa",
        "date": datetime.date(2024, 6, 20),
        "category": "cai-cach-hanh-chinh",
        "author": "Văn phòng HĐND và UBND huyện",
        "lead": (
            "Bộ phận tiếp nhận và trả kết quả huyện Mộc Châu tiếp tục đẩy mạnh tiếp nhận hồ sơ trực tuyến, "
            "công khai kết quả giải quyết thủ tục hành chính đúng hạn."
        ),
        "hero": None,
        "body": [
            (
                "paragraph",
                "<p>Người dân có thể nộp hồ sơ trực tuyến, theo dõi tiến độ và nhận kết quả qua dịch vụ bưu "
                "chính công ích. Cán bộ một cửa được tập huấn về kỹ năng hướng dẫn người dân sử dụng dịch vụ "
                "công trực tuyến.</p>",
            ),
        ],
    },
    {
        "title": "Hội nghị triển khai sản xuất vụ mùa và phòng chống thiên tai năm 2024",
        "date": datetime.date(2024, 6, 12),
        "category": "kinh-te",
        "author": "Phòng Nông nghiệp và Phát triển nông thôn",
        "lead": (
            "UBND huyện tổ chức hội nghị triển khai kế hoạch sản xuất vụ mùa, chủ động phương án phòng, chống "
            "thiên tai, lũ quét, sạt lở đất trong mùa mưa bão."
        ),
        "hero": "Đồi chè xanh hình trái tim ở Mộc Châu",
        "hero_caption": "Vùng chè trên cao nguyên",
        "body": [
            (
                "paragraph",
                "<p>Các xã, thị trấn rà soát khu vực có nguy cơ sạt lở, chuẩn bị vật tư, phương tiện theo phương "
                "châm bốn tại chỗ; hướng dẫn nông dân gieo trồng đúng khung thời vụ.</p>",
            ),
        ],
    },
    {
        "title": "Xuất khẩu lô mận hậu đầu tiên của vụ thu hoạch năm 2024",
        "date": datetime.date(2024, 5, 30),
        "category": "kinh-te",
        "author": "Trung tâm Dịch vụ nông nghiệp huyện",
        "lead": (
            "Lô mận hậu đạt tiêu chuẩn VietGAP của các hợp tác xã Mộc Châu được xuất khẩu sang thị trường châu Á."
        ),
        "hero": None,
        "body": [
            (
                "paragraph",
                "<p>Các hợp tác xã áp dụng mã số vùng trồng, truy xuất nguồn gốc và quy trình sơ chế, bảo quản "
                "lạnh, góp phần nâng cao giá trị nông sản của địa phương.</p>",
            ),
        ],
    },
    {
        "title": "Tổng kết năm học 2023 - 2024 ngành giáo dục huyện",
        "date": datetime.date(2024, 5, 25),
        "category": "van-hoa-xa-hoi",
        "author": "Phòng Giáo dục và Đào tạo",
        "lead": (
            "Ngành giáo dục Mộc Châu hoàn thành các mục tiêu năm học, tỷ lệ học sinh chuyển lớp, tốt nghiệp đạt cao."
        ),
        "hero": None,
        "body": [
            (
                "paragraph",
                "<p>Các trường tiếp tục đổi mới phương pháp dạy học, tăng cường ứng dụng công nghệ thông tin và "
                "chuẩn bị chu đáo cho năm học mới.</p>",
            ),
        ],
    },
    {
        "title": "Đẩy mạnh xây dựng nông thôn mới nâng cao tại các xã",
        "date": datetime.date(2024, 5, 15),
        "category": "kinh-te",
        "author": "Văn phòng Điều phối nông thôn mới huyện",
        "lead": "Huyện Mộc Châu đặt mục tiêu có thêm xã đạt chuẩn nông thôn mới nâng cao trong năm 2024.",
        "hero": None,
        "body": [
            (
                "paragraph",
                "<p>Nhân dân tích cực hiến đất, góp công làm đường giao thông nông thôn, chỉnh trang nhà cửa, "
                "cảnh quan; các tiêu chí về thu nhập, môi trường được quan tâm thực hiện.</p>",
            ),
        ],
    },
]

DIRECTIVES = [
    {
        "title": "Quyết định ban hành Kế hoạch thực hiện dân chủ ở cơ sở năm 2024",
        "number": "1234/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_agency": "UBND huyện Mộc Châu",
        "signer_name": "Nguyễn Văn An",
        "signer_position": "Chủ tịch UBND huyện",
        "issue_date": datetime.date(2024, 1, 15),
        "effective_date": datetime.date(2024, 1, 15),
        "expiry_date": None,
        "sector": "dan-chu-co-so",
        "summary": "Ban hành Kế hoạch thực hiện Luật Thực hiện dân chủ ở cơ sở trên địa bàn huyện năm 2024.",
    },
    {
        "title": "Chỉ thị về tăng cường công tác phòng, chống thiên tai mùa mưa bão năm 2024",
        "number": "05/CT-UBND",
        "document_type": "chi-thi",
        "issuing_agency": "UBND huyện Mộc Châu",
        "signer_name": "Nguyễn Văn An",
        "signer_position": "Chủ tịch UBND huyện",
        "issue_date": datetime.date(2024, 5, 20),
        "effective_date": datetime.date(2024, 5, 20),
        "expiry_date": datetime.date(2024, 12, 31),
        "sector": "tai-nguyen-moi-truong",
        "summary": "Tăng cường công tác phòng, chống thiên tai, tìm kiếm cứu nạn trong mùa mưa bão năm 2024.",
    },
    {
        "title": "Kế hoạch tổ chức Lễ hội hoa mận và các sự kiện du lịch",
        "number": "87/KH-UBND",
        "document_type": "ke-hoach",
        "issuing_agency": "UBND huyện Mộc Châu",
        "signer_name": "Lê Thị Bình",
        "signer_position": "Phó Chủ tịch UBND huyện",
        "issue_date": datetime.date(2024, 1, 5),
        "effective_date": datetime.date(2024, 1, 5),
        "expiry_date": None,
        "sector": "van-hoa",
        "summary": "Tổ chức Lễ hội hoa mận và chuỗi sự kiện văn hóa, thể thao, du lịch năm 2024.",
    },
    {
        "title": "Công văn về việc đẩy mạnh tiếp nhận hồ sơ thủ tục hành chính trực tuyến",
        "number": "512/UBND-VP",
        "document_type": "cong-van",
        "issuing_agency": "Văn phòng HĐND và UBND huyện",
        "signer_name": "Trần Văn Cường",
        "signer_position": "Chánh Văn phòng",
        "issue_date": datetime.date(2024, 6, 3),
        "effective_date": datetime.date(2024, 6, 3),
        "expiry_date": None,
        "sector": "hanh-chinh",
        "summary": "Đề nghị các xã, thị trấn đẩy mạnh tiếp nhận, giải quyết hồ sơ thủ tục hành chính trực tuyến.",
    },
    {
        "title": "Nghị quyết về phát triển du lịch cộng đồng giai đoạn 2027 - 2030",
        "number": "15/NQ-HU",
        "document_type": "nghi-quyet",
        "issuing_agency": "Huyện ủy Mộc Châu",
        "signer_name": "Phạm Thị Nhung",
        "signer_position": "Phó Bí thư Thường trực Huyện ủy",
        "issue_date": datetime.date(2024, 6, 25),
        "effective_date": datetime.date(2027, 1, 1),
        "expiry_date": datetime.date(2030, 12, 31),
        "sector": "van-hoa",
        "summary": "Định hướng phát triển du lịch cộng đồng gắn với bảo tồn bản sắc văn hóa các dân tộc.",
    },
    {
        "title": "Thông báo kết luận hội nghị sơ kết dân chủ ở cơ sở 6 tháng đầu năm 2024",
        "number": "210/TB-BCĐ",
        "document_type": "thong-bao",
        "issuing_agency": "Ban chỉ đạo thực hiện dân chủ ở cơ sở huyện",
        "signer_name": "Phạm Thị Nhung",
        "signer_position": "Trưởng Ban chỉ đạo",
        "issue_date": datetime.date(2024, 7, 3),
        "effective_date": datetime.date(2024, 7, 3),
        "expiry_date": None,
        "sector": "dan-chu-co-so",
        "summary": "Kết luận của Trưởng Ban chỉ đạo tại hội nghị sơ kết thực hiện dân chủ ở cơ sở 6 tháng đầu năm.",
    },
]

HOME_INTRO = "Thông tin chính thống về hoạt động chỉ đạo, điều hành của phường Mộc Châu, tỉnh Sơn La."
PORTAL = {
    "organisation": "Ủy ban nhân dân phường Mộc Châu, tỉnh Sơn La",
    "address": "Tiểu khu 4, phường Mộc Châu, tỉnh Sơn La",
    "phone": "0212 3866 218",
    "email": "vanphong@mocchau.example.vn",
    "responsible_person": "Chánh Văn phòng HĐND và UBND phường",
}
# Shared upward: these articles also appear in "Tin từ các xã, phường" on the province's home.
SHARED_WITH_PROVINCE = (SEED_ARTICLE_TITLE,)

DEMO_USERS = [
    {"username": "editor", "first_name": "Biên tập", "last_name": "Viên", "role": "Biên tập viên"},
    {"username": "reviewer", "first_name": "Thẩm định", "last_name": "Viên", "role": "Thẩm định"},
    {"username": "approver", "first_name": "Lãnh đạo", "last_name": "Phê duyệt", "role": "Lãnh đạo phê duyệt"},
    {"username": "admin", "first_name": "Quản trị", "last_name": "Hệ thống", "role": None},
]
