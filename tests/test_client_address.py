"""One reading of the client address (proxy count, header) for throttling, login lockout and the visitor counter."""

import pytest
from axes.helpers import get_client_ip_address
from django.test import RequestFactory, override_settings

from cms.api.throttling import ApiAnonThrottle
from cms.core.http import admin_prefix, client_address
from cms.visits import counter

BEHIND_TWO_PROXIES = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "192.0.2.66, 203.0.113.7, 10.0.0.1"}


def _readings(**meta) -> set:
    request = RequestFactory().get("/vi/", **meta)
    return {
        client_address(request),
        ApiAnonThrottle().get_ident(request),
        get_client_ip_address(request),
        counter.client_address(request),
    }


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_every_part_sees_the_client_not_a_proxy_or_a_forged_address():
    assert _readings(**BEHIND_TWO_PROXIES) == {"203.0.113.7"}


def test_without_proxies_the_forwarded_header_is_ignored():
    assert _readings(**BEHIND_TWO_PROXIES) == {"10.0.0.2"}


@override_settings(TRUSTED_PROXY_COUNT=1, CLIENT_IP_HEADER="X-Real-IP")
def test_a_single_address_header_can_be_chosen():
    assert _readings(REMOTE_ADDR="10.0.0.2", HTTP_X_REAL_IP="203.0.113.7", HTTP_X_FORWARDED_FOR="192.0.2.66") == {
        "203.0.113.7"
    }


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/3/"])
def test_the_admin_is_told_apart_by_one_prefix(path):
    assert admin_prefix() == "/admin/"
    assert path.startswith(counter.excluded_prefixes())
