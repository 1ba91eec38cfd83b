"""Release date calculation (the `release-dates` calculator); pure rules live in `rules`."""
