"""The page explorer at scale: a section with tens of thousands of children, listed 50 rows at a time.

Measured on 21 portals and a 12,503-child news section (docs/closing-notes/2026-12-02-c/issue-21-admin300.md),
a page of the explorer cost about 920,000 Python calls, 70 % of them rendering the 50 rows, most of that each
row's "more" menu: ten to thirteen buttons, each rendered through its own template and icon template. What is
taken out here, without changing a byte of the page:

- each row's menu buttons are rendered through Wagtail's button template once per distinct button (label,
  icon, classes, attributes) and the row's own address put in (``RowButton``), and the menu around them
  (wrapper, toggle and its icon) through Wagtail's menu template once per kind of menu, the row's title and
  buttons put in (``MenuOfRowButtons.render_html``);
- every row's page shares one read of Wagtail's list of site roots, instead of one cache read per row (its
  "View live" address);
- the parent-page column's look-up, which the explorer does not show outside a search, is not made;
- when every child of the section is explorable by the user (a superuser, or an editor whose permission covers
  the section), the listing does not ask which of all the installation's pages the user may explore (a
  semi-join over every page), and the number of rows for the pagination is the parent's own count of children
  instead of a COUNT over the section (36 ms for 12,503 children, 74 ms for 40,553), and the rows come newest
  first from an index (cms/migrations/0010) instead of a sort of every child.
"""

from functools import lru_cache
from types import SimpleNamespace

from django.forms.utils import flatatt
from django.template.loader import get_template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from wagtail.admin.ui.tables.pages import ParentPageColumn
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.widgets.button import BaseButton, Button, ButtonWithDropdownFromHook, ListingButton
from wagtail.models import Site

# The actions that make a page explorable (Wagtail's ``PagePermissionPolicy.explorable_instances``).
EXPLORE_ACTIONS = frozenset({"add", "change", "publish", "lock", "unlock", "bulk_delete"})

# A stand-in address: nothing in a button's template changes it (no character HTML escaping touches).
URL_MARK = "portal-row-button-url-7f3a"


@lru_cache(maxsize=512)
def _button_html(label, label_is_safe: bool, icon_name, classname, attrs: tuple) -> str:
    """Wagtail's button template rendered for a button with the stand-in address, once per distinct button.

    ``attrs`` are the button's attributes as (name, value) pairs: the attribute string (``flatatt``, which
    ``BaseButton.base_attrs_string`` builds anew at every call) is made here, once."""
    button = SimpleNamespace(
        url=URL_MARK,
        label=mark_safe(label) if label_is_safe else label,  # it was safe already
        icon_name=icon_name,
        classname=classname,
        base_attrs_string=flatatt(dict(attrs)),
    )
    return get_template(BaseButton.template_name).render({"button": button, "request": None})


# Stand-ins for a row menu's title and buttons: nothing in the menu's templates changes them.
TITLE_MARK = "portal-row-menu-title-7f3a"
BUTTON_MARKS = ("portal-row-menu-button-1-7f3a", "portal-row-menu-button-2-7f3a")


class _Mark:
    """A stand-in button: the ``{% component %}`` tag of the menu's template renders it as its text."""

    def __init__(self, text: str):
        self.text = text

    def render_html(self, parent_context=None):
        return mark_safe(self.text)


@lru_cache(maxsize=64)
def _menu_parts(template_name, attrs, icon_name, label, label_is_safe: bool, toggle_classname) -> tuple[str, str, str]:
    """Wagtail's row-menu template rendered once around a stand-in title and two stand-in buttons: the text before
    the first button (the wrapper and its toggle, with the title), between two buttons, and after the last."""
    context = {
        "button": SimpleNamespace(base_attrs_string=mark_safe(attrs)),  # flatatt's output, safe
        "request": None,
        "buttons": [_Mark(mark) for mark in BUTTON_MARKS],
        "label": mark_safe(label) if label_is_safe else label,
        "title": TITLE_MARK,
        "toggle_classname": toggle_classname,
        "icon_name": icon_name,
    }
    html = get_template(template_name).render(context)
    head, rest = html.split(BUTTON_MARKS[0])
    between, tail = rest.split(BUTTON_MARKS[1])
    return head, between, tail


class RowButton:
    """A button of a row's "more" menu, rendered as Wagtail renders it.

    Wagtail's button template output is a function of the button's address, label, icon, classes and attribute
    string alone (``wagtailadmin/shared/button.html``; the context is the button). Plain ``Button`` and
    ``ListingButton`` objects, which is what the explorer's menus hold, are rendered once per distinct rest and
    the row's address is put in; any other kind of button renders itself."""

    FAST_TYPES = (Button, ListingButton)

    def __init__(self, button):
        self.button = button

    def __getattr__(self, name):
        return getattr(self.button, name)

    @classmethod
    def renders_fast(cls, button) -> bool:
        kind = type(button)
        return (
            kind in cls.FAST_TYPES
            and kind.template_name == BaseButton.template_name
            and kind.render_html is BaseButton.render_html
            and kind.get_context_data is BaseButton.get_context_data
            and kind.base_attrs_string is BaseButton.base_attrs_string
            and bool(button.url)
        )

    def render_html(self, parent_context=None):
        button = self.button
        if not self.renders_fast(button):
            return button.render_html(parent_context)
        label = button.label
        try:
            attrs = tuple(button.attrs.items())
            html = _button_html(str(label), isinstance(label, SafeData), button.icon_name, button.classname, attrs)
        except TypeError:  # an attribute value that cannot be a cache key
            return button.render_html(parent_context)
        # The address escaped as the template's {{ button.url }} escapes it.
        return mark_safe(html.replace(URL_MARK, conditional_escape(button.url)))


class MenuOfRowButtons(ButtonWithDropdownFromHook):
    """Wagtail's "more" menu of an explorer row (``page_listing_buttons``), its buttons rendered by ``RowButton``."""

    @classmethod
    def taking_over(cls, menu: ButtonWithDropdownFromHook) -> "MenuOfRowButtons":
        """The same menu (its buttons already collected from the hooks are kept, not asked for again)."""
        twin = cls.__new__(cls)
        twin.__dict__.update(menu.__dict__)
        return twin

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["buttons"] = [RowButton(button) for button in context["buttons"]]
        return context

    def render_html(self, parent_context=None):
        """Wagtail's menu template, rendered once per kind of menu (``_menu_parts``), around the row's own title
        and buttons, when every button renders fast; else rendered as Wagtail renders it."""
        context = self.get_context_data(parent_context or {})
        buttons, title, label = context["buttons"], context["title"], context["label"]
        if not (buttons and title and all(RowButton.renders_fast(row_button.button) for row_button in buttons)):
            return super().render_html(parent_context)
        head, between, tail = _menu_parts(
            self.template_name,
            self.base_attrs_string,
            self.icon_name,
            str(label),
            isinstance(label, SafeData),
            self.classname,
        )
        # The title escaped as the template's {{ toggle_aria_label }} escapes it.
        head = head.replace(TITLE_MARK, conditional_escape(title))
        return mark_safe(head + between.join(row_button.render_html(parent_context) for row_button in buttons) + tail)


class PortalExplorableIndexView(ExplorableIndexView):
    """Wagtail's explorer (``PageViewSet.index_view_class``) with the per-row costs above taken out."""

    def get(self, request, *args, **kwargs):
        if not (self.is_searching or self.is_filtering):
            # Wagtail leaves this column out of the explorer's table but still looks every row's parent up for it
            # (``PageListingMixin.get_context_data``); it shows parents only in search results.
            self.columns = [column for column in self.columns if not isinstance(column, ParentPageColumn)]
        return super().get(request, *args, **kwargs)

    def every_child_explorable(self) -> bool:
        user = self.request.user
        if not user.is_active:
            return False
        return user.is_superuser or bool(self.permissions.permissions & EXPLORE_ACTIONS)

    def get_base_queryset(self):
        if self.is_searching or self.is_filtering or not self.every_child_explorable():
            return super().get_base_queryset()
        # The children as treebeard names them (depth and path), not Wagtail's ``child_of``: its extra
        # ``depth >= parent`` and ``id != parent`` (always true of a child) make SQLite's planner, once the table
        # has statistics, read the depth as a range and sort every child instead of reading the 50 newest from
        # the index made for this order (cms/migrations/0010).
        parent = self.parent_page
        children = self.model._default_manager.filter(depth=parent.depth + 1, path__startswith=parent.path)
        self.all_children_condition = children.query.where
        return self.annotate_queryset(children)

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        condition = getattr(self, "all_children_condition", None)
        if condition is not None and queryset.query.where == condition:
            # Every child, no hook having narrowed them (``construct_explorer_page_queryset`` may filter): their
            # number is the tree's own count on the parent (treebeard's ``numchild``, kept by every tree change),
            # not a COUNT over the section (74 ms for 40,553 children on PostgreSQL).
            paginator.count = self.parent_page.numchild
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paths = Site.get_site_root_paths()
        for page in context["object_list"]:
            page._wagtail_cached_site_root_paths = paths
        return context
