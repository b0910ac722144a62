"""Editorial roles can choose and upload the images and documents of the media library."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("username", "can_upload"), [("editor", True), ("reviewer", False), ("approver", False)])
def test_editorial_roles_can_choose_media_and_editors_upload_it(demo_content, username, can_upload):
    """Everyone in the workflow can open items with images and documents; only editors add new files."""
    user = get_user_model().objects.get(username=username)
    for model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        assert policy.instances_user_has_any_permission_for(user, ["choose"]).count() == model.objects.count() > 0
        assert policy.user_has_permission(user, "add") is can_upload
