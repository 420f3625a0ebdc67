#!/usr/bin/env python3
"""conform.spark on local[2] against the conform command line, on the same CSV.

Usage: bench/spark_bench.py FILE.csv [STANDARD] [CONFORM_BIN]
Prints wall seconds of each and the findings each found (by code). Spark reads the CSV itself
(header, every column as text); the findings are counted (a full pass), not collected.
"""

import json
import os
import subprocess
import sys
import time

from pyspark.sql import SparkSession

import conform
import conform.spark

path = sys.argv[1]
standard = sys.argv[2] if len(sys.argv) > 2 else "bench/spend.standard.json"
binary = sys.argv[3] if len(sys.argv) > 3 else "target/release/conform"

start = time.perf_counter()
done = subprocess.run([binary, "check", path, "-s", standard, "--format", "json", "--jobs", "2"],
                      capture_output=True, text=True)
cli_seconds = time.perf_counter() - start
cli = json.loads(done.stdout)["summary"]["by_code"]

os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
spark = (SparkSession.builder.master("local[2]").appName("conform-bench")
         .config("spark.ui.enabled", "false").config("spark.driver.memory", "4g")
         .config("spark.sql.shuffle.partitions", "8").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
start = time.perf_counter()
df = spark.read.csv(path, header=True, inferSchema=False, multiLine=False)
result = conform.spark.check(df, standard=standard)
by_code = {r["code"]: r["count"] for r in result.findings.groupBy("code").count().collect()}
spark_seconds = time.perf_counter() - start
spark.stop()

print(f"rows {result.rows}")
print(f"cli   {cli_seconds:7.2f} s  {dict(sorted(cli.items()))}")
print(f"spark {spark_seconds:7.2f} s  {dict(sorted(by_code.items()))}")
print(f"spark / cli wall: {spark_seconds / cli_seconds:.1f}x")
