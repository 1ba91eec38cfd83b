"""MAPPA eligibility and sex-offender notification (DOMAIN.md §4, §5.8).

Pure (no Django): `rules` decides the MAPPA category (CJA 2003 ss325-327) with its reasons, the
notification period (SOA 2003 s82) and the review and notification due dates; `calculators` is
`openom calc mappa-category`.
"""
