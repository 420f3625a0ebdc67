"""conform on Spark: ``conform.spark.check(df, standard=...)`` for a PySpark DataFrame.

Row and cell checks run inside each partition through ``mapInArrow``, calling the same Rust
engine as the command line on the partition's Arrow batches. Checks across rows are Spark's own
operations, so that they scale with the cluster: primary and unique keys are a window over the
key columns (a shuffle by key), foreign keys an anti-join, the row count a count. The header is
checked once, on the driver, from the schema.

Rows are numbered in their source file (``input_file_name``), partition by partition in order,
which for files read by Spark is each file's order; a DataFrame read from no file (made from a
local frame) is numbered as a whole. ``check`` persists the DataFrame with each row's partition,
position and file, so that every job numbers the rows alike.

Differences from the command line: ``table=None`` takes the standard's first table (the command
line chooses by header); ``Result.valid`` is "no errors" (no ``strict``); a repeat's message does
not name the first row's line; ``line`` is empty.
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Iterator

import conform

#: Codes the partitions do not report: Spark checks them across partitions. (A foreign key into
#: another table has no row in a partition's report, only a file-level "not looked up" note,
#: which partitions drop; a foreign key into a code list is a cell check and stays there.)
ACROSS_ROWS = ("primary-key", "unique", "row-count", "empty-file")

#: The findings DataFrame's columns.
FINDINGS_SCHEMA = (
    "code string, severity string, file string, row long, line long, column string, column_number long, "
    "value string, message string, help string, partition int"
)

#: Rows checked by one call of the engine inside a partition.
ROWS_A_CALL = 100_000


def _standard_table(standard: str, table: str | None) -> dict[str, Any]:
    info = conform.standard(standard)
    tables = info["tables"]
    if table is None:
        return tables[0]
    for t in tables:
        if t["name"] == table:
            return t
    names = ", ".join(t["name"] for t in tables)
    raise conform.ConformError(f"the standard {info['id']} has no table `{table}` (it has {names})")


def _file_columns(standard: str, table: str, columns: list[str]) -> dict[str, str]:
    """The DataFrame column holding each standard column that is there, by the standard's name:
    matched by the engine as it matches a file's header (exact names, then normalised names and
    aliases), so that a DataFrame maps as its CSV export would."""
    from conform import _native

    spec = _standard_table(standard, table)
    found = _native.columns_for(standard, table, columns)
    return {c["name"]: columns[i] for c, i in zip(spec["columns"], found) if i is not None}


def _partition_checker(standard: str, table: str | None, ignore: list[str], columns: list[str]):
    """The function each partition runs: the engine on its batches, row findings only."""

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa
        import conform as engine

        partition = None
        pending: list[Any] = []
        pending_rows = 0

        def flush() -> Iterator[Any]:
            nonlocal pending, pending_rows
            if not pending_rows:
                return
            held = pa.Table.from_batches(pending)
            ids, files = held.column("__id"), held.column("__file")
            report = engine.check_frame(
                held.select(columns), standard=standard, table=table, ignore=[*ignore, *ACROSS_ROWS],
                max_findings=None,
            )
            # `row` carries the row's id until the rows are numbered file by file.
            rows = [
                _finding_row(f, ids[f["row"] - 1].as_py(), partition, files[f["row"] - 1].as_py())
                for f in report.findings
                if f.get("row") is not None
            ]
            pending, pending_rows = [], 0
            if rows:
                yield pa.RecordBatch.from_pylist(rows, schema=_arrow_schema())

        for batch in batches:
            if partition is None and batch.num_rows:
                # The partition as Spark numbered it before the findings were unioned.
                partition = batch.column("__partition")[0].as_py()
            pending.append(batch)
            pending_rows += batch.num_rows
            if pending_rows >= ROWS_A_CALL:
                yield from flush()
        yield from flush()

    return run


def _arrow_schema():
    import pyarrow as pa

    return pa.schema(
        [
            ("code", pa.string()),
            ("severity", pa.string()),
            ("file", pa.string()),
            ("row", pa.int64()),
            ("line", pa.int64()),
            ("column", pa.string()),
            ("column_number", pa.int64()),
            ("value", pa.string()),
            ("message", pa.string()),
            ("help", pa.string()),
            ("partition", pa.int32()),
        ]
    )


class Result:
    """What ``conform.spark.check`` found: ``findings`` (a Spark DataFrame, one row per finding,
    ``row`` counted from 1 over the whole DataFrame) and ``summary`` (counts, computed when first
    asked for)."""

    def __init__(self, findings, rows: int):
        self.findings = findings
        self.rows = rows
        self._summary: dict[str, Any] | None = None

    @property
    def summary(self) -> dict[str, Any]:
        if self._summary is None:
            counts = self.findings.groupBy("code", "severity").count().collect()
            by_code: dict[str, int] = {}
            totals = {"error": 0, "warning": 0, "info": 0}
            for r in counts:
                by_code[r["code"]] = by_code.get(r["code"], 0) + r["count"]
                totals[r["severity"]] = totals.get(r["severity"], 0) + r["count"]
            self._summary = {
                "rows": self.rows,
                "errors": totals["error"],
                "warnings": totals["warning"],
                "infos": totals["info"],
                "by_code": dict(sorted(by_code.items())),
            }
        return self._summary

    @property
    def valid(self) -> bool:
        return self.summary["errors"] == 0


def check(
    df,
    standard: str | os.PathLike[str],
    table: str | None = None,
    *,
    ignore: Iterable[str] = (),
    references: dict[str, Any] | None = None,
) -> Result:
    """Checks a PySpark DataFrame against a table of a standard.

    ``references`` gives the DataFrames of the other tables this table's foreign keys point at,
    by table name (``{"organization": organizations}``); a foreign key whose table is not given
    is not looked up. The findings are the command line's for the same rows: ``file`` is the
    source file Spark read the row from, ``row`` its number in that file (counted over the
    DataFrame when it was read from no file), and ``line`` is left empty (Spark does not know
    the file's lines). Keys are unique within each file, as the command line checks each file.
    """
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    standard = os.fspath(standard)
    ignore = list(ignore)
    spec = _standard_table(standard, table)
    table_name = spec["name"]
    columns = df.columns
    held = _file_columns(standard, table_name, columns)
    spark = df.sparkSession
    # One numbering for every job below: each row's partition, position and source file are
    # fixed once (persisted), so that the cell checks and the key checks agree on every row.
    base = (
        df.withColumn("__partition", F.spark_partition_id())
        .withColumn("__id", F.monotonically_increasing_id())
        .withColumn("__file", F.input_file_name())
    ).persist()
    # The key checks compare text; the cell checks get the typed columns, which the engine writes
    # as it writes an Arrow file's (dates as ISO dates, whole floats without `.0`).
    with_id = base.select(*[F.col(c).cast("string").alias(c) for c in columns], "__partition", "__id", "__file")
    offsets, per_file = _row_offsets(base, spark, F)
    rows = sum(per_file.values())
    numbered = with_id.join(offsets, ["__partition", "__file"]).select(
        *with_id.columns, (F.col("__id") + F.col("__base")).alias("__row")
    )

    # The header, once: the engine on no rows with the DataFrame's columns.
    import pyarrow as pa

    empty = pa.table({c: pa.array([], pa.string()) for c in columns})
    head = conform.check_frame(empty, standard=standard, table=table_name, ignore=[*ignore, "empty-file", "row-count"])
    driver = [
        _finding_row(f, None, None)
        for f in head.findings
        # "not looked up" for want of the other table: Spark looks it up when it is given.
        if not (f["code"] == "foreign-key" and any(f"`{t}` table" in f["message"] for t in (references or {})))
    ]
    row_min, row_max = spec.get("row_min") or 0, spec.get("row_max")
    if rows == 0 and row_min > 0 and "empty-file" not in ignore:
        driver.append(_file_finding("empty-file", "error", "the file has a header but no data rows",
                                    "export the data again; the standard expects at least one row"))
    # The row count is a file's, as the command line counts it.
    for file, count in sorted(per_file.items()):
        if "row-count" in ignore:
            break
        if count < row_min:
            driver.append(_file_finding("row-count", "error", f"the file has {count} data rows, but the table needs at least {row_min}", file=file))
        if row_max is not None and count > row_max:
            driver.append(_file_finding("row-count", "error", f"the file has {count} data rows, but the table allows at most {row_max}", file=file))

    # Rows and cells, in every partition.
    cells = base.mapInArrow(_partition_checker(standard, table_name, ignore, columns), FINDINGS_SCHEMA)
    # The partitions give each finding its row's id: its number in its file is the id plus the
    # offset of the row's stretch of that file.
    cells = cells.join(
        offsets.withColumnRenamed("__partition", "partition").withColumnRenamed("__file", "file"),
        ["partition", "file"],
    ).withColumn("row", F.col("row") + F.col("__base"))

    found = [cells]
    for key in _keys(spec, held):
        if key["code"] in ignore:
            continue
        found.append(_duplicates(numbered, key, spec, F, Window))
    for fk in spec["foreign_keys"]:
        other = (references or {}).get(fk["table"])
        if other is None or "foreign-key" in ignore:
            continue
        dangling = _dangling(numbered, fk, spec, held, other, standard, F)
        if dangling is not None:
            found.append(dangling)
    findings = spark.createDataFrame(driver, FINDINGS_SCHEMA) if driver else spark.createDataFrame([], FINDINGS_SCHEMA)
    for part in found:
        findings = findings.unionByName(part.select(*[f.name for f in _arrow_schema()]))
    # A DataFrame not read from files (made locally, or the result of a join) has no file.
    findings = findings.withColumn("file", F.when(F.col("file") != "", F.col("file")))
    return Result(findings, rows)


def _row_offsets(base, spark, F):
    """What to add to a row's id to number it from 1 in its file (in the DataFrame, for rows
    read from no file), as a small DataFrame by partition and file, and each file's rows.

    A partition reads its files one after another, so a file's rows in a partition are a
    stretch of consecutive ids; a file split over partitions continues in the next one."""
    stretches = base.groupBy("__partition", "__file").agg(
        F.min("__id").alias("first"), F.count(F.lit(1)).alias("rows")
    ).collect()
    seen: dict[str, int] = {}
    offsets = []
    for s in sorted(stretches, key=lambda s: (s["__partition"], s["first"])):
        before = seen.get(s["__file"], 0)
        offsets.append((s["__partition"], s["__file"], before + 1 - s["first"]))
        seen[s["__file"]] = before + s["rows"]
    schema = "__partition int, __file string, __base long"
    return F.broadcast(spark.createDataFrame(offsets, schema)), seen


def _finding_row(
    finding: dict[str, Any], row: int | None, partition: int | None, file: str | None = None
) -> dict[str, Any]:
    """A finding of the engine's report as a row of the findings DataFrame."""
    column = finding.get("column") or {}
    return {
        "code": finding["code"],
        "severity": finding["severity"],
        "file": file,
        "row": row,
        "line": None,
        "column": column.get("name"),
        "column_number": column.get("number"),
        "value": finding.get("value"),
        "message": finding["message"],
        "help": finding.get("help"),
        "partition": partition,
    }


def _file_finding(
    code: str, severity: str, message: str, help: str | None = None, file: str | None = None
) -> dict[str, Any]:
    finding = {"code": code, "severity": severity, "message": message, "help": help}
    return _finding_row(finding, None, None, file)


def _keys(spec: dict[str, Any], held: dict[str, str]) -> list[dict[str, Any]]:
    """The table's keys whose columns are all in the DataFrame, as the engine plans them."""
    def parts(names: list[str]):
        found = [(n, held.get(n)) for n in names]
        return None if any(f is None for _, f in found) else found

    by_name = {c["name"]: c for c in spec["columns"]}
    keys = []
    pk = spec["primary_key"]
    if pk and (p := parts(pk)):
        keys.append({"code": "primary-key", "parts": p,
                     "report_missing": any(not by_name[n]["required"] for n in pk)})
    for c in spec["columns"]:
        if c["unique"] and pk != [c["name"]] and (p := parts([c["name"]])):
            keys.append({"code": "unique", "parts": p, "report_missing": False})
    for k in spec["unique_keys"]:
        if p := parts(k):
            keys.append({"code": "unique", "parts": p, "report_missing": False})
    return keys


def _trim(column, F):
    """Trimmed as Rust's `str::trim` trims: every Unicode space, not only ASCII's."""
    return F.regexp_replace(column, r"(?U)^\s+|\s+$", "")


def _missing(column, missing_values: list[str], F):
    trimmed = _trim(column, F)
    condition = column.isNull() | (trimmed == "")
    for m in missing_values:
        condition = condition | (trimmed == m)
    return condition


def _duplicates(numbered, key, spec, F, Window):
    """Rows whose key repeats an earlier row's, and (for a primary key whose columns the schema
    does not require) rows with a part missing: a window over the key, one shuffle."""
    parts = key["parts"]
    names = [n for n, _ in parts]
    missing = [_missing(F.col(f), spec["missing_values"], F) for _, f in parts]
    any_missing = missing[0]
    for m in missing[1:]:
        any_missing = any_missing | m
    file_index = {f: i + 1 for i, f in enumerate(numbered.columns)}
    first_name, first_file = parts[0]
    shown = F.concat_ws(", ", *[_trim(F.col(f), F) for _, f in parts])
    if len(parts) == 1:
        what = F.concat(F.lit("`"), shown, F.lit(f"` in `{first_name}`"))
    else:
        what = F.concat(F.lit(f"the combination ({', '.join(names)}) = ("), shown, F.lit(")"))
    kind = ("the primary key must be unique" if key["code"] == "primary-key"
            else "values in this column must be unique" if len(parts) == 1
            else "this combination must be unique")
    present = numbered.where(~any_missing)
    # Keys are unique within each file, as the command line checks each file.
    window = Window.partitionBy("__file", *[_trim(F.col(f), F) for _, f in parts]).orderBy("__id")
    ranked = present.withColumn("__n", F.row_number().over(window)).withColumn(
        "__first", F.first("__row").over(window)
    )
    repeats = ranked.where(F.col("__n") > 1).select(
        F.lit(key["code"]).alias("code"),
        F.lit("error").alias("severity"),
        F.col("__file").alias("file"),
        F.col("__row").alias("row"),
        F.lit(None).cast("long").alias("line"),
        F.lit(first_name).alias("column"),
        F.lit(file_index[first_file]).cast("long").alias("column_number"),
        shown.alias("value"),
        # The command line also names the first row's line, which Spark does not know.
        F.concat(what, F.lit(" repeats: it first appeared in row "), F.col("__first").cast("string"),
                 F.lit(f"; {kind}")).alias("message"),
        F.lit("give each row its own value, or remove the duplicate row").alias("help"),
        F.col("__partition").alias("partition"),
    )
    if not key["report_missing"]:
        return repeats
    gaps = []
    for i, ((name, f), m) in enumerate(zip(parts, missing)):
        # Only the first missing part of a row is reported, as the engine does.
        first_missing = m
        for earlier in missing[:i]:
            first_missing = first_missing & ~earlier
        gaps.append(numbered.where(first_missing).select(
            F.lit("primary-key").alias("code"), F.lit("error").alias("severity"),
            F.col("__file").alias("file"), F.col("__row").alias("row"), F.lit(None).cast("long").alias("line"),
            F.lit(name).alias("column"), F.lit(file_index[f]).cast("long").alias("column_number"),
            F.lit(None).cast("string").alias("value"),
            F.lit(f"`{name}` is empty, but it is part of the primary key").alias("message"),
            F.lit("every row needs a key value that identifies it").alias("help"),
            F.col("__partition").alias("partition"),
        ))
    out = repeats
    for g in gaps:
        out = out.unionByName(g)
    return out


def _dangling(numbered, fk, spec, held, other, standard, F):
    """Rows whose reference no row of the other table has: an anti-join."""
    columns = numbered.columns
    local = [held.get(n) for n in fk["columns"]]
    theirs = _file_columns(standard, fk["table"], other.columns)
    remote = [theirs.get(n) for n in fk["reference_columns"]]
    if any(c is None for c in local):
        return None
    if any(c is None for c in remote):
        missing = ", ".join(f"`{n}`" for n, c in zip(fk["reference_columns"], remote) if c is None)
        raise conform.ConformError(
            f"the `{fk['table']}` DataFrame given in references has no column {missing}, "
            f"which the `{spec['name']}` table's foreign key refers to"
        )
    targets = [_trim(F.col(c).cast("string"), F).alias(f"__ref{i}") for i, c in enumerate(remote)]
    wanted = other.select(*targets).distinct()
    present = numbered
    for c in local:
        present = present.where(~_missing(F.col(c), spec["missing_values"], F))
    keyed = present.select("*", *[_trim(F.col(c), F).alias(f"__key{i}") for i, c in enumerate(local)])
    condition = [F.col(f"__key{i}") == F.col(f"__ref{i}") for i in range(len(local))]
    dangling = keyed.join(wanted, condition, "left_anti")
    shown = F.concat_ws(", ", *[F.col(f"__key{i}") for i in range(len(local))])
    names = ", ".join(f"`{n}`" for n in fk["columns"])
    refs = ", ".join(f"`{n}`" for n in fk["reference_columns"])
    file_index = {c: i + 1 for i, c in enumerate(columns)}
    return dangling.select(
        F.lit("foreign-key").alias("code"), F.lit("error").alias("severity"),
        F.col("__file").alias("file"), F.col("__row").alias("row"), F.lit(None).cast("long").alias("line"),
        F.lit(fk["columns"][0]).alias("column"), F.lit(file_index[local[0]]).cast("long").alias("column_number"),
        shown.alias("value"),
        F.concat(F.lit("`"), shown, F.lit(f"` in {names} refers to nothing: no row of the `{fk['table']}` table has it in {refs}")).alias("message"),
        F.lit(f"add a row with this reference to the `{fk['table']}` file, or correct the reference").alias("help"),
        F.col("__partition").alias("partition"),
    )
