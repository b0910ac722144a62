"""The statistics block on news, directive and home pages: a figure group in HTML, inlined data in the API."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.body import BodyBlock
from cms.core import sites
from cms.demo import data
from cms.statistics.models import Statistic
from home.models import HomePage
from news.models import NewsPage
from tests import factories
from tests.demo_hosts import MOC_CHAU, get_page

pytestmark = pytest.mark.django_db


def statistics_block(*statistics, heading="Kết quả 6 tháng"):
    return ("statistics", {"heading": heading, "statistics": list(statistics)})


def article_with(news_index, *blocks):
    return factories.NewsPageFactory(parent=news_index, body=list(blocks))


def get(client, page):
    return client.get(page.url, HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="vi")


def test_reader_sees_statistics_as_a_figure_group(client, news_index):
    statistic = factories.StatisticFactory(label="Bản, tiểu khu còn phải xây dựng hương ước", value=93, total=180)
    page = article_with(news_index, statistics_block(statistic))
    html = get(client, page).content.decode()
    assert 'class="block-statistics"' in html
    assert "93/180" in html and "51,7%" in html
    assert "Bản, tiểu khu còn phải xây dựng hương ước" in html
    assert "Số liệu đến ngày 30/06/2024" in html


def test_unpublished_and_expired_statistics_are_not_shown(client, news_index):
    draft = factories.StatisticFactory(label="Số liệu nháp", live=False)
    expired = factories.StatisticFactory(
        label="Số liệu hết hạn", expire_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    shown = factories.StatisticFactory(label="Số liệu đã duyệt")
    page = article_with(news_index, statistics_block(draft, expired, shown))
    html = get(client, page).content.decode()
    assert "Số liệu đã duyệt" in html
    assert "Số liệu nháp" not in html and "Số liệu hết hạn" not in html


def test_pending_changes_to_a_live_statistic_are_not_shown(client, news_index):
    statistic = factories.StatisticFactory(label="Nội dung đã duyệt")
    statistic.save_revision()
    # The admin keeps drafts of a live snippet in its revisions; the row keeps the published content.
    statistic.label = "Nội dung đang chờ duyệt"
    statistic.save_revision()
    page = article_with(news_index, statistics_block(Statistic.objects.get(pk=statistic.pk)))
    html = get(client, page).content.decode()
    assert "Nội dung đã duyệt" in html and "Nội dung đang chờ duyệt" not in html


def test_statistic_text_is_escaped(client, news_index):
    statistic = factories.StatisticFactory(label="<script>alert(1)</script>", source="<b>nguồn</b>")
    html = get(client, article_with(news_index, statistics_block(statistic))).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert "<b>nguồn</b>" not in html


def test_block_with_nothing_published_renders_nothing():
    block = BodyBlock().child_blocks["statistics"]
    draft = factories.StatisticFactory(live=False)
    assert block.render(block.to_python({"heading": "Tiêu đề", "statistics": [draft.pk]})).strip() == ""


def test_api_inlines_statistic_data_never_bare_ids(news_index):
    statistic = factories.StatisticFactory(value=4, total=8, unit="doanh nghiệp")
    page = article_with(news_index, statistics_block(statistic))
    body = page.body
    data = body.stream_block.get_api_representation(body, {"page": page})
    assert data[0]["type"] == "statistics"
    value = data[0]["value"]
    assert value["heading"] == "Kết quả 6 tháng"
    assert value["statistics"][0]["id"] == statistic.pk
    assert value["statistics"][0]["display_value"] == "4/8"
    assert value["statistics"][0]["percentage"] == 50
    assert value["statistics"][0]["unit"] == "doanh nghiệp"


def test_many_statistics_blocks_cost_one_query(news_index):
    statistics = factories.StatisticFactory.create_batch(12)
    few = article_with(news_index, statistics_block(statistics[0]))
    many = article_with(news_index, *[statistics_block(*statistics[i : i + 3]) for i in range(0, 12, 3)])

    def queries_to_render(page):
        body = NewsPage.objects.get(pk=page.pk).body
        with CaptureQueriesContext(connection) as queries:
            html = "".join(block.render({"page": page}) for block in body)
        return len(queries), html

    sites.portal_trees()  # which portal a page is in: remembered until the sites change (cms.core.sites)
    few_queries, _ = queries_to_render(few)
    many_queries, html = queries_to_render(many)
    assert few_queries == many_queries == 1
    assert all(statistic.label in html for statistic in statistics)


def test_directive_and_home_bodies_accept_statistics(directive_index):
    statistic = factories.StatisticFactory()
    directive = factories.DirectivePageFactory(parent=directive_index, body=[statistics_block(statistic)])
    assert directive.body[0].block_type == "statistics"
    assert "statistics" in HomePage._meta.get_field("body").stream_block.child_blocks


def test_demo_content_uses_the_seed_articles_figures(client, demo_content):
    figures = {s.label: s.display_value for s in Statistic.objects.live().filter(site__hostname=MOC_CHAU)}
    assert sorted(figures.values()) == sorted(["4/8", "10/83", "93/180", "100%", "75"])
    seed = NewsPage.objects.get(title=data.SEED_ARTICLE_TITLE)
    assert [b.block_type for b in seed.body].count("statistics") == 2
    html = get_page(client, seed, HTTP_ACCEPT_LANGUAGE="vi").content.decode()  # on the Mộc Châu portal
    assert "93/180" in html and "10/83" in html and "100%" in html
    home_html = client.get("/vi/", HTTP_HOST=MOC_CHAU).content.decode()
    assert "93/180" in home_html and "Dân vận khéo" in home_html


def test_page_api_field_inlines_statistics_in_the_pages_language(news_index):
    from rest_framework import serializers
    from wagtail.models import Locale

    from cms.api.fields import PageStreamField

    english = Locale.objects.create(language_code="en")
    vi = factories.StatisticFactory(label="Doanh nghiệp")
    en = vi.copy_for_translation(english)
    en.label = "Enterprises"
    en.save()
    en.save_revision().publish()
    page = article_with(news_index, statistics_block(vi))
    en_page = page.copy_for_translation(english, copy_parents=True)

    class PageSerializer(serializers.Serializer):
        body = PageStreamField()

    pages = NewsPage.objects.filter(pk__in=[page.pk, en_page.pk]).order_by("locale__language_code").reverse()
    data = PageSerializer(pages, many=True, context={}).data
    assert [item["body"][0]["value"]["statistics"][0]["label"] for item in data] == ["Doanh nghiệp", "Enterprises"]


def test_statistic_chooser_in_the_admin_reads_in_each_editors_language():
    """The block's chooser is built once per process; its texts must still follow each request's language."""
    from django.utils import translation

    chooser = BodyBlock().child_blocks["statistics"].child_blocks["statistics"].child_block
    with translation.override("en"):
        chooser.widget.render_html("statistic", None, {"id": "statistic"})
    with translation.override("vi"):
        html = chooser.widget.render_html("statistic", None, {"id": "statistic"})
    assert "Chọn Số liệu thống kê" in html
    assert "Choose" not in html
