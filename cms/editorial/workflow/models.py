"""Workflow task types. See https://docs.wagtail.org/en/stable/extending/custom_tasks.html"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from cms.editorial.workflow.authorship import wrote_content

MODERATION_ACTIONS = frozenset({"approve", "reject"})


class NoSelfApprovalTask(AbstractGroupApprovalTask):
    """Group approval in which the submitter and the authors of the content under review cannot decide.

    The rule is enforced in every entry point Wagtail uses: the action list (buttons and the
    workflow action URL), the editor lock, the dashboard queue and ``on_action`` itself.
    """

    def _current_task_state(self, obj):
        task_state = getattr(obj, "current_workflow_task_state", None)
        return task_state if task_state and task_state.task_id == self.pk else None

    def is_author(self, obj, user, task_state=None) -> bool:
        """Whether ``user`` submitted ``obj`` or wrote any of the content under review.

        Authorship is judged on content (``cms.editorial.workflow.authorship``): a revision that only saved the same
        content again (Wagtail's edit page saving the form before a workflow action, autosave) makes nobody
        an author. A reviewer who did change the content is an author from then on: the step needs a colleague.
        """
        if user.is_superuser and getattr(settings, "WORKFLOW_ALLOW_SUPERUSER_SELF_APPROVAL", False):
            return False
        task_state = task_state or self._current_task_state(obj)
        if task_state is None:
            return False
        if user.pk == task_state.workflow_state.requested_by_id:
            return True
        return wrote_content(obj, user.pk)

    def user_can_access_editor(self, obj, user):
        return super().user_can_access_editor(obj, user) and not self.is_author(obj, user)

    def locked_for_user(self, obj, user):
        # The submitter waits for the decision like any other editor instead of editing under review.
        return super().locked_for_user(obj, user) or self.is_author(obj, user)

    def user_can_lock(self, obj, user):
        return super().user_can_lock(obj, user) and not self.is_author(obj, user)

    def get_actions(self, obj, user):
        if self.is_author(obj, user):
            return []
        return super().get_actions(obj, user)

    def _user_in_groups(self, user):
        """Wagtail asks once per task, one query each, and its review queue (``TaskState.objects.reviewable_by``,
        the dashboard) asks for every active task: two per portal, 152 queries for a commune editor with 77
        portals. The first question answers it for every task of this type in one query, kept where Wagtail
        keeps its own answers (on the user object, so for one request)."""
        checks = getattr(user, "_group_approval_task_checks", None)
        if checks is None:
            checks = {}
            user._group_approval_task_checks = checks
        if self.pk not in checks:
            membership = NoSelfApprovalTask.groups.through.objects.filter(
                noselfapprovaltask=OuterRef("pk"), group__in=user.groups.all()
            )
            checks.update(NoSelfApprovalTask.objects.annotate(member=Exists(membership)).values_list("pk", "member"))
        return super()._user_in_groups(user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return self.task_states_user_can_moderate_in_bulk([self], user)

    @classmethod
    def task_states_user_can_moderate_in_bulk(cls, tasks, user):
        """``get_task_states_user_can_moderate`` of every task in ``tasks`` (all of this type), as one queryset:
        the steps whose groups the user is in (any, for a superuser), less what the user submitted or wrote.
        The review queue (``review_queue.reviewable_by``) asks it once for all of them instead of OR-ing one
        queryset per task, whose cost grew with the square of the number of portals."""
        reviewable = [task.pk for task in tasks if user.is_superuser or task._user_in_groups(user)]
        if not reviewable:
            return TaskState.objects.none()
        states = TaskState.objects.filter(task_id__in=reviewable, status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser and getattr(settings, "WORKFLOW_ALLOW_SUPERUSER_SELF_APPROVAL", False):
            return states
        return states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)

    def start(self, workflow_state, user=None):
        # Notifications are sent from here; without an active language Wagtail falls back to the
        # recipient's own admin language (or LANGUAGE_CODE) instead of the submitter's.
        with translation.override(None):
            return super().start(workflow_state, user=user)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if action_name in MODERATION_ACTIONS and (
            self.is_author(obj, user, task_state) or action_name not in {a[0] for a in self.get_actions(obj, user)}
        ):
            raise PermissionDenied(_("Bạn không thể tự duyệt hoặc từ chối nội dung do mình gửi."))
        with translation.override(None):
            return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Thành viên các nhóm được chọn duyệt bước này, trừ người gửi và người soạn nội dung.")

    class Meta:
        verbose_name = _("Duyệt theo nhóm (không tự duyệt)")
        verbose_name_plural = _("Duyệt theo nhóm (không tự duyệt)")
