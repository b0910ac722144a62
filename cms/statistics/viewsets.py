from django.utils.translation import gettext_lazy as _

from cms.editorial.workflow.views import WorkflowSnippetViewSet
from cms.statistics.models import Statistic


class StatisticViewSet(WorkflowSnippetViewSet):
    model = Statistic
    icon = "table"
    menu_label = _("Số liệu thống kê")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["label", "display_value", "reference_date", "locale"]
    list_filter = ["locale", "live", "reference_date"]
    search_fields = ["label", "source", "unit"]
    search_backend_name = None
    ordering = ["-reference_date", "label", "pk"]
