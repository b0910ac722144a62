"""What a citizen's item (a comment, a question) holds of their personal data, and how it is erased.

Who may see it is ``cms.participation.roles.sees_contact``; when it is erased by itself is
``cms.participation.retention``.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CitizenPersonalData(models.Model):
    """The fields every citizen's item shares: the sender's name, consent to show it, when it was sent and
    when its personal data was erased. A subclass names its own contact fields in ``contact_fields``."""

    name = models.CharField(_("Họ và tên"), max_length=120, blank=True)
    show_name = models.BooleanField(_("Đồng ý hiển thị tên"), default=False)
    created_at = models.DateTimeField(_("Thời điểm gửi"), default=timezone.now, db_index=True)
    personal_data_erased_at = models.DateTimeField(_("Đã xoá dữ liệu cá nhân lúc"), null=True, blank=True)

    # The fields holding the citizen's name and contact details.
    contact_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def has_contact(self) -> bool:
        return any(getattr(self, field) for field in self.contact_fields)

    def erase_files(self) -> None:
        """Delete the files the citizen sent (none by default)."""

    def erase_personal_data(self) -> bool:
        """Blank the name and contact details and delete the files; the text stays. False if already erased."""
        if self.personal_data_erased_at:
            return False
        self.erase_files()
        for field in self.contact_fields:
            setattr(self, field, "")
        self.show_name = False
        self.personal_data_erased_at = timezone.now()
        self.save(update_fields=[*self.contact_fields, "show_name", "personal_data_erased_at"])
        return True
