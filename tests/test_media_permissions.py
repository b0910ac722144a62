"""Editorial roles can choose and upload the images and documents of the media library."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("username", ["editor", "reviewer", "approver"])
def test_editorial_roles_can_choose_and_upload_media(demo_content, username):
    user = get_user_model().objects.get(username=username)
    images = image_policy.instances_user_has_any_permission_for(user, ["choose"])
    documents = document_policy.instances_user_has_any_permission_for(user, ["choose"])
    assert images.count() == get_image_model().objects.count() > 0
    assert documents.count() == get_document_model().objects.count() > 0
    assert image_policy.user_has_permission(user, "add")
    assert document_policy.user_has_permission(user, "add")
