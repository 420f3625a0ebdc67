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
    r"^([a-z][a-z-]*:[A-Za-z0-9-]+|https?://opendatacommunities\.org/(id|doc)/\S+|[EWSNK][0-9]{8})$"
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
        "description": "The organisation responsible for the record, as a CURIE such as local-authority:BUC; left blank, it is the publisher. The pipeline also accepts the organisation's Open Data Communities URI or GSS code.",
        "type": "string",
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
        "rules": list(rules) + [END_AFTER_START],
        "severity": {"header-mismatch": "info"},
    }


POINT_OR_GEOMETRY = {
    "id": "point-or-geometry",
    "message": "this row has neither a boundary (`geometry`) nor a point (`point`); the record needs one of them",
    "help": "give the boundary as WKT in `geometry`, or at least a POINT (longitude latitude) in `point`",
    "columns": ["geometry", "point"],
    "schema": {"anyOf": [{"required": ["geometry"]}, {"required": ["point"]}]},
}

def not_before(later, earlier, rule_id, what):
    """A comparison rule: `later` is on or after `earlier` when both are given."""
    return {
        "id": rule_id,
        "message": f"`{later}` is before `{earlier}`",
        "help": f"check both dates: {what}",
        "compare": {"left": later, "op": ">=", "right": earlier},
    }


END_AFTER_START = not_before("end-date", "start-date", "end-not-before-start", "a record cannot end before it starts")


def uprn_with_address(uprn, address):
    """Guidance for trees and article 4 areas: a UPRN comes with the address it identifies."""
    return {
        "id": "uprn-with-address",
        "message": f"`{uprn}` is given without `{address}`; the guidance asks for the address with the UPRN",
        "help": f"add the address in `{address}`, written on one line",
        "columns": [address, uprn],
        "schema": {"dependentRequired": {uprn: [address]}},
    }


def refers_to(table):
    """A foreign key: the column named after `table` holds the reference of one of its rows."""
    return {"columns": [table], "reference": {"table": table, "columns": ["reference"]}}


def register(name, title, match="folded"):
    """A Digital Land register as a code list of its references."""
    return codelist(f"{name}.csv", "reference", title, REGISTER.format(f"{name}.csv"), match=match)


def codelist(path, column, title, source, match="folded", version="dluhc-datasets 13399048a69b"):
    return {"path": f"../codelists/{path}", "column": column, "title": title, "source": source, "version": version, "match": match}


REGISTER = "MHCLG Digital Land register, digital-land/dluhc-datasets data/registers/{} (commit 13399048a69b, MIT, Crown copyright)"
ORGANISATIONS = codelist(
    "planning-organisation.csv",
    "name",
    "planning.data.gov.uk organisations (local authorities, development corporations, national park authorities, government organisations)",
    "Derived by scripts/planning-standards.py from the Digital Land registers local-authority, development-corporation, national-park-authority and government-organisation (dluhc-datasets 13399048a69b): CURIEs, Open Data Communities URIs and GSS codes",
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


# Policy: a value that is unambiguous and readable but not in the form asked is a warning. The
# pipeline reads day-first UK dates and writes them as YYYY-MM-DD (research notes §3.4, datetime).
UK_DATE_TOLERANCE = {
    "format": "uk-date",
    "as": "a UK date (dd/mm/yyyy)",
    "why": "the planning.data.gov.uk pipeline reads day-first dates and turns them into YYYY-MM-DD, so the date is not lost, but the standard asks for YYYY-MM-DD",
    "source": "digital-land-python datatype/date.py (the datetime datatype: DD/MM/YYYY is among the forms it reads)",
}


# What each pattern the generated standards use asks, in words, for messages (patternInWords).
PATTERN_WORDS = {
    r"^[0-9]*(\.[0-9]{1,2})?$": "a number with at most 2 decimal places (such as 0.35)",
    r"^(https?://[^| ]+)(\|https?://[^| ]+)*$": "one or more web addresses starting http:// or https://, separated by | with no spaces",
    r"^(http|https)://": "a web address starting http:// or https://",
    r"^https?://opendatacommunities\.org/(id|doc)/\S+$": "an Open Data Communities URI (http://opendatacommunities.org/id/...)",
    ORGANISATION_PATTERN: "an organisation: its CURIE (local-authority:DAC), Open Data Communities URI or GSS code",
    r"^(?i:yes|no|y|n)$": "yes, no, y or n",
    r"^[0-9]{1,12}( *[;,] *[0-9]{1,12})*$": "one or more UPRNs (numbers of up to 12 digits) separated by semicolons",
    r"^[0-9]{1,8}$": "a number of up to 8 digits",
}


def words_for_patterns(table):
    """Every patterned column of a table says what its pattern asks in words."""
    for name, prop in table["schema"]["properties"].items():
        pattern = prop.get("pattern")
        if pattern is None:
            continue
        if pattern not in PATTERN_WORDS:
            raise SystemExit(f"no words for the pattern of {name}: {pattern}")
        table.setdefault("columns", {}).setdefault(name, {})["patternInWords"] = PATTERN_WORDS[pattern]


def tolerate_uk_dates(table):
    """Every date column of a table takes dd/mm/yyyy as a warning."""
    for name, prop in table["schema"]["properties"].items():
        if prop.get("format") in ("date", "partial-date"):
            table.setdefault("columns", {}).setdefault(name, {})["tolerate"] = [UK_DATE_TOLERANCE]


def write(ident, std):
    os.makedirs(f"schemas/{ident}", exist_ok=True)
    for t in std["tables"].values():
        tolerate_uk_dates(t)
        words_for_patterns(t)
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
    """Every way the pipeline accepts to name an organisation: its CURIE (and the legacy
    local-authority-eng: form), its Open Data Communities URI (http or https, /id/ or /doc/) and its
    GSS code."""
    rows = []
    for register in ["local-authority", "development-corporation", "national-park-authority", "government-organisation"]:
        with open(f"schemas/codelists/{register}.csv", newline="") as f:
            for r in csv.DictReader(f):
                curie = f"{register}:{r['reference']}"
                names = [curie]
                if register == "local-authority":
                    names.append(f"local-authority-eng:{r['reference']}")
                uri = r.get("opendatacommunities-uri", "")
                if uri.startswith("http://opendatacommunities.org/id/"):
                    tail = uri[len("http://opendatacommunities.org/id/"):]
                    for scheme in ["http", "https"]:
                        for kind in ["id", "doc"]:
                            names.append(f"{scheme}://opendatacommunities.org/{kind}/{tail}")
                if r.get("statistical-geography"):
                    names.append(r["statistical-geography"])
                    # The pipeline's lookup strips these legacy geography prefixes down to the GSS
                    # code (digital-land-python organisation.py, Organisation.lookup).
                    for kind in ["nmd", "ua", "npark"]:
                        names.append(f"http://opendatacommunities.org/id/geography/administration/{kind}/{r['statistical-geography']}")
                for name in names:
                    rows.append((name, curie, r["name"]))
    seen = set()
    with open("schemas/codelists/planning-organisation.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "organisation", "title"])
        for row in rows:
            if row[0] not in seen:
                seen.add(row[0])
                w.writerow(row)


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
                foreign_keys=[refers_to("conservation-area")],
            ),
        },
        {
            "organisation": ORGANISATIONS,
            "conservation-area-document-type": register("conservation-area-document-type", "Conservation area document types"),
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
                rules=[POINT_OR_GEOMETRY, uprn_with_address("uprns", "address-texts")],
                columns={**org,
                         "permitted-development-rights": {"codelist": "permitted-development-right", "separator": ";"},
                         "uprns": {"aliases": ["uprn"]},
                         "address-texts": {"aliases": ["address-text"]}},
                foreign_keys=[refers_to("article-4-direction")],
            ),
        },
        {
            "organisation": ORGANISATIONS,
            "permitted-development-right": register("permitted-development-right", "Permitted development rights (GPDO parts and classes)"),
        },
        [{"fact": "Article 4 direction fields; a UPRN comes with its address", "source": "specification content/specification/article-4-direction.md; planning.data.gov.uk guidance"}],
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
                rules=[POINT_OR_GEOMETRY, uprn_with_address("uprn", "address-text")],
                columns={**org, "tree-preservation-zone-type": {"codelist": "tree-preservation-zone-type"}},
                foreign_keys=[refers_to("tree-preservation-order")],
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
                rules=[POINT_OR_GEOMETRY, uprn_with_address("uprn", "address-text")],
                columns=org,
                foreign_keys=[refers_to("tree-preservation-order")],
            ),
        },
        {
            "organisation": ORGANISATIONS,
            "tree-preservation-zone-type": register("tree-preservation-zone-type", "Tree preservation zone types"),
        },
        [{"fact": "Tree preservation order fields; a UPRN comes with its address", "source": "specification content/specification/tree-preservation-order.md; planning.data.gov.uk guidance (7 April 2025)"}],
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
            "listed-building-grade": register("listed-building-grade", "Listed building grades", match="exact"),
        },
        [{"fact": "Listed building outline fields", "source": "specification content/specification/listed-building.md; planning.data.gov.uk guidance (7 August 2025)"}],
        "https://www.planning.data.gov.uk/guidance/specifications/listed-building",
    ))


def nullable(schema):
    """A column that must be in the header but may be blank in a row."""
    out = dict(schema)
    out["type"] = [schema.get("type", "string"), "null"]
    return out


BROWNFIELD_2017 = "iStandUK/BrownfieldLandRegister schema/brownfieldlandregister2017.json (commit 00f2a10c4332); DCLG 'Brownfield Land Registers Data Standard' (July 2017)"
# The 2017 schema asks only for the prefix; which organisation it names is the code list's question.
ODC_URI = r"^https?://opendatacommunities\.org/(id|doc)/\S+$"
URL_LIST = r"^(https?://[^| ]+)(\|https?://[^| ]+)*$"
YES = {"type": "string", "enum": ["yes"]}


def col(name, title, description, schema, example=None, aliases=()):
    """A brownfield column: (name, its schema with title, description and example, its aliases)."""
    schema = dict(schema)
    schema.update({"title": title, "description": description})
    if example is not None:
        schema["examples"] = [example]
    return name, schema, list(aliases)


# Two 2017 rules are in the guidance's words only: no published schema states them and the pipeline
# does not check them, and a row that breaks them is still usable, so they are warnings.
GUIDANCE_ONLY = "the 2017 column guidance as Digital Land mirrored it ('Update your brownfield site register'; research notes §1); no published schema states it and the planning.data.gov.uk pipeline does not check it, so conform gives it as advice (a warning)"


def brownfield_2017():
    status = ["permissioned", "not permissioned", "pending decision"]
    permission = ["full planning permission", "outline planning permission", "reserved matters approval", "permission in principle", "technical details consent", "planning permission granted under an order", "other"]
    ownership = ["owned by a public authority", "not owned by a public authority", "mixed ownership", "unknown ownership"]
    fields = [
        col("OrganisationURI", "Organisation URI", "The Open Data Communities URI of the local planning authority whose area holds the site. The 2017 schema asks for http://opendatacommunities.org/id/...; the https form and /doc/ pages, which councils publish and the Digital Land pipeline accepts, are accepted too.", {"type": "string", "pattern": ODC_URI, "$comment": "The iStandUK 2017 schema requires only the http://opendatacommunities.org/id/ prefix; https and /doc/ accepted as the digital-land-python organisation lookup does (research notes §2); the organisation itself is checked against the code list"}, "http://opendatacommunities.org/id/district-council/dacorum"),
        col("OrganisationLabel", "Organisation label", "The authority's official name.", {"type": "string", "maxLength": 100}, "Dacorum Borough Council"),
        col("SiteReference", "Site reference", "The authority's own identifier for the site, unique in the register.", {"type": "string", "maxLength": 50}, "BR/03/001"),
        col("PreviouslyPartOf", "Previously part of", "The SiteReference of the site this one was split from on an earlier register.", nullable({"type": "string", "maxLength": 50}), "DCS1 (2017)"),
        col("SiteNameAddress", "Site name and address", "The site's name and address on one line.", {"type": "string", "maxLength": 255}, "Former Bere Regis primary school, Rye Hill, Bere Regis"),
        col("SiteplanURL", "Site plan URL", "Web address of a page with a plan of the site.", {"type": "string", "pattern": "^(http|https)://"}, "https://www.example.gov.uk/brownfield/site-plan-BR-03-001"),
        col("CoordinateReferenceSystem", "Coordinate reference system", "Which system GeoX and GeoY use: WGS84, OSGB36 or ETRS89.", {"type": "string", "enum": ["WGS84", "OSGB36", "ETRS89"]}, "OSGB36"),
        col("GeoX", "GeoX", "Longitude (WGS84, ETRS89) or easting (OSGB36) of the site's centre.", {"type": "number"}, "384705.31"),
        col("GeoY", "GeoY", "Latitude (WGS84, ETRS89) or northing (OSGB36) of the site's centre.", {"type": "number"}, "94267.69"),
        col("Hectares", "Hectares", "The site's area in hectares, to at most 2 decimal places.", {"type": "string", "pattern": "^[0-9]*(\\.[0-9]{1,2})?$"}, "0.3"),
        col("OwnershipStatus", "Ownership status", "Who owns the land.", {"type": "string", "enum": ownership}, "not owned by a public authority"),
        col("Deliverable", "Deliverable", "yes when there is a reasonable prospect of housing on the site within 5 years; otherwise blank.", nullable(YES), "yes"),
        col("PlanningStatus", "Planning status", "Where the site is in the planning process.", {"type": "string", "enum": status}, "permissioned"),
        col("PermissionType", "Permission type", "The latest permission granted; blank unless the site is permissioned.", nullable({"type": "string", "enum": permission}), "full planning permission"),
        col("PermissionDate", "Permission date", "When that permission was granted, YYYY-MM-DD; blank if none.", nullable({"type": "string", "format": "date"}), "2016-07-01"),
        col("PlanningHistory", "Planning history", "Web addresses of planning history pages, separated by |.", nullable({"type": "string", "pattern": URL_LIST}), "https://www.example.gov.uk/planning/16-0001"),
        col("ProposedForPIP", "Proposed for permission in principle", "yes when the site is proposed for permission in principle.", nullable(YES), "yes"),
        col("MinNetDwellings", "Minimum net dwellings", "The least number of net dwellings the authority estimates the site can support.", {"type": "number", "minimum": 0}, "9"),
        col("DevelopmentDescription", "Development description", "The housing development proposed.", nullable({"type": "string", "maxLength": 4000})),
        col("NonHousingDevelopment", "Non-housing development", "Any non-housing development proposed.", nullable({"type": "string", "maxLength": 4000})),
        col("Part2", "Part 2", "yes when the site is in Part 2 of the register.", nullable(YES), "yes"),
        col("NetDwellingsRangeFrom", "Net dwellings from", "For Part 2: the least number of dwellings the land could support.", nullable({"type": "number", "minimum": 0}), "6"),
        col("NetDwellingsRangeTo", "Net dwellings to", "For Part 2: the most dwellings the land could support.", nullable({"type": "number", "minimum": 0}), "10"),
        col("HazardousSubstances", "Hazardous substances", "yes when an environmental impact assessment is required under the Planning (Hazardous Substances) Regulations 2015.", nullable(YES)),
        col("SiteInformation", "Site information", "Web addresses of environmental impact assessment or consultation pages, separated by |.", nullable({"type": "string", "pattern": URL_LIST})),
        col("Notes", "Notes", "General information about the site.", nullable({"type": "string", "maxLength": 4000})),
        col("FirstAddedDate", "First added date", "When the site was first added to the register, YYYY-MM-DD.", {"type": "string", "format": "date"}, "2017-12-31"),
        col("LastUpdatedDate", "Last updated date", "When the entry was last updated, YYYY-MM-DD; the FirstAddedDate if never.", {"type": "string", "format": "date"}, "2017-12-31"),
    ]
    rules = [
        {"id": "permission-type-only-if-permissioned", "message": "`PermissionType` is given, but `PlanningStatus` is not `permissioned`", "help": "leave PermissionType blank unless the site has permission, or correct PlanningStatus", "columns": ["PermissionType", "PlanningStatus"],
         "schema": {"if": {"required": ["PermissionType"], "properties": {"PermissionType": {"type": "string"}}}, "then": {"properties": {"PlanningStatus": {"pattern": "^(?i)permissioned$"}}}}},
        {"id": "permission-date-only-if-permissioned", "message": "`PermissionDate` is given, but `PlanningStatus` is not `permissioned`", "help": "leave PermissionDate blank unless permission was granted, or correct PlanningStatus", "columns": ["PermissionDate", "PlanningStatus"],
         "schema": {"if": {"required": ["PermissionDate"], "properties": {"PermissionDate": {"type": "string"}}}, "then": {"properties": {"PlanningStatus": {"pattern": "^(?i)permissioned$"}}}}},
        {"id": "description-or-range", "message": "both `DevelopmentDescription` and a net dwellings range are given; the 2017 guidance asks for one or the other", "help": "give the range only when DevelopmentDescription is blank", "columns": ["DevelopmentDescription", "NetDwellingsRangeFrom"],
         "severity": "warning", "source": GUIDANCE_ONLY,
         "schema": {"not": {"required": ["DevelopmentDescription", "NetDwellingsRangeFrom"], "properties": {"DevelopmentDescription": {"type": "string"}, "NetDwellingsRangeFrom": {"type": "number"}}}}},
        {"id": "site-information-needs-hazardous-substances", "message": "`SiteInformation` is given, but `HazardousSubstances` is not `yes`", "help": "SiteInformation is only for sites that need an environmental impact assessment", "columns": ["SiteInformation", "HazardousSubstances"],
         "severity": "warning", "source": GUIDANCE_ONLY,
         "schema": {"if": {"required": ["SiteInformation"], "properties": {"SiteInformation": {"type": "string"}}}, "then": {"properties": {"HazardousSubstances": {"const": "yes"}}, "required": ["HazardousSubstances"]}}},
        not_before("LastUpdatedDate", "FirstAddedDate", "updated-not-before-added", "an entry is updated on or after the day it was first added (the guidance repeats FirstAddedDate when it never was)"),
        {"id": "range-in-order", "message": "`NetDwellingsRangeTo` is less than `NetDwellingsRangeFrom`", "help": "the range runs from the least to the most dwellings the land could support",
         "compare": {"left": "NetDwellingsRangeTo", "op": ">=", "right": "NetDwellingsRangeFrom"}},
    ]
    required = [name for name, _, _ in fields]
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "One site of a brownfield land register (2017 standard)", "type": "object", "properties": {n: s for n, s, _ in fields}, "required": required,
              "$comment": "Every column is required in the header; columns whose type admits null may be blank."}
    std = {
        "conform": 1, "id": "brownfield-land-2017", "version": "2017",
        "title": "Brownfield land register (2017 data standard)",
        "publisher": "Department for Communities and Local Government (now MHCLG)",
        "licence": "OGL-UK-3.0",
        "source": "https://www.gov.uk/government/publications/brownfield-land-registers-data-standard",
        "description": "The register of previously developed land suitable for housing that every local planning authority in England keeps under the Town and Country Planning (Brownfield Land Register) Regulations 2017: one row per site, all 28 columns of the 2017 standard.",
        "$comment": "Generated by scripts/planning-standards.py; edit the script, not this file.",
        "sources": [
            {"fact": "Columns, types, patterns, enumerations, maximum lengths", "source": BROWNFIELD_2017},
            {"fact": "Conditional rules (PermissionType, PermissionDate, range vs description, SiteInformation)", "source": "2017 column guidance mirrored by Digital Land ('Update your brownfield site register'); research notes §1"},
            {"fact": "https and /doc/ Open Data Communities URIs accepted", "source": "digital-land-python organisation lookup; research notes §2"},
        ],
        "tables": {"brownfield-land": {
            "title": "Brownfield land register site", "schema": schema,
            "header": {"match": "compact", "order": "any", "extra": "warning"},
            "missingValues": [""],
            "columns": {"SiteReference": {"unique": True}, "OrganisationURI": {"codelist": "organisation"}},
            "rules": rules,
            "severity": {"header-mismatch": "warning"},
        }},
        "codelists": {"organisation": ORGANISATIONS},
    }
    return std


# digital-land-python datatype/wkt.py: the default bounds, POLYGON((2.95 56, 2.95 49.5, -7 49.5,
# -7 53.4, -4 53.4, -4 56, 2.95 56)), as longitude, latitude corners.
ENGLAND_BOUNDS = [[2.95, 56], [2.95, 49.5], [-7, 49.5], [-7, 53.4], [-4, 53.4], [-4, 56]]


def brownfield_current():
    flag = {"type": "string", "pattern": "^(?i:yes|no|y|n)$", "$comment": "Digital Land flag datatype: yes, no, y, n in any case"}
    fields = [
        col("OrganisationURI", "Organisation URI", "The local planning authority: its Open Data Communities URI (http or https, /id/ or /doc/), or, as the planning.data.gov.uk pipeline also accepts, its CURIE (local-authority:DAC) or GSS code.", {"type": "string", "pattern": ORGANISATION_PATTERN}, "http://opendatacommunities.org/id/district-council/dacorum", ["organisation"]),
        col("OrganisationLabel", "Organisation label", "The authority's name; accepted, not required.", {"type": "string"}, "Dacorum Borough Council"),
        col("SiteReference", "Site reference", "The authority's identifier for the site: unique and never changed.", {"type": "string"}, "EH/141", ["site"]),
        col("SiteNameAddress", "Site name and address", "The site's name and address on one line.", {"type": "string"}, "Parcel of land behind, 221B Baker Street, Marylebone, London, NW1 6XE", ["site-address"]),
        col("GeoX", "GeoX (longitude)", "Longitude of the site's centre in WGS84 or ETRS89, to at most 6 decimal places. Eastings, swapped pairs and Web Mercator metres are read as the planning.data.gov.uk pipeline reads them (the point-in-england rule).", {"type": "number"}, "-0.128579"),
        col("GeoY", "GeoY (latitude)", "Latitude of the site's centre in WGS84 or ETRS89, to at most 6 decimal places.", {"type": "number"}, "51.507351"),
        col("SiteplanURL", "Site plan URL", "Web address of a page with a plan of the site.", {"type": "string", "format": "uri"}, "https://www.example.gov.uk/brownfield/EH-141", ["site-plan-url"]),
        col("Hectares", "Hectares", "The site's area in hectares, in digits.", {"type": "number", "minimum": 0}, "1.4"),
        col("OwnershipStatus", "Ownership status", "Who owns the land: owned-by-a-public-authority, not-owned-by-a-public-authority, mixed-ownership or unknown-ownership (the names with spaces are accepted).", {"type": "string"}, "not-owned-by-a-public-authority"),
        col("PlanningStatus", "Planning status", "permissioned, not-permissioned or pending-decision.", {"type": "string"}, "permissioned", ["planning-permission-status"]),
        col("PermissionType", "Permission type", "The latest permission granted.", {"type": "string"}, "full-planning-permission", ["planning-permission-type"]),
        col("PermissionDate", "Permission date", "When it was granted, YYYY-MM-DD; blank if no permission.", {"type": "string", "format": "date"}, "2016-07-01", ["planning-permission-date"]),
        col("PlanningHistory", "Planning history", "Web addresses of planning history pages, separated by |.", {"type": "string", "pattern": URL_LIST}, None, ["planning-permission-history"]),
        col("Deliverable", "Deliverable", "yes when housing is likely within 5 years; blank otherwise (the column must be there).", nullable(flag), "yes"),
        col("NetDwellingsRangeFrom", "Net dwellings from", "The least number of net dwellings the site could support.", {"type": "integer", "minimum": 0}, "6", ["minimum-net-dwellings"]),
        col("NetDwellingsRangeTo", "Net dwellings to", "The most net dwellings the site could support.", {"type": "integer", "minimum": 0}, "10", ["maximum-net-dwellings"]),
        col("HazardousSubstances", "Hazardous substances", "yes when hazardous substances consent applies.", flag),
        col("Notes", "Notes", "Anything else, such as a description of the development; up to 4,000 characters.", {"type": "string", "maxLength": 4000}),
        col("FirstAddedDate", "First added date", "When the site was first added, YYYY-MM-DD.", {"type": "string", "format": "date"}, "2017-12-31", ["start-date"]),
        col("LastUpdatedDate", "Last updated date", "When the entry was last updated, YYYY-MM-DD.", {"type": "string", "format": "date"}, "2024-06-30", ["entry-date"]),
        col("EndDate", "End date", "When the site stopped being brownfield land (for example, it was built on); never delete the row.", {"type": "string", "format": "date"}, None, ["end-date"]),
    ]
    for old in ["CoordinateReferenceSystem", "PreviouslyPartOf", "ProposedForPIP", "MinNetDwellings", "DevelopmentDescription", "NonHousingDevelopment", "Part2", "SiteInformation"]:
        fields.append(col(old, old, "A 2017 column the current standard dropped; files that still carry it are accepted and the column is not checked.", {}))
    required = ["OrganisationURI", "SiteReference", "SiteNameAddress", "GeoX", "GeoY", "SiteplanURL", "Hectares", "OwnershipStatus", "PlanningStatus", "Deliverable", "NetDwellingsRangeFrom", "NetDwellingsRangeTo", "FirstAddedDate", "LastUpdatedDate"]
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "One site of a brownfield land register", "type": "object",
              "properties": {n: s for n, s, _ in fields}, "required": required}
    columns = {n: {"aliases": a} for n, _, a in fields if a}
    columns["SiteReference"] = {**columns.get("SiteReference", {}), "unique": True}
    columns["OrganisationURI"] = {**columns["OrganisationURI"], "codelist": "organisation"}
    columns["OwnershipStatus"] = {"codelist": "ownership-status"}
    columns["PlanningStatus"] = {**columns["PlanningStatus"], "codelist": "planning-permission-status"}
    columns["PermissionType"] = {**columns["PermissionType"], "codelist": "planning-permission-type"}
    rules = [
        {"id": "point-in-england", "message": "`GeoX` and `GeoY` must place the site in England",
         "help": "check the coordinates against a map: GeoX is the longitude (negative west of Greenwich), GeoY the latitude",
         "point": {"x": "GeoX", "y": "GeoY", "within": ENGLAND_BOUNDS},
         "source": "digital-land-python datatype/wkt.py parse_wkt: degrees, then OSGB36 eastings and northings, then Web Mercator, each tried swapped, inside the pipeline's England polygon; converted and swapped pairs are warnings there as here"},
        not_before("LastUpdatedDate", "FirstAddedDate", "updated-not-before-added", "an entry is updated on or after the day it was first added"),
        not_before("EndDate", "FirstAddedDate", "ended-not-before-added", "a site stops being brownfield land after it was added"),
        {"id": "range-in-order", "message": "`NetDwellingsRangeTo` is less than `NetDwellingsRangeFrom`", "help": "the range runs from the least to the most net dwellings the site could support",
         "compare": {"left": "NetDwellingsRangeTo", "op": ">=", "right": "NetDwellingsRangeFrom"}},
    ] + [{"id": "permission-type-only-if-permissioned", "message": "`PermissionType` is given, but `PlanningStatus` is not `permissioned`", "help": "leave PermissionType blank unless the site has permission, or correct PlanningStatus", "columns": ["PermissionType", "PlanningStatus"],
              "schema": {"if": {"required": ["PermissionType", "PlanningStatus"]}, "then": {"properties": {"PlanningStatus": {"pattern": "^(?i)permissioned$"}}}}}]
    return {
        "conform": 1, "id": "brownfield-land", "version": "2026-08",
        "title": "Brownfield land (planning.data.gov.uk)",
        "publisher": "Ministry of Housing, Communities and Local Government (planning.data.gov.uk, Digital Land)",
        "licence": "OGL-UK-3.0",
        "source": "https://www.gov.uk/government/publications/brownfield-land-registers-data-standard/publish-your-brownfield-land-data",
        "description": "The brownfield land register as planning.data.gov.uk collects it today: coordinates in WGS84, the 2017 Part 2 and description columns dropped, EndDate added. One row per site.",
        "$comment": "Generated by scripts/planning-standards.py; edit the script, not this file.",
        "sources": [
            {"fact": "Columns, requirement levels and datatypes", "source": SPEC + ": content/specification/brownfield-land.md and docs/guidance/brownfield-land"},
            {"fact": "Values that must not be blank; flags; category matching; accepted alternative column names", "source": PIPELINE + "; phase/map.py"},
            {"fact": "England bounds for GeoX/GeoY", "source": "digital-land-python datatype/wkt.py default bounds POLYGON((2.95 56, 2.95 49.5, -7 49.5, -7 53.4, -4 53.4, -4 56, 2.95 56))"},
        ],
        "tables": {"brownfield-land": {
            "title": "Brownfield land site", "schema": schema,
            "header": {"match": "compact", "order": "any", "extra": "warning"},
            "missingValues": ["", "null", "NULL", "N/A", "n/a", "#N/A", "-"],
            "columns": columns, "rules": rules,
            "severity": {"header-mismatch": "info"},
        }},
        "codelists": {
            "organisation": ORGANISATIONS,
            "ownership-status": register("ownership-status", "Ownership status"),
            "planning-permission-status": register("planning-permission-status", "Planning permission status"),
            "planning-permission-type": register("planning-permission-type", "Planning permission type"),
        },
    }


if __name__ == "__main__":
    main()
    write("brownfield-land-2017", brownfield_2017())
    write("brownfield-land", brownfield_current())
