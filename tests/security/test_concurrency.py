"""Concurrency: simultaneous page creation keeps the tree consistent; concurrent edits lose nothing."""

import io
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.urls import reverse
from wagtail.models import Page

from news.models import NewsIndexPage, NewsPage
from tests import factories
from tests.security.test_admin_privileges import news_form

WRITERS = 20


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_simultaneous_page_creations_leave_a_consistent_tree():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises all writers; the race needs PostgreSQL")
    index = factories.NewsIndexPageFactory(parent=factories.home_page(), slug="tin-dong-thoi")
    start = threading.Barrier(WRITERS)
    errors = []

    def create(number):
        try:
            parent = NewsIndexPage.objects.get(pk=index.pk)
            start.wait(timeout=30)
            parent.add_child(instance=NewsPage(title=f"Tin {number}", slug=f"tin-{number}", lead="Tóm tắt"))
        except Exception as error:  # noqa: BLE001 - every failure is a finding to report
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=create, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    index.refresh_from_db()
    children = NewsPage.objects.child_of(index)
    assert children.count() == WRITERS == index.numchild
    assert len(set(children.values_list("path", flat=True))) == WRITERS
    report = io.StringIO()
    call_command("fixtree", stdout=report)
    assert report.getvalue().count("No problems found.") == 2, report.getvalue()
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_two_editors_saving_the_same_page_lose_nothing(editor, reviewer, sections):
    from tests.security.conftest import make_client

    page = factories.NewsPageFactory(parent=sections[0], title="Tin gốc", slug="tin-chung")
    loaded = page.save_revision()
    page = NewsPage.objects.get(pk=page.pk)
    stale = {"loaded_revision_id": loaded.pk, "loaded_revision_created_at": loaded.created_at.isoformat()}
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    first = make_client(editor).post(url, news_form(page, title="Bản của biên tập viên", **stale))
    assert first.status_code == 302
    # The reviewer's autosave, made from the same stale form, is refused with a warning.
    autosave = make_client(reviewer).post(
        url, news_form(page, title="Bản của thẩm định", **stale), HTTP_ACCEPT="application/json"
    )
    assert autosave.status_code == 400
    assert autosave.json()["error_code"] == "invalid_revision"
    # An explicit save still goes in as a new revision; the editor's stays in the history.
    second = make_client(reviewer).post(url, news_form(page, title="Bản của thẩm định", **stale))
    assert second.status_code == 302
    titles = [revision.content["title"] for revision in page.revisions.order_by("created_at", "pk")]
    assert titles == ["Tin gốc", "Bản của biên tập viên", "Bản của thẩm định"]
