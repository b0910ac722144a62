"""Questions and petitions: asking, the tracking code, the staff's queue, the answer through the approval
workflow, the e-mail to the citizen, the public list and search, attachments, personal data."""

import datetime
import io
import json
import os
from smtplib import SMTPException
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.models import Locale, ModelLogEntry

from cms.editorial import roles
from cms.operations.models import OperationRecord
from cms.organisation.models import OrganisationPage, UnitPage
from cms.participation import tracking
from cms.participation.models import Question, QuestionAnswerPage, QuestionAttachment
from cms.participation.roles import MODERATORS, QUESTION_HANDLERS
from tests.participation_helpers import question_data, question_index, tracking_code_of
from tests.workflow_helpers import as_user, edit_page, make_staff, make_user, page_workflow_action

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_forms")]


@pytest.fixture
def fast_forms(settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    settings.PARTICIPATION_CHALLENGE_MAX_NUMBER = 2000


@pytest.fixture
def index(home):
    return question_index(home)


def ask_url(index):
    return index.url + "gui-cau-hoi/"


def track_url(index):
    return index.url + "tra-cuu/"


def ask(client, index, files=None, address="127.0.0.1", **fields):
    form = client.get(ask_url(index)).content.decode()
    data = question_data(form, **fields)
    if files:
        data["attachments"] = files
    return client.post(ask_url(index), data, REMOTE_ADDR=address)


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, "PNG")
    return out.getvalue()


def test_a_citizen_asks_and_gets_a_readable_tracking_code(client, index):
    response = ask(client, index)
    assert response.status_code == 200
    html = response.content.decode()
    code = tracking_code_of(html)
    assert tracking.normalise(code) and code.startswith("HD-") and len(code) == 17
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    question = Question.objects.get()
    assert (question.status, question.name, question.email) == (
        "received",
        "Nguyễn Văn Bình",
        "binh.nguyen@example.vn",
    )
    # Only a digest is stored: the table alone reveals no code.
    assert code.replace("-", "") not in str(Question.objects.values().get())
    assert question.code_digest == tracking.digest(code)
    # Typing is forgiving: lower case, spaces, O for 0.
    assert tracking.digest(code.lower().replace("-", " ").replace("0", "o")) == question.code_digest


def track(client, index, code, **extra):
    return client.post(track_url(index), {"code": code}, **extra)


def test_the_tracking_page_shows_the_status_and_nothing_personal(client, index):
    code = tracking_code_of(ask(client, index).content.decode())
    response = track(client, index, code)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thủ tục tách thửa đất ở" in html and "Mới tiếp nhận" in html
    for personal in ("Nguyễn Văn Bình", "binh.nguyen@example.vn", "0912 000 111"):
        assert personal not in html
    assert "no-store" in response["Cache-Control"]
    # Another code, garbage, a script: "not found", never an error page.
    for typed in ("HD-0000-0000-0000", "<script>alert(1)</script>", "x" * 40):
        response = track(client, index, typed)
        assert response.status_code == 404 and "Không tìm thấy câu hỏi" in response.content.decode()
    assert track(client, index, "x" * 41).status_code == 400


def test_guessing_codes_is_throttled_per_code_and_per_address(client, index, settings):
    code = tracking_code_of(ask(client, index).content.decode())
    settings.PARTICIPATION_LOOKUPS_PER_CODE_PER_HOUR = 3
    settings.PARTICIPATION_LOOKUPS_PER_HOUR = 5
    statuses = [track(client, index, code, REMOTE_ADDR=f"10.0.0.{n}").status_code for n in range(4)]
    assert statuses == [200, 200, 200, 429]  # the code's limit holds across addresses
    statuses = [track(client, index, f"HD-0000-0000-000{n}", REMOTE_ADDR="10.0.1.1").status_code for n in range(6)]
    assert statuses == [404] * 5 + [429]
    assert "quá nhiều lần" in track(client, index, code, REMOTE_ADDR="10.0.1.1").content.decode()


def test_submissions_are_limited_per_portal_and_address(client, index, settings):
    from cms.participation.models import ParticipationSettings

    settings.PARTICIPATION_SUBMISSIONS_PER_HOUR = 2
    assert [ask(client, index, subject=f"Câu hỏi {n}").status_code for n in range(3)] == [200, 200, 429]
    assert Question.objects.count() == 2
    # A portal may set a stricter limit of its own.
    portal = ParticipationSettings.for_site(index.get_site())
    portal.submissions_per_hour = 1
    portal.save()
    statuses = [ask(client, index, subject=f"Câu hỏi khác {n}", address="10.2.2.2").status_code for n in range(2)]
    assert statuses == [200, 429]


def test_a_robot_without_the_challenge_or_with_the_honeypot_stores_nothing(client, index):
    form = client.get(ask_url(index)).content.decode()
    data = question_data(form, altcha=None)
    response = client.post(ask_url(index), data)
    assert response.status_code == 400 and Question.objects.count() == 0
    response = client.post(ask_url(index), question_data(form, altcha="e30="))
    assert response.status_code == 400 and Question.objects.count() == 0
    response = ask(client, index, website="http://spam.example")
    assert response.status_code == 200 and Question.objects.count() == 0
    # It is told nothing: a code-like answer as for a person.
    assert tracking.normalise(tracking_code_of(response.content.decode()))


def test_a_resent_form_is_stored_once_with_the_same_code(client, index):
    form = client.get(ask_url(index)).content.decode()
    data = question_data(form)
    first = tracking_code_of(client.post(ask_url(index), data).content.decode())
    second = tracking_code_of(client.post(ask_url(index), data).content.decode())
    assert first == second and Question.objects.count() == 1


def test_script_and_html_in_a_question_stay_inert(client, index):
    response = ask(client, index, subject="<script>alert(1)</script>", text="<img src=x onerror=alert(1)> Xin hỏi")
    code = tracking_code_of(response.content.decode())
    html = track(client, index, code).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_attachments_are_checked_by_content_and_kept_out_of_public_media(client, index, settings):
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    response = ask(
        client,
        index,
        files=[
            SimpleUploadedFile("ban-ve.png", png_bytes(), "image/png"),
            SimpleUploadedFile("don.pdf", pdf, "application/pdf"),
        ],
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    question = Question.objects.get()
    stored = list(question.attachments.order_by("pk"))
    assert [(item.original_name, item.content_type) for item in stored] == [
        ("ban-ve.png", "image/png"),
        ("don.pdf", "application/pdf"),
    ]
    for item in stored:
        path = item.file.path
        assert path.startswith(settings.PARTICIPATION_PRIVATE_ROOT) and not path.startswith(settings.MEDIA_ROOT)
        assert "ban-ve" not in path and "don" not in path.rsplit("/", 1)[-1]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("thu.pdf", b"<html><script>alert(1)</script></html>", "không đúng với phần mở rộng"),
        ("anh.png", b"%PDF-1.4\n%%EOF", "không đúng với phần mở rộng"),
        ("hinh.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "chỉ nhận tệp"),
        ("trang.html", b"<html></html>", "chỉ nhận tệp"),
        ("don.pdf", b"%PDF-1.4\n1 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj\n%%EOF", "mã lệnh"),
        ("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "ảnh bị hỏng"),
        ("don.docx", b"PK\x03\x04" + b"\x00" * 64, "không đúng với phần mở rộng"),
        ("rong.pdf", b"", "rỗng"),
    ],
)
def test_hostile_or_disguised_files_are_refused_and_nothing_is_stored(client, index, name, content, reason):
    response = ask(client, index, files=[SimpleUploadedFile(name, content)])
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert Question.objects.count() == 0 and QuestionAttachment.objects.count() == 0


def test_oversized_and_too_many_files_are_refused(client, index, settings):
    settings.PARTICIPATION_ATTACHMENT_MAX_BYTES = 1024
    big = png_bytes() + b"\x00" * 2048
    response = ask(client, index, files=[SimpleUploadedFile("lon.png", big)])
    assert response.status_code == 400 and "lớn hơn" in response.content.decode()
    settings.PARTICIPATION_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
    files = [SimpleUploadedFile(f"anh-{n}.png", png_bytes()) for n in range(4)]
    response = ask(client, index, files=files)
    assert response.status_code == 400 and "tối đa 3 tệp" in response.content.decode()
    assert Question.objects.count() == 0


@pytest.fixture
def staff(home):
    return make_staff()


@pytest.fixture
def handler(staff):
    user = make_user("tiepnhan", QUESTION_HANDLERS)
    user.groups.add(Group.objects.get(name=roles.EDITORS.name))
    return user


def admin_url(name, *args):
    return reverse(f"wagtailsnippets_participation_question:{name}", args=args)


def test_only_staff_who_see_the_senders_data_open_attachments_and_each_opening_is_logged(client, index, handler):
    ask(client, index, files=[SimpleUploadedFile("ban-ve.png", png_bytes(), "image/png")])
    attachment = QuestionAttachment.objects.get()
    url = admin_url("attachment", attachment.pk)
    assert client.get(url).status_code == 302  # anonymous: to the login page
    as_user(client, make_user("khach", roles.REVIEWERS.name))
    assert client.get(url).status_code in (302, 403)
    # A handler the question is not assigned to: the papers may carry the citizen's personal data (roles.sees_contact).
    as_user(client, handler)
    assert client.get(url).status_code in (302, 403)
    assert not ModelLogEntry.objects.filter(action="participation.view_attachment").exists()
    Question.objects.filter(pk=attachment.question_id).update(assigned_to=handler, status="assigned")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff" and "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == png_bytes()
    assert ModelLogEntry.objects.filter(action="participation.view_attachment", user=handler).count() == 1


def draftail(text: str) -> str:
    block = {"key": "a1b2c", "text": text, "type": "unstyled", "depth": 0}
    return json.dumps({"blocks": [{**block, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}})


def citizen_mail():
    return [message for message in mail.outbox if message.to == ["binh.nguyen@example.vn"]]


def test_staff_answer_reviewer_and_leader_approve_then_the_citizen_is_told(client, index, staff, handler):
    code = tracking_code_of(ask(client, index).content.decode())
    question = Question.objects.get()
    organisation = OrganisationPage(title="Cơ cấu tổ chức", slug="co-cau-to-chuc")
    index.get_parent().add_child(instance=organisation)
    unit = UnitPage(title="Phòng Tài nguyên và Môi trường", slug="phong-tnmt")
    organisation.add_child(instance=unit)

    as_user(client, handler)
    assert client.get(admin_url("list") + "?status=received").status_code == 200
    # Not yet assigned to them: the question without its sender's contact details.
    edit = client.get(admin_url("edit", question.pk)).content.decode()
    assert "Thủ tục tách thửa đất ở" in edit and "binh.nguyen@example.vn" not in edit
    assert not ModelLogEntry.objects.filter(action="participation.view_contact", user=handler).exists()
    response = client.post(
        admin_url("edit", question.pk),
        {"status": "received", "assigned_unit": unit.pk, "assigned_to": handler.pk, "staff_note": ""},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert (question.status, question.assigned_unit_id) == ("assigned", unit.pk)
    edit = client.get(admin_url("edit", question.pk))
    assert "binh.nguyen@example.vn" in edit.content.decode()
    assert ModelLogEntry.objects.filter(action="participation.view_contact", user=handler).exists()

    assert client.get(admin_url("draft_answer", question.pk)).status_code == 200
    response = client.post(admin_url("draft_answer", question.pk))
    question.refresh_from_db()
    page = question.answer_page
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert question.status == "answered" and not page.live
    assert page.asker_name == "" and page.answering_unit == "Phòng Tài nguyên và Môi trường"
    assert client.get(page.url or f"{index.url}{page.slug}/").status_code == 404  # nothing public yet

    response = edit_page(client, page, "submit", answer=draftail("Diện tích tối thiểu là 40 mét vuông."))
    assert response.status_code == 302
    page_workflow_action(as_user(client, staff.reviewer), page, "approve", "Đúng quy định")
    page.refresh_from_db()
    assert not page.live and not citizen_mail()
    public = client.get(index.url).content.decode()
    assert "Thủ tục tách thửa đất ở" not in public

    page_workflow_action(as_user(client, staff.approver), page, "approve", "Đồng ý đăng")
    page.refresh_from_db()
    question.refresh_from_db()
    assert page.live and question.status == "published" and question.notified_at is not None
    [notice] = citizen_mail()
    assert page.url in notice.body and "Thủ tục tách thửa đất ở" in notice.body

    client.logout()
    html = client.get(page.url).content.decode()
    assert "Diện tích tối thiểu là 40 mét vuông." in html and "Người hỏi" in html
    for personal in ("Nguyễn Văn Bình", "binh.nguyen@example.vn", "0912 000 111"):
        assert personal not in html
    status = track(client, index, code).content.decode()
    assert "Đã đăng trả lời" in status and f'href="{page.url}"' in status


CONTACT = ("Nguyễn Văn Bình", "binh.nguyen@example.vn", "0912 000 111")


def test_contact_details_are_shown_only_to_the_assigned_officer_and_the_moderators(client, index, staff, handler):
    ask(client, index)
    question = Question.objects.get()
    Question.objects.filter(pk=question.pk).update(assigned_to=handler, status="assigned")
    other_handler = make_user("tiepnhan2", QUESTION_HANDLERS)
    other_handler.groups.add(Group.objects.get(name=roles.EDITORS.name))
    moderator = make_user("kiemduyet", MODERATORS)
    row = f"#{question.pk} ·"

    def get(user, url):
        response = as_user(client, user).get(url)
        if response.status_code != 200:
            return None
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return body.decode()

    def shows_contact(html):
        return any(detail in html for detail in CONTACT)

    # The form (change permission) and the read-only view (view permission: the moderators).
    assert not shows_contact(get(other_handler, admin_url("edit", question.pk)))
    assert not shows_contact(get(other_handler, admin_url("inspect", question.pk)))
    assert all(detail in get(handler, admin_url("edit", question.pk)) for detail in CONTACT)
    assert get(moderator, admin_url("edit", question.pk)) is None
    assert all(detail in get(moderator, admin_url("inspect", question.pk)) for detail in CONTACT)
    # Editors and administrators of the portal without the participation roles do not reach the queue.
    assert (
        get(staff.editor, admin_url("edit", question.pk)) is None and get(staff.site_admin, admin_url("list")) is None
    )
    # Searching by a contact detail finds the question only for the moderators.
    search = admin_url("list") + "?q=binh.nguyen%40example.vn"
    assert row not in get(other_handler, search)
    assert row in get(moderator, search) and row in get(staff.superuser, search)
    # Exports: the row for everyone who sees the queue, its contact details only for those allowed.
    export = admin_url("list") + "?export=csv"
    other_csv = get(other_handler, export)
    assert "Thủ tục tách thửa đất ở" in other_csv and not shows_contact(other_csv)
    for user in (handler, moderator):
        assert all(detail in get(user, export) for detail in CONTACT)
    # The public API never carries them (its other channels: test_a_citizens_email_and_phone_appear_nowhere_public).
    api = client.get("/api/v2/questions/challenge/").content.decode() + get(moderator, "/api/v2/pages/?fields=*")
    assert not shows_contact(api)
    # The audit trail names exactly those who were shown them.
    viewers = ModelLogEntry.objects.filter(action="participation.view_contact").values_list(
        "user__username", flat=True
    )
    assert set(viewers) == {handler.username, moderator.username}

    # A citizen's request: the officer erases the data; the confirmation speaks of questions, not comments.
    erase = f"/admin/bulk/participation/question/erase_question_personal_data/?id={question.pk}"
    confirm = get(handler, erase)
    assert "Chuyển 1 câu hỏi sang trạng thái" in confirm and "ý kiến" not in confirm
    assert client.post(erase).status_code == 302
    question.refresh_from_db()
    assert (question.name, question.email, question.phone) == ("", "", "")


def test_an_unpublished_or_deleted_answer_no_longer_shows_the_question_as_answered(client, index):
    code = tracking_code_of(ask(client, index).content.decode())
    question = Question.objects.get()
    page = QuestionAnswerPage(
        title=question.subject, question=question.text, answer="<p>40 mét vuông.</p>", live=False
    )
    index.add_child(instance=page)
    question.answer_page = page
    question.save()
    page.save_revision().publish()
    english = page.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english.save_revision().publish()
    question.refresh_from_db()
    assert question.status == "published" and len(citizen_mail()) == 1

    def citizen_sees():
        status = client.post("/api/v2/questions/status/", {"code": code}, content_type="application/json").json()
        html = track(client, index, code).content.decode()
        listing = client.get(index.url).content.decode()
        answer_shown = page.url in html or status["answer_url"] or "40 mét vuông" in listing
        return status["status"], answer_shown

    assert citizen_sees() == ("published", True)
    page.refresh_from_db()
    page.unpublish()
    question.refresh_from_db()
    assert (question.status, question.settled_at, question.answer_page_id) == ("answered", None, page.pk)
    assert citizen_sees() == ("answered", False)
    english.refresh_from_db()
    assert not english.live  # the translation does not keep the withdrawn answer online
    assert client.get(f"{index.url}{page.slug}/").status_code == 404

    # Approved again: published again, and the citizen is not e-mailed twice.
    page.save_revision().publish()
    assert citizen_sees() == ("published", True) and len(citizen_mail()) == 1

    english.save_revision().publish()
    page.delete()
    question.refresh_from_db()
    assert (question.status, question.answer_page_id, question.settled_at) == ("received", None, None)
    assert citizen_sees() == ("received", False)
    english.refresh_from_db()
    assert not english.live


def test_the_english_page_has_english_sub_paths(client, index):
    english = index.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english.save_revision().publish()
    html = client.get(english.url).content.decode()
    assert f'href="{english.url}ask/"' in html and f'href="{english.url}track/"' in html
    assert client.get(english.url + "ask/").status_code == 200
    assert f'action="{english.url}track/"' in client.get(english.url + "track/").content.decode()
    vietnamese = client.get(index.url).content.decode()
    assert f'href="{index.url}gui-cau-hoi/"' in vietnamese and "/ask/" not in vietnamese


def test_a_private_question_is_never_turned_into_a_page(client, index, handler):
    ask(client, index, private="on")
    question = Question.objects.get()
    as_user(client, handler)
    response = client.post(admin_url("draft_answer", question.pk))
    assert response.status_code == 302 and QuestionAnswerPage.objects.count() == 0


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPException("mail server down")


def test_a_failed_notification_is_recorded_and_publishing_still_works(client, index, settings):
    ask(client, index)
    question = Question.objects.get()
    page = QuestionAnswerPage(title=question.subject, question=question.text, answer="<p>Trả lời.</p>", live=False)
    index.add_child(instance=page)
    question.answer_page = page
    question.save()
    settings.EMAIL_BACKEND = "tests.test_participation_questions.FailingBackend"
    page.save_revision().publish()
    question.refresh_from_db()
    assert question.status == "published" and question.notified_at is None
    assert "mail server down" in question.notification_error
    assert OperationRecord.objects.filter(kind="mail_failure", ok=False).exists()


def test_with_confirmation_required_only_a_confirmed_address_is_told(client, index):
    from cms.participation.models import ParticipationSettings

    portal = ParticipationSettings.for_site(index.get_site())
    portal.require_email_confirmation = True
    portal.save()
    ask(client, index)
    question = Question.objects.get()
    assert len(mail.outbox) == 1
    link = urlsplit(next(line for line in mail.outbox[0].body.splitlines() if "/xac-nhan/" in line).strip()).path
    response = client.get(link)
    assert response.status_code == 200 and "Đã xác nhận" in response.content.decode()
    question.refresh_from_db()
    assert question.email_confirmed_at is not None
    assert client.get(link[:-5] + "sai/").status_code == 400


def publish_answer(index, subject, question, answer, field="dat-dai", **extra):
    page = QuestionAnswerPage(title=subject, question=question, answer=answer, field=field, **extra)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_list_is_searchable_without_tone_marks_and_filtered_by_field(client, index):
    publish_answer(index, "Thủ tục tách thửa đất ở", "Diện tích tối thiểu để tách thửa?", "<p>40 mét vuông.</p>")
    publish_answer(index, "Học phí mầm non", "Trẻ 5 tuổi có được miễn học phí?", "<p>Có.</p>", field="giao-duc")
    draft = QuestionAnswerPage(title="Tách thửa chưa duyệt", question="Tách thửa?", answer="<p>x</p>", live=False)
    index.add_child(instance=draft)
    html = client.get(index.url, {"q": "tach thua"}).content.decode()
    assert "Thủ tục tách thửa đất ở" in html and "Học phí mầm non" not in html
    assert "Tách thửa chưa duyệt" not in html
    html = client.get(index.url, {"field": "giao-duc"}).content.decode()
    assert "Học phí mầm non" in html and "Thủ tục tách thửa đất ở" not in html
    html = client.get(index.url, {"q": "hoc phi", "field": "dat-dai"}).content.decode()
    assert "Học phí mầm non" not in html
    # Hostile parameters are ignored, never an error.
    for params in ({"field": "<x>"}, {"date_from": "99/99/9999"}, {"page": "-1"}, {"q": "\x00" * 10}):
        assert client.get(index.url, params).status_code == 200


def test_a_citizens_email_and_phone_appear_nowhere_public(client, index):
    ask(client, index, show_name="on")
    question = Question.objects.get()
    page = QuestionAnswerPage(
        title=question.subject, question=question.text, answer="<p>40 mét vuông.</p>", asker_name=question.name
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    channels = [
        page.url,
        index.url,
        f"/api/v2/pages/{page.pk}/",
        "/api/v2/pages/?type=participation.QuestionAnswerPage&fields=*",
        "/api/v2/search/?q=tach%20thua",
        "/vi/search/?q=tach+thua",
        "/sitemap.xml",
        "/vi/rss/",
    ]
    seen = ""
    for url in channels:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        seen += response.content.decode()
    assert "Nguyễn Văn Bình" in client.get(page.url).content.decode()  # the name, with consent
    assert "binh.nguyen@example.vn" not in seen and "0912 000 111" not in seen


def test_retention_erases_the_personal_data_of_settled_questions_only(client, index, settings):
    settings.PARTICIPATION_RETENTION_DAYS = 30
    ask(client, index, files=[SimpleUploadedFile("ban-ve.png", png_bytes(), "image/png")], subject="Cũ")
    ask(client, index, subject="Mới đóng")
    ask(client, index, subject="Đang xử lý")
    old, recent, open_ = (Question.objects.get(subject=subject) for subject in ("Cũ", "Mới đóng", "Đang xử lý"))
    path = old.attachments.get().file.path
    Question.objects.filter(pk=old.pk).update(status="closed", settled_at=timezone.now() - datetime.timedelta(days=31))
    Question.objects.filter(pk=recent.pk).update(
        status="rejected", settled_at=timezone.now() - datetime.timedelta(days=29)
    )
    Question.objects.filter(pk=open_.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    out = io.StringIO()
    call_command("erase_expired_personal_data", stdout=out)
    assert "questions: 1" in out.getvalue()
    old.refresh_from_db()
    assert (old.name, old.email, old.phone, old.subject) == ("", "", "", "Cũ")
    assert not old.attachments.exists() and not os.path.exists(path)
    for question in (recent, open_):
        question.refresh_from_db()
        assert (question.name, question.email, question.personal_data_erased_at) == (
            "Nguyễn Văn Bình",
            "binh.nguyen@example.vn",
            None,
        )
