"""Per-request representation options: image variants by width and format, rich text as HTML or a tree.

``?image_format=webp&image_widths=640,1280`` adds ``variants`` and ``variants_srcset`` to every image of the
response, made only from the allowlist in ``cms.core.representations`` (VARIANT_WIDTHS × VARIANT_FORMATS: no
filter spec ever comes from the request). Either parameter alone is enough: the format defaults to WebP, the
widths to all of the allowlist. ``?rich_text=tree`` delivers rich text as a JSON tree
(``cms.core.rich_text_tree``) instead of HTML. A value outside the allowlist answers 400 in the one error
shape. The response cache keys on the full URL, so each combination is cached on its own.
"""

from django.utils.translation import gettext as _

from cms.api.errors import error_response
from cms.api.openapi import parameter
from cms.core import representations

IMAGE_FORMAT, IMAGE_WIDTHS, RICH_TEXT = "image_format", "image_widths", "rich_text"
RICH_TEXT_FORMATS = ("html", "tree")
IMAGE_PARAMETERS = frozenset({IMAGE_FORMAT, IMAGE_WIDTHS})


class OptionError(ValueError):
    def __init__(self, parameter_name: str, message: str):
        super().__init__(message)
        self.parameter, self.message = parameter_name, f"{parameter_name}: {message}"


def _allowed(values) -> str:
    return ", ".join(str(value) for value in values)


def parse(query, rich_text: bool) -> representations.Options:
    """The options a query asks for; ``OptionError`` for a value outside the allowlists."""
    fmt, widths = query.get(IMAGE_FORMAT), query.get(IMAGE_WIDTHS)
    variant_format, variant_widths = None, ()
    if fmt is not None or widths is not None:
        variant_format = fmt or representations.DEFAULT_VARIANT_FORMAT
        if variant_format not in representations.VARIANT_FORMATS:
            message = _("định dạng được phép: %(allowed)s.")
            raise OptionError(IMAGE_FORMAT, message % {"allowed": _allowed(representations.VARIANT_FORMATS)})
        variant_widths = representations.VARIANT_WIDTHS
        if widths is not None:
            asked = [part.strip() for part in widths.split(",")]
            allowed = {str(width): width for width in representations.VARIANT_WIDTHS}
            if not asked or any(part not in allowed for part in asked):
                message = _("các chiều rộng được phép: %(allowed)s.")
                raise OptionError(IMAGE_WIDTHS, message % {"allowed": _allowed(representations.VARIANT_WIDTHS)})
            variant_widths = tuple(sorted({allowed[part] for part in asked}))
    text_format = query.get(RICH_TEXT, "html") if rich_text else "html"
    if text_format not in RICH_TEXT_FORMATS:
        raise OptionError(RICH_TEXT, _("giá trị được phép: %(allowed)s.") % {"allowed": _allowed(RICH_TEXT_FORMATS)})
    return representations.Options(variant_format, variant_widths, text_format)


class RepresentationOptionsMixin:
    """Reads the options once per request and holds them while the response is built.

    Placed after ``CachedResponseMixin`` so a refusal is in the request's language and the cache keys on it.
    ``rich_text_option``: whether the view reads ``?rich_text=`` (pages do; images have no rich text).
    """

    rich_text_option = False

    def dispatch(self, request, *args, **kwargs):
        try:
            options = parse(request.GET, self.rich_text_option)
        except OptionError as error:
            return error_response(error.message, 400, error.parameter)
        with representations.use_options(options):
            return super().dispatch(request, *args, **kwargs)

    @classmethod
    def option_parameter_names(cls) -> frozenset[str]:
        return IMAGE_PARAMETERS | ({RICH_TEXT} if cls.rich_text_option else set())


def image_parameters() -> list[dict]:
    return [
        parameter(
            IMAGE_FORMAT,
            "Adds `variants` and `variants_srcset` to every image, in this format "
            f"(default {representations.DEFAULT_VARIANT_FORMAT}; allowlist only: other values answer 400)",
            {"type": "string", "enum": list(representations.VARIANT_FORMATS)},
        ),
        {
            **parameter(
                IMAGE_WIDTHS,
                "Comma-separated widths of the `variants` (default: all of the allowlist; others answer 400). "
                "Never enlarged: a narrower original gives its own size",
                {"type": "array", "items": {"type": "integer", "enum": list(representations.VARIANT_WIDTHS)}},
            ),
            "style": "form",
            "explode": False,
        },
    ]


def rich_text_parameter() -> dict:
    return parameter(
        RICH_TEXT,
        "`html` (default): rich text as HTML strings; `tree`: as a `RichTextTree` (blocks and inline marks, "
        "links resolved to API ids and URLs)",
        {"type": "string", "enum": list(RICH_TEXT_FORMATS), "default": "html"},
    )
