"""Deleting media that content uses is not an editor's action; the admin shows where an item is used first.

Wagtail's collection policy treats "delete" like "change" for images and documents (cms/media/permissions.py).
"""

import json

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex

from tests import factories
from tests.factories import StatisticFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directive_attachment(sections, roles, editor):
    """A live directive whose body links a PDF, uploaded by the editor who now wants it gone."""
    _, directives = sections
    # In the root collection, where the roles hold their permissions.
    root = Collection.get_first_root_node()
    document = factories.DocumentFactory(title="1234/QĐ-UBND.pdf", uploaded_by_user=editor, collection=root)
    image = factories.ImageFactory(title="Ảnh kèm quyết định", uploaded_by_user=editor, collection=root)
    page = factories.DirectivePageFactory(
        parent=directives,
        title="Quyết định 1234/QĐ-UBND",
        body=json.dumps(
            [
                {"type": "document", "value": {"document": document.pk, "title": ""}},
                {"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": "", "credit": ""}},
            ]
        ),
    )
    page.save_revision().publish()
    ReferenceIndex.create_or_update_for_object(Page.objects.get(pk=page.pk).specific)
    return {"page": page, "document": document, "image": image}


@pytest.mark.parametrize(("kind", "url_name"), [("document", "wagtaildocs:delete"), ("image", "wagtailimages:delete")])
def test_editor_cannot_delete_used_media(editor_client, directive_attachment, kind, url_name):
    item = directive_attachment[kind]
    url = reverse(url_name, args=[item.pk])
    assert editor_client.get(url).status_code in (302, 403)
    response = editor_client.post(url)
    assert response.status_code in (302, 403)
    model = get_document_model() if kind == "document" else get_image_model()
    assert model.objects.filter(pk=item.pk).exists()
    assert directive_attachment[kind].file.storage.exists(item.file.name)


def test_editor_sees_no_delete_action_but_can_still_edit_media(editor_client, directive_attachment):
    document = directive_attachment["document"]
    response = editor_client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    assert response.status_code == 200
    assert reverse("wagtaildocs:delete", args=[document.pk]) not in response.content.decode()


@pytest.mark.parametrize(
    ("kind", "url_name", "usage_name"),
    [
        ("document", "wagtaildocs:delete", "wagtaildocs:document_usage"),
        ("image", "wagtailimages:delete", "wagtailimages:image_usage"),
    ],
)
def test_site_admin_sees_where_media_is_used_before_deleting(
    site_admin_client, directive_attachment, kind, url_name, usage_name
):
    item = directive_attachment[kind]
    response = site_admin_client.get(reverse(url_name, args=[item.pk]))
    assert response.status_code == 200
    assert reverse(usage_name, args=[item.pk]) in response.content.decode()
    usage = site_admin_client.get(reverse(usage_name, args=[item.pk]))
    assert "Quyết định 1234/QĐ-UBND" in usage.content.decode()
    assert site_admin_client.post(reverse(url_name, args=[item.pk])).status_code == 302


def test_editor_cannot_delete_a_live_page_and_admin_sees_its_usage(
    editor_client, directive_attachment, superuser_client
):
    page = directive_attachment["page"]
    assert editor_client.post(reverse("wagtailadmin_pages:delete", args=[page.pk])).status_code in (302, 403)
    assert Page.objects.filter(pk=page.pk, live=True).exists()
    response = superuser_client.get(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 200
    assert reverse("wagtailadmin_pages:usage", args=[page.pk]) in response.content.decode()


def test_editor_cannot_delete_a_snippet(editor_client, roles):
    from cms.statistics.models import Statistic

    statistic = StatisticFactory()
    url = reverse(
        f"wagtailsnippets_{Statistic._meta.app_label}_{Statistic._meta.model_name}:delete", args=[statistic.pk]
    )
    assert editor_client.post(url).status_code in (302, 403)
    assert Statistic.objects.filter(pk=statistic.pk).exists()
