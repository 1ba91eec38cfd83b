"""Tiering: the case tier from its risk, needs and management."""
