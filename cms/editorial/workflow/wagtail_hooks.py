from wagtail import hooks

from cms.editorial.workflow.views import PortalPageViewSet


# After Wagtail's own base page view set (order 0), so this one serves every page type.
@hooks.register("register_admin_viewset", order=10)
def register_page_viewset():
    return PortalPageViewSet()
