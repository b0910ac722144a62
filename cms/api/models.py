"""Preview tokens (cms/api/preview.py): stored so that every use can be checked again, and revoked."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class PreviewToken(models.Model):
    """One revision of one page, for one user, until ``expires_at``; only a hash of the secret is kept."""

    class Kind(models.TextChoices):
        # A ticket travels once in a URL to the front end and is exchanged there for a header token.
        TICKET = "ticket"
        HEADER = "header"

    key_hash = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["page", "revoked_at"], name="preview_token_page")]

    def __str__(self):
        return f"{self.kind} for page {self.page_id} (revision {self.revision_id})"
