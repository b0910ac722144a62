"""Vietnamese search: citizens find news and directives with or without tone marks, only what is public."""

import datetime
import unicodedata

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Locale, PageViewRestriction

from search import query as search_query
from search import text
from search.models import SearchEntry
from tests import factories

MOC_CHAU_FORMS = ["Mộc Châu", "MỘC CHÂU", "moc chau", "MOC CHAU", unicodedata.normalize("NFD", "Mộc Châu")]


def titles(q, locale=None, filters=None):
    return [entry.title for entry in search_query.search(q, locale or Locale.get_default(), filters)]


@pytest.fixture
def directive(directive_index):
    return factories.DirectivePageFactory(
        parent=directive_index,
        title="Quyết định ban hành Kế hoạch thực hiện dân chủ ở cơ sở",
        number="1234/QĐ-UBND",
        document_type="quyet-dinh",
        issue_date=datetime.date(2024, 3, 1),
        effective_date=datetime.date(2024, 3, 1),
    )


# Folding


@pytest.mark.parametrize("form", MOC_CHAU_FORMS)
def test_every_spelling_of_moc_chau_folds_the_same(form):
    assert text.folded_words(form) == ["moc", "chau"]


def test_old_and_new_tone_placement_meet():
    assert text.fold("hoà") == text.fold("hòa") == "hoa"
    assert text.fold("HOÀ") == "hoa"


def test_d_with_stroke_folds_to_d():
    assert text.folded_words("Đơn vị đã được") == ["don", "vi", "da", "duoc"]
    assert text.number_key("1234/QĐ-UBND") == text.number_key("1234/qd-ubnd") == "1234qdubnd"


@pytest.mark.parametrize("form", MOC_CHAU_FORMS)
def test_citizen_finds_article_however_moc_chau_is_typed(news_index, form):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu sơ kết dân chủ ở cơ sở")
    factories.NewsPageFactory(parent=news_index, title="Tin khác")
    assert titles(form) == ["Mộc Châu sơ kết dân chủ ở cơ sở"]


def test_citizen_finds_nfd_content_with_nfc_query(news_index):
    factories.NewsPageFactory(parent=news_index, title=unicodedata.normalize("NFD", "Hòa bình ở Mộc Châu"))
    assert len(titles("hoà bình")) == 1
    assert len(titles("hoa binh")) == 1


def test_citizen_finds_don_vi_without_marks(news_index):
    factories.NewsPageFactory(parent=news_index, title="Thông báo", lead="Các đơn vị chủ động triển khai.")
    assert titles("don vi") == ["Thông báo"]


def test_words_match_whole_not_inside_other_words(news_index):
    factories.NewsPageFactory(parent=news_index, title="Sông Đà mùa lũ")
    assert titles("so") == []
    assert titles("song da") == ["Sông Đà mùa lũ"]


# Ranking


def test_title_matches_rank_above_body_matches(news_index):
    factories.NewsPageFactory(
        parent=news_index, title="Du lịch hè", lead="Mộc Châu đón khách.", date=datetime.date(2024, 9, 1)
    )
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu mùa mận", date=datetime.date(2023, 1, 1))
    assert titles("moc chau") == ["Mộc Châu mùa mận", "Du lịch hè"]


def test_exact_accent_match_ranks_above_folded_only_match(news_index):
    factories.NewsPageFactory(parent=news_index, title="Mốc chầu lạ", date=datetime.date(2024, 9, 1))
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu mùa mận", date=datetime.date(2023, 1, 1))
    assert titles("Mộc Châu") == ["Mộc Châu mùa mận", "Mốc chầu lạ"]
    # Without marks both are folded-only matches, so the newer comes first.
    assert titles("moc chau") == ["Mốc chầu lạ", "Mộc Châu mùa mận"]


def test_ties_are_ordered_newest_first(news_index):
    for year in (2021, 2024, 2022):
        factories.NewsPageFactory(parent=news_index, title=f"Sơ kết năm {year}", date=datetime.date(year, 1, 1))
    assert titles("so ket") == ["Sơ kết năm 2024", "Sơ kết năm 2022", "Sơ kết năm 2021"]


@pytest.mark.parametrize("q", ["1234/QĐ-UBND", "1234/QD-UBND", "1234/qđ-ubnd", "1234", "1234/QD"])
def test_directive_number_is_found_first_with_or_without_marks_and_partially(directive, directive_index, q):
    factories.DirectivePageFactory(parent=directive_index, title="Công văn khác", number="12345/QĐ-UBND")
    factories.DirectivePageFactory(
        parent=directive_index,
        title="1234 hộ dân",
        number="77/QĐ-UBND",
        issue_date=datetime.date(2025, 1, 1),
        effective_date=datetime.date(2025, 1, 1),
    )
    assert titles(q)[0] == directive.title


# Scope: language, drafts, unpublished, restricted, expired


def test_search_returns_only_the_requested_language(news_index):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu tiếng Việt")
    english = Locale.objects.create(language_code="en")
    english_index = news_index.copy_for_translation(english, copy_parents=True)
    english_index.save_revision().publish()
    factories.NewsPageFactory(parent=english_index, title="Moc Chau in English", locale=english)
    assert titles("moc chau") == ["Mộc Châu tiếng Việt"]
    assert titles("moc chau", english) == ["Moc Chau in English"]


def test_drafts_are_never_found(news_index):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu nháp", live=False)
    assert titles("moc chau") == []


def test_unpublished_changes_of_a_live_page_are_not_found(news_index):
    article = factories.NewsPageFactory(parent=news_index, title="Tin đã đăng")
    article.title = "Mộc Châu bản nháp chưa duyệt"
    article.save_revision()
    assert titles("moc chau") == []
    assert titles("tin da dang") == ["Tin đã đăng"]


def test_article_disappears_from_search_when_unpublished(news_index):
    article = factories.NewsPageFactory(parent=news_index, title="Mộc Châu sơ kết")
    assert titles("so ket") == ["Mộc Châu sơ kết"]
    article.unpublish()
    assert titles("so ket") == []


def test_article_appears_when_published(news_index):
    article = factories.NewsPageFactory(parent=news_index, title="Mộc Châu sơ kết", live=False)
    article.save_revision().publish()
    assert titles("so ket") == ["Mộc Châu sơ kết"]


def run_titles(q):
    outcome = search_query.run(q, Locale.get_default())
    return [entry.title for entry in outcome.entries(0, 10)]


def test_a_remembered_search_follows_every_publication(news_index, django_assert_num_queries):
    """``run`` remembers a search's ranked matches per content generation: asked again, no statement ranks them;
    a publication, an unpublication, a restriction or an expiry is seen by the next search."""
    article = factories.NewsPageFactory(parent=news_index, title="Mộc Châu sơ kết", date=datetime.date(2024, 1, 1))
    assert run_titles("so ket") == ["Mộc Châu sơ kết"]
    locale = Locale.get_default()
    with django_assert_num_queries(0):
        outcome = search_query.run("so ket", locale)
    assert outcome.total.count == 1
    newer = factories.NewsPageFactory(
        parent=news_index, title="Sơ kết quý", live=False, date=datetime.date(2024, 2, 1)
    )
    newer.save_revision().publish()
    assert run_titles("so ket") == ["Sơ kết quý", "Mộc Châu sơ kết"]
    article.unpublish()
    assert run_titles("so ket") == ["Sơ kết quý"]
    PageViewRestriction.objects.create(page=news_index, restriction_type=PageViewRestriction.LOGIN)
    assert run_titles("so ket") == []
    PageViewRestriction.objects.all().delete()
    assert run_titles("so ket") == ["Sơ kết quý"]
    newer.expire_at = timezone.now() + datetime.timedelta(seconds=1)
    newer.save_revision().publish()
    assert run_titles("so ket") == ["Sơ kết quý"]
    SearchEntry.objects.update(expire_at=timezone.now() - datetime.timedelta(seconds=1))
    newer.expire_at = timezone.now() - datetime.timedelta(seconds=1)
    newer.save(update_fields=["expire_at"])
    assert run_titles("so ket") == []


def test_restricted_section_is_never_found(news_index, home):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu nội bộ")
    assert titles("moc chau") == ["Mộc Châu nội bộ"]
    restriction = PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="secret-pass"
    )
    assert titles("moc chau") == []
    restriction.delete()
    assert titles("moc chau") == ["Mộc Châu nội bộ"]


def test_article_moved_under_a_restricted_section_leaves_search(home, news_index):
    private_index = factories.NewsIndexPageFactory(parent=home, title="Nội bộ")
    PageViewRestriction.objects.create(page=private_index, restriction_type=PageViewRestriction.LOGIN)
    article = factories.NewsPageFactory(parent=news_index, title="Mộc Châu di chuyển")
    article.move(private_index, pos="last-child")
    assert titles("moc chau") == []


def test_deleted_article_leaves_search(news_index):
    article = factories.NewsPageFactory(parent=news_index, title="Mộc Châu bị xóa")
    article.delete()
    assert titles("moc chau") == []
    assert not SearchEntry.objects.exists()


def test_deleting_a_section_removes_its_articles_from_search(news_index):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu một")
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu hai")
    news_index.delete()
    assert titles("moc chau") == []


def test_unpublishing_a_section_with_descendants_removes_its_articles(news_index, django_user_model):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu một")
    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "admin-pass-123")
    # What the admin's "unpublish, including subpages" runs.
    UnpublishPageAction(news_index, user=admin, include_descendants=True).execute()
    assert titles("moc chau") == []


def test_expired_article_is_not_found_even_before_the_scheduler_unpublishes_it(news_index):
    factories.NewsPageFactory(
        parent=news_index, title="Mộc Châu hết hạn", expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu expired", expired=True)
    assert titles("moc chau") == []


def test_rebuild_command_indexes_only_searchable_pages(news_index, directive):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu công khai")
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu nháp", live=False)
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(SearchEntry.objects.values_list("title", flat=True)) == {"Mộc Châu công khai", directive.title}


# Filters


def test_filters_narrow_by_type_date_document_type_and_agency(news_index, directive, directive_index):
    factories.NewsPageFactory(parent=news_index, title="Dân chủ ở cơ sở tin", date=datetime.date(2024, 7, 1))
    factories.DirectivePageFactory(
        parent=directive_index,
        title="Chỉ thị dân chủ ở cơ sở",
        document_type="chi-thi",
        issuing_agency="Huyện ủy Mộc Châu",
        issue_date=datetime.date(2023, 5, 1),
        effective_date=datetime.date(2023, 5, 1),
    )

    def filtered(**params):
        return sorted(titles("dan chu", filters=search_query.Filters.parse(params)))

    assert filtered(type="news") == ["Dân chủ ở cơ sở tin"]
    assert filtered(type="directive") == sorted([directive.title, "Chỉ thị dân chủ ở cơ sở"])
    assert filtered(date_from="2024-01-01", date_to="2024-06-30") == [directive.title]
    assert filtered(document_type="chi-thi") == ["Chỉ thị dân chủ ở cơ sở"]
    assert filtered(issuing_agency="Huyện ủy Mộc Châu") == ["Chỉ thị dân chủ ở cơ sở"]


def test_bad_filter_values_are_ignored_and_named():
    filters = search_query.Filters.parse({"type": "video", "date_from": "hôm qua", "document_type": "x"})
    assert (filters.page_type, filters.date_from, filters.document_type) == ("", None, "")
    assert set(filters.errors) == {"type", "date_from", "document_type"}


# The public page


def test_search_page_shows_title_date_type_and_highlighted_snippet(client_vi, news_index):
    factories.NewsPageFactory(
        parent=news_index,
        title="Hội nghị sơ kết",
        lead="Huyện Mộc Châu tổ chức hội nghị.",
        date=datetime.date(2024, 7, 2),
    )
    response = client_vi.get("/vi/search/", {"q": "moc chau"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hội nghị sơ kết" in html
    assert "02/07/2024" in html
    assert "Tin bài" in html
    assert "Huyện <mark>Mộc</mark> <mark>Châu</mark> tổ chức" in html


def test_search_page_escapes_the_query_and_editor_content(client_vi, news_index):
    factories.NewsPageFactory(
        parent=news_index, title="<script>alert(1)</script> Mộc Châu", lead="<img src=x onerror=alert(2)> moc chau"
    )
    response = client_vi.get("/vi/search/", {"q": '"><script>Mộc Châu</script>'})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "<script>Mộc" not in html
    assert "&quot;&gt;&lt;script&gt;Mộc Châu&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; <mark>Mộc</mark>" in html
    assert "&lt;img src=x onerror=alert(2)&gt; <mark>moc</mark>" in html


def test_empty_query_shows_an_empty_form(client_vi, db):
    response = client_vi.get("/vi/search/")
    assert response.status_code == 200
    assert response.context["search_results"] is None
    assert "Không tìm thấy" not in response.content.decode()


def test_no_results_gives_a_clear_message(client_vi, news_index):
    response = client_vi.get("/vi/search/", {"q": "không có gì"})
    assert "Không tìm thấy kết quả cho" in response.content.decode()


def test_over_long_query_is_refused_with_a_message(client_vi, db):
    response = client_vi.get("/vi/search/", {"q": "mộc châu " * 40})
    assert response.status_code == 200
    assert "Từ khóa quá dài" in response.content.decode()
    assert response.context["search_results"] is None


def test_bad_filters_and_page_numbers_never_error(client_vi, news_index):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu")
    response = client_vi.get(
        "/vi/search/", {"q": "moc chau", "type": "x", "date_from": "2024-13-45", "page": "abc", "document_type": "?"}
    )
    assert response.status_code == 200
    assert "Bộ lọc bị bỏ qua" in response.content.decode()
    assert len(response.context["search_results"]) == 1


def test_search_results_are_paginated(client_vi, news_index):
    for number in range(12):
        factories.NewsPageFactory(parent=news_index, title=f"Mộc Châu tin {number}")
    first = client_vi.get("/vi/search/", {"q": "moc chau", "type": "news"})
    second = client_vi.get("/vi/search/", {"q": "moc chau", "type": "news", "page": 2})
    assert len(first.context["search_results"]) == 10
    assert len(second.context["search_results"]) == 2
    past_the_end = client_vi.get("/vi/search/", {"q": "moc chau", "page": 99})
    assert past_the_end.context["search_page"].number == 2
    assert len(past_the_end.context["search_results"]) == 2
    assert "type=news.NewsPage" in first.content.decode()


def test_search_page_query_count_does_not_grow_with_results(client_vi, news_index, django_assert_max_num_queries):
    for number in range(10):
        factories.NewsPageFactory(parent=news_index, title=f"Mộc Châu tin {number}")
    # The per-process caches (sites, portal settings, page rules, next expiry, the search vocabulary) warmed by
    # a first search; then site, locale, menu and breadcrumb queries plus one count, one page of rows and one
    # query for their URLs.
    client_vi.get("/vi/search/", {"q": "tin"})
    with django_assert_max_num_queries(10):
        response = client_vi.get("/vi/search/", {"q": "moc chau"})
    assert len(response.context["search_results"]) == 10


def test_common_words_rank_the_newest_matches_and_report_more_than_the_cap(
    client_vi, news_index, monkeypatch, django_assert_max_num_queries
):
    """Only the newest MAX_RANKED matches are ranked, plus older title matches; the total says "more than"."""
    monkeypatch.setattr(search_query, "MAX_RANKED", 3)
    for day in range(1, 6):
        factories.NewsPageFactory(
            parent=news_index, title=f"Tin ngày {day}", lead="Tin về Mộc Châu.", date=datetime.date(2024, 5, day)
        )
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu năm 2020", date=datetime.date(2020, 1, 1))

    rows, total = search_query.fetch(search_query.search("moc chau", Locale.get_default()), 0, 10)
    assert (total.count, total.capped) == (3, True)
    # The oldest article has the words in its title, so it is ranked (first) although four newer ones exist.
    assert [row.title for row in rows] == ["Mộc Châu năm 2020", "Tin ngày 5", "Tin ngày 4"]
    assert search_query.fetch(search_query.search("moc chau", Locale.get_default()), 3, 10) == ([], total)

    client_vi.get("/vi/search/")  # as above: warm the per-process caches first
    with django_assert_max_num_queries(10):
        page = client_vi.get("/vi/search/", {"q": "moc chau"})
    assert "Hơn 3 kết quả" in page.content.decode()
    assert client_vi.get("/vi/search/", {"q": "moc chau", "page": 7}).status_code == 200
    meta = client_vi.get("/api/v2/search/", {"q": "moc chau", "offset": 50}).json()["meta"]
    assert (meta["total_count"], meta["total_count_capped"]) == (3, True)

    few = search_query.fetch(search_query.search("nam 2020", Locale.get_default()), 0, 10)[1]
    assert (few.count, few.capped) == (1, False)


def test_demo_content_finds_moc_chau_without_marks(demo_content):
    assert len(titles("moc chau")) == len(titles("Mộc Châu")) > 0
    assert titles("so ket")
    assert titles("don vi")
    assert titles("1234/QD-UBND")[0].startswith("Quyết định")
