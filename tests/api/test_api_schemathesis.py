"""Schemathesis, driven by the live server's own OpenAPI spec (loaded from 127.0.0.1): valid and invalid
requests to every operation; none may get a 5xx, and every response must match the spec (status code,
content type, body schema). One check is left out: ``positive_data_acceptance`` (a schema-valid request
must not get a 4xx), because two rules cannot be written in OpenAPI: ``start`` must not be after ``end``,
and text may not hold a NUL character; both get our 400 E501.

The operations are walked with schemathesis' Python API rather than its pytest plugin, whose lazy
(fixture-based) loader does not work with pytest 9 (it reads ``Function._nodeid``).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import positive_data_acceptance

MAX_EXAMPLES = 25


@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])
def test_no_server_errors(base_url: str, mode: schemathesis.GenerationMode) -> None:
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                  derandomize=True, database=None)  # fmt: skip
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(
                base_url=base_url,
                additional_checks=[not_a_server_error],
                excluded_checks=[positive_data_acceptance],
            )

        try:
            check()
        except Unsatisfiable:  # nothing invalid can be sent to an operation without parameters
            if mode is not schemathesis.GenerationMode.NEGATIVE or operation.path != "/api/health":
                raise
        except Exception as exc:  # one failing operation must not hide the others
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    assert operations >= 10
    assert not failures, "\n\n".join(failures)
