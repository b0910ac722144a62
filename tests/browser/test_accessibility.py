"""axe-core on the public pages a citizen meets: no serious or critical violations."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, SEED_ARTICLE, new_context, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGES = {
    "home": "/vi/",
    "news-article": "/vi/tin-tuc/moc-chau-so-ket-viec-thuc-hien-dan-chu-o-co-so-6-thang-dau-nam/",
    "directive-index": "/vi/chi-dao-dieu-hanh/",
    "search": "/vi/search/?q=M%E1%BB%99c+Ch%C3%A2u",
    "home-en": "/en/",
}
BLOCKING = ("serious", "critical")


def test_public_pages_have_no_serious_accessibility_violations(browser, portal):
    found = {}
    for size_name, size in (("phone", PHONE), ("desktop", DESKTOP)):
        # The public CSP forbids inline scripts; the test injects axe-core as one, so it bypasses CSP.
        context = new_context(browser, portal, size, bypass_csp=True)
        page = context.new_page()
        for name, path in PAGES.items():
            response = page.goto(path)
            assert response.ok, f"{path} answered {response.status}"
            if name == "news-article":
                assert page.get_by_role("heading", level=1).inner_text() == SEED_ARTICLE
            found[f"{name}-{size_name}"] = run_axe(page, f"{name}-{size_name}")
        context.close()
    print("axe violations by impact:", found)
    blocking = {page: {k: v for k, v in impacts.items() if k in BLOCKING} for page, impacts in found.items()}
    assert not any(blocking.values()), f"serious or critical axe violations (see test-artifacts/axe/): {blocking}"
