"""What a page type declares to be found by the public search.

A page model opts in with a ``search_document()`` method returning a ``cms.core.search_document.SearchDocument``
(``cms.core.pages.PortalPage`` declares one; a type opts out with ``search_document = None``) and is named by its
label, as in the pages API (``cms.core.page_types``); ``search.index`` indexes every such model, so a new type
(procedures, disclosures, officials, questions and answers) plugs in without changes here. Optional class attributes:
``search_field_choices`` (a TextChoices of its field/"lĩnh vực" values, for the facet labels) and
``search_recency_boost`` (True for news: recent items rank a little higher) and ``search_listing_entry`` (True for
items that are one line of a listing shown elsewhere, like a work-schedule activity: at an equal match they
rank below the pages that stand on their own, so a weekly "Giao ban … UBND huyện" never buries the unit) and
``search_prefetch_related`` (the relations ``search_document()`` reads, e.g. a unit's officials: the index loads
them once per batch of pages; what StreamFields reference is loaded per batch without any declaration).
"""

from django.apps import apps


def indexed_models() -> list:
    """Every installed page model that declares a search document, in a stable order."""
    from wagtail.models import Page

    return sorted(
        (
            model
            for model in apps.get_models()
            if issubclass(model, Page) and callable(getattr(model, "search_document", None))
        ),
        key=lambda model: model._meta.label,
    )


def type_labels() -> dict[str, str]:
    """Facet labels of the content types: page type label (``news.NewsPage``) -> the model's verbose name."""
    return {model._meta.label: model._meta.verbose_name for model in indexed_models()}


def field_labels() -> dict[str, str]:
    """Facet labels of fields across types: slug -> label (the first type declaring a slug names it)."""
    labels = {}
    for model in indexed_models():
        for value, label in getattr(model, "search_field_choices", None) or ():
            labels.setdefault(value, label)
    return labels


def boosted_types() -> list[str]:
    return [model._meta.label for model in indexed_models() if getattr(model, "search_recency_boost", False)]


def listing_entry_types() -> list[str]:
    return [model._meta.label for model in indexed_models() if getattr(model, "search_listing_entry", False)]
