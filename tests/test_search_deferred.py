"""Deferred indexing (search.deferred): a bulk import indexes each page once at the end, with the same result."""

import pytest
from django.db import connection, transaction
from wagtail.models import Page, ReferenceIndex
from wagtail.search.models import IndexEntry

from cms.procedures.importer import import_procedures
from cms.procedures.models import ProcedureIndexPage
from search.deferred import deferred_indexing, is_deferred
from search.models import SearchEntry
from tests import factories
from tests.test_procedures import csv_text, generated

pytestmark = pytest.mark.django_db


class QueryCounter:
    """Counts every statement sent to the database (``reset_queries()`` inside the code cannot hide any)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def queries(function) -> int:
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        function()
    return counter.count


def index_state() -> dict:
    return {
        "entries": sorted(SearchEntry.objects.values_list("page_id", "title", "body")),
        "wagtail": sorted(IndexEntry.objects.values_list("object_id", "title", "body")),
        "references": sorted(ReferenceIndex.objects.values_list("object_id", "to_object_id", "content_path")),
    }


def make_pages(parent, image):
    """A published page, a draft and a published page with a later draft, through Wagtail's own path."""
    live = factories.NewsPageFactory.build(title="Tin đã đăng về đê điều", hero_image=image)
    parent.add_child(instance=live)
    live.save_revision().publish()
    draft = factories.NewsPageFactory.build(title="Tin nháp chưa duyệt", live=False)
    parent.add_child(instance=draft)
    draft.save_revision()
    changed = factories.NewsPageFactory.build(title="Tin đã đăng bản đầu")
    parent.add_child(instance=changed)
    changed.save_revision().publish()
    changed.title = "Bản nháp sửa chưa duyệt"
    changed.save_revision()
    return live, draft, changed


def test_deferred_indexing_ends_with_the_indexes_the_per_save_path_leaves(news_index):
    image = factories.ImageFactory()
    with transaction.atomic():
        make_pages(news_index, image)
        expected = index_state()
        transaction.set_rollback(True)
    assert SearchEntry.objects.count() == 0

    with deferred_indexing():
        assert is_deferred()
        live, draft, _changed = make_pages(news_index, image)
        # Nothing reached any index while the block was open.
        assert not SearchEntry.objects.exists()
        assert not IndexEntry.objects.filter(object_id__in=[str(live.pk), str(draft.pk)]).exists()
        assert not ReferenceIndex.objects.filter(object_id=live.pk).exists()
    assert not is_deferred()

    def without_ids(state):  # page ids differ between the two runs
        return {key: sorted(row[1:] for row in rows) for key, rows in state.items()}

    assert without_ids(index_state()) == without_ids(expected)
    titles = set(SearchEntry.objects.values_list("title", flat=True))
    assert titles == {"Tin đã đăng về đê điều", "Tin đã đăng bản đầu"}  # no draft text in the public index
    assert ReferenceIndex.objects.filter(object_id=live.pk, to_object_id=image.pk).exists()


def test_an_inner_block_leaves_the_indexing_to_the_outer_one(news_index):
    with deferred_indexing():
        with deferred_indexing():
            page = factories.NewsPageFactory.build(title="Tin lồng nhau")
            news_index.add_child(instance=page)
            page.save_revision().publish()
        assert is_deferred() and not SearchEntry.objects.filter(page=page).exists()
    assert SearchEntry.objects.filter(page=page).exists()


def test_a_block_that_fails_inside_a_transaction_indexes_nothing(news_index):
    with pytest.raises(RuntimeError), transaction.atomic(), deferred_indexing():
        page = factories.NewsPageFactory.build(title="Tin sẽ bị hủy")
        news_index.add_child(instance=page)
        page.save_revision().publish()
        raise RuntimeError("import stopped")
    assert not Page.objects.filter(title="Tin sẽ bị hủy").exists()
    assert not SearchEntry.objects.exists()


def test_outside_a_block_each_save_is_indexed_at_once(news_index):
    page = factories.NewsPageFactory.build(title="Tin đăng bình thường")
    news_index.add_child(instance=page)
    page.save_revision().publish()
    assert SearchEntry.objects.filter(page=page).exists()


def test_importing_procedures_costs_a_bounded_number_of_queries_per_procedure(home):
    register = home.add_child(instance=ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc", intro="."))
    rows = generated(30)
    few = queries(lambda: import_procedures(register, csv_text(rows[:10])))
    many = queries(lambda: import_procedures(register, csv_text(rows[10:])))
    per_procedure = (many - few) / 10
    print(f"procedure import: {few} queries for 10, {many} for 20, {per_procedure:.1f} per procedure")
    assert per_procedure <= 62  # measured 59; 175 before deferred indexing
    assert SearchEntry.objects.filter(page_type="procedures.ProcedurePage").count() == 30
