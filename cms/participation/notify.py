"""A question follows its answer page, and the citizen is told: e-mails to citizens (the answer is published;
when the portal asks for it, please confirm your address) and the question's status when its answer page is
published, unpublished or deleted.

Sent through Django's e-mail backend. A failure never reaches the citizen or the editor as an error: it is
kept on the question (``notification_error``) and recorded as a ``mail_failure`` for the health page.
"""

import logging

from django.apps import apps
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from cms.core import public_urls
from cms.operations import records

logger = logging.getLogger(__name__)


def _send(subject_template: str, body_template: str, recipient: str, context: dict, language: str) -> str:
    """ "" when sent, else the error (recorded)."""
    with translation.override(language):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    try:
        send_mail(subject, body, None, [recipient], fail_silently=False)
    except Exception as error:  # noqa: BLE001 - any backend failure is recorded, never raised to the page
        message = f"{error.__class__.__name__}: {error}"[:300]
        logger.warning("Citizen notification not sent: %s", message)
        records.record(records.MAIL_FAILURE, ok=False, message="participation: " + subject[:200], error=message)
        return message
    return ""


def send_confirmation(request, index, question, token: str) -> str:
    url = public_urls.absolute(index.url + index.reverse_subpage("confirm", kwargs={"token": token}), request)
    context = {"question": question, "url": url, "portal": index.get_site().site_name if index.get_site() else ""}
    return _send(
        "participation/email/confirm_subject.txt",
        "participation/email/confirm_body.txt",
        question.email,
        context,
        index.locale.language_code,
    )


def send_answer_notice(question, page) -> bool:
    """Tell the citizen their question is answered, when they gave an e-mail (confirmed, if the portal asks)."""
    settings_model = apps.get_model("participation", "ParticipationSettings")
    site = page.get_site()
    if not question.email or question.personal_data_erased_at:
        return False
    if (
        site is not None
        and settings_model.for_site(site).require_email_confirmation
        and not question.email_confirmed_at
    ):
        return False
    url = public_urls.rebase(page.get_full_url(), site=site) if site is not None else page.url
    error = _send(
        "participation/email/answered_subject.txt",
        "participation/email/answered_body.txt",
        question.email,
        {"question": question, "page": page, "url": url},
        page.locale.language_code,
    )
    question.notified_at = None if error else timezone.now()
    question.notification_error = error
    question.save(update_fields=["notified_at", "notification_error"])
    return not error


def on_answer_published(sender, instance, **kwargs):
    """``page_published`` of a QuestionAnswerPage: its question is published and the citizen told (once)."""
    question_model = apps.get_model("participation", "Question")
    for question in question_model.objects.filter(answer_page_id=instance.pk).exclude(
        status=question_model.Status.PUBLISHED
    ):
        question.set_status(question_model.Status.PUBLISHED)
        question.save(update_fields=["status", "settled_at"])
        if question.notified_at is None:
            send_answer_notice(question, instance)


def on_answer_unpublished(sender, instance, **kwargs):
    """``page_unpublished`` of a QuestionAnswerPage: its question is no longer published (the answer waits for a
    new approval), and the answer's translations go offline with it."""
    question_model = apps.get_model("participation", "Question")
    questions = list(question_model.objects.filter(answer_page_id=instance.pk))
    for question in questions:
        if question.status == question_model.Status.PUBLISHED:
            question.set_status(question_model.Status.ANSWERED)
            question.save(update_fields=["status", "settled_at"])
    if questions:
        _unpublish_translations(instance)


def on_answer_deleted(sender, instance, **kwargs):
    """``pre_delete`` of a QuestionAnswerPage: its question goes back to the queue, without an answer."""
    question_model = apps.get_model("participation", "Question")
    questions = list(question_model.objects.filter(answer_page_id=instance.pk))
    for question in questions:
        if question.status in (question_model.Status.ANSWERED, question_model.Status.PUBLISHED):
            assigned = question.assigned_unit_id or question.assigned_to_id
            question.set_status(question_model.Status.ASSIGNED if assigned else question_model.Status.RECEIVED)
        question.answer_page = None
        question.save(update_fields=["status", "settled_at", "answer_page"])
    if questions:
        _unpublish_translations(instance)


def _unpublish_translations(page) -> None:
    # The question links to one language's page (translations link to none, so this does not recurse); a live
    # translation would still show the withdrawn answer.
    for translated in page.get_translations().live().specific():
        translated.unpublish()
