# conform serve: the words on the page, in English. Welsh is in cy.ftl, message by message, with
# this file's text beside it. A message missing from either file fails the tests.

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
