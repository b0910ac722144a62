"""Headless API: pages endpoint, fields, StreamField JSON, filters and visibility."""

import json

import pytest

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    return response, (
        json.loads(response.content) if response["Content-Type"].startswith("application/json") else None
    )


def test_smoke(client, demo_content):
    response, data = get(client, "/api/v2/pages/", type="news.NewsPage", fields="*", limit=3)
    print(json.dumps(data, ensure_ascii=False, indent=1)[:6000])
    assert response.status_code == 200, data
    response, data = get(client, "/api/v2/pages/", type="news.DirectivePage", fields="*", limit=2)
    print(json.dumps(data, ensure_ascii=False, indent=1)[:4000])
    assert response.status_code == 200, data
