"""The body of every content page: the core blocks and the features' blocks in one stream.

It sits in the project shell, above cms/core and the features, because it combines blocks of both.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.core.blocks import (
    DocumentBlock,
    EmbedBlock,
    HeadingBlock,
    ImageBlock,
    PageLinkBlock,
    ParagraphBlock,
    QuoteBlock,
    RawHTMLBlock,
    TableBlock,
)
from cms.statistics.blocks import StatisticsBlock


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    table = TableBlock()
    embed = EmbedBlock()
    document = DocumentBlock()
    page_link = PageLinkBlock()
    statistics = StatisticsBlock()
    raw_html = RawHTMLBlock()

    class Meta:
        label = _("Nội dung")
