"""What happens when the last workflow step approves."""


def publish_approved(workflow_state, user=None):
    """Publish the latest revision as ``user``, without checking their publish permission.

    Wagtail 8's default (``wagtail.workflows.publish_workflow_state``) checks it, so an approver
    would need "publish" — which would also let them publish directly and skip review. Passing
    every workflow step is the permission here. Used via settings.WAGTAIL_FINISH_WORKFLOW_ACTION.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
