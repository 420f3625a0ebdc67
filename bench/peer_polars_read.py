#!/usr/bin/env python3
"""The polars side of scripts/bench-formats.sh: reads one file into a DataFrame, every column as
text where the reader allows it (as a validator must), and prints its shape. Only reading: no rule
is checked, so this is the least a polars pipeline spends on the file before any check.

usage: peer_polars_read.py csv|csv.gz|parquet|jsonl|xlsx PATH
"""
import sys

import polars as pl

form, path = sys.argv[1:3]
if form in ("csv", "csv.gz"):
    frame = pl.read_csv(path, infer_schema=False)
elif form == "parquet":
    frame = pl.read_parquet(path)
elif form == "jsonl":
    frame = pl.read_ndjson(path, infer_schema_length=None)
elif form == "xlsx":
    frame = pl.read_excel(path, engine="calamine", infer_schema_length=0)
else:
    sys.exit(f"unknown form {form}")
print(frame.shape)
