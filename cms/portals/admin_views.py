"""Wagtail and wagtail-localize admin views that would show or reach another portal's rows, made to keep to the
user's portals (``cms.core.sites.user_site_ids``; a superuser, the province's administrator, sees everything).

Pages are per portal already (page permissions are granted on each portal's homes); what Wagtail checks per
model only is narrowed here: the snippets overview's counts; the workflow and locked-pages reports (their rows
and their filters' choices); the site history's snippet entries and its users; the translations report;
wagtail-localize's snippet views (translate, the translation editor's endpoints, sync, its snippet listing
API). Routed by ``cms.portals.admin_urls`` (and the sync view by ``cms.wagtail_hooks``).
"""

import functools

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.text import capfirst
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.admin.views.reports.locked_pages import LockedPagesReportFilterSet, LockedPagesView
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
)
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import Page, Task, Workflow
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.views.snippets import ModelIndexView, get_snippet_models_for_index_view
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import report, snippets_api

from cms.core import sites
from cms.core.snippets import WorkflowSnippet
from cms.editorial.workflow.views import in_user_portals


def portal_owned_models() -> list:
    """Snippet models whose rows belong to one portal (``WorkflowSnippet.site``)."""
    return [model for model in get_snippet_models() if issubclass(model, WorkflowSnippet)]


def other_portals_condition(user, prefix: str = "") -> Q | None:
    """Rows naming (by ``content_type``/``object_id``, Wagtail's generic relation) an object of a portal-owned
    snippet model that lies outside ``user``'s portals; None: nothing to leave out (a superuser)."""
    allowed = sites.user_site_ids(user)
    if allowed is None:
        return None
    condition = Q(pk__in=[])
    for model in portal_owned_models():
        content_type = ContentType.objects.get_for_model(model)
        theirs = model._default_manager.filter(site_id__in=allowed).values_list(Cast("pk", CharField()), flat=True)
        condition |= Q(**{f"{prefix}content_type_id": content_type.pk}) & ~Q(**{f"{prefix}object_id__in": theirs})
    return condition


def _narrowed(queryset, user, prefix: str = ""):
    condition = other_portals_condition(user, prefix)
    return queryset if condition is None else queryset.exclude(condition)


# --- The snippets overview ---------------------------------------------------------------------------


class PortalSnippetIndexView(ModelIndexView):
    """Wagtail's snippets overview counts every row of each model; here each model counts what its listing
    shows the user (the view set's ``get_queryset``, which keeps portal-owned snippets to the user's portals)."""

    def _get_snippet_types(self):
        types = []
        for model in get_snippet_models_for_index_view():
            url = self.get_list_url(model)
            if not url:
                continue
            queryset = model.snippet_viewset.get_queryset(self.request)
            if queryset is None:
                queryset = model._default_manager.all()
            name = capfirst(model._meta.verbose_name_plural)
            types.append({"name": name, "count": queryset.count(), "model": model, "url": url})
        return types


# --- Reports ------------------------------------------------------------------------------------------


def _workflow_states(request):
    return _narrowed(WorkflowView.get_queryset(_Requested(request)), request.user)


def _task_states(request):
    return _narrowed(WorkflowTasksView.get_queryset(_Requested(request)), request.user, "workflow_state__")


class _Requested:
    """What the reports' ``get_queryset`` reads of their view: the request."""

    def __init__(self, request):
        self.request = request


def _choices(filterset, name: str, queryset) -> None:
    if name in filterset.filters:
        filterset.filters[name].queryset = queryset


class PortalWorkflowReportFilterSet(WorkflowReportFilterSet):
    """Workflows and requesters offered are those of the rows the user may see (names of other portals'
    staff and workflows are not listed)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.request is not None and sites.user_site_ids(self.request.user) is not None:
            states = _workflow_states(self.request)
            _choices(self, "workflow", Workflow.objects.filter(pk__in=states.values("workflow_id")))
            _choices(self, "requested_by", get_user_model().objects.filter(pk__in=states.values("requested_by_id")))


class PortalWorkflowTasksReportFilterSet(WorkflowTasksReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.request is not None and sites.user_site_ids(self.request.user) is not None:
            states = _task_states(self.request)
            _choices(self, "workflow", Workflow.objects.filter(pk__in=states.values("workflow_state__workflow_id")))
            _choices(self, "task", Task.objects.filter(pk__in=states.values("task_id")))


class PortalWorkflowView(WorkflowView):
    """ "Workflows" report: Wagtail lists every state of every snippet model the user may edit; here only
    those of the user's portals' snippets (pages were per portal already)."""

    filterset_class = PortalWorkflowReportFilterSet

    def get_queryset(self):
        return _narrowed(super().get_queryset(), self.request.user)


class PortalWorkflowTasksView(WorkflowTasksView):
    filterset_class = PortalWorkflowTasksReportFilterSet

    def get_queryset(self):
        return _narrowed(super().get_queryset(), self.request.user, "workflow_state__")


class PortalLockedPagesReportFilterSet(LockedPagesReportFilterSet):
    """ "Locked by" offers the people who locked a page the user may see, not everyone who locked one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.request is not None and sites.user_site_ids(self.request.user) is not None:
            pages = _locked_pages(self.request.user)
            _choices(self, "locked_by", get_user_model().objects.filter(pk__in=pages.values("locked_by_id")))


def _locked_pages(user):
    policy = policy_registry.get_by_type(Page)
    return (policy.instances_user_has_permission_for(user, "change") | Page.objects.filter(locked_by=user)).filter(
        locked=True
    )


class PortalLockedPagesView(LockedPagesView):
    filterset_class = PortalLockedPagesReportFilterSet


def _log_entries_of_user_portals(entries, user):
    """Log entries (of any log model) without those of another portal's snippets (a model's entries name their
    object by ``content_type``/``object_id``; page entries are per portal already)."""
    if any(field.name == "object_id" for field in entries.model._meta.get_fields()):
        entries = _narrowed(entries, user)
    return entries


class PortalSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """ "User" offers the authors of the entries the user may see, not every portal's staff."""

    def get_users_queryset(self):
        # Wagtail's: the authors of every page's entries (this filter set's queryset), whoever may see them.
        user = self.request.user
        if sites.user_site_ids(user) is None:
            return super().get_users_queryset()
        ids = set()
        for log_model in log_action_registry.get_log_entry_models():
            ids.update(_log_entries_of_user_portals(log_model.objects.viewable_by_user(user), user).get_user_ids())
        return get_user_model().objects.filter(pk__in=ids).order_by(get_user_model().USERNAME_FIELD)


class PortalLogEntriesView(LogEntriesView):
    """ "Site history": Wagtail lists the log entries of every snippet model the user has a permission on; here
    a portal-owned snippet's only for the user's portals (page entries were per portal already)."""

    filterset_class = PortalSiteHistoryFilterSet

    def filter_queryset(self, queryset):
        return _log_entries_of_user_portals(super().filter_queryset(queryset), self.request.user)


class PortalTranslationsReportView(report.TranslationsReportView):
    """wagtail-localize's translations report lists every translation of the installation; here those of the
    user's portals' pages and snippets (other snippet models as before)."""

    def get_queryset(self):
        translations = super().get_queryset()
        paths = sites.user_home_paths(self.request.user)
        if paths is None:
            return translations
        page_type = ContentType.objects.get_for_model(Page)
        owned = {ContentType.objects.get_for_model(model).pk: model for model in portal_owned_models()}
        allowed = sites.user_site_ids(self.request.user)
        outside = Q(source__specific_content_type__in=[]) | (
            Q(source__object__content_type=page_type)
            & ~Q(source__object_id__in=Page.objects.filter(sites.under_homes(paths)).values("translation_key"))
        )
        for content_type_id, model in owned.items():
            theirs = model._default_manager.filter(site_id__in=allowed).values("translation_key")
            outside |= Q(source__specific_content_type_id=content_type_id) & ~Q(source__object_id__in=theirs)
        return translations.exclude(outside)


# --- wagtail-localize's snippet views -----------------------------------------------------------------


def _refused(user, model, **lookup) -> bool:
    """Whether a row of ``model`` matching ``lookup`` belongs to a portal ``user`` does not work on."""
    if model is None or not issubclass(model, WorkflowSnippet):
        return False
    allowed = sites.user_site_ids(user)
    if allowed is None:
        return False
    try:
        owners = list(model._default_manager.filter(**lookup).values_list("site_id", flat=True))
    except (ValueError, ValidationError):
        return False  # not a key at all: the view itself answers 404
    return any(site_id not in allowed for site_id in owners)


def _snippet_model(app_label: str, model_name: str):
    try:
        return apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return None


def _source_refused(user, source: TranslationSource | None) -> bool:
    """A translation source (every language of one object) of another portal's snippet."""
    if source is None:
        return False
    model = source.specific_content_type.model_class()
    return _refused(user, model, translation_key=source.object_id)


def guard_snippet_submission(view):
    """``localize/submit/snippet/<app>/<model>/<pk>/`` ("Dịch" on a snippet): not for another portal's."""

    @functools.wraps(view)
    def guarded(request, *args, app_label, model_name, pk, **kwargs):
        if _refused(request.user, _snippet_model(app_label, model_name), pk=unquote(pk)):
            return permission_denied(request)
        return view(request, *args, app_label=app_label, model_name=model_name, pk=pk, **kwargs)

    return guarded


def guard_translation(view):
    """The translation editor's endpoints (``localize/translate/<translation_id>/…``): wagtail-localize checks
    the snippet model's permission only."""

    @functools.wraps(view)
    def guarded(request, *args, translation_id, **kwargs):
        translation = Translation.objects.filter(pk=translation_id).select_related("source").first()
        if translation is not None and _source_refused(request.user, translation.source):
            return permission_denied(request)
        return view(request, *args, translation_id=translation_id, **kwargs)

    return guarded


def guard_translation_source(view):
    """``localize/update/<translation_source_id>/`` ("Đồng bộ bản dịch")."""

    @functools.wraps(view)
    def guarded(request, *args, translation_source_id, **kwargs):
        source = TranslationSource.objects.filter(pk=translation_source_id).first()
        if _source_refused(request.user, source):
            return permission_denied(request)
        return view(request, *args, translation_source_id=translation_source_id, **kwargs)

    return guarded


class PortalSnippetsApi(snippets_api.SnippetViewSet):
    """The translation editor's snippet listing (for a snippet chooser's override): rows of a model the user
    has no permission on are not listed, and a portal-owned model's only from the user's portals."""

    def get_queryset(self):
        model = self.get_model()
        if not policy_registry.get_by_type(model).user_has_any_permission(
            self.request.user, {"add", "change", "delete", "view"}
        ):
            raise PermissionDenied
        queryset = model._default_manager.all()
        return in_user_portals(queryset, self.request.user) if issubclass(model, WorkflowSnippet) else queryset
