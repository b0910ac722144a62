"""Wagtail's own API messages (wagtail.api.v2) come out in the one error shape and in the request's language:
Vietnamese by default, English with Accept-Language: en or ?locale=en (cms.api.http_cache)."""

import pytest

from cms.api import errors

pytestmark = pytest.mark.django_db

# (query, parameter, Vietnamese message, English message)
BAD_INPUTS = [
    ({"nope": "1"}, "nope", "nope: tham số không được hỗ trợ: nope.", "nope: unsupported parameter: nope."),
    ({"fields": "nothing"}, "fields", "fields: không có trường: nothing.", "fields: no such field: nothing."),
    (
        {"fields": "title("},
        "fields",
        "fields: viết sai cú pháp; ví dụ đúng: fields=title,-intro,attachments(title).",
        "fields: malformed; for example: fields=title,-intro,attachments(title).",
    ),
    (
        {"order": "nothing"},
        "order",
        "order: không sắp xếp được theo “nothing”: không có trường này.",
        "order: cannot order by “nothing”: there is no such field.",
    ),
    (
        {"order": "random,title"},
        "order",
        "order: thứ tự ngẫu nhiên (random) không kết hợp được với trường khác.",
        "order: random order cannot be combined with other fields.",
    ),
    (
        {"order": "random", "offset": "5"},
        "order",
        "order: thứ tự ngẫu nhiên (random) không dùng được cùng offset.",
        "order: random order cannot be used with offset.",
    ),
    ({"offset": "-1"}, "offset", "offset: phải là số nguyên không âm.", "offset: must be a whole number, 0 or more."),
    ({"limit": "many"}, "limit", "limit: phải là số nguyên dương.", "limit: must be a positive whole number."),
    ({"limit": "1000"}, "limit", "limit: không được lớn hơn 100.", "limit: may not be more than 100."),
    (
        {"child_of": "abc"},
        "child_of",
        "child_of: phải là số nguyên dương (hoặc “root”).",
        "child_of: must be a positive whole number (or “root”).",
    ),
    (
        {"child_of": "999999"},
        "child_of",
        "child_of: không có trang nào với mã này.",
        "child_of: there is no page with this id.",
    ),
    (
        {"descendant_of": "999999"},
        "descendant_of",
        "descendant_of: không có trang nào với mã này.",
        "descendant_of: there is no page with this id.",
    ),
    (
        {"child_of": "root", "descendant_of": "root"},
        "descendant_of",
        "descendant_of: không dùng được cùng child_of.",
        "descendant_of: cannot be used with child_of.",
    ),
    (
        {"type": "news.NewsPage", "date": "sáng nay"},
        "date",
        None,  # Django's own date message, already translated
        None,
    ),
    (
        {"type": "news.DirectivePage", "issued_from": "2024-13-45"},
        "issued_from",
        "issued_from: phải là một ngày dạng YYYY-MM-DD.",
        "issued_from: must be a date as YYYY-MM-DD.",
    ),
    (
        {"document_type": "quyet-dinh"},
        "document_type",
        "document_type: chỉ dùng được với type=news.DirectivePage.",
        "document_type: only available with type=news.DirectivePage.",
    ),
    (
        {"search": "moc chau"},
        "search",
        "search: trang được tìm ở /api/v2/search/?q= (tìm kiếm tiếng Việt).",
        "search: pages are searched at /api/v2/search/?q= (Vietnamese search).",
    ),
    ({"locale": "xx"}, "locale", "locale: không có ngôn ngữ với mã này.", "locale: no language has this code."),
]


def get(client, params, **headers):
    response = client.get("/api/v2/pages/", params, **headers)
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"message", "parameter"}
    return body


@pytest.mark.parametrize(("params", "parameter", "vietnamese", "english"), BAD_INPUTS)
def test_wagtail_messages_are_translated_and_name_their_parameter(
    client, home, params, parameter, vietnamese, english
):
    in_vietnamese = get(client, params)
    in_english = get(client, params, HTTP_ACCEPT_LANGUAGE="en")
    assert in_vietnamese["parameter"] == in_english["parameter"] == parameter
    assert in_vietnamese["message"].startswith(f"{parameter}: ")
    assert in_english["message"].startswith(f"{parameter}: ")
    if vietnamese:
        assert (in_vietnamese["message"], in_english["message"]) == (vietnamese, english)
    else:
        assert in_vietnamese["message"] != in_english["message"]


def test_locale_en_chooses_english_as_accept_language_does(client, home):
    params = {"order": "nothing", "locale": "en"}
    assert get(client, params)["message"] == "order: cannot order by “nothing”: there is no such field."
    # An unknown ?locale= is itself the error, in the Accept-Language (default Vietnamese).
    assert get(client, {"locale": "xx"})["message"] == "locale: không có ngôn ngữ với mã này."


def test_the_other_wagtail_endpoints_answer_the_same_way(client, home):
    for url in ("/api/v2/images/", "/api/v2/documents/", "/api/v2/statistics/"):
        response = client.get(url, {"nope": "1"}, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 400
        assert response.json() == {"message": "nope: unsupported parameter: nope.", "parameter": "nope"}
    response = client.get("/api/v2/statistics/", {"locale": "xx"})
    assert response.json() == {"message": "locale: không có ngôn ngữ với mã này.", "parameter": "locale"}
    response = client.get("/api/v2/pages/find/", {"id": "abc"})
    assert response.json() == {"message": "id: phải là số nguyên.", "parameter": "id"}


def test_every_message_wagtail_raises_is_in_the_table():
    """Each BadRequestError text in wagtail.api.v2 (read from its source) matches a row: a Wagtail upgrade that
    adds a message fails here instead of answering English."""
    import inspect
    import re

    from wagtail.api.v2 import filters, pagination, views

    source = "\n".join(inspect.getsource(module) for module in (filters, pagination, views))
    raised = re.findall(r'BadRequestError\(\s*(?:f?"([^"]*)"|\n\s*f?"([^"]*)")', source)
    samples = {
        (first or second)
        .replace("%s", "x")
        .replace("%d", "5")
        .replace("{field}", "x")
        .replace("{}", "x")
        .replace("'x'", "'x'")
        for first, second in raised
    }
    samples.discard("")
    unknown = []
    for sample in samples:
        body = errors.bad_request(errors.BadRequestError(sample))
        if body.get("parameter") is None:
            unknown.append(sample)
    assert not unknown
