"""Headless preview: a short-lived token opens one revision of one page through the API serializers.

wagtail-headless-preview 0.9.0 does not support Wagtail 8, so this is the equivalent, stricter:

1. An editor who may edit the page (or an approver of its workflow task) asks for a ticket at
   ``GET /api/v2/preview/token/?page=<id>`` (admin session) and opens the front end with it in the URL.
2. The front end exchanges the ticket, once, at ``POST /api/v2/preview/exchange/`` (header
   ``X-Preview-Token: <ticket>``) for a header token; a ticket seen in an access log is already spent.
3. It reads ``GET /api/v2/preview/<id>/`` with ``X-Preview-Token: <token>``; a token in the query string
   is refused. ``POST /api/v2/preview/revoke/`` with the header ends it early.

The admin's "Xem trước trên trang ngoài" button (``HeadlessPreviewRedirectView``, on the page editor's
header menu when ``HEADLESS_PREVIEW_URL`` is set) does step 1 for the revision shown and opens the front
end's preview route with ``?ticket=…&page=…&revision=…&locale=…&type=…&exchange_url=…&url=…``
(docs/webhooks-and-preview.md has a Next.js and an Astro route).

Tokens live ``API_PREVIEW_TOKEN_SECONDS`` (default 600) from the ticket's issue, are bound to the user
and the revision, and every use checks again that the user is active and may still preview the page and
that the page and revision exist. Unpublishing or deleting the page revokes its tokens. Only SHA-256
hashes of the secrets are stored (``cms_api.PreviewToken``).
"""

import datetime
import hashlib
import secrets
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Page, Revision

from cms.api.errors import error_body
from cms.api.models import PreviewToken
from cms.api.prefetch import ObjectStore, prefetch_for
from cms.core.store import use_store
from cms.core.text import is_number

HEADER = "X-Preview-Token"
HEADER_PARAMETER = OpenApiParameter(
    HEADER, str, location=OpenApiParameter.HEADER, required=True, description="Preview token"
)
MESSAGE_SCHEMA = {"type": "object", "properties": {"message": {"type": "string"}}}


class PreviewRefused(Exception):
    """A refusal in the one error shape: ``parameter`` (``token``, ``page``) and a translated message."""

    def __init__(self, parameter: str | None, message: str, status: int = 403):
        super().__init__(message)
        self.parameter, self.status = parameter, status
        self.message = f"{parameter}: {message}" if parameter else message


def _invalid() -> str:
    return _("mã không hợp lệ, đã dùng hoặc đã bị thu hồi.")


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(user, revision: Revision, kind=PreviewToken.Kind.TICKET, expires_at=None) -> str:
    """A new secret for ``user`` and ``revision``; only its hash is stored."""
    secret = secrets.token_urlsafe(32)
    lifetime = datetime.timedelta(seconds=settings.API_PREVIEW_TOKEN_SECONDS)
    PreviewToken.objects.create(
        key_hash=_hash(secret),
        kind=kind,
        user=user,
        page_id=int(revision.object_id),
        revision=revision,
        expires_at=expires_at or timezone.now() + lifetime,
    )
    return secret


def may_preview(user, page) -> bool:
    """Editors of the page, and whoever may act on its current workflow task (an approver)."""
    if not user.is_active:
        return False
    if page.permissions_for_user(user).can_edit():
        return True
    task_state = page.current_workflow_task_state
    return bool(task_state and task_state.task.specific.user_can_access_editor(page, user))


def check(secret: str, kind: str) -> PreviewToken:
    """The live token behind ``secret``, checked again against the user, the page and the revision."""
    if not secret:
        raise PreviewRefused("token", _("gửi mã trong tiêu đề %(header)s.") % {"header": HEADER})
    token = (
        PreviewToken.objects.select_related("user", "revision")
        .filter(key_hash=_hash(secret), kind=kind, revoked_at__isnull=True)
        .first()
    )
    if token is None:
        raise PreviewRefused("token", _invalid())
    if token.expires_at <= timezone.now():
        raise PreviewRefused("token", _("mã đã hết hạn."))
    page = Page.objects.filter(pk=token.page_id).specific().first()
    if page is None:
        raise PreviewRefused("token", _("trang không còn tồn tại."))
    if not may_preview(token.user, page):
        raise PreviewRefused("token", _("người dùng của mã không còn được xem trước trang này."))
    return token


def revoke_for_page(page_id: int) -> None:
    PreviewToken.objects.filter(page_id=page_id, revoked_at__isnull=True).update(revoked_at=timezone.now())


def _refusal(error: PreviewRefused) -> Response:
    response = Response(error_body(error.message, error.parameter), status=error.status)
    response["Cache-Control"] = "private, no-store"
    return response


def _private(response: Response) -> Response:
    response["Cache-Control"] = "private, no-store"
    return response


class PreviewTokenView(APIView):
    """Issues a one-time ticket for a page's latest revision (draft or awaiting approval) to its editors."""

    @extend_schema(
        operation_id="preview_token",
        tags=["preview"],
        auth=[{"cookieAuth": []}],  # an editor's admin session; anonymous requests answer 403
        parameters=[OpenApiParameter("page", int, required=True, description="Page id")],
        responses={
            200: {
                "type": "object",
                "properties": {
                    "token": {"type": "string", "description": "One-time ticket, for the front end's URL"},
                    "page": {"type": "integer"},
                    "revision": {"type": "integer"},
                    "expires_in": {"type": "integer"},
                    "exchange_url": {"type": "string"},
                    "url": {"type": "string"},
                },
            },
            400: OpenApiResponse(MESSAGE_SCHEMA, description="Invalid page"),
            403: OpenApiResponse(MESSAGE_SCHEMA, description="Not signed in, or not allowed to preview this page"),
            404: OpenApiResponse(MESSAGE_SCHEMA, description="No such page"),
        },
    )
    def get(self, request):
        if not request.user.is_authenticated:
            return _refusal(PreviewRefused(None, _("Hãy đăng nhập trang quản trị để xem trước."), status=403))
        page_id = request.GET.get("page", "")
        if not is_number(page_id):
            return _refusal(PreviewRefused("page", _("cần mã trang."), status=400))
        page = Page.objects.filter(pk=int(page_id)).specific().first()
        if page is None:
            return _refusal(PreviewRefused("page", _("không tìm thấy trang."), status=404))
        if not may_preview(request.user, page):
            return _refusal(PreviewRefused("page", _("bạn không được xem trước trang này.")))
        revision = page.latest_revision
        if revision is None:
            return _refusal(PreviewRefused("page", _("trang chưa có phiên bản nào."), status=400))
        return _private(
            Response(
                {
                    "token": issue(request.user, revision),
                    "page": page.pk,
                    "revision": revision.pk,
                    "expires_in": settings.API_PREVIEW_TOKEN_SECONDS,
                    "exchange_url": request.build_absolute_uri("/api/v2/preview/exchange/"),
                    "url": request.build_absolute_uri(f"/api/v2/preview/{page.pk}/"),
                }
            )
        )


class PreviewExchangeView(APIView):
    """Spends a ticket (sent in the header) for a header token that expires when the ticket would have."""

    authentication_classes = []
    permission_classes = []

    @extend_schema(
        operation_id="preview_exchange",
        tags=["preview"],
        auth=[{"previewToken": []}],
        parameters=[HEADER_PARAMETER],
        request=None,
        responses={
            200: {"type": "object", "properties": {"token": {"type": "string"}, "expires_in": {"type": "integer"}}},
            403: OpenApiResponse(MESSAGE_SCHEMA, description="Missing, spent, revoked or expired ticket"),
        },
    )
    def post(self, request):
        try:
            with transaction.atomic():
                ticket = check(request.headers.get(HEADER, ""), PreviewToken.Kind.TICKET)
                # Spent at once: only one exchange wins even if two race.
                if not PreviewToken.objects.filter(pk=ticket.pk, revoked_at__isnull=True).update(
                    revoked_at=timezone.now()
                ):
                    raise PreviewRefused("token", _invalid())
                token = issue(ticket.user, ticket.revision, PreviewToken.Kind.HEADER, expires_at=ticket.expires_at)
        except PreviewRefused as error:
            return _refusal(error)
        expires_in = max(0, int((ticket.expires_at - timezone.now()).total_seconds()))
        return _private(Response({"token": token, "expires_in": expires_in}))


class PreviewRevokeView(APIView):
    """Ends a header token before it expires (e.g. when the editor closes the preview)."""

    authentication_classes = []
    permission_classes = []

    @extend_schema(
        operation_id="preview_revoke",
        tags=["preview"],
        auth=[{"previewToken": []}],
        parameters=[HEADER_PARAMETER],
        request=None,
        responses={204: OpenApiResponse(description="Revoked (also when it was already unusable)")},
    )
    def post(self, request):
        secret = request.headers.get(HEADER, "")
        if secret:
            PreviewToken.objects.filter(key_hash=_hash(secret), revoked_at__isnull=True).update(
                revoked_at=timezone.now()
            )
        return _private(Response(status=204))


class PreviewView(APIView):
    """The revision a header token grants, serialised exactly like the page detail endpoint."""

    authentication_classes = []
    permission_classes = []

    @extend_schema(
        operation_id="preview_retrieve",
        tags=["preview"],
        auth=[{"previewToken": []}],
        parameters=[HEADER_PARAMETER],
        responses={
            # The page as the detail endpoint gives it, plus ``preview`` (the revision shown).
            200: {"$ref": "#/components/schemas/Page"},
            403: OpenApiResponse(
                MESSAGE_SCHEMA,
                description="Missing, invalid, expired, revoked or foreign token; the user may no longer preview",
            ),
            404: OpenApiResponse(description="No such URL (page_id is not a number)"),
        },
    )
    def get(self, request, page_id: int):
        from cms.api.router import api_router
        from cms.api.views import PagesViewSet

        request.wagtailapi_router = request._request.wagtailapi_router = api_router
        try:
            if "token" in request.GET:
                raise PreviewRefused(
                    "token",
                    _("không để mã trong URL (URL được ghi vào nhật ký); gửi trong tiêu đề %(header)s.")
                    % {"header": HEADER},
                )
            token = check(request.headers.get(HEADER, ""), PreviewToken.Kind.HEADER)
            if token.page_id != page_id:
                raise PreviewRefused("token", _("mã được cấp cho một trang khác."))
        except PreviewRefused as error:
            return _refusal(error)
        revision = token.revision
        page = revision.as_object()
        viewset = PagesViewSet(request=request, action="detail_view", format_kwarg=None)
        viewset._cached_object = page
        with use_store(ObjectStore()):
            prefetch_for([page])
            serializer_class = PagesViewSet._get_serializer_class(api_router, type(page), [], show_details=True)
            data = serializer_class(page, context=viewset.get_serializer_context()).data
        response = _private(
            Response({**data, "preview": {"revision": revision.pk, "created_at": revision.created_at}})
        )
        response["X-Robots-Tag"] = "noindex"
        return response


# --- The admin's button ---------------------------------------------------------------------------


def front_end_preview_url(site) -> str | None:
    """The front end's preview route for ``site``: ``HEADLESS_PREVIEW_SITE_URLS[hostname]``, else
    ``HEADLESS_PREVIEW_URL``; None when neither is set (then the admin shows no button)."""
    per_site = settings.HEADLESS_PREVIEW_SITE_URLS
    if site is not None and site.hostname in per_site:
        return per_site[site.hostname]
    return settings.HEADLESS_PREVIEW_URL or None


def _with_query(url: str, params: dict) -> str:
    parts = urlsplit(url)
    query = "&".join(filter(None, [parts.query, urlencode(params)]))
    return urlunsplit(parts._replace(query=query))


class HeadlessPreviewRedirectView(View):
    """Admin: a one-time ticket for the revision shown (``?revision=``, else the latest), then off to the
    front end. The ticket is in the front end's URL only until it exchanges it for a header token."""

    def get(self, request, page_id: int):
        page = get_object_or_404(Page.objects.specific(), pk=page_id)
        if not may_preview(request.user, page):
            raise PermissionDenied
        target = front_end_preview_url(page.get_site())
        if target is None:
            raise Http404("HEADLESS_PREVIEW_URL is not set")
        revision_id = request.GET.get("revision", "")
        if revision_id:
            if not is_number(revision_id):
                raise Http404("revision")
            revision = get_object_or_404(page.revisions, pk=int(revision_id))
        else:
            revision = page.latest_revision
            if revision is None:
                raise Http404("the page has no revision")
        ticket = issue(request.user, revision)
        params = {
            "ticket": ticket,
            "page": page.pk,
            "revision": revision.pk,
            "locale": page.locale.language_code,
            "type": page.specific_class._meta.label,
            "exchange_url": request.build_absolute_uri("/api/v2/preview/exchange/"),
            "url": request.build_absolute_uri(f"/api/v2/preview/{page.pk}/"),
        }
        response = HttpResponseRedirect(_with_query(target, params))
        response["Cache-Control"] = "private, no-store"
        response["Referrer-Policy"] = "no-referrer"
        return response
