"""conform: check UK public-sector datasets against shared data standards.

The same engine as the ``conform`` command line, as a library: a file checked here gives exactly
the findings (and, with :meth:`Report.to_json`, exactly the JSON report) of ``conform check``.

>>> import conform
>>> report = conform.check("spend.csv", standard="spend-over-500")
>>> report.valid
False
>>> report.to_polars()  # one row per finding
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterable, Iterator, Sequence, Union

from . import _native
from ._native import ConformError, __version__

__all__ = [
    "ConformError",
    "Finding",
    "Report",
    "__version__",
    "check",
    "check_frame",
    "codes",
    "standard",
    "standards",
]

#: Findings kept by default, as the command line's ``--max-findings``.
DEFAULT_MAX_FINDINGS = 1_000_000

Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, Sequence[Union[str, "os.PathLike[str]"]]]

#: The columns of :meth:`Report.to_polars` and :meth:`Report.to_pandas`, in order.
FINDING_COLUMNS = (
    "file",
    "code",
    "severity",
    "row",
    "line",
    "column",
    "column_number",
    "value",
    "message",
    "help",
)


class Finding(dict):
    """One finding: a ``dict`` with the keys of the JSON report's findings (``code``,
    ``severity``, ``message``, ``help``, ``row``, ``line``, ``column``, ``value``...) and
    ``file``, the file it is about. Keys are also attributes: ``finding.code``."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class Report:
    """What a check found. ``valid`` is true when every file conforms (warnings allowed unless
    ``strict``); ``exit_code`` is the command line's (0 conforms, 1 does not, 2 a file could
    not be read)."""

    def __init__(self, exit_code: int, text: str, unreadable: list[tuple[str, str]]):
        self.exit_code: int = exit_code
        self._text = text
        self._document: dict[str, Any] = json.loads(text)
        #: Files that could not be read at all, as (name, reason).
        self.unreadable: list[tuple[str, str]] = list(unreadable)

    @property
    def valid(self) -> bool:
        return self.exit_code == 0

    @property
    def summary(self) -> dict[str, Any]:
        """Counts by severity and by code: ``{"errors": 3, "warnings": 0, "infos": 0,
        "by_code": {"type": 3}}``."""
        return self._document["summary"]

    @property
    def standard(self) -> dict[str, Any] | None:
        """The standard checked against (``id``, ``version``, ``title``), when there is one."""
        return self._document.get("standard")

    @property
    def files(self) -> list[dict[str, Any]]:
        """Each file's part of the JSON report: path, format, rows, table, counts, findings."""
        return self._document["files"]

    @property
    def findings(self) -> list[Finding]:
        """Every finding of every file, in report order."""
        return list(self._findings())

    def _findings(self) -> Iterator[Finding]:
        for file in self.files:
            for finding in file["findings"]:
                yield Finding(finding, file=file["path"])

    def to_json(self) -> str:
        """The report exactly as ``conform check --format json`` writes it."""
        return self._text

    def _rows(self) -> dict[str, list[Any]]:
        columns: dict[str, list[Any]] = {name: [] for name in FINDING_COLUMNS}
        for finding in self._findings():
            column = finding.get("column") or {}
            columns["file"].append(finding["file"])
            columns["code"].append(finding["code"])
            columns["severity"].append(finding["severity"])
            columns["row"].append(finding.get("row"))
            columns["line"].append(finding.get("line"))
            columns["column"].append(column.get("name"))
            columns["column_number"].append(column.get("number"))
            columns["value"].append(finding.get("value"))
            columns["message"].append(finding["message"])
            columns["help"].append(finding.get("help"))
        return columns

    def to_polars(self):
        """One row per finding, as a polars DataFrame (columns: :data:`FINDING_COLUMNS`)."""
        import polars as pl

        schema = {
            "file": pl.String,
            "code": pl.String,
            "severity": pl.String,
            "row": pl.Int64,
            "line": pl.Int64,
            "column": pl.String,
            "column_number": pl.Int64,
            "value": pl.String,
            "message": pl.String,
            "help": pl.String,
        }
        return pl.DataFrame(self._rows(), schema=schema)

    def to_pandas(self):
        """One row per finding, as a pandas DataFrame (columns: :data:`FINDING_COLUMNS`; row,
        line and column number as nullable integers)."""
        import pandas as pd

        frame = pd.DataFrame(self._rows(), columns=list(FINDING_COLUMNS))
        for name in ("row", "line", "column_number"):
            frame[name] = frame[name].astype("Int64")
        return frame

    def __repr__(self) -> str:
        s = self.summary
        verdict = "valid" if self.valid else "not valid"
        return (
            f"<conform.Report {verdict}: {s['errors']} errors, {s['warnings']} warnings, "
            f"{s['infos']} notes in {len(self.files)} file(s)>"
        )


def _options(
    standard: str | None,
    table: str | None,
    ignore: Iterable[str],
    max_findings: int | None,
    strict: bool,
    jobs: int | None,
    lang: str | None = None,
) -> dict[str, Any]:
    if max_findings is not None and max_findings < 0:
        raise ValueError("max_findings must be 0 or more (0 or None: no limit)")
    return {
        "standard": None if standard is None else os.fspath(standard),
        "table": table,
        "ignore": list(ignore),
        "max_findings": max_findings or None,
        "strict": strict,
        "jobs": jobs,
        "lang": lang,
    }


def check(
    source: Source,
    standard: str | os.PathLike[str] | None = None,
    table: str | None = None,
    *,
    name: str | None = None,
    sheet: str | None = None,
    input_format: str | None = None,
    ignore: Iterable[str] = (),
    max_findings: int | None = DEFAULT_MAX_FINDINGS,
    strict: bool = False,
    jobs: int | None = None,
    lang: str | None = None,
) -> Report:
    """Checks a file, several files or folders, or bytes, against a standard, as
    ``conform check`` does.

    ``source`` is a path (or a list of paths) or the file's bytes; ``name`` names bytes in the
    report. ``standard`` is a built-in id (``"spend-over-500"``, ``"spend-over-500@2015.1"``) or
    a path to a standard, Table Schema or JSON Schema; ``None`` chooses the built-in standard
    whose columns the header matches best. ``table`` picks the table of a standard that has
    several. The other options are the command line's: ``sheet`` (a workbook's sheet, by name
    or number from 1), ``input_format`` (csv, xlsx, json, jsonl, parquet...), ``ignore`` (finding
    codes left out), ``max_findings`` (findings listed in the run; those after it are counted,
    not listed, so the counts and verdict are whole; ``None`` no limit), ``strict`` (warnings
    fail too), ``jobs`` (threads; one per core by default), ``lang`` (``"en"``, the default, or
    ``"cy"``: the language of the findings' messages and help).

    Raises :class:`ConformError` when the check cannot be made (a standard that cannot be
    used, a path that does not exist) and ``ValueError`` for an option that is not valid. The
    interpreter lock is released while the check runs.
    """
    options = _options(standard, table, ignore, max_findings, strict, jobs, lang)
    if isinstance(source, (bytes, bytearray, memoryview)):
        ran = _native.check(
            [], data=bytes(source), name=name, sheet=sheet, input_format=input_format, **options
        )
    else:
        if isinstance(source, (str, os.PathLike)):
            paths = [os.fspath(source)]
        else:
            paths = [os.fspath(p) for p in source]
        if not paths:
            raise ValueError("check needs a file to check")
        ran = _native.check(paths, sheet=sheet, input_format=input_format, **options)
    return Report(*ran)


def _arrow_stream(frame: Any) -> Any:
    """An object offering ``__arrow_c_stream__`` for the frame: polars and pyarrow offer it
    themselves; pandas goes through pyarrow, without its index."""
    module = type(frame).__module__.split(".")[0]
    if module == "pandas":
        import pyarrow as pa

        return pa.Table.from_pandas(frame, preserve_index=False)
    if hasattr(frame, "__arrow_c_stream__"):
        return frame
    if module == "polars":
        # polars before 1.3 has no __arrow_c_stream__.
        return frame.to_arrow()
    raise TypeError(
        f"check_frame takes a polars or pandas DataFrame or a pyarrow Table, not {type(frame).__name__}"
    )


def check_frame(
    frame: Any,
    standard: str | os.PathLike[str] | None = None,
    table: str | None = None,
    *,
    name: str = "<frame>",
    ignore: Iterable[str] = (),
    max_findings: int | None = DEFAULT_MAX_FINDINGS,
    strict: bool = False,
    jobs: int | None = None,
    lang: str | None = None,
) -> Report:
    """Checks a polars or pandas DataFrame or a pyarrow Table against a standard.

    The frame's columns are handed over through the Arrow C data interface (no copy per cell) and
    checked as an Arrow file is: typed values are read as a CSV cell of the same value would be
    (dates as ISO dates, whole floats without ``.0``, nulls as missing). Findings give ``row``
    counted from 1 over the frame's rows (``index`` = ``row - 1``) and the column's name. The
    options are :func:`check`'s.
    """
    options = _options(standard, table, ignore, max_findings, strict, jobs, lang)
    report = Report(*_native.check_stream(_arrow_stream(frame), name=name, **options))
    for file in report.files:
        for finding in file["findings"]:
            if finding.get("row") is not None:
                finding["index"] = finding["row"] - 1
    return report


def standards() -> list[dict[str, Any]]:
    """The built-in standards: id, version, title, publisher, licence, source, tables."""
    return json.loads(_native.standards())


def standard(spec: str | os.PathLike[str]) -> dict[str, Any]:
    """One standard (a built-in id, ``id@version``, or a path): what the catalogue says of it,
    and each table's columns, keys, missing values and row bounds.

    Raises :class:`ConformError` for a standard that cannot be used, with the reason."""
    return json.loads(_native.standard(os.fspath(spec)))


def codes() -> list[dict[str, str]]:
    """Every finding code: ``code``, default ``severity`` and ``title``."""
    return [
        {"code": code, "severity": severity, "title": title}
        for code, severity, title in _native.codes()
    ]
