"""Risk and needs assessment."""
