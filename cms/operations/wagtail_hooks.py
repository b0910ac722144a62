from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.operations.views import HealthView, user_is_administrator


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return user_is_administrator(request.user)


@hooks.register("register_admin_urls")
def health_urls():
    return [path("health/", HealthView.as_view(), name="operations_health")]


@hooks.register("register_settings_menu_item")
def health_menu_item():
    return AdministratorMenuItem(
        _("Tình trạng hệ thống"), reverse("operations_health"), icon_name="tasks", order=10, name="health"
    )
