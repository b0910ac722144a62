"""Administrative procedures (Decree 42): the register with filters, the record with its link to the national
public-service portal, the API, and the CSV import in the national database's export layout."""

import csv
import io
import time

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data

from cms.procedures.importer import COLUMNS, export_procedures, import_procedures
from cms.procedures.models import ProcedureIndexPage, ProcedurePage
from home.models import HomePage
from tests import factories

pytestmark = pytest.mark.django_db

ROW = {
    "code": "2.000635",
    "title": "Cấp bản sao trích lục hộ tịch",
    "field": "Hộ tịch",
    "level": "DVC trực tuyến toàn trình",
    "processing_time": "Trong ngày",
    "fees": "8.000 đồng/bản",
    "agency": "Phòng Tư pháp huyện",
    "documents": "Tờ khai\nGiấy tờ tùy thân",
}


def csv_text(rows, header=None, delimiter=",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header or COLUMNS.values())
    for row in rows:
        writer.writerow([row.get(name, "") for name in COLUMNS] if isinstance(row, dict) else row)
    return out.getvalue()


def generated(count: int) -> list[dict]:
    fields = ["Hộ tịch", "Đất đai", "Xây dựng", "Văn hóa", "Nông nghiệp"]
    levels = ["Toàn trình", "Một phần", "Trực tiếp"]
    return [
        {
            "code": f"1.{number:06d}",
            "title": f"Thủ tục số {number} về {fields[number % 5].lower()}",
            "field": fields[number % 5],
            "level": levels[number % 3],
            "processing_time": f"{number % 20 + 1} ngày làm việc",
            "fees": "Không" if number % 2 else "50.000 đồng",
            "agency": "UBND huyện Mộc Châu",
            "documents": "Đơn đề nghị\nBản sao giấy tờ tùy thân",
        }
        for number in range(1, count + 1)
    ]


@pytest.fixture
def register(home):
    index = ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh", intro="Thủ tục của huyện.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def procedures(register):
    rows = [
        ROW,
        {**ROW, "code": "2.000720", "title": "Đăng ký thành lập hộ kinh doanh", "field": "Hộ kinh doanh"},
        {**ROW, "code": "1.009994", "title": "Cấp giấy phép xây dựng", "field": "Xây dựng", "level": "Một phần"},
    ]
    report = import_procedures(register, csv_text(rows))
    assert (report.created, report.errors) == (3, [])
    return register


def test_citizen_reads_a_procedure_with_its_documents_and_the_national_portal_link(client, procedures):
    page = ProcedurePage.objects.get(code="2.000635")
    html = client.get(page.url).content.decode()
    assert "<dd>Phòng Tư pháp huyện</dd>" in html and "<dd>Trực tuyến toàn trình</dd>" in html
    assert "<ol><li>Tờ khai</li><li>Giấy tờ tùy thân</li></ol>" in html
    assert (
        'href="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=2.000635"' in html
    )


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ({}, ["Cấp bản sao trích lục hộ tịch", "Đăng ký thành lập hộ kinh doanh", "Cấp giấy phép xây dựng"]),
        ({"level": "mot-phan"}, ["Cấp giấy phép xây dựng"]),
        ({"field": "Hộ tịch"}, ["Cấp bản sao trích lục hộ tịch"]),
        ({"q": "2.0007"}, ["Đăng ký thành lập hộ kinh doanh"]),
        ({"q": "giấy phép"}, ["Cấp giấy phép xây dựng"]),
    ],
)
def test_register_filters_by_field_level_and_keyword(client, procedures, query, titles):
    html = client.get("/vi/thu-tuc-hanh-chinh/", query).content.decode()
    shown = [title for title in ROW_TITLES if f">{title}</a>" in html]
    assert sorted(shown) == sorted(titles)
    assert '<option value="Hộ tịch"' in html  # the field facet


ROW_TITLES = ["Cấp bản sao trích lục hộ tịch", "Đăng ký thành lập hộ kinh doanh", "Cấp giấy phép xây dựng"]


@pytest.mark.parametrize(
    "query",
    [
        {"level": "bogus"},
        {"field": "\x00\x01"},
        {"q": "\x00" * 500},
        {"page": "-1"},
        {"page": "99999"},
        {"page": "abc", "level": ["a", "b"]},
    ],
)
def test_bad_filters_give_a_friendly_page_never_an_error(client, procedures, query):
    response = client.get("/vi/thu-tuc-hanh-chinh/", query)
    assert response.status_code == 200
    if query.get("level") == "bogus":
        assert "Bộ lọc bị bỏ qua" in response.content.decode()


def test_unpublished_and_restricted_procedures_stay_private(client, procedures):
    draft = ProcedurePage.objects.get(code="1.009994")
    draft.unpublish()
    html = client.get("/vi/thu-tuc-hanh-chinh/").content.decode()
    assert "Cấp giấy phép xây dựng" not in html
    listing = client.get("/api/v2/pages/", {"type": "procedures.ProcedurePage"}).json()
    assert "1.009994" not in [item["code"] for item in listing["items"]]
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_api_gives_procedures_with_level_and_link_and_openapi_types_them(client, procedures):
    listing = client.get("/api/v2/pages/", {"type": "procedures.ProcedurePage"}).json()
    first = listing["items"][0]
    assert {"code", "field", "level", "agency", "national_portal_url"} <= first.keys()
    detail = client.get(f"/api/v2/pages/{ProcedurePage.objects.get(code='2.000635').pk}/").json()
    assert detail["level"] == {"code": "toan-trinh", "label": "Trực tuyến toàn trình"}
    assert detail["national_portal_url"].endswith("ma_thu_tuc=2.000635")
    assert detail["documents"] == "Tờ khai\nGiấy tờ tùy thân"
    schema = client.get("/api/v2/schema/").json()["components"]["schemas"]["procedures_ProcedurePage"]
    assert schema["properties"]["national_portal_url"] == {"type": "string", "format": "uri"}
    assert schema["properties"]["level"] == {"$ref": "#/components/schemas/Choice"}


def test_citizen_finds_a_procedure_by_its_code_in_the_search(client, procedures):
    body = client.get("/api/v2/search/", {"q": "2.000720"}).json()
    assert body["items"][0]["title"] == "Đăng ký thành lập hộ kinh doanh"
    assert body["items"][0]["type"] == "procedures.ProcedurePage"


def test_register_stays_within_its_query_budget(client, register, django_assert_max_num_queries):
    import_procedures(register, csv_text(generated(60)))
    url = "/vi/thu-tuc-hanh-chinh/?level=toan-trinh&page=2"
    client.get(url)
    with django_assert_max_num_queries(13):  # the directive register (16) less its facets
        assert client.get(url).status_code == 200


def test_import_reports_bad_rows_and_imports_the_rest(register):
    rows = [
        ROW,
        {**ROW, "code": ""},
        {**ROW, "code": "ABC"},
        {**ROW, "code": "1.000002", "level": "Mức 5"},
        {**ROW, "code": "1.000003", "title": ""},
        {**ROW, "code": "1.000004", "title": "x" * 300},
        {**ROW, "code": "1.000005", "agency": "Sở\x00"},
        ROW,
        ["1.000006", "Thiếu cột"],
    ]
    report = import_procedures(register, csv_text(rows))
    assert report.created == 1
    assert [row for row, _reason in report.errors] == [3, 4, 5, 6, 7, 8, 9, 10]
    reasons = dict(report.errors)
    assert "'Mã thủ tục' is empty" in reasons[3]
    assert "1.004227" in reasons[4]
    assert "unknown level 'Mức 5'" in reasons[5]
    assert "appears twice" in reasons[9]


def test_import_reads_semicolons_a_bom_and_headers_in_another_order(register, tmp_path):
    header = ["STT", "Cơ quan thực hiện", "Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "MỨC ĐỘ", "Phí, lệ phí"]
    row = ["1", "UBND huyện", "1.001766", "Đăng ký khai sinh", "Hộ tịch", "Một phần", "Miễn"]
    path = tmp_path / "tthc.csv"
    path.write_text("\ufeff" + csv_text([row], header=header, delimiter=";"), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_procedures", str(path), stdout=out, stderr=err)
    assert "1 created" in out.getvalue() and err.getvalue() == ""
    page = ProcedurePage.objects.get(code="1.001766")
    assert (page.level, page.fees, page.live) == ("mot-phan", "Miễn", True)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00bad", "not UTF-8"),
        ("Mã thủ tục,Tên thủ tục\n1.000001,X\n".encode(), "missing columns: Lĩnh vực, Mức độ, Cơ quan thực hiện"),
        (b"", "the file is empty"),
    ],
)
def test_an_unusable_file_is_a_clear_error_not_a_crash(register, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_procedures", str(path), stdout=io.StringIO())
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_procedures", str(tmp_path / "missing.csv"), stdout=io.StringIO())


def test_draft_import_waits_for_approval(client, register, tmp_path):
    path = tmp_path / "tthc.csv"
    path.write_text(csv_text([ROW]), encoding="utf-8")
    call_command("import_procedures", str(path), "--draft", stdout=io.StringIO())
    page = ProcedurePage.objects.get(code=ROW["code"])
    assert not page.live and page.latest_revision is not None
    assert client.get("/vi/thu-tuc-hanh-chinh/").content.decode().count("2.000635") == 0


# 1,000 rows take minutes (each procedure is a page: created, revised, published and indexed for search, about
# 160 queries); the normal suite runs the same round trip with 60 rows.
@pytest.mark.parametrize("count", [60, pytest.param(1000, marks=pytest.mark.slow)])
def test_procedures_round_trip_through_the_csv(register, tmp_path, count):
    source = csv_text(generated(count))
    path = tmp_path / "tthc.csv"
    path.write_text(source, encoding="utf-8")
    started = time.perf_counter()
    out = io.StringIO()
    call_command("import_procedures", str(path), stdout=out)
    print(f"imported {count} procedures in {time.perf_counter() - started:.1f} s")  # the figure quoted in the note
    assert f"{count} created, 0 updated, 0 unchanged, 0 rows skipped" in out.getvalue()
    assert ProcedurePage.objects.live().child_of(register).count() == count
    exported = tmp_path / "export.csv"
    call_command("import_procedures", str(exported), "--export", stdout=io.StringIO())
    expected = sorted(csv.reader(io.StringIO(source)))
    assert sorted(csv.reader(io.StringIO(exported.read_text(encoding="utf-8")))) == expected
    # Importing the same file again changes nothing; a changed row updates its procedure only.
    assert import_procedures(register, source).unchanged == count
    changed = source.replace("Thủ tục số 7 về", "Thủ tục số bảy về")
    report = import_procedures(register, changed)
    assert (report.created, report.updated, report.unchanged) == (0, 1, count - 1)
    assert export_procedures(register).count("Thủ tục số bảy về") == 1


class ProcedureRulesTests(WagtailPageTestCase):
    def test_procedures_live_in_their_register(self):
        self.assertAllowedParentPageTypes(ProcedurePage, {ProcedureIndexPage})
        self.assertCanCreateAt(HomePage, ProcedureIndexPage)
        self.assertCanNotCreateAt(Page, ProcedureIndexPage)

    def test_editor_adds_a_procedure_and_a_bad_code_is_a_form_error(self):
        self.login()
        index = ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh")
        factories.home_page().add_child(instance=index)
        data = {
            "title": "Đăng ký kết hôn",
            "slug": "dang-ky-ket-hon",
            "code": "1.000894",
            "field": "Hộ tịch",
            "level": "mot-phan",
            "processing_time": "Ngay trong ngày",
            "fees": "Miễn",
            "agency": "UBND xã",
            "documents": "Tờ khai đăng ký kết hôn",
        }
        self.assertCanCreate(index, ProcedurePage, nested_form_data(data))
        response = self.client.post(
            f"/admin/pages/add/procedures/procedurepage/{index.pk}/",
            nested_form_data({**data, "slug": "khac", "code": "ABC"}),
        )
        assert response.status_code == 200
        assert "Mã thủ tục có dạng 1.004227" in response.content.decode()
