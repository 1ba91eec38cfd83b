"""Object permissions for django-rules, built on the policy module."""

import rules

from openom.access.policy import can_view_person


@rules.predicate
def may_view_person(user, person) -> bool:
    return person is not None and can_view_person(user, person)


rules.add_perm("people.view_person", may_view_person)
