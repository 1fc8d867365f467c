"""Schemathesis against /openapi.json: generated requests to every read route, and no 500s.

Every GET operation of the schema gets property-based requests; each response must not be a
server error, must conform to the schema (documented status, content type), and every error must
have the one error shape. Writes (ingest, compare) are covered by their own tests.

(Schemathesis's own pytest integration reads a pytest attribute that pytest 9 removed, so the
operations are driven here with Hypothesis directly.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (dev extra)")
from hypothesis import HealthCheck, given, settings  # noqa: E402  (after the importorskip above)

#: Examples per operation: enough to reach every parameter's edge cases, few enough for a unit run.
EXAMPLES_PER_ROUTE = 40


@pytest.fixture(scope="module")
def read_operations(module_db: Path) -> list[Any]:
    from newsloom.serve.api import create_app

    app = create_app(str(module_db), token=None)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app).include(method="GET")
    return [result.ok() for result in schema.get_all_operations()]


def test_every_read_route_is_in_the_schema(read_operations: list[Any]) -> None:
    labels = {operation.label for operation in read_operations}
    assert {"GET /api/articles", "GET /api/events/{event_id}", "GET /api/search", "GET /api/export"} <= labels
    assert not any("ingest" in label for label in labels)


def test_read_routes_never_fail(read_operations: list[Any]) -> None:
    # A range with date_from after date_to is valid per parameter but refused (422, "swap them"):
    # the schema cannot say that, so the check that every schema-valid request is accepted is off.
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    failures: list[str] = []
    for operation in read_operations:

        @settings(
            max_examples=EXAMPLES_PER_ROUTE,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        @given(case=operation.as_strategy())
        def check(case: Any) -> None:
            response = case.call()
            where = f"{case.method} {case.formatted_path} {case.query}"
            assert response.status_code < 500, f"{where}: {response.status_code} {response.text[:300]}"
            if response.status_code >= 400:
                body = response.json()
                assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, where
            case.validate_response(response, excluded_checks=[positive_data_acceptance])

        try:
            check()
        except Exception as exc:  # collect every route's failure, not only the first
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)
