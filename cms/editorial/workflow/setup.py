"""The "Duyệt tin bài" workflow as code. Applied idempotently by ``manage.py setup_roles``."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, Workflow, WorkflowContentType, WorkflowPage, WorkflowTask

from cms.editorial.roles import APPROVERS, REVIEWERS, installation_home_pages
from cms.editorial.workflow.models import NoSelfApprovalTask

WORKFLOW_NAME = "Duyệt tin bài"
STEPS = (
    ("Thẩm định nội dung", REVIEWERS.name),
    ("Lãnh đạo phê duyệt xuất bản", APPROVERS.name),
)


def snippet_models():
    """The snippet models under the workflow, from settings.WORKFLOW_SNIPPET_MODELS ("app_label.Model")."""
    return [apps.get_model(label) for label in settings.WORKFLOW_SNIPPET_MODELS]


def _ensure_steps(workflow: Workflow) -> None:
    for order, (task_name, group_name) in enumerate(STEPS):
        task, _ = NoSelfApprovalTask.objects.get_or_create(name=task_name)
        task.groups.add(Group.objects.get(name=group_name))
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})


@transaction.atomic
def setup_workflows() -> Workflow:
    """Create the workflow on first run; later runs only add missing home pages and snippet models.

    Steps, page and snippet assignments changed in the admin afterwards are left as they are,
    except that home pages and snippet models with no workflow at all get this one.
    """
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        _ensure_steps(workflow)
        # Wagtail's stock "Moderators approval" sits on the root page; the portal's workflow
        # replaces it there so home pages added later (new locales) are covered from the start.
        WorkflowPage.objects.update_or_create(page=Page.get_first_root_node(), defaults={"workflow": workflow})
    # Every locale's home page carries the workflow, so news and directive sections and their
    # translations inherit it; an explicit row also shows the assignment in the admin.
    for home in installation_home_pages():
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    for model in snippet_models():
        content_type = ContentType.objects.get_for_model(model)
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})
    return workflow
