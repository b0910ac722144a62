"""Content for API tests: news with realistic bodies (images, documents, page links, rich-text links)."""

import datetime

from tests import factories


def rich_body(image, document, page, statistic=None) -> list:
    """A body touching every chooser-based block and both rich-text link types."""
    return [
        {"type": "heading", "value": {"text": "Tình hình chung", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                f'<p>Xem <a linktype="page" id="{page.pk}">trang liên quan</a> và '
                f'<a linktype="document" id="{document.pk}">tài liệu</a>.</p>'
            ),
        },
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": "Ảnh", "credit": "Nguồn"}},
        {"type": "document", "value": {"document": document.pk, "title": ""}},
        {"type": "page_link", "value": {"page": page.pk, "title": "", "description": "Mô tả"}},
        {"type": "quote", "value": {"text": "Trích dẫn", "attribution": "Người nói"}},
        {
            "type": "table",
            "value": {
                "data": [["A", "B"], ["1", "2"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        },
        {"type": "embed", "value": "https://www.youtube.com/watch?v=jNQXAC9IVRw"},
    ] + ([{"type": "statistics", "value": {"heading": "Số liệu", "statistics": [statistic.pk]}}] if statistic else [])


def make_news(news_index, count: int, target_page=None, distinct_media: int = 20) -> list:
    """``count`` published news pages; images and documents cycle through ``distinct_media`` of each."""
    pages = []
    target = target_page or news_index
    images = [factories.ImageFactory() for _ in range(min(count, distinct_media))]
    documents = [factories.DocumentFactory() for _ in range(min(count, distinct_media))]
    statistics = [factories.StatisticFactory() for _ in range(min(count, distinct_media))]
    for n in range(count):
        image, document = images[n % len(images)], documents[n % len(documents)]
        pages.append(
            factories.NewsPageFactory(
                parent=news_index,
                date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
                hero_image=image,
                body=rich_body(image, document, target, statistics[n % len(statistics)]),
            )
        )
    return pages
