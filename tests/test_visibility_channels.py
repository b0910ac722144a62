"""One table of hidden objects, run through every public channel: none of them may show anywhere.

Each hidden object carries the marker ``zqxw <kind>`` in its title (and ``zqxw-<kind>`` in its slug or file
name); a visible page, image, document, statistic and slide carry ``zqxw shown``, so a channel that
shows nothing at all fails too. The rule itself lives in cms/core/visibility.py.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction, Revision

from tests import factories

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
KINDS = [
    "draft",
    "pending",
    "expired",
    "scheduled",
    "password",
    "login",
    "group",
    "restricted-image",
    "restricted-document",
    "unpublished-statistic",
    "expired-statistic",
    "unpublished-slide",
    "expired-slide",
    "alias",
    "slide-of-restricted-image",
]


def _named(kind: str) -> dict:
    return {"title": f"zqxw {kind}", "slug": f"zqxw-{kind}"}


@pytest.fixture
def table(home, news_index, staff):
    """The hidden objects, a visible twin of each kind of thing, and a visible page that links to all."""
    # Earlier tests rolled back leave restriction lists keyed by the content generation in the local-memory
    # cache, and SQLite reuses their rows' ids: start from an empty cache so only this table's rows count.
    cache.clear()
    hidden = {}
    hidden["draft"] = factories.NewsPageFactory(parent=news_index, live=False, **_named("draft"))
    pending = factories.NewsPageFactory(parent=news_index, live=False, **_named("pending"))
    pending.save_revision(user=staff.editor)
    pending.get_workflow().start(pending, staff.editor)
    hidden["pending"] = pending
    hidden["expired"] = factories.NewsPageFactory(
        parent=news_index, expire_at=timezone.now() - HOUR, **_named("expired")
    )
    scheduled = factories.NewsPageFactory(parent=news_index, live=False, **_named("scheduled"))
    revision = scheduled.save_revision()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=timezone.now() + HOUR)
    hidden["scheduled"] = scheduled
    # A whole section behind a password, shown in the menu: neither it nor its article may appear.
    section = factories.NewsIndexPageFactory(parent=home, show_in_menus=True, **_named("password"))
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="mat-khau")
    hidden["password"] = section
    hidden["password-child"] = factories.NewsPageFactory(parent=section, **_named("password-child"))
    hidden["login"] = factories.NewsPageFactory(parent=news_index, **_named("login"))
    PageViewRestriction.objects.create(page=hidden["login"], restriction_type="login")
    hidden["group"] = factories.NewsPageFactory(parent=news_index, **_named("group"))
    restriction = PageViewRestriction.objects.create(page=hidden["group"], restriction_type="groups")
    restriction.groups.set([Group.objects.get_or_create(name="Nhóm nội bộ")[0]])
    # An alias, elsewhere in the tree, of a page that is restricted: no restriction sits above the alias itself.
    original = factories.NewsPageFactory(parent=section, title="zqxw alias", slug="zqxw-alias-original")
    hidden["alias"] = original.create_alias(parent=news_index, update_slug="zqxw-alias")

    secret = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(collection=secret, restriction_type="login")
    hidden["restricted-image"] = factories.ImageFactory(
        collection=secret, title="zqxw restricted-image", file__filename="zqxw-restricted-image.png"
    )
    hidden["restricted-document"] = factories.DocumentFactory(
        collection=secret,
        title="zqxw restricted-document",
        file__filename="zqxw-restricted-document.pdf",
    )
    hidden["unpublished-statistic"] = factories.StatisticFactory(label="zqxw unpublished-statistic", live=False)
    hidden["expired-statistic"] = factories.StatisticFactory(
        label="zqxw expired-statistic", expire_at=timezone.now() - HOUR
    )
    shown_image = factories.ImageFactory(title="zqxw shown image", file__filename="zqxw-shown-image.png")
    hidden["unpublished-slide"] = factories.BannerSlideFactory(title="zqxw unpublished-slide", live=False)
    hidden["expired-slide"] = factories.BannerSlideFactory(title="zqxw expired-slide", expire_at=timezone.now() - HOUR)
    # Visible slides pointing at hidden things: the slide stays, the link goes (or the slide, for its image).
    factories.BannerSlideFactory(title="zqxw shown slide", image=shown_image, link_page=hidden["login"])
    hidden["slide-of-restricted-image"] = factories.BannerSlideFactory(
        title="zqxw slide-of-restricted-image", image=hidden["restricted-image"]
    )

    shown_statistic = factories.StatisticFactory(label="zqxw shown statistic")
    shown_document = factories.DocumentFactory(title="zqxw shown document", file__filename="zqxw-shown-document.pdf")
    body = []
    for kind, page in hidden.items():
        if kind in {"restricted-image", "restricted-document"} or "statistic" in kind or "slide" in kind:
            continue
        body.append({"type": "page_link", "value": {"page": page.pk, "title": "", "description": ""}})
        body.append(
            {"type": "paragraph", "value": f'<p>Liên kết <a linktype="page" id="{page.pk}">tới trang</a>.</p>'}
        )
    body += [
        {
            "type": "image",
            "value": {"image": hidden["restricted-image"].pk, "alt_text": "", "caption": "", "credit": ""},
        },
        {"type": "image", "value": {"image": shown_image.pk, "alt_text": "", "caption": "", "credit": ""}},
        {"type": "document", "value": {"document": hidden["restricted-document"].pk, "title": ""}},
        {"type": "document", "value": {"document": shown_document.pk, "title": ""}},
        {
            "type": "paragraph",
            "value": f'<p><a linktype="document" id="{hidden["restricted-document"].pk}">Tải tài liệu</a></p>',
        },
        {
            "type": "statistics",
            "value": {
                "heading": "Số liệu",
                "statistics": [
                    hidden["unpublished-statistic"].pk,
                    hidden["expired-statistic"].pk,
                    shown_statistic.pk,
                ],
            },
        },
    ]
    carrier = factories.NewsPageFactory(
        parent=news_index,
        title="zqxw shown",
        slug="zqxw-shown",
        hero_image=hidden["restricted-image"],
        body=body,
    )
    directive_index = factories.DirectiveIndexPageFactory(parent=home)
    attachment = factories.DirectiveAttachmentFactory(
        page__parent=directive_index, page__title="zqxw shown directive", document=hidden["restricted-document"]
    )
    return {"hidden": hidden, "carrier": carrier, "news_index": news_index, "directive": attachment.page}


def _leaks(body: str, hidden: dict) -> list[str]:
    """The hidden objects whose title, slug or file name appears in ``body``."""
    leaks = []
    for kind in hidden:
        markers = {f"zqxw {kind}", f"zqxw-{kind}"}
        if kind == "alias":
            markers = {"zqxw-alias/", "zqxw alias"}
        if any(marker in body for marker in markers):
            leaks.append(kind)
    return leaks


def _channels(table) -> dict:
    carrier = table["carrier"]
    return {
        "home page (latest news, slides, menus)": ("/vi/", "zqxw shown slide"),
        "news listing": (table["news_index"].url, "zqxw shown"),
        "page with every block": (carrier.url, "zqxw-shown-image"),
        "directive attachments": (table["directive"].url, "zqxw shown directive"),
        "feed": ("/vi/rss/", "zqxw shown"),
        "sitemap": ("/sitemap.xml", "zqxw-shown"),
        "search page": ("/vi/search/?q=zqxw", "zqxw-shown/"),
        "search API": ("/api/v2/search/?q=zqxw&limit=50", "zqxw shown"),
        "search suggestions": ("/api/v2/search/suggest/?q=zqxw", "zqxw shown"),
        "API page listing": ("/api/v2/pages/?limit=100", "zqxw shown"),
        "API typed listing": ("/api/v2/pages/?type=news.NewsPage&fields=*&limit=100", "zqxw shown"),
        "API page detail": (f"/api/v2/pages/{carrier.pk}/", "zqxw-shown-image"),
        "API images": ("/api/v2/images/?limit=100", "zqxw shown image"),
        "API documents": ("/api/v2/documents/?limit=100", "zqxw shown document"),
        "API statistics": ("/api/v2/statistics/?limit=100", "zqxw shown statistic"),
    }


def test_no_hidden_object_leaves_through_any_channel(client_vi, table):
    """One table, every channel (the content is built once: it is the slow part)."""
    assert set(KINDS) <= set(table["hidden"])
    problems = {}
    for channel, (path, visible_marker) in _channels(table).items():
        response = client_vi.get(path)
        body = response.content.decode()
        if response.status_code != 200 or visible_marker not in body:
            # The visible control is missing: the channel is broken and the check would prove nothing.
            problems[channel] = f"status {response.status_code}, no {visible_marker!r}"
        elif leaks := _leaks(body, table["hidden"]):
            problems[channel] = leaks
    assert problems == {}

    for kind, obj in table["hidden"].items():
        if not hasattr(obj, "url_path"):
            continue
        assert client_vi.get(f"/api/v2/pages/{obj.pk}/").status_code == 404, kind
        page = client_vi.get(obj.url)
        # A password form names the address the visitor asked for, and nothing else of the page.
        body = page.content.decode().replace(obj.url, "")
        assert page.status_code != 200 or _leaks(body, {kind: obj}) == [], kind
