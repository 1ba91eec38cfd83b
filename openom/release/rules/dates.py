"""Commencement dates that change which release rules apply."""

from __future__ import annotations

import datetime as dt

# Criminal Justice Act 2003 Part 12 release provisions commenced 4 April 2005 (SI 2005/950).
CJA_DATE = dt.date(2005, 4, 4)
# LASPO Act 2012 s.109ff (release of prisoners) commenced 3 December 2012 (SI 2012/2906).
LASPO_DATE = dt.date(2012, 12, 3)
# Offender Rehabilitation Act 2014 (licence and top-up supervision for short sentences) commenced
# 1 February 2015 (SI 2015/40).
ORA_DATE = dt.date(2015, 2, 1)
# Release at Two-Thirds (SDS+) order, SI 2020/158, from 1 April 2020.
SDS_PLUS_COMMENCEMENT_DATE = dt.date(2020, 4, 1)
# Police, Crime, Sentencing and Courts Act 2022 s.130-131 (SOPC PED at two thirds; DTO) from
# 28 June 2022 (SI 2022/520).
PCSC_COMMENCEMENT_DATE = dt.date(2022, 6, 28)
# HDC-365: Home Detention Curfew (Amendment of Requisite Period) Order, SI 2025/? in force 3 June 2025
# (calculate-release-dates-api ImportantDates.HDC_365_COMMENCEMENT_DATE).
HDC_365_COMMENCEMENT_DATE = dt.date(2025, 6, 3)
# Sexual harm prevention order breach offences (Sentencing Act 2020 s.354) from 1 December 2020;
# release provisions for these under SDS40 cannot be determined automatically.
SHPO_BREACH_OFFENCE_FROM_DATE = dt.date(2020, 12, 1)

# SHPO breach offence codes (Sexual Offences Act 2003 s.103I / Sentencing Act 2020 s.354).
SHPO_SX03_OFFENCE_CODES = frozenset(
    {"SX03220", "SX03220A", "SX03244", "SX03244A", "SX03247", "SX03247A"}
)
# Early removal scheme at 30 per cent (ERS30): Criminal Justice Act 2003 s.260 as amended by the
# Early Removal Scheme (Amendment) order in force 23 September 2025 (calculate-release-dates-api
# ImportantDates.ERS30_COMMENCEMENT_DATE).
ERS30_COMMENCEMENT_DATE = dt.date(2025, 9, 23)
