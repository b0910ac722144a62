"""List, and with --fix repair, page slugs that are Wagtail's broken rendering of a Vietnamese title."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from cms.core.i18n import available_slug, needs_transliteration, never_published


def _draft_revision_needs_fix(page: Page) -> bool:
    if page.latest_revision_id is None or not never_published(page):
        return False
    revision = page.latest_revision
    content = revision.content
    return needs_transliteration(content.get("slug") or "", content.get("title") or page.title)


class Command(BaseCommand):
    help = (
        'List pages whose slug is a mangled form of their Vietnamese title ("mc-chau" for "Mộc Châu"), '
        "e.g. pages created by the admin's autosave before slugs were transliterated. With --fix, give each "
        'the transliterated slug ("moc-chau") and leave permanent redirects from the old URLs.'
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Change the slugs and create redirects.")

    def handle(self, *args, fix=False, **options):
        if fix and not getattr(settings, "WAGTAILREDIRECTS_AUTO_CREATE", True):
            self.stderr.write("WAGTAILREDIRECTS_AUTO_CREATE is off: old URLs would not redirect. Nothing changed.")
            return
        pages = (
            Page.objects.filter(depth__gt=1)
            # The latest revision is read only for never-published drafts (few): not joined for every page.
            .only("id", "title", "slug", "url_path", "live", "first_published_at", "live_revision", "latest_revision")
            .order_by("path")
        )
        bad = [
            page
            for page in pages.iterator(chunk_size=2000)
            if needs_transliteration(page.slug, page.title) or _draft_revision_needs_fix(page)
        ]
        for page in bad:
            self.stdout.write(f"{page.pk}\t{page.url_path}\t{page.title}")
        if not fix:
            self.stdout.write(f"{len(bad)} page(s) with a slug not transliterated from the title.")
            if bad:
                self.stdout.write("Run again with --fix to correct them (old URLs will redirect).")
            return
        for page in bad:
            old, new = self.fix(page)
            self.stdout.write(f"{page.pk}\t{old} -> {new}")
        self.stdout.write(self.style.SUCCESS(f"Fixed {len(bad)} slug(s)."))

    @transaction.atomic
    def fix(self, page: Page) -> tuple[str, str]:
        """Rename the page and its revisions' slug. Wagtail's redirects app (``WAGTAILREDIRECTS_AUTO_CREATE``)
        answers the old URLs of the page and its descendants with permanent redirects on commit."""
        page = Page.objects.select_for_update().get(pk=page.pk)
        old = page.slug
        new = available_slug(page, page.get_parent()) if needs_transliteration(old, page.title) else old
        if new != old:
            page.slug = new
            page.save(clean=False)
        for revision in page.revisions.all():
            content = revision.content
            slug, title = content.get("slug") or "", content.get("title") or page.title
            if slug == old != new:
                content["slug"] = new
            elif needs_transliteration(slug, title):
                content["slug"] = new if title == page.title else self._slug_for(page, title)
            else:
                continue
            revision.save(update_fields=["content"])
        return old, new

    @staticmethod
    def _slug_for(page: Page, title: str) -> str:
        """The slug a revision with another title gets (a draft renamed since): its own title's, unique."""
        draft = Page(pk=page.pk, title=title, path=page.path, depth=page.depth)
        return available_slug(draft, page.get_parent())
