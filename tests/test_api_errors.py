"""Every error under /api/ has one JSON shape, {"message", "parameter"?}, documented once in OpenAPI."""

import pytest

pytestmark = pytest.mark.django_db


def assert_error(response, status, parameter=None):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) <= {"message", "parameter"}
    assert isinstance(body["message"], str) and body["message"]
    assert body.get("parameter") == parameter
    return body


def test_malformed_and_unknown_ids_answer_the_json_404(client, home):
    assert_error(client.get("/api/v2/pages/abc/"), 404)
    assert_error(client.get("/api/v2/pages/999999/"), 404)
    assert_error(client.get("/api/v2/no-such-endpoint/"), 404)
    assert_error(client.get("/api/v2/images/1x/"), 404)


def test_a_bad_parameter_is_named(client, home):
    assert_error(client.get("/api/v2/pages/", {"type": "news.Nothing"}), 400, "type")
    assert_error(
        client.get("/api/v2/pages/", {"issued_from": "yesterday", "type": "news.DirectivePage"}), 400, "issued_from"
    )
    assert_error(client.get("/api/v2/pages/", {"bad\x00name": "1"}), 400, "badname")
    assert_error(client.get("/api/v2/search/", {"q": "moc chau", "limit": "many"}), 400, "limit")


def test_preview_refusal_and_wrong_method_use_the_same_shape(client, news_index):
    assert_error(client.get("/api/v2/preview/1/", {"token": "forged"}), 403, "token")
    assert_error(client.post("/api/v2/pages/"), 405)


def test_the_message_follows_the_request_language(client, home):
    vietnamese = assert_error(client.get("/api/v2/pages/abc/"), 404)["message"]
    english = assert_error(client.get("/api/v2/pages/abc/", HTTP_ACCEPT_LANGUAGE="en"), 404)["message"]
    assert vietnamese == "Không tìm thấy."
    assert english == "Not found."


def test_openapi_documents_one_error_object_for_every_error_status(client):
    document = client.get("/api/v2/schema/").json()
    assert document["components"]["schemas"]["Error"]["required"] == ["message"]
    for operations in document["paths"].values():
        for operation in operations.values():
            errors = {code: response for code, response in operation["responses"].items() if code[0] in "45"}
            assert {"429", "500"} <= errors.keys()
            for response in errors.values():
                assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
