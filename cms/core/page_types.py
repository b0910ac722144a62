"""The public names of page types: one vocabulary for ``type`` in the pages API, the search API and the search page.

A page type is named by its model's label, ``app_label.ModelName`` (``news.NewsPage``): what every page in the
API carries as ``meta.type`` and what the OpenAPI document keys the page schemas on. A page model may declare
``type_aliases``, the short names of links made before the names were unified (``news``, ``directive``); an
alias is read, never written, and may stand for several types (``page``: the plain content pages). Several
names are separated by commas, as in Wagtail's ``?type=``. Letter case does not matter.
"""

from django.apps import apps
from django.utils.translation import gettext as _


class UnknownPageType(ValueError):
    """A ``type`` value that names no page type; ``message`` says so in the active language."""

    def __init__(self, value: str, choices: list[str]):
        self.value = value
        self.choices = choices
        shown = value[:60]
        super().__init__(
            _("Không có loại nội dung “%(value)s”. Giá trị hợp lệ: %(choices)s.")
            % {"value": shown, "choices": ", ".join(choices)}
        )

    @property
    def message(self) -> str:
        return str(self)


def label(model) -> str:
    """The public name of a page type."""
    return model._meta.label


# (the registry's list of models, the page models sorted from it): Django keeps that list until the registry
# changes, and the API asks for the page models several times per request.
_page_models: tuple[list | None, list] = (None, [])


def page_models() -> list:
    """Every installed concrete page model, Wagtail's base page included, in label order."""
    global _page_models
    from wagtail.models import Page

    installed = apps.get_models()
    if _page_models[0] is not installed:
        _page_models = (installed, sorted((model for model in installed if issubclass(model, Page)), key=label))
    return list(_page_models[1])


def aliases(models) -> dict[str, list]:
    """Old short name (folded) -> the page models declaring it."""
    found: dict[str, list] = {}
    for model in models:
        for alias in getattr(model, "type_aliases", ()) or ():
            found.setdefault(alias.casefold(), []).append(model)
    return found


def resolve(value: str, models=None) -> list:
    """The page models that ``value`` names (labels or aliases, comma-separated), in the order named.

    ``models`` limits the answer (e.g. the searchable types); raises ``UnknownPageType`` for a name outside it.
    """
    models = page_models() if models is None else list(models)
    by_label = {label(model).casefold(): model for model in models}
    by_alias = aliases(models)
    found = []
    for name in (part.strip().casefold() for part in value.split(",")):
        matches = [by_label[name]] if name in by_label else by_alias.get(name)
        if not matches:
            raise UnknownPageType(value, sorted(label(model) for model in models))
        found.extend(model for model in matches if model not in found)
    return found


def canonical(value: str, models=None) -> str:
    """``value`` spelt with labels only (``news`` -> ``news.NewsPage``); raises ``UnknownPageType``."""
    return ",".join(label(model) for model in resolve(value, models))
