"""The base page types: what every portal page declares for the API, the search and the listings.

A new page type subclasses ``PortalPage`` (or ``IndexPage`` for a page that lists its children) and
declares its fields; the API, the OpenAPI document, the search and the sitemap read these declarations,
so nothing outside the page type's own app changes. ``body`` is declared by the concrete page (its
``BodyBlock`` includes feature blocks, which core cannot import).
"""

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.blocks import StreamValue
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from cms.core import sites, visibility
from cms.core.cache import remember
from cms.core.page_permissions import PortalPagePermissionTester
from cms.core.search_document import SearchDocument, stream_text
from cms.core.snippets import chosen_from_other_portals

PAGE_SIZE = 10


def paginate(request, queryset, per_page: int = PAGE_SIZE, count: int | None = None):
    """A page of results; a missing, malformed or out-of-range ``page`` never errors."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # cached_property: preset when the caller already knows it
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class PortalPageForm(WagtailAdminPageForm):
    """A page's content may show only its own portal's snippets (statistics): the chooser offers only the
    user's portals' ones, and an id of another portal's posted by hand is refused here with a form error."""

    def clean(self):
        cleaned_data = super().clean()
        path = self.instance.path or getattr(self.parent_page, "path", "")
        site_id = sites.site_id_of_path(path) if path else None
        if site_id is None:
            return cleaned_data  # a page outside every portal (the tree's root): nothing is shown from it
        for name, value in list(cleaned_data.items()):
            if isinstance(value, StreamValue) and (foreign := chosen_from_other_portals(site_id, value)):
                message = _("Nội dung của cổng thông tin khác không dùng được ở trang này: %(items)s.")
                self.add_error(name, ValidationError(message, params={"items": ", ".join(map(str, foreign))}))
        return cleaned_data


class PortalPage(Page):
    """Base of the portal's page types.

    API (``/api/v2/pages/``): ``api_fields`` (Wagtail's list: every field in detail and with ``?fields=*``),
    ``api_listing_fields`` (the names shown in listings by default), ``api_default_order`` (the order of a
    listing narrowed to this type when no ``?order`` is given; empty = tree order) and
    ``api_prefetch_related`` (relations loaded with one query per listing instead of one per page) and
    ``api_filters`` (a class with ``parameters``, ``parse(params)`` giving ``values``/``errors`` and
    ``apply(queryset)``: query filters of a listing narrowed to this type, e.g. ``news.filters.DirectiveFilters``).

    Search: ``search_document()``; set ``search_document = None`` for a page that is not a search result (a
    listing, the home page).

    Name: the API and the search name the type by its label (``app_label.ModelName``); ``type_aliases`` lists the
    short names older links used for it (``cms.core.page_types``).
    """

    api_listing_fields: list[str] = []
    api_default_order: list[str] = []
    api_prefetch_related: list[str] = []
    api_filters = None

    type_aliases: tuple[str, ...] = ()
    base_form_class = PortalPageForm
    # Facet labels of the document's ``field`` values, whether recent pages rank higher, and whether a page is
    # one line of a listing shown elsewhere (ranked below pages that stand on their own; search/documents.py).
    search_field_choices = None
    search_recency_boost = False
    search_listing_entry = False
    # Relations ``search_document()`` reads (prefetch_related lookups): the index loads them per batch of pages.
    search_prefetch_related: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # Wagtail reads the page's ancestors and then their restrictions to serve any page (two queries); the
        # publication rule's lists, remembered per content generation, tell when none can apply.
        if not visibility.view_restrictions_may_apply(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def permissions_for_user(self, user):
        # Content another portal placed here (a province directive in a commune's register) stays until that
        # portal withdraws it (cms.core.page_permissions).
        return PortalPagePermissionTester(user, self)

    def search_date(self):
        published = self.last_published_at or self.first_published_at or timezone.now()
        return timezone.localdate(published)

    def search_document(self) -> SearchDocument:
        """By default the text of the fields the type lists in ``search_fields``, title first."""
        body = []
        for search_field in self.search_fields:
            name = search_field.field_name
            if not isinstance(search_field, index.SearchField) or name == "title":
                continue
            value = getattr(self, name, None)
            if isinstance(value, StreamValue):
                body.extend(stream_text(value))
            elif value:
                body.append(str(value))
        return SearchDocument(title=self.title, date=self.search_date(), body=body)


class IndexPage(PortalPage):
    """A page that lists its children (news, the directive register): an introduction, not a search result."""

    intro = models.TextField(_("Giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    search_document = None

    class Meta:
        abstract = True

    def listed_children(self, model):
        """This page's children of ``model``, for a listing ordered by one of the model's own indexes.

        Not Wagtail's ``child_of``: its ``depth = d`` lets a database with statistics walk the whole tree level
        through the explorer's ``(depth, …)`` index (cms/migrations/0010) and sort every child, which SQLite did:
        1.7 s for a news section of 80,003 articles. Compared through an expression no index serves, the depth
        only filters, and the listing's order index (``news_newest_first``, …) is walked up to the page shown
        (3 ms).
        """
        return model.objects.alias(listed_depth=F("depth") + 0).filter(
            path__startswith=self.path, listed_depth=self.depth + 1
        )


class RegisterPage(IndexPage):
    """An index page whose children form a public register, filtered and paginated (directives, procedures,
    disclosures).

    A register declares ``register_order``, ``register_items_name`` (the context name of the page of items),
    ``filter_register(queryset, params) -> (queryset, filters, ignored)`` and ``register_facets(items)`` (the
    choices of its filter form); its items are its live, public children of its one subpage type.
    """

    register_order: tuple[str, ...] = ("-pk",)
    register_items_name = "items"
    register_per_page = 20

    class Meta:
        abstract = True

    def register_items(self):
        model = self.allowed_subpage_models()[0]
        return visibility.visible_pages(queryset=self.listed_children(model)).order_by(*self.register_order)

    def filter_register(self, queryset, params) -> tuple:
        return queryset, {}, []

    def register_facets(self, items) -> dict:
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.register_items()
        listing = filtered_listing(request, self, items, self.filter_register, per_page=self.register_per_page)
        context.update(listing, **{self.register_items_name: listing["items"]}, **self.register_facets(items))
        return context


def page_tree(root: Page, pages) -> list[dict]:
    """Nest ``pages`` (descendants of ``root`` in tree order) as ``[{"page": page, "children": [...]}, ...]``.

    A page whose parent is not among them (hidden, or left out by the caller's filter) is left out with its
    whole branch, so one query gives a menu or an organisation chart of any depth.
    """
    nodes = {root.path: {"page": root, "children": []}}
    for page in pages:
        above = nodes.get(page.path[: -Page.steplen])
        if above is None:
            continue
        node = {"page": page, "children": []}
        above["children"].append(node)
        nodes[page.path] = node
    return nodes[root.path]["children"]


def filtered_listing(request, index: Page, base, apply_filters, per_page: int = 20) -> dict:
    """The context of a register page: ``apply_filters(queryset, params) -> (queryset, filters, ignored)`` narrows
    ``base``; the count is remembered per filter set until the content next changes (it grows with the register,
    the page shown does not); ``filter_query`` keeps the filters in the pagination links."""
    items, filters, ignored = apply_filters(base, request.GET)
    key = f"listing-count:{index.pk}:{sorted(filters.items())}"
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "items": paginate(request, items, per_page=per_page, count=remember(key, items.count)),
        "filters": filters,
        "ignored": ignored,
        "filter_query": query.urlencode(),
    }
