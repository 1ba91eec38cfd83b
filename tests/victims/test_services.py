"""Victim records: two liaison officers editing one victim cannot overwrite each other (#14)."""

import datetime as dt

import pytest

from openom.accounts.constants import Role
from openom.core.exceptions import EditConflict
from openom.victims.services import victim_add, victim_update
from tests.factories import UserFactory


@pytest.fixture
def vera(peterborough_team):
    """Vera, a victim liaison officer."""
    return UserFactory(username="vera", team=peterborough_team, roles=[Role.VICTIM_LIAISON_OFFICER])


@pytest.fixture
def victor(peterborough_team):
    """Victor, a second victim liaison officer in the same unit."""
    return UserFactory(
        username="victor", team=peterborough_team, roles=[Role.VICTIM_LIAISON_OFFICER]
    )


def test_a_stale_victim_edit_is_refused_with_the_saved_values(daniel, vera, victor):
    victim = victim_add(
        person=daniel,
        data={"forename": "Alice", "surname": "Jones", "views": "Wants an exclusion zone"},
        actor=vera,
        today=dt.date(2026, 11, 1),
    )
    read_at = victim.version
    victim_update(
        victim=victim,
        data={"views": "Exclusion zone covering Fengate"},
        version=read_at,
        actor=victor,
        today=dt.date(2026, 11, 2),
    )
    with pytest.raises(EditConflict) as refused:
        victim_update(
            victim=victim,
            data={"views": "No contact condition"},
            version=read_at,
            actor=vera,
            today=dt.date(2026, 11, 2),
        )
    assert refused.value.message.startswith("Someone else saved this victim's record at ")
    assert refused.value.theirs == {"views": "Exclusion zone covering Fengate"}
    victim.refresh_from_db()
    assert victim.views == "Exclusion zone covering Fengate"
    assert victim.history.count() == 2
