"""Controlled vocabularies for news and directive records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsCategory(models.TextChoices):
    POLITICS = "chinh-tri", _("Chính trị")
    ECONOMY = "kinh-te", _("Kinh tế")
    CULTURE_SOCIETY = "van-hoa-xa-hoi", _("Văn hóa - Xã hội")
    DEFENCE_SECURITY = "quoc-phong-an-ninh", _("Quốc phòng - An ninh")
    GRASSROOTS_DEMOCRACY = "dan-chu-co-so", _("Dân chủ cơ sở")
    ADMINISTRATIVE_REFORM = "cai-cach-hanh-chinh", _("Cải cách hành chính")
    TOURISM = "du-lich", _("Du lịch")
    OTHER = "khac", _("Tin khác")


class DocumentType(models.TextChoices):
    DECISION = "quyet-dinh", _("Quyết định")
    DIRECTIVE = "chi-thi", _("Chỉ thị")
    RESOLUTION = "nghi-quyet", _("Nghị quyết")
    PLAN = "ke-hoach", _("Kế hoạch")
    OFFICIAL_LETTER = "cong-van", _("Công văn")
    NOTICE = "thong-bao", _("Thông báo")
    REPORT = "bao-cao", _("Báo cáo")
    GUIDANCE = "huong-dan", _("Hướng dẫn")
    OTHER = "khac", _("Văn bản khác")


class DocumentField(models.TextChoices):
    ADMINISTRATION = "hanh-chinh", _("Hành chính")
    ECONOMY = "kinh-te", _("Kinh tế - Tài chính")
    AGRICULTURE = "nong-nghiep", _("Nông nghiệp - Nông thôn")
    EDUCATION = "giao-duc", _("Giáo dục - Đào tạo")
    HEALTH = "y-te", _("Y tế")
    CULTURE = "van-hoa", _("Văn hóa - Thể thao - Du lịch")
    ENVIRONMENT = "tai-nguyen-moi-truong", _("Tài nguyên - Môi trường")
    DEFENCE_SECURITY = "quoc-phong-an-ninh", _("Quốc phòng - An ninh")
    GRASSROOTS_DEMOCRACY = "dan-chu-co-so", _("Dân chủ cơ sở")
    OTHER = "khac", _("Lĩnh vực khác")


class DirectiveStatus(models.TextChoices):
    NOT_YET_IN_FORCE = "not-yet-in-force", _("Chưa có hiệu lực")
    IN_FORCE = "in-force", _("Còn hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")
