//! Every finding code in one place: its stable name, default severity, the fixture that triggers
//! it, and its documentation. `conform explain`, `docs/codes.md`, the README's code table and the
//! SARIF rules are all generated from this table, and a test checks every fixture.

use super::Severity;

/// What a code means, why it matters, how to fix it, and an example.
#[derive(Clone, Copy, Debug)]
pub struct CodeDoc {
    pub code: Code,
    pub title: &'static str,
    /// One line for the README's table: when the code is given.
    pub when: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub fix: &'static str,
    pub example: &'static str,
    /// A file that triggers the code, against `standard`.
    pub fixture: &'static str,
    /// The standard the fixture is checked against (`fixtures/checks/standard.json` unless said).
    pub standard: &'static str,
}

macro_rules! codes {
    ($( $variant:ident = $name:literal, $severity:ident, fixture $fixture:literal $(, standard $standard:literal)?;
        title $title:literal, when $when:literal, what $what:literal, why $why:literal,
        fix $fix:literal, example $example:literal; )*) => {
        /// A stable finding code (SPEC section 5). The names never change once published.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $( $variant, )* }

        impl Code {
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $name, )* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$severity, )* }
            }

            /// A code as people type it: `type`, `TYPE`, `Missing_Column` all name one.
            pub fn parse(text: &str) -> Option<Code> {
                let text = text.trim().to_ascii_lowercase().replace('_', "-");
                match text.as_str() { $( $name => Some(Code::$variant), )* _ => None }
            }

            pub fn doc(self) -> CodeDoc {
                match self { $( Code::$variant => CodeDoc {
                    code: self,
                    title: $title,
                    when: $when,
                    what: $what,
                    why: $why,
                    fix: $fix,
                    example: $example,
                    fixture: $fixture,
                    standard: {
                        #[allow(unused_mut, unused_assignments)]
                        let mut standard = "fixtures/checks/standard.json";
                        $( standard = $standard; )?
                        standard
                    },
                }, )* }
            }
        }
    };
}

codes! {
    Encoding = "encoding", Error, fixture "fixtures/checks/encoding.csv";
        title "File is not UTF-8",
        when "the file is not UTF-8 (read as Windows-1252 or UTF-16 instead); names the first offending line, column and byte, e.g. `0xA3` → `£`",
        what "The file is not UTF-8. conform could read it as Windows-1252 (the encoding Excel uses when it saves \"CSV\" on Windows) or UTF-16, and checked it that way.",
        why "Data standards ask for UTF-8. Other tools reading the file as UTF-8 will show characters such as £, é or ’ as garbage, or refuse the file.",
        fix "Save the file again choosing \"CSV UTF-8 (Comma delimited)\" in Excel, or convert it with `iconv -f WINDOWS-1252 -t UTF-8`.",
        example "Byte 0xA3 on line 12 is `£` in Windows-1252 but is not valid UTF-8.";
    EncodingError = "encoding-error", Error, fixture "fixtures/checks/encoding-error.csv";
        title "Bytes that no supported encoding can read",
        when "bytes no supported encoding reads (also: a zip, xlsx, xls, gzip or PDF file with a .csv name, NUL bytes)",
        what "The file holds bytes that are neither UTF-8, UTF-16 nor Windows-1252 text. Often the file is not a CSV at all (a spreadsheet, a zip or a PDF with a .csv name) or it is damaged.",
        why "No value in the file can be trusted until it is read as text.",
        fix "Open the file in the program that made it and export it again as CSV UTF-8. If it is an Excel workbook, save it as CSV first.",
        example "Byte 0x81 on line 3: Windows-1252 leaves it undefined, and it is not valid UTF-8.";
    Input = "input", Info, fixture "fixtures/checks/input.csv";
        title "How the file was read",
        when "a note on how the file was read: a workbook's sheet chosen, a title block above the header skipped, content of another format than the file's name says",
        what "conform read the file in a way worth knowing: it chose one sheet of a workbook, skipped rows above the header, or found that the content is another format than the name says (a JSON file named .csv) and read it as what it is.",
        why "If conform read the wrong sheet or the wrong rows, its findings are about data you did not mean to check.",
        fix "Nothing, if the note describes the data you meant. Otherwise pass --sheet, remove the title rows, or rename the file to match its content.",
        example "The workbook has 5 sheets; checked `Data`, the first that holds a table.";
    ParseError = "parse-error", Error, fixture "fixtures/checks/parse-error.csv";
        title "The CSV is malformed",
        when "a quoted cell that is never closed",
        what "The file cannot be split into rows and cells reliably, for example because a quoted cell is never closed.",
        why "Every row after the problem may be read wrongly, so the cells checked may not be the cells you meant.",
        fix "Find the line named and make sure every opening double quote has a closing one. A double quote inside a quoted cell is written twice (\"\").",
        example "Line 40: `\"Smith & Sons, 12 High St,500.00` opens a quote that never closes.";
    EmptyFile = "empty-file", Error, fixture "fixtures/checks/empty-file.csv";
        title "No header or no data",
        when "no header, or a header and no data rows",
        what "The file is empty, has no header row, or has a header but no data rows while the standard expects some.",
        why "An empty publication usually means an export went wrong; readers cannot tell it from \"nothing to report\".",
        fix "Export the data again; if there really is nothing to publish, say so where the file is published.",
        example "A file with only the header row `Transaction date,Supplier name,Net amount`.";
    CellError = "cell-error", Error, fixture "fixtures/checks/cell-error.xlsx";
        title "A spreadsheet cell holds a formula error",
        when "a spreadsheet cell holds a formula error (`#N/A`, `#REF!`, `#DIV/0!`...) instead of a value",
        what "A cell of the workbook holds the result of a formula that failed, such as `#N/A` (a lookup found nothing), `#REF!` (the formula points at cells that were deleted) or `#DIV/0!`.",
        why "The error is not the value the column should hold: whoever uses the data gets the error text, or nothing.",
        fix "Correct the formula, or copy the column and paste it back as values once every formula gives a value; then export again.",
        example "`#N/A` in `Supplier name` (cell Data!C12): the lookup of the supplier found nothing.";
    BlankHeader = "blank-header", Error, fixture "fixtures/checks/blank-header.csv";
        title "A header cell is empty",
        when "an empty header cell",
        what "One of the cells in the header row (line 1) has no name.",
        why "A column without a name cannot be matched to the standard, so its values are not checked.",
        fix "Type the column's name from the standard into the header, or delete the column if it is not needed (often it is an empty column left at the end of a spreadsheet).",
        example "Header `Supplier name,,Net amount`: the second column has no name.";
    DuplicateHeader = "duplicate-header", Error, fixture "fixtures/checks/duplicate-header.csv";
        title "Two columns share a name",
        when "two header cells naming the same column of the standard",
        what "Two header cells name the same column of the standard (exactly, or once spaces, case and aliases are taken into account).",
        why "A reader cannot know which of the two holds the real values.",
        fix "Rename or remove one of the two columns.",
        example "Header `Date,Supplier name,Transaction date`: both `Date` and `Transaction date` are read as `Transaction date`.";
    MissingColumn = "missing-column", Error, fixture "fixtures/checks/missing-column.csv";
        title "A column of the standard is absent",
        when "a column of the standard is absent (info when the column is optional)",
        what "The standard defines a column that the file's header does not have. For a required column this is an error; for an optional one it is for information.",
        why "Without the column, users of the data lose that information for every row.",
        fix "Add the column with the name the standard uses (see `conform standards show`), even if some cells are empty.",
        example "The standard requires `Net amount`, but the header has no such column.";
    UnknownColumn = "unknown-column", Warning, fixture "fixtures/checks/unknown-column.csv";
        title "A column the standard does not define",
        when "a column the standard does not define (with \"did you mean\")",
        what "The header names a column that is not part of the standard, even allowing for case, spacing and known alternative names.",
        why "Extra columns are usually harmless, but a misspelt standard column looks like an extra one and its values go unchecked.",
        fix "If the column is meant to be one of the standard's, rename it exactly; otherwise it can stay (or be removed before publishing).",
        example "Header `Suplier name`: did you mean `Supplier name`?";
    HeaderMismatch = "header-mismatch", Warning, fixture "fixtures/checks/header-mismatch.csv";
        title "Column name differs from the standard",
        when "matched only ignoring case and spacing, or through an alias",
        what "A header was matched to a column of the standard only after ignoring case, spacing, underscores or hyphens, or through a known alternative name (alias).",
        why "Other tools match names exactly and may not recognise the column.",
        fix "Rename the header to the standard's exact name.",
        example "`supplier_name` was read as `Supplier name`.";
    ColumnOrder = "column-order", Error, fixture "fixtures/checks/column-order.csv";
        title "Columns are out of order",
        when "columns out of order where the standard fixes the order",
        what "The standard requires its columns in a set order, and this file has them in another.",
        why "Some systems load files by position, not by name, and would put values in the wrong fields.",
        fix "Reorder the columns to match the standard (see `conform standards template`).",
        example "`Net amount` comes before `Supplier name`, but the standard puts it after.";
    BlankRow = "blank-row", Warning, fixture "fixtures/checks/blank-row.csv";
        title "A row with no values",
        when "a row with no values",
        what "Every cell in the row is empty (often an empty line, or a row of commas left at the end of a spreadsheet export).",
        why "Blank rows are counted as records by some tools and break row counts and totals.",
        fix "Delete the empty rows before exporting.",
        example "Line 238: `,,,,,,,,`.";
    ExtraCell = "extra-cell", Error, fixture "fixtures/checks/extra-cell.csv";
        title "A row has more cells than the header",
        when "a row with more cells than the header",
        what "The row has more cells than there are columns in the header, usually because a value contains the delimiter (a comma) without being quoted.",
        why "The values after the extra cell are shifted into the wrong columns.",
        fix "Put double quotes around values that contain commas (`\"Smith, J\"`), or remove trailing delimiters.",
        example "Header has 5 columns; line 9 has 6 cells: `Smith, J` was split in two.";
    MissingCell = "missing-cell", Error, fixture "fixtures/checks/missing-cell.csv";
        title "A row has fewer cells than the header",
        when "a row with fewer cells than the header",
        what "The row ends before reaching the last column of the header.",
        why "The missing cells cannot be told apart from cells that are empty on purpose, and values may have shifted left.",
        fix "Add the missing delimiters so that every row has one cell per column, even where the cell is empty.",
        example "Header has 5 columns; line 14 has 4 cells.";
    Required = "required", Error, fixture "fixtures/checks/required.csv";
        title "A required value is missing",
        when "a required value is missing (empty, spaces only, or a declared missing-value marker)",
        what "The standard says this column must have a value in every row, and this cell is empty (or holds only spaces, or a missing-value marker).",
        why "Records without their required values cannot be used for the purpose the standard serves (for example, a payment without an amount).",
        fix "Fill in the value. If it is withheld on purpose (e.g. redacted personal data), use the wording the standard gives for that.",
        example "Row 12: `Supplier name` is empty.";
    Type = "type", Error, fixture "fixtures/checks/type.csv";
        title "Not a valid number, integer or true/false value",
        when "not a valid integer, number or true/false (with the corrected number where one can be guessed)",
        what "The column holds numbers (or integers, or true/false), and this cell cannot be read as one.",
        why "Anyone summing or sorting the column will get wrong totals or an error.",
        fix "Write plain numbers: no currency signs, no thousands separators, a full stop for decimals, a leading minus for negatives (`-1234.50`).",
        example "`£1,234.50` in `Net amount`: write `1234.50`.";
    Format = "format", Error, fixture "fixtures/checks/format.csv";
        title "Value is not in the required format",
        when "not a valid date (full or partial), UK date, postcode, GSS code, UPRN, USRN, company or charity number, org-id, email, URI, UUID, time, or WKT boundary or point (saying where the WKT breaks)",
        what "The column needs a particular format (a date, a postcode, a GSS code, a URL, an email address...) and this value is not in it.",
        why "Values in the wrong format cannot be matched, joined or compared with other organisations' data.",
        fix "Rewrite the value in the format the message names. The help line often shows the corrected value.",
        example "`31/10/2025` where an ISO date is required: write `2025-10-31`.";
    Pattern = "pattern", Error, fixture "fixtures/checks/pattern.csv";
        title "Value does not match the column's pattern",
        when "does not match the column's pattern",
        what "The standard gives a pattern (a regular expression) that values in this column must follow, and this value does not.",
        why "Identifiers and codes that do not follow the published pattern cannot be looked up or joined.",
        fix "Compare the value with the column's description and examples (`conform standards show`).",
        example "`E0600006` in `Organisation code` is one digit short of `E06000060`.";
    Enum = "enum", Error, fixture "fixtures/checks/enum.csv";
        title "Not one of the allowed values",
        when "not one of the allowed values (with \"did you mean\" when one is close)",
        what "The column only allows values from a fixed list, and this value is not on it.",
        why "Categories outside the list cannot be grouped or compared with other publishers' data.",
        fix "Use one of the allowed values exactly, including capitals. The help line suggests the closest one when there is one.",
        example "`Adult Social care` in `Service division`: did you mean `Adult Social Care`?";
    Range = "range", Error, fixture "fixtures/checks/range.csv";
        title "Number out of range",
        when "a number below the minimum or above the maximum",
        what "The value is below the column's minimum or above its maximum.",
        why "Values outside the range are usually typing errors or the wrong unit.",
        fix "Check the value and its unit.",
        example "`-5` in `Hectares`, where the minimum is 0.";
    Length = "length", Error, fixture "fixtures/checks/length.csv";
        title "Value too short or too long",
        when "a value shorter or longer than allowed",
        what "The value has fewer or more characters than the column allows.",
        why "Systems that load the data may cut long values or reject the record.",
        fix "Shorten or complete the value.",
        example "A 300-character `Supplier name`, where at most 200 are allowed.";
    Codelist = "codelist", Error, fixture "fixtures/checks/codelist.csv";
        title "Not in the code list",
        when "not in the column's code list (each code of a `;`-separated list is looked up)",
        what "The column's values must come from a published code list (for example the GSS codes of local authorities), and this value is not in it.",
        why "Codes outside the list cannot be linked to the thing they are meant to identify.",
        fix "Look the correct code up in the code list named in the message.",
        example "`E06999999` in `Organisation code` is not a local authority GSS code.";
    Whitespace = "whitespace", Warning, fixture "fixtures/checks/whitespace.csv";
        title "Spaces around a value",
        when "spaces around a value",
        what "The value starts or ends with spaces, tabs or line breaks.",
        why "`Devon ` and `Devon` look the same but do not match when data is joined or grouped.",
        fix "Trim the spaces (in Excel, `=TRIM(A2)`).",
        example "` 697.00` in `Net amount`.";
    Schema = "schema", Error, fixture "fixtures/checks/schema.csv";
        title "A rule of the row schema failed",
        when "any other JSON Schema rule (`const`, `if`/`then`, `oneOf`, ...), naming the keyword",
        what "A rule of the standard's JSON Schema that is not a simple type, format, pattern, list or range check failed: a conditional rule (`if`/`then`), a choice (`oneOf`, `anyOf`), a fixed value (`const`) or a dependency between columns.",
        why "These rules carry the standard's business logic, such as \"a site with planning permission must give the permission date\".",
        fix "Read the message: it names the rule's keyword and the columns involved.",
        example "`PermissionDate` is required when `PlanningStatus` is `permissioned` (keyword `then`).";
    Unique = "unique", Error, fixture "fixtures/checks/unique.csv";
        title "Value repeats in a unique column",
        when "a value or combination repeats in a unique column or key, naming the row where it first appeared",
        what "The column (or combination of columns) must be unique, and this value already appeared in an earlier row.",
        why "Duplicate identifiers make records ambiguous: a reader cannot know which one is right.",
        fix "Give each row its own identifier, or remove the duplicate row. The message names the first row with the value.",
        example "`BLR-0042` in `SiteReference` first appeared in row 3.";
    PrimaryKey = "primary-key", Error, fixture "fixtures/checks/primary-key.csv";
        title "Primary key repeats or is missing",
        when "the primary key repeats or is missing, naming the row where it first appeared",
        what "The columns that identify each row (the primary key) are empty in this row, or repeat the key of an earlier row.",
        why "Rows without a unique key cannot be referred to, updated or de-duplicated.",
        fix "Fill in the key, or make it unique. The message names the first row with the same key.",
        example "Transaction number `22002769` first appeared in row 10.";
    ForeignKey = "foreign-key", Error, fixture "fixtures/checks/foreign-key.csv";
        title "Value not found in the referenced table or code list",
        when "a value that no row of the referenced table (in the files checked together) or code list has",
        what "The value must refer to a row of another table (or a code list), and no such row exists. References between tables are checked when the files of those tables are checked together (several paths, or a folder); when the referenced table's file is not among them, an info note says the references were not looked up.",
        why "Broken references leave records pointing at nothing: a service whose organisation is missing, a document about a conservation area nobody published.",
        fix "Correct the value, or add the missing row to the referenced table; check all the dataset's files in one run.",
        example "`service_id` `svc-9` has no row in `services`.";
    RowCount = "row-count", Error, fixture "fixtures/checks/row-count.csv";
        title "Too few or too many rows",
        when "fewer or more rows than the table allows",
        what "The table must have at least (or at most) a set number of data rows.",
        why "An unexpected row count usually means a truncated or duplicated export.",
        fix "Check that the export is complete.",
        example "The table needs at least 1 row; the file has 0.";
    Unchecked = "unchecked", Warning, fixture "fixtures/checks/unchecked.csv", standard "fixtures/checks/unchecked.tableschema.json";
        title "A rule of the standard that conform cannot check",
        when "the standard (a Frictionless descriptor) has a rule conform reads but cannot check exactly, named here so that nothing passes silently",
        what "The standard asks for something conform understands but cannot check exactly, such as bounds on numbers written with a decimal comma, or dates in a format of their own. The finding names the field and what is not checked; everything else is checked as usual.",
        why "A file can only be said to conform to the rules that were checked. This finding says which were not.",
        fix "Nothing in the file: check the named rule another way, or write the standard so that conform can check it (`conform standards import` writes it as a conform standard to start from).",
        example "field `Amount`: the constraint minimum 0 is not checked (numbers written with the decimal mark `,` are checked for their form only).";
    Rule = "rule", Error, fixture "fixtures/checks/rule.csv";
        title "A cross-field rule failed",
        when "a cross-field rule of the standard failed (\"a record needs a boundary or a point\", \"`end-date` is before `start-date`\"), with the rule's id",
        what "A rule of the standard that relates several columns failed, such as \"a record needs a boundary or a point\", \"a permission type only for a permissioned site\" or \"the end date is not before the start date\". The finding carries the rule's id (`rules/ID` in reports). When a file has none of the columns a rule needs, it is reported once for the file.",
        why "These rules catch records that are valid cell by cell but impossible as a whole.",
        fix "Read the rule's message and correct the values it names; `conform standards show` lists each table's rules.",
        example "`PermissionType` is given, but `PlanningStatus` is not `permissioned` (rule `permission-type-only-if-permissioned`).";
}
