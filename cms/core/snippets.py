"""Snippets that editors draft and approvers publish through the workflow, each owned by one portal."""

from collections import defaultdict

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, Site, TranslatableMixin, WorkflowMixin

from cms.core import sites


class PortalSnippetForm(WagtailAdminModelForm):
    """The portal a snippet belongs to can only be one of the user's portals (``sites.user_site_ids``).

    A user of one portal gets it fixed (a disabled field keeps its initial value whatever a crafted POST
    says); a user of several chooses among them; a superuser among all, the default site when left empty.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("site")
        if field is None:
            return
        field.label_from_instance = lambda site: site.site_name or site.hostname
        allowed = sites.user_site_ids(self.for_user) if self.for_user is not None else None
        if allowed is not None:
            field.queryset = field.queryset.filter(pk__in=allowed)
            # The form's initial values (the instance's, the default site for a new one) outrank the field's.
            if len(allowed) == 1:
                self.initial["site"] = next(iter(allowed))
                field.disabled = True
            elif self.initial.get("site") not in allowed:
                self.initial["site"] = None
        field.required = False
        self._allowed_sites = allowed

    def clean_site(self):
        site = self.cleaned_data.get("site")
        if site is not None:
            return site
        if self._allowed_sites is None:
            return Site.objects.filter(is_default_site=True).first()
        raise forms.ValidationError(_("Chọn cổng thông tin của nội dung này."))


class WorkflowSnippet(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
    """Drafts, revisions, locking, translations and the approval workflow for a snippet model.

    Wagtail needs the two generic relations on each concrete model so revisions and workflow states are
    deleted with it (GenericRelation is not a column: no migration).
    """

    # The portal whose pages show it and whose editors manage it. Null only once its site is gone (an
    # archived portal): such a row shows nowhere and only superusers see it in the admin.
    site = models.ForeignKey(
        "wagtailcore.Site",
        null=True,
        blank=True,
        # Rows made without a portal (the demo, bulk seeding, older code) belong to the default site's.
        default=sites.default_site_id,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Cổng thông tin"),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(class)s",
        for_concrete_model=False,
    )

    base_form_class = PortalSnippetForm

    class Meta(TranslatableMixin.Meta):
        abstract = True

    @property
    def revisions(self):
        return self._revisions

    def get_workflow(self):
        """A commune portal's snippet goes through that portal's workflow (its home's, made by create_portal):
        Wagtail assigns snippet workflows per model, which would send it to the province's reviewers."""
        if self.site_id is not None:
            site = Site.objects.select_related("root_page").filter(pk=self.site_id, is_default_site=False).first()
            workflow = site.root_page.get_workflow() if site is not None else None
            if workflow is not None and workflow.active:
                return workflow
        return super().get_workflow()


def chosen_from_other_portals(site_id: int, stream_value) -> list:
    """Portal-owned snippets chosen anywhere in ``stream_value`` (a StreamField's value, nested blocks included)
    that belong to a portal other than ``site_id`` (or to none: an archived portal's). One query per model."""
    wanted = defaultdict(set)
    for model, object_id, _model_path, _content_path in stream_value.stream_block.extract_references(stream_value):
        if issubclass(model, WorkflowSnippet):
            wanted[model].add(object_id)
    return [
        snippet
        for model, ids in wanted.items()
        for snippet in model._default_manager.filter(pk__in=ids).exclude(site_id=site_id)
    ]
