"""NukeViet's public addresses: the forms an article or document was reachable at, and reading them back.

NukeViet builds ``index.php?language=vi&nv=news&op=<cat-alias>/<alias>-<id>.html`` and, with URL rewriting
on (the default), serves it as ``/vi/news/<cat-alias>/<alias>-<id>.html``; sites with one language drop
the ``/vi``. The laws module's detail page is ``op=detail/<alias>-<id>`` (its alias already ends in the id),
rewritten to ``/vi/laws/detail/<alias>-<id>/`` or ``.html`` depending on the site's ``rewrite_exturl``. A
static page of the page module is ``op=<alias>``, rewritten to ``/vi/page/<alias>.html``.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlparse

from wagtail.contrib.redirects.models import Redirect

ALIAS_ID = re.compile(r"^(?P<alias>.*?)-?(?P<id>\d+)(?:\.html?)?$")


@dataclass
class Addresses:
    lang: str = "vi"
    news_module: str = "news"
    laws_module: str = "laws"
    page_module: str = "page"
    old_hosts: set[str] = field(default_factory=set)

    # Forms of one item ---------------------------------------------------------------------------------------

    def news_paths(self, cat_alias: str, alias: str, row_id: int) -> list[str]:
        op = f"{cat_alias}/{alias}-{row_id}"
        return self._forms(self.news_module, op, [f"{op}.html", op])

    def laws_paths(self, alias: str, row_id: int) -> list[str]:
        # The stored alias normally ends in "-<id>" already (module-laws admin/content.php).
        full = alias if re.search(rf"-{row_id}$", alias or "") else f"{alias}-{row_id}".lstrip("-")
        op = f"detail/{full}"
        return self._forms(self.laws_module, op, [op, f"{op}.html"])

    def page_paths(self, alias: str) -> list[str]:
        # The page module's op is the alias itself: /vi/page/<alias>.html, index.php?nv=page&op=<alias>.
        return self._forms(self.page_module, alias, [f"{alias}.html", alias])

    def section_paths(self, module: str, cat_alias: str) -> list[str]:
        return self._forms(module, cat_alias, [cat_alias])

    def item_paths(self, module: str, op: str) -> list[str]:
        """An item of another module at ``op`` (web links: ``<cat-alias>/<alias>-<id>``), with or without .html."""
        return self._forms(module, op, [op, f"{op}.html"])

    def module_paths(self, module: str) -> list[str]:
        paths = [f"/{self.lang}/{module}", f"/{module}", f"/index.php?language={self.lang}&nv={module}"]
        return [Redirect.normalise_path(path) for path in paths]

    def _forms(self, module: str, op: str, ops: list[str]) -> list[str]:
        paths = []
        for variant in ops:
            paths += [f"/{self.lang}/{module}/{variant}", f"/{module}/{variant}"]
            paths += [
                f"/index.php?language={self.lang}&nv={module}&op={variant}",
                f"/index.php?nv={module}&op={variant}",
            ]
        seen, result = set(), []
        for path in paths:
            normalised = Redirect.normalise_path(path)
            if normalised not in seen and len(normalised) <= 255:
                seen.add(normalised)
                result.append(normalised)
        return result

    # Reading a link found in a body --------------------------------------------------------------------------

    def parse(self, href: str) -> tuple[str, int] | None:
        """``("news"|"laws", id)`` when ``href`` is a NukeViet article or document address, else None."""
        url = urlparse(href.strip())
        if url.scheme and url.scheme.lower() not in ("http", "https"):
            return None
        if url.netloc and url.netloc.lower().split(":")[0] not in self.old_hosts:
            return None
        path = unquote(url.path)
        if path.rsplit("/", 1)[-1] in ("index.php", "") and url.query:
            query = parse_qs(url.query)
            module = (query.get("nv") or [""])[-1]
            op = (query.get("op") or [""])[-1]
            return self._parse_op(module, op.strip("/").split("/"))
        segments = [segment for segment in path.split("/") if segment]
        if len(segments) >= 2 and len(segments[0]) == 2 and segments[0].isalpha():
            segments = segments[1:]  # the language
        if not segments:
            return None
        return self._parse_op(segments[0], segments[1:])

    def _parse_op(self, module: str, parts: list[str]) -> tuple[str, int] | None:
        if module == self.news_module and len(parts) == 2:
            match = ALIAS_ID.match(parts[1])
            if match and "-" in parts[1]:
                return "news", int(match.group("id"))
        if module == self.laws_module and len(parts) == 2 and parts[0] == "detail":
            match = ALIAS_ID.match(parts[1])
            if match:
                return "laws", int(match.group("id"))
        return None
