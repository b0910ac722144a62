from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "cms.editorial.workflow"
    label = "workflow"
    verbose_name = _("Quy trình duyệt")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.editorial.workflow import notifications, review_queue

        notifications.register_signal_handlers()
        review_queue.install()
