from django.apps import AppConfig


class MediaConfig(AppConfig):
    """Images, documents and videos: who may delete them, and how uploads are checked. Listed after wagtail.images,
    wagtail.documents and wagtailmedia in INSTALLED_APPS, so the policies below replace the ones they register."""

    name = "cms.media"
    label = "portal_media"
    verbose_name = "Media"

    def ready(self):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.permissions import register_permission_policy
        from wagtailmedia import get_media_model

        from cms.media.permissions import DeleteNeedsPermissionPolicy

        register_permission_policy(
            get_image_model(),
            DeleteNeedsPermissionPolicy(
                get_image_model(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
            ),
        )
        register_permission_policy(
            get_document_model(),
            DeleteNeedsPermissionPolicy(
                get_document_model(), auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
            ),
        )
        register_permission_policy(
            get_media_model(),
            DeleteNeedsPermissionPolicy(
                get_media_model(), auth_model="wagtailmedia.Media", owner_field_name="uploaded_by_user"
            ),
        )
