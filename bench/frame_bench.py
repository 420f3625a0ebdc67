#!/usr/bin/env python3
"""conform.check_frame on a large polars frame: COPIES copies of the spend benchmark, each with its
own transaction numbers, checked in one call (the frame is never written to a file).

Usage: bench/frame_bench.py FILE.csv [COPIES, at most 9]   (the extension built with `maturin develop --release`)
Prints the frame's size, the seconds the check took, the findings by code and the peak RSS.
"""

import collections
import resource
import sys
import time

import polars as pl

import conform

path = sys.argv[1]
copies = int(sys.argv[2]) if len(sys.argv) > 2 else 4
one = pl.read_csv(path, infer_schema=False)
key = pl.col("Transaction number")
# The benchmark's ten-digit transaction numbers all start with 5: each copy gets its own first
# digit, so that a copy's keys repeat only where the benchmark put a duplicate.
digits = [d for d in "0123456789" if d != "5"][:copies]
frame = pl.concat(
    [one.with_columns(pl.when(key.str.len_chars() == 10).then(pl.lit(d) + key.str.slice(1)).otherwise(key).alias("Transaction number"))
     for d in digits],
    rechunk=False,
)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10
start = time.perf_counter()
report = conform.check_frame(frame, standard="bench/spend.standard.json")
seconds = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10
print(f"rows {frame.height:,}  cells {frame.height * frame.width:,}  frame {frame.estimated_size() >> 20} MiB")
print(f"check_frame {seconds:.2f} s  findings {dict(sorted(collections.Counter(f['code'] for f in report.findings).items()))}")
print(f"peak RSS {before} MiB before the check, {after} MiB after")
