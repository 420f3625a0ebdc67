"""The package against the command line: the same engine must give the same reports."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

import conform

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "fixtures" / "checks"
STANDARD = "fixtures/checks/standard.json"
CLI = os.environ.get("CONFORM_BIN", str(ROOT / "target" / "debug" / "conform"))


def cli(*args: str) -> tuple[int, str]:
    done = subprocess.run([CLI, *args], cwd=ROOT, capture_output=True, text=True)
    return done.returncode, done.stdout


def check_fixtures() -> list[str]:
    return sorted(p.name for p in CHECKS.glob("*.csv")) + ["cell-error.xlsx"]


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("name", check_fixtures())
def test_a_file_gives_the_cli_json_report_byte_for_byte(name):
    path = f"fixtures/checks/{name}"
    code, text = cli("check", path, "--standard", STANDARD, "--format", "json")
    report = conform.check(path, standard=STANDARD)
    assert report.to_json() == text
    assert report.exit_code == code


@pytest.mark.parametrize(
    "path, standard",
    [
        ("fixtures/formats/spend.csv", "spend-over-500"),
        ("fixtures/formats/spend.json", "spend-over-500"),
        ("fixtures/formats/spend-typed-dates.parquet", "spend-over-500"),
        ("fixtures/formats/conservation-areas.xlsx", "conservation-area"),
        ("fixtures/real-world/360giving-county.csv", "360giving"),
        ("fixtures/real-world/brownfield-mixed-header.csv", None),
    ],
)
def test_real_files_and_formats_match_the_cli(path, standard):
    args = ["check", path, "--format", "json"]
    if standard:
        args += ["--standard", standard]
    code, text = cli(*args)
    report = conform.check(path, standard=standard)
    assert report.to_json() == text
    assert report.exit_code == code


def test_bytes_give_the_findings_of_the_file():
    path = CHECKS / "type.csv"
    from_file = conform.check(str(path), standard=STANDARD)
    from_bytes = conform.check(path.read_bytes(), standard=STANDARD, name="type.csv")
    assert [f.file for f in from_bytes.findings] == ["type.csv"] * 3
    strip = lambda fs: [{k: v for k, v in f.items() if k != "file"} for f in fs]
    assert strip(from_bytes.findings) == strip(from_file.findings)
    assert from_bytes.summary == from_file.summary


def test_every_report_format_is_the_cli_s():
    path = "fixtures/checks/required.csv"
    for fmt in ["json", "csv", "markdown", "sarif", "junit", "jsonl"]:
        _, text = cli("check", path, "--standard", STANDARD, "--format", fmt)
        ran = conform._native.check([path], standard=STANDARD, format=fmt)
        assert ran[1] == text, fmt


def test_the_report_as_frames():
    report = conform.check("fixtures/checks/type.csv", standard=STANDARD)
    assert not report.valid
    assert report.summary["by_code"] == {"type": 3}
    frame = report.to_polars()
    assert frame.columns == list(conform.FINDING_COLUMNS)
    assert frame["value"].to_list() == ["£1,250.00", "3.5", "N/A"]
    pandas = report.to_pandas()
    assert pandas["row"].tolist() == [2, 3, 3]
    assert report.findings[0].column["name"] == "Amount"


def test_a_valid_file_is_valid():
    report = conform.check("fixtures/checks/valid.csv", standard=STANDARD)
    assert report.valid and report.exit_code == 0 and report.findings == []


def test_options_reach_the_engine():
    report = conform.check("fixtures/checks/type.csv", standard=STANDARD, ignore=["type"])
    assert report.valid
    report = conform.check("fixtures/checks/type.csv", standard=STANDARD, max_findings=1)
    assert len(report.findings) == 1 and not report.valid
    # The findings after the limit are counted, not listed.
    assert report.summary["errors"] == 3
    with pytest.raises(ValueError, match="not a finding code"):
        conform.check("fixtures/checks/type.csv", standard=STANDARD, ignore=["typo"])
    with pytest.raises(ValueError, match="input_format"):
        conform.check("fixtures/checks/type.csv", standard=STANDARD, input_format="docx")


def test_findings_can_be_in_welsh():
    path = "fixtures/checks/codelist.csv"
    code, text = cli("check", path, "--standard", STANDARD, "--format", "json", "--lang", "cy")
    report = conform.check(path, standard=STANDARD, lang="cy")
    assert report.to_json() == text
    assert "yn y rhestr godau" in report.findings[0]["message"]
    assert "is not in the code list" in conform.check(path, standard=STANDARD).findings[0]["message"]
    with pytest.raises(ValueError, match="lang"):
        conform.check(path, standard=STANDARD, lang="fr")


def test_a_standard_that_cannot_be_used_raises_with_the_reason():
    with pytest.raises(conform.ConformError, match="closest built-in ids"):
        conform.check("fixtures/formats/spend.csv", standard="spend-over-50")
    with pytest.raises(conform.ConformError, match="no such file"):
        conform.check("fixtures/nothing-here.csv", standard="spend-over-500")
    with pytest.raises(conform.ConformError):
        conform.standard("not-a-standard")


def test_bytes_that_are_not_a_table_are_reported_as_the_cli_reports_them(tmp_path):
    junk = b"\x00\x01\x02PK\x03\x04 not a table"
    (tmp_path / "junk.csv").write_bytes(junk)
    code, _ = cli("check", str(tmp_path / "junk.csv"), "--standard", STANDARD, "--format", "json")
    report = conform.check(junk, standard=STANDARD, name="junk.csv")
    assert code != 0
    assert report.exit_code == code
    assert not report.valid


def test_the_catalogue():
    _, text = cli("standards", "list", "--format", "json")
    assert conform.standards() == json.loads(text)
    oruk = conform.standard("open-referral-uk")
    service = next(t for t in oruk["tables"] if t["name"] == "service")
    assert service["primary_key"] == ["id"]
    assert {"columns": ["organization_id"], "table": "organization", "reference_columns": ["id"]} in service["foreign_keys"]
    codes = {c["code"] for c in conform.codes()}
    assert {"type", "primary-key", "foreign-key", "rule"} <= codes


# Frames built from the fixtures give the findings of the files, apart from locations: the file
# gives lines, the frame row indexes.
FRAME_FIXTURES = [
    "type.csv", "pattern.csv", "enum.csv", "range.csv", "required.csv", "unique.csv",
    "primary-key.csv", "format.csv", "codelist.csv", "length.csv", "rule.csv", "valid.csv",
]


def essence(report: conform.Report) -> list[tuple]:
    return sorted(
        (
            f["code"],
            f.get("row"),
            (f.get("column") or {}).get("name"),
            f.get("value"),
            # A repeat's message names the first row's line too, which a frame does not have.
            re.sub(r" \(line \d+\)", "", f["message"]),
        )
        for f in report.findings
    )


@pytest.mark.parametrize("name", FRAME_FIXTURES)
@pytest.mark.parametrize("kind", ["polars", "pandas", "pyarrow"])
def test_frames_give_the_findings_of_their_files(name, kind):
    import polars as pl

    path = f"fixtures/checks/{name}"
    frame = pl.read_csv(path, infer_schema=False)
    if kind == "pandas":
        frame = frame.to_pandas()
    elif kind == "pyarrow":
        frame = frame.to_arrow()
    from_file = conform.check(path, standard=STANDARD)
    from_frame = conform.check_frame(frame, standard=STANDARD)
    # Messages that quote a line ("first appeared in row 1 (line 2)") name the row in both.
    assert essence(from_frame) == essence(from_file)
    for finding in from_frame.findings:
        if finding.get("row") is not None:
            assert finding["index"] == finding["row"] - 1


def test_a_typed_frame_reads_as_its_csv_would():
    import polars as pl

    frame = pl.read_csv("fixtures/formats/spend.csv", try_parse_dates=True)
    # Whole numbers arrive as integers, which the engine writes as the CSV has them.
    assert frame.schema["Transaction number"] == pl.Int64
    from_file = conform.check("fixtures/formats/spend.csv", standard="spend-over-500")
    from_frame = conform.check_frame(frame, standard="spend-over-500")

    def essence(report):
        return sorted(
            (f["code"], f.get("row"), (f.get("column") or {}).get("name"), f.get("value"))
            for f in report.findings
        )

    assert essence(from_frame) == essence(from_file)
    assert {"format", "type", "missing-column"} <= {f["code"] for f in from_file.findings}


def test_something_that_is_not_a_frame_is_refused():
    with pytest.raises(TypeError, match="polars or pandas DataFrame"):
        conform.check_frame([1, 2, 3], standard=STANDARD)


def test_other_threads_run_while_a_check_runs():
    import threading

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(conform.check("fixtures/checks/type.csv", standard=STANDARD).exit_code))
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [1, 1, 1, 1]
