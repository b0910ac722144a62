"""Questions through the API: a challenge, a submission with the site's protections, the status by code; the
published answers as pages. Every error in the one shape."""

import base64
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cms.participation import tracking
from cms.participation.models import Question, QuestionAnswerPage
from tests.participation_helpers import question_index, solve

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_forms")]


@pytest.fixture
def fast_forms(settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    settings.PARTICIPATION_CHALLENGE_MAX_NUMBER = 2000


@pytest.fixture
def index(home):
    return question_index(home)


def body(client, **fields):
    challenge = client.get("/api/v2/questions/challenge/").json()
    data = {
        "kind": "petition",
        "field": "giao-thong",
        "subject": "Đèn đường hỏng",
        "text": "Đèn đường trước trường tiểu học không sáng.",
        "name": "Trần Thị Hoa",
        "email": "hoa.tran@example.vn",
        "consent": True,
        "altcha": solve(challenge),
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def submit(client, **fields):
    return client.post("/api/v2/questions/", json.dumps(body(client, **fields)), content_type="application/json")


def status_of(client, code):
    return client.post("/api/v2/questions/status/", {"code": code}, content_type="application/json")


def test_a_headless_site_submits_and_checks_the_status(client, index):
    response = submit(client)
    assert response.status_code == 201, response.content
    receipt = response.json()
    assert receipt["status"] == "received" and tracking.normalise(receipt["code"])
    question = Question.objects.get()
    assert (question.page_id, question.kind, question.email) == (index.pk, "petition", "hoa.tran@example.vn")
    status = status_of(client, receipt["code"].lower())
    assert status.status_code == 200
    assert status.json() | {"created_at": None} == {
        "code": receipt["code"],
        "subject": "Đèn đường hỏng",
        "kind": "petition",
        "field": "giao-thong",
        "status": "received",
        "status_label": "Mới tiếp nhận",
        "created_at": None,
        "answer_url": None,
    }
    assert "hoa.tran@example.vn" not in status.content.decode()


def test_attachments_go_through_multipart_with_the_same_checks(client, index):
    out = io.BytesIO()
    Image.new("RGB", (3, 3)).save(out, "PNG")
    data = body(client, consent="on")
    data["attachments"] = [SimpleUploadedFile("anh.png", out.getvalue())]
    assert client.post("/api/v2/questions/", data).status_code == 201
    assert Question.objects.get().attachments.count() == 1
    data = body(client, consent="on")
    data["attachments"] = [SimpleUploadedFile("anh.png", b"<html>not an image</html>")]
    response = client.post("/api/v2/questions/", data)
    assert response.status_code == 400 and response.json()["parameter"] == "attachments"
    assert Question.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "parameter"),
    [
        ({"altcha": None}, "altcha"),
        ({"altcha": base64.b64encode(b'{"number": 1}').decode()}, "altcha"),
        ({"consent": False}, "consent"),
        ({"field": "khong-co"}, "field"),
        ({"text": "x" * 5001}, "text"),
        ({"email": "not-an-email"}, "email"),
        ({"subject": ["a", "b"]}, "subject"),
    ],
)
def test_refusals_come_in_the_one_error_shape_and_store_nothing(client, index, fields, parameter):
    response = submit(client, **fields)
    assert response.status_code == 400
    error = response.json()
    assert set(error) <= {"message", "parameter"} and error["message"]
    assert error.get("parameter") == parameter
    assert Question.objects.count() == 0


def test_bad_bodies_and_unknown_pages_are_client_errors(client, index):
    for raw in ("{", "[]", "null", '"x"'):
        response = client.post("/api/v2/questions/", raw, content_type="application/json")
        assert response.status_code == 400 and "message" in response.json()
    response = submit(client, page=999999)
    assert response.status_code == 404 and "message" in response.json()
    response = submit(client, page="abc")
    assert response.status_code == 400 and response.json()["parameter"] == "page"
    for raw in ('{"code": 5}', '{"code": ""}', "{", '{"code": "' + "x" * 50 + '"}'):
        response = client.post("/api/v2/questions/status/", raw, content_type="application/json")
        assert response.status_code == 400 and "message" in response.json()
    response = status_of(client, "HD-0000-0000-0000")
    assert response.status_code == 404 and set(response.json()) <= {"message", "parameter"}


def test_the_honeypot_stores_nothing(client, index):
    response = submit(client, website="http://spam.example")
    assert response.status_code == 201 and Question.objects.count() == 0


def test_submissions_and_lookups_are_throttled(client, index, settings):
    settings.PARTICIPATION_SUBMISSIONS_PER_HOUR = 1
    assert submit(client).status_code == 201
    response = submit(client, subject="Lần hai")
    assert response.status_code == 429 and "quá nhiều lần" in response.json()["message"]
    settings.PARTICIPATION_LOOKUPS_PER_CODE_PER_HOUR = 1
    assert status_of(client, "HD-0000-0000-0001").status_code == 404
    assert status_of(client, "HD-0000-0000-0001").status_code == 429


def test_published_answers_are_pages_in_the_api_and_drafts_are_not(client, index):
    live = QuestionAnswerPage(title="Miễn học phí", question="Trẻ 5 tuổi?", answer="<p>Có.</p>", field="giao-duc")
    index.add_child(instance=live)
    live.save_revision().publish()
    draft = QuestionAnswerPage(title="Chưa duyệt", question="?", answer="<p>x</p>", live=False)
    index.add_child(instance=draft)
    listing = client.get("/api/v2/pages/?type=participation.QuestionAnswerPage&fields=*").json()
    assert [item["title"] for item in listing["items"]] == ["Miễn học phí"]
    assert listing["items"][0]["field"] == {"code": "giao-duc", "label": "Giáo dục"}
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
