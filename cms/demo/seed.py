"""Bulk generator of realistic published content for load tests and demos (``manage.py seed_content``).

Wagtail's ``add_child`` + ``save_revision().publish()`` costs dozens of queries per page. Here each batch
of pages costs a handful of multi-row INSERTs: the treebeard materialised paths are computed in Python,
``wagtailcore_page`` rows are bulk-created, then the subclass rows (``page_ptr_id``), attachments and
revisions, and finally ``latest_revision``/``live_revision`` and the parents' ``numchild`` are set.
Signals (search index, reference index, audit log) are not sent; see ``SeedResult`` and the README.
"""

import datetime
import io
import random
import time
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, reset_queries, transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Revision, Site

from cms.core.text import slugify_vi
from cms.demo import seed_words as words
from cms.demo.loader import DemoLoader
from cms.demo.media import banner_image, pdf_document
from cms.demo.province import DIRECTIVE_INDEX, HOME_INTRO, NEWS_INDEX
from news.choices import DocumentField, DocumentType, NewsCategory
from news.models import DirectiveAttachment, DirectiveIndexPage, DirectivePage, NewsIndexPage, NewsPage
from search.models import SearchEntry

# (label, value, total, unit): figures a district reports, reused by the statistics blocks of seeded bodies.
STATISTICS = [
    ("Doanh nghiệp đã ban hành quy chế dân chủ", 93, 180, "doanh nghiệp"),
    ("Bản đạt chuẩn nông thôn mới", 41, 56, "bản"),
    ("Hộ nghèo giảm so với đầu năm", 312, None, "hộ"),
    ("Hồ sơ thủ tục hành chính giải quyết đúng hạn", 4820, 4915, "hồ sơ"),
    ("Diện tích chè chất lượng cao", 1250, None, "ha"),
    ("Lượt khách du lịch đến Mộc Châu", 1850000, None, "lượt"),
    ("Trường học đạt chuẩn quốc gia", 38, 52, "trường"),
    ("Tỷ lệ người dân tham gia bảo hiểm y tế", 96, None, "%"),
]
STATISTICS_HEADINGS = ["Kết quả thực hiện", "Số liệu nổi bật", "Một số chỉ tiêu chính"]
STATISTICS_SOURCE = "Ủy ban nhân dân huyện Mộc Châu (dữ liệu mẫu)"

SEED_COLLECTION = "Dữ liệu mẫu (seed_content)"
IMAGE_POOL_SIZE = 8
DOCUMENT_POOL_SIZE = 12
EN_INDEX_TITLES = {NewsIndexPage: "News and events", DirectiveIndexPage: "Directives"}
IMAGE_COLORS = [
    ((32, 96, 64), (220, 235, 225)),
    ((18, 70, 120), (160, 210, 240)),
    ((164, 22, 26), (246, 211, 101)),
    ((90, 60, 140), (230, 210, 250)),
]


@dataclass
class SeedResult:
    """What a run created, for the command's summary and the tests."""

    news: int = 0
    directives: int = 0
    translations: int = 0
    revisions: int = 0
    attachments: int = 0
    seconds: float = 0.0
    parents: dict = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return self.news + self.directives + self.translations

    def add(self, other: "SeedResult") -> None:
        """Sum another run's figures into this one (one run per portal)."""
        for name in ("news", "directives", "translations", "revisions", "attachments", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.parents.update(other.parents)


@dataclass
class Tree:
    """A parent page and the next free position below it, so batches never re-query the tree."""

    page: Page
    next_position: int

    @classmethod
    def of(cls, page: Page) -> "Tree":
        last = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).order_by("-path").first()
        position = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        return cls(page=page, next_position=position)

    def take_path(self) -> str:
        path = Page._get_path(self.page.path, self.page.depth + 1, self.next_position)
        self.next_position += 1
        return path


class ContentSeeder:
    """Creates ``news`` articles and ``directives`` (and English translations of a share of them) in batches."""

    def __init__(self, batch_size: int = 1000, en_share: float = 0.2, seed: int | None = None, stdout=None, home=None):
        self.home_page = home  # None: the demo's (the default site's) home; else a portal's (seed_content --portals)
        self.batch_size = max(1, batch_size)
        self.en_share = en_share
        self.rng = random.Random(seed)  # noqa: S311 - sample content, not security
        self.stdout = stdout
        self.today = timezone.localdate()

    def log(self, message: str):
        if self.stdout:
            self.stdout.write(message)

    # -- set-up: index pages, locales, media pools ---------------------------------------------------

    def prepare(self, locales: list[str]):
        """Index pages (created like ``load_demo_content`` does), their translations, and the media pools."""
        loader = DemoLoader()
        # Without a portal named: the default site's, the province's (cms.demo.province).
        self.home = self.home_page or loader.ensure_home(Site.objects.get(is_default_site=True), HOME_INTRO)
        self.locale = self.home.locale
        # A portal made by create_portal has its own sections (other slugs): seed into those.
        news_index = NewsIndexPage.objects.child_of(self.home).first() or loader.ensure_child(
            self.home, NewsIndexPage, **NEWS_INDEX
        )
        directive_index = DirectiveIndexPage.objects.child_of(self.home).first() or loader.ensure_child(
            self.home, DirectiveIndexPage, **DIRECTIVE_INDEX
        )
        self.trees = {
            (NewsPage, self.locale.pk): Tree.of(news_index),
            (DirectivePage, self.locale.pk): Tree.of(directive_index),
        }
        self.en_locale = None
        if "en" in locales and self.en_share > 0:
            self.en_locale, _created = Locale.objects.get_or_create(language_code="en")
            for model, index in ((NewsPage, news_index), (DirectivePage, directive_index)):
                self.trees[(model, self.en_locale.pk)] = Tree.of(self.ensure_translation(index, self.en_locale))
        self.collection = self.ensure_collection()
        self.images = self.ensure_images()
        self.documents = self.ensure_documents()
        self.statistics = self.ensure_statistics()
        self.link_pool = {locale_pk: [tree.page.pk] for (_m, locale_pk), tree in self.trees.items()}
        self.content_types = {model: ContentType.objects.get_for_model(model) for model in (NewsPage, DirectivePage)}
        self.page_content_type = ContentType.objects.get_for_model(Page)

    def ensure_translation(self, page: Page, locale: Locale) -> Page:
        """The published translation of ``page`` in ``locale``, copied (with its parents) if missing."""
        existing = page.get_translation_or_none(locale)
        if existing:
            return existing.specific
        parent = page.get_parent()
        if parent.depth > 1:
            # Translate the parent first: copy_parents=True would make it an alias, without its own content.
            self.ensure_translation(parent.specific, locale)
        translated = page.copy_for_translation(locale).specific
        translated.title = translated.draft_title = EN_INDEX_TITLES.get(type(translated), "Home")
        translated.save_revision().publish()
        return Page.objects.get(pk=translated.pk).specific

    def ensure_statistics(self) -> list[int]:
        """A pool of published ``cms.Statistic`` snippets for the statistics blocks of seeded bodies."""
        from cms.statistics.models import Statistic

        pool = []
        for label, value, total, unit in STATISTICS:
            statistic = Statistic.objects.filter(label=label, locale=self.locale).first()
            if statistic is None:
                statistic = Statistic(
                    label=label,
                    value=value,
                    total=total,
                    unit=unit,
                    reference_date=datetime.date(2024, 6, 30),
                    source=STATISTICS_SOURCE,
                    locale=self.locale,
                    live=False,
                )
                statistic.save()
                statistic.save_revision().publish()
            pool.append(statistic.pk)
        return pool

    def ensure_collection(self) -> Collection:
        existing = Collection.objects.filter(name=SEED_COLLECTION).first()
        return existing or Collection.get_first_root_node().add_child(name=SEED_COLLECTION)

    def ensure_images(self) -> list[int]:
        Image = get_image_model()
        pool = list(Image.objects.filter(collection=self.collection).values_list("pk", flat=True))
        for n in range(len(pool), IMAGE_POOL_SIZE):
            place = words.PLACES[n % len(words.PLACES)]
            content = ImageFile(io.BytesIO(banner_image(IMAGE_COLORS[n % 4], n, size=(800, 450))), f"seed-{n}.jpg")
            title = f"Phong cảnh {place} {n + 1}"
            image = Image.objects.create(title=title, description=title, file=content, collection=self.collection)
            pool.append(image.pk)
        return pool

    def ensure_documents(self) -> list[int]:
        Document = get_document_model()
        pool = list(Document.objects.filter(collection=self.collection).values_list("pk", flat=True))
        for n in range(len(pool), DOCUMENT_POOL_SIZE):
            document = Document(title=f"Văn bản mẫu số {n + 1}", collection=self.collection)
            text = ["UY BAN NHAN DAN HUYEN MOC CHAU", f"Van ban mau so {n + 1}", "Tai lieu sinh tu dong de thu tai."]
            document.file.save(f"seed-{n + 1}.pdf", io.BytesIO(pdf_document(text)), save=False)
            document.save()
            pool.append(document.pk)
        return pool

    # -- text ------------------------------------------------------------------------------------------

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def sentence(self) -> str:
        parts = (words.SENTENCE_OPENERS, words.SENTENCE_BODIES, words.SENTENCE_ENDINGS)
        opener, body, ending = (self.pick(part) for part in parts)
        return f"{opener} {body}, {ending}"

    def news_title(self) -> str:
        # About one title in four names Mộc Châu, so searches for it have real hits at every size.
        place = "Mộc Châu" if self.rng.random() < 0.25 else self.pick(words.PLACES)
        action, topic = self.pick(words.ACTIONS), self.pick(words.TOPICS)
        return f"{self.pick(words.SUBJECTS)} {place} {action} {topic} {self.pick(words.PERIODS)}"

    def paragraph(self, locale_pk: int, sentences: int = 3) -> str:
        parts = [self.sentence() for _ in range(sentences)]
        if self.rng.random() < 0.5:
            link = self.pick(self.link_pool[locale_pk])
            parts.append(f'Xem thêm <a linktype="page" id="{link}">thông tin liên quan</a>.')
        if self.rng.random() < 0.3:
            parts.append(f'Tải <a linktype="document" id="{self.pick(self.documents)}">văn bản gốc</a>.')
        return "<p>" + " ".join(parts) + "</p>"

    def table(self) -> dict:
        rows = self.rng.sample(words.TABLE_ROWS, 3)
        data = [["Đơn vị", "Đã hoàn thành", "Tổng số"]]
        for row in rows:
            total = self.rng.randint(10, 400)
            data.append([row, str(self.rng.randint(0, total)), str(total)])
        return {"data": data, "first_row_is_table_header": True, "first_col_is_header": False, "table_caption": ""}

    def block(self, block_type: str, value) -> dict:
        return {"type": block_type, "value": value, "id": str(uuid.UUID(int=self.rng.getrandbits(128)))}

    def body(self, locale_pk: int) -> list[dict]:
        """Headings, paragraphs with internal links, an image, a table, a document and a page card."""
        blocks = [self.block("paragraph", self.paragraph(locale_pk, 4))]
        for heading in self.rng.sample(words.HEADINGS, self.rng.randint(1, 3)):
            blocks.append(self.block("heading", {"text": heading, "level": "h2"}))
            blocks.append(self.block("paragraph", self.paragraph(locale_pk, self.rng.randint(2, 5))))
        image = {"image": self.pick(self.images), "alt_text": "", "caption": self.pick(words.PLACES), "credit": ""}
        blocks.insert(1, self.block("image", image))
        if self.rng.random() < 0.4:
            blocks.append(self.block("table", self.table()))
        if self.rng.random() < 0.3:
            blocks.append(self.block("document", {"document": self.pick(self.documents), "title": ""}))
        if self.rng.random() < 0.3:
            card = {"page": self.pick(self.link_pool[locale_pk]), "title": "", "description": ""}
            blocks.append(self.block("page_link", card))
        if self.rng.random() < 0.3:
            chosen = self.rng.sample(self.statistics, self.rng.randint(2, 3))
            items = [self.block("item", pk) for pk in chosen]
            blocks.append(self.block("statistics", {"heading": self.pick(STATISTICS_HEADINGS), "statistics": items}))
        return blocks

    def en_body(self, locale_pk: int) -> list[dict]:
        text = " ".join(self.pick(words.EN_SENTENCES) for _ in range(4))
        link = self.pick(self.link_pool[locale_pk])
        paragraph = f'<p>{text} <a linktype="page" id="{link}">Related information</a>.</p>'
        image = {"image": self.pick(self.images), "alt_text": "", "caption": "Moc Chau", "credit": ""}
        return [
            self.block("paragraph", paragraph),
            self.block("image", image),
            self.block("heading", {"text": "Key results", "level": "h2"}),
            self.block("paragraph", f"<p>{self.pick(words.EN_SENTENCES)}</p>"),
        ]

    def published_at(self, day: datetime.date) -> datetime.datetime:
        moment = datetime.datetime.combine(day, datetime.time(self.rng.randint(7, 17), self.rng.randint(0, 59)))
        return timezone.make_aware(moment)

    def random_day(self) -> datetime.date:
        return self.today - datetime.timedelta(days=self.rng.randint(0, 5 * 365))

    # -- page instances (not saved yet) ----------------------------------------------------------------

    def place(self, page: Page, model, locale_pk: int, slug: str, published: datetime.datetime):
        """Fill the tree, publishing and translation fields a real publish would have set."""
        tree = self.trees[(model, locale_pk)]
        page.path = tree.take_path()
        page.depth = tree.page.depth + 1
        page.numchild = 0
        # The position keeps slugs unique among siblings without a query per page.
        page.slug = f"{slug[:70].strip('-')}-{tree.next_position - 1}"
        page.url_path = f"{tree.page.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale_id = locale_pk
        page.content_type = self.content_types[model]
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = published
        page.translation_key = getattr(page, "translation_key", None) or uuid.uuid4()
        return page

    def make_news(self) -> NewsPage:
        title = self.news_title()
        day = self.random_day()
        page = NewsPage(
            title=title[:255],
            date=day,
            lead=f"{self.sentence()} {self.sentence()}",
            hero_image_id=self.pick(self.images) if self.rng.random() < 0.8 else None,
            hero_caption=f"Quang cảnh {self.pick(words.PLACES)}",
            category=self.pick(NewsCategory.values),
            author=self.pick(words.AUTHORS),
            body=self.body(self.locale.pk),
            translation_key=uuid.uuid4(),
        )
        return self.place(page, NewsPage, self.locale.pk, slugify_vi(title), self.published_at(day))

    def make_directive(self) -> DirectivePage:
        document_type = self.pick(DocumentType.values)
        code, type_name = words.TYPE_CODES[document_type]
        agency = self.pick(words.AGENCIES)
        issue = self.random_day()
        effective = issue + datetime.timedelta(days=self.rng.choice([0, 0, 10, 15, 30]))
        expiry = effective + datetime.timedelta(days=365 * self.rng.randint(1, 5)) if self.rng.random() < 0.3 else None
        number = f"{self.rng.randint(1, 4999)}/{code}-{words.AGENCY_CODES[agency]}"
        topic = self.pick(words.TOPICS)
        place = "Mộc Châu" if self.rng.random() < 0.3 else self.pick(words.PLACES)
        title = f"{type_name} {number} về {topic} trên địa bàn {place}"
        signer, position = self.pick(words.SIGNERS)
        page = DirectivePage(
            title=title[:255],
            number=number,
            document_type=document_type,
            issuing_agency=agency,
            signer_name=signer,
            signer_position=position,
            issue_date=issue,
            effective_date=effective,
            expiry_date=expiry,
            sector=self.pick(DocumentField.values),
            summary=f"{type_name} về {topic} {self.pick(words.PERIODS)}. {self.sentence()}",
            body=[self.block("paragraph", self.paragraph(self.locale.pk, 3))],
            translation_key=uuid.uuid4(),
        )
        page.seed_attachments = self.attachments_for(title)
        return self.place(page, DirectivePage, self.locale.pk, slugify_vi(title), self.published_at(issue))

    def attachments_for(self, title: str) -> list[DirectiveAttachment]:
        count = self.rng.choice([1, 1, 1, 2, 3])
        documents = self.rng.sample(self.documents, min(count, len(self.documents)))
        return [
            DirectiveAttachment(document_id=pk, title="" if n == 0 else f"Phụ lục {n}", sort_order=n)
            for n, pk in enumerate(documents)
        ]

    def make_translation(self, source: Page):
        """An English page with the same ``translation_key`` as ``source``, in the English tree."""
        en = self.en_locale.pk
        model = type(source)
        published = source.first_published_at + datetime.timedelta(hours=2)
        if model is NewsPage:
            title = f"{self.pick(words.EN_SUBJECTS)} {self.pick(words.EN_ACTIONS)} {self.pick(words.EN_TOPICS)}"
            page = NewsPage(
                title=title,
                date=source.date,
                lead=self.pick(words.EN_SENTENCES),
                hero_image_id=source.hero_image_id,
                hero_caption="Moc Chau",
                category=source.category,
                author=source.author,
                body=self.en_body(en),
            )
        else:
            title = f"{source.number} on {self.pick(words.EN_TOPICS)}"
            page = DirectivePage(
                title=title,
                **{
                    name: getattr(source, name)
                    for name in (
                        "number",
                        "document_type",
                        "issuing_agency",
                        "signer_name",
                        "signer_position",
                        "issue_date",
                        "effective_date",
                        "expiry_date",
                        "sector",
                    )
                },
                summary=self.pick(words.EN_SENTENCES),
                body=[self.block("paragraph", f"<p>{self.pick(words.EN_SENTENCES)}</p>")],
            )
            page.seed_attachments = [
                DirectiveAttachment(document_id=a.document_id, title=a.title, sort_order=a.sort_order)
                for a in source.seed_attachments
            ]
        page.translation_key = source.translation_key
        return self.place(page, model, en, slugify_vi(title), published)

    # -- writing ---------------------------------------------------------------------------------------

    @transaction.atomic
    def write(self, pages: list[Page]) -> tuple[int, int]:
        """Insert one batch of specific pages with their attachments and revisions; returns counts."""
        base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        rows = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
        Page.objects.bulk_create(rows)
        for page, row in zip(pages, rows, strict=True):
            page.id = page.page_ptr_id = row.pk
        attachments = []
        for model in (NewsPage, DirectivePage):
            specific = [page for page in pages if type(page) is model]
            if specific:
                # Django refuses bulk_create on multi-table children; _insert writes the child table only.
                model._base_manager._insert(specific, fields=model._meta.local_concrete_fields, using=connection.alias)
        for page in pages:
            for attachment in getattr(page, "seed_attachments", []):
                attachment.page_id = page.pk
                attachments.append(attachment)
        DirectiveAttachment.objects.bulk_create(attachments)
        by_page = {}
        for attachment in attachments:
            by_page.setdefault(attachment.page_id, []).append(attachment)
        revisions = [
            Revision(
                content_type=self.content_types[type(page)],
                base_content_type=self.page_content_type,
                object_id=str(page.pk),
                created_at=page.last_published_at,
                object_str=page.title,
                content=self.revision_content(page, by_page.get(page.pk, [])),
            )
            for page in pages
        ]
        Revision.objects.bulk_create(revisions)
        for row, revision in zip(rows, revisions, strict=True):
            row.latest_revision_id = row.live_revision_id = revision.pk
        Page.objects.bulk_update(rows, ["latest_revision", "live_revision"])
        return len(attachments), len(revisions)

    def revision_content(self, page: Page, attachments: list[DirectiveAttachment]) -> dict:
        """What ``page.serializable_data()`` returns, built without its per-relation queries."""
        content = get_serializable_data_for_fields(page)
        content["wagtail_admin_comments"] = []
        if isinstance(page, DirectivePage):
            content["attachments"] = [get_serializable_data_for_fields(a) for a in attachments]
        return content

    def run(self, news: int, directives: int, locales: list[str], progress=None) -> SeedResult:
        """Create the pages; ``progress`` (cms.operations.progress.Progress) counts Vietnamese pages written."""
        started = time.monotonic()
        self.prepare(locales)
        result = SeedResult()
        # Directives first, so news bodies can link to them.
        for label, make, total in (("directives", self.make_directive, directives), ("news", self.make_news, news)):
            done = 0
            while done < total:
                size = min(self.batch_size, total - done)
                pages = [make() for _ in range(size)]
                if self.en_locale:
                    pages += [self.make_translation(p) for p in pages[:size] if self.rng.random() < self.en_share]
                attachments, revisions = self.write(pages)
                # Under DEBUG Django keeps the last 9,000 statements; batch INSERTs would hold gigabytes.
                reset_queries()
                translated = len(pages) - size
                setattr(result, label, getattr(result, label) + size)
                result.translations += translated
                result.attachments += attachments
                result.revisions += revisions
                for page in pages:
                    pool = self.link_pool[page.locale_id]
                    if len(pool) < 2000:
                        pool.append(page.pk)
                done += size
                if progress is not None:
                    progress.update(size)
                self.log(f"  {label}: {done}/{total} (+{translated} en) {time.monotonic() - started:.1f}s")
        self.fix_numchild()
        result.seconds = time.monotonic() - started
        result.parents = {str(tree.page.url_path): tree.page.pk for tree in self.trees.values()}
        return result

    def fix_numchild(self):
        """Parents count their children from the table, so partial or repeated runs stay consistent."""
        for tree in self.trees.values():
            parent = tree.page
            count = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
            Page.objects.filter(pk=parent.pk).update(numchild=count)


def clear_seeded_pages(stdout=None) -> int:
    """Delete every news article and directive under the index pages, in every locale. Returns the count."""
    deleted = 0
    for index in Page.objects.type(NewsIndexPage, DirectiveIndexPage):
        children = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
        count = children.count()
        if count:
            DirectiveAttachment.objects.filter(page__in=children.values("pk")).delete()
            page_ids = children.annotate(key=Cast("pk", CharField())).values("key")
            page_type = ContentType.objects.get_for_model(Page)
            Revision.objects.filter(base_content_type=page_type, object_id__in=page_ids).delete()
            doomed = list(children.values_list("pk", flat=True))
            children.delete()
            # Raw tree deletes skip cascades and signals: drop the search rows of the deleted pages too.
            SearchEntry.objects.filter(page_id__in=doomed).delete()
            deleted += count
            if stdout:
                stdout.write(f"  deleted {count} pages under {index.url_path}")
    return deleted
