"""NukeViet article HTML (CKEditor output) -> the portal's StreamField body, block by block.

Paragraphs, lists and links become rich text; headings, images, simple tables, quotes and YouTube frames
their own blocks; links to old articles, documents and uploaded files point at the imported pages and
documents. Whatever cannot be mapped faithfully (merged table cells, frames from other sites, images on
other hosts or missing) is kept as a ``raw_html`` block, which is sanitised when shown and flagged for
an editor to review. Scripts and styles are dropped.
"""

import re
import uuid
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlparse

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from cms.nukeviet.files import uploads_path

HEADING_LEVELS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
BOLD = {"b", "strong"}
ITALIC = {"i", "em", "cite", "dfn"}
DROPPED = {"script", "style", "noscript", "meta", "link", "title", "head", "base"}
CONTAINERS = {"div", "section", "article", "center", "main", "header", "footer", "body", "html", "aside", "nav"}
UNMAPPABLE = {"object", "embed", "video", "audio", "form", "input", "select", "textarea", "button", "svg", "canvas"}
YOUTUBE = re.compile(r"(?:youtube(?:-nocookie)?\.com/(?:embed/|watch\?v=)|youtu\.be/)([A-Za-z0-9_-]{6,20})")
CAPTION_MAX = 500


def block(kind: str, value) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


@dataclass
class Mapped:
    blocks: list = field(default_factory=list)
    pending_links: bool = False  # a link to an item not imported yet: map again at the end of the run
    raw_kept: int = 0


class HtmlMapper:
    """Maps one body at a time. ``links(href)`` answers ``("page"|"document", id)``, ``("pending", None)`` or
    None for an outside link; ``media`` is a ``MediaImporter``; ``report`` collects what was kept raw."""

    def __init__(self, links, media, report):
        self.links, self.media, self.report = links, media, report

    def map(self, html: str, where: str) -> Mapped:
        self.where = where
        self.result = Mapped()
        self.inline: list[str] = []
        soup = BeautifulSoup(html or "", "html.parser")
        self.walk(soup.contents)
        self.flush()
        self.attach_captions()
        return self.result

    # Block level -------------------------------------------------------------------------------------------

    def walk(self, nodes):
        for node in list(nodes):
            if isinstance(node, Comment):
                continue
            if isinstance(node, NavigableString):
                if str(node).strip():
                    self.inline.append(escape(str(node)))
                continue
            if not isinstance(node, Tag):
                continue
            name = node.name.lower()
            if name in DROPPED:
                self.report.warn(f"{self.where}: <{name}> removed")
            elif name in CONTAINERS:
                self.walk(node.contents)
            elif name in HEADING_LEVELS:
                self.heading(node, HEADING_LEVELS[name])
            elif name == "p":
                self.paragraph(node)
            elif name in ("ul", "ol"):
                self.flush()
                html = self.rich_list(node)
                if html:
                    self.emit("paragraph", html)
            elif name == "blockquote":
                self.quote(node)
            elif name == "table":
                self.table(node)
            elif name == "figure":
                self.figure(node)
            elif name == "img":
                self.image(node)
            elif name == "iframe":
                self.frame(node)
            elif name == "hr":
                self.flush()
                self.emit("paragraph", "<hr/>")
            elif name == "br":
                self.flush()
            elif name in UNMAPPABLE or name in ("pre", "dl"):
                self.raw(node, f"<{name}> has no matching block")
            elif node.find(["img", "iframe", "table", *HEADING_LEVELS, "p", "ul", "ol"]):
                self.walk(node.contents)  # an inline wrapper (span, font, a…) around block content
            else:
                self.inline.append(self.rich_inline(node))

    def emit(self, kind: str, value):
        self.result.blocks.append(block(kind, value))

    def flush(self):
        """Loose inline content collected so far becomes one paragraph."""
        html = "".join(self.inline).strip()
        self.inline = []
        if re.sub(r"<br/>|\s|&nbsp;|\xa0", "", html):
            self.emit("paragraph", f"<p>{html}</p>")

    def heading(self, node: Tag, level: str):
        if node.find(["img", "table", "iframe"]):
            self.paragraph(node)
            return
        self.flush()
        text = " ".join(node.get_text(" ").split())
        if text:
            self.emit("heading", {"text": text[:255], "level": level})

    def paragraph(self, node: Tag):
        """A paragraph, split around the images it holds (CKEditor puts images inside <p>)."""
        self.flush()
        if not node.find(["img", "iframe", "table"]):
            html = self.rich_inline_children(node).strip()
            if re.sub(r"<br/>|\s|&nbsp;|\xa0", "", html):
                self.emit("paragraph", f"<p>{html}</p>")
            return
        for child in list(node.contents):
            if isinstance(child, Tag) and (child.name in ("img", "iframe", "table") or child.find(["img", "iframe"])):
                self.walk([child])
            elif isinstance(child, Tag):
                self.inline.append(self.rich_inline(child))
            elif isinstance(child, NavigableString) and not isinstance(child, Comment):
                self.inline.append(escape(str(child)))
        self.flush()

    def quote(self, node: Tag):
        self.flush()
        text = "\n".join(line.strip() for line in node.get_text("\n").splitlines() if line.strip())
        if text:
            self.emit("quote", {"text": text, "attribution": ""})

    def figure(self, node: Tag):
        img = node.find("img")
        if img is None:
            self.walk(node.contents)
            return
        caption = node.find("figcaption")
        self.image(img, caption=" ".join(caption.get_text(" ").split()) if caption else "")

    def image(self, node: Tag, caption: str = ""):
        self.flush()
        src = node.get("src") or ""
        relative = uploads_path(src)
        if relative is None:
            self.raw(node, f"image not on this site: {src[:120]}")
            return
        alt = " ".join((node.get("alt") or "").split())
        image_id = self.media.image(relative, alt or relative.rsplit("/", 1)[-1], self.where)
        if image_id is None:
            self.raw(node, f"image file missing: {relative}")
            return
        self.emit("image", {"image": image_id, "alt_text": alt[:255], "caption": caption[:CAPTION_MAX], "credit": ""})

    def frame(self, node: Tag):
        self.flush()
        match = YOUTUBE.search(node.get("src") or "")
        if match:
            self.emit("embed", f"https://www.youtube.com/watch?v={match.group(1)}")
        else:
            self.raw(node, f"embedded frame: {(node.get('src') or '')[:120]}")

    def table(self, node: Tag):
        self.flush()
        if node.find("table"):
            self.raw(node, "nested tables")
            return
        images = node.find_all("img")
        if images:
            # CKEditor's image-with-caption layout: a one-image table whose other cells hold the caption.
            if len(images) == 1:
                caption_text = " ".join(node.get_text(" ").split())
                self.image(images[0], caption=caption_text)
            else:
                self.raw(node, "table holding several images")
            return
        if node.find(attrs={"colspan": re.compile(r"^\s*([2-9]|\d\d+)")}) or node.find(
            attrs={"rowspan": re.compile(r"^\s*([2-9]|\d\d+)")}
        ):
            self.raw(node, "table with merged cells")
            return
        rows = []
        header = bool(node.find("thead"))
        for index, row in enumerate(node.find_all("tr")):
            cells = row.find_all(["td", "th"])
            if index == 0 and cells and all(cell.name == "th" for cell in cells):
                header = True
            rows.append([" ".join(cell.get_text(" ").split()) for cell in cells])
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        if node.find("a"):
            self.report.warn(f"{self.where}: links inside a table kept as text")
        width = max(len(row) for row in rows)
        data = [row + [""] * (width - len(row)) for row in rows]
        caption = node.find("caption")
        self.emit(
            "table",
            {
                "data": data,
                "first_row_is_table_header": header,
                "first_col_is_header": False,
                "table_caption": " ".join(caption.get_text(" ").split()) if caption else "",
            },
        )

    def raw(self, node: Tag, reason: str):
        self.flush()
        self.emit("raw_html", {"html": str(node), "reason": reason})
        self.result.raw_kept += 1
        self.report.kept_raw(self.where, reason)

    def attach_captions(self):
        """An image followed by a short, wholly italic paragraph: that paragraph is its caption."""
        blocks = self.result.blocks
        kept = []
        for index, item in enumerate(blocks):
            previous = kept[-1] if kept else None
            if (
                item["type"] == "paragraph"
                and previous is not None
                and previous["type"] == "image"
                and not previous["value"]["caption"]
                and index > 0
                and blocks[index - 1] is previous
            ):
                match = re.fullmatch(rf"<p><i>([^<]{{1,{CAPTION_MAX}}})</i></p>", item["value"].strip())
                if match:
                    previous["value"]["caption"] = " ".join(match.group(1).split())
                    continue
            kept.append(item)
        self.result.blocks = kept

    # Inline (rich text) ------------------------------------------------------------------------------------

    def rich_inline_children(self, node: Tag) -> str:
        return "".join(self.rich_inline(child) for child in node.contents)

    def rich_inline(self, node) -> str:
        if isinstance(node, Comment):
            return ""
        if isinstance(node, NavigableString):
            return escape(str(node))
        if not isinstance(node, Tag):
            return ""
        name = node.name.lower()
        if name in DROPPED:
            self.report.warn(f"{self.where}: <{name}> removed")
            return ""
        if name == "br":
            return "<br/>"
        inner = self.rich_inline_children(node)
        if name in BOLD:
            return f"<b>{inner}</b>" if inner.strip() else inner
        if name in ITALIC:
            return f"<i>{inner}</i>" if inner.strip() else inner
        if name == "a":
            return self.link(node, inner)
        if name in ("ul", "ol"):
            return self.rich_list(node)
        if name in ("p", "div", "li"):
            return f" {inner} "
        return inner

    def rich_list(self, node: Tag) -> str:
        items = []
        for item in node.find_all("li", recursive=False):
            nested = "".join(self.rich_list(sub) for sub in item.find_all(["ul", "ol"], recursive=False))
            for sub in item.find_all(["ul", "ol"], recursive=False):
                sub.extract()
            text = self.rich_inline_children(item).strip()
            if text or nested:
                items.append(f"<li>{text}{nested}</li>")
        return f"<{node.name}>{''.join(items)}</{node.name}>" if items else ""

    def link(self, node: Tag, inner: str) -> str:
        href = (node.get("href") or "").strip()
        if not inner.strip():
            return inner
        target = self.links(href) if href else None
        if target is not None:
            kind, target_id = target
            if kind == "pending":
                self.result.pending_links = True
                return f'<a href="{escape(href)}">{inner}</a>'
            return f'<a linktype="{kind}" id="{target_id}">{inner}</a>'
        scheme = urlparse(href).scheme.lower()
        if scheme in ("http", "https", "mailto", "tel"):
            return f'<a href="{escape(href)}">{inner}</a>'
        return inner  # javascript:, in-page anchors and unknown relative links keep their text only
