"""Builds the demo: the province of Sơn La on the default site (cms.demo.province) and the "Phường Mộc Châu"
portal (cms.demo.data), made like any commune's by create_portal's Provisioner. Every step looks its object up
first: running twice changes nothing."""

import io
import secrets
import uuid
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from unidecode import unidecode
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from cms.core.models import PortalSettings
from cms.core.text import slugify_vi
from cms.demo import data, english, province
from cms.demo.media import banner_image, filed_in, pdf_document
from cms.disclosures.demo import load_disclosures
from cms.editorial.roles import setup_roles
from cms.gallery.demo import load_gallery
from cms.organisation.demo import load_organisation
from cms.pages.demo import load_about_children
from cms.pages.models import ContentPage
from cms.participation.demo import load_participation, load_questions
from cms.portals.demo import demo_port, portal_accounts
from cms.portals.provision import PortalSpec, Provisioner
from cms.portals.sections import CORE_SECTIONS, DECREE_42_SECTIONS
from cms.procedures.demo import load_procedures
from cms.schedule.demo import load_schedule
from cms.statistics.models import Statistic
from cms.weblinks.demo import load_web_links
from home.models import BannerSlide, HomePage
from news.demo import load_english_directives
from news.models import DirectiveAttachment, DirectiveIndexPage, DirectivePage, NewsIndexPage, NewsPage
from search.deferred import deferred_indexing

NEWS_INDEX = {"title": "Tin tức - Sự kiện", "slug": "tin-tuc", "intro": "Tin hoạt động của phường Mộc Châu."}
DIRECTIVE_INDEX = {
    "title": "Chỉ đạo điều hành",
    "slug": "chi-dao-dieu-hanh",
    "intro": "Văn bản chỉ đạo, điều hành của phường Mộc Châu.",
}


ABOUT = {
    "title": "Giới thiệu",
    "slug": "gioi-thieu",
    "intro": "Khái quát về phường Mộc Châu, tỉnh Sơn La và Cổng thông tin điện tử của phường.",
    "body": [
        ("heading", "Phường Mộc Châu"),
        (
            "paragraph",
            "Phường Mộc Châu nằm trên cao nguyên cùng tên của tỉnh Sơn La; từ ngày 1/7/2025, khi không còn cấp "
            "huyện, phường là đơn vị hành chính cấp xã. Khí hậu mát mẻ quanh năm, những đồi chè, đồng cỏ và mùa "
            "hoa mận, hoa cải đã đưa Mộc Châu trở thành điểm du lịch quen thuộc.",
        ),
        (
            "paragraph",
            "Chè, rau, quả ôn đới và bò sữa là thế mạnh của nông nghiệp vùng Mộc Châu; du lịch cộng đồng ở các bản "
            "của đồng bào Thái, Mông, Mường ngày càng phát triển.",
        ),
        ("heading", "Cổng thông tin điện tử"),
        (
            "paragraph",
            "Cổng thông tin do Ủy ban nhân dân phường quản lý, đăng tải thông tin chính thống về hoạt động chỉ đạo, "
            "điều hành, tin tức, sự kiện và văn bản. Tin bài trước ngày 1/7/2025 là tin của huyện Mộc Châu cũ.",
        ),
    ],
}
# The province's English texts in the shape cms.demo.english.load_english reads.
PROVINCE_ENGLISH = SimpleNamespace(
    HOME=province.HOME_EN,
    NEWS_INDEX=province.NEWS_INDEX_EN,
    DIRECTIVE_INDEX=province.DIRECTIVE_INDEX_EN,
    ABOUT=province.ABOUT_EN,
    NEWS=province.NEWS_EN,
    SLIDES={},
    PORTAL=province.PORTAL_EN,
)


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created: list[str] = []

    def log(self, message: str):
        self.created.append(message)
        if self.stdout:
            self.stdout.write(f"  + {message}")

    def load(self, password: str | None = None) -> dict:
        # Every page is saved several times while it is built; the search and reference indexes are written
        # once per object at the end instead (search.deferred), as the importers do.
        with transaction.atomic(), deferred_indexing():
            return self._load(password)

    def _load(self, password: str | None) -> dict:
        self.locale = Locale.get_default()
        password = password or secrets.token_urlsafe(12)
        self.load_province()
        self.load_moc_chau()
        setup_roles()
        passwords = self.ensure_users(password)
        passwords.update(portal_accounts(self, province.MOC_CHAU, password))
        return {"created": self.created, "passwords": passwords}

    def load_province(self) -> None:
        """The province's portal on the default site: its home, news, directives, "About" and settings."""
        self.site = Site.objects.get(is_default_site=True)
        # With several portals Wagtail writes links between them as full addresses built from each Site's
        # hostname and port (a commune's copy of a province directive names its original that way): the
        # province answers on the development server's port like the communes, so those links load locally.
        if self.site.port != demo_port():
            self.site.port = demo_port()
            self.site.save(update_fields=["port"])
        self.home = self.ensure_home(self.site, province.HOME_INTRO)
        news_index = self.ensure_child(self.home, NewsIndexPage, **province.NEWS_INDEX)
        directive_index = self.ensure_child(self.home, DirectiveIndexPage, **province.DIRECTIVE_INDEX)
        about = self.ensure_content_page(self.home, province.ABOUT)
        for _key, *item in province.STATISTICS:
            self.ensure_statistic(*item, date=province.STATISTICS_DATE, source=province.STATISTICS_SOURCE)
        directives = {item["number"]: self.ensure_directive(directive_index, item) for item in province.DIRECTIVES}
        articles = {item["title"]: self.ensure_news(news_index, item, {}, directives) for item in province.NEWS}
        english.load_english(self, news_index, directive_index, articles, [], about, texts=PROVINCE_ENGLISH)
        load_english_directives(self, directives, province.DIRECTIVES_EN, province.AGENCIES_EN)
        self.ensure_portal_settings(province.PORTAL)
        # Empty Decree 42 sections (organisation, procedures, Q&A, ...) as create_portal gives every commune.
        spec = PortalSpec(
            name="Tỉnh Sơn La", hostname=self.site.hostname, port=self.site.port, sections=DECREE_42_SECTIONS
        )
        Provisioner(spec).add_sections(self.home)

    def load_moc_chau(self) -> None:
        """The "Phường Mộc Châu" portal (create_portal's Provisioner) with the former district's content."""
        # The loaders below make its Decree 42 sections, with content; the provisioner makes the rest.
        spec = PortalSpec(
            name=province.MOC_CHAU["name"],
            hostname=f"{province.MOC_CHAU['host']}.localhost",
            port=demo_port(),
            sections=CORE_SECTIONS,
        )
        provisioner = Provisioner(spec)
        portal = provisioner.run()
        for change in provisioner.changes:
            self.log(f"{spec.name}: {change}")
        # Its images, documents and videos in its own collection, where its editors can choose them.
        with filed_in(portal.collection):
            self.load_moc_chau_content(portal)

    def load_moc_chau_content(self, portal) -> None:
        self.site = portal.site
        self.home = self.ensure_home(self.site, data.HOME_INTRO)
        news_index = self.ensure_child(self.home, NewsIndexPage, **NEWS_INDEX)
        directive_index = self.ensure_child(self.home, DirectiveIndexPage, **DIRECTIVE_INDEX)
        about = self.ensure_content_page(self.home, ABOUT)
        self.statistics = {item[0]: self.ensure_statistic(*item[1:]) for item in data.STATISTICS}
        self.ensure_home_statistics()
        images = {slide["description"]: self.ensure_image(slide, n) for n, slide in enumerate(data.SLIDES)}
        directives = {item["number"]: self.ensure_directive(directive_index, item) for item in data.DIRECTIVES}
        articles = {item["title"]: self.ensure_news(news_index, item, images, directives) for item in data.NEWS}
        for order, slide in enumerate(data.SLIDES):
            self.ensure_slide(slide, order, images[slide["description"]], articles.get(slide["link_article"]))
        slides = BannerSlide.objects.filter(locale=self.locale, title__in=[slide["title"] for slide in data.SLIDES])
        english.load_english(self, news_index, directive_index, articles, slides, about)
        load_english_directives(self, directives)
        load_about_children(self, about)
        load_organisation(self, self.home)
        load_procedures(self, self.home)
        load_disclosures(self, self.home)
        load_schedule(self, self.home)
        load_web_links(self, self.home)
        load_gallery(self, self.home)
        self.ensure_portal_settings(data.PORTAL)
        load_participation(self, self.home)
        load_questions(self, self.home)

    def ensure_home(self, site: Site, intro: str) -> HomePage:
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise RuntimeError("The default site's root page is not a HomePage; run migrations on a fresh database.")
        if not home.intro:
            if site.is_default_site:
                home.title = "Trang chủ"
            home.intro = intro
            home.save_revision().publish()
        return home

    def ensure_child(self, parent: Page, model, title: str, slug: str, intro: str):
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        page = model(title=title, slug=slug, intro=intro, show_in_menus=True, locale=parent.locale)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.log(f"{model._meta.verbose_name}: {title}")
        return page

    def ensure_content_page(self, parent: Page, item: dict) -> ContentPage:
        existing = ContentPage.objects.child_of(parent).filter(slug=item["slug"]).first()
        if existing:
            return existing
        body = [
            ("heading", {"text": value, "level": "h2"}) if kind == "heading" else ("paragraph", RichText(value))
            for kind, value in item["body"]
        ]
        page = ContentPage(
            title=item["title"], slug=item["slug"], intro=item["intro"], body=body, locale=parent.locale
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.log(f"{ContentPage._meta.verbose_name}: {item['title']}")
        return page

    def ensure_image(self, slide: dict, seed: int):
        Image = get_image_model()
        title = slide["description"]
        image = Image.objects.filter(title=title).first()
        if image:
            return image
        filename = f"{slugify_vi(title)[:60]}.jpg"
        content = ImageFile(io.BytesIO(banner_image(slide["colors"], seed)), name=filename)
        image = Image.objects.create(title=title, description=title, file=content)
        self.log(f"image: {title}")
        return image

    def ensure_document(self, directive: dict):
        Document = get_document_model()
        title = f"{directive['number']} — {directive['title']}"
        document = Document.objects.filter(title=title).first()
        if document:
            return document
        lines = [
            unidecode(directive["issuing_agency"]).upper(),
            f"So: {unidecode(directive['number'])}",
            unidecode(directive["title"]),
            "",
            unidecode(directive["summary"]),
            "",
            f"Nguoi ky: {unidecode(directive['signer_name'])} - {unidecode(directive['signer_position'])}",
        ]
        document = Document(title=title)
        document.file.save(f"{slugify_vi(directive['number'])}.pdf", ContentFile(pdf_document(lines)), save=False)
        document.save()
        self.log(f"document: {title}")
        return document

    def ensure_directive(self, index: DirectiveIndexPage, item: dict) -> DirectivePage:
        existing = DirectivePage.objects.child_of(index).filter(number=item["number"]).first()
        if existing:
            return existing
        fields = dict(item)
        page = DirectivePage(slug=slugify_vi(item["title"])[:80], locale=index.locale, **fields)
        page.body = [("paragraph", RichText(f"<p>{item['summary']}</p>"))]
        page.attachments.add(DirectiveAttachment(document=self.ensure_document(item), title=""))
        index.add_child(instance=page)
        page.save_revision().publish()
        self.log(f"directive: {item['number']}")
        return page

    def ensure_news(self, index: NewsIndexPage, item: dict, images: dict, directives: dict) -> NewsPage:
        existing = NewsPage.objects.child_of(index).filter(title=item["title"]).first()
        if existing:
            return existing
        body = []
        for kind, value in item["body"]:
            if kind == "heading":
                body.append(("heading", {"text": value, "level": "h2"}))
            elif kind == "paragraph":
                body.append(("paragraph", RichText(value)))
            elif kind == "quote":
                body.append(("quote", {"text": value, "attribution": "Trưởng Ban chỉ đạo"}))
            elif kind == "table":
                body.append(
                    ("table", {"data": value, "first_row_is_table_header": True, "first_col_is_header": False})
                )
            elif kind == "statistics":
                heading, keys = value
                statistics = [self.statistics[key] for key in keys]
                body.append(("statistics", {"heading": heading, "statistics": statistics}))
            elif kind == "directive_link":
                body.append(("page_link", {"page": directives[value], "title": "", "description": ""}))
        page = NewsPage(
            title=item["title"],
            slug=slugify_vi(item["title"])[:80],
            date=item["date"],
            lead=item["lead"],
            category=item["category"],
            author=item["author"],
            hero_image=images.get(item["hero"]) if item.get("hero") else None,
            hero_caption=item.get("hero_caption", ""),
            body=body,
            share_with_province=item["title"] in data.SHARED_WITH_PROVINCE,
            locale=index.locale,
        )
        index.add_child(instance=page)
        revision = page.save_revision()
        revision.publish()
        self.log(f"news: {item['title']}")
        return page

    def ensure_slide(self, slide: dict, order: int, image, article):
        if BannerSlide.objects.filter(title=slide["title"], locale=self.locale).exists():
            return
        banner = BannerSlide(
            title=slide["title"],
            image=image,
            link_page=article,
            sort_order=order,
            locale=self.locale,
            site=self.site,
            translation_key=uuid.uuid4(),
            live=False,
        )
        banner.save()
        banner.save_revision().publish()
        self.log(f"banner slide: {slide['title']}")

    def ensure_statistic(self, label: str, value: int, total: int | None, unit: str, date=None, source=None):
        existing = Statistic.objects.filter(label=label, locale=self.locale).first()
        if existing:
            return existing
        statistic = Statistic(
            label=label,
            value=value,
            total=total,
            unit=unit,
            reference_date=date or data.STATISTICS_DATE,
            source=source or data.STATISTICS_SOURCE,
            locale=self.locale,
            site=self.site,
            live=False,
        )
        statistic.save()
        statistic.save_revision().publish()
        self.log(f"statistic: {label}")
        return statistic

    def ensure_home_statistics(self):
        if any(block.block_type == "statistics" for block in self.home.body):
            return
        heading, keys = data.HOME_STATISTICS
        self.home.body.append(("statistics", {"heading": heading, "statistics": [self.statistics[k] for k in keys]}))
        self.home.save_revision().publish()
        self.log("home page statistics")

    def ensure_portal_settings(self, values: dict):
        portal = PortalSettings.for_site(self.site)
        if not portal.address:  # empty, or as create_portal left it (name and organisation)
            for key, value in values.items():
                setattr(portal, key, value)
            portal.save()
            self.log(f"portal settings: {self.site.site_name or self.site.hostname}")

    def ensure_users(self, password: str | None) -> dict[str, str]:
        User = get_user_model()
        passwords = {}
        generated = password or secrets.token_urlsafe(12)
        for spec in data.DEMO_USERS:
            if User.objects.filter(username=spec["username"]).exists():
                continue
            user = User(
                username=spec["username"],
                first_name=spec["first_name"],
                last_name=spec["last_name"],
                email=f"{spec['username']}@example.vn",
                is_staff=spec["role"] is None,
                is_superuser=spec["role"] is None,
            )
            user.set_password(generated)
            user.save()
            if spec["role"]:
                user.groups.add(Group.objects.get(name=spec["role"]))
            passwords[spec["username"]] = generated
            self.log(f"user: {spec['username']}")
        return passwords
