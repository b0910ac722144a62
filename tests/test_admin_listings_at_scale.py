"""The explorer and the workflow snippets' listings cost the same with 10 rows as with 50, and render what
Wagtail and wagtail-localize would (issue 21: admin screens at 100,000 pages and 76 portals).

Driven with the demo portals (the province and its communes, each with its staff: ``bientap.<host>`` edits one
commune only); ``cms.editorial.explorer`` and ``cms.editorial.wagtail_hooks`` are what is tested.
"""

import re
from collections import Counter
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.template.backends.django import Template as DjangoTemplate
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets.button import BaseButton, ButtonWithDropdownFromHook
from wagtail.models import Page, Site
from wagtail_localize import wagtail_hooks as localize_hooks

from cms.editorial import translation_review
from cms.editorial import wagtail_hooks as editorial_hooks
from cms.editorial.explorer import RowButton, _button_html, _menu_parts
from cms.portals.models import Portal
from cms.statistics.models import Statistic
from news.models import NewsIndexPage
from tests import factories
from tests.query_plans import listing_plan

pytestmark = pytest.mark.django_db

VANHO = "vanho.localhost"
EDITOR = "bientap.vanho"


def user(username: str):
    return get_user_model().objects.get(username=username)


def without_tokens(html: str) -> str:
    """The page less what differs between two renderings of it: the CSRF tokens, Wagtail's unordered class sets."""
    html = re.sub(r'(csrfmiddlewaretoken" value=|"CSRF_TOKEN": )"[^"]+"', r"\1", html)
    return re.sub(r'class="[^"]*bulk-action-btn[^"]*"', "", html)


@pytest.fixture
def sections(demo_portals):
    province = Site.objects.get(is_default_site=True).root_page
    vanho = Portal.objects.get(hostname=VANHO)
    return {
        "province": NewsIndexPage.objects.child_of(province).first(),
        "vanho": NewsIndexPage.objects.child_of(vanho.home).get(),
    }


def explore(client, username: str, section) -> tuple[str, dict]:
    """The explorer of ``section`` as ``username``: its HTML, and what it cost: queries, renders of Wagtail's
    button template and reads of Wagtail's list of site roots (a cache read each)."""
    client.force_login(user(username))
    url = reverse("wagtailadmin_explore", args=[section.pk])
    client.get(url)  # warm what a process remembers (site roots, content types)
    _button_html.cache_clear()
    _menu_parts.cache_clear()
    renders, roots = Counter(), Counter()
    render, site_root_paths = DjangoTemplate.render, Site.get_site_root_paths

    def counted_render(template, *args, **kwargs):
        renders[template.template.name] += 1
        return render(template, *args, **kwargs)

    def counted_site_root_paths():
        roots["read"] += 1
        return site_root_paths()

    with (
        mock.patch.object(DjangoTemplate, "render", counted_render),
        mock.patch.object(Site, "get_site_root_paths", staticmethod(counted_site_root_paths)),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.get(url)
    assert response.status_code == 200
    counts = [query["sql"] for query in queries.captured_queries if query["sql"].startswith("SELECT COUNT(*)")]
    page_counts = [sql for sql in counts if 'FROM "wagtailcore_page"' in sql]
    cost = {
        "queries": len(queries),
        "button renders": renders[BaseButton.template_name],
        "menu renders": renders[ButtonWithDropdownFromHook.template_name],
        "site roots": roots["read"],
        "pages counted": len(page_counts),
    }
    return response.content.decode(), cost


@pytest.mark.parametrize(("username", "section"), [("admin", "province"), (EDITOR, "vanho")])
def test_the_explorer_renders_every_rows_menu_as_wagtail_does(client, sections, monkeypatch, username, section):
    factories.NewsPageFactory(parent=sections[section], live=False, title="Tin nháp <b>&</b>")  # "View draft"
    fast, cost = explore(client, username, sections[section])
    assert 0 < _button_html.cache_info().misses <= cost["button renders"]  # the rows' menus went the fast way
    assert _menu_parts.cache_info().misses == cost["menu renders"] == 1  # one kind of menu, rendered once
    monkeypatch.setattr(RowButton, "renders_fast", classmethod(lambda cls, button: False))  # Wagtail's own
    slow, slow_cost = explore(client, username, sections[section])
    assert _button_html.cache_info().misses == _menu_parts.cache_info().misses == 0
    assert slow_cost["menu renders"] > 1  # one per row
    assert without_tokens(fast) == without_tokens(slow)


def test_the_explorer_costs_the_same_with_10_and_with_50_rows(client, sections, django_assert_max_num_queries):
    vanho = sections["vanho"]
    for _ in range(10 - vanho.get_children().count()):
        factories.NewsPageFactory(parent=vanho)
    ten = {name: explore(client, name, vanho)[1] for name in ("admin", EDITOR)}
    for _ in range(40):
        factories.NewsPageFactory(parent=vanho)
    vanho.refresh_from_db()
    assert vanho.get_children().count() == 50
    fifty = {name: explore(client, name, vanho)[1] for name in ("admin", EDITOR)}
    # The same statements, button and menu template renders (one per kind of button, of menu) and site-root reads.
    assert fifty == ten
    # Every child of the section is the user's to explore: their number is the parent's count of children.
    assert ten["admin"]["pages counted"] == ten[EDITOR]["pages counted"] == 0
    assert "50 trang" in explore(client, EDITOR, vanho)[0]
    client.force_login(user(EDITOR))
    with django_assert_max_num_queries(45):
        client.get(reverse("wagtailadmin_explore", args=[vanho.pk]))


@pytest.mark.parametrize(("username", "section"), [("admin", "province"), (EDITOR, "vanho")])
def test_the_explorer_reads_a_sections_newest_children_from_an_index(client, sections, username, section):
    """The default order (newest edit first) comes from cms/migrations/0010's index: the database stops after the
    rows shown instead of sorting every child of the section (80,000 at 100,000 pages)."""
    client.force_login(user(username))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("wagtailadmin_explore", args=[sections[section].pk])).status_code == 200
    newest_first = '"wagtailcore_page"."latest_revision_created_at" DESC'
    (listing,) = [q["sql"] for q in queries.captured_queries if f"ORDER BY {newest_first}" in q["sql"]]
    plan = listing_plan(listing)
    assert any("portal_page_children_newest" in step for step in plan), plan
    sorts = ("Sort Key: wagtailcore_page.latest_revision_created_at", "USE TEMP B-TREE FOR ORDER BY")
    assert not any(sort in step for step in plan for sort in sorts), plan


def test_a_commune_editor_explores_the_same_children_as_wagtail_lists(client, sections):
    """The explorer skips Wagtail's "pages you may explore" filter only where it keeps every child anyway."""
    vanho_home = Portal.objects.get(hostname=VANHO).home
    root = Page.get_first_root_node()
    client.force_login(user(EDITOR))
    listed = client.get(reverse("wagtailadmin_explore", args=[vanho_home.pk])).content.decode()
    assert all(f'id="page_{child.pk}_title"' in listed for child in vanho_home.get_children())
    at_root = client.get(reverse("wagtailadmin_explore", args=[root.pk]))
    # Above the commune (where the filter applies) only its own home is offered, never the province's.
    province_home = Site.objects.get(is_default_site=True).root_page
    body = at_root.content.decode() if at_root.status_code == 200 else ""
    assert f'id="page_{province_home.pk}_title"' not in body


def test_a_listing_narrowed_by_a_hook_is_counted_row_by_row(client, sections):
    """The parent's count of children stands for the listing's only when no hook has narrowed the children."""
    vanho = sections["vanho"]
    factories.NewsPageFactory(parent=vanho, live=False, title="Tin nháp")
    live = vanho.get_children().live().count()
    with hooks.register_temporarily("construct_explorer_page_queryset", lambda parent, pages, request: pages.live()):
        html, cost = explore(client, EDITOR, vanho)
    assert cost["pages counted"] == 1
    assert live < vanho.get_children().count() and f"{live} trang" in html


def menu(buttons) -> list[tuple]:
    return sorted((str(b.label), b.url, b.classname, dict(b.attrs), b.priority, b.icon_name) for b in buttons)


def test_the_translation_buttons_from_annotations_are_wagtail_localizes(sections):
    """The rows' "Translate" and "Sync" buttons, read from the listing's annotations, are the ones
    wagtail-localize's own hooks would give (labels, addresses, classes, attributes, order, icons)."""
    admin = user("admin")
    # The portals' homes and sections: Vietnamese sources with English translations, the translations, untranslated.
    pages = translation_review.with_translation_facts(Page.objects.filter(depth__in=[2, 3]).order_by("path"))
    compared, labels = 0, set()
    for page in pages:
        annotated = list(editorial_hooks.localize_page_listing_buttons(page, admin, next_url="/admin/pages/3/"))
        plain = Page.objects.get(pk=page.pk)
        assert menu(annotated) == menu(localize_hooks.page_listing_more_buttons(plain, admin, None, "/admin/pages/3/"))
        compared += len(annotated)
        labels |= {str(button.label) for button in annotated}
    assert len(labels) == 2  # both "Translate this page" and "Sync translated pages" were compared
    factories.StatisticFactory(label="Chưa dịch")
    statistics = translation_review.with_translation_facts(Statistic.objects.all())
    for statistic in statistics:
        annotated = list(editorial_hooks.localize_snippet_listing_buttons(statistic, admin, next_url="/x/"))
        plain = Statistic.objects.get(pk=statistic.pk)
        assert menu(annotated) == menu(localize_hooks.register_snippet_listing_buttons(plain, admin, "/x/"))
        compared += len(annotated)
    assert compared > 0


@pytest.mark.parametrize("username", ["admin", EDITOR])
def test_a_workflow_snippet_listing_costs_the_same_with_more_rows(client, sections, username):
    vanho = Portal.objects.get(hostname=VANHO)
    client.force_login(user(username))
    url = reverse(Statistic.snippet_viewset.get_url_name("list"))

    def listing() -> tuple[int, str]:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response.content.decode()

    factories.StatisticFactory(label="Số liệu thứ nhất", site=vanho.site)
    few, html = listing()
    assert "Số liệu thứ nhất" in html
    assert (
        reverse("wagtail_localize:submit_snippet_translation", args=["cms", "statistic", 1]).rsplit("/1/", 1)[0]
        in html
    )
    for number in range(10):
        factories.StatisticFactory(label=f"Số liệu thêm {number}", site=vanho.site)
    more, html = listing()
    assert "Số liệu thêm 9" in html
    assert more == few  # was four more queries per row (74 for the province's 15 statistics)
