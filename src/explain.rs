//! The documentation of every finding code: shown by `conform explain` and carried into reports.

use crate::finding::Code;

/// What a code means, why it matters, how to fix it, and an example.
pub struct CodeDoc {
    pub code: Code,
    pub title: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub fix: &'static str,
    pub example: &'static str,
}

pub fn doc(code: Code) -> CodeDoc {
    let (title, what, why, fix, example) = match code {
        Code::Encoding => (
            "File is not UTF-8",
            "The file is not UTF-8. conform could read it as Windows-1252 (the encoding Excel uses when it saves \"CSV\" on Windows) or UTF-16, and checked it that way.",
            "Data standards ask for UTF-8. Other tools reading the file as UTF-8 will show characters such as £, é or ’ as garbage, or refuse the file.",
            "Save the file again choosing \"CSV UTF-8 (Comma delimited)\" in Excel, or convert it with `iconv -f WINDOWS-1252 -t UTF-8`.",
            "Byte 0xA3 on line 12 is `£` in Windows-1252 but is not valid UTF-8.",
        ),
        Code::EncodingError => (
            "Bytes that no supported encoding can read",
            "The file holds bytes that are neither UTF-8, UTF-16 nor Windows-1252 text. Often the file is not a CSV at all (a spreadsheet, a zip or a PDF with a .csv name) or it is damaged.",
            "No value in the file can be trusted until it is read as text.",
            "Open the file in the program that made it and export it again as CSV UTF-8. If it is an Excel workbook, save it as CSV first.",
            "Byte 0x81 on line 3: Windows-1252 leaves it undefined, and it is not valid UTF-8.",
        ),
        Code::ParseError => (
            "The CSV is malformed",
            "The file cannot be split into rows and cells reliably, for example because a quoted cell is never closed.",
            "Every row after the problem may be read wrongly, so the cells checked may not be the cells you meant.",
            "Find the line named and make sure every opening double quote has a closing one. A double quote inside a quoted cell is written twice (\"\").",
            "Line 40: `\"Smith & Sons, 12 High St,500.00` opens a quote that never closes.",
        ),
        Code::EmptyFile => (
            "No header or no data",
            "The file is empty, has no header row, or has a header but no data rows while the standard expects some.",
            "An empty publication usually means an export went wrong; readers cannot tell it from \"nothing to report\".",
            "Export the data again; if there really is nothing to publish, say so where the file is published.",
            "A file with only the header row `Transaction date,Supplier name,Net amount`.",
        ),
        Code::BlankHeader => (
            "A header cell is empty",
            "One of the cells in the header row (line 1) has no name.",
            "A column without a name cannot be matched to the standard, so its values are not checked.",
            "Type the column's name from the standard into the header, or delete the column if it is not needed (often it is an empty column left at the end of a spreadsheet).",
            "Header `Supplier name,,Net amount`: the second column has no name.",
        ),
        Code::DuplicateHeader => (
            "Two columns share a name",
            "Two header cells name the same column of the standard (exactly, or once spaces, case and aliases are taken into account).",
            "A reader cannot know which of the two holds the real values.",
            "Rename or remove one of the two columns.",
            "Header `Date,Supplier name,Transaction date`: both `Date` and `Transaction date` are read as `Transaction date`.",
        ),
        Code::MissingColumn => (
            "A column of the standard is absent",
            "The standard defines a column that the file's header does not have. For a required column this is an error; for an optional one it is for information.",
            "Without the column, users of the data lose that information for every row.",
            "Add the column with the name the standard uses (see `conform standards show`), even if some cells are empty.",
            "The standard requires `Net amount`, but the header has no such column.",
        ),
        Code::UnknownColumn => (
            "A column the standard does not define",
            "The header names a column that is not part of the standard, even allowing for case, spacing and known alternative names.",
            "Extra columns are usually harmless, but a misspelt standard column looks like an extra one and its values go unchecked.",
            "If the column is meant to be one of the standard's, rename it exactly; otherwise it can stay (or be removed before publishing).",
            "Header `Suplier name`: did you mean `Supplier name`?",
        ),
        Code::HeaderMismatch => (
            "Column name differs from the standard",
            "A header was matched to a column of the standard only after ignoring case, spacing, underscores or hyphens, or through a known alternative name (alias).",
            "Other tools match names exactly and may not recognise the column.",
            "Rename the header to the standard's exact name.",
            "`supplier_name` was read as `Supplier name`.",
        ),
        Code::ColumnOrder => (
            "Columns are out of order",
            "The standard requires its columns in a set order, and this file has them in another.",
            "Some systems load files by position, not by name, and would put values in the wrong fields.",
            "Reorder the columns to match the standard (see `conform standards template`).",
            "`Net amount` comes before `Supplier name`, but the standard puts it after.",
        ),
        Code::BlankRow => (
            "A row with no values",
            "Every cell in the row is empty (often an empty line, or a row of commas left at the end of a spreadsheet export).",
            "Blank rows are counted as records by some tools and break row counts and totals.",
            "Delete the empty rows before exporting.",
            "Line 238: `,,,,,,,,`.",
        ),
        Code::ExtraCell => (
            "A row has more cells than the header",
            "The row has more cells than there are columns in the header, usually because a value contains the delimiter (a comma) without being quoted.",
            "The values after the extra cell are shifted into the wrong columns.",
            "Put double quotes around values that contain commas (`\"Smith, J\"`), or remove trailing delimiters.",
            "Header has 5 columns; line 9 has 6 cells: `Smith, J` was split in two.",
        ),
        Code::MissingCell => (
            "A row has fewer cells than the header",
            "The row ends before reaching the last column of the header.",
            "The missing cells cannot be told apart from cells that are empty on purpose, and values may have shifted left.",
            "Add the missing delimiters so that every row has one cell per column, even where the cell is empty.",
            "Header has 5 columns; line 14 has 4 cells.",
        ),
        Code::Required => (
            "A required value is missing",
            "The standard says this column must have a value in every row, and this cell is empty (or holds only spaces, or a missing-value marker).",
            "Records without their required values cannot be used for the purpose the standard serves (for example, a payment without an amount).",
            "Fill in the value. If it is withheld on purpose (e.g. redacted personal data), use the wording the standard gives for that.",
            "Row 12: `Supplier name` is empty.",
        ),
        Code::Type => (
            "Not a valid number, integer or true/false value",
            "The column holds numbers (or integers, or true/false), and this cell cannot be read as one.",
            "Anyone summing or sorting the column will get wrong totals or an error.",
            "Write plain numbers: no currency signs, no thousands separators, a full stop for decimals, a leading minus for negatives (`-1234.50`).",
            "`£1,234.50` in `Net amount`: write `1234.50`.",
        ),
        Code::Format => (
            "Value is not in the required format",
            "The column needs a particular format (a date, a postcode, a GSS code, a URL, an email address...) and this value is not in it.",
            "Values in the wrong format cannot be matched, joined or compared with other organisations' data.",
            "Rewrite the value in the format the message names. The help line often shows the corrected value.",
            "`31/10/2025` where an ISO date is required: write `2025-10-31`.",
        ),
        Code::Pattern => (
            "Value does not match the column's pattern",
            "The standard gives a pattern (a regular expression) that values in this column must follow, and this value does not.",
            "Identifiers and codes that do not follow the published pattern cannot be looked up or joined.",
            "Compare the value with the column's description and examples (`conform standards show`).",
            "`E0600006` in `Organisation code` is one digit short of `E06000060`.",
        ),
        Code::Enum => (
            "Not one of the allowed values",
            "The column only allows values from a fixed list, and this value is not on it.",
            "Categories outside the list cannot be grouped or compared with other publishers' data.",
            "Use one of the allowed values exactly, including capitals. The help line suggests the closest one when there is one.",
            "`Adult Social care` in `Service division`: did you mean `Adult Social Care`?",
        ),
        Code::Range => (
            "Number out of range",
            "The value is below the column's minimum or above its maximum.",
            "Values outside the range are usually typing errors or the wrong unit.",
            "Check the value and its unit.",
            "`-5` in `Hectares`, where the minimum is 0.",
        ),
        Code::Length => (
            "Value too short or too long",
            "The value has fewer or more characters than the column allows.",
            "Systems that load the data may cut long values or reject the record.",
            "Shorten or complete the value.",
            "A 300-character `Supplier name`, where at most 200 are allowed.",
        ),
        Code::Codelist => (
            "Not in the code list",
            "The column's values must come from a published code list (for example the GSS codes of local authorities), and this value is not in it.",
            "Codes outside the list cannot be linked to the thing they are meant to identify.",
            "Look the correct code up in the code list named in the message.",
            "`E06999999` in `Organisation code` is not a local authority GSS code.",
        ),
        Code::Whitespace => (
            "Spaces around a value",
            "The value starts or ends with spaces, tabs or line breaks.",
            "`Devon ` and `Devon` look the same but do not match when data is joined or grouped.",
            "Trim the spaces (in Excel, `=TRIM(A2)`).",
            "` 697.00` in `Net amount`.",
        ),
        Code::Schema => (
            "A rule of the row schema failed",
            "A rule of the standard's JSON Schema that is not a simple type, format, pattern, list or range check failed: a conditional rule (`if`/`then`), a choice (`oneOf`, `anyOf`), a fixed value (`const`) or a dependency between columns.",
            "These rules carry the standard's business logic, such as \"a site with planning permission must give the permission date\".",
            "Read the message: it names the rule's keyword and the columns involved.",
            "`PermissionDate` is required when `PlanningStatus` is `permissioned` (keyword `then`).",
        ),
        Code::Unique => (
            "Value repeats in a unique column",
            "The column (or combination of columns) must be unique, and this value already appeared in an earlier row.",
            "Duplicate identifiers make records ambiguous: a reader cannot know which one is right.",
            "Give each row its own identifier, or remove the duplicate row. The message names the first row with the value.",
            "`BLR-0042` in `SiteReference` first appeared in row 3.",
        ),
        Code::PrimaryKey => (
            "Primary key repeats or is missing",
            "The columns that identify each row (the primary key) are empty in this row, or repeat the key of an earlier row.",
            "Rows without a unique key cannot be referred to, updated or de-duplicated.",
            "Fill in the key, or make it unique. The message names the first row with the same key.",
            "Transaction number `22002769` first appeared in row 10.",
        ),
        Code::ForeignKey => (
            "Value not found in the referenced table or code list",
            "The value must refer to a row of another table (or a code list), and no such row exists. References between tables are checked when the files of those tables are checked together (several paths, or a folder); when the referenced table's file is not among them, an info note says the references were not looked up.",
            "Broken references leave records pointing at nothing: a service whose organisation is missing, a document about a conservation area nobody published.",
            "Correct the value, or add the missing row to the referenced table; check all the dataset's files in one run.",
            "`service_id` `svc-9` has no row in `services`.",
        ),
        Code::RowCount => (
            "Too few or too many rows",
            "The table must have at least (or at most) a set number of data rows.",
            "An unexpected row count usually means a truncated or duplicated export.",
            "Check that the export is complete.",
            "The table needs at least 1 row; the file has 0.",
        ),
        Code::Rule => (
            "A cross-field rule failed",
            "A rule of the standard that relates several columns failed, such as \"a record needs a boundary or a point\", \"a permission type only for a permissioned site\" or \"the end date is not before the start date\". The finding carries the rule's id (`rules/ID` in reports). When a file has none of the columns a rule needs, it is reported once for the file.",
            "These rules catch records that are valid cell by cell but impossible as a whole.",
            "Read the rule's message and correct the values it names; `conform standards show` lists each table's rules.",
            "`PermissionType` is given, but `PlanningStatus` is not `permissioned` (rule `permission-type-only-if-permissioned`).",
        ),
    };
    CodeDoc {
        code,
        title,
        what,
        why,
        fix,
        example,
    }
}

/// The text `conform explain CODE` prints.
pub fn render(code: Code) -> String {
    let d = doc(code);
    format!(
        "{code} [{severity} by default]: {title}\n\nWhat it means\n  {what}\n\nWhy it matters\n  {why}\n\nHow to fix it\n  {fix}\n\nExample\n  {example}\n",
        code = d.code,
        severity = d.code.default_severity(),
        title = d.title,
        what = d.what,
        why = d.why,
        fix = d.fix,
        example = d.example,
    )
}

/// Every code's documentation as a Markdown page (`docs/codes.md`, where report links point).
pub fn markdown() -> String {
    let mut out = String::from(
        "# Finding codes\n\nEvery problem conform reports has one of these codes. `conform explain CODE` prints the\nsame text. A standard can change a code's severity or switch it off.\n\n| code | default severity | title |\n|---|---|---|\n",
    );
    for code in Code::ALL {
        out.push_str(&format!(
            "| [`{code}`](#{code}) | {} | {} |\n",
            code.default_severity(),
            doc(*code).title
        ));
    }
    for code in Code::ALL {
        let d = doc(*code);
        out.push_str(&format!(
            "\n## {code}\n\n**{}** ({} by default)\n\n**What it means.** {}\n\n**Why it matters.** {}\n\n**How to fix it.** {}\n\n**Example.** {}\n",
            d.title,
            code.default_severity(),
            d.what,
            d.why,
            d.fix,
            d.example
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_documented_in_full() {
        for code in Code::ALL {
            let d = doc(*code);
            for text in [d.title, d.what, d.why, d.fix, d.example] {
                assert!(text.len() > 10, "{code} has a thin doc: {text:?}");
            }
        }
    }
}
