"""The web links and FAQ modules of a NukeViet site: the portal's web links page and its questions and answers.

- ``weblinks`` (``<prefix>_<lang>_weblinks_rows`` and ``_cat``) -> the links of the portal's ``WebLinkPage`` (the
  one under the home page, made if there is none). The portal groups links in the fixed categories of Decree
  42/2022 (``WebLinkCategory``); each NukeViet category goes to the group its name says (a category named
  after nothing known goes to "Liên kết khác", reported). One mapping row per link, so a re-run updates the
  link it made and leaves the links editors added alone; the page is saved and published once per run, and
  not at all when no row changed.
- ``faq`` (``<prefix>_<lang>_faq`` and ``_categories``) -> a ``QuestionAnswerPage`` per question under the
  portal's "Hỏi đáp" page, published when the question and its category are active and the category is
  public (``groups_view`` empty or with 5 or 6, guests or everyone), else a draft. The category gives the
  field (lĩnh vực).

Both go through the importer's rules: Wagtail revisions, the edited-in-the-portal check, the report, redirects
from the old module and category addresses, deferred search indexing.
"""

from html import escape

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from cms.core.text import slugify_vi
from cms.nukeviet.rows import choice_for, fingerprint, restricted, used
from cms.participation.models import QuestionAnswerPage, QuestionIndexPage
from cms.participation.vocabulary import QuestionField, QuestionKind
from cms.weblinks.models import WebLink, WebLinkCategory, WebLinkPage
from search.deferred import deferred_indexing

WEBLINKS_PAGE = {
    "title": "Liên kết website",
    "slug": "lien-ket-website",
    "intro": "Cổng thông tin điện tử của các cơ quan nhà nước (chuyển từ NukeViet).",
}
FAQ_INDEX = {"title": "Hỏi đáp", "slug": "hoi-dap", "intro": "Câu hỏi thường gặp và trả lời (chuyển từ NukeViet)."}
# Words of a category's ASCII slug -> the portal's group; the first group with a matching word wins.
WEBLINK_GROUPS = [
    (WebLinkCategory.NATIONAL, ("quoc-gia", "chinh-phu", "quoc-hoi")),
    (WebLinkCategory.CENTRAL, ("trung-uong", "bo")),
    (WebLinkCategory.LOCAL, ("huyen", "xa", "phuong", "thi-tran", "thi-xa", "quan", "thanh-pho", "dia-phuong")),
    (WebLinkCategory.PROVINCE, ("tinh", "so")),
]
TEXT_BLOCKS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")
http_url = URLValidator(schemes=["http", "https"])


def weblink_group(title: str) -> str | None:
    slug = f"-{slugify_vi(title or '')}-"
    for group, words in WEBLINK_GROUPS:
        if any(f"-{word}-" in slug for word in words):
            return group
    return None


def web_address(url: str) -> str | None:
    """An http(s) address as the portal stores it; NukeViet also kept addresses without a scheme."""
    url = (url or "").strip()
    if url and "://" not in url and not url.lower().startswith(("javascript:", "mailto:", "data:")):
        url = f"http://{url}"
    try:
        http_url(url)
    except ValidationError:
        return None
    return url if len(url) <= 500 else None


def text_with_lines(html: str) -> str:
    """Plain text, one line per paragraph, list item or line break (a question is shown with its line breaks)."""
    soup = BeautifulSoup(html or "", "html.parser")
    for node in soup.find_all("br"):
        node.replace_with("\n")
    for node in soup.find_all(TEXT_BLOCKS):
        node.append("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return "\n".join(line for line in lines if line)


# Web links --------------------------------------------------------------------------------------------------


class WebLinks:
    kind = "weblink"

    def __init__(self, importer, module: str):
        self.imp, self.module = importer, module
        source = importer.source
        self.table = source.table(module, "rows")
        self.page_key = f"{source.prefix}_{source.lang}_{module}"

    def run(self):
        imp, source = self.imp, self.imp.source
        cats = source.all(f"SELECT * FROM `{source.table(self.module, 'cat')}` ORDER BY weight, catid")  # noqa: S608 - names checked by Source.table
        self.cats = {cat["catid"]: cat for cat in cats}
        self.groups = {catid: self.group_of(cat) for catid, cat in self.cats.items()}
        place = {catid: n for n, catid in enumerate(self.cats)}
        where, params = imp.since_condition("edit_time", "add_time")
        sql = f"SELECT * FROM `{self.table}`" + (f" WHERE {where}" if where else "")  # noqa: S608 - checked names
        # The links of a portal are a few hundred at most: read whole, in NukeViet's order (category, then id).
        rows = sorted(source.all(sql, params), key=lambda row: (place.get(row["catid"], len(place)), row["id"]))
        known = imp.mappings(self.table, [row["id"] for row in rows])
        changed = []
        for row in rows:
            digest = self.digest(row)
            item = known.get(str(row["id"]))
            if item is not None and item.fingerprint == digest:
                imp.report.count(self.kind, "unchanged")
            else:
                changed.append((row, item, digest))
        if changed:
            with transaction.atomic(), deferred_indexing():
                self.update(changed)

    def group_of(self, cat: dict) -> str:
        seen, current = set(), cat
        while current is not None and current["catid"] not in seen:
            seen.add(current["catid"])
            group = weblink_group(current["title"]) or weblink_group(current["alias"])
            if group:
                return group
            current = self.cats.get(current["parentid"])
        self.imp.report.warn(
            f"{self.imp.source.table(self.module, 'cat')}#{cat['catid']} '{cat['title']}' matches no group of "
            f"web links: its links are listed under '{WebLinkCategory.OTHER.label}'"
        )
        return WebLinkCategory.OTHER

    def digest(self, row: dict) -> str:
        return fingerprint(used("weblink", row), self.groups.get(row["catid"], WebLinkCategory.OTHER))

    def page(self):
        """(the portal's links page or None, its mapping, whether to leave it alone)."""
        imp = self.imp
        page_known = imp.mappings("weblinks-page", [self.page_key]).get(self.page_key)
        page = WebLinkPage.objects.filter(pk=page_known.object_id).first() if page_known else None
        if page_known is not None and page is None:
            imp.report.warn(f"{self.table}: the web links page was deleted in the portal since import; not re-created")
            return None, page_known, True
        if page is None:
            # The portal's own list (one per home page): the imported links join the editors' links.
            page = WebLinkPage.objects.child_of(imp.home).first()
        edited = page is not None and (
            imp.edited_since_import(page, page_known) if page_known else page.has_unpublished_changes
        )
        if edited:
            imp.report.warn(f"{self.table}: the web links page has changes in the portal since import; not updated")
        return page, page_known, edited

    def update(self, changed: list):
        imp = self.imp
        page, page_known, keep = self.page()
        if keep:
            imp.report.count(self.kind, "kept (edited in the portal)", len(changed))
            return
        created = page is None
        if created:
            page = WebLinkPage(**WEBLINKS_PAGE, show_in_menus=True, locale=imp.locale)
        else:
            page = page.get_latest_revision_as_object()
        links = list(page.links.all())
        by_pk = {link.pk: link for link in links if link.pk}
        next_order = max((link.sort_order or 0 for link in links), default=-1) + 1
        made, outcomes = [], []  # (row, item, digest, link or None for "not listed")
        for row, item, digest in changed:
            where = f"{self.table}#{row['id']}"
            listed = item is not None and item.extra.get("listed", True)
            link = by_pk.get(item.object_id) if listed else None
            if listed and link is None:
                imp.report.count(self.kind, "kept (deleted in the portal)")
                imp.report.warn(f"{where}: deleted in the portal since import; not re-created")
                continue
            url = web_address(row["url"])
            if row["status"] != 1 or url is None:
                if url is None:
                    imp.report.warn(f"{where}: not a web address, not listed: {(row['url'] or '')[:120]}")
                if link is not None:
                    links.remove(link)
                outcomes.append("removed" if link is not None else "not listed")
                made.append((row, item, digest, None))
                continue
            if link is None:
                link = WebLink(locale=page.locale, sort_order=next_order, show_in_footer=False)
                next_order += 1
                links.append(link)
                outcomes.append("created")
            else:
                outcomes.append("updated")
            link.title = (row["title"] or "").strip()[:255] or url[:255]
            link.url = url
            link.category = self.groups.get(row["catid"], WebLinkCategory.OTHER)
            made.append((row, item, digest, link))
        if imp.dry_run:
            for outcome in outcomes:
                imp.report.count(self.kind, outcome)
            return
        if not made:
            return
        page.links = links
        publish = created or page.live
        if not publish:
            page.save()  # a page an editor took offline: its row holds the draft, as Wagtail's editor does
        page = imp.save_page(imp.home, page, publish=publish, known=page_known)
        saved = {link.sort_order: link for link in WebLink.objects.filter(page=page)}
        for (row, item, digest, link), outcome in zip(made, outcomes, strict=True):
            if link is None:
                imp.remember(self.table, row["id"], page, digest, item, extra={"listed": False})
            else:
                imp.remember(self.table, row["id"], saved[link.sort_order], digest, item, extra={"listed": True})
            imp.report.count(self.kind, outcome)
        imp.remember("weblinks-page", self.page_key, page, fingerprint(WEBLINKS_PAGE), page_known)
        if created:
            imp.report.count("weblinkpage", "created")
        paths = imp.addresses.module_paths(self.module)
        for cat in self.cats.values():
            paths += imp.addresses.section_paths(self.module, cat["alias"])
        for row, _item, _digest, link in made:
            cat = self.cats.get(row["catid"])
            if link is not None and cat and row["alias"]:
                paths += imp.addresses.item_paths(self.module, f"{cat['alias']}/{row['alias']}-{row['id']}")
        imp.add_redirects(page, paths)
        imp.write_redirects()


# FAQ --------------------------------------------------------------------------------------------------------


class Faq:
    kind = "faq"

    def __init__(self, importer, module: str):
        self.imp, self.module = importer, module
        source = importer.source
        self.table = source.table(module)
        self.cats_table = source.table(module, "categories")
        self.index: QuestionIndexPage | None = None

    def run(self):
        imp, source = self.imp, self.imp.source
        cats = source.all(f"SELECT * FROM `{self.cats_table}` ORDER BY parentid, weight, id")  # noqa: S608 - names checked by Source.table
        self.cats = {cat["id"]: cat for cat in cats}
        self.fields = {cat_id: self.field_of(cat) for cat_id, cat in self.cats.items()}
        self.index = self.question_index()
        if self.index is not None and not imp.dry_run:
            paths = imp.addresses.module_paths(self.module)
            for cat in self.cats.values():
                if self.public(cat):
                    paths += imp.addresses.section_paths(self.module, cat["alias"])
            imp.add_redirects(self.index, paths)
            imp.write_redirects()
        # NukeViet's FAQ keeps no edit time: --since sees the questions added since the date.
        for rows in imp.batched(self.table, "id", ["addtime"], "faq"):
            imp.each_row(self.kind, rows, "id", self.table, self.digest, self.item)

    def question_index(self) -> QuestionIndexPage | None:
        """The portal's "Hỏi đáp" page (the questions citizens send are answered there too), made if missing."""
        imp = self.imp
        existing = QuestionIndexPage.objects.child_of(imp.home).order_by("path").first()
        if existing is not None:
            return existing
        return imp.ensure_index(
            QuestionIndexPage,
            "faq-index",
            f"{imp.source.prefix}_{imp.source.lang}_{self.module}",
            fingerprint(FAQ_INDEX),
            FAQ_INDEX["title"],
            FAQ_INDEX["slug"],
            FAQ_INDEX["intro"],
            show_in_menus=True,
        )

    def chain(self, cat: dict | None) -> list[dict]:
        result, seen = [], set()
        while cat is not None and cat["id"] not in seen:
            seen.add(cat["id"])
            result.append(cat)
            cat = self.cats.get(cat["parentid"])
        return result

    def public(self, cat: dict | None) -> bool:
        """Every category up the tree active and readable by a visitor who is not signed in."""
        chain = self.chain(cat)
        return bool(chain) and all(item["status"] == 1 and not restricted(item["groups_view"]) for item in chain)

    def field_of(self, cat: dict) -> str:
        for item in self.chain(cat):
            value = choice_for(item["title"], QuestionField) or choice_for(item["alias"], QuestionField)
            if value:
                return value
        self.imp.report.warn(
            f"{self.cats_table}#{cat['id']} '{cat['title']}' has no matching field: its questions are filed "
            f"under '{QuestionField.OTHER.label}'"
        )
        return QuestionField.OTHER

    def digest(self, row: dict) -> str:
        chain = self.chain(self.cats.get(row["catid"]))
        cats = [(cat["title"], cat["alias"], cat["status"], cat["groups_view"]) for cat in chain]
        return fingerprint(used("faq", row), cats)

    def item(self, row: dict, known, digest: str):
        imp = self.imp
        where = f"{self.table}#{row['id']}"
        page, kept = imp.page_to_update(QuestionAnswerPage, self.kind, known, where)
        if kept:
            return
        mapped = imp.mapper.map(row["answer"] or "", where)
        answer = self.rich_text(mapped.blocks, where)
        outcome = "updated" if page else "created"
        cat = self.cats.get(row["catid"])
        public = self.public(cat)
        if row["status"] == 1 and not public:
            imp.report.warn(f"{where}: its category is hidden or not public in NukeViet; imported as a draft")
        if imp.dry_run:
            imp.report.count(self.kind, outcome)
            return
        question = text_with_lines(row["question"])
        page = page or QuestionAnswerPage(locale=imp.locale)
        page.title = (row["title"] or "").strip()[:255] or question[:255] or f"Câu hỏi {row['id']}"
        if outcome == "created":
            page.slug = f"{slugify_vi(row['alias'] or page.title)[:200]}-{row['id']}".lstrip("-")
        page.kind = QuestionKind.QUESTION
        page.field = self.fields.get(row["catid"], QuestionField.OTHER)
        asked = imp.local_time(row["addtime"]) if row["addtime"] else None
        page.asked_on = asked.date() if asked else timezone.localdate()
        page.first_published_at = asked
        page.question = question or page.title
        page.answer = answer
        page = imp.save_page(self.index, page, publish=row["status"] == 1 and public, known=known)
        if mapped.pending_links:
            imp.report.warn(f"{where}: links to articles or documents that are not in NukeViet kept as they were")
        imp.remember(self.table, row["id"], page, digest, known)
        imp.report.count(self.kind, outcome)

    def rich_text(self, blocks: list[dict], where: str) -> str:
        """The answer's blocks as the answer field's rich text (paragraphs, lists, links, documents); a heading
        becomes a bold paragraph, what rich text cannot hold (tables, images, frames) its text, reported."""
        parts = []
        for item in blocks:
            kind, value = item["type"], item["value"]
            if kind == "paragraph":
                parts.append(value)
            elif kind == "heading":
                parts.append(f"<p><b>{escape(value['text'])}</b></p>")
            elif kind == "quote":
                parts.append(f"<p>{escape(value.get('text') or '')}</p>")
            elif kind == "document":
                parts.append(f'<p><a linktype="document" id="{value["document"]}">Tệp đính kèm</a></p>')
            else:
                text = self.text_of(kind, value)
                self.imp.report.warn(f"{where}: a {kind} in the answer kept as plain text for an editor to review")
                parts += [f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip()]
        return "".join(parts)

    def text_of(self, kind: str, value) -> str:
        if kind == "table":
            return "\n".join(" | ".join(str(cell) for cell in line) for line in value.get("data", []))
        if kind == "raw_html":
            return text_with_lines(value.get("html", ""))
        if kind == "image":
            return value.get("alt_text") or ""
        return str(value) if isinstance(value, str) else ""
