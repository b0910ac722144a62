"""Word lists for ``seed_content``: Vietnamese (with diacritics) and English fragments combined at random."""

PLACES = [
    "Mộc Châu",
    "Sơn La",
    "Vân Hồ",
    "Chiềng Sơn",
    "Đông Sang",
    "Tân Lập",
    "Phiêng Luông",
    "Lóng Sập",
    "Quy Hướng",
    "Nà Mường",
    "Tà Lại",
    "Hua Păng",
    "Chiềng Hắc",
    "Mường Sang",
    "Tân Hợp",
    "Đoàn Kết",
]

SUBJECTS = [
    "Ban chỉ đạo thực hiện dân chủ ở cơ sở",
    "Ủy ban nhân dân huyện",
    "Hội đồng nhân dân xã",
    "Hội Nông dân",
    "Đoàn Thanh niên",
    "Hội Liên hiệp Phụ nữ",
    "Phòng Giáo dục và Đào tạo",
    "Trung tâm Y tế",
    "Phòng Tài nguyên và Môi trường",
    "Ban Quản lý khu du lịch",
    "Công an huyện",
    "Ban Chỉ huy Quân sự huyện",
    "Mặt trận Tổ quốc",
    "Hợp tác xã chè",
    "Hội Cựu chiến binh",
]

ACTIONS = [
    "tổ chức hội nghị sơ kết",
    "triển khai kế hoạch",
    "tổng kết công tác",
    "ra quân hưởng ứng",
    "kiểm tra việc thực hiện",
    "đẩy mạnh tuyên truyền",
    "khánh thành công trình",
    "trao tặng giấy khen",
    "phát động phong trào",
    "đối thoại với nhân dân về",
    "hướng dẫn thủ tục",
    "hỗ trợ người dân về",
]

TOPICS = [
    "xây dựng nông thôn mới",
    "cải cách hành chính",
    "chuyển đổi số",
    "phòng, chống thiên tai",
    "bảo vệ rừng",
    "phát triển du lịch cộng đồng",
    "an toàn giao thông",
    "giảm nghèo bền vững",
    "tiêm chủng mở rộng",
    "khuyến học, khuyến tài",
    "sản xuất chè an toàn",
    "chăn nuôi bò sữa",
    "trồng cây ăn quả",
    "dân chủ ở cơ sở",
    "phòng cháy, chữa cháy",
    "bảo tồn văn hóa dân tộc",
]

PERIODS = ["6 tháng đầu năm", "quý I", "quý III", "năm học mới", "mùa hoa mận", "dịp Tết Nguyên đán", "năm 2025"]

SENTENCE_OPENERS = [
    "Theo báo cáo của đơn vị,",
    "Trong thời gian qua,",
    "Phát biểu tại hội nghị,",
    "Nhằm nâng cao hiệu quả công tác,",
    "Bên cạnh những kết quả đạt được,",
    "Để hoàn thành mục tiêu đề ra,",
    "Thực hiện chỉ đạo của cấp trên,",
    "Với sự đồng thuận của nhân dân,",
]

SENTENCE_BODIES = [
    "các xã, thị trấn đã chủ động rà soát và hoàn thành nhiều chỉ tiêu quan trọng",
    "người dân tích cực tham gia đóng góp ý kiến vào dự thảo quy chế",
    "cán bộ, công chức được tập huấn kỹ năng ứng dụng công nghệ thông tin",
    "nhiều mô hình sản xuất hiệu quả được nhân rộng trên địa bàn",
    "công tác tiếp công dân, giải quyết khiếu nại được thực hiện nghiêm túc",
    "tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt trên 98%",
    "lượng khách du lịch tăng mạnh so với cùng kỳ năm trước",
    "đời sống vật chất và tinh thần của đồng bào các dân tộc từng bước được cải thiện",
    "hạ tầng giao thông nông thôn tiếp tục được đầu tư, nâng cấp",
    "an ninh chính trị, trật tự an toàn xã hội được giữ vững",
]

SENTENCE_ENDINGS = [
    "góp phần thúc đẩy phát triển kinh tế - xã hội của địa phương.",
    "tạo sự đồng thuận cao trong cán bộ và nhân dân.",
    "đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
    "được các cấp, các ngành ghi nhận và đánh giá cao.",
    "tuy nhiên vẫn còn một số khó khăn cần tháo gỡ.",
    "bảo đảm đúng tiến độ và chất lượng đề ra.",
]

HEADINGS = [
    "Kết quả nổi bật",
    "Nhiệm vụ trọng tâm thời gian tới",
    "Những khó khăn, vướng mắc",
    "Giải pháp thực hiện",
    "Ý kiến của người dân",
    "Số liệu chính",
    "Kiến nghị, đề xuất",
]

TABLE_ROWS = [
    "Hộ gia đình",
    "Bản, tiểu khu",
    "Doanh nghiệp",
    "Hợp tác xã",
    "Trường học",
    "Trạm y tế",
    "Cơ quan, đơn vị",
]

AUTHORS = [
    "Ban Tuyên giáo Huyện ủy",
    "Văn phòng HĐND và UBND huyện",
    "Trung tâm Văn hóa, Thể thao và Truyền thông",
    "Phóng viên cổng thông tin",
    "Hoàng Thu Trang",
    "Lò Văn Hùng",
    "Nguyễn Thị Hương",
]

AGENCIES = [
    "UBND huyện Mộc Châu",
    "Huyện ủy Mộc Châu",
    "HĐND huyện Mộc Châu",
    "UBND tỉnh Sơn La",
    "Phòng Nội vụ huyện",
    "Phòng Tài chính - Kế hoạch",
    "UBND xã Đông Sang",
    "UBND thị trấn Nông trường Mộc Châu",
]

AGENCY_CODES = {
    "UBND huyện Mộc Châu": "UBND",
    "Huyện ủy Mộc Châu": "HU",
    "HĐND huyện Mộc Châu": "HĐND",
    "UBND tỉnh Sơn La": "UBND",
    "Phòng Nội vụ huyện": "PNV",
    "Phòng Tài chính - Kế hoạch": "TCKH",
    "UBND xã Đông Sang": "UBND",
    "UBND thị trấn Nông trường Mộc Châu": "UBND",
}

TYPE_CODES = {
    "quyet-dinh": ("QĐ", "Quyết định"),
    "chi-thi": ("CT", "Chỉ thị"),
    "nghi-quyet": ("NQ", "Nghị quyết"),
    "ke-hoach": ("KH", "Kế hoạch"),
    "cong-van": ("CV", "Công văn"),
    "thong-bao": ("TB", "Thông báo"),
    "bao-cao": ("BC", "Báo cáo"),
    "huong-dan": ("HD", "Hướng dẫn"),
    "khac": ("VB", "Văn bản"),
}

SIGNERS = [
    ("Phạm Thị Nhung", "Phó Bí thư Thường trực"),
    ("Nguyễn Văn Hải", "Chủ tịch"),
    ("Lường Văn Thắng", "Phó Chủ tịch"),
    ("Đinh Thị Thu", "Phó Chủ tịch"),
    ("Trần Quốc Bảo", "Trưởng phòng"),
    ("Hà Văn Tuấn", "Chánh Văn phòng"),
]

EN_SUBJECTS = [
    "The district People's Committee",
    "The steering committee on grassroots democracy",
    "The Farmers' Union",
    "The Youth Union",
    "The health centre",
    "The tourism board",
    "The commune council",
]
EN_ACTIONS = ["reviews", "launches a plan on", "reports progress on", "holds a dialogue on", "inspects work on"]
EN_TOPICS = [
    "new rural development",
    "administrative reform",
    "digital transformation",
    "forest protection",
    "community tourism",
    "road safety",
    "sustainable poverty reduction",
    "tea and dairy farming",
]
EN_SENTENCES = [
    "Communes and townships completed most of the year's targets ahead of schedule.",
    "Residents took part in consultations on the draft regulations.",
    "Officials were trained to use the new online public services.",
    "Visitor numbers rose sharply compared with the same period last year.",
    "Rural roads continued to be upgraded with support from the province.",
    "Security and public order were maintained throughout the district.",
]
