#!/usr/bin/env python3
"""Writes the fixtures of the file-format tests (fixtures/formats/, and the three format fixtures of
fixtures/checks/). The same spending rows in each format, with mistakes at known cells, so that
tests can assert the same findings and each format's own locations. Needs openpyxl
(`pip install openpyxl odfpy pyarrow zstandard`); run from the repository root. The output is committed."""

import csv
import datetime
import gzip
import io
import json
import os
import struct
import zipfile

import openpyxl
from openpyxl.cell.cell import TYPE_ERROR

HEADER = ["Body name", "Organisation code", "Transaction date", "Supplier name",
          "Transaction number", "Net amount", "Irrecoverable VAT", "Department",
          "Procurement category", "Purpose of expenditure"]
D = datetime.date
# Row 2 of the data has a text date that does not exist; row 3 a pound sign in the amount.
ROWS = [
    ["Devon County Council", "E10000008", D(2025, 4, 29), "PROMOTING INDEPENDENT CARE LIMITED",
     "22002769", 697.0, 0, "Children's Services", "Agency Supply Staff", "Agency social worker"],
    ["Devon County Council", "E10000008", "31/04/2025", "ACME LTD",
     "22002752", 1496.5, 0, "Children's Services", "Agency Supply Staff", "Agency social worker"],
    ["Devon County Council", "E10000008", D(2025, 5, 2), "BRIGHT FUTURES",
     "22000304", "£1,496.00", 0, "Children's Services", "Professional Fees", "Assessments"],
]


def text(value):
    if isinstance(value, D):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def iso(value):
    return value.isoformat() if isinstance(value, D) else value


def workbook(path, title=True, error_cell=False):
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Notes"  # a first sheet with no table: the reader must pass it by
    notes["A1"] = "Spending over £500, Devon County Council, April and May 2025"
    sheet = book.create_sheet("Spend")
    if title:
        sheet.append(["Payments over £500 (published under the Transparency Code)"])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    if error_cell:
        # Supplier name of the first data row: a lookup that failed.
        cell = sheet.cell(row=3 if title else 2, column=4)
        cell.value = "#N/A"
        cell.data_type = TYPE_ERROR
    book.save(path)


def grants_workbook(path):
    """fixtures/checks/cell-error.xlsx: a valid grants row of the checks standard with a #REF!."""
    with open("fixtures/checks/valid.csv", encoding="utf-8", newline="") as f:
        lines = list(csv.reader(f))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "grants"
    for line in lines:
        sheet.append(line)
    cell = sheet.cell(row=2, column=3)
    cell.value = "#REF!"
    cell.data_type = TYPE_ERROR
    book.save(path)


def key_errors_workbook(path):
    """fixtures/checks/key-errors.xlsx: `#N/A` in the unique `Reference` of two rows, which also
    share `Recipient` and `Award date` (a unique key of their own): the errors are not a duplicate
    reference, and the other key is still checked on those rows."""
    with open("fixtures/checks/valid.csv", encoding="utf-8", newline="") as f:
        lines = list(csv.reader(f))
    lines[3][2:4] = lines[2][2:4]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "grants"
    for line in lines:
        sheet.append(line)
    for row in (3, 4):
        cell = sheet.cell(row=row, column=2)
        cell.value = "#N/A"
        cell.data_type = TYPE_ERROR
    book.save(path)


def tables_workbook(path):
    """One sheet a table: the invalid conservation-area files as sheets named after their tables."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for table in ["conservation-area", "conservation-area-document"]:
        sheet = book.create_sheet(table)
        with open(f"fixtures/conservation-area/invalid/{table}.csv", encoding="utf-8", newline="") as f:
            for line in csv.reader(f):
                sheet.append(line)
    book.save(path)


def ods(path):
    """The spending rows as an OpenDocument spreadsheet (odfpy), dates as date cells."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Spend")

    def add(values):
        tr = TableRow()
        for v in values:
            if isinstance(v, D):
                cell = TableCell(valuetype="date", datevalue=v.isoformat())
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                cell = TableCell(valuetype="float", value=str(v))
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=text(v) if not isinstance(v, D) else v.isoformat()))
            tr.addElement(cell)
        table.addElement(tr)

    add(HEADER)
    for row in ROWS:
        add(row)
    doc.spreadsheet.addElement(table)
    doc.save(path)


def main():
    os.makedirs("fixtures/formats", exist_ok=True)
    workbook("fixtures/formats/spend.xlsx", error_cell=True)
    grants_workbook("fixtures/checks/cell-error.xlsx")
    key_errors_workbook("fixtures/checks/key-errors.xlsx")
    tables_workbook("fixtures/formats/conservation-areas.xlsx")
    ods("fixtures/formats/spend.ods")
    csv_text = ",".join(HEADER) + "\n" + "".join(
        ",".join(f'"{c}"' if "," in c else c for c in map(text, row)) + "\n" for row in ROWS)
    with open("fixtures/formats/spend.csv", "w", encoding="utf-8") as f:
        f.write(csv_text)
    with open("fixtures/formats/spend.csv.gz", "wb") as f:
        f.write(gzip.compress(csv_text.encode(), mtime=0))
    # zstd in two frames (the header and first row, then the rest), as `cat a.zst b.zst` makes.
    import zstandard
    lines = csv_text.encode().split(b"\n")
    first, rest = b"\n".join(lines[:2]) + b"\n", b"\n".join(lines[2:])
    compressor = zstandard.ZstdCompressor(level=3)
    with open("fixtures/formats/spend.csv.zst", "wb") as f:
        f.write(compressor.compress(first) + compressor.compress(rest))
    objects = [dict(zip(HEADER, map(text, row))) for row in ROWS]
    for o in objects:
        o["Net amount"] = float(o["Net amount"]) if o["Net amount"][0].isdigit() else o["Net amount"]
    with open("fixtures/formats/spend.json", "w", encoding="utf-8") as f:
        f.write(json.dumps({"spend": objects}, indent=2, ensure_ascii=False) + "\n")
    with open("fixtures/formats/spend.jsonl", "w", encoding="utf-8") as f:
        for o in objects:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    with zipfile.ZipFile("fixtures/formats/spend.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for name in ["spend.csv", "spend.json"]:
            info = zipfile.ZipInfo(name, date_time=(2025, 6, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(f"fixtures/formats/{name}", "rb") as f:
                z.writestr(info, f.read())
    # input.csv: JSON content under a CSV name, valid against the checks standard.
    with open("fixtures/checks/valid.csv", encoding="utf-8", newline="") as f:
        lines = list(csv.reader(f))
    rows = [dict(zip(lines[0], l)) for l in lines[1:]]
    with open("fixtures/checks/input.csv", "w", encoding="utf-8") as f:
        f.write(json.dumps(rows, indent=1) + "\n")
    # Parquet: the same rows, amounts and dates as text (as an export from the CSV would hold
    # them), transaction numbers as integers; and a copy whose dates are typed date32 columns.
    import pyarrow as pa
    import pyarrow.parquet as pq
    columns = {name: [text(row[i]) for row in ROWS] for i, name in enumerate(HEADER)}
    columns["Transaction number"] = [int(v) for v in columns["Transaction number"]]
    columns["Irrecoverable VAT"] = [float(v) for v in columns["Irrecoverable VAT"]]
    pq.write_table(pa.table(columns), "fixtures/formats/spend.parquet")
    typed = dict(columns)
    typed["Transaction date"] = pa.array([D(2025, 4, 29), None, D(2025, 5, 2)], type=pa.date32())
    pq.write_table(pa.table(typed), "fixtures/formats/spend-typed-dates.parquet")
    import pyarrow.feather as feather
    feather.write_feather(pa.table(columns), "fixtures/formats/spend.arrow", compression="uncompressed")
    # A truncated zip and one whose directory declares a 4 GB member (a bomb, refused unread).
    with open("fixtures/formats/spend.zip", "rb") as f:
        archive = f.read()
    with open("fixtures/formats/truncated.zip", "wb") as f:
        f.write(archive[: len(archive) // 2])
    bomb = bytearray(archive)
    at = bomb.find(b"PK\x01\x02")
    while at != -1:
        bomb[at + 24:at + 28] = struct.pack("<I", 0xFFFF0000)
        at = bomb.find(b"PK\x01\x02", at + 4)
    with open("fixtures/formats/bomb.zip", "wb") as f:
        f.write(bomb)
    # GeoJSON conservation areas: the second polygon's ring is not closed.
    areas = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"reference": "CA1", "name": "Old Town"},
         "geometry": {"type": "Polygon", "coordinates": [[[-3.53, 50.72], [-3.52, 50.72], [-3.52, 50.73], [-3.53, 50.72]]]}},
        {"type": "Feature", "properties": {"reference": "CA2", "name": "Quayside"},
         "geometry": {"type": "Polygon", "coordinates": [[[-3.53, 50.71], [-3.52, 50.71], [-3.52, 50.715]]]}},
    ]}
    with open("fixtures/formats/conservation-areas.geojson", "w", encoding="utf-8") as f:
        f.write(json.dumps(areas, indent=1) + "\n")


if __name__ == "__main__":
    main()
