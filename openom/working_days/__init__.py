"""Working days in England and Wales: weekends, bank holidays and an area's closure days.

Pure (no Django): `rules.WorkingDayCalendar` does the arithmetic every deadline in OpenOM uses
(DOMAIN.md §5.4, §5.7); `calculators` is `openom calc working-days`.
"""
