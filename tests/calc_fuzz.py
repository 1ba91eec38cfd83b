"""Arbitrary JSON for calculator fuzz tests: any input answers a result or a named error."""

import io
import json

from hypothesis import strategies as st

from openom.core.calc import run

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
    | st.text(max_size=12)
    | st.sampled_from(["1899-12-31", "2100-12-31", "2026-02-29", "2024-02-29", "2026-11-24", ""])
)
ANY_JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def objects_with(fields: dict) -> st.SearchStrategy:
    """Objects whose keys are the calculator's own fields, each any JSON or a plausible value."""
    return st.fixed_dictionaries(
        {}, optional={name: ANY_JSON | plausible for name, plausible in fields.items()}
    )


def answers_cleanly(name: str, payload) -> None:
    """Exit 0 with a result, or exit 2 with {"error": {"field", "message"}}; never a traceback."""
    out = io.StringIO()
    code = run([name], stdin=io.StringIO(json.dumps(payload)), stdout=out)
    documents = json.loads(out.getvalue())
    if not isinstance(payload, list):
        documents = [documents]
    errors = [d for d in documents if set(d) == {"error"}]
    for document in errors:
        assert {"field", "message"} <= set(document["error"])
    assert code == (2 if errors or not isinstance(payload, list | dict) else 0)
