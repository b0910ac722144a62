"""Imports one language of a NukeViet site: news sections and articles, the laws register, files, old addresses.

Every object made remembers its source table and id (``ImportedObject``) with a digest of what it was made
from, so a re-run skips what did not change, updates what did and adds what is new. Pages go through
Wagtail's normal path: published source items as a published revision, the others as drafts. A page an
editor has changed since the last import is left alone (reported), so later edits keep their approval.
"""

import datetime
import re
import sys
from collections.abc import Iterable
from contextlib import contextmanager
from html import escape

from django.contrib.contenttypes.models import ContentType
from django.db import reset_queries, transaction
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from cms.core.text import slugify_vi
from cms.nukeviet.addresses import Addresses
from cms.nukeviet.directory import Faq, WebLinks
from cms.nukeviet.files import MediaImporter, uploads_path
from cms.nukeviet.html import HtmlMapper, block
from cms.nukeviet.models import ImportedObject
from cms.nukeviet.report import Report
from cms.nukeviet.rows import choice_for, fingerprint, plain_text, restricted, used
from cms.nukeviet.source import Source
from cms.operations.progress import Progress
from cms.pages.models import ContentPage
from cms.participation.models import DraftFile, DraftIndexPage, DraftPage
from news.choices import DocumentField, DocumentType, NewsCategory
from news.models import DirectiveAttachment, DirectiveIndexPage, DirectivePage, NewsIndexPage, NewsPage
from search.deferred import deferred_indexing

LAWS_INDEX = {"title": "Văn bản", "slug": "van-ban", "intro": "Văn bản chỉ đạo, điều hành (chuyển từ NukeViet)."}
DRAFTS_INDEX = {
    "title": "Lấy ý kiến dự thảo",
    "slug": "lay-y-kien-du-thao",
    "intro": "Dự thảo văn bản lấy ý kiến nhân dân (chuyển từ NukeViet).",
}
UNKNOWN = "Chưa xác định"


def without_ids(blocks: list) -> list:
    return [{"type": item["type"], "value": item["value"]} for item in blocks]


class Importer:
    def __init__(
        self,
        source: Source,
        *,
        home: Page,
        site,
        uploads: str | None = None,
        since: datetime.date | None = None,
        dry_run: bool = False,
        addresses: Addresses | None = None,
        news_module: str = "news",
        laws_module: str = "laws",
        page_module: str = "page",
        weblinks_module: str = "weblinks",
        faq_module: str = "faq",
        batch_size: int = 200,
        stdout=None,
        quiet: bool = False,
    ):
        self.source, self.home, self.site = source, home, site
        self.locale = home.locale
        self.since, self.dry_run, self.batch_size = since, dry_run, batch_size
        self.stdout, self.no_progress = stdout or sys.stdout, quiet
        self.report = Report(dry_run=dry_run)
        # Mappings are per portal: each commune's NukeViet site numbers its rows from 1.
        self.imported = ImportedObject.objects.filter(site=site)
        self.media = MediaImporter(uploads, self.report, dry_run=dry_run, site=site)
        self.addresses = addresses or Addresses(lang=source.lang, news_module=news_module, laws_module=laws_module)
        self.news_data, self.laws_data, self.page_data = news_module, laws_module, page_module
        self.mapper = HtmlMapper(self.resolve_link, self.media, self.report)
        self.tables = {
            "news": source.table(news_module, "rows"),
            "laws": source.table(laws_module, "row"),
            "page": source.table(page_module),
            "weblinks": source.table(weblinks_module, "rows"),
            "faq": source.table(faq_module),
        }
        self.weblinks_data, self.faq_data = weblinks_module, faq_module
        self._targets: dict[tuple[str, int], int | None] = {}
        self._drafts_index: DraftIndexPage | None = None
        self._slugs: dict[int, set[str]] = {}  # parent page id -> its children's slugs (unique_slug)
        self._redirects: list[tuple[str, int]] = []  # (old path, page id) waiting for write_redirects()
        self._unredirected: list[int] = []  # pages no longer live: their redirects go
        self.page_type = ContentType.objects.get_for_model(Page)

    # The run -------------------------------------------------------------------------------------------------

    def run(self) -> Report:
        if self.source.has_table(self.tables["news"]):
            self.import_news()
        else:
            self.report.warn(f"no news module: table {self.tables['news']} not found")
        if self.source.has_table(self.tables["laws"]):
            self.import_laws()
        else:
            self.report.warn(f"no laws module: table {self.tables['laws']} not found")
        if self.source.has_table(self.tables["page"]):
            self.import_pages()
        else:
            self.report.warn(f"no page module: table {self.tables['page']} not found")
        if self.source.has_table(self.tables["weblinks"]):
            WebLinks(self, self.weblinks_data).run()
        if self.source.has_table(self.tables["faq"]):
            Faq(self, self.faq_data).run()
        if not self.dry_run:
            self.fix_pending_links()
        return self.report

    def since_condition(self, *columns: str) -> tuple[str, list]:
        if not self.since:
            return "", []
        start = timezone.make_aware(datetime.datetime.combine(self.since, datetime.time.min))
        stamp = int(start.timestamp())
        return " OR ".join(f"`{column}` >= %s" for column in columns), [stamp] * len(columns)

    def batched(self, table: str, key: str, columns: Iterable[str], label: str):
        where, params = self.since_condition(*columns)
        total = self.source.count(table, where, params)
        with Progress(self.stdout, total, label, "rows", quiet=self.no_progress) as progress:
            for rows in self.source.batches(table, key, where, params, size=self.batch_size):
                self._targets.clear()  # link targets are looked up again per batch: memory stays flat
                yield rows
                progress.update(len(rows))
                reset_queries()  # DEBUG settings keep every query; a long run must not

    def mappings(self, table: str, ids: Iterable) -> dict[str, ImportedObject]:
        return {
            item.source_id: item
            for item in self.imported.filter(source_table=table, source_id__in=[str(i) for i in ids])
        }

    def remember(self, table: str, source_id, obj, digest: str, known: ImportedObject | None, **extra):
        if self.dry_run:
            return
        revision_id = getattr(obj, "latest_revision_id", None)
        if known is None:
            ImportedObject.objects.create(
                site=self.site,
                source_table=table,
                source_id=str(source_id),
                content_type=ContentType.objects.get_for_model(obj),
                object_id=obj.pk,
                fingerprint=digest,
                revision_id=revision_id,
                **extra,
            )
        else:
            known.fingerprint, known.revision_id, known.object_id = digest, revision_id, obj.pk
            known.content_type = ContentType.objects.get_for_model(obj)  # a row may change type (changed_type)
            for key, value in extra.items():
                setattr(known, key, value)
            known.save()
        self._targets[(table, int(source_id) if str(source_id).isdigit() else source_id)] = obj.pk

    def page_to_update(self, model, kind: str, known: ImportedObject | None, where: str) -> tuple[Page | None, bool]:
        """The imported page to update (None: a new one), and whether to keep the portal's version instead."""
        if known is not None and known.content_type_id != ContentType.objects.get_for_model(model).pk:
            return self.changed_type(model, kind, known, where)
        page = model.objects.get(pk=known.object_id) if known else None
        if page is not None and self.edited_since_import(page, known):
            self.report.count(kind, "kept (edited in the portal)")
            self.report.warn(f"{where}: changed in NukeViet but also edited in the portal since import; not updated")
            return page, True
        return page, False

    def changed_type(self, model, kind: str, known: ImportedObject, where: str) -> tuple[Page | None, bool]:
        """The row now makes another type of page (a laws row gained or lost its comment period): a new page of
        that type is made and takes over the mapping and the old addresses.

        The former page is the importer's to retire only if no editor has changed it since: a document that
        turns out to be a draft for comment is unpublished (it was never issued); a draft for comment that
        became an issued document stays as the record of its consultation and the comments it received."""
        old = Page.objects.get(pk=known.object_id).specific
        if self.edited_since_import(old, known):
            self.report.count(kind, "kept (edited in the portal)")
            self.report.warn(
                f"{where}: is now a {model._meta.model_name} in NukeViet but the portal's "
                f"{old._meta.model_name} was edited since import; not changed"
            )
            return old, True
        if self.dry_run:
            return None, False
        Redirect.objects.filter(site=self.site, redirect_page=old).delete()
        outcome = "kept for its comments"
        if not isinstance(old, DraftPage) and old.live:
            old.unpublish()
            outcome = "unpublished"
        self.report.count(old._meta.model_name, f"replaced by a {model._meta.model_name} ({outcome})")
        self.report.warn(f"{where}: now a {model._meta.model_name}; the former page #{old.pk} was {outcome}")
        return None, False

    def edited_since_import(self, page: Page, known: ImportedObject) -> bool:
        return bool(known.revision_id and page.latest_revision_id and page.latest_revision_id != known.revision_id)

    # Links ---------------------------------------------------------------------------------------------------

    def target(self, table: str, source_id: int) -> int | None:
        key = (table, source_id)
        if key not in self._targets:
            self._targets[key] = (
                self.imported.filter(source_table=table, source_id=str(source_id))
                .values_list("object_id", flat=True)
                .first()
            )
        return self._targets[key]

    def resolve_link(self, href: str):
        parsed = self.addresses.parse(href)
        if parsed:
            kind, source_id = parsed
            page_id = self.target(self.tables[kind], source_id)
            return ("page", page_id) if page_id else ("pending", None)
        host = re.match(r"^[a-z]+://([^/:]+)", href, re.IGNORECASE)
        if host and host.group(1).lower() not in self.addresses.old_hosts:
            return None
        relative = uploads_path(href) if "/uploads/" in href else None
        if relative:
            document_id = self.media.document(relative, relative.rsplit("/", 1)[-1], self.mapper.where)
            return ("document", document_id) if document_id is not None else None
        return None

    # Pages ---------------------------------------------------------------------------------------------------

    def local_date(self, stamp) -> datetime.date | None:
        return self.local_time(stamp).date() if stamp and int(stamp) > 0 else None

    def local_time(self, stamp) -> datetime.datetime:
        return timezone.localtime(datetime.datetime.fromtimestamp(int(stamp), tz=datetime.UTC))

    def unique_slug(self, parent: Page, wanted: str, page: Page) -> str:
        """A slug free among the parent's children; sibling slugs are read once per parent and run."""
        if page.pk:
            return page.slug  # an update keeps its address
        taken = self._slugs.get(parent.pk)
        if taken is None:
            taken = self._slugs[parent.pk] = set(Page.objects.child_of(parent).values_list("slug", flat=True))
        slug, n = wanted, 1
        while slug in taken:
            n += 1
            slug = f"{wanted}-{n}"
        taken.add(slug)
        return slug

    def save_page(self, parent: Page, page: Page, publish: bool, known: ImportedObject | None) -> Page:
        """Create or update through Wagtail's revisions: published items published, the rest drafts."""
        page.slug = self.unique_slug(parent, page.slug, page)
        created = page.pk is None
        if created:
            page.live = False
            parent.add_child(instance=page)
        # add_child has just validated this very content; an update is validated by save_revision.
        revision = page.save_revision(log_action=not created, clean=not created)
        if publish:
            revision.publish()
            page.refresh_from_db(fields=["live", "expired", "url_path", "latest_revision", "live_revision"])
            if page.expire_at and page.expire_at <= timezone.now() and page.live:
                page.unpublish(set_expired=True)
        elif page.live:
            page.unpublish()
        return page

    def add_redirects(self, page: Page, paths: list[str]):
        """Old addresses of a live page; a page that is not live has none (its new address stays private).

        Queued and written per batch by ``write_redirects`` (two statements for the batch, not two per page).
        """
        if self.dry_run:
            self.report.count("redirect", "planned", len(paths))
        elif page.live:
            self._redirects.extend((path, page.pk) for path in paths)
        else:
            self._unredirected.append(page.pk)

    def write_redirects(self):
        if self._unredirected:
            Redirect.objects.filter(redirect_page_id__in=self._unredirected).delete()
        wanted = dict(self._redirects)
        self._redirects, self._unredirected = [], []
        if not wanted:
            return
        existing = set(
            Redirect.objects.filter(site=self.site, old_path__in=list(wanted)).values_list("old_path", flat=True)
        )
        new = [
            Redirect(old_path=path, site=self.site, redirect_page_id=page_id, is_permanent=True)
            for path, page_id in wanted.items()
            if path not in existing
        ]
        Redirect.objects.bulk_create(new, ignore_conflicts=True)
        self.report.count("redirect", "created", len(new))

    def ensure_index(
        self, model, table: str, source_id, digest: str, title: str, slug: str, intro: str, publish=True, **fields
    ):
        known = self.mappings(table, [source_id]).get(str(source_id))
        page = model.objects.filter(pk=known.object_id).first() if known else None
        kind = model._meta.model_name
        if page is not None and known.fingerprint == digest:
            self.report.count(kind, "unchanged")
            return page
        if self.dry_run:
            self.report.count(kind, "updated" if page else "created")
            return page
        outcome = "updated" if page else "created"
        page = page or model(locale=self.locale, slug=slug[:200] or "muc")
        page.title, page.intro = title[:255], intro
        for key, value in fields.items():
            setattr(page, key, value)
        page = self.save_page(self.home, page, publish=publish, known=known)
        self.remember(table, source_id, page, digest, known)
        self.report.count(kind, outcome)
        return page

    def each_row(self, kind: str, rows: list[dict], key: str, table: str, digest_of, make):
        """``make(row, known, digest)`` builds and saves one page; one failing row is reported, never fatal.

        A row whose ``digest_of(row)`` equals the stored one is skipped before any write (no savepoint)."""
        known_rows = self.mappings(table, [row[key] for row in rows])
        alive = set(
            Page.objects.filter(pk__in=[item.object_id for item in known_rows.values()]).values_list("pk", flat=True)
        )
        with transaction.atomic(), deferred_indexing():
            for row in rows:
                known = known_rows.get(str(row[key]))
                if known is not None and known.object_id not in alive:
                    self.report.count(kind, "kept (deleted in the portal)")
                    self.report.warn(f"{table}#{row[key]}: deleted in the portal since import; not re-created")
                    continue
                digest = digest_of(row)
                if known is not None and known.fingerprint == digest:
                    self.report.count(kind, "unchanged")
                    continue
                try:
                    with transaction.atomic():
                        make(row, known, digest)
                except Exception as error:  # noqa: BLE001 - one bad row must not stop the migration
                    self.report.count(kind, "failed")
                    self.report.warn(f"{table}#{row[key]}: {error.__class__.__name__}: {error}")
            self.write_redirects()

    # News ----------------------------------------------------------------------------------------------------

    def import_news(self):
        source = self.source
        cat_table = source.table(self.news_data, "cat")
        cats = source.all(f"SELECT * FROM `{cat_table}` ORDER BY parentid, weight, catid")  # noqa: S608 - names checked by Source.table
        sources = source.all(f"SELECT sourceid, title FROM `{source.table(self.news_data, 'sources')}`")  # noqa: S608 - names checked by Source.table
        self.news_sources = {row["sourceid"]: row["title"] for row in sources}
        self.tags_table = source.table(self.news_data, "tags")
        self.tags_id_table = source.table(self.news_data, "tags_id")
        self.tag_titles = "title" in source.columns(self.tags_table)
        self.cats = {cat["catid"]: cat for cat in cats}
        self.sections = {}
        for cat in cats:
            members_only = self.members_only(cat)
            if members_only:
                self.report.warn(
                    f"{cat_table}#{cat['catid']}: for members only in NukeViet (groups_view {members_only}); "
                    "the section and its articles are drafts"
                )
            # "members only" in the digest only then: the digests of public categories stay what they were.
            digest = fingerprint(used("cat", cat), *(["members only"] if members_only else []))
            section = self.ensure_index(
                NewsIndexPage,
                cat_table,
                cat["catid"],
                digest,
                cat["title"],
                slugify_vi(cat["alias"] or cat["title"]),
                plain_text(cat["description"] or ""),
                publish=not members_only,
                show_in_menus=cat["parentid"] == 0,
            )
            self.sections[cat["catid"]] = section
            if section is not None and not self.dry_run:
                self.add_redirects(section, self.section_paths(cat))
        self.write_redirects()
        detail_table = source.table(self.news_data, "detail")
        for rows in self.batched(self.tables["news"], "id", ["edittime", "addtime", "publtime"], "news"):
            ids = [row["id"] for row in rows]
            details = {row["id"]: row for row in source.rows_by_ids(detail_table, "id", ids)}
            tags = self.news_tags(ids)
            self.each_row(
                "news",
                rows,
                "id",
                self.tables["news"],
                lambda row, details=details, tags=tags: self.news_digest(
                    row, details.get(row["id"]) or {}, tags.get(row["id"], [])
                ),
                lambda row, known, digest, details=details, tags=tags: self.news_item(
                    row, details.get(row["id"]) or {}, tags.get(row["id"], []), known, digest
                ),
            )

    def members_only(self, cat: dict | None) -> str:
        """The ``groups_view`` that keeps visitors out of ``cat`` or a category above it ("" when public).

        NukeViet checks a category's groups before showing it or any article filed in it.
        """
        seen = set()
        while cat is not None and cat["catid"] not in seen:
            seen.add(cat["catid"])
            if restricted(cat.get("groups_view")):
                return str(cat["groups_view"])
            cat = self.cats.get(cat["parentid"])
        return ""

    def section_paths(self, cat: dict) -> list[str]:
        return self.addresses.section_paths(self.addresses.news_module, cat["alias"])

    def news_tags(self, ids: list[int]) -> dict[int, list[str]]:
        placeholders = ",".join(["%s"] * len(ids))
        title = "t.title" if self.tag_titles else "t.alias"
        sql = (
            f"SELECT i.id, i.keyword, {title} AS title FROM `{self.tags_id_table}` i "  # noqa: S608 - checked names
            f"LEFT JOIN `{self.tags_table}` t ON t.tid = i.tid WHERE i.id IN ({placeholders}) ORDER BY i.id, i.tid"
        )
        rows = self.source.all(sql, ids)
        result: dict[int, list[str]] = {}
        for row in rows:
            name = (row["title"] or row["keyword"] or "").strip()[:100]
            if name and name not in result.setdefault(row["id"], []):
                result[row["id"]].append(name)
        return result

    def category_of(self, cat: dict | None) -> str:
        while cat is not None:
            value = choice_for(cat["title"], NewsCategory) or choice_for(cat["alias"], NewsCategory)
            if value:
                return value
            cat = self.cats.get(cat["parentid"])
        return NewsCategory.OTHER

    def news_digest(self, row: dict, detail: dict, tags: list[str]) -> str:
        cat = self.cats.get(row["catid"])
        source_title = self.news_sources.get(row["sourceid"])
        parts = [used("news", row), used("detail", detail), tags, cat and cat["alias"], source_title]
        if self.members_only(cat):
            parts.append("members only")  # only then: the digests of public articles stay what they were
        return fingerprint(*parts)

    def news_item(self, row: dict, detail: dict, tags: list[str], known: ImportedObject | None, digest: str):
        table = self.tables["news"]
        cat = self.cats.get(row["catid"])
        where = f"{table}#{row['id']}"
        page, kept = self.page_to_update(NewsPage, "news", known, where)
        if kept:
            return
        section = self.sections.get(row["catid"])
        if section is None and not self.dry_run:
            section = self.orphan_section()
        mapped, body = self.news_body(detail, where)
        hero = None
        if row["homeimgfile"] and row["homeimgthumb"] in (1, 2):
            hero = self.media.image(uploads_path(row["homeimgfile"], self.news_data) or "", row["homeimgalt"], where)
        elif row["homeimgfile"] and row["homeimgthumb"] == 3:
            self.report.warn(f"{where}: hero image on another site not copied: {row['homeimgfile'][:120]}")
        outcome = "updated" if page else "created"
        if self.dry_run:
            self.report.count("news", outcome)
            return
        page = page or NewsPage(locale=self.locale)
        page.title = row["title"][:255] or f"Tin {row['id']}"
        if outcome == "created":
            page.slug = f"{slugify_vi(row['alias'] or row['title'])[:200]}-{row['id']}".lstrip("-")
        published = self.local_time(row["publtime"] or row["addtime"])
        page.date = published.date()
        page.first_published_at = published
        page.lead = plain_text(row["hometext"]) or page.title
        page.hero_image_id = hero
        page.hero_caption = (row["homeimgalt"] or "")[:500]
        page.category = self.category_of(cat)
        page.author = ", ".join(filter(None, [row["author"], self.news_sources.get(row["sourceid"])]))[:255]
        page.body = body
        page.go_live_at = published if published > timezone.now() else None
        page.expire_at = self.local_time(row["exptime"]) if row["exptime"] else None
        if tags or page.pk:
            page.tags.set(tags)
        public = row["status"] == 1 and not self.members_only(cat)
        if row["status"] == 1 and not public:
            self.report.warn(f"{where}: in a category for members only in NukeViet; a draft")
        page = self.save_page(section, page, publish=public, known=known)
        self.remember(table, row["id"], page, digest, known, pending_links=mapped.pending_links)
        cat_alias = cat["alias"] if cat else "tin-tuc"
        self.add_redirects(page, self.addresses.news_paths(cat_alias, row["alias"], row["id"]))
        self.report.count("news", outcome)
        self.report.count("tag links", "set", len(tags))

    def news_body(self, detail: dict, where: str):
        mapped = self.mapper.map(detail.get("bodyhtml") or "", where)
        return mapped, mapped.blocks + self.file_blocks(detail.get("files") or "", self.news_data, where)

    def orphan_section(self) -> NewsIndexPage:
        if "orphans" not in self.sections:
            self.sections["orphans"] = self.ensure_index(
                NewsIndexPage,
                self.source.table(self.news_data, "cat"),
                "none",
                "orphans",
                "Tin tức",
                "tin-tuc",
                "Tin không thuộc chuyên mục nào (chuyển từ NukeViet).",
            )
        return self.sections["orphans"]

    def file_blocks(self, files: str, module: str, where: str) -> list[dict]:
        """``files`` (comma-separated, relative to uploads/<module>/ or full URLs) as document blocks."""
        blocks = []
        for document_id, name, url in self.files(files, module, where):
            if document_id is not None:
                blocks.append(block("document", {"document": document_id, "title": ""}))
            elif url:
                blocks.append(block("paragraph", f'<p><a href="{escape(url)}">{escape(name)}</a></p>'))
        return blocks

    def files(self, files: str, module: str, where: str):
        for item in filter(None, (part.strip() for part in (files or "").split(","))):
            name = item.rsplit("/", 1)[-1]
            if re.match(r"^https?://", item, re.IGNORECASE):
                relative = uploads_path(item) if self._old_host(item) else None
                if relative is None:
                    self.report.warn(f"{where}: file on another site kept as a link: {item[:120]}")
                    yield None, name, item
                    continue
            else:
                relative = uploads_path(item, module)
            yield (self.media.document(relative, name, where) if relative else None), name, None

    def _old_host(self, url: str) -> bool:
        host = re.match(r"^[a-z]+://([^/:]+)", url, re.IGNORECASE)
        return bool(host and host.group(1).lower() in self.addresses.old_hosts)

    # Static pages (the page module) --------------------------------------------------------------------------

    def import_pages(self):
        table = self.tables["page"]
        for rows in self.batched(table, "id", ["edit_time", "add_time"], "pages"):
            self.each_row("page", rows, "id", table, lambda row: fingerprint(used("page", row)), self.page_item)

    def page_item(self, row: dict, known: ImportedObject | None, digest: str):
        """A static page -> ContentPage under the home page (description -> intro, bodytext -> body)."""
        table = self.tables["page"]
        where = f"{table}#{row['id']}"
        page, kept = self.page_to_update(ContentPage, "page", known, where)
        if kept:
            return
        mapped = self.mapper.map(row["bodytext"] or "", where)
        body = self.page_image(row, where) + mapped.blocks
        if self.dry_run:
            self.report.count("page", "updated" if page else "created")
            return
        outcome = "updated" if page else "created"
        page = page or ContentPage(locale=self.locale)
        page.title = row["title"][:255] or f"Trang {row['id']}"
        if outcome == "created":
            page.slug = slugify_vi(row["alias"] or row["title"])[:200] or f"trang-{row['id']}"
        page.intro = plain_text(row["description"])
        page.body = body
        page.show_in_menus = False  # an editor places the pages in the menu (NukeViet has its own menu module)
        page.first_published_at = self.local_time(row["add_time"]) if row["add_time"] else None
        page = self.save_page(self.home, page, publish=row["status"] == 1, known=known)
        # Pages come after news and laws: a link still unresolved points at nothing in NukeViet.
        if mapped.pending_links:
            self.report.warn(f"{where}: links to articles or documents that are not in NukeViet kept as they were")
        self.remember(table, row["id"], page, digest, known)
        self.add_redirects(page, self.addresses.page_paths(row["alias"]))
        self.report.count("page", outcome)

    def page_image(self, row: dict, where: str) -> list[dict]:
        """The page's own picture (``image``, relative to uploads/<module>/) as an image block before the text."""
        relative = uploads_path(row["image"] or "", self.page_data)
        image = relative and self.media.image(relative, row["imagealt"], where)
        if not image:
            return []
        alt = (row["imagealt"] or "")[:255]
        return [block("image", {"image": image, "alt_text": alt, "caption": "", "credit": ""})]

    # Laws ----------------------------------------------------------------------------------------------------

    def import_laws(self):
        source, data = self.source, self.laws_data

        def lookup(name: str) -> dict:
            return {row["id"]: row for row in source.all(f"SELECT * FROM `{source.table(data, name)}`")}  # noqa: S608 - names checked by Source.table

        self.laws_cats, self.laws_subjects = lookup("cat"), lookup("subject")
        self.laws_examine, self.laws_signers, self.laws_areas = lookup("examine"), lookup("signer"), lookup("area")
        for name, mapping, choices in (
            ("cat", self.laws_cats, DocumentType),
            ("subject", self.laws_subjects, DocumentField),
        ):
            for row in mapping.values():
                if not choice_for(row["title"], choices):
                    self.report.warn(
                        f"{source.table(data, name)}#{row['id']} '{row['title']}' has no matching choice: "
                        f"imported as '{choices('khac').label}'"
                    )
        index_digest = fingerprint(LAWS_INDEX)
        self.laws_index = self.ensure_index(
            DirectiveIndexPage,
            "laws-index",
            f"{source.prefix}_{source.lang}_{data}",
            index_digest,
            LAWS_INDEX["title"],
            LAWS_INDEX["slug"],
            LAWS_INDEX["intro"],
            show_in_menus=True,
        )
        if self.laws_index is not None and not self.dry_run:
            module = self.addresses.laws_module
            self.add_redirects(self.laws_index, self.addresses.module_paths(module))
            self.write_redirects()
        area_table = source.table(data, "row_area")
        for rows in self.batched(self.tables["laws"], "id", ["edittime", "addtime", "publtime"], "laws"):
            ids = [row["id"] for row in rows]
            areas: dict[int, list[str]] = {}
            for link in source.rows_by_ids(area_table, "row_id", ids):
                area = self.laws_areas.get(link["area_id"])
                if area:
                    areas.setdefault(link["row_id"], []).append(area["title"])
            self.each_row(
                "laws",
                rows,
                "id",
                self.tables["laws"],
                lambda row, areas=areas: self.laws_digest(row, sorted(areas.get(row["id"], []))),
                lambda row, known, digest, areas=areas: self.laws_item(
                    row, sorted(areas.get(row["id"], [])), known, digest
                ),
            )

    def laws_lookups(self, row: dict) -> tuple:
        cat, subject = self.laws_cats.get(row["cid"]), self.laws_subjects.get(row["sid"])
        return cat, subject, self.laws_examine.get(row["eid"]), self.laws_signers.get(row["sgid"])

    def laws_digest(self, row: dict, areas: list[str]) -> str:
        parts = [used("laws", row), areas, [used("lookup", item) for item in self.laws_lookups(row)]]
        if restricted(row.get("groups_view")):
            parts.append("members only")  # only then: the digests of public rows stay what they were
        return fingerprint(*parts)

    def laws_public(self, row: dict, where: str) -> bool:
        """Published in NukeViet and readable there by a visitor who is not signed in."""
        if row["status"] == 1 and restricted(row.get("groups_view")):
            self.report.warn(f"{where}: for members only in NukeViet (groups_view {row['groups_view']}); a draft")
            return False
        return row["status"] == 1

    def laws_item(self, row: dict, areas: list[str], known: ImportedObject | None, digest: str):
        table = self.tables["laws"]
        where = f"{table}#{row['id']}"
        if row.get("start_comm_time") and row.get("end_comm_time"):
            return self.draft_item(row, areas, known, digest)
        cat, subject, examine, signer = self.laws_lookups(row)
        page, kept = self.page_to_update(DirectivePage, "laws", known, where)
        if kept:
            return None
        mapped, body, attachments = self.laws_body(row, where)
        outcome = "updated" if page else "created"
        if self.dry_run:
            self.report.count("laws", outcome)
            return
        issue = self.local_date(row["publtime"]) or self.local_date(row["addtime"]) or timezone.localdate()
        effective = self.local_date(row["startvalid"]) or issue
        if effective < issue:
            self.report.warn(f"{where}: effective date before issue date; set to the issue date")
            effective = issue
        expiry = self.local_date(row["exptime"])
        if expiry and expiry < effective:
            self.report.warn(f"{where}: expiry date before effective date; left empty")
            expiry = None
        agency = (examine or {}).get("title") or ", ".join(areas)
        if not agency:
            self.report.warn(f"{where}: no issuing agency; set to '{UNKNOWN}'")
        page = page or DirectivePage(locale=self.locale)
        page.title = row["title"][:255] or row["code"] or f"Văn bản {row['id']}"
        if outcome == "created":
            alias = re.sub(r"-\d+$", "", row["alias"] or "") or row["title"]
            page.slug = f"{slugify_vi(alias)[:200]}-{row['id']}"
        page.number = (row["code"] or "").strip()[:100] or f"{UNKNOWN} ({row['id']})"
        page.document_type = choice_for(cat["title"], DocumentType) if cat else None
        page.document_type = page.document_type or DocumentType.OTHER
        page.sector = (choice_for(subject["title"], DocumentField) if subject else None) or DocumentField.OTHER
        page.issuing_agency = (agency or UNKNOWN)[:255]
        page.signer_name = ((signer or {}).get("title") or UNKNOWN)[:255]
        page.signer_position = ((signer or {}).get("positions") or (signer or {}).get("offices") or "")[:255]
        page.issue_date, page.effective_date, page.expiry_date = issue, effective, expiry
        page.summary = plain_text(row["introtext"]) or page.title
        page.body = body
        page.attachments = [DirectiveAttachment(document_id=document_id) for document_id in attachments]
        page.first_published_at = self.local_time(row["publtime"] or row["addtime"])
        page = self.save_page(self.laws_index, page, publish=self.laws_public(row, where), known=known)
        pending = mapped.pending_links
        self.remember(table, row["id"], page, digest, known, pending_links=pending, extra={"areas": areas})
        self.add_redirects(page, self.addresses.laws_paths(row["alias"], row["id"]))
        self.report.count("laws", outcome)
        self.report.count("attachment", "linked", len(attachments))

    def draft_item(self, row: dict, areas: list[str], known: ImportedObject | None, digest: str):
        """A laws row with a comment period -> a draft for comment (DraftPage), its files attached."""
        table = self.tables["laws"]
        where = f"{table}#{row['id']}"
        page, kept = self.page_to_update(DraftPage, "draft for comment", known, where)
        if kept:
            return
        mapped, body, attachments = self.laws_body(row, where)
        outcome = "updated" if page else "created"
        if self.dry_run:
            self.report.count("draft for comment", outcome)
            return
        parent = self.drafts_index()
        opens, closes = self.local_time(row["start_comm_time"]), self.local_time(row["end_comm_time"])
        if closes <= opens:
            self.report.warn(f"{where}: comment period ends before it starts; closed on its first day")
            closes = opens + datetime.timedelta(days=1)
        examine = self.laws_lookups(row)[2]
        page = page or DraftPage(locale=self.locale)
        page.title = row["title"][:255] or row["code"] or f"Dự thảo {row['id']}"
        if outcome == "created":
            alias = re.sub(r"-\d+$", "", row["alias"] or "") or row["title"]
            page.slug = f"{slugify_vi(alias)[:200]}-{row['id']}"
        page.intro = plain_text(row["introtext"]) or page.title
        page.body = body
        page.drafting_unit = ((examine or {}).get("title") or ", ".join(areas) or UNKNOWN)[:255]
        page.opens_at, page.closes_at = opens, closes
        page.files = [DraftFile(document_id=document_id) for document_id in attachments]
        page.first_published_at = self.local_time(row["publtime"] or row["addtime"])
        page = self.save_page(parent, page, publish=self.laws_public(row, where), known=known)
        pending = mapped.pending_links
        self.remember(table, row["id"], page, digest, known, pending_links=pending, extra={"areas": areas})
        self.add_redirects(page, self.addresses.laws_paths(row["alias"], row["id"]))
        self.report.count("draft for comment", outcome)

    def drafts_index(self) -> DraftIndexPage:
        if self._drafts_index is None:
            self._drafts_index = self.ensure_index(
                DraftIndexPage,
                "drafts-index",
                f"{self.source.prefix}_{self.source.lang}_{self.laws_data}",
                fingerprint(DRAFTS_INDEX),
                DRAFTS_INDEX["title"],
                DRAFTS_INDEX["slug"],
                DRAFTS_INDEX["intro"],
                show_in_menus=True,
            )
        return self._drafts_index

    def laws_body(self, row: dict, where: str):
        """The mapped body text, links to files on other sites, and the documents to attach."""
        mapped = self.mapper.map(row["bodytext"] or "", where)
        attachments, links = [], []
        for document_id, name, url in self.files(row["files"], self.laws_data, where):
            if document_id is not None and document_id not in attachments:
                attachments.append(document_id)
            elif url:
                links.append(block("paragraph", f'<p><a href="{escape(url)}">{escape(name)}</a></p>'))
        return mapped, mapped.blocks + links, attachments

    # Links to items imported later in the run ----------------------------------------------------------------

    def fix_pending_links(self):
        """Bodies that linked to items not imported yet are mapped again, now that those exist."""
        for kind in ("news", "laws"):
            table = self.tables[kind]
            pending = self.imported.filter(source_table=table, pending_links=True)
            ids = list(pending.values_list("source_id", flat=True))
            for start in range(0, len(ids), self.batch_size):
                chunk = [int(i) for i in ids[start : start + self.batch_size]]
                if kind == "news":
                    rows = self.source.rows_by_ids(self.source.table(self.news_data, "detail"), "id", chunk)
                else:
                    rows = self.source.rows_by_ids(table, "id", chunk)
                with transaction.atomic(), deferred_indexing():
                    for row in rows:
                        self.relink(kind, table, row)
                reset_queries()

    @contextmanager
    def quiet(self):
        """Mapping a body a second time must not report its warnings, raw blocks and missing files twice."""
        self.mapper.report = self.media.report = Report()
        try:
            yield
        finally:
            self.mapper.report = self.media.report = self.report

    def relink(self, kind: str, table: str, row: dict):
        where = f"{table}#{row['id']}"
        known = self.imported.get(source_table=table, source_id=str(row["id"]))
        page = Page.objects.filter(pk=known.object_id).first()
        if page is None or self.edited_since_import(page.specific, known):
            return
        latest = page.specific.get_latest_revision_as_object()
        with self.quiet():
            mapped, body = self.news_body(row, where) if kind == "news" else self.laws_body(row, where)[:2]
        if mapped.pending_links:
            # Everything in the source has been imported by now: what is still unresolved does not exist.
            self.report.warn(f"{where}: links to articles or documents that are not in NukeViet kept as they were")
        if without_ids(body) != without_ids(list(latest.body.raw_data)):
            latest.body = body
            revision = latest.save_revision()
            if page.live:
                revision.publish()
            self.report.count(kind, "links updated")
        known.pending_links = False
        known.revision_id = Page.objects.filter(pk=page.pk).values_list("latest_revision_id", flat=True).first()
        known.save(update_fields=["pending_links", "revision_id", "updated_at"])
