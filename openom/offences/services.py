"""Loading the offence catalogue from its versioned data file."""

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from openom.offences.constants import OffenceCategory, Ogrs3Category

DATA_DIR = Path(__file__).resolve().parent / "data"
CATALOGUE_FILE = DATA_DIR / "offences.csv"
VERSION_FILE = DATA_DIR / "VERSION"
BOOLEAN_COLUMNS = ("schedule_15_violent", "schedule_15_sexual", "schedule_3_notifiable", "murder")


@dataclass(frozen=True)
class LoadResult:
    version: str
    created: int
    updated: int
    retired: int


def catalogue_version() -> str:
    return VERSION_FILE.read_text().strip()


def read_catalogue(path: Path = CATALOGUE_FILE) -> list[dict[str, Any]]:
    """Rows of the data file, checked; a bad row stops the load with its line number."""
    rows = []
    categories = set(OffenceCategory.values)
    ogrs3_categories = set(Ogrs3Category.values)
    with path.open(newline="", encoding="utf-8") as handle:
        for line_number, raw in enumerate(csv.DictReader(handle), start=2):
            row: dict[str, Any] = {key: (value or "").strip() for key, value in raw.items()}
            if row["category"] not in categories:
                raise ValueError(
                    f"{path.name} line {line_number}: unknown category {row['category']!r}"
                )
            if row["ogrs3_category"] not in ogrs3_categories:
                raise ValueError(
                    f"{path.name} line {line_number}: unknown OGRS3 category {row['ogrs3_category']!r}"
                )
            for column in BOOLEAN_COLUMNS:
                if row[column] not in {"true", "false"}:
                    raise ValueError(
                        f"{path.name} line {line_number}: {column} must be true or false"
                    )
                row[column] = row[column] == "true"
            rows.append(row)
    return rows


def offence_catalogue_load(*, offence_model: Any = None, load_model: Any = None) -> LoadResult:
    """Create or update every offence in the file; retire (not delete) those no longer in it.

    The models can be passed in so a data migration can call this with its historical models.
    """
    if offence_model is None or load_model is None:
        from openom.offences.models import CatalogueLoad, Offence

        offence_model, load_model = Offence, CatalogueLoad
    version = catalogue_version()
    rows = read_catalogue()
    fields = ["description", "category", "ogrs3_category", *BOOLEAN_COLUMNS]
    with transaction.atomic():
        existing = {o.code: o for o in offence_model.objects.select_for_update()}
        to_create, to_update = [], []
        for row in rows:
            offence = existing.pop(row["code"], None)
            if offence is None:
                to_create.append(
                    offence_model(
                        code=row["code"], catalogue_version=version, **{f: row[f] for f in fields}
                    )
                )
                continue
            changed = any(getattr(offence, f) != row[f] for f in fields) or not offence.active
            if changed:
                for f in fields:
                    setattr(offence, f, row[f])
                offence.active = True
                offence.catalogue_version = version
                to_update.append(offence)
        retired = [o for o in existing.values() if o.active]
        for offence in retired:
            offence.active = False
        offence_model.objects.bulk_create(to_create)
        offence_model.objects.bulk_update(
            [*to_update, *retired], [*fields, "active", "catalogue_version"]
        )
        load_model.objects.create(
            version=version, created=len(to_create), updated=len(to_update), retired=len(retired)
        )
    return LoadResult(version, len(to_create), len(to_update), len(retired))
