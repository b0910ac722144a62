"""Demo disclosures of Mộc Châu district: one or two records in each category, each with a PDF."""

import datetime

from django.core.files.base import ContentFile
from unidecode import unidecode
from wagtail.documents import get_document_model

from cms.core.text import slugify_vi
from cms.demo.media import pdf_document
from cms.disclosures.models import DisclosureFile, DisclosureIndexPage, DisclosurePage

INDEX = {
    "title": "Công khai thông tin",
    "slug": "cong-khai",
    "intro": "Công khai ngân sách, đầu tư công, đấu thầu, quy hoạch, kế hoạch và chương trình khoa học của huyện "
    "theo quy định của pháp luật.",
}

DISCLOSURES = [
    (
        "ngan-sach",
        2024,
        datetime.date(2024, 1, 12),
        "Công khai dự toán ngân sách huyện Mộc Châu năm 2024",
        "Số liệu dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách huyện năm 2024 đã được HĐND huyện "
        "quyết định.",
    ),
    (
        "ngan-sach",
        2023,
        datetime.date(2024, 7, 5),
        "Công khai quyết toán ngân sách huyện năm 2023",
        "Quyết toán thu, chi ngân sách địa phương năm 2023 và thuyết minh các khoản chi lớn.",
    ),
    (
        "dau-tu-cong",
        2024,
        datetime.date(2024, 3, 18),
        "Kế hoạch đầu tư công năm 2024 nguồn vốn ngân sách huyện",
        "Danh mục các công trình giao thông nông thôn, trường học, thủy lợi nhỏ được bố trí vốn năm 2024.",
    ),
    (
        "dau-thau",
        2024,
        datetime.date(2024, 4, 2),
        "Kế hoạch lựa chọn nhà thầu công trình cải tạo đường nội thị tiểu khu 4",
        "Tên gói thầu, giá gói thầu, hình thức và thời gian lựa chọn nhà thầu, loại hợp đồng.",
    ),
    (
        "quy-hoach-ke-hoach",
        2024,
        datetime.date(2024, 2, 20),
        "Kế hoạch phát triển du lịch cộng đồng huyện Mộc Châu giai đoạn 2024 - 2025",
        "Mục tiêu, nhiệm vụ và giải pháp phát triển du lịch cộng đồng gắn với bảo tồn văn hóa các dân tộc.",
    ),
    (
        "khoa-hoc",
        2024,
        datetime.date(2024, 5, 9),
        "Danh mục đề tài khoa học cấp huyện năm 2024",
        "Đề tài ứng dụng giống chè mới và quy trình canh tác hữu cơ tại các xã vùng chè.",
    ),
]


def _document(title: str, summary: str):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        content = pdf_document(["UBND HUYEN MOC CHAU", unidecode(title), "", unidecode(summary)])
        document.file.save(f"{slugify_vi(title)[:80]}.pdf", ContentFile(content), save=False)
        document.save()
    return document


def load_disclosures(loader, parent) -> DisclosureIndexPage:
    """The register under ``parent`` (the home page) and its records (re-running changes nothing)."""
    index = DisclosureIndexPage.objects.child_of(parent).filter(slug=INDEX["slug"]).first()
    if index is None:
        index = DisclosureIndexPage(**INDEX, show_in_menus=True, locale=parent.locale)
        parent.add_child(instance=index)
        index.save_revision().publish()
        loader.log(f"{DisclosureIndexPage._meta.verbose_name}: {index.title}")
    for category, year, date, title, summary in DISCLOSURES:
        slug = slugify_vi(title)[:80]
        if DisclosurePage.objects.child_of(index).filter(slug=slug).exists():
            continue
        page = DisclosurePage(
            title=title, slug=slug, category=category, year=year, date=date, summary=summary, locale=index.locale
        )
        page.files = [DisclosureFile(document=_document(title, summary))]
        index.add_child(instance=page)
        page.save_revision().publish()
        loader.log(f"{DisclosurePage._meta.verbose_name}: {title}")
    return index
