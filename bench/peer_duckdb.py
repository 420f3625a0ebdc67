#!/usr/bin/env python3
"""A peer for the speed benchmark: the same rules as spend.schema.json (plus a unique Transaction number) as one
DuckDB SQL query, as an analyst would write it (every cell read as text, multi-threaded). Prints how many cells
and rows fail and optionally writes the failing (row, column) pairs.

usage: peer_duckdb.py spend_1m.csv [failures.csv]
"""
# Copied unchanged from the project's shared benchmark material (shared/bench), so that
# scripts/bench-peers.sh runs from a clone alone.

import sys

import duckdb

path = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else None

DATE = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
ENUM_DIV = ["Adult Social Care", "Children's Services", "Education", "Environment", "Highways & Transport",
            "Housing", "Corporate Resources", "Public Health", "Regeneration", "Community Services"]
ENUM_TYPE = ["Third Party Payments", "Private Contractors", "Agency Staff", "Consultancy Fees",
             "Equipment & Materials", "Building Repairs & Maintenance", "Grounds Maintenance",
             "Utilities - Electricity", "Utilities - Gas", "Utilities - Water", "Rents & Leases",
             "Software Licences", "ICT Hardware", "Telephony", "Vehicle Hire", "Fuel",
             "Grants to Voluntary Organisations", "Professional Fees", "Training", "Printing & Stationery",
             "Catering", "Insurance", "Client Transport"]
ENUM_CAT = ["Social Care & Health", "Construction", "Facilities Management", "ICT", "Professional Services",
            "Transport", "Utilities", "Highways", "Waste Management", "Education", "Housing",
            "Culture & Leisure", "Human Resources", "Financial Services"]
POSTCODE = r"^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})$"
OPTIONAL = {"Supplier ID", "Irrecoverable VAT", "Purpose", "Supplier postcode"}


def q(name):
    return '"' + name.replace('"', '""') + '"'


def lit(s):
    return "'" + s.replace("'", "''") + "'"


def inlist(values):
    return "(" + ", ".join(lit(v) for v in values) + ")"


def length_bad(c, lo, hi):
    return f"(length({c}) < {lo} OR length({c}) > {hi})"


def date_bad(c):
    return f"(NOT regexp_full_match({c}, {lit(DATE)}) OR try_strptime({c}, '%Y-%m-%d') IS NULL)"


def amount_bad(c):
    return f"(try_cast({c} AS DOUBLE) IS NULL OR try_cast({c} AS DOUBLE) < 0)"


rules = {
    "Organisation name": length_bad(q("Organisation name"), 1, 120),
    "Organisation code": f"NOT regexp_full_match({q('Organisation code')}, {lit('^(E0[6-9]|E10|W06|S12|N09)[0-9]{6}$')})",
    "Effective date": date_bad(q("Effective date")),
    "Service division": f"{q('Service division')} NOT IN {inlist(ENUM_DIV)}",
    "Expense area": length_bad(q("Expense area"), 1, 120),
    "Expense type": f"{q('Expense type')} NOT IN {inlist(ENUM_TYPE)}",
    "Supplier name": length_bad(q("Supplier name"), 1, 200),
    "Supplier ID": f"NOT regexp_full_match({q('Supplier ID')}, '^[0-9]{{6,8}}$')",
    "Payment date": date_bad(q("Payment date")),
    "Transaction number": f"(NOT regexp_full_match({q('Transaction number')}, '^[0-9]{{10}}$') OR dup_n > 1)",
    "Net amount": amount_bad(q("Net amount")),
    "Irrecoverable VAT": amount_bad(q("Irrecoverable VAT")),
    "Purpose": f"length({q('Purpose')}) > 500",
    "Procurement category": f"{q('Procurement category')} NOT IN {inlist(ENUM_CAT)}",
    "Supplier postcode": f"NOT regexp_full_match({q('Supplier postcode')}, {lit(POSTCODE)})",
}
cols = []
for name, bad in rules.items():
    c = q(name)
    missing = "TRUE" if name not in OPTIONAL else "FALSE"
    cols.append(f"CASE WHEN {c} IS NULL THEN {missing} ELSE coalesce({bad}, FALSE) END AS {c}")

con = duckdb.connect()
sql = f"""
WITH src AS (
  SELECT *, row_number() OVER () AS "row" FROM read_csv({lit(path)}, all_varchar = true, header = true)
), numbered AS (
  SELECT *, row_number() OVER (PARTITION BY "Transaction number" ORDER BY "row") AS dup_n FROM src
), checked AS (
  SELECT "row", {", ".join(cols)} FROM numbered
)
UNPIVOT checked ON COLUMNS(* EXCLUDE ("row")) INTO NAME "column" VALUE bad
"""
fails = con.sql(f'SELECT "row", "column" FROM ({sql}) WHERE bad ORDER BY "row"')
if out:
    fails.write_csv(out)
    n, rows = con.sql(f"SELECT count(*), count(DISTINCT \"row\") FROM read_csv({lit(out)})").fetchall()[0]
else:
    n, rows = con.sql(f'SELECT count(*), count(DISTINCT "row") FROM ({sql}) WHERE bad').fetchall()[0]
print(f"{n} failing cells in {rows} rows")
