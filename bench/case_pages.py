"""Benchmark: search, caseload and case pages on a large demo area.

Builds a demo area of --people cases in a scratch database (SQLite under var/bench/ unless
DATABASE_URL is set), then times the pages an officer uses all day through Django's test client
and prints each median and 95th percentile against its target. Run:

    .venv/bin/python bench/case_pages.py --people 50000

Targets (server time, excluding the network) are for national scale: ~250,000 people.
"""

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MS = {
    "search by name": 300,
    "search by CRN": 100,
    "my cases": 250,
    "case summary": 150,
    "case events": 200,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    database = bench_dir / f"bench-{args.people}.sqlite3"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.embedded")
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from openom.accounts.models import User
    from openom.allocation.models import CaseAllocation
    from openom.people.models import Person

    call_command("migrate", verbosity=0)
    if not Person.objects.exists():
        started = time.monotonic()
        call_command("demo", people=args.people, today=dt.date(2026, 11, 24))
        print(f"built {args.people:,} cases in {time.monotonic() - started:.0f}s")

    officer = User.objects.get(username="om")
    client = Client()
    client.force_login(officer)
    sample = (
        CaseAllocation.objects.filter(offender_manager=officer, end_date__isnull=True)
        .select_related("person")
        .first()
        .person
    )
    pages = {
        "search by name": ("/search/", {"q": f"{sample.forename} {sample.surname}"}),
        "search by CRN": ("/search/", {"q": sample.crn}),
        "my cases": ("/", {"sort": "name"}),
        "case summary": (f"/cases/{sample.crn}/", {}),
        "case events": (f"/cases/{sample.crn}/events/", {}),
    }
    print(f"{Person.objects.count():,} people; {args.repeat} requests each")
    failed = False
    for name, (url, params) in pages.items():
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = client.get(url, params)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (name, response.status_code)
        median = statistics.median(timings)
        p95 = sorted(timings)[int(len(timings) * 0.95) - 1]
        verdict = "ok" if median <= TARGET_MS[name] else "SLOW"
        failed |= verdict != "ok"
        print(
            f"{name:16} median {median:7.1f} ms  p95 {p95:7.1f} ms  target {TARGET_MS[name]} ms  {verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
