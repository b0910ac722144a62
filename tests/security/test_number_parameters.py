"""Numbers read from query strings and URLs are ASCII digits (``cms.core.text.is_number``).

``str.isdigit`` also accepts "²", which ``int`` refuses (each of these answered 500 before), and "١٢", which
``int`` reads as 12: both are refused like letters, with the reader's usual answer.
"""

import pytest

from cms.disclosures.models import DisclosureIndexPage
from tests.participation_helpers import question_index

pytestmark = pytest.mark.django_db

NOT_ASCII_DIGITS = ["²", "١٢"]


def test_disclosure_register_ignores_a_year_in_other_digits(client, home):
    index = DisclosureIndexPage(title="Công khai thông tin", slug="cong-khai")
    home.add_child(instance=index)
    index.save_revision().publish()
    for value in NOT_ASCII_DIGITS:
        assert client.get(index.url, {"year": value}).status_code == 200, value


def test_a_confirmation_link_with_other_digits_is_refused(client, home):
    index = question_index(home)
    for value in NOT_ASCII_DIGITS:
        assert client.get(f"{index.url}xac-nhan/1x{value}xabc/").status_code == 400, value


def test_the_search_page_names_other_digits_as_an_ignored_filter(client, home):
    for name in ("year", "portal"):
        for value in NOT_ASCII_DIGITS:
            response = client.get("/vi/search/", {"q": "tin", name: value})
            assert response.status_code == 200, (name, value)
            assert "form-error" in response.content.decode() or "bị bỏ qua" in response.content.decode()


def test_the_search_api_refuses_other_digits(client, home):
    for name in ("year", "portal", "limit", "offset"):
        for value in NOT_ASCII_DIGITS:
            response = client.get("/api/v2/search/", {"q": "tin", name: value})
            assert response.status_code == 400 and response.json()["parameter"] == name, (name, value)


def test_the_api_refuses_other_digits_in_a_year_or_a_site_port(client, directive_index):
    for value in NOT_ASCII_DIGITS:
        response = client.get("/api/v2/pages/", {"type": "news.DirectivePage", "year": value})
        assert response.status_code == 400 and response.json()["parameter"] == "year", value
        assert "invalid literal" not in response.json()["message"]
        # A port that is not a number is left out of the lookup, as "localhost:abc" is.
        assert client.get("/api/v2/pages/", {"site": f"localhost:{value}"}).status_code == 200, value
