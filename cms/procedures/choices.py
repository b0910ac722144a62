from django.db import models
from django.utils.translation import gettext_lazy as _


class OnlineLevel(models.TextChoices):
    """How far a procedure can be done online (Decree 42/2022: "toàn trình" and "một phần")."""

    FULL = "toan-trinh", _("Trực tuyến toàn trình")
    PARTIAL = "mot-phan", _("Trực tuyến một phần")
    OFFLINE = "truc-tiep", _("Nộp hồ sơ trực tiếp")
