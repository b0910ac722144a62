"""E-mail notifications Wagtail does not send by itself.

Wagtail 8 already mails the next step's groups on submission, and the submitter when the whole
workflow is approved or a step rejects. It does not tell the submitter that an intermediate step
passed; this module adds that, with Wagtail's own ``task_state_approved`` templates.
"""

from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_approved


class TaskStateApprovalEmailNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    """Tells the submitter that a step approved their item while later steps remain."""

    notification = "approved"

    def can_handle(self, instance, **kwargs):
        # The final step is covered by Wagtail's workflow approval e-mail.
        return (
            super().can_handle(instance, **kwargs)
            and instance.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        )

    def get_context(self, task_state, **kwargs):
        return {**super().get_context(task_state, **kwargs), "task_state": task_state}

    def get_recipient_users(self, task_state, **kwargs):
        requested_by = task_state.workflow_state.requested_by
        if requested_by is None or requested_by == kwargs.get("user"):
            return set()
        return {requested_by}


task_approval_email_notifier = TaskStateApprovalEmailNotifier()


def register_signal_handlers():
    task_approved.connect(
        task_approval_email_notifier, sender=TaskState, dispatch_uid="workflow_task_state_approved_email_notification"
    )
