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

        from django.db.models.signals import pre_delete
        from wagtail.signals import page_published, page_unpublished

        from cms.participation.notify import on_answer_deleted, on_answer_published, on_answer_unpublished

        # An approved answer goes public: its question is published and the citizen is told. Unpublished or
        # deleted, the question is no longer shown as answered.
        answer_page = self.get_model("QuestionAnswerPage")
        page_published.connect(on_answer_published, sender=answer_page, dispatch_uid="participation.answer_published")
        page_unpublished.connect(
            on_answer_unpublished, sender=answer_page, dispatch_uid="participation.answer_unpublished"
        )
        pre_delete.connect(on_answer_deleted, sender=answer_page, dispatch_uid="participation.answer_deleted")
