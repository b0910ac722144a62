"""Who may take a page out of a portal: content another portal placed in it stays until that portal withdraws it.

A province directive is shown in a commune's register as a Wagtail alias of the province's page
(cms.portals.directives). It is the province's: a commune's staff may not delete, move or unpublish it, nor a
page that holds it (the register, the commune's home), since that takes it out too. Wagtail asks the page's
``permissions_for_user`` tester for every button, menu item, bulk action and view that deletes, moves or
unpublishes a page (https://docs.wagtail.org/en/stable/reference/pages/model_reference.html#wagtail.models.Page.permissions_for_user),
so one tester on ``PortalPage`` covers them all. The province's administrators (superusers) may remove one
alias (the register then follows the province's choice again at its next publication), but not a page holding
some: ``wagtail_hooks`` refuses that with a message naming them, so the province first withdraws its directives
there ("applies to"), and its "applies to" lists never name a register that no longer shows them.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page, PagePermissionTester

from cms.core.sites import HOME_PATH_LENGTH


def foreign_aliases(page, *, inclusive: bool = True):
    """Pages at or below ``page`` (below only, unless ``inclusive``) that are aliases of a page of another portal."""
    pages = Page.objects.filter(path__startswith=page.path, alias_of__isnull=False)
    if not inclusive:
        pages = pages.exclude(pk=page.pk)
    return pages.exclude(alias_of__path__startswith=page.path[:HOME_PATH_LENGTH])


def holds_foreign_content(page) -> bool:
    """Whether ``page`` is, or holds, an alias of another portal's page; no query for a leaf that is no alias."""
    if page.depth < 2:
        return False
    if not page.numchild:
        if not page.alias_of_id:
            return False
        original = Page.objects.filter(pk=page.alias_of_id).values_list("path", flat=True).first()
        return original is not None and original[:HOME_PATH_LENGTH] != page.path[:HOME_PATH_LENGTH]
    return foreign_aliases(page).exists()


class PortalPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, refusing delete (and so move, which Wagtail derives from it) and unpublish of a page that
    is or holds another portal's content to anyone but the province's administrators."""

    def _guarded(self) -> bool:
        if self.user.is_superuser:
            return False
        if not hasattr(self, "_holds_foreign"):
            self._holds_foreign = holds_foreign_content(self.page)
        return self._holds_foreign

    def can_delete(self, ignore_bulk=False):
        if self._is_leaf_for_an_editor():
            return self._can_delete_leaf() and not self._guarded()
        return super().can_delete(ignore_bulk) and not self._guarded()

    def _is_leaf_for_an_editor(self) -> bool:
        return self.user.is_active and not self.user.is_superuser and not self.page_is_root and not self.page.numchild

    def _can_delete_leaf(self) -> bool:
        """Wagtail's ``can_delete`` for a page without children, read from the page itself.

        Wagtail asks the database whether anything "at or below" the page is live (or not the user's), once per
        row of the explorer: 50 queries a page of it for every editor. For a leaf, "at or below" is the page.
        """
        if "change" in self.permissions:
            return "publish" in self.permissions or not self.page.live
        if "add" in self.permissions:
            owned = self.page.owner_id == self.user.pk
            return owned if "publish" in self.permissions else owned and not self.page.live
        return False

    def can_unpublish(self):
        return super().can_unpublish() and not self._guarded()


def refuse_taking_out(request, pages):
    """A redirect with a message when one of ``pages`` holds another portal's content below it (for everyone:
    commune staff never reach this, the tester refused them), else None. For the admin's before_* hooks."""
    for page in pages:
        held = list(foreign_aliases(page, inclusive=False).order_by("path").values_list("title", flat=True)[:4])
        if not held:
            continue
        count = foreign_aliases(page, inclusive=False).count()
        titles = "; ".join(f"“{title}”" for title in held[:3]) + ("; …" if count > 3 else "")
        messages.error(
            request,
            _(
                "Trang “%(title)s” chứa %(count)d văn bản của cổng tỉnh (%(titles)s): không thể xóa, di chuyển hoặc "
                "ngừng xuất bản trang này khi các văn bản đó còn áp dụng ở đây. Hãy bỏ xã, phường này khỏi mục "
                "“Áp dụng cho các xã, phường” của các văn bản đó ở cổng tỉnh trước."
            )
            % {"title": page.title, "count": count, "titles": titles},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
