"""The explorer's delete buttons for an editor cost no query per row, and decide exactly as Wagtail does."""

import pytest
from wagtail.models import PagePermissionTester

from tests import factories
from tests.workflow_helpers import make_staff

pytestmark = pytest.mark.django_db


def test_a_leaf_page_is_deletable_exactly_when_wagtail_says_so_without_a_query(news_index, django_assert_num_queries):
    staff = make_staff()
    pages = [
        factories.NewsPageFactory(parent=news_index, owner=staff.editor),  # live, the editor's
        factories.NewsPageFactory(parent=news_index, owner=staff.editor, live=False),  # a draft of the editor
        factories.NewsPageFactory(parent=news_index, owner=staff.reviewer, live=False),  # someone else's draft
    ]
    for user in (staff.editor, staff.reviewer, staff.approver, staff.site_admin):
        for page in pages:
            expected = PagePermissionTester(user, page).can_delete()
            tester = page.specific.permissions_for_user(user)  # reads the user's permissions once
            with django_assert_num_queries(0):
                assert tester.can_delete() == expected, (user.username, page.live, page.owner_id)
    assert not news_index.permissions_for_user(staff.editor).can_delete()  # not a leaf: Wagtail's own answer
