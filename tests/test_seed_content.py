"""seed_content: bulk-created pages are live, consistent with the tree, renderable and translatable."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale, Page, Revision

from news.models import DirectiveAttachment, DirectiveIndexPage, DirectivePage, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def seed(*args):
    out = io.StringIO()
    call_command("seed_content", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(db):
    return seed("--news", "30", "--directives", "10", "--locales", "vi,en", "--en-share", "0.5", "--seed", "8")


def vi(model):
    return model.objects.filter(locale__language_code="vi")


def test_seed_content_creates_live_pages_under_the_index_pages(seeded):
    news_index = vi(NewsIndexPage).get()
    directive_index = vi(DirectiveIndexPage).get()
    assert vi(NewsPage).child_of(news_index).live().count() == 30
    assert vi(DirectivePage).child_of(directive_index).live().count() == 10
    assert news_index.get_children().count() == Page.objects.get(pk=news_index.pk).numchild == 30
    for page in Page.objects.type(NewsPage, DirectivePage).specific():
        parent = page.get_parent()
        assert page.url_path == f"{parent.url_path}{page.slug}/"
        assert page.live and page.first_published_at and page.last_published_at
        assert page.draft_title == page.title
        assert page.live_revision_id == page.latest_revision_id
        assert page.latest_revision.as_object().title == page.title


def test_seeded_tree_passes_fixtree(seeded):
    out = io.StringIO()
    call_command("fixtree", stdout=out)
    assert out.getvalue().count("No problems found") == 2, out.getvalue()


def test_seeded_pages_render(seeded, client):
    news = vi(NewsPage).first()
    directive = vi(DirectivePage).first()
    for url in ("/vi/", news.url, directive.url, f"{directive.get_parent().url}?type={directive.document_type}"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert news.title in client.get(news.url).content.decode()


def test_seeded_bodies_have_rich_content(seeded):
    block_types = {block.block_type for page in vi(NewsPage) for block in page.body}
    assert {"heading", "paragraph", "image", "table", "document", "page_link"} <= block_types
    assert any("Mộc Châu" in title for title in vi(NewsPage).values_list("title", flat=True))
    assert all(d.attachments.exists() for d in DirectivePage.objects.all())
    assert len(set(vi(DirectivePage).values_list("document_type", flat=True))) > 2
    paragraphs = [block for page in vi(NewsPage) for block in page.body if block.block_type == "paragraph"]
    links = "".join(str(block.value) for block in paragraphs)
    assert 'linktype="page"' not in links  # rich text is expanded to real hrefs when rendered
    assert "/vi/" in links


def test_english_translations_share_the_translation_key(seeded):
    en = Locale.objects.get(language_code="en")
    translations = NewsPage.objects.filter(locale=en)
    assert translations.exists()
    for page in translations:
        source = page.get_translation(Locale.objects.get(language_code="vi"))
        assert source.translation_key == page.translation_key
        assert page.get_parent().get_translation(source.locale).pk == source.get_parent().pk
    english_index = NewsIndexPage.objects.filter(locale=en).get()
    for page in [english_index, english_index.get_parent()]:
        assert page.live and page.live_revision_id
        assert page.title in {"News and events", "Home"}


def test_running_again_adds_more_and_clear_starts_over(seeded):
    seed("--news", "5", "--directives", "2")
    assert vi(NewsPage).count() == 35
    assert vi(DirectivePage).count() == 12
    assert len(set(vi(NewsPage).values_list("slug", flat=True))) == 35
    seed("--clear", "--news", "3", "--directives", "1")
    assert NewsPage.objects.count() == 3
    assert DirectivePage.objects.count() == 1
    assert DirectiveAttachment.objects.filter(page__isnull=True).count() == 0
    assert Revision.objects.filter(object_id__in=["0"]).count() == 0
    out = io.StringIO()
    call_command("fixtree", stdout=out)
    assert out.getvalue().count("No problems found") == 2


def test_seed_content_rejects_negative_sizes(db):
    with pytest.raises(CommandError):
        seed("--news", "-1")


def test_api_style_listing_of_seeded_pages_has_a_small_query_budget(seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        list(vi(NewsPage).live().select_related("hero_image").order_by("-date")[:20])


def test_seeded_bodies_show_statistics_from_a_shared_pool(seeded, client):
    from cms.statistics.models import Statistic

    with_statistics = [page for page in vi(NewsPage) if any(block.block_type == "statistics" for block in page.body)]
    assert with_statistics
    assert Statistic.objects.filter(live=True).count() == 8
    block = next(block for block in with_statistics[0].body if block.block_type == "statistics")
    statistic = block.value["statistics"][0]
    response = client.get(with_statistics[0].url, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert statistic.label in response.content.decode()
