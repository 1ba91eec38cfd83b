"""Release date rules for determinate sentences in England and Wales (pure functions).

Modules: `booking` (parsing), `durations`, `sentences` (identification and release points),
`adjustments` and `timeline` (remand, tagged bail, UAL, ADA over custody periods), `calculation`
(sentence-level dates), `hdced`, `extraction` (booking-level dates), `working_days`, `params`
(parameter profiles), `validation` and `engine`.
"""
