"""Citizens find what they mean however they type it: typos, joined words, abbreviations; one box, facets."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.core import cache as content_cache
from home.models import HomePage
from search import query as search_query
from search.evaluation import judged
from search.models import SearchSynonym
from search.vocabulary import Vocabulary
from tests import factories
from tests.demo_hosts import MOC_CHAU
from tests.workflow_helpers import as_user

SEARCH_URL = "/api/v2/search/"


def run(q, **params):
    return search_query.run(q, Locale.get_default(), search_query.Filters.parse(params))


def titles(q, **params):
    return [entry.title for entry in run(q, **params).entries(0, 10)]


# The issue's "Done when", on the demo portal.

DONE_WHEN = [
    ("moc cahu", judged.SEED),
    ("mocchau", judged.SEED),
    ("uy ban nhan dan quyet dinh 1234", judged.DECISION_1234),
    # The unit named after it outranks the directive that merely mentions it and the work-schedule meetings of
    # "UBND phường" (listing entries rank below pages that stand on their own).
    ("ubnd", judged.LEADERS),
    ("uy ban nhan dan", judged.LEADERS),
    ("ct 05 ubnd", judged.DIRECTIVE_05),
    ("so ket dan chu co so", judged.SEED),
]


def test_demo_portal_brings_the_expected_item_into_the_first_three(demo_content, client):
    for q, expected in DONE_WHEN:
        answers = set(expected) if isinstance(expected, tuple) else {expected}
        assert answers & set(titles(q)[:3]), q
        items = client.get(SEARCH_URL, {"q": q}, HTTP_HOST=MOC_CHAU).json()["items"]  # the demo's Mộc Châu portal
        assert answers & {item["title"] for item in items[:3]}, q


def test_judged_set_scores_well_on_the_demo_portal(demo_content):
    out = io.StringIO()
    call_command("evaluate_search", stdout=out)
    row = out.getvalue().strip().splitlines()[-1].split()
    p_at_1, _p_at_5, ndcg = map(float, row[1:])
    assert p_at_1 >= 0.9
    assert ndcg >= 0.9


def test_judged_set_has_sixty_queries_naming_demo_items():
    assert len(judged.JUDGED) >= 60
    assert judged.check() == []


# Typos


def test_one_typo_in_a_word_of_four_letters_still_finds_it(news_index):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu mùa hoa mận")
    factories.NewsPageFactory(parent=news_index, title="Tin khác")
    assert titles("moc cahu") == ["Mộc Châu mùa hoa mận"]  # transposition counts as one edit
    assert titles("moc chauu") == ["Mộc Châu mùa hoa mận"]
    assert titles("moc chxu") == ["Mộc Châu mùa hoa mận"]


def test_long_words_tolerate_two_typos_short_words_none(news_index):
    factories.NewsPageFactory(parent=news_index, title="Mận đạt chuẩn VietGAP xuất khẩu")
    assert titles("vjetgaap") == ["Mận đạt chuẩn VietGAP xuất khẩu"]  # 8 letters: two edits
    assert titles("vjetgaaap") == []  # three edits
    assert titles("mam") == []  # three letters: taken as typed


def test_a_real_word_typed_wrongly_is_corrected_when_nothing_matches(news_index):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu mùa hoa mận")
    factories.NewsPageFactory(parent=news_index, title="Sửa chữa chùa cổ")
    # "chua" is an indexed word (chùa), but "moc chua" matches nothing: the second pass tolerates typos.
    assert titles("moc chua") == ["Mộc Châu mùa hoa mận"]


def test_matches_as_typed_rank_above_corrected_ones(news_index):
    corrected = factories.NewsPageFactory(parent=news_index, title="Mộc Châu mùa hoa mận")
    as_typed = factories.NewsPageFactory(parent=news_index, title="Tin khác", lead="Bản Mộc cahu trên núi.")
    parsed = search_query.ParsedQuery.parse("moc cahu", fuzz_known=True)
    ranked = list(search_query.search_parsed(parsed, Locale.get_default()))
    assert [entry.page_id for entry in ranked] == [as_typed.pk, corrected.pk]


def test_did_you_mean_offers_the_corrected_query(client_vi, client, news_index):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu mùa hoa mận")
    page = client_vi.get("/vi/search/", {"q": "moc cahu"}).content.decode()
    assert "Có phải bạn muốn tìm:" in page
    assert "?q=moc+chau" in page
    assert client.get(SEARCH_URL, {"q": "moc cahu"}).json()["meta"]["suggestion"] == "moc chau"
    assert client.get(SEARCH_URL, {"q": "mocchau"}).json()["meta"]["suggestion"] == "moc chau"
    assert client.get(SEARCH_URL, {"q": "moc chau"}).json()["meta"]["suggestion"] is None
    assert "Có phải bạn muốn tìm" not in client_vi.get("/vi/search/", {"q": "moc chau"}).content.decode()


def test_corrections_rank_edits_and_splits_by_how_often_their_words_occur():
    # A province's index: "ca" and "hu" are words too, so "cahu" also splits, but "chau" is far more common than
    # the two meeting by chance.
    words = Vocabulary(
        {"va": 100_000, "moc": 20_000, "chau": 20_000, "ca": 3_000, "hu": 800, "thanh": 9_000, "pho": 7_000}
    )
    assert words.splits("cahu") == [("ca", "hu")]
    assert words.correction("cahu") == ("chau",)
    assert words.correction("mocchau") == ("moc", "chau")
    assert words.correction("thanhpho") == ("thanh", "pho")
    assert Vocabulary({"va": 1_000, "ca": 900, "hu": 900, "chau": 3}).correction("cahu") == ("ca", "hu")


def test_did_you_mean_prefers_the_common_correction_over_a_split_into_rare_words(news_index):
    for n in range(3):
        factories.NewsPageFactory(parent=news_index, title=f"Mộc Châu mùa hoa mận {n}")
    factories.NewsPageFactory(parent=news_index, title="Cá hồi Mộc Châu", lead="Cá để lâu bị hư.")
    call_command("rebuild_search_index", stdout=io.StringIO())  # the words' counts are exact after a rebuild
    assert run("moc cahu").suggestion == "moc chau"


def test_corrections_never_reveal_words_of_restricted_pages(client, news_index, home):
    section = factories.NewsIndexPageFactory(parent=home, title="Nội bộ")
    factories.NewsPageFactory(parent=section, title="Hoàng Liên Sơn mật")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    body = client.get(SEARCH_URL, {"q": "hoang lienn son"}).json()
    assert body["items"] == []
    assert body["meta"]["suggestion"] is None


# Joined and split words


def test_words_written_together_meet_the_separate_words(news_index):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu đón khách", lead="Thành phố Sơn La.")
    assert titles("mocchau") == ["Mộc Châu đón khách"]
    assert titles("thanhpho son la") == ["Mộc Châu đón khách"]


def test_separate_words_meet_the_words_written_together(news_index):
    factories.NewsPageFactory(parent=news_index, title="Du lịch", lead="Theo dõi #mocchau trên mạng xã hội.")
    assert titles("moc chau") == ["Du lịch"]


# Abbreviations and synonyms


def test_abbreviation_meets_its_expansion_both_ways(news_index):
    factories.NewsPageFactory(parent=news_index, title="Ủy ban nhân dân huyện họp phiên thường kỳ")
    factories.NewsPageFactory(parent=news_index, title="UBND xã tiếp dân")
    factories.NewsPageFactory(parent=news_index, title="Nghị định Chính phủ mới về BHXH")
    assert sorted(titles("ubnd")) == ["UBND xã tiếp dân", "Ủy ban nhân dân huyện họp phiên thường kỳ"]
    assert sorted(titles("uy ban nhan dan")) == sorted(titles("UBND"))
    assert titles("nđ-cp bảo hiểm xã hội") == ["Nghị định Chính phủ mới về BHXH"]


def test_default_abbreviations_are_shipped_and_reloading_keeps_edits(db):
    ubnd = SearchSynonym.objects.get(term="UBND")
    assert "Ủy ban nhân dân" in ubnd.expansion_list()
    for term in ("HĐND", "QĐ", "NĐ-CP", "NĐ", "TT", "TTHC", "CCCD", "BHXH", "MTTQ"):
        assert SearchSynonym.objects.filter(term=term).exists(), term
    ubnd.expansions = "Ủy ban nhân dân\nỦy ban"
    ubnd.save()
    out = io.StringIO()
    call_command("load_search_synonyms", stdout=out)
    assert "Added 0" in out.getvalue()
    assert SearchSynonym.objects.get(term="UBND").expansions == "Ủy ban nhân dân\nỦy ban"


def test_an_administrators_new_synonym_applies_at_once_and_goes_when_deleted(news_index):
    factories.NewsPageFactory(parent=news_index, title="Ban quản lý dự án thông báo")
    assert titles("bqlda") == []
    synonym = SearchSynonym.objects.create(term="BQLDA", expansions="Ban quản lý dự án")
    assert titles("bqlda") == ["Ban quản lý dự án thông báo"]
    synonym.delete()
    assert titles("bqlda") == []


def test_site_administrator_edits_synonyms_in_the_admin_and_editor_cannot(client, staff):
    url = "/admin/snippets/portal_search/searchsynonym/"
    assert as_user(client, staff.editor).get(url).status_code in (302, 403)
    admin = as_user(client, staff.site_admin)
    assert admin.get(url).status_code == 200
    response = admin.post(f"{url}add/", {"term": "BQL", "expansions": "Ban quản lý"})
    assert response.status_code == 302
    assert SearchSynonym.objects.get(term="BQL").expansion_list() == ["Ban quản lý"]


# Relevance


def test_article_about_the_query_outranks_a_fresh_one_that_mentions_it(news_index):
    factories.NewsPageFactory(
        parent=news_index, title="Sơ kết dân chủ ở cơ sở", date=datetime.date(2023, 1, 1), lead="Hội nghị."
    )
    factories.NewsPageFactory(
        parent=news_index, title="Tin thử nghiệm", date=timezone.localdate(), lead="Nói về dân chủ, sơ kết, cơ sở."
    )
    assert titles("so ket dan chu co so")[0] == "Sơ kết dân chủ ở cơ sở"


def test_words_in_the_typed_order_rank_above_scattered_words(news_index):
    factories.NewsPageFactory(parent=news_index, title="Kế hoạch dân chủ", date=datetime.date(2022, 1, 1))
    factories.NewsPageFactory(parent=news_index, title="Dân vận và kế hoạch chủ động", date=datetime.date(2024, 1, 1))
    assert titles("ke hoach dan chu")[0] == "Kế hoạch dân chủ"


def test_the_phrase_in_the_text_lifts_the_best_ranked_matches_and_no_others(news_index, monkeypatch):
    """The text is read for the phrase only among the best PHRASE_RANKED matches (search.query._ranked)."""
    for day, lead in [
        (1, "Sơ kết dân chủ ở cơ sở."),
        (2, "Dân chủ ở cơ sở được sơ kết."),
        (3, "Cơ sở sơ kết dân chủ ở bản."),
    ]:
        factories.NewsPageFactory(parent=news_index, title=f"Tin {day}", lead=lead, date=datetime.date(2024, 5, day))
    factories.NewsPageFactory(
        parent=news_index, title="Tin 4", lead="Sơ kết dân chủ ở cơ sở năm nay.", date=datetime.date(2024, 4, 1)
    )
    exact = [entry.title for entry in search_query.search("so ket dan chu o co so", Locale.get_default())]
    assert exact == ["Tin 1", "Tin 4", "Tin 3", "Tin 2"]
    assert titles("so ket dan chu o co so") == exact

    monkeypatch.setattr(search_query, "PHRASE_RANKED", 3)
    content_cache.invalidate()  # searches are remembered per content generation: rank this one again
    # Without the phrase the newest come first; "Tin 4", the oldest, is fourth: not read for it, it keeps its place.
    assert titles("so ket dan chu o co so") == ["Tin 1", "Tin 3", "Tin 2", "Tin 4"]


def test_a_page_of_its_own_outranks_work_schedule_activities_that_name_the_same_body(home, news_index):
    from cms.schedule.models import ScheduleEntryPage, ScheduleIndexPage

    schedule = factories.add_page(home, ScheduleIndexPage(title="Lịch công tác", slug="lich-cong-tac"))
    for number, title in enumerate(["Giao ban UBND huyện", "Phiên họp UBND huyện"]):
        activity = ScheduleEntryPage(
            title=title,
            slug=f"hoat-dong-{number}",
            date=timezone.localdate() + datetime.timedelta(days=7),
            start_time=datetime.time(8),
            leaders="Đồng chí Chủ tịch UBND huyện",
            venue="Hội trường",
        )
        factories.add_page(schedule, activity)
    factories.NewsPageFactory(parent=news_index, title="Văn phòng UBND huyện", date=datetime.date(2023, 1, 1))
    assert titles("ubnd")[0] == "Văn phòng UBND huyện"  # not the newer meetings, chaired "UBND" as they are
    assert titles("giao ban ubnd")[0] == "Giao ban UBND huyện"  # named, an activity still comes first


def test_recent_news_gets_a_boost_over_an_equal_directive(news_index, directive_index):
    factories.DirectivePageFactory(
        parent=directive_index,
        title="Phòng chống thiên tai",
        issue_date=timezone.localdate(),
        effective_date=timezone.localdate(),
        number="9/CT-UBND",
    )
    factories.NewsPageFactory(
        parent=news_index, title="Phòng chống thiên tai", date=timezone.localdate() - datetime.timedelta(days=10)
    )
    results = run("phong chong thien tai").entries(0, 10)
    assert [entry.page_type for entry in results] == ["news.NewsPage", "news.DirectivePage"]


# One box: facets and portals


def test_results_come_with_facets_by_type_field_agency_and_year(client, news_index, directive_index):
    factories.NewsPageFactory(
        parent=news_index, title="Du lịch Mộc Châu", category="du-lich", date=datetime.date(2024, 5, 1)
    )
    factories.DirectivePageFactory(
        parent=directive_index,
        title="Kế hoạch du lịch",
        number="87/KH-UBND",
        sector="van-hoa",
        issuing_agency="UBND huyện Mộc Châu",
        issue_date=datetime.date(2023, 1, 5),
        effective_date=datetime.date(2023, 1, 5),
    )
    facets = client.get(SEARCH_URL, {"q": "du lich"}).json()["meta"]["facets"]
    assert {item["value"]: item["count"] for item in facets["type"]} == {"news.NewsPage": 1, "news.DirectivePage": 1}
    assert {item["value"] for item in facets["field"]} == {"du-lich", "van-hoa"}
    assert facets["agency"] == [{"value": "UBND huyện Mộc Châu", "label": "UBND huyện Mộc Châu", "count": 1}]
    assert [item["value"] for item in facets["year"]] == ["2024", "2023"]
    assert titles("du lich", field="van-hoa") == ["Kế hoạch du lịch"]
    assert titles("du lich", year="2024") == ["Du lịch Mộc Châu"]


def test_search_page_shows_facets_that_narrow_the_results(client_vi, news_index):
    factories.NewsPageFactory(parent=news_index, title="Du lịch Mộc Châu", category="du-lich")
    page = client_vi.get("/vi/search/", {"q": "du lich"}).content.decode()
    assert "field=du-lich" in page
    assert "type=news.NewsPage" in page


def test_each_portal_searches_its_own_pages_or_the_whole_province(client, news_index):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu huyện")
    root = Page.get_first_root_node()
    commune = root.add_child(instance=HomePage(title="Xã Chiềng Sơn", slug="chieng-son", locale=Locale.get_default()))
    Site.objects.create(hostname="chiengson.example", port=80, root_page=commune)
    commune_news = factories.NewsIndexPageFactory(parent=commune)
    factories.NewsPageFactory(parent=commune_news, title="Mộc Châu xã")

    def found(**params):
        items = client.get(SEARCH_URL, {"q": "moc chau", **params}, HTTP_HOST="chiengson.example").json()["items"]
        return sorted(item["title"] for item in items)

    assert found() == ["Mộc Châu xã"]
    assert found(portal="all") == ["Mộc Châu huyện", "Mộc Châu xã"]


@pytest.mark.parametrize("q", ["'", "a & b | !c", "(((", "x:*", "\\", "ʼʼʼʼ", "🙂🙂", "1" * 150, "ubnd " * 30])
def test_hostile_queries_never_error(client, client_vi, news_index, q):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu")
    assert client.get(SEARCH_URL, {"q": q}).status_code in (200, 400)
    assert client_vi.get("/vi/search/", {"q": q}).status_code == 200


def test_api_answers_with_a_new_synonym_at_once_despite_its_response_cache(client, news_index):
    factories.NewsPageFactory(parent=news_index, title="Ban quản lý dự án thông báo")
    assert client.get(SEARCH_URL, {"q": "bqlda"}).json()["items"] == []
    SearchSynonym.objects.create(term="BQLDA", expansions="Ban quản lý dự án")
    items = client.get(SEARCH_URL, {"q": "bqlda"}).json()["items"]
    assert [item["title"] for item in items] == ["Ban quản lý dự án thông báo"]


def test_judged_set_also_runs_through_wagtails_own_search_backend(demo_content):
    from search.management.commands.evaluate_search import wagtail_backend_titles

    # The database backend here; OpenSearch when WAGTAILSEARCH_URL is set.
    assert judged.DECISION_1234 in wagtail_backend_titles("quyết định dân chủ", Locale.get_default())


def test_words_of_an_index_write_that_is_rolled_back_are_never_suggested(news_index):
    from search import lexicon

    lexicon.vocabulary()  # this process's copy, current
    with pytest.raises(RuntimeError), transaction.atomic():
        factories.NewsPageFactory(parent=news_index, title="Quyhoachxyz bị hủy")
        raise RuntimeError("the publication is aborted")
    assert "quyhoachxyz" not in lexicon.vocabulary()
