from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebLinksConfig(AppConfig):
    name = "cms.weblinks"
    label = "weblinks"
    verbose_name = _("Liên kết website")
