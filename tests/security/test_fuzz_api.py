"""Property-based fuzzing of the public API from its own OpenAPI document (schemathesis).

Every operation in /api/v2/schema/ gets generated requests, valid and invalid, against the demo
portal through the WSGI application; no answer may be a 5xx or disagree with the document.
Bounded and derandomised, so the suite stays fast and a failure reproduces.
"""

import pytest
import schemathesis
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
    return schemathesis.openapi.from_wsgi("/api/v2/schema/", application)


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
