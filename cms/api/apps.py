from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cms.api"
    label = "cms_api"
    verbose_name = "Headless API"

    def ready(self):
        from wagtail.signals import page_unpublished

        from cms.api import prefetch, router, views

        router.register_endpoint("pages", views.PagesViewSet)
        router.register_endpoint("images", views.ImagesViewSet)
        router.register_endpoint("documents", views.DocumentsViewSet)
        router.autodiscover()
        prefetch.install()
        # Preview tokens die with the page's publication: nothing unpublished leaves through an old token.
        page_unpublished.connect(_revoke_preview_tokens, dispatch_uid="cms-api-revoke-preview-tokens")


def _revoke_preview_tokens(sender, instance, **kwargs):
    from cms.api.preview import revoke_for_page

    revoke_for_page(instance.pk)
