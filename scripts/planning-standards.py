#!/usr/bin/env python3
"""Writes the built-in planning.data.gov.uk standards (schemas/<id>/) from the field lists below.

The Digital Land datasets share most of their fields, so each field is described once here and the
standard files are generated; edit this script, run it, and commit its output. Facts come from
digital-land/specification (snapshot 5e802e8, Aug 2026) and digital-land-python (6c660a8); see the
research notes, sections 3-7. Run from the repository root: python3 scripts/planning-standards.py
"""
import csv
import json
import os

SPEC = "digital-land/specification (commit 5e802e8eb6f8, August 2026)"
PIPELINE = "digital-land/digital-land-python phase/harmonise.py MANDATORY_FIELDS_DICT (commit 6c660a8a1387)"
VERSION = "2026-08"

ORGANISATION_PATTERN = (
    r"^([a-z][a-z-]*:[A-Za-z0-9-]+|https?://opendatacommunities\.org/(id|doc)/[a-z-]+/[a-z0-9-]+|[EWSNK][0-9]{8})$"
)

# Each common field: its schema and the column rules. Descriptions are ours.
FIELDS = {
    "reference": {
        "title": "Reference",
        "description": "The publisher's own identifier for the record: short, unique in the dataset, and never changed or reused.",
        "type": "string",
    },
    "name": {"title": "Name", "description": "The record's official name.", "type": "string"},
    "description": {"title": "Description", "description": "What the record is, in a sentence or two.", "type": "string"},
    "geometry": {
        "title": "Boundary",
        "description": "The boundary as WKT: a POLYGON or MULTIPOLYGON, preferably in WGS84 longitude and latitude (OSGB36 eastings and northings are accepted and converted by the platform).",
        "type": "string",
        "format": "wkt-multipolygon",
    },
    "point": {
        "title": "Point",
        "description": "A representative point as WKT, POINT (longitude latitude), where there is no boundary.",
        "type": "string",
        "format": "wkt-point",
    },
    "document-url": {
        "title": "Document URL",
        "description": "Web address of the authoritative document, usually a PDF of the order, notice or map.",
        "type": "string",
        "format": "uri",
    },
    "documentation-url": {
        "title": "Documentation URL",
        "description": "Web address of the publisher's page about this record; each record needs its own page or its own #anchor on a shared page.",
        "type": "string",
        "format": "uri",
    },
    "notes": {"title": "Notes", "description": "Anything that helps a reader interpret the record.", "type": "string"},
    "organisation": {
        "title": "Organisation",
        "description": "The organisation responsible for the record, as a CURIE such as local-authority:BUC; left blank, it is the publisher. The pipeline also accepts an Open Data Communities URI or a GSS code.",
        "type": "string",
        "pattern": ORGANISATION_PATTERN,
    },
    "entry-date": {
        "title": "Entry date",
        "description": "When this record was created or last changed, YYYY-MM-DD; never a date in the future.",
        "type": "string",
        "format": "partial-date",
    },
    "start-date": {
        "title": "Start date",
        "description": "When the record came into force, YYYY-MM-DD (YYYY-MM or YYYY where that is all that is known).",
        "type": "string",
        "format": "partial-date",
    },
    "end-date": {
        "title": "End date",
        "description": "When the record stopped being in force; blank while it still is. Records are ended, never deleted.",
        "type": "string",
        "format": "partial-date",
    },
    "uprn": {
        "title": "UPRN",
        "description": "Unique Property Reference Number of the addressable property, up to 12 digits.",
        "type": "string",
        "format": "uprn",
    },
    "uprns": {
        "title": "UPRNs",
        "description": "UPRNs of the properties concerned, separated by semicolons (guidance for some datasets shows commas, which are accepted).",
        "type": "string",
        "pattern": r"^[0-9]{1,12}( *[;,] *[0-9]{1,12})*$",
    },
    "address-text": {"title": "Address", "description": "The address, written on one line.", "type": "string"},
}

COMMON_TAIL = ["notes", "organisation", "entry-date", "start-date", "end-date"]


def field(name, **overrides):
    schema = dict(FIELDS.get(name, {}))
    schema.update(overrides)
    return name, schema


def table(title, description, fields, required, mandatory_note, rules=(), columns=None, foreign_keys=()):
    properties = dict(fields)
    return {
        "title": title,
        "description": description,
        "schema": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": title,
            "type": "object",
            "properties": properties,
            "required": required,
            "$comment": mandatory_note,
        },
        "header": {"match": "compact", "order": "any", "extra": "warning"},
        "missingValues": ["", "null", "NULL", "N/A", "n/a", "#N/A", "-"],
        "columns": {"reference": {"unique": True}, **(columns or {})},
        **({"foreignKeys": list(foreign_keys)} if foreign_keys else {}),
        "rules": list(rules),
        "severity": {"header-mismatch": "info"},
    }


POINT_OR_GEOMETRY = {
    "id": "point-or-geometry",
    "message": "this row has neither a boundary (`geometry`) nor a point (`point`); the record needs one of them",
    "help": "give the boundary as WKT in `geometry`, or at least a POINT (longitude latitude) in `point`",
    "columns": ["geometry", "point"],
    "schema": {"anyOf": [{"required": ["geometry"]}, {"required": ["point"]}]},
}

def codelist(path, column, title, source, match="folded"):
    return {"path": f"../codelists/{path}", "column": column, "title": title, "source": source, "match": match}


REGISTER = "MHCLG Digital Land register, digital-land/dluhc-datasets data/registers/{} (commit 13399048a69b, MIT, Crown copyright)"
ORGANISATIONS = codelist(
    "planning-organisation.csv",
    "organisation",
    "planning.data.gov.uk organisations (local authorities, development corporations, national park authorities, government organisations)",
    "Derived by scripts/planning-standards.py from the Digital Land registers local-authority, development-corporation, national-park-authority and government-organisation (dluhc-datasets 13399048a69b)",
    match="exact",
)


def standard(ident, title, description, tables, codelists, sources, source_url):
    return {
        "conform": 1,
        "id": ident,
        "version": VERSION,
        "title": title,
        "publisher": "Ministry of Housing, Communities and Local Government (planning.data.gov.uk, Digital Land)",
        "licence": "OGL-UK-3.0",
        "source": source_url,
        "description": description,
        "$comment": "Generated by scripts/planning-standards.py; edit the script, not this file.",
        "sources": [
            {"fact": "Fields, datatypes and requirement levels", "source": SPEC},
            {"fact": "Fields that must not be blank", "source": PIPELINE},
            {"fact": "Column names matched ignoring case, spaces, hyphens and underscores", "source": "digital-land-python phase/map.py; planning.data.gov.uk guidance"},
        ]
        + sources,
        "tables": tables,
        "codelists": codelists,
    }


def write(ident, std):
    os.makedirs(f"schemas/{ident}", exist_ok=True)
    for name, t in std["tables"].items():
        path = f"{name}.schema.json"
        with open(f"schemas/{ident}/{path}", "w") as f:
            json.dump(t["schema"], f, indent=2, ensure_ascii=False)
            f.write("\n")
        t["schema"] = path
    with open(f"schemas/{ident}/standard.json", "w") as f:
        json.dump(std, f, indent=2, ensure_ascii=False)
        f.write("\n")


def organisations_codelist():
    rows = []
    for register in ["local-authority", "development-corporation", "national-park-authority", "government-organisation"]:
        with open(f"schemas/codelists/{register}.csv", newline="") as f:
            for r in csv.DictReader(f):
                rows.append((f"{register}:{r['reference']}", r["name"], register))
                if register == "local-authority":
                    rows.append((f"local-authority-eng:{r['reference']}", r["name"], register + " (legacy prefix, rewritten by the pipeline)"))
    with open("schemas/codelists/planning-organisation.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["organisation", "name", "register"])
        w.writerows(rows)


def main():
    organisations_codelist()
    org = {"organisation": {"codelist": "organisation"}}

    write("conservation-area", standard(
        "conservation-area",
        "Conservation areas",
        "Areas of special architectural or historic interest that a local planning authority has designated, with their boundaries, and the documents (appraisals, notices, maps, management plans) about them.",
        {
            "conservation-area": table(
                "Conservation area",
                "One row per conservation area.",
                [field("reference", examples=["CA01"]), field("name", examples=["Old Market"]), field("geometry"), field("point", examples=["POINT (-0.68 52.76)"]),
                 field("designation-date", title="Designation date", description="When the area was designated, YYYY-MM-DD (or YYYY-MM, YYYY).", type="string", format="partial-date", examples=["1984-03-28"]),
                 field("legislation", title="Legislation", description="The legislation the area was designated under.", type="string"),
                 field("document-url"), field("documentation-url", examples=["https://www.example.gov.uk/conservation-areas#smith-road"])]
                + [field(f) for f in COMMON_TAIL],
                ["reference", "name"],
                "reference, geometry and name must not be blank (pipeline); geometry may be replaced by point",
                rules=[POINT_OR_GEOMETRY],
                columns=org,
            ),
            "conservation-area-document": table(
                "Conservation area document",
                "One row per document about a conservation area.",
                [field("reference", examples=["CADOC01"]), field("name", examples=["Old Market conservation area appraisal"]),
                 field("conservation-area", title="Conservation area", description="The reference of the conservation area the document is about, as given in the conservation-area file.", type="string", examples=["CA01"]),
                 field("document-type", title="Document type", description="What kind of document it is: area-appraisal, notice, designation-report, area-map, management-plan or design-guidance.", type="string", examples=["area-appraisal"]),
                 field("document-url"), field("documentation-url"), field("description")]
                + [field(f) for f in COMMON_TAIL],
                ["reference", "name", "conservation-area", "document-url", "documentation-url", "document-type"],
                "all six must not be blank (pipeline)",
                columns={**org, "document-type": {"codelist": "conservation-area-document-type"}},
                foreign_keys=[{"columns": ["conservation-area"], "reference": {"table": "conservation-area", "columns": ["reference"]}}],
            ),
        },
        {
            "organisation": ORGANISATIONS,
            "conservation-area-document-type": codelist("conservation-area-document-type.csv", "reference", "Conservation area document types", REGISTER.format("conservation-area-document-type.csv")),
        },
        [{"fact": "Conservation area fields", "source": "specification content/specification/conservation-area.md; planning.data.gov.uk guidance (10 April 2026)"}],
        "https://www.planning.data.gov.uk/guidance/specifications/conservation-area",
    ))

    write("article-4-direction", standard(
        "article-4-direction",
        "Article 4 directions",
        "Directions that withdraw permitted development rights in an area, so that the work needs a planning application, and the areas they apply to.",
        {
            "article-4-direction": table(
                "Article 4 direction",
                "One row per direction.",
                [field("reference", examples=["A4D1"]), field("name", examples=["Old Market"]), field("description"), field("document-url"), field("documentation-url")]
                + [field(f) for f in COMMON_TAIL],
                ["reference", "name", "document-url", "documentation-url"],
                "all four must not be blank (pipeline)",
                columns=org,
            ),
            "article-4-direction-area": table(
                "Article 4 direction area",
                "One row per area a direction applies to.",
                [field("reference", examples=["A4Da1"]), field("name"),
                 field("article-4-direction", title="Article 4 direction", description="The reference of the direction that applies to this area, as given in the article-4-direction file.", type="string", examples=["A4D1"]),
                 field("geometry"), field("point"),
                 field("permitted-development-rights", title="Permitted development rights", description="The rights the direction withdraws, as codes of the General Permitted Development Order's parts and classes, separated by semicolons.", type="string", examples=["3D;3M;11B"]),
                 field("uprns"), field("address-texts", title="Addresses", description="The addresses of the buildings concerned, separated by semicolons.", type="string"),
                 field("description")]
                + [field(f) for f in COMMON_TAIL],
                ["reference", "name", "article-4-direction", "permitted-development-rights"],
                "reference, geometry, name, permitted-development-rights and article-4-direction must not be blank (pipeline); geometry may be replaced by point",
                rules=[POINT_OR_GEOMETRY],
                columns={**org,
                         "permitted-development-rights": {"codelist": "permitted-development-right", "separator": ";"},
                         "uprns": {"aliases": ["uprn"]},
                         "address-texts": {"aliases": ["address-text"]}},
                foreign_keys=[{"columns": ["article-4-direction"], "reference": {"table": "article-4-direction", "columns": ["reference"]}}],
            ),
        },
        {
            "organisation": ORGANISATIONS,
            "permitted-development-right": codelist("permitted-development-right.csv", "reference", "Permitted development rights (GPDO parts and classes)", REGISTER.format("permitted-development-right.csv")),
        },
        [{"fact": "Article 4 direction fields", "source": "specification content/specification/article-4-direction.md; planning.data.gov.uk guidance"}],
        "https://www.planning.data.gov.uk/guidance/specifications/article-4-direction",
    ))

    tpo_ref = field("tree-preservation-order", title="Tree preservation order", description="The reference of the order that protects it, as given in the tree-preservation-order file.", type="string", examples=["TPO1"])
    write("tree-preservation-order", standard(
        "tree-preservation-order",
        "Tree preservation orders",
        "Orders that protect trees, groups of trees and woodland, the zones they cover and the individual trees.",
        {
            "tree-preservation-order": table(
                "Tree preservation order",
                "One row per order.",
                [field("reference", examples=["TPO1"]), field("name"), field("document-url"), field("documentation-url"),
                 field("made-date", title="Made date", description="When the order was made and the trees became provisionally protected.", type="string", format="partial-date", examples=["2022-12-20"]),
                 field("confirmed-date", title="Confirmed date", description="When the order was confirmed.", type="string", format="partial-date"),
                 field("legislation", title="Legislation", description="The legislation the order was made under.", type="string"), field("description")]
                + [field(f) for f in COMMON_TAIL],
                ["reference", "document-url", "documentation-url"],
                "reference, document-url and documentation-url must not be blank (pipeline)",
                columns=org,
            ),
            "tree-preservation-zone": table(
                "Tree preservation zone",
                "One row per area, group or woodland an order covers.",
                [field("reference", examples=["TPZ1"]), field("name"), tpo_ref,
                 field("tree-preservation-zone-type", title="Zone type", description="area, group or woodland.", type="string", examples=["woodland"]),
                 field("geometry"), field("point"), field("uprn"), field("address-text"), field("description")]
                + [field(f) for f in COMMON_TAIL],
                ["reference", "tree-preservation-order"],
                "reference, geometry and tree-preservation-order must not be blank (pipeline)",
                rules=[POINT_OR_GEOMETRY],
                columns={**org, "tree-preservation-zone-type": {"codelist": "tree-preservation-zone-type"}},
                foreign_keys=[{"columns": ["tree-preservation-order"], "reference": {"table": "tree-preservation-order", "columns": ["reference"]}}],
            ),
            "tree": table(
                "Protected tree",
                "One row per individually protected tree.",
                [field("reference", description="The tree's number in its order.", examples=["T1"]), field("name"), tpo_ref,
                 field("point", description="The approximate centre of the tree as WKT, POINT (longitude latitude)."),
                 field("geometry", description="The tree's canopy as a WKT POLYGON or MULTIPOLYGON, where known."),
                 field("uprn"), field("address-text"),
                 field("tree-species", title="Species", description="The tree's species.", type="string"),
                 field("felled-date", title="Felled date", description="When the tree was felled; blank while it stands.", type="string", format="partial-date"),
                 field("description")]
                + [field(f) for f in COMMON_TAIL],
                ["reference", "tree-preservation-order"],
                "reference, point, geometry and tree-preservation-order must not be blank (pipeline); either point or geometry suffices (guidance)",
                rules=[POINT_OR_GEOMETRY],
                columns=org,
                foreign_keys=[{"columns": ["tree-preservation-order"], "reference": {"table": "tree-preservation-order", "columns": ["reference"]}}],
            ),
        },
        {
            "organisation": ORGANISATIONS,
            "tree-preservation-zone-type": codelist("tree-preservation-zone-type.csv", "reference", "Tree preservation zone types", REGISTER.format("tree-preservation-zone-type.csv")),
        },
        [{"fact": "Tree preservation order fields", "source": "specification content/specification/tree-preservation-order.md; planning.data.gov.uk guidance (7 April 2025)"}],
        "https://www.planning.data.gov.uk/guidance/specifications/tree-preservation-order",
    ))

    write("listed-building-outline", standard(
        "listed-building-outline",
        "Listed building outlines",
        "The outlines of listed buildings (and their curtilage) drawn by the local planning authority, linked to Historic England's National Heritage List.",
        {
            "listed-building-outline": table(
                "Listed building outline",
                "One row per listed building outline.",
                [field("reference", examples=["LB1"]), field("name", description="The building's name as the National Heritage List gives it.", examples=["10 and 12, Lower Clapton Road E5"]),
                 field("listed-building", title="List entry number", description="Historic England's List Entry Number for the building (7 digits in practice).", type="string", pattern="^[0-9]{1,8}$", examples=["1480524"]),
                 field("listed-building-grade", title="Grade", description="I, II* or II.", type="string", examples=["II"]),
                 field("geometry"), field("point"), field("uprns"), field("address-text"), field("description")]
                + [field(f) for f in COMMON_TAIL],
                ["reference", "name", "listed-building", "geometry"],
                "reference, geometry, name and listed-building must not be blank (pipeline)",
                columns={**org, "listed-building-grade": {"codelist": "listed-building-grade"}},
            ),
        },
        {
            "organisation": ORGANISATIONS,
            "listed-building-grade": codelist("listed-building-grade.csv", "reference", "Listed building grades", REGISTER.format("listed-building-grade.csv"), match="exact"),
        },
        [{"fact": "Listed building outline fields", "source": "specification content/specification/listed-building.md; planning.data.gov.uk guidance (7 August 2025)"}],
        "https://www.planning.data.gov.uk/guidance/specifications/listed-building",
    ))


if __name__ == "__main__":
    main()
