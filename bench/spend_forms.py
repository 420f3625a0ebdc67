#!/usr/bin/env python3
"""Writes the generated spend CSV in another form with the same cells, all as text (so that every
bad value survives): Parquet (pyarrow), JSON Lines (one object a row, every value a string, as a
JSON export of text columns has it) or xlsx (xlsxwriter, constant memory, every cell a string).

usage: spend_forms.py spend.csv parquet|jsonl|xlsx OUT
"""
import csv
import json
import sys

source, form, out = sys.argv[1:4]

if form == "parquet":
    import pyarrow as pa
    import pyarrow.csv as pc
    import pyarrow.parquet as pq

    names = open(source, encoding="utf-8").readline().rstrip("\n").split(",")
    types = {n: pa.string() for n in names}
    options = pc.ConvertOptions(column_types=types, strings_can_be_null=False, quoted_strings_can_be_null=False)
    pq.write_table(pc.read_csv(source, convert_options=options), out, row_group_size=65536)
elif form == "jsonl":
    with open(source, encoding="utf-8", newline="") as f, open(out, "w", encoding="utf-8") as w:
        for row in csv.DictReader(f):
            w.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
            w.write("\n")
elif form == "xlsx":
    import xlsxwriter

    book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_numbers": False})
    sheet = book.add_worksheet("Spend")
    with open(source, encoding="utf-8", newline="") as f:
        for r, row in enumerate(csv.reader(f)):
            for c, cell in enumerate(row):
                if cell != "":
                    sheet.write_string(r, c, cell)
    book.close()
else:
    sys.exit(f"unknown form {form}")
