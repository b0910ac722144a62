"""Shared set-up for the workflow tests: roles, the workflow, one user per role, admin form helpers."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html

from cms.editorial import roles
from cms.editorial.workflow.setup import setup_workflows


@dataclass
class Staff:
    editor: object
    reviewer: object
    approver: object
    site_admin: object
    superuser: object


def make_user(username: str, group: str | None = None, **extra):
    user = get_user_model().objects.create_user(username, f"{username}@example.vn", "pw-123456789", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_staff() -> Staff:
    roles.setup_roles()
    setup_workflows()
    return Staff(
        editor=make_user("editor", roles.EDITORS.name),
        reviewer=make_user("reviewer", roles.REVIEWERS.name),
        approver=make_user("approver", roles.APPROVERS.name),
        site_admin=make_user("siteadmin", roles.SITE_ADMINS.name),
        superuser=make_user("admin", is_superuser=True, is_staff=True),
    )


def as_user(client, user):
    client.force_login(user)
    return client


def page_form(client, page):
    """The edit form's current values, as the browser would post them."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    return _with_empty_streams(data, page.specific)


def _with_empty_streams(data, instance):
    # StreamFields are drawn by JavaScript, so the HTML holds no "-count" input; test content has empty bodies.
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            data[f"{field.name}-count"] = "0"
    return data


def edit_page(client, page, action: str | None = None, **changes):
    """Post the edit form with ``changes``; ``action`` is e.g. "submit", "publish", "restart-workflow"."""
    data = page_form(client, page)
    for name, value in changes.items():
        data[name] = value
    if action:
        data[f"action-{action}"] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def page_workflow_action(client, page, action: str, comment: str = ""):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def snippet_url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_home_bannerslide:{name}", args=args)


def snippet_form(client, slide):
    response = client.get(snippet_url("edit", slide.pk))
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    soup_form_index = html[: html.index('name="title"')].count("<form") - 1
    return querydict_from_html(html, form_index=soup_form_index)


def edit_snippet(client, slide, action: str | None = None, **changes):
    data = snippet_form(client, slide)
    for name, value in changes.items():
        data[name] = value
    if action:
        data[f"action-{action}"] = action
    return client.post(snippet_url("edit", slide.pk), data)


def snippet_workflow_action(client, slide, action: str, comment: str = ""):
    slide.refresh_from_db()
    task_state = slide.current_workflow_task_state
    url = snippet_url("workflow_action", slide.pk, action, task_state.pk)
    return client.post(url, {"comment": comment})
