"""Send a wagtail-localize translation into its source's approval workflow.

wagtail-localize's translation editor replaces the edit view and offers only "Publish" (for users
with publish rights); nobody here has them, so translations reach the public only through this path.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale, Page, WorkflowState
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import StringSegment, Translation, TranslationSource


class SubmissionRefused(Exception):
    """The translation cannot be submitted now; the message says why."""


def translation_for(instance) -> Translation | None:
    """The enabled (synced) translation whose target is ``instance``, if any."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .exclude(source__locale_id=instance.locale_id)
        .select_related("source", "target_locale")
        .first()
    )


def target_of(translation: Translation):
    instance = translation.get_target_instance()
    return instance.specific if isinstance(instance, Page) else instance


def user_can_submit(user, instance) -> bool:
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user.has_perm(get_permission_name("change", instance.__class__))


def untranslated_count(translation: Translation) -> int:
    segments = StringSegment.objects.filter(source=translation.source)
    return segments.annotate_translation(translation.target_locale).filter(translation__isnull=True).count()


def submit_for_approval(translation: Translation, user) -> WorkflowState:
    """Save the translated draft and start (or resume) the workflow that covers it. Publishes nothing."""
    instance = target_of(translation)
    if not user_can_submit(user, instance):
        raise PermissionDenied
    workflow = instance.get_workflow()
    if workflow is None or not workflow.active:
        raise SubmissionRefused(_("Nội dung này không thuộc quy trình duyệt nào."))
    state = instance.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise SubmissionRefused(_("Bản dịch đang chờ duyệt."))
    missing = untranslated_count(translation)
    if missing:
        raise SubmissionRefused(_("Còn %(count)s đoạn chưa dịch.") % {"count": missing})
    was_live = instance.live
    if was_live and instance.live_revision is None:
        raise SubmissionRefused(_("Bản dịch đang xuất bản không có phiên bản gốc để giữ lại."))
    with transaction.atomic():
        try:
            translation.save_target(user=user, publish=False)
        except ValidationError as error:
            raise SubmissionRefused("; ".join(error.messages)) from error
        instance = target_of(translation)
        if was_live:
            restore_live_content(instance)
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
            return state
        return workflow.start(instance, user)


def restore_live_content(instance) -> None:
    """Put the live version back in the row: save_target writes the draft there (and unpublishes snippets)."""
    draft = instance.latest_revision
    live = instance.live_revision.as_object()
    live.pk = instance.pk
    live.live = True
    live.has_unpublished_changes = True
    live.latest_revision = draft
    live.save(**({"clean": False} if isinstance(live, Page) else {}))


@require_http_methods(["GET", "POST"])
def submit_translation_view(request, translation_id: int):
    """Confirm, then submit a translation for approval; back to the translation editor afterwards."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    instance = target_of(translation)
    if not user_can_submit(request.user, instance):
        raise PermissionDenied
    edit_url = edit_url_for(instance)
    if request.method == "POST":
        try:
            submit_for_approval(translation, request.user)
        except SubmissionRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Đã gửi bản dịch “%(title)s” vào quy trình duyệt.") % {"title": instance})
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "cms/admin/submit_translation.html",
        {
            "translation": translation,
            "instance": instance,
            "untranslated": untranslated_count(translation),
            "edit_url": edit_url,
            "workflow": instance.get_workflow(),
            "page_title": _("Gửi duyệt bản dịch"),
        },
    )


def edit_url_for(instance) -> str:
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    opts = instance._meta
    return reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit", args=[instance.pk])


def submit_url_for(instance) -> str | None:
    """The submit view's URL for a synced translation, or None for anything else."""
    if hasattr(instance, "_portal_translation_id"):  # annotated by with_translation_facts()
        translation_id = instance._portal_translation_id
    else:
        translation = translation_for(instance)
        translation_id = translation.pk if translation else None
    return reverse("portal_submit_translation", args=[translation_id]) if translation_id else None


def with_translation_facts(items):
    """``items`` (pages, or translatable snippets) annotated with what the listings' translation buttons ask of each
    row, in the one query that lists them: this module's synced translation, and for wagtail-localize's buttons the
    number of languages the item exists in (a page's aliases aside) and the source whose translations can be synced.
    Asked row by row, a page of the explorer cost three queries per row (150 of its 187), a snippet listing four."""
    # What wagtail-localize counts: a page's translations less aliases, a snippet's ``get_translations``.
    family = Page.objects.filter(alias_of__isnull=True) if issubclass(items.model, Page) else items.model.objects.all()
    languages = (
        family.filter(translation_key=OuterRef("translation_key"))
        .order_by()
        .values("translation_key")
        .annotate(count=Count("locale_id", distinct=True))
        .values("count")[:1]
    )
    synced = (
        Translation.objects.filter(
            source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id"), enabled=True
        )
        .exclude(source__locale_id=OuterRef("locale_id"))
        .values("pk")[:1]
    )
    source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id"), translations__enabled=True
    ).values("pk")[:1]
    return items.annotate(
        _portal_translation_id=Subquery(synced),
        _localize_languages=Coalesce(Subquery(languages, output_field=IntegerField()), 0),
        _localize_sync_source_id=Subquery(source),
        _localize_all_languages=Value(Locale.objects.count()),
    )
