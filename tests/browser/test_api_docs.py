"""A front-end developer opens the API docs (Swagger UI) and the strict public CSP does not blank them."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_developer_reads_the_api_docs_without_csp_violations(desktop_page):
    page = desktop_page
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.goto("/api/v2/docs/")
    expect(page.locator(".opblock").first).to_be_visible()
    expect(page.get_by_text("/api/v2/pages/", exact=True).first).to_be_visible()
    assert violations == []
