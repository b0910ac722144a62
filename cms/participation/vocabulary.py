"""The fixed lists citizens choose from when they ask (shared by the form, the models and the search facets)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionField(models.TextChoices):
    """Lĩnh vực: the facet of the Q&A list and the search."""

    LAND = "dat-dai", _("Đất đai")
    CONSTRUCTION = "xay-dung", _("Xây dựng, quy hoạch")
    CIVIL_STATUS = "ho-tich", _("Hộ tịch, cư trú")
    EDUCATION = "giao-duc", _("Giáo dục")
    HEALTH = "y-te", _("Y tế, bảo hiểm")
    LABOUR = "lao-dong", _("Lao động, việc làm, chính sách xã hội")
    TRANSPORT = "giao-thong", _("Giao thông")
    ENVIRONMENT = "moi-truong", _("Tài nguyên, môi trường")
    FINANCE = "tai-chinh", _("Tài chính, thuế")
    OTHER = "khac", _("Lĩnh vực khác")


class QuestionKind(models.TextChoices):
    QUESTION = "question", _("Hỏi đáp")
    PETITION = "petition", _("Phản ánh, kiến nghị")
