"""How long citizens' personal data is kept (Decree 13/2023/NĐ-CP): erased once the item is closed long enough.

A comment's item closes with its draft's comment period; a question's when it is published, closed or
refused (``Question.settled_at``). Erasing blanks names and contact details (and deletes a question's
attachments); the texts stay, because approved comments and published answers are part of the public record.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cms.participation.models import Comment, Question


def _cutoff(now=None):
    return (now or timezone.now()) - datetime.timedelta(days=settings.PARTICIPATION_RETENTION_DAYS)


def comments_due(now=None):
    """Comments with personal data whose draft closed more than ``PARTICIPATION_RETENTION_DAYS`` ago."""
    return Comment.objects.filter(page__closes_at__lt=_cutoff(now), personal_data_erased_at__isnull=True)


def questions_due(now=None):
    """Questions with personal data settled more than ``PARTICIPATION_RETENTION_DAYS`` ago."""
    return Question.objects.filter(
        status__in=Question.SETTLED, settled_at__lt=_cutoff(now), personal_data_erased_at__isnull=True
    )


@transaction.atomic
def erase_expired_personal_data(now=None) -> dict[str, int]:
    """Erase what is due; the number of items erased per kind."""
    erased = {"comments": 0, "questions": 0}
    for comment in comments_due(now).select_for_update():
        erased["comments"] += comment.erase_personal_data()
    for question in questions_due(now).select_for_update():
        erased["questions"] += question.erase_personal_data()
    return erased
