"""conform.spark on a local[2] session: the same findings as the command line on the same rows
(locations aside: Spark gives rows, not lines)."""

from __future__ import annotations

import re
import shutil
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


FIXTURES = ["type.csv", "pattern.csv", "required.csv", "unique.csv", "primary-key.csv",
            "range.csv", "rule.csv", "valid.csv", "missing-column.csv", "row-count.csv"]


@pytest.mark.parametrize("name", FIXTURES)
def test_spark_gives_the_findings_of_the_file(spark, name):
    import conform.spark

    path = ROOT / "fixtures" / "checks" / name
    df = frame(spark, path)
    result = conform.spark.check(df, standard=STANDARD, table="grants", ignore=["foreign-key"])
    got = essence(r.asDict() for r in result.findings.collect())
    assert got == cli_essence(path, ignore=["foreign-key"])
    assert result.valid == conform.check(str(path), standard=STANDARD, ignore=["foreign-key"]).valid


def test_rows_are_numbered_across_partitions(spark):
    import conform.spark

    path = ROOT / "fixtures" / "checks" / "primary-key.csv"
    rows = frame(spark, path).collect()
    many = spark.createDataFrame(rows * 50, schema=frame(spark, path).schema).repartition(4)
    # repartition shuffles: number the rows the way Spark now holds them, then compare.
    result = conform.spark.check(many.coalesce(4), standard=STANDARD, table="grants", ignore=["foreign-key"])
    found = result.findings.where("code = 'primary-key'").collect()
    assert len(found) == len(rows) * 50 - len({r["Id"] for r in rows})
    assert all(1 <= r["row"] <= len(rows) * 50 for r in found)


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
