"""Public disclosures ("công khai", Decree 42): one record type with category, year and files; a register with
filters; hidden records and files never shown."""

import datetime

import pytest
from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail.test.utils import WagtailPageTestCase

from cms.disclosures.models import DisclosureFile, DisclosureIndexPage, DisclosurePage
from home.models import HomePage
from tests import factories

pytestmark = pytest.mark.django_db


def disclosure(index, title, category, year, document=None, publish=True):
    page = DisclosurePage(
        title=title,
        slug=f"cong-khai-{DisclosurePage.objects.count()}",
        category=category,
        year=year,
        date=datetime.date(year, 6, 1),
        summary=f"Tóm tắt: {title}.",
        live=publish,
    )
    page.files = [DisclosureFile(document=document or factories.DocumentFactory())]
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


@pytest.fixture
def register(home):
    index = DisclosureIndexPage(title="Công khai thông tin", slug="cong-khai")
    home.add_child(instance=index)
    index.save_revision().publish()
    disclosure(index, "Dự toán ngân sách năm 2024", "ngan-sach", 2024)
    disclosure(index, "Quyết toán ngân sách năm 2023", "ngan-sach", 2023)
    disclosure(index, "Kế hoạch lựa chọn nhà thầu đường tiểu khu 4", "dau-thau", 2024)
    return index


TITLES = ["Dự toán ngân sách năm 2024", "Quyết toán ngân sách năm 2023", "Kế hoạch lựa chọn nhà thầu đường tiểu khu 4"]


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({}, TITLES),
        ({"category": "ngan-sach"}, TITLES[:2]),
        ({"year": "2024"}, [TITLES[0], TITLES[2]]),
        ({"category": "dau-thau", "year": "2023"}, []),
    ],
)
def test_register_filters_by_category_and_year(client, register, query, shown):
    html = client.get("/vi/cong-khai/", query).content.decode()
    assert [title for title in TITLES if f">{title}</a>" in html] == shown
    assert '<option value="2023"' in html


@pytest.mark.parametrize("query", [{"category": "x"}, {"year": "20x4"}, {"year": "99999"}, {"page": "\x00"}])
def test_bad_filters_are_named_not_an_error(client, register, query):
    response = client.get("/vi/cong-khai/", query)
    assert response.status_code == 200
    if "page" not in query:
        assert "Bộ lọc bị bỏ qua" in response.content.decode()


def test_record_shows_its_files_but_not_one_from_a_restricted_collection(client, register):
    private = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    page = disclosure(
        register, "Hồ sơ mời thầu", "dau-thau", 2024, document=factories.DocumentFactory(collection=private)
    )
    public = DisclosurePage.objects.get(title=TITLES[0])
    assert public.files.first().document.url in client.get(public.url).content.decode()
    html = client.get(page.url).content.decode()
    assert "Tệp công khai" not in html
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["files"] == []


def test_drafts_stay_out_of_the_register_and_the_api(client, register):
    draft = disclosure(register, "Báo cáo chưa duyệt", "ngan-sach", 2024, publish=False)
    assert "Báo cáo chưa duyệt" not in client.get("/vi/cong-khai/").content.decode()
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_api_types_the_category_and_files(client, register):
    listing = client.get("/api/v2/pages/", {"type": "disclosures.DisclosurePage"}).json()
    assert listing["items"][0]["category"]["code"] in {"ngan-sach", "dau-thau"}
    detail = client.get(f"/api/v2/pages/{listing['items'][0]['id']}/").json()
    assert detail["files"][0]["url"].startswith("http://testserver/documents/")  # every API URL is absolute
    schema = client.get("/api/v2/schema/").json()["components"]["schemas"]["disclosures_DisclosurePage"]
    assert schema["properties"]["files"]["type"] == "array"


def test_register_stays_within_its_query_budget(client, register, django_assert_max_num_queries):
    for number in range(25):
        disclosure(register, f"Thông báo mời thầu số {number}", "dau-thau", 2024)
    url = "/vi/cong-khai/?category=dau-thau&page=2"
    client.get(url)
    with django_assert_max_num_queries(13):
        assert client.get(url).status_code == 200


class DisclosureRulesTests(WagtailPageTestCase):
    def test_disclosures_live_in_their_register(self):
        self.assertAllowedParentPageTypes(DisclosurePage, {DisclosureIndexPage})
        self.assertCanCreateAt(HomePage, DisclosureIndexPage)
        self.assertCanNotCreateAt(Page, DisclosureIndexPage)
