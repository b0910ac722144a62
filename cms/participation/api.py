"""Citizens' input through the API, for headless sites. Registered on the API router at the end of this module.

- ``GET /api/v2/draft-comments/?draft=<page id>``: approved comments of a published draft; never a name the
  citizen did not agree to show, never a contact detail.
- ``GET /api/v2/questions/challenge/``, then ``POST /api/v2/questions/``: ask a question with the same
  protections as the site's form (``cms.participation.views.receive_question``); the answer is a tracking code.
- ``POST /api/v2/questions/status/``: the status of a question by its tracking code (a POST body keeps the
  code out of URLs and access logs).
Published questions and answers are pages (``/api/v2/pages/?type=participation.QuestionAnswerPage``).
"""

from django.db.models import Case, IntegerField, When
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Site

from cms.api import router
from cms.api.errors import error_response
from cms.core import public_urls, sites, visibility
from cms.participation import tracking, views
from cms.participation.challenge import new_challenge
from cms.participation.models import Comment, DraftPage, Question, QuestionIndexPage
from cms.participation.vocabulary import QuestionField, QuestionKind

MAX_LIMIT = 100


class PublicCommentSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(source="public_name", read_only=True)
    section = serializers.CharField(read_only=True)
    text = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class CommentQuerySerializer(serializers.Serializer):
    draft = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    limit = serializers.IntegerField(min_value=1, max_value=MAX_LIMIT, default=20)
    offset = serializers.IntegerField(min_value=0, max_value=2**31 - 1, default=0)


ERROR_RESPONSE = OpenApiResponse(
    inline_serializer(
        "DraftCommentError", {"message": serializers.CharField(), "parameter": serializers.CharField(required=False)}
    ),
    description="The API's one error shape",
)


class DraftCommentsView(APIView):
    """Approved comments of one draft, oldest first, in pages of ``limit``."""

    @extend_schema(
        operation_id="draft_comments_list",
        parameters=[
            OpenApiParameter("draft", int, required=True, description="Page id of a published draft for comment"),
            OpenApiParameter("limit", int, description=f"Items per page (max {MAX_LIMIT})"),
            OpenApiParameter("offset", int, description="Items to skip"),
        ],
        responses={
            200: inline_serializer(
                "DraftCommentList",
                {
                    "meta": inline_serializer("DraftCommentMeta", {"total_count": serializers.IntegerField()}),
                    "items": PublicCommentSerializer(many=True),
                },
            ),
            # The one error shape (cms/api/errors.py): a bad parameter, or no published draft with this id.
            400: ERROR_RESPONSE,
            404: ERROR_RESPONSE,
        },
    )
    def get(self, request):
        query = CommentQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        draft = visibility.visible_pages(DraftPage).filter(pk=params["draft"]).first()
        if draft is None:
            raise NotFound("draft: no published draft for comment has this id")
        comments = Comment.objects.filter(page=draft, status=Comment.Status.APPROVED).order_by("created_at", "pk")
        start = params["offset"]
        items = comments[start : start + params["limit"]]
        return Response(
            {"meta": {"total_count": comments.count()}, "items": PublicCommentSerializer(items, many=True).data}
        )


# Questions and petitions.


def portal_question_page(request, page_id=None):
    """The "Hỏi đáp" page a submission goes to: ``page_id`` if it is a published one of this portal, else the
    portal's own (Vietnamese first)."""
    site = Site.find_for_request(request)
    pages = visibility.visible_pages(QuestionIndexPage)
    if site is not None:
        pages = sites.portal_pages(site, pages)
    if page_id is not None:
        return pages.filter(pk=page_id).first()
    vietnamese_first = Case(When(locale__language_code="vi", then=0), default=1, output_field=IntegerField())
    return pages.order_by(vietnamese_first, "path").first()


def _refusal_response(refusal):
    message = str(refusal.message)
    if refusal.form is not None and refusal.parameter in refusal.form.errors:
        message = f"{message} {refusal.parameter}: {refusal.form.errors[refusal.parameter][0]}"
    return error_response(message, refusal.status, refusal.parameter)


def question_fields() -> dict:
    """The submission's fields, made afresh per use (a serializer class takes its fields out of the dict)."""
    return {
        "page": serializers.IntegerField(
            required=False, help_text="Id of the portal's Hỏi đáp page (default: the portal's)"
        ),
        "kind": serializers.ChoiceField(choices=QuestionKind.choices),
        "field": serializers.ChoiceField(choices=QuestionField.choices),
        "subject": serializers.CharField(max_length=200),
        "text": serializers.CharField(max_length=5000),
        "name": serializers.CharField(max_length=120),
        "email": serializers.EmailField(required=False, allow_blank=True),
        "phone": serializers.CharField(required=False, allow_blank=True, max_length=20),
        "show_name": serializers.BooleanField(required=False),
        "private": serializers.BooleanField(required=False),
        "consent": serializers.BooleanField(help_text="Consent to the processing of personal data: must be true"),
        "altcha": serializers.CharField(help_text="The solved challenge (base64 JSON, as ALTCHA v1 sends it)"),
        "website": serializers.CharField(required=False, allow_blank=True, help_text="Leave empty (honeypot)"),
    }


QUESTION_FIELD_NAMES = tuple(question_fields())
STATUS_FIELDS = {
    "code": serializers.CharField(),
    "subject": serializers.CharField(),
    "kind": serializers.CharField(),
    "field": serializers.CharField(),
    "status": serializers.ChoiceField(choices=["received", "assigned", "answered", "published", "closed", "rejected"]),
    "status_label": serializers.CharField(),
    "created_at": serializers.DateTimeField(),
    "answer_url": serializers.URLField(allow_null=True),
}


def _form_data(data) -> dict:
    """The request body as the site's form reads it (JSON booleans become the form's checkbox values)."""
    values = {}
    for key in QUESTION_FIELD_NAMES:
        value = data.get(key)
        if isinstance(value, bool):
            value = "on" if value else ""
        if value is not None and not isinstance(value, (dict, list)):
            values[key] = str(value)
    return values


class QuestionChallengeView(APIView):
    """A proof-of-work challenge to solve before ``POST /api/v2/questions/`` (valid for a limited time)."""

    @extend_schema(
        operation_id="questions_challenge",
        responses={
            200: inline_serializer(
                "QuestionChallenge",
                {
                    "algorithm": serializers.CharField(),
                    "challenge": serializers.CharField(),
                    "maxNumber": serializers.IntegerField(),
                    "salt": serializers.CharField(),
                    "signature": serializers.CharField(),
                },
            )
        },
    )
    def get(self, request):
        response = Response(new_challenge())
        response["Cache-Control"] = "private, no-store"
        return response


class QuestionSubmitView(APIView):
    """Ask a question or send a petition; the answer carries the tracking code, shown this once only."""

    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(
        operation_id="questions_create",
        request={
            "application/json": inline_serializer("QuestionSubmission", question_fields()),
            "multipart/form-data": inline_serializer(
                "QuestionSubmissionWithFiles",
                {
                    **question_fields(),
                    "attachments": serializers.ListField(child=serializers.FileField(), required=False),
                },
            ),
        },
        responses={
            201: inline_serializer(
                "QuestionReceipt",
                {
                    "code": serializers.CharField(),
                    "status": serializers.CharField(),
                    "status_label": serializers.CharField(),
                },
            ),
            400: ERROR_RESPONSE,
            404: ERROR_RESPONSE,
            429: ERROR_RESPONSE,
        },
    )
    def post(self, request):
        try:
            data = request.data
            page_id = data.get("page")
        except Exception:  # noqa: BLE001 - DRF raises ParseError lazily; answer in the one shape
            return error_response("Invalid request body.", 400)
        if page_id not in (None, ""):
            try:
                page_id = int(page_id)
            except (TypeError, ValueError):
                return error_response("page: not a page id", 400, "page")
            if not 0 < page_id < 2**31:
                return error_response("page: not a page id", 400, "page")
        index = portal_question_page(request, page_id if page_id not in (None, "") else None)
        if index is None:
            raise NotFound("page: this portal has no published Hỏi đáp page with this id")
        files = request.FILES.getlist("attachments") if hasattr(request.FILES, "getlist") else []
        form_data = _form_data(data)
        # The form reads several files from one field name.
        try:
            receipt = views.receive_question(request, index, form_data, _Files(files))
        except views.Refusal as refusal:
            return _refusal_response(refusal)
        question = receipt.question
        status = question.status if question is not None else "received"
        label = question.citizen_status if question is not None else Question.Status.RECEIVED.label
        return Response({"code": receipt.code, "status": status, "status_label": label}, status=201)


class _Files(dict):
    """``request.FILES`` as the form expects it: ``attachments`` holding a list."""

    def __init__(self, files):
        super().__init__({"attachments": files} if files else {})

    def getlist(self, key):
        return self.get(key, [])


class QuestionStatusView(APIView):
    """The status of a question by its tracking code (limited per address and per code)."""

    parser_classes = [JSONParser, FormParser]

    @extend_schema(
        operation_id="questions_status",
        request=inline_serializer("QuestionStatusQuery", {"code": serializers.CharField(max_length=40)}),
        responses={
            200: inline_serializer("QuestionStatus", STATUS_FIELDS),
            400: ERROR_RESPONSE,
            404: ERROR_RESPONSE,
            429: ERROR_RESPONSE,
        },
    )
    def post(self, request):
        try:
            code = request.data.get("code", "")
        except Exception:  # noqa: BLE001 - DRF raises ParseError lazily; answer in the one shape
            return error_response("Invalid request body.", 400)
        if not isinstance(code, str) or not code.strip() or len(code) > 40:
            return error_response("code: a tracking code is required (HD-XXXX-XXXX-XXXX)", 400, "code")
        digest = tracking.digest(code)
        if views.lookup_limited(request, digest):
            return error_response("Bạn đã tra cứu quá nhiều lần trong một giờ. Vui lòng thử lại sau.", 429, "code")
        index = portal_question_page(request)
        question = views.find_by_code(index, code) if index is not None else None
        if question is None:
            raise NotFound("code: no question has this tracking code")
        answer = views.published_answer(question)
        status = "rejected" if question.status == question.Status.SPAM else question.status
        return Response(
            {
                "code": tracking.display(code),
                "subject": question.subject,
                "kind": question.kind,
                "field": question.field,
                "status": status,
                "status_label": question.citizen_status,
                "created_at": question.created_at,
                "answer_url": public_urls.rebase(answer.get_full_url(request), request) if answer else None,
            },
            headers={"Cache-Control": "private, no-store"},
        )


router.register_view("draft-comments/", DraftCommentsView.as_view(), name="draft_comments")
router.register_view("questions/challenge/", QuestionChallengeView.as_view(), name="questions_challenge")
router.register_view("questions/status/", QuestionStatusView.as_view(), name="questions_status")
router.register_view("questions/", QuestionSubmitView.as_view(), name="questions")
