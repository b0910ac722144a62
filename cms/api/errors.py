"""One error shape for everything under /api/: ``{"message": "...", "parameter": "..."}``.

``message`` is in the request's language (``?locale=`` when it names a language, else Accept-Language;
Vietnamese by default: ``cms.api.http_cache``), Wagtail's own API messages included (``wagtail_message``);
``parameter`` names the query parameter at fault when there is one, and the message then starts with
``"<parameter>: "``. The OpenAPI document describes it once, as the ``Error`` component, for every 4xx and 5xx.
"""

import re

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from wagtail.api.v2.utils import BadRequestError

ERROR_SCHEMA = {
    "type": "object",
    "required": ["message"],
    "properties": {
        "message": {"type": "string", "description": "What went wrong, in the request's language"},
        "parameter": {"type": "string", "description": "The query parameter at fault, when there is one"},
    },
}


def error_body(message: str, parameter: str | None = None) -> dict:
    return {"message": str(message), **({"parameter": parameter} if parameter else {})}


def error_response(message: str, status: int, parameter: str | None = None) -> JsonResponse:
    return JsonResponse(error_body(message, parameter), status=status)


def _first_message(detail) -> str:
    if isinstance(detail, dict):
        return _first_message(next(iter(detail.values()), ""))
    if isinstance(detail, list):
        return _first_message(detail[0] if detail else "")
    return str(detail)


def exception_handler(exc, context):
    """DRF's handler, answering in the one shape instead of ``{"detail": ...}``."""
    response = drf_exception_handler(exc, context)
    if response is not None:
        data = response.data
        detail = data.get("detail", data) if isinstance(data, dict) else data
        response.data = error_body(_first_message(detail))
    return response


def not_found(request, *args, **kwargs):
    """Any /api/ URL that no endpoint answers (e.g. /api/v2/pages/abc/): JSON, never the site's HTML page."""
    return error_response(_("Không tìm thấy."), 404)


class ParameterError(BadRequestError):
    """A 400 about one query parameter, with a message already in the request's language."""

    def __init__(self, parameter: str, message: str):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = f"{parameter}: {message}"


def unknown_portal(parameter: str) -> ParameterError:
    """``?site=`` (or the request's host) names no portal of this installation."""
    return ParameterError(parameter, _("không có cổng nào với tên miền này."))


def _page_missing(match):
    return _("không có trang nào với mã này.")


def _positive_integer(match):
    return _("phải là số nguyên dương (hoặc “root”).")


# Wagtail's API messages (wagtail.api.v2: filters, pagination, views, utils), which it raises in English:
# (pattern, parameter or the name of the group holding it, message in the request's language).
WAGTAIL_MESSAGES = [
    (r"type doesn't exist", "type", lambda m: _("không có loại nội dung này.")),
    (r"parent page doesn't exist", "child_of", _page_missing),
    (r"descendant page doesn't exist", "ancestor_of", _page_missing),
    (r"ancestor page doesn't exist", "descendant_of", _page_missing),
    (r"translation_of page doesn't exist", "translation_of", _page_missing),
    (r"(?P<p>child_of|descendant_of|ancestor_of|translation_of) must be a positive integer", "p", _positive_integer),
    (
        r"filtering by descendant_of with child_of is not supported",
        "descendant_of",
        lambda m: _("không dùng được cùng child_of."),
    ),
    (r"offset must be a positive integer", "offset", lambda m: _("phải là số nguyên không âm.")),
    (r"limit must be a positive integer", "limit", lambda m: _("phải là số nguyên dương.")),
    (
        r"limit cannot be higher than (?P<max>\d+)",
        "limit",
        lambda m: _("không được lớn hơn %(max)s.") % {"max": m["max"]},
    ),
    (
        r"random ordering cannot be combined with other fields",
        "order",
        lambda m: _("thứ tự ngẫu nhiên (random) không kết hợp được với trường khác."),
    ),
    (
        r"random ordering with offset is not supported",
        "order",
        lambda m: _("thứ tự ngẫu nhiên (random) không dùng được cùng offset."),
    ),
    (
        r"cannot order by '(?P<field>.*)' \((unknown|invalid) field\)",
        "order",
        lambda m: _("không sắp xếp được theo “%(field)s”: không có trường này.") % {"field": m["field"][:60]},
    ),
    (
        r"cannot order by '(?P<field>.*)' while searching.*",
        "order",
        lambda m: _("không sắp xếp được theo “%(field)s” khi tìm kiếm.") % {"field": m["field"][:60]},
    ),
    (
        r"cannot filter by '(?P<field>.*)' while searching.*",
        "search",
        lambda m: _("không lọc được theo “%(field)s” khi tìm kiếm.") % {"field": m["field"][:60]},
    ),
    (r"search is disabled", "search", lambda m: _("tìm kiếm không được bật ở đây.")),
    (
        r"filtering by tag with a search query is not supported",
        "search",
        lambda m: _("không dùng được cùng bộ lọc thẻ (tags)."),
    ),
    (
        r"query parameter is not an operation or a recognised field: (?P<names>(?P<first>[^,]*).*)",
        "first",
        lambda m: _("tham số không được hỗ trợ: %(names)s.") % {"names": m["names"][:200]},
    ),
    (
        r"unknown fields: (?P<names>.*)",
        "fields",
        lambda m: _("không có trường: %(names)s.") % {"names": m["names"][:200]},
    ),
    (
        r"fields error: .*",
        "fields",
        lambda m: _("viết sai cú pháp; ví dụ đúng: fields=title,-intro,attachments(title)."),
    ),
    (
        r"'(?P<field>.*)' does not support nested fields",
        "fields",
        lambda m: _("trường “%(field)s” không có trường con.") % {"field": m["field"][:60]},
    ),
    (
        r"field filter error\. null characters are not allowed for (?P<p>\w+)",
        "p",
        lambda m: _("có ký tự không hợp lệ."),
    ),
    (
        r"field filter error\. '(?P<value>.*)' is not a valid value for (?P<p>\w+) .*",
        "p",
        lambda m: _("giá trị “%(value)s” không hợp lệ.") % {"value": m["value"][:60]},
    ),
    (
        r"rich_text_format must be one of (?P<allowed>.*), got .*",
        "rich_text_format",
        lambda m: _("chỉ nhận %(allowed)s.") % {"allowed": m["allowed"]},
    ),
]
_COMPILED = [(re.compile(pattern, re.DOTALL), parameter, message) for pattern, parameter, message in WAGTAIL_MESSAGES]


def bad_request(exc: BadRequestError) -> dict:
    """The error body of a 400 raised by Wagtail's API or by ours, in the request's language."""
    if isinstance(exc, ParameterError):
        return error_body(exc.message, exc.parameter)
    text = str(exc)
    for pattern, parameter, message in _COMPILED:
        match = pattern.fullmatch(text)
        if match:
            name = match[parameter] if parameter in pattern.groupindex else parameter
            name = name.strip() or None
            return error_body(f"{name}: {message(match)}" if name else message(match), name)
    # A message of Wagtail's that the table does not know yet: the request was refused, the text stays English.
    return error_body(_("Yêu cầu không hợp lệ: %(detail)s") % {"detail": text[:300]})


class OneErrorShapeMixin:
    """For Wagtail's API view sets, which answer ``{"message"}`` in English: the one shape, translated."""

    def handle_exception(self, exc):
        # Malformed ids, offsets or lookups must answer 400, never 500.
        if isinstance(exc, (ValueError, TypeError, OverflowError)):
            return Response(error_body(_("Tham số không hợp lệ.")), status=400)
        if isinstance(exc, BadRequestError):
            return Response(bad_request(exc), status=400)
        if isinstance(exc, Http404):
            return Response(error_body(_("Không tìm thấy.")), status=404)
        return super().handle_exception(exc)
