"""The API's JSON is encoded by orjson (cms/api/renderers.py) and says exactly what DRF's encoder would."""

import datetime
import decimal
import json
import uuid

import pytest
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer as DRFRenderer

from cms.api.renderers import JSONRenderer

pytestmark = pytest.mark.django_db

AWKWARD = {
    "when": datetime.datetime(2026, 7, 1, 8, 30, tzinfo=datetime.UTC),
    "day": datetime.date(2026, 7, 1),
    "amount": decimal.Decimal("1234.50"),
    "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "label": gettext_lazy("Không tìm thấy."),
    "text": "Mộc Châu \u2028 dòng mới \u2029 đoạn mới </script>",
    "nested": [{"a": 1, "b": [1.5, None, True]}],
}


def test_awkward_values_come_out_as_drf_writes_them():
    assert JSONRenderer().render(AWKWARD) == DRFRenderer().render(AWKWARD)


def test_what_orjson_refuses_is_written_by_drf():
    huge = {"n": 2**70}
    assert JSONRenderer().render(huge) == DRFRenderer().render(huge) == b'{"n":1180591620717411303424}'


def test_api_answers_are_compact_and_indented_on_request(client, news_index):
    compact = client.get("/api/v2/pages/", {"type": "news.NewsPage"})
    indented = client.get("/api/v2/pages/", {"type": "news.NewsPage"}, HTTP_ACCEPT="application/json; indent=4")
    assert compact.status_code == indented.status_code == 200
    assert b"\n" not in compact.content and b'\n    "meta"' in indented.content
    assert json.loads(compact.content) == json.loads(indented.content)
