"""Admin URLs answered by ``cms.portals.admin_views`` instead of Wagtail's and wagtail-localize's views, at the
same paths: ``cms.urls`` includes these before Wagtail's admin, so the first match is here. Names are this
module's own; ``reverse`` of Wagtail's names gives the same paths, so every link reaches these views."""

from django.urls import include, path
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns
from wagtail_localize.wagtail_hooks import register_admin_urls as localize_admin_urls

from cms.portals import admin_views

# wagtail-localize's views (by URL name) and the guard each gets.
LOCALIZE_GUARDS = {
    "submit_snippet_translation": admin_views.guard_snippet_submission,
    "edit_string_translation": admin_views.guard_translation,
    "edit_override": admin_views.guard_translation,
    "download_pofile": admin_views.guard_translation,
    "upload_pofile": admin_views.guard_translation,
    "machine_translate": admin_views.guard_translation,
    "stop_translation": admin_views.guard_translation,
}
LOCALIZE_REPLACEMENTS = {
    "snippets_api_listing": admin_views.PortalSnippetsApi.as_view({"get": "list"}),
    "snippets_api_detail": admin_views.PortalSnippetsApi.as_view({"get": "retrieve"}),
    "translations_report": admin_views.PortalTranslationsReportView.as_view(),
    "translations_report_results": admin_views.PortalTranslationsReportView.as_view(results_only=True),
}


def _localize_patterns() -> list:
    """wagtail-localize's own URL patterns (read from its hook, so a changed path follows) with guarded views."""
    (localize,) = localize_admin_urls()
    patterns = []
    for pattern in localize.url_patterns:
        if pattern.name in LOCALIZE_GUARDS:
            view = LOCALIZE_GUARDS[pattern.name](pattern.callback)
        elif pattern.name in LOCALIZE_REPLACEMENTS:
            view = LOCALIZE_REPLACEMENTS[pattern.name]
        else:
            continue
        patterns.append(path(str(pattern.pattern), view, pattern.default_args, name=f"portal_localize_{pattern.name}"))
    return [path(str(localize.pattern), include(patterns))]


def _report(route: str, view, name: str) -> list:
    """A report's page and its results (Wagtail's listing views answer both, the second for filtering)."""
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = decorate_urlpatterns(
    [
        path("snippets/", admin_views.PortalSnippetIndexView.as_view(), name="portal_snippets_index"),
        *_report("reports/locked/", admin_views.PortalLockedPagesView, "portal_locked_pages"),
        *_report("reports/workflow/", admin_views.PortalWorkflowView, "portal_workflow_report"),
        *_report("reports/workflow_tasks/", admin_views.PortalWorkflowTasksView, "portal_workflow_tasks"),
        *_report("reports/site-history/", admin_views.PortalLogEntriesView, "portal_site_history"),
        *_localize_patterns(),
    ],
    require_admin_access,
)
