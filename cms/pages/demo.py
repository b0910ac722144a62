"""Demo sub-pages of "Giới thiệu" (Decree 42: functions, tasks and powers of the agency), Vietnamese and English."""

from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.demo.english import translate
from cms.pages.models import ContentPage

# (Vietnamese, English) pairs; "body" is a list of ("heading" | "paragraph", vi, en).
ABOUT_CHILDREN = [
    {
        "title": ("Chức năng, nhiệm vụ", "Functions and tasks"),
        "slug": ("chuc-nang-nhiem-vu", "functions-and-tasks"),
        "intro": (
            "Chức năng, nhiệm vụ và quyền hạn của Ủy ban nhân dân huyện Mộc Châu.",
            "The functions, tasks and powers of the People's Committee of Mộc Châu district.",
        ),
        "body": [
            ("heading", "Chức năng", "Functions"),
            (
                "paragraph",
                "Ủy ban nhân dân huyện do Hội đồng nhân dân huyện bầu, là cơ quan chấp hành của Hội đồng nhân dân, "
                "cơ quan hành chính nhà nước ở địa phương, chịu trách nhiệm trước Nhân dân, Hội đồng nhân dân huyện "
                "và Ủy ban nhân dân tỉnh Sơn La.",
                "The District People's Committee is elected by the District People's Council. It is the executive "
                "body of the Council and the local organ of state administration, accountable to the people, to the "
                "District People's Council and to the People's Committee of Sơn La province.",
            ),
            ("heading", "Nhiệm vụ, quyền hạn", "Tasks and powers"),
            (
                "paragraph",
                "Xây dựng và trình Hội đồng nhân dân huyện quyết định kế hoạch phát triển kinh tế - xã hội, dự toán "
                "ngân sách và các chương trình, dự án trên địa bàn; tổ chức thực hiện các nghị quyết đó.",
                "To prepare the district's socio-economic development plan, budget estimates, programmes and "
                "projects for the District People's Council to decide, and to carry out its resolutions.",
            ),
            (
                "paragraph",
                "Quản lý nhà nước về đất đai, nông nghiệp, xây dựng, giáo dục, y tế, văn hóa, du lịch, quốc phòng, "
                "an ninh trên địa bàn huyện; giải quyết thủ tục hành chính cho người dân và doanh nghiệp.",
                "To administer land, agriculture, construction, education, health, culture, tourism, defence and "
                "security in the district, and to handle administrative procedures for citizens and businesses.",
            ),
        ],
    },
    {
        "title": ("Lịch sử hình thành", "History"),
        "slug": ("lich-su-hinh-thanh", "history"),
        "intro": (
            "Những mốc chính trong quá trình hình thành và phát triển của huyện Mộc Châu.",
            "The main milestones in the history of Mộc Châu district.",
        ),
        "body": [
            (
                "paragraph",
                "Vùng đất Mộc Châu có từ lâu đời, là nơi sinh sống của đồng bào các dân tộc Thái, Mông, Mường, Dao, "
                "Kinh. Sau năm 1954, nông trường quốc doanh Mộc Châu được thành lập, mở đầu cho nghề chè và bò sữa "
                "nổi tiếng của cao nguyên.",
                "Mộc Châu has long been home to Thái, Mông, Mường, Dao and Kinh people. After 1954 the Mộc Châu state "
                "farm was founded, the beginning of the plateau's well-known tea and dairy farming.",
            ),
            (
                "paragraph",
                "Năm 2008, một phần diện tích và dân số của huyện được tách ra để thành lập huyện Vân Hồ. Mộc Châu "
                "ngày nay là trung tâm du lịch quốc gia của vùng Tây Bắc.",
                "In 2008 part of the district was separated to form Vân Hồ district. Today Mộc Châu is a national "
                "tourism area of the North-West.",
            ),
        ],
    },
    {
        "title": ("Điều kiện tự nhiên", "Geography"),
        "slug": ("dieu-kien-tu-nhien", "geography"),
        "intro": (
            "Vị trí địa lý, địa hình và khí hậu của cao nguyên Mộc Châu.",
            "Location, landscape and climate of the Mộc Châu plateau.",
        ),
        "body": [
            (
                "paragraph",
                "Huyện nằm ở phía đông nam tỉnh Sơn La, độ cao trung bình khoảng 1.000 m so với mực nước biển, có "
                "Quốc lộ 6 chạy qua. Khí hậu cận nhiệt đới, mát mẻ quanh năm, nhiệt độ trung bình khoảng 18 °C.",
                "The district lies in the south-east of Sơn La province, about 1,000 m above sea level, on National "
                "Road 6. The climate is subtropical and cool all year, averaging about 18 °C.",
            ),
        ],
    },
]


def _body(items, language: int):
    return [
        ("heading", {"text": item[language], "level": "h2"})
        if item[0] == "heading"
        else ("paragraph", RichText(item[language]))
        for item in items
    ]


def load_about_children(loader, about: ContentPage) -> None:
    """The sub-pages of "Giới thiệu" in the editors' order, and their English versions when ``en`` exists."""
    english = Locale.objects.filter(language_code="en").first()
    for item in ABOUT_CHILDREN:
        page = ContentPage.objects.child_of(about).filter(slug=item["slug"][0]).first()
        if page is None:
            page = ContentPage(
                title=item["title"][0],
                slug=item["slug"][0],
                intro=item["intro"][0],
                body=_body(item["body"], 1),
                locale=about.locale,
            )
            about.add_child(instance=page)
            page.save_revision().publish()
            loader.log(f"{ContentPage._meta.verbose_name}: {page.title}")
        if english is not None and about.get_translation_or_none(english) is not None:
            texts = {"title": item["title"][1], "slug": item["slug"][1], "intro": item["intro"][1]}
            texts["body"] = [entry[2] for entry in item["body"]]
            _translated, created = translate(page, english, texts)
            if created:
                loader.log(f"English: {texts['title']}")
