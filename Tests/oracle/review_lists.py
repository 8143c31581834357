"""A reviewer's hand on a review list `quire answer` wrote: shared by the oracle tests."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Callable


def accept(review: Path, wanted: Callable[[dict], bool] = lambda row: bool(row["proposed_value"])) -> list[dict]:
    """Marks Accept on the review list's rows that `wanted` picks, writes the list back as CSV
    (CRLF, the columns in their order), and returns those rows."""
    rows = list(csv.DictReader(io.StringIO(review.read_text(encoding="utf-8"), newline="")))
    accepted = [row for row in rows if wanted(row)]
    for row in accepted:
        row["decision"] = "Accept"
    with review.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0].keys()), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return accepted
