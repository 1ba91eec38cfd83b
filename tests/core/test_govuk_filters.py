"""Durations read in words (issue 15: "8 years", not "P8Y")."""

import pytest

from openom.core.templatetags.govuk import period_words


@pytest.mark.parametrize(
    ("iso", "words"),
    [
        ("P8Y", "8 years"),
        ("P1Y", "1 year"),
        ("P1Y6M15D", "1 year, 6 months and 15 days"),
        ("P2M1D", "2 months and 1 day"),
        ("P0D", "0 days"),
        ("", ""),
        ("not a period", "not a period"),
    ],
)
def test_an_iso_period_is_written_in_words(iso, words):
    assert period_words(iso) == words
