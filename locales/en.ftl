# conform: every message a person reads, in English: the page, the findings and their help, the
# reports' summaries and `conform explain`. Welsh is in cy.ftl, message by message, with this file's
# text beside it. A message missing from either file fails the tests.

language-name = English
language-label = Language
skip-link = Skip to main content
service-label = Service information
menu = Menu
nav-check = Check a file
nav-standards = Standards
footer-kept = conform checks files on this computer or your team's server. Nothing you upload is kept after the answer, and nothing about its contents is logged.
checking = Checking the file…

home-heading = Check a data file against a standard
home-lede = Choose the file you are about to publish or share, and the standard it should follow. conform says what is wrong, where, and how to fix it.
file-label = Upload a file
file-hint = CSV or TSV, Excel (.xlsx, .xls, .xlsb), OpenDocument (.ods), JSON, JSON Lines, GeoJSON, Parquet or Arrow, up to { $limit }. A zipped or gzipped file is fine.
standard-label = Standard
standard-hint = If you are not sure, conform can work it out from the file's columns and will say which standard it chose.
standard-auto = Work it out from the file
check-button = Check the file
progress-label = Uploading the file
api-heading = For other systems
api-text = The same check is an HTTP API that returns exactly the reports of the conform command line:

error-prefix = Error
warning-prefix = Warning
error-summary-title = There is a problem
error-no-file = Choose a file to check
error-standard = Choose a standard from the list
error-too-large = The file is larger than this server accepts ({ $limit }). Check it with the conform command line instead.
error-form = The upload could not be read: { $detail }
error-stalled = The upload stopped part way. Choose the file and press Check again.

busy-title = The server is busy
busy-text = It is checking other files. Wait a moment, then try again.
slow-title = The check took too long
slow-text = This server stops waiting for a check after { $seconds } seconds. Check the file with the conform command line instead.
refused-title = The file could not be checked
check-another = Check another file

verdict-conforms = The file conforms
verdict-fails = The file does not conform
verdict-unreadable = The file could not be read
verdict-standard = Standard: { $standard } ({ $id })
summary-counts = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
  }, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
  }
chosen-standard = How the standard was chosen:

problems-heading = What to fix
group-heading-column = { $column }: { $title } ({ $count })
group-heading = { $title } ({ $count })
severity-error = Error
severity-warning = Warning
severity-info = Note
fix-prefix = Fix
more-examples = { $count ->
    [one] and 1 more like these (see the downloaded report)
   *[other] and { $count } more like these (see the downloaded report)
  }
examples-caption = First examples
column-where = Where
column-value = Value
column-what = What is wrong
place-row-line-column = row { $row } (line { $line }), column { $column }
place-row-line = row { $row } (line { $line })
place-line = line { $line }
place-file = the whole file

not-listed = The first { $listed } problems are listed here. { $more } more were counted (they are in the totals above) but not listed: fix these, check the file again, or use the conform command line with a higher --max-findings.
rows-heading = The rows with problems
rows-explain = The first rows with a problem, as the file holds them. Cells with a problem are marked with ⚠ and a red border.
column-line = Line
cell-problem = Problem

downloads-heading = Download
download-report = The report as { $format }
download-template = A blank template of the { $table } table (CSV)

standards-heading = Standards
standards-lede = The standards conform knows. Each page lists the columns, what each must hold, and the rules between them.
standards-caption = Built-in standards
standards-title = Standard
standards-id = Id

not-found-title = Page not found
not-found-text = There is no page at this address.

# Finding codes: a short title for each (the help on each finding stays in the report's words).
code-encoding = File is not UTF-8
code-encoding-error = Bytes that no supported encoding can read
code-input = How the file was read
code-parse-error = The CSV is malformed
code-empty-file = No header or no data
code-cell-error = A spreadsheet cell holds a formula error
code-blank-header = A header cell is empty
code-duplicate-header = Two columns share a name
code-missing-column = A column of the standard is absent
code-unknown-column = A column the standard does not define
code-header-mismatch = Column name differs from the standard
code-column-order = Columns are out of order
code-blank-row = A row with no values
code-extra-cell = A row has more cells than the header
code-missing-cell = A row has fewer cells than the header
code-required = A required value is missing
code-type = Not a valid number, integer or true/false value
code-format = Value is not in the required format
code-pattern = Value does not match the column's pattern
code-enum = Not one of the allowed values
code-range = Number out of range
code-length = Value too short or too long
code-codelist = Not in the code list
code-whitespace = Spaces around a value
code-schema = A rule of the row schema failed
code-unique = Value repeats in a unique column
code-primary-key = Primary key repeats or is missing
code-foreign-key = Value not found in the referenced table or code list
code-row-count = Too few or too many rows
code-unchecked = A rule of the standard that conform cannot check
code-rule = A cross-field rule failed

# How to fix each (the same words as `conform explain`; a test keeps them equal).
fix-encoding = Save the file again choosing "CSV UTF-8 (Comma delimited)" in Excel, or convert it with `iconv -f WINDOWS-1252 -t UTF-8`.
fix-encoding-error = Open the file in the program that made it and export it again as CSV UTF-8. If it is an Excel workbook, save it as CSV first.
fix-input = Nothing, if the note describes the data you meant. Otherwise pass --sheet, remove the title rows, or rename the file to match its content.
fix-parse-error = Find the line named and make sure every opening double quote has a closing one. A double quote inside a quoted cell is written twice ("").
fix-empty-file = Export the data again; if there really is nothing to publish, say so where the file is published.
fix-cell-error = Correct the formula, or copy the column and paste it back as values once every formula gives a value; then export again.
fix-blank-header = Type the column's name from the standard into the header, or delete the column if it is not needed (often it is an empty column left at the end of a spreadsheet).
fix-duplicate-header = Rename or remove one of the two columns.
fix-missing-column = Add the column with the name the standard uses (see `conform standards show`), even if some cells are empty.
fix-unknown-column = If the column is meant to be one of the standard's, rename it exactly; otherwise it can stay (or be removed before publishing).
fix-header-mismatch = Rename the header to the standard's exact name.
fix-column-order = Reorder the columns to match the standard (see `conform standards template`).
fix-blank-row = Delete the empty rows before exporting.
fix-extra-cell = Put double quotes around values that contain commas (`"Smith, J"`), or remove trailing delimiters.
fix-missing-cell = Add the missing delimiters so that every row has one cell per column, even where the cell is empty.
fix-required = Fill in the value. If it is withheld on purpose (e.g. redacted personal data), use the wording the standard gives for that.
fix-type = Write plain numbers: no currency signs, no thousands separators, a full stop for decimals, a leading minus for negatives (`-1234.50`).
fix-format = Rewrite the value in the format the message names. The help line often shows the corrected value.
fix-pattern = Compare the value with the column's description and examples (`conform standards show`).
fix-enum = Use one of the allowed values exactly, including capitals. The help line suggests the closest one when there is one.
fix-range = Check the value and its unit.
fix-length = Shorten or complete the value.
fix-codelist = Look the correct code up in the code list named in the message.
fix-whitespace = Trim the spaces (in Excel, `=TRIM(A2)`).
fix-schema = Read the message: it names the rule's keyword and the columns involved.
fix-unique = Give each row its own identifier, or remove the duplicate row. The message names the first row with the value.
fix-primary-key = Fill in the key, or make it unique. The message names the first row with the same key.
fix-foreign-key = Correct the value, or add the missing row to the referenced table; check all the dataset's files in one run.
fix-row-count = Check that the export is complete.
fix-unchecked = Nothing in the file: check the named rule another way, or write the standard so that conform can check it (`conform standards import` writes it as a conform standard to start from).
fix-rule = Read the rule's message and correct the values it names; `conform standards show` lists each table's rules.

## Findings: each message and its help, as the checks write them (ids by module).

# check/mod.rs: rows, the header and the file as a whole.
check-blank-row = this row has no values
check-blank-row-help = delete the empty row
check-extra-cell = this row has { $cells } cells, but the header has { $columns } columns
check-extra-cell-empty-help = the extra cells are empty: remove the delimiters at the end of the row
check-extra-cell-help = a value probably contains the delimiter without quotes around it: quote it ("Smith, J")
check-missing-cell = this row has { $cells } cells, but the header has { $columns } columns: `{ $name }` onwards are missing
check-missing-cell-help = add the missing delimiters so that every row has a cell for every column
check-damaged-compression = the compressed file is damaged and cannot be unpacked: { $reason }
check-damaged-compression-help = compress the file again, or check it with `gzip -t` (or `zstd -t`)
check-title-numbering = line { $line } numbers the columns ({ $text })
check-title-line = line { $line } looks like a title ({ $text })
check-title-block = lines { $first }–{ $last } look like a title block
check-title-rows = { $lines }, not the header: the header is on line { $line }, and the rows below it are checked
check-title-rows-help = delete the title rows so that the header is the first line
check-no-header = the file is empty: it has no header row
check-no-header-help = export the data again, with the header row the standard defines
check-header-too-wide = the header has { $cells } cells, more than the { $max } columns a spreadsheet can hold: only the first { $max } are read
check-header-too-wide-help = check the delimiter (--delimiter) and that the file is a table; a header this wide is usually a file read with the wrong delimiter
check-no-rows = the file has a header but no data rows
check-no-rows-help = export the data again; the standard expects at least one row
check-too-few-rows = the file has { $rows } data rows, but the table needs at least { $min }
check-too-many-rows = the file has { $rows } data rows, but the table allows at most { $max }

## The reports' own words: the human report of the command line and the Markdown report.
report-their-standards = their standards
report-verdict-unreadable = { $files ->
    [one] 1 file could not be read, so nothing can be said of it
   *[other] { $files } files could not be read, so nothing can be said of them
  } (the reasons are on standard error)
report-verdict-conform = { $files ->
    [one] 1 file conforms
   *[other] { $files } files conform
  } to { $standard }
report-verdict-fail = { $failed } of { $files ->
    [one] 1 file
   *[other] { $files } files
  } { $failed ->
    [one] does
   *[other] do
  } not conform to { $standard }
report-whole-column = every value in `{ $column }` ({ $rows } rows) is like this one: { $message }
report-in-row = in row { $row }
report-in-rows = in rows { $first }–{ $last }
report-in-sheet-row = in sheet row { $row }
report-in-sheet-rows = in sheet rows { $first }–{ $last }
report-in-column = in `{ $column }`
report-label-row = row { $row }
report-label-here = here
report-summary-for = Summary for { $path }:
report-place-header = (header)
report-place-row = (whole row)
report-place-file = (file)
report-heading-severity = severity
report-heading-code = code
report-heading-column = column
report-heading-count = count
report-counts = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
  }, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
  }
report-quiet-line = { $path }: { $counts } ({ $codes })
report-format-sheet = { $format }, sheet `{ $sheet }`
report-file-heading = { $path }: { $rows ->
    [one] 1 row
   *[other] { $rows } rows
  }, { $columns ->
    [one] 1 column
   *[other] { $columns } columns
  }, { $encoding }, table `{ $table }`
report-more = and { $count } more `{ $code }` findings
report-not-listed = { $listed } of this file's findings are listed (--max-findings is a limit for the whole run); the { $beyond } others are counted in the summary above, not listed
report-md-not-listed = (counted beyond --max-findings, not listed)
report-file-conforms = conforms: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
  }, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
  }, { $notes ->
    [one] 1 note
   *[other] { $notes } notes
  }
report-file-fails = does not conform: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
  }, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
  }, { $notes ->
    [one] 1 note
   *[other] { $notes } notes
  }
report-explain-hint = `conform explain CODE` says what any code above means and how to fix it.
report-md-files-heading = file | rows | errors | warnings | verdict
report-md-conforms = conforms
report-md-fails = does not conform
report-md-groups-heading = severity | code | column | count | first example
report-md-place = row { $row }, line { $line }
report-md-how-to-fix = How to fix
report-help-label = help

## conform explain
explain-by-default = { $severity } by default
explain-what = What it means
explain-why = Why it matters
explain-fix = How to fix it
explain-example = Example
explain-listing = Finding codes (`conform explain CODE` for one in full):

## conform explain: each code's long texts (the titles and fixes are above).

what-encoding = The file is not UTF-8. conform could read it as Windows-1252 (the encoding Excel uses when it saves "CSV" on Windows) or UTF-16, and checked it that way.
why-encoding = Data standards ask for UTF-8. Other tools reading the file as UTF-8 will show characters such as £, é or ’ as garbage, or refuse the file.
example-encoding = Byte 0xA3 on line 12 is `£` in Windows-1252 but is not valid UTF-8.

what-encoding-error = The file holds bytes that are neither UTF-8, UTF-16 nor Windows-1252 text. Often the file is not a CSV at all (a spreadsheet, a zip or a PDF with a .csv name) or it is damaged.
why-encoding-error = No value in the file can be trusted until it is read as text.
example-encoding-error = Byte 0x81 on line 3: Windows-1252 leaves it undefined, and it is not valid UTF-8.

what-input = conform read the file in a way worth knowing: it chose one sheet of a workbook, skipped rows above the header, or found that the content is another format than the name says (a JSON file named .csv) and read it as what it is.
why-input = If conform read the wrong sheet or the wrong rows, its findings are about data you did not mean to check.
example-input = The workbook has 5 sheets; checked `Data`, the first that holds a table.

what-parse-error = The file cannot be split into rows and cells reliably, for example because a quoted cell is never closed.
why-parse-error = Every row after the problem may be read wrongly, so the cells checked may not be the cells you meant.
example-parse-error = Line 40: `"Smith & Sons, 12 High St,500.00` opens a quote that never closes.

what-empty-file = The file is empty, has no header row, or has a header but no data rows while the standard expects some.
why-empty-file = An empty publication usually means an export went wrong; readers cannot tell it from "nothing to report".
example-empty-file = A file with only the header row `Transaction date,Supplier name,Net amount`.

what-cell-error = A cell of the workbook holds the result of a formula that failed, such as `#N/A` (a lookup found nothing), `#REF!` (the formula points at cells that were deleted) or `#DIV/0!`.
why-cell-error = The error is not the value the column should hold: whoever uses the data gets the error text, or nothing.
example-cell-error = `#N/A` in `Supplier name` (cell Data!C12): the lookup of the supplier found nothing.

what-blank-header = One of the cells in the header row (line 1) has no name.
why-blank-header = A column without a name cannot be matched to the standard, so its values are not checked.
example-blank-header = Header `Supplier name,,Net amount`: the second column has no name.

what-duplicate-header = Two header cells name the same column of the standard (exactly, or once spaces, case and aliases are taken into account).
why-duplicate-header = A reader cannot know which of the two holds the real values.
example-duplicate-header = Header `Date,Supplier name,Transaction date`: both `Date` and `Transaction date` are read as `Transaction date`.

what-missing-column = The standard defines a column that the file's header does not have. For a required column this is an error; for an optional one it is for information.
why-missing-column = Without the column, users of the data lose that information for every row.
example-missing-column = The standard requires `Net amount`, but the header has no such column.

what-unknown-column = The header names a column that is not part of the standard, even allowing for case, spacing and known alternative names.
why-unknown-column = Extra columns are usually harmless, but a misspelt standard column looks like an extra one and its values go unchecked.
example-unknown-column = Header `Suplier name`: did you mean `Supplier name`?

what-header-mismatch = A header was matched to a column of the standard only after ignoring case, spacing, underscores or hyphens, or through a known alternative name (alias).
why-header-mismatch = Other tools match names exactly and may not recognise the column.
example-header-mismatch = `supplier_name` was read as `Supplier name`.

what-column-order = The standard requires its columns in a set order, and this file has them in another.
why-column-order = Some systems load files by position, not by name, and would put values in the wrong fields.
example-column-order = `Net amount` comes before `Supplier name`, but the standard puts it after.

what-blank-row = Every cell in the row is empty (often an empty line, or a row of commas left at the end of a spreadsheet export).
why-blank-row = Blank rows are counted as records by some tools and break row counts and totals.
example-blank-row = Line 238: `,,,,,,,,`.

what-extra-cell = The row has more cells than there are columns in the header, usually because a value contains the delimiter (a comma) without being quoted.
why-extra-cell = The values after the extra cell are shifted into the wrong columns.
example-extra-cell = Header has 5 columns; line 9 has 6 cells: `Smith, J` was split in two.

what-missing-cell = The row ends before reaching the last column of the header.
why-missing-cell = The missing cells cannot be told apart from cells that are empty on purpose, and values may have shifted left.
example-missing-cell = Header has 5 columns; line 14 has 4 cells.

what-required = The standard says this column must have a value in every row, and this cell is empty (or holds only spaces, or a missing-value marker).
why-required = Records without their required values cannot be used for the purpose the standard serves (for example, a payment without an amount).
example-required = Row 12: `Supplier name` is empty.

what-type = The column holds numbers (or integers, or true/false), and this cell cannot be read as one.
why-type = Anyone summing or sorting the column will get wrong totals or an error.
example-type = `£1,234.50` in `Net amount`: write `1234.50`.

what-format = The column needs a particular format (a date, a postcode, a GSS code, a URL, an email address...) and this value is not in it.
why-format = Values in the wrong format cannot be matched, joined or compared with other organisations' data.
example-format = `31/10/2025` where an ISO date is required: write `2025-10-31`.

what-pattern = The standard gives a pattern (a regular expression) that values in this column must follow, and this value does not.
why-pattern = Identifiers and codes that do not follow the published pattern cannot be looked up or joined.
example-pattern = `E0600006` in `Organisation code` is one digit short of `E06000060`.

what-enum = The column only allows values from a fixed list, and this value is not on it.
why-enum = Categories outside the list cannot be grouped or compared with other publishers' data.
example-enum = `Adult Social care` in `Service division`: did you mean `Adult Social Care`?

what-range = The value is below the column's minimum or above its maximum.
why-range = Values outside the range are usually typing errors or the wrong unit.
example-range = `-5` in `Hectares`, where the minimum is 0.

what-length = The value has fewer or more characters than the column allows.
why-length = Systems that load the data may cut long values or reject the record.
example-length = A 300-character `Supplier name`, where at most 200 are allowed.

what-codelist = The column's values must come from a published code list (for example the GSS codes of local authorities), and this value is not in it.
why-codelist = Codes outside the list cannot be linked to the thing they are meant to identify.
example-codelist = `E06999999` in `Organisation code` is not a local authority GSS code.

what-whitespace = The value starts or ends with spaces, tabs or line breaks.
why-whitespace = `Devon ` and `Devon` look the same but do not match when data is joined or grouped.
example-whitespace = ` 697.00` in `Net amount`.

what-schema = A rule of the standard's JSON Schema that is not a simple type, format, pattern, list or range check failed: a conditional rule (`if`/`then`), a choice (`oneOf`, `anyOf`), a fixed value (`const`) or a dependency between columns.
why-schema = These rules carry the standard's business logic, such as "a site with planning permission must give the permission date".
example-schema = `PermissionDate` is required when `PlanningStatus` is `permissioned` (keyword `then`).

what-unique = The column (or combination of columns) must be unique, and this value already appeared in an earlier row.
why-unique = Duplicate identifiers make records ambiguous: a reader cannot know which one is right.
example-unique = `BLR-0042` in `SiteReference` first appeared in row 3.

what-primary-key = The columns that identify each row (the primary key) are empty in this row, or repeat the key of an earlier row.
why-primary-key = Rows without a unique key cannot be referred to, updated or de-duplicated.
example-primary-key = Transaction number `22002769` first appeared in row 10.

what-foreign-key = The value must refer to a row of another table (or a code list), and no such row exists. References between tables are checked when the files of those tables are checked together (several paths, or a folder); when the referenced table's file is not among them, an info note says the references were not looked up.
why-foreign-key = Broken references leave records pointing at nothing: a service whose organisation is missing, a document about a conservation area nobody published.
example-foreign-key = `service_id` `svc-9` has no row in `services`.

what-row-count = The table must have at least (or at most) a set number of data rows.
why-row-count = An unexpected row count usually means a truncated or duplicated export.
example-row-count = The table needs at least 1 row; the file has 0.

what-unchecked = The standard asks for something conform understands but cannot check exactly, such as bounds on numbers written with a decimal comma, or dates in a format of their own. The finding names the field and what is not checked; everything else is checked as usual.
why-unchecked = A file can only be said to conform to the rules that were checked. This finding says which were not.
example-unchecked = field `Amount`: the constraint minimum 0 is not checked (numbers written with the decimal mark `,` are checked for their form only).

what-rule = A rule of the standard that relates several columns failed, such as "a record needs a boundary or a point", "a permission type only for a permissioned site" or "the end date is not before the start date". The finding carries the rule's id (`rules/ID` in reports). When a file has none of the columns a rule needs, it is reported once for the file.
why-rule = These rules catch records that are valid cell by cell but impossible as a whole.
example-rule = `PermissionType` is given, but `PlanningStatus` is not `permissioned` (rule `permission-type-only-if-permissioned`).


# src/check/cells.rs: a cell's failures, whitespace, the types, code lists and their help.
cell-tolerated = { $value } in `{ $column }` is { $phrase }, not { $asked }
cell-tolerated-asked = the form the standard asks for
cell-tolerated-help = { $why }: { $rewrite }
cell-required = `{ $column }` is empty, but the standard requires a value in every row
cell-required-help = fill in `{ $column }`
cell-required-help-example = fill in `{ $column }`, e.g. { $example }
cell-whitespace = { $value } in `{ $column }` has { $kind } { $side }
cell-whitespace-spaces = spaces
cell-whitespace-line-break = a line break
cell-whitespace-tab = a tab
cell-whitespace-non-breaking = non-breaking spaces
cell-whitespace-spaces-line-breaks = spaces and line breaks
cell-whitespace-invisible = invisible characters
cell-whitespace-at-end = at the end
cell-whitespace-at-start = at the start
cell-whitespace-at-both = at the start and end
cell-whitespace-help-it = remove it: { $value }
cell-whitespace-help-them = remove them: { $value }
cell-type = { $value } in `{ $column }` is not { $expected }
cell-type-help = write { $expected }
cell-type-help-example = write { $expected }, e.g. { $example }
cell-kind-string = text
cell-kind-integer = a whole number
cell-kind-number = a number
cell-kind-boolean = true or false
cell-kind-object = a JSON object
cell-kind-array = a JSON array
cell-kind-or = { $first } or { $second }
cell-codelist = { $value } in `{ $column }` is not in the code list `{ $list }`
cell-codelist-many = { $value } in `{ $column }` hold { $count } codes that are not in the code list `{ $list }`
cell-codelist-one-of = { $value } in `{ $column }` holds { $code }, which is not in the code list `{ $list }`
cell-foreign-key = { $value } in `{ $column }` refers to nothing: it is not in the code list `{ $list }`
cell-foreign-key-listed = { $value } in `{ $column }` is not in the code list `{ $list }`, so they refer to nothing
cell-foreign-key-many = { $value } in `{ $column }` hold { $count } codes that are not in the code list `{ $list }`, so they refer to nothing
cell-foreign-key-one-of = { $value } in `{ $column }` holds { $code }, which is not in the code list `{ $list }`, so they refer to nothing
cell-did-you-mean = did you mean `{ $guess }`?
cell-use-one-of = use one of: { $values }
cell-codelist-look-up = look the code up in { $list }
cell-format = { $value } in `{ $column }` is not { $format }
cell-pattern-words = { $value } in `{ $column }` is not { $words }
cell-pattern = { $value } in `{ $column }` is not in the form the standard sets for this column
cell-pattern-detail = the standard's pattern is `{ $pattern }`
cell-pattern-help = { $advice } ({ $detail })
cell-enum = { $value } in `{ $column }` is not one of the { $count } allowed values
cell-enum-help-long = `conform standards show` lists the allowed values
cell-const = { $value } in `{ $column }` must be exactly `{ $constant }` (keyword const)
cell-range-more-than = { $value } in `{ $column }` is too small: it must be more than { $limit }
cell-range-at-least = { $value } in `{ $column }` is too small: it must be at least { $limit }
cell-range-less-than = { $value } in `{ $column }` is too large: it must be less than { $limit }
cell-range-at-most = { $value } in `{ $column }` is too large: it must be at most { $limit }
cell-length-min = `{ $column }` has { $length } characters; at least { $min } are needed
cell-length-max = `{ $column }` has { $length } characters; at most { $max } are allowed
cell-length-max-help = shorten it to { $max } characters or fewer

# src/check/pattern_help.rs: the usual slips behind a value that breaks a pattern.
pattern-spaces-beside-separator = remove the spaces beside `{ $separator }`: { $rewrite }
pattern-decimal-places = it has { $places } decimal places, more than the standard allows: { $rewrite }
pattern-write = write { $value }
pattern-lower-case = write it in lower case: { $value }
pattern-capitals = write it in capitals: { $value }
pattern-web-address = a web address starts with https:// (or http://): { $rewrite }
pattern-remove-spaces = remove the spaces: { $rewrite }

# src/check/point.rs: a point rule's two number columns.
point-outside = { $message }: { $pair }, read as { $kind } either way round, is outside it
point-outside-help = check the coordinates against a map; a sign left off a longitude west of Greenwich puts a point in the sea
point-unknown = { $message }: { $pair } are neither longitude and latitude, nor British National Grid eastings and northings, nor Web Mercator metres
point-unknown-help = give the point as longitude and latitude
point-swapped = { $pair } look swapped: the point is in the area only as latitude { $x }, longitude { $y }
point-converted = { $pair } are { $kind }, not the longitude and latitude (WGS84) the standard asks for
point-converted-swapped = { $pair } are { $kind } the wrong way round, not the longitude and latitude (WGS84) the standard asks for
point-swapped-help = put the longitude ({ $y }) in `{ $x_column }` and the latitude ({ $x }) in `{ $y_column }`; the planning.data.gov.uk pipeline swaps them back, with a warning
point-converted-help = write `{ $x_column }` { $lon }, `{ $y_column }` { $lat } (converted by conform); the planning.data.gov.uk pipeline converts them itself, with a warning
point-converted-grid-help = write `{ $x_column }` { $lon }, `{ $y_column }` { $lat } (converted by conform, to within about 100 metres); the planning.data.gov.uk pipeline converts them itself, with a warning

# src/suggest.rs: the number a value seems to mean.
suggest-decimal-comma = write it as { $number } (a full stop, not a comma, before the decimals)
suggest-leave-empty = leave the cell empty where there is no value
suggest-decimal-points = the number has more than one decimal point
suggest-no-pound-sign = no £ sign
suggest-no-thousands-separators = no thousands separators
suggest-minus-sign = a minus sign rather than brackets for credits
suggest-reasons = { $first }, { $next }
suggest-write-it-as = write it as { $number } ({ $reasons })

# src/wkt.rs: where well-known text (WKT) geometry goes wrong.
wkt-pair = this is a pair of numbers, not WKT: write it as { $point }
wkt-not-wkt-area = this is not WKT: a boundary starts with POLYGON or MULTIPOLYGON
wkt-not-wkt-point = this is not WKT: a point is written POINT (longitude latitude)
wkt-point-not-boundary = a POINT is not a boundary: give the POLYGON or MULTIPOLYGON, or put the point in the point column
wkt-boundary-not-point = this column holds a POINT, not a boundary
wkt-not-accepted = { $kind } is not accepted here: give a { $want }
wkt-not-a-type = `{ $kind }` is not a WKT geometry type; expected { $want }
wkt-want-area = POLYGON or MULTIPOLYGON
wkt-want-point = POINT
wkt-trailing-text = unexpected text after the end of the geometry
wkt-implausible = the first position ({ $x } { $y }) is neither longitude/latitude, OSGB36 eastings/northings nor Web Mercator metres
wkt-problem-found = { $problem } (found `{ $found }` at character { $at })
wkt-problem-text-ends = { $problem } (the text ends at character { $at })
wkt-problem-at = { $problem } (at character { $at })
wkt-expected-number = expected a coordinate (a number)
wkt-expected-point-open = expected `(` after POINT
wkt-expected-point-close = expected `)` after the point's coordinates
wkt-expected-ring-open = expected `(` to open a ring of positions
wkt-expected-ring-next = expected `,` between positions or `)` to close the ring
wkt-ring-too-short = the ring starting at character { $at } has { $count } positions; a ring needs at least 4
wkt-ring-not-closed = the ring starting at character { $at } is not closed: its last position must repeat its first ({ $x } { $y })
wkt-expected-polygon-open = expected `(` to open the polygon
wkt-expected-polygon-next = expected `,` between rings or `)` to close the polygon
wkt-expected-list-open = expected `(` to open the list of polygons
wkt-expected-list-next = expected `,` between polygons or `)` to close the list

# src/coordinates.rs: what two numbers of a point look like.
coord-degrees = longitude and latitude
coord-easting-northing = OSGB36 (British National Grid) easting and northing
coord-mercator = Web Mercator (EPSG:3857) metres

header-another-known-name = column { $column } is another known name of the standard's `{ $standard }`, which column { $first } (`{ $first_name }`) already supplies; it is not checked
header-another-known-name-help = nothing to fix; if `{ $name }` is the better `{ $standard }`, put it before `{ $first_name }`
header-named-twice = the header names { $column } twice (columns { $first } and { $second })
header-both-read-as = both `{ $first_name }` (column { $first }) and `{ $name }` (column { $second }) are read as the standard's `{ $standard }`
header-only-first-checked-help = rename or remove one of them: only the first is checked
header-blank = column { $number } has no name in the header
header-blank-help = type the column's name from the standard, or delete the column if it is empty
header-why-alias = a known alternative name
header-why-normalised = ignoring case and spacing
header-read-as = column { $column } is read as the standard's `{ $standard }` ({ $why })
header-read-as-help = rename the header to `{ $standard }`
header-named-more-than-once = the header names { $column } more than once
header-rename-or-remove-help = rename or remove one of them
header-missing = the file has no `{ $column }` column, which the standard requires
header-missing-help = add a column headed `{ $column }`
header-missing-help-aliases = add a column headed `{ $column }` (also accepted: { $aliases })
header-optional-absent = the file leaves out { $count } optional { $count ->
    [one] column
   *[other] columns
  } of the standard: { $columns }
header-optional-absent-help = nothing to fix; add them if you hold the data
header-nothing-matched = none of the table's { $columns } columns is in the file (its header starts { $start }), so nothing was checked
header-nothing-matched-help = check that this is the right standard and table, or that the header row is the first row
header-order = `{ $column }` comes after `{ $previous }`, but the standard puts it before
header-order-help = put the columns in the standard's order (`conform standards show` lists it)
header-unknown = column { $column } is not part of the standard
header-unknown-guess-help = did you mean `{ $guess }`? If so, rename the header exactly
header-unknown-help = the standard does not define this column; it is not checked

# src/check/keys.rs
key-checked-first-rows-only = uniqueness was checked in the first { $rows } rows only
key-primary-part-empty = `{ $column }` is empty, but it is part of the primary key
key-primary-part-empty-help = every row needs a key value that identifies it
key-value-in-column = `{ $value }` in `{ $column }`
key-combination = the combination ({ $columns }) = ({ $values })
key-primary-must-be-unique = the primary key must be unique
key-column-must-be-unique = values in this column must be unique
key-combination-must-be-unique = this combination must be unique
key-repeats = { $what } repeats: it first appeared in row { $first_row } (line { $first_line }); { $kind }
key-repeats-counted = this row repeats a value of `{ $column }` that an earlier row has (counted beyond --max-findings, not compared in full)
key-repeats-help = give each row its own value, or remove the duplicate row

# src/check/references.rs
ref-refers-to-nothing = `{ $value }` in { $columns } refers to nothing: no row of the `{ $table }` table ({ $files }) has it in { $target_columns }
ref-refers-to-nothing-guess-help = did you mean `{ $guess }`? Otherwise add the missing row to the `{ $table }` file
ref-refers-to-nothing-help = add a row with this reference to the `{ $table }` file, or correct the reference
ref-not-looked-up = values in { $columns } refer to the `{ $table }` table, but no file of that table was checked with this one, so they were not looked up
ref-not-looked-up-help = check the files together: conform check --standard { $standard } FILE-OF-{ $table } { $path }

# src/check/rules.rs
rule-required-by-keyword = `{ $column }` must have a value in this row: the standard's `{ $keyword }` rule requires it (at { $path })
rule-required = `{ $column }` must have a value in this row: a rule of the standard requires it (at { $path })
rule-required-help = fill in `{ $column }`, or check the values that make it required
rule-cell-breaks-rule = `{ $value }` in `{ $column }` breaks the rule at { $path }: { $reason }
rule-row-breaks-rule = this row breaks the rule at { $path }: { $reason }
rule-compared = { $message }: `{ $left }` against `{ $right }`
rule-columns-absent = the file has none of the columns { $columns }, so every row breaks the rule `{ $rule }` (“{ $message }”)

# src/check/table.rs
table-name-says-other-format = the file's name says { $named }, but its content is { $kind }: it was read as { $kind }
table-name-says-other-format-help = rename the file to match its content
table-not-a-table = this file is not a table conform reads: it is { $what }
table-not-a-table-help = export the data as CSV (UTF-8), a spreadsheet or JSON
table-no-columns = the table has no columns
table-no-columns-help = export the data again, with the header row the standard defines
table-formula-error = the cell in `{ $column }` holds the formula error { $error }, not a value
table-formula-error-help = fix the formula (or paste the values in as values) and export again

# src/check/parse.rs
parse-text-after-quote = a quoted cell on line { $line } has text after its closing quote (`{ $excerpt }`): the cell was read with that quote left out
parse-text-after-quote-unchecked = a quoted cell on line { $line } has text after its closing quote (`{ $excerpt }`), which shifts the row's cells out of line with the header: its cells were not checked
parse-quote-twice-help = write a quote inside a quoted cell twice (""), as in "Tree Order 18/01"". Done"
parse-unclosed-quote = a quote opens a cell on line { $line } but nothing closes it: this row was read up to the end of line { $line } and its cells were not checked
parse-close-quote-help = close the quote at the end of the cell, or write a quote inside a cell twice ("")
parse-quote-too-long = a quote opens a cell on line { $line } and is not closed within { $limit }: the { $size } from there to the end of the file were not read
parse-row-too-long = the row starting on line { $line } is { $size } long, over conform's limit of { $limit } for one row, and was not read
parse-row-too-long-help = check that the file is CSV with line ends between its rows; a row this long is usually a file with no line ends or a cell holding a whole document
parse-size-mib = { $size } MiB
parse-size-mb = { $size } MB
parse-size-bytes = { $size } bytes

read-too-large = it unpacks to more than { $megabytes } MB
read-binary-zip = a zip archive (an .xlsx or .ods spreadsheet saved with a .csv name?)
read-binary-xls = an old-style Excel workbook (.xls)
read-binary-pdf = a PDF document
read-not-csv = this file is not CSV text: it is { $what }
read-not-csv-help = open it in the program that made it and export it as CSV UTF-8
read-utf16-bom = it starts with a byte order mark
read-utf16-no-bom = without a byte order mark: every other byte is zero, as in English text written in UTF-16
read-utf16 = the file is { $encoding } ({ $told_by }), not UTF-8
read-utf16-help = it was read as UTF-16; save it again as "CSV UTF-8 (Comma delimited)" so that other tools can read it
read-nul-byte = line { $line }, column { $column } holds a NUL byte (0x00): this is binary data, not CSV text
read-nul-byte-help = export the data again as CSV UTF-8; if it is UTF-16 text without a byte order mark, pass --encoding utf-16le
read-undefined-byte = line { $line }, column { $column }: byte 0x{ $byte } is not valid UTF-8, and Windows-1252 does not define it either
read-undefined-byte-help = the file may be damaged or in another encoding; export it again as CSV UTF-8, or name its encoding with --encoding
read-windows-1252 = the file is not UTF-8: line { $line }, column { $column } has byte 0x{ $byte }, which is `{ $character }` in Windows-1252
read-windows-1252-help = the file was read as Windows-1252 (what Excel writes for "CSV" on Windows); save it as "CSV UTF-8 (Comma delimited)" instead

# src/read/detect.rs
read-detect-zstd = zstd-compressed data
read-detect-image = an image

# src/read/table/mod.rs
read-table-unsupported = conform cannot read { $format } files yet
read-reader-failed = the { $reader } failed on this file, which is damaged or not what it seems ({ $detail })
read-reader-spreadsheet = spreadsheet reader
read-reader-parquet-arrow = Parquet and Arrow reader
read-reader-arrow = Arrow reader
read-reader-parquet = Parquet reader

# src/read/table/sheet.rs
read-sheet-over-4gb = the sheet holds more than 4 GB of text
read-workbook-too-large = the workbook is too large to read: { $reason }
read-workbook-damaged-help = open the workbook in Excel or LibreOffice and save it again, as .xlsx or as CSV UTF-8; if it will not open, ask whoever exported it for a new copy
read-workbook-unreadable = the workbook cannot be read: { $error }
read-workbook-not-zip = the workbook is not a valid zip archive: { $error }
read-workbook-zip-bomb = the workbook unpacks to { $megabytes } MB, more than conform reads ({ $limit } MB): it may be a zip bomb
read-sheet-too-many-cells = the sheet has more than { $max } cells
read-sheet-unreadable = sheet `{ $sheet }` cannot be read: { $reason }
read-sheet-no-header = sheet `{ $sheet }` has no header row: no row near the top holds two or more column names
read-sheet-no-header-help = put the column names in one row above the data
read-sheet-chosen = the workbook has { $sheets } sheets; checked `{ $sheet }`, the first that holds a table; pass --sheet to choose another
read-sheet-chosen-after = the workbook has { $sheets } sheets; checked `{ $sheet }`, the first that holds a table (sheets before it hold no table: { $skipped }); pass --sheet to choose another
read-workbook-no-table = no sheet of the workbook holds a table: no row near the top of any sheet has two or more column names
read-workbook-no-table-help = put the column names in one row above the data, or pass --sheet
read-sheet-number-missing = --sheet { $wanted }: the workbook has { $count } sheets: { $sheets }
read-sheet-missing = --sheet { $wanted }: the workbook has no such sheet. Its sheets are: { $sheets }
read-sheet-missing-guess = --sheet { $wanted }: the workbook has no such sheet. Did you mean `{ $guess }`? Its sheets are: { $sheets }
read-sheet-title-skipped-one = 1 row above the header (a title block) was skipped; the header is row { $header }
read-sheet-title-skipped = { $rows } rows above the header (a title block) were skipped; the header is row { $header }

# src/read/table/xls_extent.rs
read-xls-too-many-cells = the workbook's sheets claim more than { $millions } million cells between their first and last, more than an .xls file can hold: it is damaged or was not written by a spreadsheet program
read-xls-damaged = the .xls file is damaged: its container cannot be read ({ $error })

# src/read/table/json.rs
read-json-too-large = the JSON is too large to read: { $reason }
read-json-malformed = the JSON is malformed at line { $line }, column { $column }: { $error }
read-json-malformed-help = fix the JSON there (a missing comma or bracket, a stray quote); a JSON validator shows the same place
read-json-no-table = the JSON holds no table: conform reads an array of objects, an object with one array of objects (such as {"{"}"grants": [...]{"}"}), or a GeoJSON FeatureCollection
read-jsonl-not-object = line { $line } is not a JSON object
read-jsonl-invalid = line { $line } is not valid JSON: { $error }
read-json-too-many-keys = the rows have more than { $max } different keys: { $dropped } keys beyond them were not read
read-json-too-deep = this row nests objects and arrays more than 128 levels deep, deeper than conform reads: its values were not read
read-json-row-unreadable = this row cannot be read, so its values were not checked: { $error }

# src/read/table/columnar.rs
read-columnar-too-large = the file is too large to read whole: { $reason }
read-columnar-unreadable = the { $format } file cannot be read: { $error }
read-columnar-row-group-too-large = row group { $group } holds { $rows } rows of { $columns } columns, more than conform reads at once ({ $max } cells)
read-columnar-column-type = column `{ $column }` has the type { $dtype }, which conform cannot read as values: { $error }
read-columnar-not-text = a column cannot be read as text: { $error }


# src/formats/mod.rs: what each value format expects, as findings say it.
format-required = the required format
format-date = an ISO 8601 date written YYYY-MM-DD (e.g. 2025-10-31)
format-partial-date = an ISO 8601 date YYYY-MM-DD, or YYYY-MM or YYYY where only the month or year is known (e.g. 2025-10-31)
format-date-or-date-time = an ISO 8601 date YYYY-MM-DD, or a date and time (e.g. 2025-10-31 or 2025-10-31T14:30:00Z)
format-wkt-multipolygon = a boundary in WKT: POLYGON or MULTIPOLYGON (e.g. MULTIPOLYGON (((-0.1 51.5, ...))))
format-wkt-point = a point in WKT: POINT (longitude latitude) (e.g. POINT (-0.681152 52.762892))
format-date-time = an ISO 8601 date and time (e.g. 2025-10-31T14:30:00Z)
format-time = a time written hh:mm:ss (e.g. 14:30:00)
format-email = an email address (e.g. data@council.gov.uk)
format-uri = a full web address starting with a scheme (e.g. https://www.example.gov.uk/page)
format-uuid = a UUID (e.g. 123e4567-e89b-12d3-a456-426614174000)
format-uk-date = a UK date written dd/mm/yyyy (e.g. 31/10/2025)
format-uk-postcode = a UK postcode in capitals with one space (e.g. EX2 4QD)
format-gss-code = an ONS GSS code: a letter and 8 digits (e.g. E10000008)
format-uprn = a UPRN: a number of 1 to 12 digits (e.g. 100023336956)
format-usrn = a USRN: a number of 1 to 8 digits (e.g. 21000123)
format-company-number = a Companies House number: 8 digits, or 2 letters and 6 digits (e.g. 09506232, SC123456)
format-charity-number = a charity number: 6 or 7 digits in England and Wales, SC and 6 digits in Scotland (e.g. 1090095, SC042386)
format-org-id = an org-id.guide identifier: a list prefix and an id (e.g. GB-COH-09506232)
format-json-object = a JSON object (e.g. {"{"}"name": "Old Town"{"}"})
format-json-array = a JSON array (e.g. ["a", "b"])
format-geojson = a GeoJSON object (e.g. {"{"}"type": "Point", "coordinates": [-0.1, 51.5]{"}"})

# src/formats/date.rs: the forms dates are written in, and how to write one in the form asked.
format-date-form-iso = an ISO date
format-date-form-year-first = a year-first date
format-date-form-no-separators = a date without separators
format-date-form-day-first = a UK (day-first) date
format-date-form-two-digit-year = a date with a two-digit year
format-date-form-month-in-words = a date with the month in words
format-date-form-month-first = a US (month-first) date
format-date-form-excel-serial = an Excel date serial number
format-date-help-time = leave out the time: { $rewrite }
format-date-help-write = write { $fixed }
format-date-help-write-as = write it as { $fixed }
format-date-help-exact = write it exactly as { $fixed }
format-date-help-full-year = write the year in full: { $fixed } (if { $short } is { $year })
format-date-help-looks-like = this looks like { $form }: { $rewrite }
format-date-help-excel = this is { $form } (a date cell saved as a number): { $rewrite }
format-date-help-form = this is { $form }; { $rewrite }
format-date-help-no-month = there is no month { $month }
format-date-help-no-day = this date does not exist: month { $month } has no day { $day }
format-date-help-year-month = a year and month is written YYYY-MM with a month from 01 to 12

# src/formats/ids.rs: the fixes offered for identifiers.
format-postcode-help-capitals = write it in capitals with one space: { $fixed }
format-postcode-help = a postcode is an outward code, one space and an inward code of a digit and two letters (e.g. EX2 4QD)
format-gss-help-did-you-mean = did you mean { $code }?
format-gss-help-length = a GSS code is 9 characters; this value has { $characters }
format-property-number-help-scientific = a spreadsheet turned the number into scientific notation, losing digits: format the column as text and export again
format-company-number-help-zeros = spreadsheets drop leading zeros: { $rewrite }
format-company-number-help-write = write it as { $number } and format the column as text

# src/formats/web.rs: the fixes offered for web addresses.
format-uri-help-spaces = a web address cannot contain spaces: remove them, or { $rewrite }
format-uri-help-write-each = write each as %20
format-uri-help-whole = write the whole address, starting with https://

# run/plan.rs: how a standard was chosen from the file's header.
plan-matched = no standard given: matched { $standard } (table { $table }, { $matched } of its { $described } columns){ $how_sure }
plan-sure = ; pass --standard to choose another
plan-fairly-sure = , fairly sure (the next best is { $other }); pass --standard to choose another
plan-unsure = , but { $other } fits almost as well: pass --standard { $standard } or --standard { $other } to be sure
plan-decided-by-values = ; its header fits { $other } almost as well, but the values of { $rows } fit { $standard } better ({ $mine } values in its forms, against { $theirs }); pass --standard to choose another
plan-its-rows = its { $rows } rows
plan-its-first-rows = its first { $rows } rows
plan-values-fit = { $fit } of { $tested }
