"""Demo content for citizens' participation: the privacy notice, one draft open for comment, one closed with
its summary report and approved comments; the "Hỏi đáp" page (and its English translation) with two published
answers and one question waiting. Called from ``DemoLoader.load``; running it twice changes nothing."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from cms.demo.english import translate
from cms.demo.media import pdf_document
from cms.organisation.models import UnitPage
from cms.participation import tracking
from cms.participation.models import (
    Comment,
    DraftFile,
    DraftIndexPage,
    DraftPage,
    ParticipationSettings,
    Question,
    QuestionAnswerPage,
    QuestionIndexPage,
)

PRIVACY = {
    "title": "Thông báo xử lý dữ liệu cá nhân",
    "slug": "thong-bao-xu-ly-du-lieu-ca-nhan",
    "intro": "Cổng thông tin xử lý dữ liệu cá nhân của người dân theo Nghị định số 13/2023/NĐ-CP.",
    "body": [
        ("heading", "Dữ liệu được thu thập"),
        (
            "paragraph",
            "<p>Khi góp ý dự thảo hoặc gửi câu hỏi, phản ánh, kiến nghị, Cổng thông tin thu thập họ tên, nội dung "
            "bạn viết và, nếu bạn cung cấp, địa chỉ thư điện tử hoặc số điện thoại.</p>",
        ),
        ("heading", "Mục đích xử lý"),
        (
            "paragraph",
            "<p>Dữ liệu chỉ dùng để tiếp nhận, làm rõ và trả lời ý kiến của bạn. Thông tin liên hệ chỉ cán bộ "
            "được giao xử lý và cán bộ kiểm duyệt được xem, mỗi lần xem đều được ghi nhật ký; không bao giờ được "
            "công bố hay chuyển cho bên thứ ba.</p>",
        ),
        ("heading", "Thời gian lưu trữ"),
        (
            "paragraph",
            "<p>Họ tên và thông tin liên hệ được tự động xoá sau thời hạn lưu trữ kể từ khi kết thúc xử lý (hết "
            "hạn lấy ý kiến hoặc đóng câu hỏi). Nội dung ý kiến đã duyệt và câu trả lời được giữ lại không kèm "
            "tên người gửi, trừ khi người gửi đồng ý hiển thị tên.</p>",
        ),
        ("heading", "Quyền của bạn"),
        (
            "paragraph",
            "<p>Bạn có quyền yêu cầu xem, sửa hoặc xoá dữ liệu cá nhân của mình bằng cách liên hệ Văn phòng HĐND "
            "và UBND huyện theo địa chỉ ở chân trang.</p>",
        ),
    ],
}
INDEX = {
    "title": "Lấy ý kiến dự thảo",
    "slug": "lay-y-kien-du-thao",
    "intro": "Ủy ban nhân dân huyện công khai các dự thảo văn bản để người dân, doanh nghiệp góp ý trước khi ban hành",
}
OPEN_DRAFT = {
    "title": "Dự thảo Quy định về quản lý chợ trên địa bàn huyện",
    "slug": "du-thao-quy-dinh-quan-ly-cho",
    "intro": (
        "Dự thảo quy định việc phân loại chợ, bố trí ngành hàng, thu phí sử dụng điểm kinh doanh và trách nhiệm "
        "của Ban quản lý chợ các xã, thị trấn."
    ),
    "drafting_unit": "Phòng Kinh tế và Hạ tầng huyện",
    "contact": "Phòng Kinh tế và Hạ tầng, điện thoại 0212 3866 205, thư điện tử ktht@mocchau.example.gov.vn",
    "sections": "Chương I. Quy định chung\nĐiều 4. Bố trí ngành hàng\nĐiều 7. Phí sử dụng điểm kinh doanh",
    "days": (-10, 20),
    "file": ["Du thao Quy dinh quan ly cho tren dia ban huyen", "Phong Kinh te va Ha tang"],
}
CLOSED_DRAFT = {
    "title": "Dự thảo Kế hoạch phát triển du lịch cộng đồng giai đoạn 2026-2030",
    "slug": "du-thao-ke-hoach-du-lich-cong-dong",
    "intro": (
        "Dự thảo kế hoạch xác định các bản du lịch cộng đồng trọng điểm, hỗ trợ đào tạo người dân làm du lịch "
        "và quảng bá sản phẩm chè, sữa, hoa mận của địa phương."
    ),
    "drafting_unit": "Phòng Văn hóa và Thông tin huyện",
    "contact": "Phòng Văn hóa và Thông tin, điện thoại 0212 3866 318",
    "sections": "Phần I. Mục tiêu\nPhần II. Nhiệm vụ, giải pháp\nPhần III. Kinh phí thực hiện",
    "days": (-75, -30),
    "file": ["Du thao Ke hoach phat trien du lich cong dong 2026-2030", "Phong Van hoa va Thong tin"],
    "summary": (
        "<p>Trong thời gian lấy ý kiến, Phòng Văn hóa và Thông tin nhận được 18 ý kiến của người dân, doanh "
        "nghiệp và các xã. 12 ý kiến được tiếp thu (bổ sung bản Nà Ka vào danh sách trọng điểm, tăng kinh phí "
        "đào tạo hướng dẫn viên người địa phương); 6 ý kiến được giải trình vì thuộc thẩm quyền của tỉnh.</p>"
    ),
    "comments": [
        ("Lò Văn Thắng", True, "Phần I. Mục tiêu", "Đề nghị đưa bản Nà Ka vào danh sách bản du lịch trọng điểm."),
        ("", False, "Phần III. Kinh phí thực hiện", "Nên dành kinh phí đào tạo ngoại ngữ cho người dân làm homestay."),
    ],
}


def _document(title_lines: list[str], title: str):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title)
    document.file.save(f"{title_lines[0][:40].replace(' ', '-').lower()}.pdf", ContentFile(pdf_document(title_lines)))
    return document


def _draft(index: DraftIndexPage, item: dict) -> DraftPage:
    existing = DraftPage.objects.child_of(index).filter(slug=item["slug"]).first()
    if existing:
        return existing
    now = timezone.localtime().replace(hour=17, minute=0, second=0, microsecond=0)
    opens, closes = (now + datetime.timedelta(days=days) for days in item["days"])
    page = DraftPage(
        title=item["title"],
        slug=item["slug"],
        intro=item["intro"],
        drafting_unit=item["drafting_unit"],
        contact=item["contact"],
        sections=item["sections"],
        opens_at=opens,
        closes_at=closes,
        summary_report=item.get("summary", ""),
        locale=index.locale,
    )
    page.files = [DraftFile(document=_document(item["file"], f"Toàn văn {item['title'].lower()}"))]
    index.add_child(instance=page)
    page.save_revision().publish()
    for name, show_name, section, text in item.get("comments", []):
        Comment.objects.create(
            page=page,
            name=name,
            show_name=show_name,
            section=section,
            text=text,
            status=Comment.Status.APPROVED,
            created_at=opens + datetime.timedelta(days=3),
        )
    return page


def load_participation(loader, home: Page) -> None:
    privacy = loader.ensure_content_page(home, PRIVACY)
    site = getattr(loader, "site", None) or Site.objects.get(is_default_site=True)  # the portal being built
    settings = ParticipationSettings.for_site(site)
    if settings.privacy_page_id is None:
        settings.privacy_page = privacy
        settings.save()
    index = DraftIndexPage.objects.child_of(home).filter(slug=INDEX["slug"]).first()
    if index is None:
        index = DraftIndexPage(**INDEX, show_in_menus=True, locale=home.locale)
        home.add_child(instance=index)
        index.save_revision().publish()
        loader.log(f"{DraftIndexPage._meta.verbose_name}: {INDEX['title']}")
    for item in (OPEN_DRAFT, CLOSED_DRAFT):
        _draft(index, item)


# Questions and petitions (hỏi đáp, phản ánh kiến nghị).

QUESTION_INDEX = {
    "vi": {
        "title": "Hỏi đáp",
        "slug": "hoi-dap",
        "intro": "Người dân, doanh nghiệp gửi câu hỏi, phản ánh, kiến nghị; cơ quan trả lời công khai sau khi "
        "lãnh đạo phê duyệt. Mỗi câu hỏi có mã tra cứu để theo dõi tình trạng xử lý.",
    },
    "en": {
        "title": "Questions and answers",
        "slug": "questions",
        "intro": "Citizens and businesses send questions, reports and petitions; the agency answers in public "
        "once its leaders approve. Every question has a tracking code to follow its progress.",
    },
}
# Demo questions: (tracking-code seed, unit slug, question fields, answer or None).
QUESTIONS = [
    (
        "demo-cap-giay-chung-nhan",
        "bo-phan-mot-cua",
        {
            "kind": "question",
            "field": "dat-dai",
            "subject": "Thời hạn cấp giấy chứng nhận quyền sử dụng đất lần đầu",
            "text": "Gia đình tôi nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu tại bộ phận một cửa "
            "huyện đã 25 ngày nhưng chưa nhận được kết quả. Xin hỏi thời hạn giải quyết là bao lâu?",
            "name": "Lò Văn Thắng",
            "email": "thang.lo@example.vn",
            "show_name": True,
            "days_ago": 20,
        },
        "<p>Theo Nghị định số 101/2024/NĐ-CP, thời hạn cấp giấy chứng nhận lần đầu không quá 20 ngày làm việc "
        "kể từ ngày nhận đủ hồ sơ hợp lệ, không kể thời gian niêm yết công khai và thời gian người sử dụng đất "
        "thực hiện nghĩa vụ tài chính. Ông vui lòng liên hệ bộ phận một cửa huyện để biết hồ sơ đang ở bước nào."
        "</p>",
    ),
    (
        "demo-den-duong-ban-ang",
        "van-phong-hdnd-ubnd",
        {
            "kind": "petition",
            "field": "giao-thong",
            "subject": "Đề nghị sửa đèn chiếu sáng đường vào bản Áng",
            "text": "Đoạn đường từ quốc lộ 6 vào bản Áng có nhiều cột đèn không sáng từ hai tháng nay, buổi tối "
            "học sinh đi học về rất nguy hiểm. Đề nghị huyện kiểm tra, sửa chữa.",
            "name": "Trần Thị Hoa",
            "phone": "0912 345 678",
            "show_name": False,
            "days_ago": 12,
        },
        "<p>Văn phòng HĐND và UBND huyện đã phối hợp với đơn vị quản lý kiểm tra và thay 14 bóng đèn hỏng trên "
        "tuyến đường vào bản Áng. Cảm ơn bà đã phản ánh.</p>",
    ),
    (
        "demo-hoc-phi-mam-non",
        "",
        {
            "kind": "question",
            "field": "giao-duc",
            "subject": "Miễn học phí mầm non cho trẻ 5 tuổi",
            "text": "Con tôi 5 tuổi học trường mầm non công lập của xã. Năm học này cháu có được miễn học phí không?",
            "name": "Vì Thị Dung",
            "email": "dung.vi@example.vn",
            "show_name": False,
            "days_ago": 2,
        },
        None,
    ),
]


def _question_index(loader, home: Page) -> QuestionIndexPage:
    index = QuestionIndexPage.objects.child_of(home).filter(slug=QUESTION_INDEX["vi"]["slug"]).first()
    if index is None:
        index = QuestionIndexPage(**QUESTION_INDEX["vi"], show_in_menus=True, locale=home.locale)
        home.add_child(instance=index)
        index.save_revision().publish()
        loader.log(f"{QuestionIndexPage._meta.verbose_name}: {index.title}")
    english = Locale.objects.filter(language_code="en").first()
    if english is not None and home.get_translation_or_none(english) is not None:
        _translated, created = translate(index, english, QUESTION_INDEX["en"])
        if created:
            loader.log(f"English: {QUESTION_INDEX['en']['title']}")
    return index


def _question(index: QuestionIndexPage, seed: str, unit_slug: str, fields: dict, answer: str | None) -> None:
    code = tracking.new_code(seed)
    if Question.objects.filter(code_digest=tracking.digest(code)).exists():
        return
    fields = dict(fields)
    created_at = timezone.now() - datetime.timedelta(days=fields.pop("days_ago"))
    unit = UnitPage.objects.filter(slug=unit_slug, locale=index.locale).first() if unit_slug else None
    question = Question.objects.create(
        page=index,
        code_digest=tracking.digest(code),
        submission_key=seed,
        created_at=created_at,
        assigned_unit=unit,
        status=Question.Status.ASSIGNED if unit else Question.Status.RECEIVED,
        **fields,
    )
    if answer is None:
        return
    page = QuestionAnswerPage(
        title=question.subject,
        kind=question.kind,
        field=question.field,
        asker_name=question.name if question.show_name else "",
        asked_on=timezone.localdate(created_at),
        question=question.text,
        answer=answer,
        answering_unit=unit.title if unit else "",
        locale=index.locale,
    )
    index.add_child(instance=page)
    question.answer_page = page
    question.save(update_fields=["answer_page"])
    # The demo's answers count as approved; publishing marks the question published (no e-mail: the demo
    # addresses are example.vn, and the console backend only prints).
    page.save_revision().publish()


def demo_tracking_codes() -> dict[str, str]:
    """The demo questions' tracking codes (for the README and the browser journeys)."""
    return {fields["subject"]: tracking.new_code(seed) for seed, _unit, fields, _answer in QUESTIONS}


def load_questions(loader, home: Page) -> None:
    index = _question_index(loader, home)
    for seed, unit_slug, fields, answer in QUESTIONS:
        _question(index, seed, unit_slug, fields, answer)
