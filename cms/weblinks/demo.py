"""Demo web links of Mộc Châu district: national portals, ministries and the province, Vietnamese and English.

The addresses are the agencies' public home pages as known when the demo was written; an operator checks them
before launch like any content."""

from wagtail.models import Locale

from cms.demo.english import translate
from cms.weblinks.models import WebLink, WebLinkPage

PAGE = {
    "vi": {
        "title": "Liên kết website",
        "slug": "lien-ket-website",
        "intro": "Cổng thông tin điện tử của các cơ quan nhà nước ở trung ương và địa phương.",
    },
    "en": {
        "title": "Web links",
        "slug": "web-links",
        "intro": "Portals of state agencies, national and local.",
    },
}

# (category, (name vi, en), url, shown in the footer)
LINKS = [
    ("quoc-gia", ("Cổng Thông tin điện tử Chính phủ", "Government portal of Viet Nam"), "https://chinhphu.vn", True),
    ("quoc-gia", ("Cổng Dịch vụ công quốc gia", "National public service portal"), "https://dichvucong.gov.vn", True),
    (
        "quoc-gia",
        ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "National database of legal documents"),
        "https://vbpl.vn",
        False,
    ),
    ("trung-uong", ("Bộ Nội vụ", "Ministry of Home Affairs"), "https://moha.gov.vn", False),
    ("trung-uong", ("Bộ Tài chính", "Ministry of Finance"), "https://mof.gov.vn", False),
    ("trung-uong", ("Bộ Khoa học và Công nghệ", "Ministry of Science and Technology"), "https://mst.gov.vn", False),
    ("tinh", ("Cổng Thông tin điện tử tỉnh Sơn La", "Sơn La province portal"), "https://sonla.gov.vn", True),
    ("tinh", ("Báo Sơn La", "Sơn La newspaper"), "https://baosonla.org.vn", False),
]


def load_web_links(loader, parent) -> WebLinkPage:
    """The web links page under ``parent`` (the home page), and its English version (re-running changes nothing)."""
    page = WebLinkPage.objects.child_of(parent).filter(slug=PAGE["vi"]["slug"]).first()
    if page is None:
        page = WebLinkPage(**PAGE["vi"], show_in_menus=True, locale=parent.locale)
        page.links = [
            WebLink(
                category=category,
                title=names[0],
                url=url,
                show_in_footer=footer,
                sort_order=order,
                locale=parent.locale,
            )
            for order, (category, names, url, footer) in enumerate(LINKS)
        ]
        parent.add_child(instance=page)
        page.save_revision().publish()
        loader.log(f"{WebLinkPage._meta.verbose_name}: {page.title}")
    english = Locale.objects.filter(language_code="en").first()
    if english is not None and parent.get_translation_or_none(english) is not None:
        texts = {**PAGE["en"], "segments": {names[0]: names[1] for _category, names, _url, _footer in LINKS}}
        _translated, created = translate(page, english, texts)
        if created:
            loader.log(f"English: {PAGE['en']['title']}")
    return page
