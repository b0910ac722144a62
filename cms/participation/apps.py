from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "cms.participation"
    label = "participation"
    verbose_name = _("Lấy ý kiến, hỏi đáp")

    def ready(self):
        from django.db.models.signals import post_migrate

        from cms.operations import jobs
        from cms.participation.retention import erase_expired_personal_data
        from cms.participation.roles import setup_moderators

        # Citizens' personal data past its retention period, erased by every scheduler round.
        jobs.register("participation.retention", erase_expired_personal_data)

        post_migrate.connect(setup_moderators, sender=self, dispatch_uid="participation.setup_moderators")

        from wagtail.signals import page_published

        from cms.participation.notify import on_answer_published

        # An approved answer goes public: its question is published and the citizen is told.
        page_published.connect(
            on_answer_published,
            sender=self.get_model("QuestionAnswerPage"),
            dispatch_uid="participation.answer_published",
        )
