"""Workflow actions from the edit pages and the dashboard, for pages and workflow snippets.

Wagtail saves the edit form as a new revision by the reviewer before a workflow action taken from the edit
page's action menu. Here that revision is saved only when the content really changed, and an approval or a
request for changes that comes with a content change is refused with a message: the reviewer would be
deciding on their own text (see ``NoSelfApprovalTask.is_author``).
"""

import functools

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.pages.edit import EditView as PageEditView
from wagtail.admin.views.pages.workflow import WorkflowActionView as PageWorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, WorkflowState
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet, SnippetChosenView
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.views.snippets import WorkflowActionView as SnippetWorkflowActionView

from cms.core import sites
from cms.editorial import translation_review
from cms.editorial.explorer import PortalExplorableIndexView
from cms.editorial.workflow.authorship import same_content
from cms.editorial.workflow.models import MODERATION_ACTIONS


def self_approval_refused() -> str:
    return _("Bạn đã sửa nội dung này nên không thể tự phê duyệt; hãy lưu và gửi duyệt lại")


def _content_under_review(obj) -> dict:
    revision = obj.get_latest_revision()
    return revision.content if revision is not None else type(obj).objects.get(pk=obj.pk).serializable_data()


def _comments_changed(form) -> bool:
    comments = getattr(form, "formsets", {}).get("comments")
    return comments is not None and comments.has_changed()


class PublicationAnnouncement:
    """Tells the approver, in a message that stays on the next screen, that their approval published the item."""

    def final_approval_pending(self, obj, action_name: str) -> bool:
        state = obj.current_workflow_state
        return action_name == "approve" and state is not None and state.is_at_final_task

    def announce_if_published(self, obj) -> None:
        obj = type(obj).objects.get(pk=obj.pk)
        state = obj.workflow_states.order_by("-created_at").first()
        if not obj.live or state is None or state.status != WorkflowState.STATUS_APPROVED:
            return
        url = self.public_url(obj)
        message = _("Đã phê duyệt và xuất bản “%(title)s”. Địa chỉ công khai: %(url)s") % {"title": obj, "url": url}
        messages.success(self.request, message, buttons=[messages.button(url, _("Xem trên cổng"), new_window=True)])

    def public_url(self, obj) -> str:
        if isinstance(obj, Page):
            return obj.get_full_url(self.request)
        # Banner slides and statistics show on their portal's pages in their language, starting with its home.
        homes = Page.objects.filter(depth=2)
        site = sites.Site.objects.filter(pk=getattr(obj, "site_id", None)).select_related("root_page").first()
        if site is not None:
            homes = homes.filter(translation_key=site.root_page.translation_key)
        home = homes.filter(locale_id=getattr(obj, "locale_id", None)).first() or homes.first()
        return home.get_full_url(self.request) if home else "/"


def _autosave_twin_of_a_workflow_action(view) -> bool:
    """Whether this is autosave posting a form that the workflow action script is submitting at that moment.

    Wagtail's ``workflow-action.js`` adds the action's hidden inputs (``action-workflow-action``, its name and
    the comment) to the edit form and submits it through jQuery, which fires no native ``submit`` event; the
    autosave controller, which stops on that event, sees a changed form and posts it too, half a second later.
    Taken as a workflow action, this copy raced the real one (a second approval of the same step in the same
    reviewer's name, on the threaded server) and could leave the task at its first step. Autosave only saves.
    """
    return view.expects_json_response and bool(view.request.POST.get("action-workflow-action"))


class ReviewerPageEditView(PublicationAnnouncement, PageEditView):
    @cached_property
    def action_name_and_method(self):
        if _autosave_twin_of_a_workflow_action(self):
            return ("save", self.save_action)
        return super().action_name_and_method

    def save_action(self):
        # Autosave posts the form when the browser's copy of it changes, which widgets can do on their own when
        # a reviewer merely opens the page; an unchanged form, or content equal to the latest revision, needs no
        # new revision. The twin of a workflow action never saves: the action's own request carries the same
        # form and decides; a revision here, racing it, would make the reviewer an author of what they decide.
        if self.expects_json_response and not self.request.POST.get("overwrite_revision_id"):
            self.form.save(commit=False)
            if _autosave_twin_of_a_workflow_action(self) or (
                not _comments_changed(self.form)
                and (
                    not self.has_content_changes
                    or same_content(_content_under_review(self.page), self.page.serializable_data())
                )
            ):
                return JsonResponse(
                    {
                        "success": True,
                        "pk": self.page.pk,
                        "field_updates": dict(self.form.get_field_updates_for_resave()),
                        "comments": self.form.serialize_comments(self.request.user),
                        "html": self.render_partials(),
                    }
                )
        return super().save_action()

    def perform_workflow_action(self):
        if self.workflow_action in MODERATION_ACTIONS:
            self.form.save(commit=False)
            if self.has_content_changes and not same_content(
                _content_under_review(self.page), self.page.serializable_data()
            ):
                messages.error(self.request, self_approval_refused())
                self.has_unsaved_changes = True
                return self.render_to_response(self.get_context_data())
            # The form only saved the same content again: no revision in the reviewer's name (unless they
            # added a comment on the text, which Wagtail stores with a revision).
            self.has_content_changes = _comments_changed(self.form)
        publishes = self.final_approval_pending(self.page, self.workflow_action)
        response = super().perform_workflow_action()
        if publishes:
            self.announce_if_published(self.page)
        return response


class AnnouncedWorkflowAction(PublicationAnnouncement):
    """The dashboard's approve / request changes (Wagtail's workflow action view), announcing a publication."""

    def post(self, request, *args, **kwargs):
        publishes = self.final_approval_pending(self.object, self.action_name)
        response = super().post(request, *args, **kwargs)
        if publishes:
            self.announce_if_published(self.object)
        return response


class ReviewerPageWorkflowActionView(AnnouncedWorkflowAction, PageWorkflowActionView):
    pass


class PortalPageViewSet(PageViewSet):
    """Every page type's admin views, with the workflow actions above and ``cms.editorial.explorer``'s explorer."""

    model = Page
    name = "portal_pages"
    index_view_class = PortalExplorableIndexView
    edit_view_class = ReviewerPageEditView
    workflow_action_view_class = ReviewerPageWorkflowActionView


class ReviewerSnippetEditView(PublicationAnnouncement, SnippetEditView):
    """For snippet view sets under the workflow (banner slides, statistics): set as their ``edit_view_class``."""

    def get_action(self, request):
        action = super().get_action(request)
        return "edit" if action == "workflow-action" and _autosave_twin_of_a_workflow_action(self) else action

    def save_instance(self):
        action_name = self.request.POST.get("workflow-action-name")
        if self.action == "edit" and self.expects_json_response:
            # Autosave of an unchanged form, of content equal to the latest revision or twin of a workflow
            # action (as for pages above): no revision.
            instance = self.form.save(commit=False)
            if (
                _autosave_twin_of_a_workflow_action(self)
                or not self.form.has_changed()
                or same_content(_content_under_review(instance), instance.serializable_data())
            ):
                self.new_revision = None
                return instance
            return super().save_instance()
        if self.action != "workflow-action" or action_name not in MODERATION_ACTIONS:
            return super().save_instance()
        instance = self.form.save(commit=False)
        if self.form.has_changed() and not same_content(_content_under_review(instance), instance.serializable_data()):
            # Shown by Wagtail's form_invalid as the error message; nothing was saved.
            raise PermissionDenied(self_approval_refused())
        self.new_revision = None
        return instance

    def workflow_action_action(self):
        publishes = self.final_approval_pending(self.object, self.workflow_action)
        response = super().workflow_action_action()
        if publishes:
            self.announce_if_published(self.object)
        return response


class ReviewerSnippetWorkflowActionView(AnnouncedWorkflowAction, SnippetWorkflowActionView):
    """For workflow snippets' view sets: set as their ``workflow_action_view_class``."""


def in_user_portals(queryset, user):
    """Rows of a portal-owned snippet queryset that belong to ``user``'s portals (all for a superuser)."""
    allowed = sites.user_site_ids(user)
    return queryset if allowed is None else queryset.filter(site_id__in=allowed)


class PortalChooseView(ChooseView):
    def get_object_list(self):
        return in_user_portals(super().get_object_list(), self.request.user)


class PortalChooseResultsView(ChooseResultsView):
    def get_object_list(self):
        return in_user_portals(super().get_object_list(), self.request.user)


class PortalChosenView(SnippetChosenView):
    def get_object(self, pk):
        return in_user_portals(self.model_class.objects.all(), self.request.user).get(pk=pk)


class PortalSnippetChooserViewSet(SnippetChooserViewSet):
    """The snippet chooser offers (and answers "chosen" for) the user's portals' snippets only."""

    choose_view_class = PortalChooseView
    choose_results_view_class = PortalChooseResultsView
    chosen_view_class = PortalChosenView


def refuse_other_portals(model, view):
    """Wraps one admin view of a portal-owned snippet: an object of a portal the user does not work on is
    refused, whichever view is asked (edit, delete, history, revisions, workflow, lock, preview, copy...).
    Wagtail's generic views check model permissions only, so a crafted URL would otherwise reach it."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            allowed = sites.user_site_ids(request.user)
            if allowed is not None:
                try:
                    owner = list(model._default_manager.filter(pk=unquote(str(pk))).values_list("site_id", flat=True))
                except (ValueError, ValidationError):
                    owner = []  # not a key at all: the view itself answers 404
                if any(site_id not in allowed for site_id in owner):
                    return permission_denied(request)
        return view(request, *args, **kwargs)

    return guarded


class WorkflowSnippetIndexView(SnippetIndexView):
    """The listing, with each row's language and translation buttons' facts read with the rows (one query for the
    page instead of four per row: 74 queries for the province's 15 statistics)."""

    def get_base_queryset(self):
        return translation_review.with_translation_facts(super().get_base_queryset().select_related("locale"))


class WorkflowSnippetViewSet(SnippetViewSet):
    """Base for the view sets of snippets under the workflow (``WORKFLOW_SNIPPET_MODELS``), which are owned
    by a portal (``WorkflowSnippet.site``): listings, choosers and every per-object view keep to the user's
    portals."""

    index_view_class = WorkflowSnippetIndexView
    edit_view_class = ReviewerSnippetEditView
    workflow_action_view_class = ReviewerSnippetWorkflowActionView
    chooser_viewset_class = PortalSnippetChooserViewSet

    def get_queryset(self, request):
        return in_user_portals(self.model._default_manager.all(), request.user)

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = refuse_other_portals(self.model, pattern.callback)
        return patterns
