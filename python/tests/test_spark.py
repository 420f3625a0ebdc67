"""conform.spark on a local[2] session: the same findings as the command line on the same rows
(locations aside: Spark gives rows, not lines)."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

import conform

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[2]
STANDARD = str(ROOT / "fixtures" / "checks" / "standard.json")


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The workers run this Python, which has the package.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("conform-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    yield session
    session.stop()


def frame(spark, path: Path):
    import polars as pl

    from pyspark.sql.types import StringType, StructField, StructType

    rows = pl.read_csv(path, infer_schema=False)
    schema = StructType([StructField(c, StringType()) for c in rows.columns])
    # createDataFrame keeps the rows in order over local[2]'s partitions.
    return spark.createDataFrame(rows.rows(), schema)


def essence(rows):
    return sorted(
        (r["code"], r["row"], r["column"], r["value"], re.sub(r" \(line \d+\)", "", r["message"]))
        for r in rows
    )


def cli_essence(path: Path, **options):
    report = conform.check(str(path), standard=STANDARD, **options)
    return essence(
        {
            "code": f["code"],
            "row": f.get("row"),
            "column": (f.get("column") or {}).get("name"),
            "value": f.get("value"),
            "message": f["message"],
        }
        for f in report.findings
    )


FIXTURES = ["type.csv", "foreign-key.csv", "whitespace.csv", "pattern.csv", "required.csv", "unique.csv", "primary-key.csv",
            "range.csv", "rule.csv", "valid.csv", "missing-column.csv", "row-count.csv"]


@pytest.mark.parametrize("name", FIXTURES)
def test_spark_gives_the_findings_of_the_file(spark, name):
    import conform.spark

    path = ROOT / "fixtures" / "checks" / name
    df = frame(spark, path)
    result = conform.spark.check(df, standard=STANDARD, table="grants")
    got = essence(r.asDict() for r in result.findings.collect())
    assert got == cli_essence(path)
    assert result.valid == conform.check(str(path), standard=STANDARD).valid


def test_rows_are_numbered_across_partitions(spark):
    import conform.spark

    path = ROOT / "fixtures" / "checks" / "primary-key.csv"
    rows = frame(spark, path).collect()
    many = spark.createDataFrame(rows * 50, schema=frame(spark, path).schema)
    assert many.rdd.getNumPartitions() > 1
    result = conform.spark.check(many, standard=STANDARD, table="grants", ignore=["row-count"])
    found = sorted(r["row"] for r in result.findings.where("code = 'primary-key'").collect())
    # The rows in order, as the file would hold them: every row after the first with its Id.
    seen, want = set(), []
    for n, row in enumerate(rows * 50, start=1):
        if row["Id"] in seen:
            want.append(n)
        seen.add(row["Id"])
    assert found == want


def test_foreign_keys_are_an_anti_join_with_the_other_tables(spark):
    import conform.spark

    folder = ROOT / "fixtures" / "open-referral-uk" / "invalid"
    report = conform.check(str(folder), standard="open-referral-uk")
    frames = {
        "organization": frame(spark, folder / "organizations.csv"),
        "service": frame(spark, folder / "services.csv"),
        "location": frame(spark, folder / "locations.csv"),
    }
    for table, name in [("service", "services.csv"), ("service_at_location", "service_at_location.csv")]:
        want = sorted(
            (f.get("row") or 0, f["column"]["name"], f.get("value"))
            for file in report.files
            if file["table"] == table
            for f in file["findings"]
            if f["code"] == "foreign-key"
        )
        assert want, table
        result = conform.spark.check(
            frame(spark, folder / name), standard="open-referral-uk", table=table, references=frames
        )
        rows = result.findings.where("code = 'foreign-key'").collect()
        assert sorted((r["row"] or 0, r["column"], r["value"]) for r in rows) == want
        # Every other finding is the file's too.
        others = {(f["code"], f.get("row")) for file in report.files if file["table"] == table for f in file["findings"]}
        assert {(r["code"], r["row"]) for r in result.findings.collect()} == others


def test_columns_named_otherwise_map_as_their_csv_header_would(spark):
    """Keys and references are found under the names a file's header may use (case, spaces and
    `_` aside, or an alias), in the checked DataFrame and in the referenced one, as the engine
    matches a file's header: `supplier_id` holds the standard's `Supplier ID` on both sides."""
    import conform.spark

    folder = ROOT / "fixtures" / "spark"
    standard = str(folder / "payments.standard.json")
    report = conform.check(str(folder / "data"), standard=standard)
    want = sorted(
        (f["code"], f.get("row"), f["column"]["name"], f.get("value"))
        for file in report.files
        if file["table"] == "payment"
        for f in file["findings"]
        if f.get("row") is not None
    )
    assert {code for code, *_ in want} == {"foreign-key", "primary-key", "type"}
    suppliers = frame(spark, folder / "data" / "suppliers.csv")
    assert "Supplier ID" not in suppliers.columns
    result = conform.spark.check(
        frame(spark, folder / "data" / "payments.csv"), standard=standard, table="payment",
        references={"supplier": suppliers},
    )
    rows = result.findings.where("row is not null").collect()
    assert sorted((r["code"], r["row"], r["column"], r["value"]) for r in rows) == want


def test_a_reference_frame_without_the_referenced_column_is_refused(spark):
    import conform.spark

    folder = ROOT / "fixtures" / "open-referral-uk" / "invalid"
    organizations = frame(spark, folder / "organizations.csv").withColumnRenamed("id", "identifier")
    with pytest.raises(conform.ConformError, match="no column `id`"):
        conform.spark.check(
            frame(spark, folder / "services.csv"), standard="open-referral-uk", table="service",
            references={"organization": organizations},
        )


def test_the_spend_benchmark_gives_the_command_lines_findings(spark, tmp_path):
    """The 1M-row spend benchmark (bench/gen_spend.py, 1000 injected errors), read by Spark from
    the CSV: every finding of the command line, at the same row, and no other."""
    import json
    import subprocess

    import conform.spark

    rows = int(os.environ.get("CONFORM_SPARK_BENCH_ROWS", "1000000"))
    path = tmp_path / "spend.csv"
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_spend.py"), str(rows), str(path)], check=True)
    standard = str(ROOT / "bench" / "spend.standard.json")
    cli = json.loads(
        subprocess.run(
            [os.environ.get("CONFORM_BIN", "conform"), "check", str(path), "-s", standard, "--format", "json"],
            capture_output=True, text=True,
        ).stdout
    )
    want = sorted(
        (f["code"], f.get("row"), (f.get("column") or {}).get("name"), f.get("value"))
        for file in cli["files"]
        for f in file["findings"]
    )
    assert len(want) >= rows // 1000
    df = spark.read.csv(str(path), header=True, inferSchema=False, escape='"')
    assert df.rdd.getNumPartitions() > 1 or rows < 1_000_000
    result = conform.spark.check(df, standard=standard)
    got = sorted((r["code"], r["row"], r["column"], r["value"]) for r in result.findings.collect())
    assert got == want
    assert result.rows == rows


def test_rows_keys_and_counts_are_each_files_when_spark_reads_several(spark):
    """Files read together: each finding names its file and its row there, a key repeated in
    another file is no repeat, and each file's rows are counted, as the command line does."""
    import conform.spark

    names = ["primary-key.csv", "unique.csv", "type.csv", "row-count.csv"]
    paths = [str(ROOT / "fixtures" / "checks" / n) for n in names]
    report = conform.check(paths, standard=STANDARD)
    want = sorted(
        (Path(file["path"]).name, f["code"], f.get("row"), (f.get("column") or {}).get("name"), f.get("value"))
        for file in report.files
        for f in file["findings"]
        if f.get("row") is not None or f["code"] == "row-count"
    )
    assert {"primary-key", "unique", "type", "row-count"} <= {w[1] for w in want}
    df = spark.read.csv(paths, header=True, inferSchema=False, escape='"')
    result = conform.spark.check(df, standard=STANDARD, table="grants")
    got = sorted(
        (Path(r["file"]).name, r["code"], r["row"], r["column"], r["value"])
        for r in result.findings.collect()
        if r["row"] is not None or r["code"] == "row-count"
    )
    assert got == want
