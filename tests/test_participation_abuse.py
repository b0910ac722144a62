"""Robots, floods and hostile input against the citizens' forms: nothing reaches the database that should not."""

import concurrent.futures
import html as html_lib

import pytest
import requests
from django.utils import timezone

from cms.participation.models import Comment, Question
from tests.participation_helpers import CSRF_INPUT, comment_data, draft_page, question_data, question_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def quick_challenge(settings):
    settings.PARTICIPATION_CHALLENGE_MAX_NUMBER = 2000


@pytest.fixture
def draft(home):
    return draft_page(home)


def test_200_submissions_from_one_address_in_a_minute_are_throttled_with_a_clear_message(
    client, draft, settings, quick_challenge
):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    statuses = []
    for number in range(200):
        page_html = client.get(draft.url).content.decode()
        response = client.post(draft.url, comment_data(page_html, text=f"Ý kiến số {number}."))
        statuses.append(response.status_code)
    limit = settings.PARTICIPATION_SUBMISSIONS_PER_HOUR
    assert statuses[:limit] == [302] * limit
    assert set(statuses[limit:]) == {429}
    assert "Bạn đã gửi quá nhiều lần trong một giờ" in response.content.decode()
    assert Comment.objects.count() == limit
    # Another address is not affected.
    page_html = client.get(draft.url).content.decode()
    other = client.post(draft.url, comment_data(page_html), REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_a_robot_without_the_challenge_gets_nothing_stored(client, draft, settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    page_html = client.get(draft.url).content.decode()
    for forged in ("", "bm90LWEtc29sdXRpb24=", "%%%", "eyJhbGdvcml0aG0iOiAiU0hBLTI1NiJ9", "A" * 5000):
        response = client.post(draft.url, comment_data(page_html, altcha=forged))
        assert response.status_code == 400
        assert "xác minh" in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_robot_filling_the_honeypot_is_told_nothing_and_nothing_is_stored(client, draft, settings, quick_challenge):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    page_html = client.get(draft.url).content.decode()
    response = client.post(draft.url, comment_data(page_html, website="http://spam.example"))
    assert response.status_code == 302
    assert Comment.objects.count() == 0


def test_a_form_sent_faster_than_a_person_can_write_is_refused(client, draft, quick_challenge):
    page_html = client.get(draft.url).content.decode()
    response = client.post(draft.url, comment_data(page_html))
    assert response.status_code == 400
    assert "Bạn gửi quá nhanh" in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_challenge_for_another_secret_or_an_expired_one_is_refused(client, draft, settings, quick_challenge):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    page_html = client.get(draft.url).content.decode()
    settings.PARTICIPATION_CHALLENGE_TTL = -10
    expired = client.get(draft.url).content.decode()
    settings.PARTICIPATION_CHALLENGE_TTL = 3600
    assert client.post(draft.url, comment_data(expired)).status_code == 400
    settings.SECRET_KEY = "another-portal-secret"
    assert client.post(draft.url, comment_data(page_html)).status_code in (400, 403)
    assert Comment.objects.count() == 0


def test_oversized_input_is_refused(client, draft, settings, quick_challenge):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    page_html = client.get(draft.url).content.decode()
    response = client.post(draft.url, comment_data(page_html, text="chữ " * 2000, name="A" * 500))
    assert response.status_code == 400
    assert "Vui lòng kiểm tra các ô được đánh dấu" in response.content.decode()
    page_html = client.get(draft.url).content.decode()
    huge = client.post(draft.url, comment_data(page_html, text="x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)))
    assert huge.status_code == 400
    assert Comment.objects.count() == 0


def test_without_consent_nothing_is_stored(client, draft, settings, quick_challenge):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    page_html = client.get(draft.url).content.decode()
    response = client.post(draft.url, comment_data(page_html, consent=None))
    assert "Cần đồng ý với việc xử lý dữ liệu cá nhân" in response.content.decode()
    assert Comment.objects.count() == 0


def _citizen(base_url: str, path: str, number: int, form=comment_data, sends=2, **fields) -> list[int]:
    """One person behind the portal's proxy: open the form, solve the challenge, send (and, impatient, resend)."""
    session = requests.Session()
    headers = {"X-Forwarded-For": f"10.20.{number // 250}.{number % 250 + 1}"}
    page_html = session.get(base_url + path, headers=headers, timeout=60).text
    data = form(page_html, **fields)
    data["csrfmiddlewaretoken"] = html_lib.unescape(CSRF_INPUT.search(page_html).group(1))
    headers["Referer"] = base_url + path
    return [
        session.post(base_url + path, data=data, headers=headers, allow_redirects=False, timeout=60).status_code
        for _ in range(sends)
    ]


# serialized_rollback: the flush after this test must not re-create content types with new ids (post_migrate), or
# later serialized-rollback tests (multi-process visibility, browser journeys) collide with them on reload.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_50_concurrent_honest_submissions_are_all_stored_exactly_once(
    live_server, home, settings, quick_challenge, rewarm_content_types
):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    settings.TRUSTED_PROXY_COUNT = 1
    draft = draft_page(home)
    path = draft.url
    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        results = list(
            pool.map(lambda n: _citizen(live_server.url, path, n, text=f"Ý kiến độc lập số {n}."), range(50))
        )
    assert results == [[302, 302]] * 50
    texts = sorted(Comment.objects.values_list("text", flat=True))
    assert texts == sorted(f"Ý kiến độc lập số {n}." for n in range(50))
    assert Comment.objects.filter(created_at__lte=timezone.now(), status="pending").count() == 50

    # The same for questions (the form answers with the tracking code), sent once each: a resend is
    # test_participation_questions.py's test_a_resent_form_is_stored_once_with_the_same_code.
    ask = question_index(home).url + "gui-cau-hoi/"
    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        results = list(
            pool.map(
                lambda n: _citizen(live_server.url, ask, n, form=question_data, sends=1, subject=f"Câu hỏi số {n}"),
                range(50),
            )
        )
    assert results == [[200]] * 50
    subjects = sorted(Question.objects.values_list("subject", flat=True))
    assert subjects == sorted(f"Câu hỏi số {n}" for n in range(50))
