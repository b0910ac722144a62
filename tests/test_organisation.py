"""Organisation (Decree 42): units with functions and contacts, officials inline on their unit, the chart as
a nested list built from the page tree, in the API and in English."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.organisation.models import Official, OrganisationPage, UnitPage
from home.models import HomePage
from news.models import NewsIndexPage
from tests import factories

pytestmark = pytest.mark.django_db


def add_page(parent, page, publish=True):
    page.live = publish
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def unit(parent, title, slug, officials=(), publish=True, **fields) -> UnitPage:
    page = UnitPage(title=title, slug=slug, **fields)
    page.officials = [
        Official(name=name, position=position, locale=parent.locale, sort_order=order)
        for order, (name, position) in enumerate(officials)
    ]
    return add_page(parent, page, publish)


@pytest.fixture
def organisation(home):
    page = add_page(home, OrganisationPage(title="Cơ cấu tổ chức", slug="co-cau-to-chuc", intro="Các đơn vị."))
    unit(
        page,
        "Lãnh đạo UBND huyện",
        "lanh-dao",
        officials=[("Nguyễn Văn An", "Chủ tịch UBND huyện"), ("Hà Thị Minh", "Phó Chủ tịch UBND huyện")],
        phone="0212 3866 168",
        email="ubnd@sonla.gov.vn",
        address="Tiểu khu 4, thị trấn Mộc Châu",
        functions="<p>Lãnh đạo, điều hành công việc của UBND huyện.</p>",
    )
    office = unit(page, "Văn phòng HĐND và UBND", "van-phong", officials=[("Đinh Văn Hùng", "Chánh Văn phòng")])
    unit(office, "Bộ phận Một cửa", "mot-cua")
    return page


def test_citizen_reads_the_chart_as_a_nested_list_of_links(client, organisation):
    html = client.get("/vi/co-cau-to-chuc/").content.decode()
    assert '<section class="org-chart" aria-labelledby="org-chart-title">' in html
    office = html.index('<a href="/vi/co-cau-to-chuc/van-phong/">')
    nested = html.index('<ul class="org-chart__level">', office)
    one_stop = html.index('<a href="/vi/co-cau-to-chuc/van-phong/mot-cua/">Bộ phận Một cửa</a>')
    assert office < nested < one_stop
    assert html.index('href="/vi/co-cau-to-chuc/lanh-dao/"') < office  # editors' order


def test_hidden_units_and_everything_below_them_stay_off_the_chart(client, organisation):
    office = UnitPage.objects.get(slug="van-phong")
    PageViewRestriction.objects.create(page=office, restriction_type=PageViewRestriction.LOGIN)
    unit(organisation, "Phòng nháp", "phong-nhap", publish=False)
    html = client.get("/vi/co-cau-to-chuc/").content.decode()
    assert "Lãnh đạo UBND huyện" in html
    assert "Văn phòng" not in html and "Bộ phận Một cửa" not in html and "Phòng nháp" not in html


def test_unit_page_shows_functions_contacts_and_officials_in_order(client, organisation):
    html = client.get("/vi/co-cau-to-chuc/lanh-dao/").content.decode()
    assert "Lãnh đạo, điều hành công việc của UBND huyện." in html
    assert '<a href="tel:02123866168">0212 3866 168</a>' in html
    assert '<a href="mailto:ubnd@sonla.gov.vn">' in html
    assert html.index("Nguyễn Văn An") < html.index("Hà Thị Minh")
    office = client.get("/vi/co-cau-to-chuc/van-phong/").content.decode()
    assert '<a href="/vi/co-cau-to-chuc/van-phong/mot-cua/">Bộ phận Một cửa</a>' in office


def test_an_officials_photo_from_a_restricted_collection_is_not_shown(client, organisation):
    private = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    photo = factories.ImageFactory(collection=private)
    leader = UnitPage.objects.get(slug="lanh-dao")
    official = leader.officials.get(name="Nguyễn Văn An")
    official.photo = photo
    official.save()
    html = client.get("/vi/co-cau-to-chuc/lanh-dao/").content.decode()
    assert "official__photo" not in html
    detail = client.get(f"/api/v2/pages/{leader.pk}/").json()
    assert detail["officials"][0]["photo"] is None
    public = factories.ImageFactory()
    official.photo = public
    official.save()
    html = client.get("/vi/co-cau-to-chuc/lanh-dao/").content.decode()
    assert "official__photo" in html
    photo = client.get(f"/api/v2/pages/{leader.pk}/").json()["officials"][0]["photo"]
    assert photo["id"] == public.pk and photo["renditions"]


def test_api_gives_units_with_their_officials_and_the_openapi_document_types_them(client, organisation):
    listing = client.get("/api/v2/pages/", {"type": "organisation.UnitPage"}).json()
    assert [item["title"] for item in listing["items"]] == [
        "Lãnh đạo UBND huyện",
        "Văn phòng HĐND và UBND",
        "Bộ phận Một cửa",
    ]
    leader = listing["items"][0]
    assert leader["phone"] == "0212 3866 168"
    detail = client.get(f"/api/v2/pages/{leader['id']}/").json()
    assert [(o["name"], o["position"]) for o in detail["officials"]] == [
        ("Nguyễn Văn An", "Chủ tịch UBND huyện"),
        ("Hà Thị Minh", "Phó Chủ tịch UBND huyện"),
    ]
    assert detail["address"] == "Tiểu khu 4, thị trấn Mộc Châu"
    schemas = client.get("/api/v2/schema/").json()["components"]["schemas"]
    officials = schemas["organisation_UnitPage"]["properties"]["officials"]
    assert officials["type"] == "array"
    assert {"name", "position", "phone", "email", "photo"} <= officials["items"]["properties"].keys()
    assert "organisation_OrganisationPage" in schemas


def test_unpublished_unit_is_not_in_the_api(client, organisation):
    draft = unit(organisation, "Phòng nháp", "phong-nhap", publish=False)
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    titles = [
        item["title"] for item in client.get("/api/v2/pages/", {"type": "organisation.UnitPage"}).json()["items"]
    ]
    assert "Phòng nháp" not in titles


def test_citizen_finds_an_official_by_name_in_the_search(client, organisation):
    body = client.get("/api/v2/search/", {"q": "Dinh Van Hung"}).json()
    assert [item["title"] for item in body["items"]] == ["Văn phòng HĐND và UBND"]


def test_english_unit_translates_the_positions_and_keeps_names_and_contacts(client, locales, organisation):
    factories.translate(factories.home_page(), "en", {"title": "Home", "slug": "home"})
    factories.translate(organisation, "en", {"title": "Organisation", "slug": "organisation", "intro": "Units."})
    leader = UnitPage.objects.get(slug="lanh-dao")
    factories.translate(
        leader,
        "en",
        {
            "title": "Leadership",
            "slug": "leadership",
            "address": "Sub-zone 4, Mộc Châu town",
            "phone": "0212 3866 168",
            "segments": {
                "Chủ tịch UBND huyện": "Chairman",
                "Phó Chủ tịch UBND huyện": "Vice-Chairwoman",
                "Lãnh đạo, điều hành công việc của UBND huyện.": "Leads the committee.",
            },
        },
    )
    html = client.get("/en/organisation/").content.decode()
    assert '<a href="/en/organisation/leadership/">Leadership</a>' in html
    assert "Văn phòng" not in html  # not translated yet: the English chart shows English units only
    html = client.get("/en/organisation/leadership/").content.decode()
    assert "Nguyễn Văn An" in html and "Chairman" in html and "Vice-Chairwoman" in html
    assert "Leads the committee." in html and "ubnd@sonla.gov.vn" in html
    assert "Contact" in html and "Liên hệ" not in html


# Fixed costs: the chart is one query for the whole tree; a unit, one for its officials and one for its sub-units,
# and one for the breadcrumbs' ancestors (the chart, directly below home, needs none).
@pytest.mark.parametrize(("url", "budget"), [("/vi/co-cau-to-chuc/", 14), ("/vi/co-cau-to-chuc/lanh-dao/", 17)])
def test_organisation_pages_stay_within_their_query_budget(
    client, organisation, url, budget, django_assert_max_num_queries
):
    for number in range(8):
        unit(organisation, f"Phòng {number}", f"phong-{number}", officials=[("Cán bộ", "Trưởng phòng")] * 3)
    client.get(url)
    with django_assert_max_num_queries(budget):
        assert client.get(url, {"page": "abc"}).status_code == 200


class OrganisationRulesTests(WagtailPageTestCase):
    def test_units_live_under_the_chart_and_under_each_other(self):
        self.assertAllowedParentPageTypes(UnitPage, {OrganisationPage, UnitPage})
        self.assertCanCreateAt(HomePage, OrganisationPage)
        self.assertCanNotCreateAt(NewsIndexPage, UnitPage)
        self.assertCanNotCreateAt(Page, OrganisationPage)

    def test_editor_creates_a_unit_with_officials_in_the_admin(self):
        self.login()
        home = factories.home_page()
        chart = add_page(home, OrganisationPage(title="Cơ cấu tổ chức", slug="co-cau-to-chuc"))
        self.assertCanCreate(
            chart,
            UnitPage,
            nested_form_data(
                {
                    "title": "Phòng Nội vụ",
                    "slug": "phong-noi-vu",
                    "short_name": "Nội vụ",
                    "functions": rich_text("<p>Tổ chức bộ máy, biên chế.</p>"),
                    "address": "Tiểu khu 4",
                    "phone": "0212 3866 130",
                    "email": "noivu@sonla.gov.vn",
                    "website": "",
                    "officials": inline_formset(
                        [{"name": "Sa Văn Tuấn", "position": "Trưởng phòng", "phone": "", "email": "", "photo": ""}]
                    ),
                }
            ),
        )
        created = UnitPage.objects.get(slug="phong-noi-vu")
        assert [official.name for official in created.officials.all()] == ["Sa Văn Tuấn"]


@pytest.mark.parametrize("requested", [None, "db_html", "html"])
def test_rich_text_fields_in_the_api_link_only_where_the_public_may_go(client, organisation, requested):
    """Wagtail gives rich-text fields as stored (``<a linktype="page" id="…">``, hidden pages included) by
    default and on ``?rich_text_format=db_html``; here they are always rendered with public links."""
    draft = unit(organisation, "Phòng nháp", "phong-nhap", publish=False)
    live = UnitPage.objects.get(slug="mot-cua")
    source = unit(
        organisation,
        "Phòng có liên kết",
        "phong-lien-ket",
        functions=(
            f'<p><a linktype="page" id="{live.pk}">Một cửa</a> và <a linktype="page" id="{draft.pk}">nháp</a></p>'
        ),
    )
    params = {"rich_text_format": requested} if requested else {}
    functions = client.get(f"/api/v2/pages/{source.pk}/", params).json()["functions"]
    assert "linktype" not in functions and f'id="{draft.pk}"' not in functions
    assert f'<a href="{live.url}">Một cửa</a>' in functions and "<a>nháp</a>" in functions
