"""What a transaction reads after changing content or the sites, and then rolls back, is remembered nowhere.

A change renews the content generation (or the sites stamp) at once, so values computed inside the transaction
would be stored under a stamp every process reads; after a rollback nothing renews it again. Each test rolls a
savepoint back: Django drops a savepoint's commit callbacks as it drops a whole transaction's.
"""

import pytest
from django.db import transaction
from wagtail.models import Page, PageViewRestriction, Site

from cms.core import sites, visibility
from tests import factories

pytestmark = pytest.mark.django_db


class RolledBack(Exception):
    pass


def test_a_restriction_removed_then_rolled_back_still_hides_the_page(news_index):
    article = factories.NewsPageFactory(parent=news_index, title="Tin nội bộ")
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert not visibility.is_visible_page(article)
    with pytest.raises(RolledBack), transaction.atomic():
        PageViewRestriction.objects.filter(page=article).delete()
        assert visibility.is_visible_page(article)  # read inside, from rows that never commit
        raise RolledBack
    assert not visibility.is_visible_page(article)
    assert not visibility.visible_pages(Page).filter(pk=article.pk).exists()


def test_a_site_added_then_rolled_back_is_not_in_the_remembered_trees(home):
    with pytest.raises(RolledBack), transaction.atomic():
        other = Page.get_first_root_node().add_child(title="Xã tạm", slug="xa-tam")
        site = Site.objects.create(hostname="tam.localhost", root_page=other, site_name="Xã tạm")
        assert site.pk in sites.portal_trees()
        raise RolledBack
    assert set(sites.portal_trees()) <= set(Site.objects.values_list("pk", flat=True))
