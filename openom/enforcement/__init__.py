"""Enforcement: warnings, breach proceedings and recall after failures to comply (DOMAIN.md §5.4).

The counting and the clocks are pure (`rules`, and `openom calc enforcement-deadline` in
`calculators`); the Django app records the decisions and the actions officers take on them.
"""
