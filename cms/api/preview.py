"""Headless preview: a signed, expiring token opens one revision of one page through the API serializers.

wagtail-headless-preview 0.9.0 does not support Wagtail 8 (see the closing note), so this is the
equivalent: editors who may edit the page (or an approver of its workflow task) ask for a token at
``/api/v2/preview/token/?page=<id>``; the front end calls ``/api/v2/preview/<id>/?token=...``.
"""

from django.conf import settings
from django.core import signing
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotAuthenticated, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Page, Revision

from cms.api.prefetch import ObjectStore, prefetch_for, use_store

SALT = "cms.api.preview"


def make_token(revision: Revision) -> str:
    return signing.dumps({"page": int(revision.object_id), "revision": revision.pk}, salt=SALT, compress=True)


def read_token(token: str, page_id: int) -> Revision:
    """The revision a valid token grants, or a 403 for a bad, expired or foreign token."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.API_PREVIEW_TOKEN_SECONDS)
    except signing.SignatureExpired as exc:
        raise PermissionDenied("token: expired") from exc
    except signing.BadSignature as exc:
        raise PermissionDenied("token: invalid") from exc
    if data.get("page") != page_id:
        raise PermissionDenied("token: issued for another page")
    revision = Revision.page_revisions.filter(pk=data.get("revision"), object_id=str(page_id)).first()
    if revision is None:
        raise PermissionDenied("token: revision no longer exists")
    return revision


def _may_preview(user, page) -> bool:
    if page.permissions_for_user(user).can_edit():
        return True
    task_state = page.current_workflow_task_state
    return bool(task_state and task_state.task.specific.user_can_access_editor(page, user))


class PreviewTokenView(APIView):
    """Issues a token for a page's latest revision (draft or awaiting approval) to its editors."""

    @extend_schema(
        operation_id="preview_token",
        tags=["preview"],
        parameters=[OpenApiParameter("page", int, required=True, description="Page id")],
        responses={
            200: {
                "type": "object",
                "properties": {
                    "token": {"type": "string"},
                    "page": {"type": "integer"},
                    "revision": {"type": "integer"},
                    "expires_in": {"type": "integer"},
                    "url": {"type": "string"},
                },
            },
            400: OpenApiResponse(description="Invalid page"),
            403: OpenApiResponse(description="Not allowed to preview this page"),
        },
    )
    def get(self, request):
        if not request.user.is_authenticated:
            raise NotAuthenticated()
        page_id = request.GET.get("page", "")
        if not page_id.isdigit():
            raise ValidationError({"page": "expected a page id"})
        page = get_object_or_404(Page, pk=int(page_id))
        if not _may_preview(request.user, page.specific):
            raise PermissionDenied("page: you may not preview this page")
        revision = page.latest_revision
        if revision is None:
            raise ValidationError({"page": "the page has no revision"})
        response = Response(
            {
                "token": make_token(revision),
                "page": page.pk,
                "revision": revision.pk,
                "expires_in": settings.API_PREVIEW_TOKEN_SECONDS,
                "url": request.build_absolute_uri(f"/api/v2/preview/{page.pk}/"),
            }
        )
        response["Cache-Control"] = "private, no-store"
        return response


class PreviewView(APIView):
    """The revision a token grants, serialised exactly like the page detail endpoint."""

    authentication_classes = []
    permission_classes = []

    @extend_schema(
        operation_id="preview_retrieve",
        tags=["preview"],
        parameters=[OpenApiParameter("token", str, required=True, description="Signed preview token")],
        responses={
            200: {
                "allOf": [
                    {"$ref": "#/components/schemas/Page"},
                    {"type": "object", "properties": {"preview": {"type": "object"}}},
                ]
            },
            403: OpenApiResponse(description="Missing, invalid, expired or foreign token"),
            404: OpenApiResponse(description="No such URL (page_id is not a number)"),
        },
    )
    def get(self, request, page_id: int):
        from cms.api.router import api_router
        from cms.api.views import PagesViewSet

        request.wagtailapi_router = request._request.wagtailapi_router = api_router
        token = request.GET.get("token", "")
        if not token:
            raise PermissionDenied("token: required")
        revision = read_token(token, page_id)
        page = revision.as_object()
        viewset = PagesViewSet(request=request, action="detail_view", format_kwarg=None)
        viewset._cached_object = page
        with use_store(ObjectStore()):
            prefetch_for([page])
            serializer_class = PagesViewSet._get_serializer_class(api_router, type(page), [], show_details=True)
            data = serializer_class(page, context=viewset.get_serializer_context()).data
        response = Response({**data, "preview": {"revision": revision.pk, "created_at": revision.created_at}})
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response
