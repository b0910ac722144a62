"""An external site on another origin reads an article from /api/v2/ through CORS and renders it."""

import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, SEED_ARTICLE, new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SEED_SLUG = "moc-chau-so-ket-viec-thuc-hien-dan-chu-o-co-so-6-thang-dau-nam"

# The whole external site: one page whose script asks the portal's API for the seed article.
PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Trang ngoài</title></head>
<body>
<main><h1 id="title">Đang tải…</h1><div id="body"></div><p id="status" role="status"></p></main>
<script>
  const api = "{api}/api/v2/pages/?type=news.NewsPage&slug={slug}&fields=body";
  fetch(api)
    .then((response) => response.json())
    .then((data) => {{
      const article = data.items[0];
      document.getElementById("title").textContent = article.title;
      const body = document.getElementById("body");
      for (const block of article.body) {{
        if (block.type === "paragraph") {{
          const paragraph = document.createElement("div");
          paragraph.className = "paragraph";
          paragraph.innerHTML = block.value;  // rich text as the API serves it
          body.appendChild(paragraph);
        }}
      }}
      document.getElementById("status").textContent = "ok";
    }})
    .catch((error) => {{
      document.getElementById("title").textContent = "Không tải được bài viết";
      document.getElementById("status").textContent = "error: " + error.name;
    }});
</script>
</body></html>
"""


class _Handler(BaseHTTPRequestHandler):
    def __init__(self, html: bytes, *args, **kwargs):
        self.html = html
        super().__init__(*args, **kwargs)

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.html)))
        self.end_headers()
        self.wfile.write(self.html)

    def log_message(self, *args):
        pass  # keep the test output clean


@pytest.fixture
def external_sites(moc_chau):
    """Two static sites on other 127.0.0.1 ports, serving the same page; yields their origins. The page reads the
    API of the demo's Mộc Châu portal, whose article the seed article is (tests/demo_hosts.py)."""
    html = PAGE.format(api=moc_chau, slug=SEED_SLUG).encode()
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, html)) for _ in range(2)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield [f"http://127.0.0.1:{server.server_address[1]}" for server in servers]
    for server in servers:
        server.shutdown()
        server.server_close()


def test_external_site_shows_an_article_from_the_api_only_when_its_origin_is_allowed(
    browser, portal, external_sites, settings, screenshots
):
    allowed, other = external_sites
    settings.CORS_ALLOWED_ORIGINS = [allowed]
    context = new_context(browser, portal, DESKTOP)
    page = context.new_page()
    messages = []
    page.on("console", lambda message: messages.append(message.text))

    page.goto(f"{allowed}/")
    expect(page.get_by_role("status")).to_have_text("ok")
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_ARTICLE)
    expect(page.locator("#body .paragraph").first).not_to_be_empty()
    screenshots(page, "allowed-origin")

    # The same page on an origin the portal does not list: the browser withholds the answer.
    page.goto(f"{other}/")
    expect(page.get_by_role("status")).to_have_text("error: TypeError")
    expect(page.get_by_role("heading", level=1)).to_have_text("Không tải được bài viết")
    assert any("CORS" in message for message in messages), messages
    screenshots(page, "other-origin")
    context.close()
