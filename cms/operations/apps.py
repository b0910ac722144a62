from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What operators need: progress on long commands, records of jobs, the health page and its alerts."""

    name = "cms.operations"
    label = "operations"
    verbose_name = _("Vận hành")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.operations import checks

        checks.register_builtin_checks()
