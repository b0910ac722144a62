"""What a citizen does on the "Hỏi đáp" page: ask, look up a tracking code, confirm an e-mail; and the list.

Called by ``QuestionIndexPage``'s routes; the API (``cms.participation.api``) calls ``receive_question`` and
``find_by_code`` so both channels apply the same protections. Models are reached through ``apps`` and the
page's relations, since the page module imports this one.
"""

import json
import secrets
import time
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.core import dates, page_types, visibility
from cms.core.pages import paginate
from cms.core.text import is_number
from cms.participation import notify, tracking
from cms.participation.challenge import CHALLENGE_FIELD, check_solution, honeypot_filled, new_challenge, over_limit
from cms.participation.forms import QuestionForm, TrackForm
from cms.participation.vocabulary import QuestionField
from search.query import MAX_RANKED, Filters, search

CONFIRM_SALT = "participation.confirm-email"
CONFIRM_MAX_AGE = 7 * 24 * 3600


def _settings(request):
    return apps.get_model("participation", "ParticipationSettings").for_request(request)


def _private(response):
    """A one-off challenge, a CSRF token or a citizen's status: no shared cache may keep this response."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


# The list of published questions and answers.


def _date(value: str):
    try:
        return dates.parse_date(value[:20]) if value else None
    except ValueError:
        return None


def answer_listing(request, index) -> dict:
    """Published Q&A under ``index``: searched (folded, no tone marks needed) through the portal's search, or
    newest first; narrowed by field and by the date asked."""
    query = request.GET.get("q", "").strip()[:200]
    field_value = request.GET.get("field", "").strip()
    field_value = field_value if field_value in QuestionField.values else ""
    date_from, date_to = _date(request.GET.get("date_from", "").strip()), _date(request.GET.get("date_to", "").strip())
    answers = index.answers()
    if query:
        filters = Filters(
            page_types=(page_types.label(apps.get_model("participation", "QuestionAnswerPage")),),
            field=field_value,
            date_from=date_from,
            date_to=date_to,
            portal="all",
        )
        ranked = list(
            search(query, index.locale, filters)
            .filter(path__startswith=index.path)
            .values_list("page_id", flat=True)[:MAX_RANKED]
        )
        found = answers.filter(pk__in=ranked).in_bulk()
        items = [found[pk] for pk in ranked if pk in found]
    else:
        if field_value:
            answers = answers.filter(field=field_value)
        if date_from:
            answers = answers.filter(asked_on__gte=date_from)
        if date_to:
            answers = answers.filter(asked_on__lte=date_to)
        items = answers.order_by("-asked_on", "-pk")
    params = request.GET.copy()
    params.pop("page", None)
    return {
        "items": paginate(request, items),
        "query": query,
        "field_value": field_value,
        "date_from": date_from,
        "date_to": date_to,
        "field_choices": QuestionField.choices,
        "filter_query": params.urlencode(),
    }


# Asking.


class Refusal(Exception):
    """A submission not stored: the message for the citizen, the HTTP status, the form to show again and the
    field at fault (the first invalid one, or the challenge)."""

    def __init__(self, message, status: int, form=None, parameter: str | None = None):
        super().__init__(str(message))
        self.message, self.status, self.form, self.parameter = message, status, form, parameter


@dataclass
class Receipt:
    code: str = ""
    question: object = None
    created: bool = False
    errors: dict = field(default_factory=dict)


def receive_question(request, index, data, files) -> Receipt:
    """Store one question sent to ``index`` (the form or the API), after every protection; raises Refusal."""
    portal = _settings(request)
    form = QuestionForm(data, files)
    if over_limit(request, "question", portal.submission_limit()):
        raise Refusal(_("Bạn đã gửi quá nhiều lần trong một giờ. Vui lòng thử lại sau."), 429, form)
    if honeypot_filled(data):
        # A robot: keep nothing, and tell it nothing (a code-like answer, as a person gets).
        return Receipt(code=tracking.new_code(secrets.token_hex(16)))
    verdict = check_solution(str(data.get(CHALLENGE_FIELD, "")))
    if not verdict.ok:
        raise Refusal(verdict.message, 400, form, CHALLENGE_FIELD)
    if not form.is_valid():
        raise Refusal(_("Vui lòng kiểm tra các ô được đánh dấu."), 400, form, next(iter(form.errors)))
    cleaned = form.cleaned_data
    code = tracking.new_code(verdict.key)
    question_model = index.questions.model
    question = question_model(
        page=index,
        code_digest=tracking.digest(code),
        kind=cleaned["kind"],
        field=cleaned["field"],
        subject=cleaned["subject"],
        text=cleaned["text"],
        name=cleaned["name"],
        email=cleaned["email"],
        phone=cleaned["phone"],
        show_name=cleaned["show_name"],
        private=cleaned["private"],
        submission_key=verdict.key,
    )
    try:
        with transaction.atomic():
            # bulk_create sends no post_save: a question changes nothing public, so it must not renew the
            # content generation (cms.core.cache) and empty every cache.
            question_model.objects.bulk_create([question])
            question = question_model.objects.get(submission_key=verdict.key)
            attachment_model = question_model.attachments.rel.related_model
            for upload, content_type in cleaned["attachments"]:
                attachment = attachment_model(
                    question=question, original_name=upload.name[:255], content_type=content_type, size=upload.size
                )
                attachment.file.save(upload.name, upload, save=False)
                attachment.save()
    except IntegrityError:
        # The same solved challenge sent again (a double click, a resend): stored once, same code.
        return Receipt(code=code, question=question_model.objects.filter(submission_key=verdict.key).first())
    if question.email and portal.require_email_confirmation:
        notify.send_confirmation(request, index, question, confirmation_token(question))
    return Receipt(code=code, question=question, created=True)


def ask(request, index):
    """GET: the form. POST: store the question and show its tracking code (once; it is not kept)."""
    context = _page_context(index)
    context.update(
        retention_days=settings.PARTICIPATION_RETENTION_DAYS,
        privacy_page=_settings(request).privacy_page,
        notice="",
    )
    status = 200
    if request.method == "POST":
        try:
            receipt = receive_question(request, index, request.POST, request.FILES)
        except Refusal as refusal:
            context.update(form=refusal.form, notice=refusal.message)
            status = refusal.status
        else:
            context.update(receipt=receipt, require_confirmation=_settings(request).require_email_confirmation)
            return _private(TemplateResponse(request, "participation/question_received.html", context))
    else:
        context["form"] = QuestionForm()
    context["challenge_json"] = json.dumps(new_challenge())
    return _private(TemplateResponse(request, "participation/question_ask.html", context, status=status))


# Looking up a tracking code.


def lookup_limited(request, digest: str) -> bool:
    """Guessing codes is slowed per portal, per address and per code (the second also limits a leaked code)."""
    if over_limit(request, "lookup", settings.PARTICIPATION_LOOKUPS_PER_HOUR):
        return True
    return bool(digest) and over_limit(
        request, "lookup-code", settings.PARTICIPATION_LOOKUPS_PER_CODE_PER_HOUR, subject=digest
    )


def find_by_code(index_or_translation_key, code: str):
    """The question with this code sent to this "Hỏi đáp" page (in any of its languages), or None."""
    digest = tracking.digest(code)
    if not digest:
        return None
    key = getattr(index_or_translation_key, "translation_key", index_or_translation_key)
    question_model = apps.get_model("participation", "Question")
    return question_model.objects.filter(code_digest=digest, page__translation_key=key).first()


def published_answer(question):
    """The public answer page of ``question`` when the publication rule shows it."""
    if question is None or question.answer_page_id is None:
        return None
    return visibility.visible_pages(queryset=Page.objects.filter(pk=question.answer_page_id)).first()


def _page_context(index) -> dict:
    """The context of the page's own sub-views (no listing query)."""
    return {"page": index, "self": index}


def track(request, index):
    """A form for the code (POST: the code stays out of URLs and access logs), then the status."""
    context = _page_context(index)
    status = 200
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        digest = tracking.digest(form.cleaned_data["code"])
        if lookup_limited(request, digest):
            context["notice"] = _("Bạn đã tra cứu quá nhiều lần trong một giờ. Vui lòng thử lại sau.")
            status = 429
        else:
            question = find_by_code(index, form.cleaned_data["code"])
            if question is None:
                context["notice"] = _("Không tìm thấy câu hỏi với mã này. Vui lòng kiểm tra lại mã tra cứu.")
                status = 404
            else:
                context.update(question=question, answer_page=published_answer(question))
    elif request.method == "POST":
        status = 400
    context["form"] = form
    return _private(TemplateResponse(request, "participation/question_track.html", context, status=status))


# Confirming an e-mail address (when the portal asks for it).


def _confirmation_mac(pk: str, expires: str) -> str:
    return salted_hmac(CONFIRM_SALT, f"{pk}:{expires}", algorithm="sha256").hexdigest()[:32]


def confirmation_token(question) -> str:
    """``<pk>x<expiry>x<mac>``: letters and digits only, as Wagtail's page URLs allow (``[\\w-]`` per part)."""
    expires = str(int(time.time()) + CONFIRM_MAX_AGE)
    return f"{question.pk}x{expires}x{_confirmation_mac(str(question.pk), expires)}"


def confirm_email(request, index, token: str):
    pk, _sep, rest = token[:100].partition("x")
    expires, _sep, mac = rest.partition("x")
    valid = (
        is_number(pk)
        and len(pk) < 10
        and is_number(expires)
        and int(expires) > time.time()
        and constant_time_compare(mac, _confirmation_mac(pk, expires))
    )
    question = index.questions.filter(pk=int(pk)).first() if valid else None
    if question is not None and question.email_confirmed_at is None:
        question.email_confirmed_at = timezone.now()
        question.save(update_fields=["email_confirmed_at"])
    context = _page_context(index)
    context["confirmed"] = question is not None
    status = 200 if question is not None else 400
    return _private(TemplateResponse(request, "participation/question_confirmed.html", context, status=status))
