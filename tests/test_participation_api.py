"""Approved comments in the API, and a citizen's contact details nowhere public: page, API, search, sitemap, feed."""

import pytest

from cms.participation.models import Comment
from tests.participation_helpers import comment_data, draft_page

pytestmark = pytest.mark.django_db

EMAIL, PHONE = "hoa.dinh@example.vn", "0912 345 678"


@pytest.fixture
def draft(home):
    return draft_page(home)


def _comments(draft):
    Comment.objects.create(
        page=draft, name="Đinh Thị Hoa", contact=EMAIL, show_name=True, text="Ý kiến công khai.", status="approved"
    )
    Comment.objects.create(page=draft, name="Bùi Văn Nam", contact=PHONE, text="Ý kiến ẩn danh.", status="approved")
    Comment.objects.create(page=draft, name="Chưa Duyệt", contact=PHONE, text="Ý kiến chờ duyệt.")


def test_the_api_lists_approved_comments_without_contact_details(client, draft, django_assert_max_num_queries):
    _comments(draft)
    # First request after a change: the sites (host table and records, 2: once per sites change, cms/core/sites.py),
    # the publication rule's per-generation lookups (4), then the draft, count, rows.
    with django_assert_max_num_queries(9):
        client.get(f"/api/v2/draft-comments/?draft={draft.pk}")
    with django_assert_max_num_queries(3):
        response = client.get(f"/api/v2/draft-comments/?draft={draft.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["meta"] == {"total_count": 2}
    assert [(item["name"], item["text"]) for item in body["items"]] == [
        ("Đinh Thị Hoa", "Ý kiến công khai."),
        ("Người góp ý", "Ý kiến ẩn danh."),
    ]
    assert set(body["items"][0]) == {"id", "name", "section", "text", "created_at"}
    assert (
        client.get(f"/api/v2/draft-comments/?draft={draft.pk}&limit=1&offset=1").json()["items"][0]["text"]
        == "Ý kiến ẩn danh."
    )


@pytest.mark.parametrize(
    "query", ["", "?draft=abc", "?draft=0", "?draft=1&limit=1000", "?draft=1&offset=-1", "?draft=99999999999"]
)
def test_bad_queries_get_the_one_error_shape(client, draft, query):
    response = client.get(f"/api/v2/draft-comments/{query}")
    assert response.status_code == 400
    assert set(response.json()) == {"message"}


def test_an_unpublished_draft_has_no_comments_in_the_api(client, home):
    hidden = draft_page(home, slug="chua-dang", publish=False)
    Comment.objects.create(page=hidden, name="A", text="Ý kiến bí mật.", status="approved")
    response = client.get(f"/api/v2/draft-comments/?draft={hidden.pk}")
    assert response.status_code == 404
    assert "message" in response.json()


def test_a_citizens_email_and_phone_appear_nowhere_public(client, draft, settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    settings.PARTICIPATION_CHALLENGE_MAX_NUMBER = 2000
    client.post(draft.url, comment_data(client.get(draft.url).content.decode(), contact=EMAIL, show_name="on"))
    client.post(draft.url, comment_data(client.get(draft.url).content.decode(), contact=PHONE, text="Thêm ý kiến."))
    Comment.objects.update(status="approved")
    assert Comment.objects.filter(contact__in=[EMAIL, PHONE]).count() == 2
    urls = [
        draft.url,
        "/vi/lay-y-kien-du-thao/",
        f"/api/v2/draft-comments/?draft={draft.pk}",
        f"/api/v2/pages/{draft.pk}/",
        "/api/v2/pages/?type=participation.DraftPage&fields=*",
        "/search/?q=Đinh+Thị+Hoa",
        "/search/?q=đề+nghị+bổ+sung",
        "/api/v2/search/?q=Đinh+Thị+Hoa",
        "/sitemap.xml",
        "/rss/",
    ]
    for url in urls:
        response = client.get(url, follow=True)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        text = content.decode()
        assert response.status_code in (200, 404), url
        assert EMAIL not in text, url
        assert PHONE not in text and "0912345678" not in text, url
