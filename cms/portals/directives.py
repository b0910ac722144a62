"""Province directives in the communes' registers: one record, shown where it applies, never a copy that drifts.

A directive of the province's portal (the default site) names the communes it applies to
(``DirectivePage.applies_to``, or ``applies_to_all_communes``). When it is published, each of those communes'
directive registers (the ``DirectiveIndexPage`` of the commune's home in the directive's language) gets a Wagtail
alias of it: a page in the commune's tree whose content Wagtail rewrites from the original on every publish, so
the commune's register, its filters and facets, its API listing and its page show it like its own documents.

- The alias page names the province's page as canonical and links to it (templates), and stays out of the search
  index (``visibility.searchable_pages``) and the sitemap: search engines see one document.
- Unpublishing the original unpublishes its aliases (Wagtail); until then, and for expiry and view restrictions,
  ``visibility`` hides an alias whose original is hidden. Deleting the original deletes its aliases (Wagtail would
  turn them into free copies). A commune taken off the list loses its alias on the next publish.
- A commune created later gets the directives that apply to every commune from ``sync_portal`` (create_portal).
- Translations: the communes are chosen once, on the default-language page (``deciding_page``); its
  translations follow it (an English directive goes to the English registers of the same communes). wagtail-
  localize copies a ``ParentalManyToManyField`` when it creates a translation but never synchronises it
  afterwards, so a translation's own ``applies_to`` is not read. Publishing the deciding page re-syncs its live
  translations' aliases as well.
- Only the province's administrators (superusers) may delete, move, unpublish or convert an alias in a commune
  (``cms.core.page_permissions`` and the hook in ``wagtail_hooks``), nor a page holding one (its register).
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import pre_delete
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published

from cms.core.sites import HOME_PATH_LENGTH, default_site_id, home_paths, in_portal, portal_trees
from news.models import DirectiveIndexPage, DirectivePage

ALIAS_SLUG_SUFFIX = "-tinh"


def is_province_original(page) -> bool:
    """A directive of the province's own tree (not an alias): the one whose aliases this module keeps."""
    if page.alias_of_id:
        return False
    return page.path[:HOME_PATH_LENGTH] in portal_trees().get(default_site_id(), ())


def deciding_page(page: DirectivePage) -> DirectivePage:
    """The page whose "applies to" fields decide for ``page``: its default-language version, else itself."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return DirectivePage.objects.filter(translation_key=page.translation_key, locale=default).first() or page


def target_sites(page) -> list[Site]:
    """The commune portals ``page`` applies to (as its default-language version says)."""
    page = deciding_page(page)
    communes = Site.objects.filter(is_default_site=False)
    if not page.applies_to_all_communes:
        communes = communes.filter(pk__in=[site.pk for site in page.applies_to.all()])
    return list(communes)


def commune_register(site: Site, locale_id: int) -> DirectiveIndexPage | None:
    """The directive register of ``site``'s home in the language ``locale_id`` (read afresh: a portal being
    provisioned is not yet in the cached ``portal_trees``)."""
    registers = DirectiveIndexPage.objects.filter(locale_id=locale_id, depth=3)
    return in_portal(registers, home_paths(site)).order_by("path").first()


def _add_alias(page: DirectivePage, register: DirectiveIndexPage) -> None:
    slug = page.slug
    if register.get_children().filter(slug=slug).exists():  # the commune has a page of that name
        slug = f"{slug[: 255 - len(ALIAS_SLUG_SUFFIX)]}{ALIAS_SLUG_SUFFIX}"
    page.create_alias(parent=register, update_slug=slug, log_action=None)


def sync_aliases(page: DirectivePage) -> None:
    """Give every commune ``page`` applies to an alias of it in its register; drop those of other communes."""
    registers = [commune_register(site, page.locale_id) for site in target_sites(page)]
    wanted = {register.path: register for register in registers if register is not None}
    for alias in Page.objects.filter(alias_of=page):
        if wanted.pop(alias.path[: -Page.steplen], None) is None:
            alias.delete()
    for register in wanted.values():
        _add_alias(page, register)


def sync_portal(site: Site) -> int:
    """Aliases in ``site``'s registers of the province's live directives that apply to every commune (for a
    portal created after they were published); how many were added."""
    sources = DirectivePage.objects.filter(translation_key=OuterRef("translation_key"), locale=Locale.get_default())
    originals = (
        DirectivePage.objects.live()
        .filter(alias_of__isnull=True)
        .annotate(has_source=Exists(sources), source_for_all=Exists(sources.filter(applies_to_all_communes=True)))
        .filter(Q(source_for_all=True) | Q(has_source=False, applies_to_all_communes=True))
    )
    added = 0
    for page in in_portal(originals, portal_trees().get(default_site_id(), ())):
        register = commune_register(site, page.locale_id)
        if register is None or DirectivePage.objects.child_of(register).filter(alias_of=page).exists():
            continue
        _add_alias(page, register)
        added += 1
    return added


def _published(sender, instance, **kwargs):
    if not is_province_original(instance):
        return
    sync_aliases(instance)
    if deciding_page(instance).pk == instance.pk:  # its live translations follow its choice of communes
        for translation in (
            DirectivePage.objects.live().filter(translation_key=instance.translation_key).exclude(pk=instance.pk)
        ):
            if is_province_original(translation):
                sync_aliases(translation)


def _deleted(sender, instance, **kwargs):
    if not instance.alias_of_id:
        for alias in Page.objects.filter(alias_of_id=instance.pk):
            alias.delete()


def connect() -> None:
    page_published.connect(_published, sender=DirectivePage, dispatch_uid="province-directive-aliases")
    pre_delete.connect(_deleted, sender=DirectivePage, dispatch_uid="province-directive-aliases-delete")
