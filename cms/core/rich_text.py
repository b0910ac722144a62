"""Rich-text links that point only where the public may go (registered in cms/wagtail_hooks.py).

Wagtail's own handlers link to any page or document that exists; these drop the ``href`` of a link to a
hidden page (unpublished, expired, restricted, alias of hidden) or to a document in a restricted collection.
"""

from django.utils.html import escape, format_html
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text.pages import PageLinkHandler

from cms.core import visibility
from cms.core.representations import document_url


class PublicPageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        return [visibility.visible_link(page) for page in super().get_many(attrs_list)]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        links = []
        for page in cls.get_many(attrs_list):
            if page is not None:
                # The translation in the reader's language, if the public may see it; else the chosen page.
                page = visibility.visible_link(page.localized) or page
            links.append(format_html('<a href="{}">', page.url) if page is not None and page.url else "<a>")
        return links


class PublicDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        return [visibility.visible_media_or_none(document) for document in super().get_many(attrs_list)]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        # Wagtail's, with each document's URL worked out once per response.
        return [f'<a href="{escape(document_url(doc))}">' if doc else "<a>" for doc in cls.get_many(attrs_list)]


def register(features) -> None:
    features.register_link_type(PublicPageLinkHandler)
    features.register_link_type(PublicDocumentLinkHandler)
