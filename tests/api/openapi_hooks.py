"""Schemathesis hooks for tests/api/openapi.rs.

The OpenAPI document gives the org number the format `org-number`: nine digits (its
pattern) whose last is a mod-11 check digit over the first eight with the weights
3, 2, 7, 6, 5, 4, 3, 2 — the one rule JSON Schema cannot state. This strategy makes
numbers with a right check digit, so that a request the fuzzer calls schema-valid is
one the API must accept; the check itself stays on.
"""

import schemathesis
from hypothesis import strategies as st

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def with_check_digit(first_eight):
    remainder = 11 - sum(d * w for d, w in zip(first_eight, WEIGHTS)) % 11
    if remainder == 10:
        return None  # never issued
    return "".join(map(str, first_eight)) + str(0 if remainder == 11 else remainder)


org_numbers = (
    st.lists(st.integers(0, 9), min_size=8, max_size=8)
    .map(with_check_digit)
    .filter(lambda number: number is not None)
)

schemathesis.openapi.format("org-number", org_numbers)
