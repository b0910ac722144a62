"""The standard sections every new portal gets under its home page, in order.

A section type added later (say, a Decree 42 section) is one more line here; a model that is not
installed is skipped, so this list may name page types of features not yet merged.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    model: str  # "app_label.ModelName", a subclass of cms.core.pages.IndexPage
    title: str
    slug: str
    intro: str
    # English texts: the section's translation is made through wagtail-localize from these.
    title_en: str
    slug_en: str
    intro_en: str


SECTIONS = (
    Section(
        "news.NewsIndexPage",
        "Tin tức - Sự kiện",
        "tin-tuc",
        "Tin hoạt động của {name}.",
        "News and events",
        "news",
        "News of {name_en}.",
    ),
    Section(
        "news.DirectiveIndexPage",
        "Chỉ đạo điều hành",
        "chi-dao-dieu-hanh",
        "Văn bản chỉ đạo, điều hành của {name}.",
        "Directives and administration",
        "directives",
        "Directives and administrative documents of {name_en}.",
    ),
)
