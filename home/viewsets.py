from django.utils.translation import gettext_lazy as _

from cms.editorial.workflow.views import WorkflowSnippetViewSet
from home.models import BannerSlide


class BannerSlideViewSet(WorkflowSnippetViewSet):
    model = BannerSlide
    icon = "image"
    menu_label = _("Ảnh banner")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "sort_order", "locale"]
    list_filter = ["locale", "live"]
    search_fields = ["title"]
    search_backend_name = None
    ordering = ["sort_order", "pk"]
