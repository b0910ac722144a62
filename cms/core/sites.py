"""Which portal a request is for, and which pages belong to a portal: the one answer every channel asks.

A portal is a Wagtail ``Site``: its hostname (and port) decide it (``Site.find_for_request``). Its pages are
the descendants of its home page in every language: the home's translations are siblings under the tree's
root, so "the portal's pages" is "below any page sharing the site root's ``translation_key``".
"""

import copy

from django.db.models import Q
from wagtail.models import GroupPagePermission, Page, Site

from cms.core.text import is_number

SITE_PARAMETER = "site"


def site_for_request(request, *, allow_parameter: bool = False) -> Site | None:
    """The portal ``request`` is for; with ``allow_parameter``, ``?site=<hostname>`` may name another one.

    Aggregators read every portal through one API host with ``?site=``. An unknown hostname raises
    ``Site.DoesNotExist`` so the caller can answer with its own error shape.
    """
    hostname = request.GET.get(SITE_PARAMETER, "").strip().lower() if allow_parameter else ""
    if hostname:
        name, _sep, port = hostname.partition(":")
        sites = Site.objects.select_related("root_page").filter(hostname=name)
        if is_number(port):
            sites = sites.filter(port=int(port))
        site = sites.order_by("-is_default_site", "port").first()
        if site is None:
            raise Site.DoesNotExist(hostname)
        return site
    return Site.find_for_request(request)


def site_id_for_request(request) -> int | None:
    """The id of the site ``Site.find_for_request`` would pick, without a query once the host table is
    remembered (until a Site changes, ``cms.core.cache.remember_for_sites``): for work done on every request
    before any page is read (the visitor counter on a page-cache hit). Same ranking as Wagtail's
    ``get_site_for_hostname``."""
    from django.http.request import split_domain_port

    from cms.core.cache import remember_for_sites

    hostname = split_domain_port(request._get_raw_host())[0]
    port = int(request.get_port() or 0)
    table = remember_for_sites(
        "site-hosts", lambda: list(Site.objects.values_list("pk", "hostname", "port", "is_default_site"))
    )

    def rank(row) -> int:
        _pk, name, site_port, default = row
        if name == hostname and site_port == port:
            return 0
        if name == hostname and default:
            return 1
        return 2 if default else 3

    candidates = sorted((row for row in table if row[1] == hostname or row[3]), key=rank)
    if not candidates:
        return None
    if len(candidates) == 1 or rank(candidates[0]) in (0, 1):
        return candidates[0][0]
    # The default site with another hostname: a single site of this hostname (on another port) wins over it.
    return candidates[len(candidates) == 2][0] if rank(candidates[0]) == 2 else candidates[0][0]


def site_records() -> dict[int, Site]:
    """Every Site with its root page, by id: one query, then none until a Site or a home changes."""
    from cms.core.cache import remember_for_sites

    def compute():
        return {site.pk: site for site in Site.objects.select_related("root_page")}

    return remember_for_sites("site-records", compute)


class SiteMiddleware:
    """Decides the request's site once, from the remembered sites, as ``Site.find_for_request`` would.

    Wagtail keeps the site it finds on ``request._wagtail_site`` and asks the database again for every request
    object it meets (the API's DRF request is another object): two queries per page or API answer. Here the
    host table of ``site_id_for_request`` decides, with no query while the sites stamp holds, and every later
    ``Site.find_for_request`` (Wagtail's routing, the API, our channels) reads the answer. Each request gets its
    own copy, so nothing one request caches on the site or its root page reaches another.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site_id = site_id_for_request(request)
        site = site_records().get(site_id) if site_id is not None else None
        request._wagtail_site = copy.deepcopy(site) if site is not None else None
        return self.get_response(request)


def home_pages(site: Site):
    """The portal's home page in every language (one query)."""
    return Page.objects.filter(translation_key=site.root_page.translation_key, depth=site.root_page.depth)


def home_paths(site: Site) -> list[str]:
    return list(home_pages(site).values_list("path", flat=True))


def under_homes(paths, field: str = "path") -> Q:
    """Rows whose page lies in a portal whose home paths are ``paths`` (the homes included)."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def portal_pages(site: Site, queryset=None):
    """``queryset`` (default: every page) narrowed to the pages of ``site``."""
    queryset = Page.objects.all() if queryset is None else queryset
    return in_portal(queryset, portal_trees().get(site.pk, ()))


def site_of_page(page) -> Site | None:
    """The portal a page belongs to (its home's translation is some site's root)."""
    home_path = page.path[: Page.steplen * 2]
    home = Page.objects.filter(path=home_path).only("translation_key").first()
    if home is None:
        return None
    return Site.objects.filter(root_page__translation_key=home.translation_key).first()


def portal_trees() -> dict[int, tuple[str, ...]]:
    """Every site's home paths in every language, by site id: two queries, then none until a Site, a home or
    portal settings change (the sites stamp, ``cms.core.cache.remember_for_sites``); publishing leaves it."""
    from cms.core.cache import remember_for_sites

    def compute():
        keys = dict(Site.objects.values_list("root_page__translation_key", "pk"))
        trees: dict[int, list[str]] = {}
        for key, path in Page.objects.filter(translation_key__in=keys, depth=2).values_list("translation_key", "path"):
            trees.setdefault(keys[key], []).append(path)
        return {site_id: tuple(sorted(paths)) for site_id, paths in trees.items()}

    return remember_for_sites("portal-trees", compute)


def portal_names() -> dict[str, str]:
    """Each site's name by the tree path of its homes (a page's home path is ``page.path[:HOME_PATH_LENGTH]``)."""
    from cms.core.cache import remember_for_sites

    def compute():
        names = dict(Site.objects.values_list("pk", "site_name"))
        return {path: names[site_id] for site_id, paths in portal_trees().items() for path in paths}

    return remember_for_sites("portal-names", compute)


HOME_PATH_LENGTH = Page.steplen * 2


def request_portal_paths(request, *, allow_parameter: bool = False) -> tuple[str, ...]:
    """Home paths of the portal ``request`` is for (see ``site_for_request``); empty when no site matches."""
    site = site_for_request(request, allow_parameter=allow_parameter)
    return portal_trees().get(site.pk, ()) if site is not None else ()


def in_portal(queryset, paths, field: str = "path"):
    """``queryset`` narrowed to the pages under ``paths`` (a portal's homes); nothing when ``paths`` is empty."""
    return queryset.filter(under_homes(paths, field))


def site_id_of_path(path: str) -> int | None:
    """The site whose tree holds the page at ``path`` (no query once ``portal_trees`` is cached)."""
    home_path = path[:HOME_PATH_LENGTH]
    for site_id, paths in portal_trees().items():
        if home_path in paths:
            return site_id
    return None


def default_site_id() -> int | None:
    """The default site's id: the province's portal, owner of rows that name no other portal."""
    return Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()


# --- What part of the installation an admin user works on ------------------------------------------

_HOME_PATHS_ATTRIBUTE = "_portal_home_paths"


def user_home_paths(user) -> tuple[str, ...] | None:
    """Tree paths of the pages ``user``'s groups hold page permissions on; None: everything (superuser).

    A superuser (the province's administrators) works on every portal. Kept on the user object, so one
    admin request asks the database once.
    """
    if user.is_superuser:
        return None
    if not hasattr(user, _HOME_PATHS_ATTRIBUTE):
        paths = GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)
        setattr(user, _HOME_PATHS_ATTRIBUTE, tuple(sorted(set(paths))))
    return getattr(user, _HOME_PATHS_ATTRIBUTE)


def user_site_ids(user) -> frozenset[int] | None:
    """The portals (site ids) ``user`` works on: those whose pages their groups hold permissions on; None:
    every portal (superuser). Portal-owned snippets (banner slides, statistics) follow the same line."""
    paths = user_home_paths(user)
    if paths is None:
        return None
    return frozenset(
        site_id
        for site_id, homes in portal_trees().items()
        if any(path.startswith(home) or home.startswith(path) for path in paths for home in homes)
    )
