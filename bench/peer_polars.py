#!/usr/bin/env python3
"""A peer for the speed benchmark: the same rules as spend.schema.json (plus a unique Transaction number),
written as a data engineer would in Python with polars expressions (multi-threaded, lazy, all cells read as
text as a validator must). Prints how many rows fail and writes the failing (row, column) pairs.

usage: peer_polars.py spend_1m.csv [failures.csv]
"""
# Copied unchanged from the project's shared benchmark material (shared/bench), so that
# scripts/bench-peers.sh runs from a clone alone.

import sys

import polars as pl

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


def c(name):
    return pl.col(name)


def length_between(name, lo, hi):
    n = c(name).str.len_chars()
    return (n < lo) | (n > hi)


def bad_date(name):
    return ~c(name).str.contains(DATE) | c(name).str.strptime(pl.Date, "%Y-%m-%d", strict=False).is_null()


def bad_amount(name):
    v = c(name).cast(pl.Float64, strict=False)
    return v.is_null() | (v < 0)


rules = {
    "Organisation name": length_between("Organisation name", 1, 120),
    "Organisation code": ~c("Organisation code").str.contains(r"^(E0[6-9]|E10|W06|S12|N09)[0-9]{6}$"),
    "Effective date": bad_date("Effective date"),
    "Service division": ~c("Service division").is_in(ENUM_DIV),
    "Expense area": length_between("Expense area", 1, 120),
    "Expense type": ~c("Expense type").is_in(ENUM_TYPE),
    "Supplier name": length_between("Supplier name", 1, 200),
    "Supplier ID": ~c("Supplier ID").str.contains(r"^[0-9]{6,8}$"),
    "Payment date": bad_date("Payment date"),
    "Transaction number": ~c("Transaction number").str.contains(r"^[0-9]{10}$")
    | ~c("Transaction number").is_first_distinct(),
    "Net amount": bad_amount("Net amount"),
    "Irrecoverable VAT": bad_amount("Irrecoverable VAT"),
    "Purpose": c("Purpose").str.len_chars() > 500,
    "Procurement category": ~c("Procurement category").is_in(ENUM_CAT),
    "Supplier postcode": ~c("Supplier postcode").str.contains(POSTCODE),
}
# A missing value fails a required column and passes an optional one.
exprs = []
for name, bad in rules.items():
    missing = c(name).is_null()
    fail = (bad.fill_null(False) & ~missing) | (missing if name not in OPTIONAL else pl.lit(False))
    exprs.append(fail.alias(name))

lf = pl.scan_csv(path, infer_schema=False).with_row_index("row", offset=1).select(["row", *exprs])
df = lf.collect()
long = df.unpivot(index="row", variable_name="column", value_name="bad").filter(pl.col("bad"))
rows = long.select(pl.col("row").n_unique()).item()
print(f"{long.height} failing cells in {rows} rows")
if out:
    long.select("row", "column").sort("row").write_csv(out)
