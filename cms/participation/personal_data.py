"""What a citizen's item (a comment, a question) holds of their personal data, and how it is erased.

Who may see it is ``cms.participation.roles.sees_contact``; when it is erased by itself is
``cms.participation.retention``.
"""

from django.utils import timezone


class CitizenPersonalData:
    """Mixed into a model with ``show_name`` and ``personal_data_erased_at`` fields."""

    # The fields holding the citizen's name and contact details.
    contact_fields: tuple[str, ...] = ()

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
