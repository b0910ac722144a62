"""Keyword and issue-date search inside the directive register: typed with or without tone marks, a number in
part, dates as dd/mm/yyyy; hostile input never an error; drafts never found."""

import datetime

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def directive(index, title, number, issued, summary="Trích yếu văn bản.", publish=True):
    page = factories.DirectivePageFactory.build(
        title=title, number=number, issue_date=issued, effective_date=issued, summary=summary, live=False
    )
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


@pytest.fixture
def register(directive_index):
    directive(
        directive_index,
        "Quyết định phê duyệt dự toán ngân sách năm 2024",
        "1234/QĐ-UBND",
        datetime.date(2024, 1, 15),
        summary="Giao dự toán thu, chi ngân sách cho các xã.",
    )
    directive(
        directive_index,
        "Chỉ thị về phòng, chống thiên tai",
        "05/CT-UBND",
        datetime.date(2024, 5, 20),
        summary="Tăng cường công tác phòng chống lũ quét, sạt lở đất.",
    )
    directive(directive_index, "Kế hoạch tổ chức lễ hội hoa mận", "87/KH-UBND", datetime.date(2023, 12, 28))
    return directive_index


def titles(client, index, params) -> list[str]:
    response = client.get(index.url, params)
    assert response.status_code == 200
    return sorted(page.title for page in response.context["directives"])


FINANCE = "Quyết định phê duyệt dự toán ngân sách năm 2024"
DISASTER = "Chỉ thị về phòng, chống thiên tai"
FESTIVAL = "Kế hoạch tổ chức lễ hội hoa mận"


@pytest.mark.parametrize(
    ("keyword", "found"),
    [
        ("ngân sách", [FINANCE]),
        ("ngan sach", [FINANCE]),  # typed without tone marks
        ("NGAN SACH 2024", [FINANCE]),
        ("lu quet", [DISASTER]),  # a word of the summary only
        ("1234/QĐ", [FINANCE]),  # a number in part
        ("1234 qd", [FINANCE]),
        ("05/CT-UBND", [DISASTER]),
        ("hoa mận", [FESTIVAL]),
        ("ngân sách thiên tai", []),  # every word must be found
        ("không có gì", []),
    ],
)
def test_keyword_finds_title_summary_and_number_with_or_without_marks(client_vi, register, keyword, found):
    assert titles(client_vi, register, {"q": keyword}) == found


def test_issue_date_range_typed_day_first(client_vi, register):
    assert titles(client_vi, register, {"issued_from": "01/01/2024"}) == sorted([FINANCE, DISASTER])
    assert titles(client_vi, register, {"issued_to": "31/12/2023"}) == [FESTIVAL]
    assert titles(client_vi, register, {"issued_from": "1/1/2024", "issued_to": "2024-03-01"}) == [FINANCE]
    html = client_vi.get(register.url, {"issued_from": "1/1/2024"}).content.decode()
    assert 'value="01/01/2024"' in html  # the box shows the date read, day first


def test_filters_combine(client_vi, register):
    assert titles(client_vi, register, {"q": "chi thi", "issued_from": "01/01/2024"}) == [DISASTER]
    assert titles(client_vi, register, {"q": "chi thi", "issued_to": "01/01/2024"}) == []
    assert titles(client_vi, register, {"q": "chi thi", "document_type": "cong-van"}) == []
    assert titles(client_vi, register, {"q": "phe duyet", "year": "2024"}) == [FINANCE]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\x00"},
        {"q": "%"},
        {"q": "_"},
        {"q": "' OR 1=1 --"},
        {"q": "x" * 5000},
        {"q": "<script>alert(1)</script>"},
        {"issued_from": "31/02/2024"},
        {"issued_to": "\x00"},  # nothing printable: no date asked
        {"issued_from": "99/99/9999", "issued_to": "x" * 500},
    ],
)
def test_hostile_input_is_never_an_error(client_vi, register, params):
    response = client_vi.get(register.url, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    if any(value.isprintable() for key, value in params.items() if key.startswith("issued_")):
        assert "Bộ lọc bị bỏ qua" in html  # the one filter parser (news.filters) names what it ignored


def test_a_symbol_only_keyword_finds_nothing_rather_than_everything(client_vi, register):
    assert titles(client_vi, register, {"q": "%"}) == []


def test_drafts_are_not_found(client_vi, register):
    directive(register, "Quyết định chưa duyệt về ngân sách", "9/QĐ-UBND", datetime.date(2024, 2, 1), publish=False)
    assert titles(client_vi, register, {"q": "ngan sach"}) == [FINANCE]


def test_keyword_search_stays_within_the_register_query_budget(client_vi, register, django_assert_max_num_queries):
    url = f"{register.url}?q=ngan+sach&issued_from=01/01/2024"
    client_vi.get(url)
    with django_assert_max_num_queries(16):
        assert client_vi.get(url).status_code == 200
