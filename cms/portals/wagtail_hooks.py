from django.db.models import Q
from wagtail import hooks

from cms.core.sites import under_homes, user_home_paths


@hooks.register("construct_page_chooser_queryset")
def choose_pages_of_your_portals(pages, request):
    """The page chooser (browse and search) offers the pages of the user's portals only; the tree's root stays
    so the chooser can browse down to them."""
    paths = user_home_paths(request.user)
    if paths is None:
        return pages
    return pages.filter(Q(depth=1) | under_homes(paths))
