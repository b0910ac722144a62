"""Indexing in bulk: a flat number of queries per batch of pages, batches that commit on their own, and still
only what the publication rule lets the public see."""

import datetime
import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.gallery.models import AlbumPage, AlbumPhoto
from cms.organisation.models import Official, UnitPage
from search import index
from search.models import SearchEntry
from tests import factories


def block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


@pytest.fixture
def media(db):
    return {
        "image": factories.ImageFactory(),
        "document": factories.DocumentFactory(),
        "statistics": [factories.StatisticFactory(), factories.StatisticFactory()],
    }


def body(media, target):
    """A body referencing everything a StreamField can: an image, a document, a page, statistics, a link."""
    return json.dumps(
        [
            block("paragraph", f'<p>Mộc Châu sơ kết. Xem <a linktype="page" id="{target.pk}">thêm</a>.</p>'),
            block("image", {"image": media["image"].pk, "alt_text": "", "caption": "Đồi chè", "credit": ""}),
            block("document", {"document": media["document"].pk, "title": ""}),
            block("page_link", {"page": target.pk, "title": "", "description": ""}),
            block(
                "statistics",
                {"heading": "Kết quả", "statistics": [block("item", stat.pk) for stat in media["statistics"]]},
            ),
        ]
    )


def make_pages(home, news_index, directive_index, media, count):
    """``count`` searchable pages of each kind, and beside them pages that must never be indexed."""
    made = []
    for n in range(count):
        made.append(
            factories.NewsPageFactory(parent=news_index, title=f"Mộc Châu tin {n}", body=body(media, news_index))
        )
        made.append(factories.DirectivePageFactory(parent=directive_index, title=f"Mộc Châu văn bản {n}"))
        unit = UnitPage(title=f"Mộc Châu phòng {n}", slug=f"phong-{uuid.uuid4().hex[:8]}")
        unit.officials = [Official(name="Nguyễn Văn An", position="Trưởng phòng", locale=home.locale)]
        made.append(factories.add_page(home, unit))
        album = AlbumPage(
            title=f"Mộc Châu album {n}", slug=f"album-{uuid.uuid4().hex[:8]}", date=datetime.date(2024, 3, 8)
        )
        album.photos = [AlbumPhoto(image=media["image"], caption="Hoa mận", locale=home.locale)]
        made.append(factories.add_page(home, album))
    hidden = [
        factories.NewsPageFactory(parent=news_index, title="Mộc Châu nháp", live=False),
        factories.NewsPageFactory(
            parent=news_index, title="Mộc Châu hết hạn", expire_at=timezone.now() - datetime.timedelta(minutes=1)
        ),
    ]
    private = factories.NewsIndexPageFactory(parent=home, title="Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    hidden.append(factories.NewsPageFactory(parent=private, title="Mộc Châu nội bộ"))
    hidden.append(made[0].create_alias(parent=private, update_slug=f"ban-sao-{uuid.uuid4().hex[:8]}"))
    return made, hidden


def indexing_queries(page_ids) -> int:
    SearchEntry.objects.all().delete()
    with CaptureQueriesContext(connection) as queries:
        index.sync_pages(page_ids)
    return len(queries)


def rebuild_queries() -> int:
    SearchEntry.objects.all().delete()
    with CaptureQueriesContext(connection) as queries:
        index.rebuild()
    return len(queries)


def test_indexing_costs_the_same_queries_for_few_pages_as_for_many(
    home, news_index, directive_index, media, monkeypatch
):
    monkeypatch.setattr(index, "BATCH_SIZE", 100)
    few, few_hidden = make_pages(home, news_index, directive_index, media, 1)
    many, many_hidden = make_pages(home, news_index, directive_index, media, 2)

    few_queries = indexing_queries([page.pk for page in few + few_hidden])
    indexed = set(SearchEntry.objects.values_list("page_id", flat=True))
    assert indexed == {page.pk for page in few}  # drafts, expired, restricted and aliases stay out
    many_queries = indexing_queries([page.pk for page in many + many_hidden])
    assert set(SearchEntry.objects.values_list("page_id", flat=True)) == {page.pk for page in many}
    assert many_queries == few_queries

    few_rebuild = rebuild_queries()
    make_pages(home, news_index, directive_index, media, 2)
    assert rebuild_queries() == few_rebuild
    news, _directive, unit, album = (SearchEntry.objects.get(page_id=page.pk) for page in few)
    assert "Đồi chè" in news.body and "Kết quả" in news.body  # the blocks' text, read from the batch's store
    assert "Nguyễn Văn An" in unit.body
    assert "Hoa mận" in album.body


def test_rebuild_goes_in_batches_and_a_reader_always_sees_the_whole_index(
    home, news_index, directive_index, media, monkeypatch
):
    pages, _hidden = make_pages(home, news_index, directive_index, media, 2)
    # A page hidden without its signal (a bulk update): the rebuild drops its row.
    stale = pages[0]
    type(stale).objects.filter(pk=stale.pk).update(live=False)
    assert SearchEntry.objects.filter(page_id=stale.pk).exists()
    searchable = len(pages) - 1

    seen = []
    write = index._write

    def watched(page_ids, entries, **kwargs):
        seen.append(SearchEntry.objects.count())
        return write(page_ids, entries, **kwargs)

    monkeypatch.setattr(index, "BATCH_SIZE", 2)
    monkeypatch.setattr(index, "_write", watched)
    assert index.rebuild() == searchable
    assert len(seen) > 3  # several batches, each written in its own transaction
    assert min(seen) >= searchable  # never a half-empty index while it runs
    assert set(SearchEntry.objects.values_list("page_id", flat=True)) == {page.pk for page in pages[1:]}


def test_a_rebuild_of_an_unchanged_index_writes_no_rows(home, news_index, directive_index, media):
    make_pages(home, news_index, directive_index, media, 1)
    index.rebuild()
    with CaptureQueriesContext(connection) as queries:
        index.rebuild()
    writes = [
        query["sql"]
        for query in queries
        if "portal_search_searchentry" in query["sql"] and query["sql"].startswith(("INSERT", "UPDATE"))
    ]
    assert writes == []
