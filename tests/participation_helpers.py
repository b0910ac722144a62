"""Citizens as tests play them: read the form's challenge from the page, solve it, send the form."""

import base64
import datetime
import html
import json
import re

import altcha
from django.utils import timezone
from wagtail.models import Page

from cms.participation.models import DraftIndexPage, DraftPage

CHALLENGE_ATTRIBUTE = re.compile(r'data-challenge="([^"]+)"')
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def challenge_of(page_html: str) -> dict:
    return json.loads(html.unescape(CHALLENGE_ATTRIBUTE.search(page_html).group(1)))


def solve(challenge: dict) -> str:
    """The base64 payload a browser sends after solving the challenge (what static/participation/challenge.js does)."""
    solution = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    payload = {
        "algorithm": challenge["algorithm"],
        "challenge": challenge["challenge"],
        "number": solution.number,
        "salt": challenge["salt"],
        "signature": challenge["signature"],
    }
    return base64.b64encode(json.dumps(payload).encode()).decode()


def comment_data(page_html: str, **fields) -> dict:
    data = {
        "name": "Nguyễn Thị Lan",
        "contact": "lan.nguyen@example.vn",
        "text": "Đề nghị bổ sung quy định về thời hạn trả lời kiến nghị của người dân.",
        "consent": "on",
        "altcha": solve(challenge_of(page_html)),
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def draft_index(home) -> DraftIndexPage:
    existing = DraftIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = DraftIndexPage(title="Lấy ý kiến dự thảo", slug="lay-y-kien-du-thao")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def draft_page(home, *, slug="du-thao-quy-che", days_open=10, days_left=5, sections="", publish=True) -> DraftPage:
    now = timezone.now()
    page = DraftPage(
        title="Dự thảo Quy chế tiếp nhận phản ánh, kiến nghị",
        slug=slug,
        intro="Quy định cách Ủy ban nhân dân huyện tiếp nhận và trả lời phản ánh của người dân.",
        drafting_unit="Văn phòng HĐND và UBND huyện",
        contact="Phòng Tổng hợp, điện thoại 0212 3866 123",
        opens_at=now - datetime.timedelta(days=days_open),
        closes_at=now + datetime.timedelta(days=days_left),
        sections=sections,
        live=publish,
    )
    draft_index(home).add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def question_index(home):
    from cms.participation.models import QuestionIndexPage

    existing = QuestionIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def question_data(page_html: str, **fields) -> dict:
    """What a citizen sends from the "Gửi câu hỏi" form (``None`` leaves a field out)."""
    data = {
        "kind": "question",
        "field": "dat-dai",
        "subject": "Thủ tục tách thửa đất ở",
        "text": "Xin hỏi diện tích tối thiểu để tách thửa đất ở tại thị trấn là bao nhiêu mét vuông?",
        "name": "Nguyễn Văn Bình",
        "email": "binh.nguyen@example.vn",
        "phone": "0912 000 111",
        "consent": "on",
        "altcha": solve(challenge_of(page_html)),
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


TRACKING_CODE = re.compile(r"data-tracking-code>([A-Z0-9-]+)<")


def tracking_code_of(page_html: str) -> str:
    return TRACKING_CODE.search(page_html).group(1)
