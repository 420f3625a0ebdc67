#!/usr/bin/env python3
"""Writes the built-in Open Referral UK standard (schemas/open-referral-uk/) from the table list below.

Facts: OpenReferralUK/uk-profile (commit ecdfabf78944, CC-BY-SA-4.0): datapackage.json
"human_services_data" 3.0, schema/*.json and examples/csv; research notes section 10. Descriptions
are ours. Run from the repository root: python3 scripts/open-referral-uk-standard.py
"""
import json
import os

UUID = {"type": "string", "format": "uuid", "description": "The record's identifier, a UUID, unique in its table."}


def s(description, **schema):
    out = {"type": "string", "description": description}
    out.update(schema)
    return out


def ref(description, table):
    return {"type": "string", "format": "uuid", "description": f"{description} (the id of a row of the {table} table)."}


# table -> (title, description, properties, required, foreign keys {column: table})
TABLES = {
    "organization": ("Organisation", "The organisations that provide services.", {
        "id": {**UUID, "description": "The organisation's identifier, a UUID."},
        "name": s("The organisation's official name.", examples=["Example Organization Inc."]),
        "description": s("What the organisation does."),
        "email": s("The organisation's contact email address.", format="email"),
        "website": s("The organisation's website.", format="uri"),
        "logo": s("Web address of the organisation's logo.", format="uri"),
        "uri": s("A persistent identifier for the organisation, as a URI.", format="uri"),
        "parent_organization_id": ref("The organisation this one is part of", "organization"),
    }, ["id", "name", "description"], {"parent_organization_id": "organization"}),
    "program": ("Programme", "Groups of services run together by an organisation.", {
        "id": UUID, "organization_id": ref("The organisation that runs the programme", "organization"),
        "name": s("The programme's name."), "alternate_name": s("Another name it is known by."), "description": s("What the programme is."),
    }, ["id", "organization_id", "name", "description"], {"organization_id": "organization"}),
    "service": ("Service", "The services offered to people.", {
        "id": {**UUID, "description": "The service's identifier, a UUID."},
        "organization_id": ref("The organisation that provides the service", "organization"),
        "program_id": ref("The programme the service belongs to", "program"),
        "name": s("The service's name.", examples=["Community Counselling"]),
        "description": s("What the service does and for whom."),
        "url": s("The service's web page.", format="uri"),
        "email": s("The service's contact email address.", format="email"),
        "status": s("Whether the service is running: active, inactive, defunct or temporarily closed.", enum=["active", "inactive", "defunct", "temporarily closed"], examples=["active"]),
        "fees": s("Fees, in words (deprecated in 3.0: use cost_option)."),
        "accreditations": s("Accreditations the service holds."),
        "minimum_age": {"type": "integer", "minimum": 0, "description": "The youngest age the service is for."},
        "maximum_age": {"type": "integer", "minimum": 0, "description": "The oldest age the service is for."},
        "assured_date": s("When the service's details were last checked, YYYY-MM-DD.", format="date"),
        "assurer_email": s("Email address of whoever checked them.", format="email"),
        "alert": s("A short notice about the service, such as a temporary change."),
        "last_modified": s("When the record last changed, as an ISO 8601 date and time.", format="date-time"),
    }, ["id", "organization_id", "name", "status"], {"organization_id": "organization", "program_id": "program"}),
    "location": ("Location", "Places where services are delivered.", {
        "id": UUID,
        "location_type": s("physical, postal or virtual.", enum=["physical", "postal", "virtual"], examples=["physical"]),
        "name": s("The location's name."), "description": s("What the location is."),
        "latitude": {"type": "number", "minimum": -90, "maximum": 90, "description": "Latitude in WGS84 decimal degrees."},
        "longitude": {"type": "number", "minimum": -180, "maximum": 180, "description": "Longitude in WGS84 decimal degrees."},
        "external_identifier": s("An identifier of the place elsewhere, such as its UPRN."),
        "external_identifier_type": s("What scheme external_identifier belongs to, such as UPRN."),
    }, ["id", "location_type"], {}),
    "service_at_location": ("Service at location", "Which services are delivered where.", {
        "id": UUID, "service_id": ref("The service", "service"), "location_id": ref("The location", "location"),
    }, ["id", "service_id", "location_id"], {"service_id": "service", "location_id": "location"}),
    "address": ("Address", "Postal and physical addresses of locations.", {
        "id": UUID, "location_id": ref("The location at this address", "location"),
        "attention": s("Whom to address mail to."), "address_1": s("The first line of the address."), "address_2": s("The second line of the address."),
        "city": s("Town or city."), "region": s("Region."), "state_province": s("County, state or province."),
        "postal_code": s("Postcode."), "country": s("Country, as an ISO 3166-1 two-letter code.", examples=["GB"]),
        "address_type": s("physical, postal or virtual.", enum=["physical", "postal", "virtual"]),
    }, ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"], {"location_id": "location"}),
    "contact": ("Contact", "People to contact about a service.", {
        "id": UUID, "service_id": ref("The service", "service"), "name": s("The person's name."), "title": s("Their job title."),
    }, ["id"], {"service_id": "service"}),
    "phone": ("Phone", "Telephone numbers.", {
        "id": UUID, "contact_id": ref("The contact this number reaches", "contact"), "number": s("The telephone number."), "description": s("When and how to use it."),
    }, ["id", "number"], {"contact_id": "contact"}),
    "schedule": ("Schedule", "When services are open, in iCalendar terms.", {
        "id": UUID, "service_id": ref("The service", "service"), "location_id": ref("The location", "location"),
        "service_at_location_id": ref("The service at a location", "service_at_location"),
        "valid_from": s("First day the schedule applies, YYYY-MM-DD.", format="date"), "valid_to": s("Last day it applies, YYYY-MM-DD.", format="date"),
        "dtstart": s("The first event, YYYY-MM-DD.", format="date"), "freq": s("How often it repeats: WEEKLY or MONTHLY.", enum=["WEEKLY", "MONTHLY"]),
        "interval": {"type": "integer", "minimum": 1, "description": "Repeat every this many weeks or months."},
        "byday": s("Days of the week, such as MO,TU."), "bymonthday": s("Days of the month, such as 1,15."),
        "description": s("The schedule in words."),
        "opens_at": s("Opening time, hh:mm:ss with an optional time zone.", format="time"), "closes_at": s("Closing time.", format="time"),
        "schedule_link": s("A web page with the schedule.", format="uri"), "attending_type": s("How people attend."), "notes": s("Anything else about the schedule."),
        "timezone": {"type": "number", "description": "Offset from UTC in hours, where times carry no zone."},
        "until": s("The last event, YYYY-MM-DD.", format="date"),
        "count": {"type": "integer", "minimum": 1, "description": "How many times the event happens."},
        "wkst": s("The day a week starts on.", enum=["MO", "TU", "WE", "TH", "FR", "SA", "SU"]),
        "byweekno": s("Weeks of the year, such as 1,27."), "byyearday": s("Days of the year, such as 1,100."),
    }, ["id"], {"service_id": "service", "location_id": "location", "service_at_location_id": "service_at_location"}),
    "funding": ("Funding", "How services are funded.", {
        "id": UUID, "service_id": ref("The service", "service"), "source": s("Where the money comes from."),
    }, ["id"], {"service_id": "service"}),
    "service_area": ("Service area", "The areas a service covers.", {
        "id": UUID, "service_id": ref("The service", "service"), "name": s("The area's name."), "extent": s("The area's boundary."),
        "extent_type": s("The boundary's format, such as geojson, topojson or kml."), "uri": s("A URI for the area.", format="uri"),
        "service_area": s("The area in words, as the profile's example file names the column."),
    }, ["id"], {"service_id": "service"}),
    "language": ("Language", "Languages a service or phone line works in.", {
        "id": UUID, "service_id": ref("The service", "service"), "phone_id": ref("The phone line", "phone"),
        "name": s("The language's name."), "code": s("The language's ISO 639 code."),
    }, ["id"], {"service_id": "service", "phone_id": "phone"}),
    "accessibility": ("Accessibility", "Accessibility of locations.", {
        "id": UUID, "location_id": ref("The location", "location"), "description": s("The facilities."), "details": s("How to use them."),
        "url": s("A web page about them.", format="uri"),
        "accessibility": s("The facilities, as the profile's example file names the column."),
    }, ["id"], {"location_id": "location"}),
    "cost_option": ("Cost option", "What a service costs.", {
        "id": UUID, "service_id": ref("The service", "service"),
        "valid_from": s("First day the price applies, YYYY-MM-DD.", format="date"), "valid_to": s("Last day it applies.", format="date"),
        "option": s("Who or what the price is for."), "amount": {"type": "number", "minimum": 0, "description": "The price."},
        "amount_description": s("What the price covers."),
    }, ["id", "service_id"], {"service_id": "service"}),
    "required_document": ("Required document", "Documents people must bring to use a service.", {
        "id": UUID, "service_id": ref("The service", "service"), "document": s("The document."), "uri": s("A web page about it.", format="uri"),
    }, ["id"], {"service_id": "service"}),
    "taxonomy": ("Taxonomy", "The taxonomies services are classified by.", {
        "id": UUID, "name": s("The taxonomy's name."), "description": s("What it classifies."), "uri": s("Its URI.", format="uri"), "version": s("Its version."),
    }, ["id", "name", "description"], {}),
    "taxonomy_term": ("Taxonomy term", "Terms of a taxonomy.", {
        "id": UUID, "name": s("The term."), "description": s("What it means."),
        "parent_id": ref("The broader term", "taxonomy_term"), "taxonomy": s("The taxonomy's name."),
        "taxonomy_id": ref("The taxonomy", "taxonomy"), "term_uri": s("The term's URI.", format="uri"), "code": s("The term's code in its taxonomy."),
        "term": s("The term, as the profile's example file names the column."),
    }, ["id", "name", "description"], {"parent_id": "taxonomy_term", "taxonomy_id": "taxonomy"}),
    "attribute": ("Attribute", "Links from any record to taxonomy terms.", {
        "id": UUID, "link_id": {**UUID, "description": "The id of the record the term applies to (any table)."},
        "taxonomy_term_id": ref("The term", "taxonomy_term"), "link_type": s("What kind of link it is."), "link_entity": s("The table of the linked record."),
        "value": s("A value for the attribute."),
    }, ["id", "link_id", "taxonomy_term_id"], {"taxonomy_term_id": "taxonomy_term"}),
    "organization_identifier": ("Organisation identifier", "Registered identifiers of organisations (charity, company and other numbers).", {
        "id": UUID, "organization_id": ref("The organisation", "organization"),
        "identifier_scheme": s("The org-id.guide list the identifier belongs to, such as GB-COH or GB-CHC.", examples=["GB-COH"]),
        "identifier_type": s("The identifier's kind, in words."), "identifier": s("The identifier.", examples=["09506232"]),
    }, ["id", "organization_id", "identifier_type", "identifier"], {"organization_id": "organization"}),
    "meta_table_description": ("Table description", "Metadata about the tables.", {
        "id": UUID, "name": s("The table's name."), "language": s("The language of its text."), "character_set": s("Its character set."),
    }, ["id"], {}),
}

def in_order(rule_id, later, earlier, message, help_text):
    return {"id": rule_id, "message": message, "help": help_text, "compare": {"left": later, "op": ">=", "right": earlier}}


VALID_PERIOD = in_order("valid-to-not-before-valid-from", "valid_to", "valid_from", "`valid_to` is before `valid_from`", "the period runs from valid_from to valid_to")
RULES = {
    "service": [in_order("age-range-in-order", "maximum_age", "minimum_age", "`maximum_age` is less than `minimum_age`", "give the youngest age in minimum_age and the oldest in maximum_age")],
    "schedule": [VALID_PERIOD],
    "cost_option": [VALID_PERIOD],
}


def main():
    os.makedirs("schemas/open-referral-uk", exist_ok=True)
    tables = {}
    for name, (title, description, properties, required, fks) in TABLES.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, "type": "object",
                  "properties": properties, "required": required}
        path = f"{name}.schema.json"
        with open(f"schemas/open-referral-uk/{path}", "w") as f:
            json.dump(schema, f, indent=2, ensure_ascii=False)
            f.write("\n")
        table = {
            "title": title, "description": description, "schema": path,
            "header": {"match": "normalised", "order": "any", "extra": "warning"},
            "primaryKey": ["id"],
            "foreignKeys": [{"columns": [c], "reference": {"table": t, "columns": ["id"]}} for c, t in fks.items()],
            "rows": {"min": 0},
        }
        if name in RULES:
            table["rules"] = RULES[name]
        if name == "address":
            table["columns"] = {"country": {"codelist": "country"}}
        if name == "organization":
            # HSDS 1.1 called the organisation's website `url`; HSDS 3 and the UK profile call
            # it `website` (`uri` is the organisation's identifier, not its web page).
            table["columns"] = {"website": {"aliases": ["url"]}}
        if name == "organization_identifier":
            table["columns"] = {"identifier_scheme": {"codelist": "org-id-gb"}}
            table["severity"] = {"codelist": "warning"}
            table["$comment"] = "Only the GB lists of org-id.guide are built in, so a scheme outside them is a warning."
        tables[name] = table
    standard = {
        "conform": 1, "id": "open-referral-uk", "version": "3.0",
        "title": "Open Referral UK (service directories)",
        "publisher": "Open Referral UK",
        "licence": "CC-BY-SA-4.0",
        "source": "https://github.com/OpenReferralUK/uk-profile",
        "description": "The UK profile of the Human Services Data Specification 3.0: directories of local services (who provides them, where, when, at what cost), one CSV file per table with UUID keys between them. Check the files of one directory together so that the references between tables are checked.",
        "$comment": "Generated by scripts/open-referral-uk-standard.py; edit the script, not this file.",
        "sources": [
            {"fact": "Tables, required fields, formats, enumerations and keys", "source": "OpenReferralUK/uk-profile datapackage.json and schema/*.json (commit ecdfabf78944); research notes section 10"},
            {"fact": "Tables program, required_document and meta_table_description", "source": "HSDS 3.0 tables present in the profile's examples/csv (commit ecdfabf78944)"},
            {"fact": "`url` read as the organisation's `website`", "source": "HSDS 1.1 datapackage.json, organization field url: 'The URL (website address) of the organization' (openreferral/deprecated-hsds-1.1-validator test/data/package); HSDS 3.0 and the UK profile name it website"},
            {"fact": "Country codes (ISO 3166-1 alpha-2)", "source": "360Giving codelist countryCode.csv (ThreeSixtyGiving/standard 9387abcf8fa3, CC-BY-4.0)"},
        ],
        "tables": tables,
        "codelists": {
            "country": {"path": "../codelists/360giving-countryCode.csv", "column": "Code", "title": "ISO 3166-1 alpha-2 country codes", "source": "360Giving Data Standard codelists/countryCode.csv", "version": "ThreeSixtyGiving/standard 9387abcf8fa3"},
            "org-id-gb": {"path": "../codelists/org-id-gb-prefixes.csv", "column": "code", "title": "org-id.guide GB list prefixes", "source": "org-id/register lists/gb", "version": "org-id/register f500b45f6c2a"},
        },
    }
    with open("schemas/open-referral-uk/standard.json", "w") as f:
        json.dump(standard, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
