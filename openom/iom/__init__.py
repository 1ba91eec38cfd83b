"""Integrated offender management (IOM) and prolific and priority offenders (PPO): one referral
point, a weighted selection matrix, one cohort on a sliding scale, reviews, deselection and case
management meetings ordered so each agency attends only its cases (seed 002, DOMAIN.md §6)."""
