"""Rich text as a JSON tree (``?rich_text=tree`` in the API): blocks and inline marks instead of HTML.

Read from the stored (database) HTML, not from the expanded HTML, so links keep their page and document ids.
The shape (the OpenAPI ``RichTextTree`` component, ``cms.api.openapi``) is a list of nodes, each with ``type``:

- blocks: ``paragraph``, ``heading`` (``level`` 1-6), ``list`` (``ordered``; children ``list_item``),
  ``list_item``, ``blockquote``, each with ``children``; ``horizontal_rule``; ``image`` (``image``: the API's
  Image object, ``alt``, ``format``); ``embed`` (``url``).
- inline: ``text`` (``text``: plain text, never HTML; ``marks``: ``bold``, ``italic``, ``code``,
  ``superscript``, ``subscript``, ``strikethrough``, ``underline``), ``line_break``, and ``link`` (``link``:
  ``kind`` page, document or external; ``id`` and ``api_url`` for pages and documents; ``url``; ``page_type``
  for pages; and ``children``).

Only what the public may see comes out, as in the HTML (``cms.core.rich_text``): a link to a hidden page or
to a document in a restricted collection, or to a URL of another scheme than http(s), mailto or tel (no
``javascript:``), is left out and its text kept; an image in a restricted collection is left out; scripts,
styles, frames and every other tag outside the allowlist bring at most their text, never markup or attributes.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.urls import NoReverseMatch, reverse

from cms.core.public_urls import absolute
from cms.core.representations import active_options, image_representation, rich_text_html
from cms.core.store import active_store
from cms.core.text import is_number

BLOCKS = {"p": "paragraph", "ul": "list", "ol": "list", "li": "list_item", "blockquote": "blockquote"}
HEADINGS = {f"h{level}": level for level in range(1, 7)}
MARKS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "code": "code",
    "sup": "superscript",
    "sub": "subscript",
    "s": "strikethrough",
    "del": "strikethrough",
    "strike": "strikethrough",
    "u": "underline",
}
# Their content is not text a reader should see: dropped whole.
DROPPED = {"script", "style", "iframe", "object", "template", "noscript", "svg", "math", "head", "title", "textarea"}
VOID = {"br", "hr", "img", "embed", "wbr", "input", "meta", "link", "source", "area", "col", "param", "base"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def _api_url(endpoint: str, pk: int) -> str | None:
    try:
        return absolute(reverse(f"wagtailapi:{endpoint}:detail", args=[pk]))
    except NoReverseMatch:
        return None


class _Resolver:
    """Links and images of one rich text value, looked up together (from the request's store when active)."""

    def __init__(self, source: str):
        self.pages, self.documents, self.images = {}, {}, {}
        collector = _Collector()
        collector.feed(source)
        collector.close()
        if collector.pages:
            self._resolve_pages(collector.pages)
        if collector.documents:
            self._resolve_documents(collector.documents)
        if collector.images:
            self._resolve_images(collector.images)

    def _resolve_pages(self, ids):
        from cms.core import visibility
        from cms.core.rich_text import PublicPageLinkHandler

        for pk, page in zip(ids, PublicPageLinkHandler.get_many([{"id": pk} for pk in ids]), strict=True):
            if page is not None and active_store() is None:
                # The reader's language, as the HTML outside the API; in the API (a store is active) the page
                # the editor chose, as the API's HTML links (cms.api.prefetch): no query per link
                page = visibility.visible_link(page.localized) or page
            if page is not None and page.url:
                specific_class = page.specific_class
                self.pages[pk] = {
                    "kind": "page",
                    "id": page.pk,
                    "url": absolute(page.url),
                    "api_url": _api_url("pages", page.pk),
                    "page_type": specific_class._meta.label if specific_class else None,
                }

    def _resolve_documents(self, ids):
        from cms.core.rich_text import PublicDocumentLinkHandler

        for pk, document in zip(ids, PublicDocumentLinkHandler.get_many([{"id": pk} for pk in ids]), strict=True):
            if document is not None:
                self.documents[pk] = {
                    "kind": "document",
                    "id": document.pk,
                    "url": absolute(document.url),
                    "api_url": _api_url("documents", document.pk),
                }

    def _resolve_images(self, ids):
        from wagtail.images import get_image_model

        from cms.core import visibility

        model = get_image_model()
        found = {image.pk: image for image in visibility.visible_media(model).filter(pk__in=[int(i) for i in ids])}
        for pk in ids:
            representation = image_representation(found.get(int(pk)))
            if representation is not None:
                self.images[pk] = representation

    def link(self, attrs: dict) -> dict | None:
        linktype = attrs.get("linktype")
        if linktype == "page":
            return self.pages.get(attrs.get("id"))
        if linktype == "document":
            return self.documents.get(attrs.get("id"))
        if linktype is not None:
            return None
        href = (attrs.get("href") or "").strip()
        scheme = urlsplit(href).scheme.lower() if href else ""
        if scheme in SAFE_SCHEMES:
            return {"kind": "external", "url": href}
        return None  # javascript:, data:, a relative or empty href: the text stays, the link does not


def _digits(value) -> str | None:
    return value if isinstance(value, str) and is_number(value) else None


class _Collector(HTMLParser):
    """The ids of the pages, documents and images a value refers to, in order, each once."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pages, self.documents, self.images = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        pk = _digits(attrs.get("id"))
        if pk is None:
            return
        if tag == "a" and attrs.get("linktype") == "page" and pk not in self.pages:
            self.pages.append(pk)
        elif tag == "a" and attrs.get("linktype") == "document" and pk not in self.documents:
            self.documents.append(pk)
        elif tag == "embed" and attrs.get("embedtype") == "image" and pk not in self.images:
            self.images.append(pk)


class _Builder(HTMLParser):
    def __init__(self, resolver: _Resolver):
        super().__init__(convert_charrefs=True)
        self.resolver = resolver
        self.root = {"children": []}
        self.stack = [("", self.root)]  # (tag that opened it, node); "" for the root
        self.marks: list[tuple[str, str]] = []  # (tag, mark)
        self.dropping = 0  # inside script, style, ...: nothing is kept

    # --- where content goes ---
    def _container(self, inline: bool) -> list:
        node = self.stack[-1][1]
        if inline and node is self.root:  # text outside any block: an implicit paragraph
            paragraph = {"type": "paragraph", "children": []}
            self.root["children"].append(paragraph)
            self.stack.append(("#implicit", paragraph))
            return paragraph["children"]
        return node["children"]

    def _close_implicit(self):
        if self.stack[-1][0] == "#implicit":
            self.stack.pop()

    def _open(self, tag, node, inline=False):
        if not inline:
            self._close_implicit()
        self._container(inline).append(node)
        self.stack.append((tag, node))

    # --- parser events ---
    def handle_starttag(self, tag, attrs):
        if tag in DROPPED:
            self.dropping += 1
            return
        if self.dropping:
            return
        attrs = dict(attrs)
        if tag in BLOCKS:
            node = {"type": BLOCKS[tag], "children": []}
            if tag in ("ul", "ol"):
                node["ordered"] = tag == "ol"
            self._open(tag, node)
        elif tag in HEADINGS:
            self._open(tag, {"type": "heading", "level": HEADINGS[tag], "children": []})
        elif tag in MARKS:
            self.marks.append((tag, MARKS[tag]))
        elif tag == "a":
            link = self.resolver.link(attrs)
            if link is not None:
                self._open("a", {"type": "link", "link": link, "children": []}, inline=True)
        elif tag == "br":
            self._container(inline=True).append({"type": "line_break"})
        elif tag == "hr":
            self._close_implicit()
            self._container(inline=False).append({"type": "horizontal_rule"})
        elif tag == "embed":
            self._embed(attrs)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def _embed(self, attrs):
        if attrs.get("embedtype") == "image":
            image = self.resolver.images.get(_digits(attrs.get("id")))
            if image is not None:
                self._close_implicit()
                self._container(inline=False).append(
                    {
                        "type": "image",
                        "image": image,
                        "alt": attrs.get("alt") or image["alt"],
                        "format": attrs.get("format") or "",
                    }
                )
        elif attrs.get("embedtype") == "media":
            url = (attrs.get("url") or "").strip()
            if urlsplit(url).scheme.lower() in ("http", "https"):
                self._close_implicit()
                self._container(inline=False).append({"type": "embed", "url": url})

    def handle_endtag(self, tag):
        if tag in DROPPED:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping:
            return
        if tag in MARKS:
            for index in range(len(self.marks) - 1, -1, -1):
                if self.marks[index][0] == tag:
                    del self.marks[index]
                    break
            return
        opened = [entry[0] for entry in self.stack]
        if tag in opened[1:]:
            while self.stack[-1][0] != tag:
                self.stack.pop()
            self.stack.pop()

    def handle_data(self, data):
        if self.dropping or not data:
            return
        if not data.strip() and self._at_block_level():
            return  # the whitespace between blocks in hand-written HTML
        children = self._container(inline=True)
        marks = sorted({mark for _tag, mark in self.marks})
        last = children[-1] if children else None
        if last is not None and last["type"] == "text" and last["marks"] == marks:
            last["text"] += data
        else:
            children.append({"type": "text", "text": data, "marks": marks})

    def _at_block_level(self) -> bool:
        node = self.stack[-1][1]
        return node is self.root or node.get("type") == "list"


def rich_text_tree(source: str) -> list[dict]:
    """The stored rich text ``source`` as a list of nodes (see the module's docstring)."""
    if not source:
        return []
    builder = _Builder(_Resolver(source))
    builder.feed(source)
    builder.close()
    return builder.root["children"]


def rich_text_representation(source: str) -> str | list:
    """Rich text as the response asks (``cms.core.representations.Options``): HTML by default, or the tree."""
    if active_options().rich_text == "tree":
        return rich_text_tree(source or "")
    return rich_text_html(source)
