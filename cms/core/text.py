"""Text helpers for Vietnamese content."""

from django.utils.text import slugify
from unidecode import unidecode


def slugify_vi(text: str, max_length: int = 255) -> str:
    """ASCII slug from Vietnamese text: "Mộc Châu sơ kết" -> "moc-chau-so-ket" (đ becomes d)."""
    return slugify(unidecode(text))[:max_length].strip("-")


def is_number(value: str) -> bool:
    """Whether ``value`` is a whole number in ASCII digits: ``str.isdigit`` also accepts "²", which ``int``
    refuses (a 500 when it comes from a query string), and "١٢", which it reads."""
    return value.isascii() and value.isdigit()
