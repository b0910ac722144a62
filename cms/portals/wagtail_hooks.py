from django.db.models import Q
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.models import Page

from cms.core.page_permissions import refuse_taking_out
from cms.core.sites import under_homes, user_home_paths


@hooks.register("construct_page_chooser_queryset")
def choose_pages_of_your_portals(pages, request):
    """The page chooser (browse and search) offers the pages of the user's portals only; the tree's root stays
    so the chooser can browse down to them."""
    paths = user_home_paths(request.user)
    if paths is None:
        return pages
    return pages.filter(Q(depth=1) | under_homes(paths))


@hooks.register("before_convert_alias_page")
def keep_province_directives_one_record(request, page):
    """A province directive in a commune's register (cms.portals.directives) stays an alias: turned into a page
    of its own it would drift from the province's. The province's administrators (superusers) may still."""
    original = getattr(page, "province_original", None)
    if original is not None and original() is not None and not request.user.is_superuser:
        return permission_denied(request)
    return None


# A page holding a province directive of a commune's register (the register, the commune's home) is not deleted,
# moved or unpublished with it, by anyone (cms.core.page_permissions): the message says to withdraw it first.
@hooks.register("before_delete_page")
def keep_province_directives_when_deleting(request, page):
    return refuse_taking_out(request, [page])


@hooks.register("before_move_page")
def keep_province_directives_when_moving(request, page, destination):
    return refuse_taking_out(request, [page])


@hooks.register("before_unpublish_page")
def keep_province_directives_when_unpublishing(request, page):
    return refuse_taking_out(request, [page])


@hooks.register("before_bulk_action")
def keep_province_directives_in_bulk(request, action_type, objects, action_class_instance):
    if action_type in ("delete", "move", "unpublish") and objects and isinstance(objects[0], Page):
        return refuse_taking_out(request, objects)
    return None
