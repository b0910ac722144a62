"""Restricted content with unique markers, and helpers asserting that no marker leaves a channel.

Every restricted item carries a marker word (``secret...``) in its title and text. A channel
leaks when a response visible to someone without access contains any marker. The same
``RestrictedContent`` serves the public-site and the /api/v2/ tests.
"""

from dataclasses import dataclass, field

from bs4 import BeautifulSoup


@dataclass
class RestrictedContent:
    """What tests/security/conftest.py builds: public items to find, restricted items never to find."""

    public_pages: list = field(default_factory=list)
    public_documents: list = field(default_factory=list)
    pages: dict = field(default_factory=dict)  # marker -> page that must not leak
    documents: dict = field(default_factory=dict)  # marker -> document in a restricted collection
    images: dict = field(default_factory=dict)  # marker -> image in a restricted collection
    snippets: dict = field(default_factory=dict)  # marker -> banner slide (draft or expired)
    outside_pages: dict = field(default_factory=dict)  # marker -> page outside every role's section

    def visible_on_own_url(self, marker: str, role: str) -> bool:
        """Whether a role may open the item's own URL: login admits any signed-in user, groups approvers."""
        if "login" in marker:
            return role != "anonymous"
        if "groups" in marker:
            return role == "approver"
        return False

    @property
    def markers(self) -> list[str]:
        """Every marker that must never appear in a public response."""
        return sorted({*self.pages, *self.documents, *self.images, *self.snippets, *self.outside_pages})


def leaked_markers(text: str, markers) -> list[str]:
    """The markers found in a response body (case-insensitive)."""
    lowered = text.lower()
    return [marker for marker in markers if marker.lower() in lowered]


def assert_no_leak(response, markers, channel: str = "") -> None:
    body = response.content.decode(errors="replace") if hasattr(response, "content") else str(response)
    found = leaked_markers(body, markers)
    assert not found, f"{channel or response.request.get('PATH_INFO')} leaked {found}"


def html_tree(response_or_text) -> BeautifulSoup:
    """Parse HTML as a browser would (html5lib), so broken markup is judged the way it renders."""
    text = getattr(response_or_text, "content", response_or_text)
    if isinstance(text, bytes):
        text = text.decode()
    return BeautifulSoup(text, "html5lib")
