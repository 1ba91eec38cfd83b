"""The working of a calculation, in words an offender manager understands."""

from openom.release.explanation import describe_sentences, explain, release_point


def test_a_release_point_is_named_only_when_the_day_counts_fit_the_statutory_fraction():
    # 3 years from 15 December 2012 is 1,095 days; CJA 2003 s244: release at half, the part
    # day rounded up: 547.5 becomes 548.
    assert release_point(548, 1095) == "half of the custodial term (CJA 2003 s244)"
    # 2 years from 2 March 2026 is 731 days; SI 2024/844: 40%, 292.4 rounded up to 293.
    assert release_point(293, 731) == "40% of the custodial term (SDS40, SI 2024/844)"
    # 7 years from 1 April 2020 is 2,556 days (29 February 2024 inside); two-thirds is 1,704.
    assert release_point(1704, 2556).startswith("two-thirds of the custodial term")
    # One day: every fraction gives day 1, so none is named rather than a guess.
    assert release_point(1, 1) is None
    # Day counts that fit no statutory fraction are not dressed up as one.
    assert release_point(500, 1095) is None


def test_consecutive_sentences_are_described_in_order_in_words():
    assert describe_sentences("EDS 9 years from 2017-09-29 + SDS 20 weeks from 2021-01-08") == (
        "Consecutive sentences: extended determinate sentence of 9 years imposed "
        "29 September 2017, then standard determinate sentence of 20 weeks imposed 8 January 2021"
    )


def test_each_date_names_its_sentence_and_a_weekend_release_its_working_day():
    breakdown = {
        "sds40Tranche": "TRANCHE_0",
        "sds40TrancheDate": None,
        "nonWorkingDayAdjusted": {"HDCED": "2013-11-01"},
        "sentences": [
            {
                "sentences": "SDS 3 years from 2012-12-15",
                "sentencedAt": "2012-12-15",
                "daysToExpiry": 1095,
                "daysToRelease": 548,
                "adjustments": {"tagged_bail": 10, "remand": 35},
                "unadjustedExpiry": "2015-12-14",
                "unadjustedRelease": "2014-06-15",
                "dates": {"CRD": "2014-05-01", "HDCED": "2013-11-03", "SLED": "2015-10-30"},
                "rules": {"HDCED": "HDCED_PRE_HDC365"},
            }
        ],
    }
    explanation = explain(
        {"CRD": "2014-05-01", "HDCED": "2013-11-03", "SLED": "2015-10-30"}, breakdown
    )
    by_code = {d.code: d.text for d in explanation.dates}
    assert by_code["CRD"] == (
        "From the standard determinate sentence of 3 years imposed 15 December 2012, after "
        "45 days taken off and 0 days added for time in custody, at large or awarded."
    )
    # 3 November 2013 was a Sunday: release happens on Friday 1 November.
    assert by_code["HDCED"].endswith(
        "It falls on a weekend or bank holiday, so release happens on the previous working "
        "day, 1 November 2013."
    )
    (sentence,) = explanation.sentences
    assert "35 days taken off: time on remand (CJA 2003 s240ZA)." in sentence.lines
    assert "10 days taken off: time on tagged bail (CJA 2003 s240A)." in sentence.lines
    assert any(
        line.startswith("Home detention curfew eligibility date: ") for line in sentence.lines
    )


def test_a_date_moved_to_the_sds40_commencement_says_so():
    explanation = explain(
        {"CRD": "2024-09-10"},
        {
            "sds40Tranche": "TRANCHE_1",
            "sds40TrancheDate": "2024-09-10",
            "sentences": [
                {"sentences": "SDS 2 years from 2023-06-01", "dates": {"CRD": "2024-06-01"}}
            ],
        },
    )
    assert explanation.dates[0].text.startswith("The SDS40 commencement date of tranche 1")
    assert explanation.notes == [
        "Early release at 40% (SDS40, SI 2024/844) applies from 10 September 2024 (tranche 1)."
    ]
