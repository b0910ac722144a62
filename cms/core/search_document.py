"""What a page type gives the public search: a ``SearchDocument`` from its ``search_document()`` method.

Declared here, in core, so the base page (``cms.core.pages.PortalPage``) can build one and the search
app indexes any page type without knowing it. A page type opts out with ``search_document = None``.
"""

import dataclasses
import datetime
from dataclasses import dataclass


@dataclass
class SearchDocument:
    """The searchable text and facets of one page."""

    title: str
    date: datetime.date
    # Text searched and shown in snippets, in order of importance.
    body: list[str] = dataclasses.field(default_factory=list)
    # Who issued or wrote it (agency, author) and similar short metadata: ranked between title and body.
    keywords: list[str] = dataclasses.field(default_factory=list)
    number: str = ""  # directive number ("1234/QĐ-UBND"): exact and prefix matches come first
    document_type: str = ""
    agency: str = ""  # facet "Cơ quan ban hành"
    field: str = ""  # facet "Lĩnh vực": a slug of the model's search_field_choices


def stream_text(stream) -> list[str]:
    """The searchable text of a StreamField value, block by block."""
    return [str(chunk) for chunk in stream.stream_block.get_searchable_content(stream) if chunk]
