"""axe-core on the public pages a citizen meets: no serious or critical violations."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, SEED_ARTICLE, new_context, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# (portal, path): the province's home, and the Mộc Châu portal's pages (the seed article, its search).
PAGES = {
    "province-home": ("province", "/vi/"),
    "home": ("moc_chau", "/vi/"),
    "news-article": ("moc_chau", "/vi/tin-tuc/moc-chau-so-ket-viec-thuc-hien-dan-chu-o-co-so-6-thang-dau-nam/"),
    "directive-index": ("moc_chau", "/vi/chi-dao-dieu-hanh/"),
    "search": ("moc_chau", "/vi/search/?q=M%E1%BB%99c+Ch%C3%A2u"),
    "home-en": ("moc_chau", "/en/"),
}
BLOCKING = ("serious", "critical")


def test_public_pages_have_no_serious_accessibility_violations(browser, portal, moc_chau):
    found = {}
    bases = {"province": portal, "moc_chau": moc_chau}
    for size_name, size in (("phone", PHONE), ("desktop", DESKTOP)):
        # The public CSP forbids inline scripts; the test injects axe-core as one, so it bypasses CSP.
        context = new_context(browser, moc_chau, size, bypass_csp=True)
        page = context.new_page()
        for name, (base, path) in PAGES.items():
            response = page.goto(bases[base] + path)
            assert response.ok, f"{path} answered {response.status}"
            if name == "news-article":
                assert page.get_by_role("heading", level=1).inner_text() == SEED_ARTICLE
            found[f"{name}-{size_name}"] = run_axe(page, f"{name}-{size_name}")
        context.close()
    print("axe violations by impact:", found)
    blocking = {page: {k: v for k, v in impacts.items() if k in BLOCKING} for page, impacts in found.items()}
    assert not any(blocking.values()), f"serious or critical axe violations (see test-artifacts/axe/): {blocking}"
