"""What a member of staff has typed into a form and not yet saved (never lose work, ADR 18)."""

from django.conf import settings
from django.db import models


class Draft(models.Model):
    """One form's typed fields for one person: the page's path names the form and its record
    (for example /cases/child/<uuid>/case-notes/add/). Only its author ever reads it back."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="drafts")
    form_path = models.CharField(max_length=300)
    fields = models.JSONField(default=dict)
    saved_at = models.DateTimeField()
    # The last DRAFT_SAVED audit event: autosave runs every few seconds, the audit trail hears
    # of it at most every AUDIT_EVERY.
    audited_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["author", "form_path"],
                                               name="one_draft_per_form_per_author")]

    def __str__(self) -> str:
        return f"Draft of {self.form_path} by {self.author_id}"
