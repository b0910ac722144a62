"""The statistics block: chosen ``cms.Statistic`` snippets, each shown in the page's language."""

import copy
import datetime
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Page
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.core import sites, visibility
from cms.core.i18n import LocalisedSnippetChooser
from cms.core.store import active_store


class StatisticChooserBlock(SnippetChooserBlock):
    """Chooses a ``cms.Statistic``; loads the chosen ones with all their translations in one query."""

    def __init__(self, target_model="cms.Statistic", **kwargs):
        super().__init__(target_model, **kwargs)

    @cached_property
    def widget(self):
        # Wagtail's block builds AdminSnippetChooser, whose texts are fixed in the first request's language.
        widget = super().widget
        return LocalisedSnippetChooser(self.target_model, icon=widget.icon)

    def to_python(self, value):
        return self.bulk_to_python([value])[0]

    def bulk_to_python(self, values):
        # StreamBlock calls this once per stream with every id of every statistics block, so a page
        # costs one query however many statistics it shows; an API listing's shared object store
        # (cms.api.prefetch) makes it one query for the whole listing.
        ids = [pk for pk in values if pk is not None]
        found, translations = self._load(ids) if ids else ({}, {})
        result = []
        for pk in values:
            statistic = found.get(pk if isinstance(pk, int) else int(pk) if str(pk).isdigit() else None)
            if statistic is not None:
                statistic = copy.copy(statistic)
                statistic.prefetched_translations = translations.get(statistic.translation_key, {})
            result.append(statistic)
        return result

    def _load(self, ids) -> tuple[dict, dict]:
        """Chosen statistics by id, and every translation of them by translation key and locale."""
        from cms.core.store import active_store

        store = active_store()
        if store is not None and store.knows(self.model_class, ids):
            # Statistic.api_prefetch_queryset put every translation of the chosen statistics in the store.
            memo_key = ("statistic-translations", self.model_class)
            if memo_key not in store.memo:
                by_key = defaultdict(dict)
                for statistic in store.objects.get(self.model_class, {}).values():
                    by_key[statistic.translation_key][statistic.locale_id] = statistic
                store.memo[memo_key] = dict(by_key)
            found = {int(pk): store.get(self.model_class, pk) for pk in ids if str(pk).isdigit()}
            return {pk: obj for pk, obj in found.items() if obj is not None}, store.memo[memo_key]
        by_key = self._translations_of(ids)
        found = {statistic.pk: statistic for group in by_key.values() for statistic in group.values()}
        return found, by_key

    def _translations_of(self, ids) -> dict:
        translations = defaultdict(dict)
        chosen_keys = self.model_class.objects.filter(pk__in=list(ids)).values("translation_key")
        translated = visibility.visible_snippets(self.model_class.objects.filter(translation_key__in=chosen_keys))
        for statistic in translated.select_related("locale"):
            translations[statistic.translation_key][statistic.locale_id] = statistic
        return dict(translations)


def localized_statistic(statistic, locale_id: int | None):
    """The live translation in the given locale, else (same locale, or fallback configured) the chosen one if live."""
    if statistic is None:
        return None
    if hasattr(statistic, "prefetched_translations"):
        translation = statistic.prefetched_translations.get(locale_id)
    elif locale_id and statistic.pk and statistic.locale_id != locale_id:
        # A value built in memory (an admin preview, a new page) was not loaded through bulk_to_python.
        translation = statistic.get_translation_or_none(locale_id)
    else:
        translation = None
    if translation is not None and visibility.is_visible_snippet(translation):
        return translation
    if locale_id and statistic.locale_id != locale_id and not settings.PORTAL_SNIPPET_FALLBACK_TO_DEFAULT:
        return None  # the snippet language rule (cms.core.i18n.in_locale): no other-language figure unless configured
    return statistic if visibility.is_visible_snippet(statistic) else None


def _context_locale_id(context) -> int | None:
    """The locale of the page being rendered or serialised; None keeps the editor's choice."""
    if not context:
        return None
    page = context.get("page")
    if getattr(page, "locale_id", None):
        return page.locale_id
    locale = context.get("locale")
    return getattr(locale, "pk", None)


_ANY_PORTAL = object()


def _context_portal(context):
    """The site id of the portal of the page being rendered or serialised (None: a page outside every
    portal, which shows no statistic); ``_ANY_PORTAL`` without a page (a block rendered on its own)."""
    page = context.get("page") if context else None
    path = getattr(page, "path", None)
    if not path:
        return _ANY_PORTAL
    if getattr(page, "alias_of_id", None):
        # An alias (a province directive in a commune's register) shows its original's content, chosen and
        # checked in the original's portal.
        path = Page.objects.filter(pk=page.alias_of_id).values_list("path", flat=True).first() or path
    return sites.site_id_of_path(path) or None


class StatisticsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề nhóm số liệu"), required=False, max_length=255)
    statistics = blocks.ListBlock(StatisticChooserBlock(label=_("Số liệu")), min_num=1, label=_("Số liệu"))

    api_schema = {
        "type": "object",
        "required": ["heading", "statistics"],
        "properties": {
            "heading": {"type": "string"},
            "statistics": {"type": "array", "items": {"$ref": "#/components/schemas/Statistic"}},
        },
    }

    def visible_statistics(self, value, context=None) -> list:
        """The published statistics of this block, each in the page's language when translated; on a page,
        only its own portal's (an id of another portal's may have reached the body before the page form
        refused it, ``cms.core.pages.PortalPageForm``)."""
        locale_id = _context_locale_id(context)
        shown = (localized_statistic(statistic, locale_id) for statistic in value["statistics"])
        portal = _context_portal(context)
        if portal is None:
            return []
        return [s for s in shown if s is not None and (portal is _ANY_PORTAL or s.site_id == portal)]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["statistics"] = self.visible_statistics(value, parent_context)
        return context

    def get_api_representation(self, value, context=None):
        from cms.statistics.serializers import StatisticSerializer

        statistics = self.visible_statistics(value, context)
        # One serializer per response (DRF copies its declared fields for each new one), not one per block.
        store = active_store()
        serializer = store.memo.get(StatisticSerializer) if store is not None else None
        if serializer is None:
            serializer = StatisticSerializer()
            if store is not None:
                store.memo[StatisticSerializer] = serializer
        return {"heading": value["heading"], "statistics": [serializer.to_representation(s) for s in statistics]}

    def get_preview_value(self):
        from cms.statistics.models import Statistic

        # Unsaved examples: the preview never depends on what the database holds.
        examples = [
            ("Doanh nghiệp còn phải ban hành quy chế dân chủ", 4, 8, "doanh nghiệp"),
            ("Bản, tiểu khu còn phải xây dựng hương ước, quy ước", 93, 180, "bản, tiểu khu"),
            ("Kết quả giải quyết thủ tục hành chính được công khai", 100, None, "%"),
        ]
        statistics = [
            Statistic(
                label=label,
                value=Decimal(value),
                total=None if total is None else Decimal(total),
                unit=unit,
                reference_date=datetime.date(2024, 6, 30),
                live=True,
            )
            for label, value, total, unit in examples
        ]
        return self.normalize({"heading": "Kết quả thực hiện dân chủ ở cơ sở", "statistics": statistics})

    class Meta:
        icon = "table"
        label = _("Số liệu thống kê")
        template = "cms/blocks/statistics.html"
        description = _("Nhóm số liệu được quản lý chung, ví dụ 93/180 bản kèm tỷ lệ phần trăm.")
