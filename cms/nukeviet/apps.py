from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NukeVietConfig(AppConfig):
    name = "cms.nukeviet"
    label = "nukeviet"
    verbose_name = _("Chuyển dữ liệu từ NukeViet")
    default_auto_field = "django.db.models.BigAutoField"
