"""The offence catalogue file: Home Office codes, OGRS3 categories and statutory flags."""

import pytest

from openom.demo.area import DEMO_OFFENCE_CODES
from openom.offences.services import read_catalogue

ROWS = {row["code"]: row for row in read_catalogue()}


def test_the_catalogue_holds_the_home_office_list_with_unique_five_digit_codes():
    assert len(ROWS) > 3000
    assert all(len(code) == 5 and code.isdigit() for code in ROWS)


@pytest.mark.parametrize(
    ("code", "ogrs3", "violent", "sexual", "notifiable", "murder"),
    [
        ("00101", "violence", False, False, False, True),  # murder
        ("00806", "violence", True, False, False, False),  # ABH: Schedule 15 Part 1
        ("00811", "violence", False, False, False, False),  # offensive weapon: not Schedule 15
        ("00831", "public_order", False, False, False, False),  # breach of a restraining order
        ("01900", "sexual_not_child", False, True, True, False),  # rape
        ("08610", "sexual_child", False, True, True, False),  # indecent images of children
        ("02800", "burglary_domestic", False, False, False, False),
        ("03401", "robbery", True, False, False, False),
        ("04600", "theft_non_motor", False, False, False, False),
        ("04510", "theft_from_vehicles", False, False, False, False),
        ("80302", "drink_driving", False, False, False, False),
        ("05601", "criminal_damage", True, False, False, False),  # arson endangering life
    ],
)
def test_known_offences_carry_the_right_categories_and_statutory_flags(
    code, ogrs3, violent, sexual, notifiable, murder
):
    row = ROWS[code]
    assert row["ogrs3_category"] == ogrs3
    assert (
        row["schedule_15_violent"],
        row["schedule_15_sexual"],
        row["schedule_3_notifiable"],
        row["murder"],
    ) == (violent, sexual, notifiable, murder)


def test_the_demo_draws_from_offences_in_the_catalogue():
    assert set(DEMO_OFFENCE_CODES) <= set(ROWS)
