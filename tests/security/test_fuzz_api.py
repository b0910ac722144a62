"""Property-based fuzzing of the public API from its own OpenAPI document (schemathesis).

Every operation in /api/v2/schema/ gets generated requests, valid and invalid, against the demo
portal through the WSGI application; no answer may be a 5xx or disagree with the document.
Bounded and derandomised, so the suite stays fast and a failure reproduces.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cms.wsgi import application

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
MAX_EXAMPLES = 25


@pytest.fixture
def api_schema(demo_content):
    # As Django's test Client does: the WSGI handler's close_old_connections would close the test's
    # connection mid-transaction (PostgreSQL), losing the fixture data and leaking later writes.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v2/schema/", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_api_answers_every_generated_request_as_documented(case):
    case.call_and_validate(checks=CHECKS, headers={"Host": "localhost"})
