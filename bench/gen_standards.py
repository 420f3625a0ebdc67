#!/usr/bin/env python3
"""Large files in the shape of every built-in standard, for `scripts/bench-standards.sh`.

Each standard's valid fixture (fixtures/<id>/valid.csv, or each table of fixtures/<id>/valid/) is
repeated until the file holds about MB megabytes. Copy i of a row keeps the row's values, except
that identifiers are made unique and stay consistent across tables: a UUID has i added to its last
twelve hex digits, and a value in a key column (`reference`, `id`, `Identifier`, `SiteReference`...,
and any column of a table that refers to it) gets `-i` appended. So keys stay unique and foreign
keys between tables (Open Referral UK's organization_id, service_id, location_id) still resolve,
and the files conform as their fixtures do.

    python3 bench/gen_standards.py MB OUTDIR
"""

import csv
import os
import re
import sys

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# Columns whose values identify a row (or point at one in another table).
KEY_COLUMNS = {
    "reference", "id", "identifier", "sitereference", "tree-preservation-order",
    "conservation-area", "article-4-direction", "tree-preservation-zone",
}


def unique(value, column, copy):
    if UUID.match(value):
        tail = (int(value[24:], 16) + copy) % (1 << 48)
        return f"{value[:24]}{tail:012x}"
    folded = column.strip().lower().replace("_", "-")
    if value and (folded in KEY_COLUMNS or folded.endswith("-id")):
        return f"{value}-{copy}"
    return value


def tables(fixtures, standard):
    folder = os.path.join(fixtures, standard)
    single = os.path.join(folder, "valid.csv")
    if os.path.exists(single):
        return [single]
    valid = os.path.join(folder, "valid")
    if os.path.isdir(valid):
        return sorted(os.path.join(valid, name) for name in os.listdir(valid) if name.endswith(".csv"))
    return []


def main():
    megabytes, out = float(sys.argv[1]), sys.argv[2]
    fixtures = os.path.join(os.path.dirname(__file__), "..", "fixtures")
    schemas = os.path.join(os.path.dirname(__file__), "..", "schemas")
    for standard in sorted(os.listdir(schemas)):
        if not os.path.exists(os.path.join(schemas, standard, "standard.json")):
            continue
        files = tables(fixtures, standard)
        if not files:
            continue
        target = os.path.join(out, standard)
        os.makedirs(target, exist_ok=True)
        # Each table gets the same number of copies, so that references resolve.
        sizes = [os.path.getsize(f) for f in files]
        copies = max(1, int(megabytes * 1e6 / max(1, sum(sizes))))
        for path in files:
            with open(path, newline="", encoding="utf-8-sig") as f:
                rows = list(csv.reader(f))
            header, body = rows[0], rows[1:]
            name = os.path.join(target, os.path.basename(path))
            with open(name, "w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f, lineterminator="\n")
                writer.writerow(header)
                for copy in range(copies):
                    for row in body:
                        writer.writerow([unique(v, header[c] if c < len(header) else "", copy)
                                         for c, v in enumerate(row)])
        print(f"{standard}: {len(files)} table(s), {copies} copies")


if __name__ == "__main__":
    main()
