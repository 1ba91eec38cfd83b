"""OpenOM: multi-agency offender management and public protection."""
