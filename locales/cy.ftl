# conform: every message a person reads, in Welsh (Cymraeg): the page, the findings, the reports, `conform explain`.
#
# NEEDS REVIEW BY A WELSH SPEAKER BEFORE PUBLIC USE. This text was written by the developers, not
# by a translator. Each message has the English it translates above it (`# en:`), so that a
# reviewer can correct it line by line. Keep the message ids and the { $variables } unchanged.

# en: English
language-name = Cymraeg
# en: Skip to main content
# en: Language
language-label = Iaith
skip-link = Neidio i'r prif gynnwys
# en: Service information
service-label = Gwybodaeth am y gwasanaeth
# en: Menu
menu = Dewislen
# en: Check a file
nav-check = Gwirio ffeil
# en: Standards
nav-standards = Safonau
# en: conform checks files on this computer or your team's server. Nothing you upload is kept after the answer, and nothing about its contents is logged.
footer-kept = Mae conform yn gwirio ffeiliau ar y cyfrifiadur hwn neu ar weinydd eich tîm. Ni chedwir dim a lwythwch i fyny ar ôl yr ateb, ac ni chofnodir dim am ei gynnwys.
# en: Checking the file…
checking = Wrthi'n gwirio'r ffeil…

# en: Check a data file against a standard
home-heading = Gwirio ffeil ddata yn erbyn safon
# en: Choose the file you are about to publish or share, and the standard it should follow. conform says what is wrong, where, and how to fix it.
home-lede = Dewiswch y ffeil rydych ar fin ei chyhoeddi neu ei rhannu, a'r safon y dylai ei dilyn. Mae conform yn dweud beth sydd o'i le, ble, a sut i'w gywiro.
# en: Upload a file
file-label = Llwytho ffeil i fyny
# en: CSV or TSV, Excel (.xlsx, .xls, .xlsb), OpenDocument (.ods), JSON, JSON Lines, GeoJSON, Parquet or Arrow, up to { $limit }. A zipped or gzipped file is fine.
file-hint = CSV neu TSV, Excel (.xlsx, .xls, .xlsb), OpenDocument (.ods), JSON, JSON Lines, GeoJSON, Parquet neu Arrow, hyd at { $limit }. Mae ffeil wedi'i chywasgu â zip neu gzip yn iawn hefyd.
# en: Standard
standard-label = Safon
# en: If you are not sure, conform can work it out from the file's columns and will say which standard it chose.
standard-hint = Os nad ydych yn siŵr, gall conform ei chanfod o golofnau'r ffeil a bydd yn dweud pa safon a ddewisodd.
# en: Work it out from the file
standard-auto = Ei chanfod o'r ffeil
# en: Check the file
check-button = Gwirio'r ffeil
# en: Uploading the file
progress-label = Wrthi'n llwytho'r ffeil i fyny
# en: For other systems
api-heading = Ar gyfer systemau eraill
# en: The same check is an HTTP API that returns exactly the reports of the conform command line:
api-text = Mae'r un gwiriad ar gael fel API HTTP sy'n dychwelyd yn union yr un adroddiadau â llinell orchymyn conform:

# en: Error
error-prefix = Gwall
# en: Warning
warning-prefix = Rhybudd
# en: There is a problem
error-summary-title = Mae problem
# en: Choose a file to check
error-no-file = Dewiswch ffeil i'w gwirio
# en: Choose a standard from the list
error-standard = Dewiswch safon o'r rhestr
# en: The file is larger than this server accepts ({ $limit }). Check it with the conform command line instead.
error-too-large = Mae'r ffeil yn fwy nag y mae'r gweinydd hwn yn ei dderbyn ({ $limit }). Gwiriwch hi gyda llinell orchymyn conform yn lle hynny.
# en: The upload could not be read: { $detail }
error-form = Nid oedd modd darllen y ffeil a lwythwyd i fyny: { $detail }
# en: The upload stopped part way. Choose the file and press Check again.
error-stalled = Daeth y llwytho i ben hanner ffordd. Dewiswch y ffeil a phwyswch y botwm Gwirio'r ffeil eto.

# en: The server is busy
busy-title = Mae'r gweinydd yn brysur
# en: It is checking other files. Wait a moment, then try again.
busy-text = Mae'n gwirio ffeiliau eraill. Arhoswch am funud, yna rhowch gynnig arall arni.
# en: The check took too long
slow-title = Cymerodd y gwiriad ormod o amser
# en: This server stops waiting for a check after { $seconds } seconds. Check the file with the conform command line instead.
slow-text = Mae'r gweinydd hwn yn rhoi'r gorau i aros am wiriad ar ôl { $seconds } eiliad. Gwiriwch y ffeil gyda llinell orchymyn conform yn lle hynny.
# en: The file could not be checked
refused-title = Nid oedd modd gwirio'r ffeil
# en: Check another file
check-another = Gwirio ffeil arall

# en: The file conforms
verdict-conforms = Mae'r ffeil yn cydymffurfio
# en: The file does not conform
verdict-fails = Nid yw'r ffeil yn cydymffurfio
# en: The file could not be read
verdict-unreadable = Nid oedd modd darllen y ffeil
# en: Standard: { $standard } ({ $id })
verdict-standard = Safon: { $standard } ({ $id })
# en: 1 error / N errors, 1 warning / N warnings
summary-counts = { $errors } gwall, { $warnings } rhybudd
# en: How the standard was chosen:
chosen-standard = Sut y dewiswyd y safon:

# en: What to fix
problems-heading = Beth i'w gywiro
# en: { $column }: { $title } ({ $count })
group-heading-column = { $column }: { $title } ({ $count })
# en: { $title } ({ $count })
group-heading = { $title } ({ $count })
# en: Error
severity-error = Gwall
# en: Warning
severity-warning = Rhybudd
# en: Note
severity-info = Nodyn
# en: Fix
fix-prefix = Cywiro
# en: and N more like these (see the downloaded report)
more-examples = a { $count } arall tebyg i'r rhain (gweler yr adroddiad a lwythwyd i lawr)
# en: First examples
examples-caption = Yr enghreifftiau cyntaf
# en: Where
column-where = Ble
# en: Value
column-value = Gwerth
# en: What is wrong
column-what = Beth sydd o'i le
# en: row { $row } (line { $line }), column { $column }
place-row-line-column = rhes { $row } (llinell { $line }), colofn { $column }
# en: row { $row } (line { $line })
place-row-line = rhes { $row } (llinell { $line })
# en: line { $line }
place-line = llinell { $line }
# en: the whole file
place-file = y ffeil gyfan

# en: The first { $listed } problems are listed here. { $more } more were counted (they are in the totals above) but not listed: fix these, check the file again, or use the conform command line with a higher --max-findings.
not-listed = Rhestrir y { $listed } problem gyntaf yma. Cyfrifwyd { $more } arall (maent wedi'u cynnwys yn y cyfansymiau uchod) ond nid ydynt wedi'u rhestru: cywirwch y rhain, gwiriwch y ffeil eto, neu defnyddiwch linell orchymyn conform gyda gwerth uwch i --max-findings.
# en: The rows with problems
rows-heading = Y rhesi sydd â phroblemau
# en: The first rows with a problem, as the file holds them. Cells with a problem are marked with ⚠ and a red border.
rows-explain = Y rhesi cyntaf sydd â phroblem, fel y maent yn y ffeil. Mae celloedd sydd â phroblem wedi'u marcio â ⚠ ac ymyl goch.
# en: Line
column-line = Llinell
# en: Problem
cell-problem = Problem

# en: Download
downloads-heading = Llwytho i lawr
# en: The report as { $format }
download-report = Yr adroddiad fel { $format }
# en: A blank template of the { $table } table (CSV)
download-template = Templed gwag o'r tabl { $table } (CSV)

# en: Standards
standards-heading = Safonau
# en: The standards conform knows. Each page lists the columns, what each must hold, and the rules between them.
standards-lede = Y safonau y mae conform yn eu hadnabod. Mae pob tudalen yn rhestru'r colofnau, beth y mae'n rhaid i bob un ei gynnwys, a'r rheolau rhyngddynt.
# en: Built-in standards
standards-caption = Safonau adeiledig
# en: Standard
standards-title = Safon
# en: Id
standards-id = Dynodydd

# en: Page not found
not-found-title = Heb ddod o hyd i'r dudalen
# en: There is no page at this address.
not-found-text = Nid oes tudalen yn y cyfeiriad hwn.

# Finding codes.
# en: File is not UTF-8
code-encoding = Nid yw'r ffeil yn UTF-8
# en: Bytes that no supported encoding can read
code-encoding-error = Beitiau na all unrhyw amgodiad a gefnogir eu darllen
# en: How the file was read
code-input = Sut y darllenwyd y ffeil
# en: The CSV is malformed
code-parse-error = Mae'r CSV wedi'i gamffurfio
# en: No header or no data
code-empty-file = Dim pennawd neu ddim data
# en: A spreadsheet cell holds a formula error
code-cell-error = Mae cell mewn taenlen yn cynnwys gwall fformiwla
# en: A header cell is empty
code-blank-header = Mae cell bennawd yn wag
# en: Two columns share a name
code-duplicate-header = Mae gan ddwy golofn yr un enw
# en: A column of the standard is absent
code-missing-column = Mae colofn o'r safon ar goll
# en: A column the standard does not define
code-unknown-column = Colofn nad yw'r safon yn ei diffinio
# en: Column name differs from the standard
code-header-mismatch = Mae enw'r golofn yn wahanol i'r safon
# en: Columns are out of order
code-column-order = Mae'r colofnau yn y drefn anghywir
# en: A row with no values
code-blank-row = Rhes heb werthoedd
# en: A row has more cells than the header
code-extra-cell = Mae gan res fwy o gelloedd na'r pennawd
# en: A row has fewer cells than the header
code-missing-cell = Mae gan res lai o gelloedd na'r pennawd
# en: A required value is missing
code-required = Mae gwerth gofynnol ar goll
# en: Not a valid number, integer or true/false value
code-type = Nid yw'n rhif, yn gyfanrif nac yn werth gwir/gau dilys
# en: Value is not in the required format
code-format = Nid yw'r gwerth yn y fformat gofynnol
# en: Value does not match the column's pattern
code-pattern = Nid yw'r gwerth yn cyd-fynd â phatrwm y golofn
# en: Not one of the allowed values
code-enum = Nid yw'n un o'r gwerthoedd a ganiateir
# en: Number out of range
code-range = Rhif y tu allan i'r amrediad
# en: Value too short or too long
code-length = Gwerth rhy fyr neu rhy hir
# en: Not in the code list
code-codelist = Nid yw yn y rhestr godau
# en: Spaces around a value
code-whitespace = Bylchau o amgylch gwerth
# en: A rule of the row schema failed
code-schema = Methodd un o reolau sgema'r rhes
# en: Value repeats in a unique column
code-unique = Mae gwerth yn cael ei ailadrodd mewn colofn unigryw
# en: Primary key repeats or is missing
code-primary-key = Mae'r brif allwedd wedi'i hailadrodd neu ar goll
# en: Value not found in the referenced table or code list
code-foreign-key = Heb ddod o hyd i'r gwerth yn y tabl neu'r rhestr godau y cyfeirir ati
# en: Too few or too many rows
code-row-count = Rhy ychydig neu ormod o resi
# en: A rule of the standard that conform cannot check
code-unchecked = Rheol yn y safon na all conform ei gwirio
# en: A cross-field rule failed
code-rule = Methodd rheol rhwng meysydd

# How to fix each.
# en: Save the file again choosing "CSV UTF-8 (Comma delimited)" in Excel, or convert it with `iconv -f WINDOWS-1252 -t UTF-8`.
fix-encoding = Cadwch y ffeil eto gan ddewis "CSV UTF-8 (Comma delimited)" yn Excel, neu troswch hi gyda `iconv -f WINDOWS-1252 -t UTF-8`.
# en: Open the file in the program that made it and export it again as CSV UTF-8. If it is an Excel workbook, save it as CSV first.
fix-encoding-error = Agorwch y ffeil yn y rhaglen a'i gwnaeth, ac allforiwch hi eto fel CSV UTF-8. Os yw'n llyfr gwaith Excel, cadwch hi fel CSV yn gyntaf.
# en: Nothing, if the note describes the data you meant. Otherwise pass --sheet, remove the title rows, or rename the file to match its content.
fix-input = Dim byd, os yw'r nodyn yn disgrifio'r data yr oeddech yn ei olygu. Fel arall, defnyddiwch --sheet, tynnwch y rhesi teitl, neu ailenwch y ffeil i gyd-fynd â'i chynnwys.
# en: Find the line named and make sure every opening double quote has a closing one. A double quote inside a quoted cell is written twice ("").
fix-parse-error = Dewch o hyd i'r llinell a enwir a gwnewch yn siŵr bod dyfynnod dwbl cau ar gyfer pob dyfynnod dwbl agor. Ysgrifennir dyfynnod dwbl y tu mewn i gell mewn dyfynodau ddwywaith ("").
# en: Export the data again; if there really is nothing to publish, say so where the file is published.
fix-empty-file = Allforiwch y data eto; os nad oes dim i'w gyhoeddi mewn gwirionedd, dywedwch hynny lle cyhoeddir y ffeil.
# en: Correct the formula, or copy the column and paste it back as values once every formula gives a value; then export again.
fix-cell-error = Cywirwch y fformiwla, neu copïwch y golofn a'i gludo'n ôl fel gwerthoedd unwaith y mae pob fformiwla'n rhoi gwerth; yna allforiwch eto.
# en: Type the column's name from the standard into the header, or delete the column if it is not needed (often it is an empty column left at the end of a spreadsheet).
fix-blank-header = Teipiwch enw'r golofn o'r safon yn y pennawd, neu dilëwch y golofn os nad oes ei hangen (yn aml mae'n golofn wag a adawyd ar ddiwedd taenlen).
# en: Rename or remove one of the two columns.
fix-duplicate-header = Ailenwch neu tynnwch un o'r ddwy golofn.
# en: Add the column with the name the standard uses (see `conform standards show`), even if some cells are empty.
fix-missing-column = Ychwanegwch y golofn gyda'r enw y mae'r safon yn ei ddefnyddio (gweler `conform standards show`), hyd yn oed os yw rhai celloedd yn wag.
# en: If the column is meant to be one of the standard's, rename it exactly; otherwise it can stay (or be removed before publishing).
fix-unknown-column = Os yw'r golofn i fod yn un o golofnau'r safon, ailenwch hi yn union; fel arall gall aros (neu gael ei thynnu cyn cyhoeddi).
# en: Rename the header to the standard's exact name.
fix-header-mismatch = Ailenwch y pennawd fel ei fod yn union yr un fath â'r enw yn y safon.
# en: Reorder the columns to match the standard (see `conform standards template`).
fix-column-order = Aildrefnwch y colofnau i gyd-fynd â'r safon (gweler `conform standards template`).
# en: Delete the empty rows before exporting.
fix-blank-row = Dilëwch y rhesi gwag cyn allforio.
# en: Put double quotes around values that contain commas (`"Smith, J"`), or remove trailing delimiters.
fix-extra-cell = Rhowch ddyfynodau dwbl o amgylch gwerthoedd sy'n cynnwys comas (`"Smith, J"`), neu tynnwch yr amffinyddion ar ddiwedd y rhes.
# en: Add the missing delimiters so that every row has one cell per column, even where the cell is empty.
fix-missing-cell = Ychwanegwch yr amffinyddion sydd ar goll fel bod gan bob rhes un gell i bob colofn, hyd yn oed lle mae'r gell yn wag.
# en: Fill in the value. If it is withheld on purpose (e.g. redacted personal data), use the wording the standard gives for that.
fix-required = Llenwch y gwerth. Os caiff ei atal yn fwriadol (e.e. data personol wedi'i olygu), defnyddiwch y geiriad y mae'r safon yn ei roi ar gyfer hynny.
# en: Write plain numbers: no currency signs, no thousands separators, a full stop for decimals, a leading minus for negatives (`-1234.50`).
fix-type = Ysgrifennwch rifau plaen: dim arwyddion arian, dim gwahanyddion miloedd, atalnod llawn ar gyfer degolion, minws ar y dechrau ar gyfer rhifau negatif (`-1234.50`).
# en: Rewrite the value in the format the message names. The help line often shows the corrected value.
fix-format = Ailysgrifennwch y gwerth yn y fformat a enwir yn y neges. Mae'r llinell gymorth yn aml yn dangos y gwerth wedi'i gywiro.
# en: Compare the value with the column's description and examples (`conform standards show`).
fix-pattern = Cymharwch y gwerth â disgrifiad ac enghreifftiau'r golofn (`conform standards show`).
# en: Use one of the allowed values exactly, including capitals. The help line suggests the closest one when there is one.
fix-enum = Defnyddiwch un o'r gwerthoedd a ganiateir yn union, gan gynnwys priflythrennau. Mae'r llinell gymorth yn awgrymu'r un agosaf pan fo un.
# en: Check the value and its unit.
fix-range = Gwiriwch y gwerth a'i uned.
# en: Shorten or complete the value.
fix-length = Byrhewch neu cwblhewch y gwerth.
# en: Look the correct code up in the code list named in the message.
fix-codelist = Chwiliwch am y cod cywir yn y rhestr godau a enwir yn y neges.
# en: Trim the spaces (in Excel, `=TRIM(A2)`).
fix-whitespace = Tociwch y bylchau (yn Excel, `=TRIM(A2)`).
# en: Read the message: it names the rule's keyword and the columns involved.
fix-schema = Darllenwch y neges: mae'n enwi allweddair y rheol a'r colofnau dan sylw.
# en: Give each row its own identifier, or remove the duplicate row. The message names the first row with the value.
fix-unique = Rhowch i bob rhes ei dynodydd ei hun, neu tynnwch y rhes ddyblyg. Mae'r neges yn enwi'r rhes gyntaf sydd â'r gwerth.
# en: Fill in the key, or make it unique. The message names the first row with the same key.
fix-primary-key = Llenwch yr allwedd, neu gwnewch hi'n unigryw. Mae'r neges yn enwi'r rhes gyntaf sydd â'r un allwedd.
# en: Correct the value, or add the missing row to the referenced table; check all the dataset's files in one run.
fix-foreign-key = Cywirwch y gwerth, neu ychwanegwch y rhes sydd ar goll at y tabl y cyfeirir ato; gwiriwch holl ffeiliau'r set ddata mewn un rhediad.
# en: Check that the export is complete.
fix-row-count = Gwiriwch fod yr allforiad yn gyflawn.
# en: Nothing in the file: check the named rule another way, or write the standard so that conform can check it (`conform standards import` writes it as a conform standard to start from).
fix-unchecked = Dim byd yn y ffeil: gwiriwch y rheol a enwir mewn ffordd arall, neu ysgrifennwch y safon fel y gall conform ei gwirio (mae `conform standards import` yn ei hysgrifennu fel safon conform i ddechrau ohoni).
# en: Read the rule's message and correct the values it names; `conform standards show` lists each table's rules.
fix-rule = Darllenwch neges y rheol a chywirwch y gwerthoedd y mae'n eu henwi; mae `conform standards show` yn rhestru rheolau pob tabl.

## Findings: each message and its help, as the checks write them (ids by module).

# check/mod.rs: rows, the header and the file as a whole.
# en: this row has no values
check-blank-row = nid oes gwerthoedd yn y rhes hon
# en: delete the empty row
check-blank-row-help = dilëwch y rhes wag
# en: this row has { $cells } cells, but the header has { $columns } columns
check-extra-cell = mae gan y rhes hon { $cells } cell, ond mae gan y pennawd { $columns } colofn
# en: the extra cells are empty: remove the delimiters at the end of the row
check-extra-cell-empty-help = mae'r celloedd ychwanegol yn wag: tynnwch yr amffinyddion ar ddiwedd y rhes
# en: a value probably contains the delimiter without quotes around it: quote it ("Smith, J")
check-extra-cell-help = mae'n debyg bod gwerth yn cynnwys yr amffinydd heb ddyfynodau o'i gwmpas: rhowch ddyfynodau o'i gwmpas ("Smith, J")
# en: this row has { $cells } cells, but the header has { $columns } columns: `{ $name }` onwards are missing
check-missing-cell = mae gan y rhes hon { $cells } cell, ond mae gan y pennawd { $columns } colofn: mae `{ $name }` a'r colofnau ar ei ôl ar goll
# en: add the missing delimiters so that every row has a cell for every column
check-missing-cell-help = ychwanegwch yr amffinyddion sydd ar goll fel bod gan bob rhes gell ar gyfer pob colofn
# en: the compressed file is damaged and cannot be unpacked: { $reason }
check-damaged-compression = mae'r ffeil gywasgedig wedi'i difrodi ac nid oes modd ei dadbacio: { $reason }
# en: compress the file again, or check it with `gzip -t` (or `zstd -t`)
check-damaged-compression-help = cywasgwch y ffeil eto, neu gwiriwch hi gyda `gzip -t` (neu `zstd -t`)
# en: line { $line } numbers the columns ({ $text })
check-title-numbering = mae llinell { $line } yn rhifo'r colofnau ({ $text })
# en: line { $line } looks like a title ({ $text })
check-title-line = mae llinell { $line } yn edrych fel teitl ({ $text })
# en: lines { $first }–{ $last } look like a title block
check-title-block = mae llinellau { $first }–{ $last } yn edrych fel bloc teitl
# en: { $lines }, not the header: the header is on line { $line }, and the rows below it are checked
check-title-rows = { $lines }, nid y pennawd: mae'r pennawd ar linell { $line }, a gwirir y rhesi oddi tano
# en: delete the title rows so that the header is the first line
check-title-rows-help = dilëwch y rhesi teitl fel mai'r pennawd yw'r llinell gyntaf
# en: the file is empty: it has no header row
check-no-header = mae'r ffeil yn wag: nid oes ganddi res bennawd
# en: export the data again, with the header row the standard defines
check-no-header-help = allforiwch y data eto, gyda'r rhes bennawd y mae'r safon yn ei diffinio
# en: the header has { $cells } cells, more than the { $max } columns a spreadsheet can hold: only the first { $max } are read
check-header-too-wide = mae gan y pennawd { $cells } cell, mwy na'r { $max } colofn y gall taenlen eu dal: dim ond y { $max } colofn gyntaf a ddarllenir
# en: check the delimiter (--delimiter) and that the file is a table; a header this wide is usually a file read with the wrong delimiter
check-header-too-wide-help = gwiriwch yr amffinydd (--delimiter) a gwnewch yn siŵr mai tabl yw'r ffeil; fel arfer, mae pennawd mor llydan â hyn yn golygu bod y ffeil wedi'i darllen gyda'r amffinydd anghywir
# en: the file has a header but no data rows
check-no-rows = mae gan y ffeil bennawd ond dim rhesi data
# en: export the data again; the standard expects at least one row
check-no-rows-help = allforiwch y data eto; mae'r safon yn disgwyl o leiaf un rhes
# en: the file has { $rows } data rows, but the table needs at least { $min }
check-too-few-rows = mae gan y ffeil { $rows } rhes ddata, ond mae angen o leiaf { $min } ar y tabl
# en: the file has { $rows } data rows, but the table allows at most { $max }
check-too-many-rows = mae gan y ffeil { $rows } rhes ddata, ond mae'r tabl yn caniatáu { $max } ar y mwyaf

## The reports' own words: the human report of the command line and the Markdown report.
# en: their standards
report-their-standards = eu safonau
# en: 1 file could not be read, so nothing can be said of it / { $files } files could not be read, so nothing can be said of them (the reasons are on standard error)
report-verdict-unreadable = { $files ->
    [one] Nid oedd modd darllen 1 ffeil, felly ni ellir dweud dim amdani
   *[other] Nid oedd modd darllen { $files } ffeil, felly ni ellir dweud dim amdanynt
  } (mae'r rhesymau ar y ffrwd gwallau safonol, stderr)
# en: 1 file conforms / { $files } files conform to { $standard }
report-verdict-conform = Mae { $files } ffeil yn cydymffurfio â { $standard }
# en: { $failed } of 1 file / { $files } files does / do not conform to { $standard }
report-verdict-fail = Nid yw { $failed } o { $files } ffeil yn cydymffurfio â { $standard }
# en: every value in `{ $column }` ({ $rows } rows) is like this one: { $message }
report-whole-column = mae pob gwerth yn `{ $column }` ({ $rows } rhes) fel hwn: { $message }
# en: in row { $row }
report-in-row = yn rhes { $row }
# en: in rows { $first }–{ $last }
report-in-rows = yn rhesi { $first }–{ $last }
# en: in sheet row { $row }
report-in-sheet-row = yn rhes { $row } y ddalen
# en: in sheet rows { $first }–{ $last }
report-in-sheet-rows = yn rhesi { $first }–{ $last } y ddalen
# en: in `{ $column }`
report-in-column = yn `{ $column }`
# en: row { $row }
report-label-row = rhes { $row }
# en: here
report-label-here = yma
# en: Summary for { $path }:
report-summary-for = Crynodeb ar gyfer { $path }:
# en: (header)
report-place-header = (pennawd)
# en: (whole row)
report-place-row = (rhes gyfan)
# en: (file)
report-place-file = (ffeil)
# en: severity
report-heading-severity = difrifoldeb
# en: code
report-heading-code = cod
# en: column
report-heading-column = colofn
# en: count
report-heading-count = nifer
# en: 1 error / { $errors } errors, 1 warning / { $warnings } warnings
report-counts = { $errors } gwall, { $warnings } rhybudd
# en: { $path }: { $counts } ({ $codes })
report-quiet-line = { $path }: { $counts } ({ $codes })
# en: { $format }, sheet `{ $sheet }`
report-format-sheet = { $format }, dalen `{ $sheet }`
# en: { $path }: 1 row / { $rows } rows, 1 column / { $columns } columns, { $encoding }, table `{ $table }`
report-file-heading = { $path }: { $rows } rhes, { $columns } colofn, { $encoding }, tabl `{ $table }`
# en: and { $count } more `{ $code }` findings
report-more = a { $count } canfyddiad `{ $code }` arall
# en: { $listed } of this file's findings are listed (--max-findings is a limit for the whole run); the { $beyond } others are counted in the summary above, not listed
report-not-listed = rhestrir { $listed } o ganfyddiadau'r ffeil hon (mae --max-findings yn derfyn ar gyfer y rhediad cyfan); mae'r { $beyond } arall wedi'u cyfrif yn y crynodeb uchod, heb eu rhestru
# en: (counted beyond --max-findings, not listed)
report-md-not-listed = (wedi'u cyfrif y tu hwnt i --max-findings, heb eu rhestru)
# en: conforms: { $errors } errors, { $warnings } warnings, { $notes } notes
report-file-conforms = yn cydymffurfio: { $errors } gwall, { $warnings } rhybudd, { $notes } nodyn
# en: does not conform: { $errors } errors, { $warnings } warnings, { $notes } notes
report-file-fails = nid yw'n cydymffurfio: { $errors } gwall, { $warnings } rhybudd, { $notes } nodyn
# en: `conform explain CODE` says what any code above means and how to fix it.
report-explain-hint = Mae `conform explain CODE` yn dweud beth mae unrhyw god uchod yn ei olygu a sut i'w gywiro.
# en: file | rows | errors | warnings | verdict
report-md-files-heading = ffeil | rhesi | gwallau | rhybuddion | dyfarniad
# en: conforms
report-md-conforms = yn cydymffurfio
# en: does not conform
report-md-fails = nid yw'n cydymffurfio
# en: severity | code | column | count | first example
report-md-groups-heading = difrifoldeb | cod | colofn | nifer | enghraifft gyntaf
# en: row { $row }, line { $line }
report-md-place = rhes { $row }, llinell { $line }
# en: How to fix
report-md-how-to-fix = Sut i gywiro
# en: help
report-help-label = cymorth

## conform explain
# en: { $severity } by default
explain-by-default = { $severity } yn ddiofyn
# en: What it means
explain-what = Beth mae'n ei olygu
# en: Why it matters
explain-why = Pam mae'n bwysig
# en: How to fix it
explain-fix = Sut i'w gywiro
# en: Example
explain-example = Enghraifft
# en: Finding codes (`conform explain CODE` for one in full):
explain-listing = Codau canfyddiadau (`conform explain CODE` am un yn llawn):

## conform explain: each code's long texts (the titles and fixes are above).

# en: The file is not UTF-8. conform could read it as Windows-1252 (the encoding Excel uses when it saves "CSV" on Windows) or UTF-16, and checked it that way.
what-encoding = Nid yw'r ffeil yn UTF-8. Llwyddodd conform i'w darllen fel Windows-1252 (yr amgodiad y mae Excel yn ei ddefnyddio wrth gadw "CSV" ar Windows) neu UTF-16, a'i gwirio felly.
# en: Data standards ask for UTF-8. Other tools reading the file as UTF-8 will show characters such as £, é or ’ as garbage, or refuse the file.
why-encoding = Mae safonau data yn gofyn am UTF-8. Bydd offer eraill sy'n darllen y ffeil fel UTF-8 yn dangos nodau fel £, é neu ’ yn annealladwy, neu'n gwrthod y ffeil.
# en: Byte 0xA3 on line 12 is `£` in Windows-1252 but is not valid UTF-8.
example-encoding = Mae beit 0xA3 ar linell 12 yn `£` yn Windows-1252 ond nid yw'n UTF-8 dilys.

# en: The file holds bytes that are neither UTF-8, UTF-16 nor Windows-1252 text. Often the file is not a CSV at all (a spreadsheet, a zip or a PDF with a .csv name) or it is damaged.
what-encoding-error = Mae'r ffeil yn cynnwys beitiau nad ydynt yn destun UTF-8, UTF-16 na Windows-1252. Yn aml nid CSV yw'r ffeil o gwbl (taenlen, ffeil zip neu PDF ag enw .csv), neu mae wedi'i difrodi.
# en: No value in the file can be trusted until it is read as text.
why-encoding-error = Ni ellir dibynnu ar unrhyw werth yn y ffeil nes iddi gael ei darllen fel testun.
# en: Byte 0x81 on line 3: Windows-1252 leaves it undefined, and it is not valid UTF-8.
example-encoding-error = Beit 0x81 ar linell 3: nid yw Windows-1252 yn ei ddiffinio, ac nid yw'n UTF-8 dilys.

# en: conform read the file in a way worth knowing: it chose one sheet of a workbook, skipped rows above the header, or found that the content is another format than the name says (a JSON file named .csv) and read it as what it is.
what-input = Darllenodd conform y ffeil mewn ffordd sy'n werth ei gwybod: dewisodd un ddalen o lyfr gwaith, hepgorodd resi uwchben y pennawd, neu ganfu fod y cynnwys mewn fformat gwahanol i'r hyn y mae'r enw'n ei ddweud (ffeil JSON ag enw .csv) a'i darllen fel yr hyn ydyw mewn gwirionedd.
# en: If conform read the wrong sheet or the wrong rows, its findings are about data you did not mean to check.
why-input = Os darllenodd conform y ddalen anghywir neu'r rhesi anghywir, mae ei ganfyddiadau'n ymwneud â data nad oeddech yn bwriadu ei wirio.
# en: The workbook has 5 sheets; checked `Data`, the first that holds a table.
example-input = Mae gan y llyfr gwaith 5 dalen; gwiriwyd `Data`, y gyntaf sy'n cynnwys tabl.

# en: The file cannot be split into rows and cells reliably, for example because a quoted cell is never closed.
what-parse-error = Nid oes modd rhannu'r ffeil yn rhesi a chelloedd yn ddibynadwy, er enghraifft oherwydd nad yw cell mewn dyfynodau byth yn cael ei chau.
# en: Every row after the problem may be read wrongly, so the cells checked may not be the cells you meant.
why-parse-error = Gall pob rhes ar ôl y broblem gael ei darllen yn anghywir, felly efallai nad y celloedd a wiriwyd yw'r celloedd yr oeddech yn eu golygu.
# en: Line 40: `"Smith & Sons, 12 High St,500.00` opens a quote that never closes.
example-parse-error = Llinell 40: mae `"Smith & Sons, 12 High St,500.00` yn agor dyfynnod nad yw byth yn cau.

# en: The file is empty, has no header row, or has a header but no data rows while the standard expects some.
what-empty-file = Mae'r ffeil yn wag, nid oes ganddi res bennawd, neu mae ganddi bennawd ond dim rhesi data er bod y safon yn disgwyl rhai.
# en: An empty publication usually means an export went wrong; readers cannot tell it from "nothing to report".
why-empty-file = Mae cyhoeddiad gwag fel arfer yn golygu bod allforiad wedi mynd o'i le; ni all darllenwyr ei wahaniaethu oddi wrth "dim i'w adrodd".
# en: A file with only the header row `Transaction date,Supplier name,Net amount`.
example-empty-file = Ffeil sydd â'r rhes bennawd `Transaction date,Supplier name,Net amount` yn unig.

# en: A cell of the workbook holds the result of a formula that failed, such as `#N/A` (a lookup found nothing), `#REF!` (the formula points at cells that were deleted) or `#DIV/0!`.
what-cell-error = Mae cell yn y llyfr gwaith yn cynnwys canlyniad fformiwla a fethodd, fel `#N/A` (ni ddaeth chwiliad o hyd i ddim), `#REF!` (mae'r fformiwla'n cyfeirio at gelloedd a ddilëwyd) neu `#DIV/0!`.
# en: The error is not the value the column should hold: whoever uses the data gets the error text, or nothing.
why-cell-error = Nid y gwall yw'r gwerth y dylai'r golofn ei gynnwys: mae pwy bynnag sy'n defnyddio'r data yn cael testun y gwall, neu ddim byd.
# en: `#N/A` in `Supplier name` (cell Data!C12): the lookup of the supplier found nothing.
example-cell-error = `#N/A` yn `Supplier name` (cell Data!C12): ni ddaeth y chwiliad am y cyflenwr o hyd i ddim.

# en: One of the cells in the header row (line 1) has no name.
what-blank-header = Nid oes enw gan un o'r celloedd yn y rhes bennawd (llinell 1).
# en: A column without a name cannot be matched to the standard, so its values are not checked.
why-blank-header = Nid oes modd paru colofn heb enw â'r safon, felly nid yw ei gwerthoedd yn cael eu gwirio.
# en: Header `Supplier name,,Net amount`: the second column has no name.
example-blank-header = Pennawd `Supplier name,,Net amount`: nid oes enw gan yr ail golofn.

# en: Two header cells name the same column of the standard (exactly, or once spaces, case and aliases are taken into account).
what-duplicate-header = Mae dwy gell bennawd yn enwi'r un golofn o'r safon (yn union, neu ar ôl ystyried bylchau, maint llythrennau ac enwau amgen).
# en: A reader cannot know which of the two holds the real values.
why-duplicate-header = Ni all darllenydd wybod pa un o'r ddwy sy'n cynnwys y gwerthoedd go iawn.
# en: Header `Date,Supplier name,Transaction date`: both `Date` and `Transaction date` are read as `Transaction date`.
example-duplicate-header = Pennawd `Date,Supplier name,Transaction date`: mae `Date` a `Transaction date` ill dau yn cael eu darllen fel `Transaction date`.

# en: The standard defines a column that the file's header does not have. For a required column this is an error; for an optional one it is for information.
what-missing-column = Mae'r safon yn diffinio colofn nad yw ym mhennawd y ffeil. Ar gyfer colofn ofynnol mae hyn yn wall; ar gyfer un ddewisol mae er gwybodaeth.
# en: Without the column, users of the data lose that information for every row.
why-missing-column = Heb y golofn, mae defnyddwyr y data yn colli'r wybodaeth honno ar gyfer pob rhes.
# en: The standard requires `Net amount`, but the header has no such column.
example-missing-column = Mae'r safon yn gofyn am `Net amount`, ond nid oes colofn o'r fath yn y pennawd.

# en: The header names a column that is not part of the standard, even allowing for case, spacing and known alternative names.
what-unknown-column = Mae'r pennawd yn enwi colofn nad yw'n rhan o'r safon, hyd yn oed o ystyried maint llythrennau, bylchau ac enwau amgen hysbys.
# en: Extra columns are usually harmless, but a misspelt standard column looks like an extra one and its values go unchecked.
why-unknown-column = Mae colofnau ychwanegol fel arfer yn ddiniwed, ond mae colofn o'r safon wedi'i chamsillafu yn edrych fel colofn ychwanegol, ac nid yw ei gwerthoedd yn cael eu gwirio.
# en: Header `Suplier name`: did you mean `Supplier name`?
example-unknown-column = Pennawd `Suplier name`: ai `Supplier name` oedd gennych mewn golwg?

# en: A header was matched to a column of the standard only after ignoring case, spacing, underscores or hyphens, or through a known alternative name (alias).
what-header-mismatch = Cafodd pennawd ei baru â cholofn o'r safon dim ond ar ôl anwybyddu maint llythrennau, bylchau, tanlinellau neu gysylltnodau, neu drwy enw amgen hysbys (alias).
# en: Other tools match names exactly and may not recognise the column.
why-header-mismatch = Mae offer eraill yn paru enwau yn union, ac efallai na fyddant yn adnabod y golofn.
# en: `supplier_name` was read as `Supplier name`.
example-header-mismatch = Darllenwyd `supplier_name` fel `Supplier name`.

# en: The standard requires its columns in a set order, and this file has them in another.
what-column-order = Mae'r safon yn mynnu bod ei cholofnau mewn trefn benodol, ac mae'r ffeil hon yn eu cynnwys mewn trefn arall.
# en: Some systems load files by position, not by name, and would put values in the wrong fields.
why-column-order = Mae rhai systemau'n llwytho ffeiliau yn ôl eu safle, nid yn ôl eu henw, a byddent yn rhoi gwerthoedd yn y meysydd anghywir.
# en: `Net amount` comes before `Supplier name`, but the standard puts it after.
example-column-order = Mae `Net amount` yn dod cyn `Supplier name`, ond mae'r safon yn ei rhoi ar ei hôl.

# en: Every cell in the row is empty (often an empty line, or a row of commas left at the end of a spreadsheet export).
what-blank-row = Mae pob cell yn y rhes yn wag (yn aml llinell wag, neu res o gomas a adawyd ar ddiwedd allforiad taenlen).
# en: Blank rows are counted as records by some tools and break row counts and totals.
why-blank-row = Mae rhai offer yn cyfrif rhesi gwag fel cofnodion, ac mae hynny'n difetha nifer y rhesi a'r cyfansymiau.
# en: Line 238: `,,,,,,,,`.
example-blank-row = Llinell 238: `,,,,,,,,`.

# en: The row has more cells than there are columns in the header, usually because a value contains the delimiter (a comma) without being quoted.
what-extra-cell = Mae gan y rhes fwy o gelloedd nag sydd o golofnau yn y pennawd, fel arfer oherwydd bod gwerth yn cynnwys yr amffinydd (coma) heb fod mewn dyfynodau.
# en: The values after the extra cell are shifted into the wrong columns.
why-extra-cell = Mae'r gwerthoedd ar ôl y gell ychwanegol yn cael eu symud i'r colofnau anghywir.
# en: Header has 5 columns; line 9 has 6 cells: `Smith, J` was split in two.
example-extra-cell = Mae 5 colofn yn y pennawd; mae 6 cell ar linell 9: cafodd `Smith, J` ei rannu'n ddau.

# en: The row ends before reaching the last column of the header.
what-missing-cell = Mae'r rhes yn dod i ben cyn cyrraedd colofn olaf y pennawd.
# en: The missing cells cannot be told apart from cells that are empty on purpose, and values may have shifted left.
why-missing-cell = Nid oes modd gwahaniaethu rhwng y celloedd sydd ar goll a chelloedd sy'n wag yn fwriadol, ac efallai fod gwerthoedd wedi symud i'r chwith.
# en: Header has 5 columns; line 14 has 4 cells.
example-missing-cell = Mae 5 colofn yn y pennawd; mae 4 cell ar linell 14.

# en: The standard says this column must have a value in every row, and this cell is empty (or holds only spaces, or a missing-value marker).
what-required = Mae'r safon yn dweud bod rhaid i'r golofn hon gael gwerth ym mhob rhes, ac mae'r gell hon yn wag (neu'n cynnwys bylchau yn unig, neu farciwr gwerth coll).
# en: Records without their required values cannot be used for the purpose the standard serves (for example, a payment without an amount).
why-required = Nid oes modd defnyddio cofnodion heb eu gwerthoedd gofynnol at y diben y mae'r safon yn ei wasanaethu (er enghraifft, taliad heb swm).
# en: Row 12: `Supplier name` is empty.
example-required = Rhes 12: mae `Supplier name` yn wag.

# en: The column holds numbers (or integers, or true/false), and this cell cannot be read as one.
what-type = Mae'r golofn yn cynnwys rhifau (neu gyfanrifau, neu werthoedd gwir/gau), ac nid oes modd darllen y gell hon fel un.
# en: Anyone summing or sorting the column will get wrong totals or an error.
why-type = Bydd unrhyw un sy'n adio neu'n trefnu'r golofn yn cael cyfansymiau anghywir neu wall.
# en: `£1,234.50` in `Net amount`: write `1234.50`.
example-type = `£1,234.50` yn `Net amount`: ysgrifennwch `1234.50`.

# en: The column needs a particular format (a date, a postcode, a GSS code, a URL, an email address...) and this value is not in it.
what-format = Mae angen fformat penodol ar y golofn (dyddiad, cod post, cod GSS, URL, cyfeiriad e-bost...), ac nid yw'r gwerth hwn yn y fformat hwnnw.
# en: Values in the wrong format cannot be matched, joined or compared with other organisations' data.
why-format = Nid oes modd paru, uno na chymharu gwerthoedd yn y fformat anghywir â data sefydliadau eraill.
# en: `31/10/2025` where an ISO date is required: write `2025-10-31`.
example-format = `31/10/2025` lle mae angen dyddiad ISO: ysgrifennwch `2025-10-31`.

# en: The standard gives a pattern (a regular expression) that values in this column must follow, and this value does not.
what-pattern = Mae'r safon yn rhoi patrwm (mynegiad rheolaidd) y mae'n rhaid i werthoedd yn y golofn hon ei ddilyn, ac nid yw'r gwerth hwn yn gwneud hynny.
# en: Identifiers and codes that do not follow the published pattern cannot be looked up or joined.
why-pattern = Nid oes modd chwilio am ddynodyddion a chodau nad ydynt yn dilyn y patrwm a gyhoeddwyd, na'u huno.
# en: `E0600006` in `Organisation code` is one digit short of `E06000060`.
example-pattern = Mae `E0600006` yn `Organisation code` un digid yn brin o `E06000060`.

# en: The column only allows values from a fixed list, and this value is not on it.
what-enum = Dim ond gwerthoedd o restr benodol y mae'r golofn yn eu caniatáu, ac nid yw'r gwerth hwn arni.
# en: Categories outside the list cannot be grouped or compared with other publishers' data.
why-enum = Nid oes modd grwpio categorïau sydd y tu allan i'r rhestr na'u cymharu â data cyhoeddwyr eraill.
# en: `Adult Social care` in `Service division`: did you mean `Adult Social Care`?
example-enum = `Adult Social care` yn `Service division`: ai `Adult Social Care` oedd gennych mewn golwg?

# en: The value is below the column's minimum or above its maximum.
what-range = Mae'r gwerth yn is nag isafswm y golofn neu'n uwch na'i huchafswm.
# en: Values outside the range are usually typing errors or the wrong unit.
why-range = Mae gwerthoedd y tu allan i'r amrediad fel arfer yn wallau teipio neu'n defnyddio'r uned anghywir.
# en: `-5` in `Hectares`, where the minimum is 0.
example-range = `-5` yn `Hectares`, lle mae'r isafswm yn 0.

# en: The value has fewer or more characters than the column allows.
what-length = Mae gan y gwerth lai neu fwy o nodau nag y mae'r golofn yn ei ganiatáu.
# en: Systems that load the data may cut long values or reject the record.
why-length = Gall systemau sy'n llwytho'r data gwtogi gwerthoedd hir neu wrthod y cofnod.
# en: A 300-character `Supplier name`, where at most 200 are allowed.
example-length = `Supplier name` o 300 nod, lle caniateir 200 ar y mwyaf.

# en: The column's values must come from a published code list (for example the GSS codes of local authorities), and this value is not in it.
what-codelist = Rhaid i werthoedd y golofn ddod o restr godau a gyhoeddwyd (er enghraifft codau GSS awdurdodau lleol), ac nid yw'r gwerth hwn ynddi.
# en: Codes outside the list cannot be linked to the thing they are meant to identify.
why-codelist = Nid oes modd cysylltu codau sydd y tu allan i'r rhestr â'r hyn y maent i fod i'w ddynodi.
# en: `E06999999` in `Organisation code` is not a local authority GSS code.
example-codelist = Nid yw `E06999999` yn `Organisation code` yn god GSS awdurdod lleol.

# en: The value starts or ends with spaces, tabs or line breaks.
what-whitespace = Mae'r gwerth yn dechrau neu'n gorffen â bylchau, tabiau neu doriadau llinell.
# en: `Devon ` and `Devon` look the same but do not match when data is joined or grouped.
why-whitespace = Mae `Devon ` a `Devon` yn edrych yr un fath, ond nid ydynt yn cyfateb pan fydd data'n cael ei uno neu ei grwpio.
# en: ` 697.00` in `Net amount`.
example-whitespace = ` 697.00` yn `Net amount`.

# en: A rule of the standard's JSON Schema that is not a simple type, format, pattern, list or range check failed: a conditional rule (`if`/`then`), a choice (`oneOf`, `anyOf`), a fixed value (`const`) or a dependency between columns.
what-schema = Methodd rheol yn JSON Schema y safon nad yw'n wiriad syml o fath, fformat, patrwm, rhestr neu amrediad: rheol amodol (`if`/`then`), dewis (`oneOf`, `anyOf`), gwerth sefydlog (`const`) neu ddibyniaeth rhwng colofnau.
# en: These rules carry the standard's business logic, such as "a site with planning permission must give the permission date".
why-schema = Mae'r rheolau hyn yn cynnwys rhesymeg fusnes y safon, fel "rhaid i safle sydd â chaniatâd cynllunio roi dyddiad y caniatâd".
# en: `PermissionDate` is required when `PlanningStatus` is `permissioned` (keyword `then`).
example-schema = Mae angen `PermissionDate` pan fo `PlanningStatus` yn `permissioned` (allweddair `then`).

# en: The column (or combination of columns) must be unique, and this value already appeared in an earlier row.
what-unique = Rhaid i'r golofn (neu'r cyfuniad o golofnau) fod yn unigryw, ac mae'r gwerth hwn eisoes wedi ymddangos mewn rhes gynharach.
# en: Duplicate identifiers make records ambiguous: a reader cannot know which one is right.
why-unique = Mae dynodyddion dyblyg yn gwneud cofnodion yn amwys: ni all darllenydd wybod pa un sy'n gywir.
# en: `BLR-0042` in `SiteReference` first appeared in row 3.
example-unique = Ymddangosodd `BLR-0042` yn `SiteReference` am y tro cyntaf yn rhes 3.

# en: The columns that identify each row (the primary key) are empty in this row, or repeat the key of an earlier row.
what-primary-key = Mae'r colofnau sy'n dynodi pob rhes (y brif allwedd) yn wag yn y rhes hon, neu'n ailadrodd allwedd rhes gynharach.
# en: Rows without a unique key cannot be referred to, updated or de-duplicated.
why-primary-key = Nid oes modd cyfeirio at resi heb allwedd unigryw, eu diweddaru na chael gwared ar eu dyblygion.
# en: Transaction number `22002769` first appeared in row 10.
example-primary-key = Ymddangosodd rhif trafodiad `22002769` am y tro cyntaf yn rhes 10.

# en: The value must refer to a row of another table (or a code list), and no such row exists. References between tables are checked when the files of those tables are checked together (several paths, or a folder); when the referenced table's file is not among them, an info note says the references were not looked up.
what-foreign-key = Rhaid i'r gwerth gyfeirio at res mewn tabl arall (neu restr godau), ac nid oes rhes o'r fath. Caiff cyfeiriadau rhwng tablau eu gwirio pan fydd ffeiliau'r tablau hynny'n cael eu gwirio gyda'i gilydd (sawl llwybr, neu ffolder); pan nad yw ffeil y tabl y cyfeirir ato yn eu plith, mae nodyn yn dweud na chwiliwyd am y cyfeiriadau.
# en: Broken references leave records pointing at nothing: a service whose organisation is missing, a document about a conservation area nobody published.
why-foreign-key = Mae cyfeiriadau toredig yn gadael cofnodion yn cyfeirio at ddim: gwasanaeth y mae ei sefydliad ar goll, dogfen am ardal gadwraeth na chyhoeddodd neb.
# en: `service_id` `svc-9` has no row in `services`.
example-foreign-key = Nid oes gan `service_id` `svc-9` res yn `services`.

# en: The table must have at least (or at most) a set number of data rows.
what-row-count = Rhaid i'r tabl gael o leiaf (neu ar y mwyaf) nifer penodol o resi data.
# en: An unexpected row count usually means a truncated or duplicated export.
why-row-count = Mae nifer annisgwyl o resi fel arfer yn golygu allforiad a gwtogwyd neu a ddyblygwyd.
# en: The table needs at least 1 row; the file has 0.
example-row-count = Mae angen o leiaf 1 rhes ar y tabl; mae gan y ffeil 0.

# en: The standard asks for something conform understands but cannot check exactly, such as bounds on numbers written with a decimal comma, or dates in a format of their own. The finding names the field and what is not checked; everything else is checked as usual.
what-unchecked = Mae'r safon yn gofyn am rywbeth y mae conform yn ei ddeall ond na all ei wirio'n union, fel terfynau ar rifau a ysgrifennwyd gyda choma degol, neu ddyddiadau yn eu fformat eu hunain. Mae'r canfyddiad yn enwi'r maes a'r hyn nad yw'n cael ei wirio; caiff popeth arall ei wirio fel arfer.
# en: A file can only be said to conform to the rules that were checked. This finding says which were not.
why-unchecked = Ni ellir dweud bod ffeil yn cydymffurfio ond â'r rheolau a wiriwyd. Mae'r canfyddiad hwn yn dweud pa rai na chawsant eu gwirio.
# en: field `Amount`: the constraint minimum 0 is not checked (numbers written with the decimal mark `,` are checked for their form only).
example-unchecked = maes `Amount`: nid yw'r cyfyngiad minimum 0 yn cael ei wirio (dim ond ffurf rhifau a ysgrifennwyd gyda'r nod degol `,` sy'n cael ei gwirio).

# en: A rule of the standard that relates several columns failed, such as "a record needs a boundary or a point", "a permission type only for a permissioned site" or "the end date is not before the start date". The finding carries the rule's id (`rules/ID` in reports). When a file has none of the columns a rule needs, it is reported once for the file.
what-rule = Methodd rheol yn y safon sy'n cysylltu sawl colofn, fel "mae angen ffin neu bwynt ar gofnod", "math o ganiatâd dim ond ar gyfer safle â chaniatâd" neu "nid yw'r dyddiad gorffen cyn y dyddiad dechrau". Mae'r canfyddiad yn cynnwys dynodydd y rheol (`rules/ID` mewn adroddiadau). Pan nad oes gan ffeil unrhyw un o'r colofnau sydd eu hangen ar reol, adroddir hynny unwaith ar gyfer y ffeil.
# en: These rules catch records that are valid cell by cell but impossible as a whole.
why-rule = Mae'r rheolau hyn yn dal cofnodion sy'n ddilys gell wrth gell ond yn amhosibl yn eu cyfanrwydd.
# en: `PermissionType` is given, but `PlanningStatus` is not `permissioned` (rule `permission-type-only-if-permissioned`).
example-rule = Mae `PermissionType` wedi'i roi, ond nid yw `PlanningStatus` yn `permissioned` (rheol `permission-type-only-if-permissioned`).


# src/check/cells.rs: a cell's failures, whitespace, the types, code lists and their help.
# en: { $value } in `{ $column }` is { $phrase }, not { $asked }
cell-tolerated = { $value } yn `{ $column }`: { $phrase } yw hwn, nid { $asked }
# en: the form the standard asks for
cell-tolerated-asked = y ffurf y mae'r safon yn gofyn amdani
# en: { $why }: { $rewrite }
cell-tolerated-help = { $why }: { $rewrite }
# en: `{ $column }` is empty, but the standard requires a value in every row
cell-required = mae `{ $column }` yn wag, ond mae'r safon yn gofyn am werth ym mhob rhes
# en: fill in `{ $column }`
cell-required-help = llenwch `{ $column }`
# en: fill in `{ $column }`, e.g. { $example }
cell-required-help-example = llenwch `{ $column }`, e.e. { $example }
# en: { $value } in `{ $column }` has { $kind } { $side }
cell-whitespace = { $value } yn `{ $column }`: mae { $kind } { $side }
# en: spaces
cell-whitespace-spaces = bylchau
# en: a line break
cell-whitespace-line-break = toriad llinell
# en: a tab
cell-whitespace-tab = tab
# en: non-breaking spaces
cell-whitespace-non-breaking = bylchau di-dor
# en: spaces and line breaks
cell-whitespace-spaces-line-breaks = bylchau a thoriadau llinell
# en: invisible characters
cell-whitespace-invisible = nodau anweledig
# en: at the end
cell-whitespace-at-end = ar y diwedd
# en: at the start
cell-whitespace-at-start = ar y dechrau
# en: at the start and end
cell-whitespace-at-both = ar y dechrau a'r diwedd
# en: remove it: { $value }
cell-whitespace-help-it = tynnwch ef: { $value }
# en: remove them: { $value }
cell-whitespace-help-them = tynnwch nhw: { $value }
# en: { $value } in `{ $column }` is not { $expected }
cell-type = nid { $expected } yw { $value } yn `{ $column }`
# en: write { $expected }
cell-type-help = ysgrifennwch { $expected }
# en: write { $expected }, e.g. { $example }
cell-type-help-example = ysgrifennwch { $expected }, e.e. { $example }
# en: text
cell-kind-string = testun
# en: a whole number
cell-kind-integer = rhif cyfan
# en: a number
cell-kind-number = rhif
# en: true or false
cell-kind-boolean = true neu false
# en: a JSON object
cell-kind-object = gwrthrych JSON
# en: a JSON array
cell-kind-array = arae JSON
# en: { $first } or { $second }
cell-kind-or = { $first } neu { $second }
# en: { $value } in `{ $column }` is not in the code list `{ $list }`
cell-codelist = nid yw { $value } yn `{ $column }` yn y rhestr godau `{ $list }`
# en: { $value } in `{ $column }` hold { $count } codes that are not in the code list `{ $list }`
cell-codelist-many = mae { $value } yn `{ $column }` yn cynnwys { $count } cod nad ydynt yn y rhestr godau `{ $list }`
# en: { $value } in `{ $column }` holds { $code }, which is not in the code list `{ $list }`
cell-codelist-one-of = mae { $value } yn `{ $column }` yn cynnwys { $code }, nad yw yn y rhestr godau `{ $list }`
# en: { $value } in `{ $column }` refers to nothing: it is not in the code list `{ $list }`
cell-foreign-key = nid yw { $value } yn `{ $column }` yn cyfeirio at ddim: nid yw yn y rhestr godau `{ $list }`
# en: { $value } in `{ $column }` is not in the code list `{ $list }`, so they refer to nothing
cell-foreign-key-listed = nid yw { $value } yn `{ $column }` yn y rhestr godau `{ $list }`, felly nid yw'n cyfeirio at ddim
# en: { $value } in `{ $column }` hold { $count } codes that are not in the code list `{ $list }`, so they refer to nothing
cell-foreign-key-many = mae { $value } yn `{ $column }` yn cynnwys { $count } cod nad ydynt yn y rhestr godau `{ $list }`, felly nid ydynt yn cyfeirio at ddim
# en: { $value } in `{ $column }` holds { $code }, which is not in the code list `{ $list }`, so they refer to nothing
cell-foreign-key-one-of = mae { $value } yn `{ $column }` yn cynnwys { $code }, nad yw yn y rhestr godau `{ $list }`, felly nid yw'n cyfeirio at ddim
# en: did you mean `{ $guess }`?
cell-did-you-mean = ai `{ $guess }` oedd gennych mewn golwg?
# en: use one of: { $values }
cell-use-one-of = defnyddiwch un o'r rhain: { $values }
# en: look the code up in { $list }
cell-codelist-look-up = chwiliwch am y cod yn { $list }
# en: { $value } in `{ $column }` is not { $format }
cell-format = nid yw { $value } yn `{ $column }` yn y fformat cywir: { $format }
# en: { $value } in `{ $column }` is not { $words }
cell-pattern-words = nid yw { $value } yn `{ $column }` yn cyfateb i'r hyn y mae'r safon yn ei ofyn: { $words }
# en: { $value } in `{ $column }` is not in the form the standard sets for this column
cell-pattern = nid yw { $value } yn `{ $column }` yn y ffurf y mae'r safon yn ei gosod ar gyfer y golofn hon
# en: the standard's pattern is `{ $pattern }`
cell-pattern-detail = patrwm y safon yw `{ $pattern }`
# en: { $advice } ({ $detail })
cell-pattern-help = { $advice } ({ $detail })
# en: { $value } in `{ $column }` is not one of the { $count } allowed values
cell-enum = nid yw { $value } yn `{ $column }` yn un o'r { $count } gwerth a ganiateir
# en: `conform standards show` lists the allowed values
cell-enum-help-long = mae `conform standards show` yn rhestru'r gwerthoedd a ganiateir
# en: { $value } in `{ $column }` must be exactly `{ $constant }` (keyword const)
cell-const = rhaid i { $value } yn `{ $column }` fod yn union `{ $constant }` (allweddair const)
# en: { $value } in `{ $column }` is too small: it must be more than { $limit }
cell-range-more-than = mae { $value } yn `{ $column }` yn rhy fach: rhaid iddo fod yn fwy na { $limit }
# en: { $value } in `{ $column }` is too small: it must be at least { $limit }
cell-range-at-least = mae { $value } yn `{ $column }` yn rhy fach: rhaid iddo fod yn { $limit } o leiaf
# en: { $value } in `{ $column }` is too large: it must be less than { $limit }
cell-range-less-than = mae { $value } yn `{ $column }` yn rhy fawr: rhaid iddo fod yn llai na { $limit }
# en: { $value } in `{ $column }` is too large: it must be at most { $limit }
cell-range-at-most = mae { $value } yn `{ $column }` yn rhy fawr: rhaid iddo fod yn { $limit } ar y mwyaf
# en: `{ $column }` has { $length } characters; at least { $min } are needed
cell-length-min = mae gan `{ $column }` { $length } nod; mae angen { $min } o leiaf
# en: `{ $column }` has { $length } characters; at most { $max } are allowed
cell-length-max = mae gan `{ $column }` { $length } nod; caniateir { $max } ar y mwyaf
# en: shorten it to { $max } characters or fewer
cell-length-max-help = byrhewch ef i { $max } nod neu lai

# src/check/pattern_help.rs: the usual slips behind a value that breaks a pattern.
# en: remove the spaces beside `{ $separator }`: { $rewrite }
pattern-spaces-beside-separator = tynnwch y bylchau wrth ymyl `{ $separator }`: { $rewrite }
# en: it has { $places } decimal places, more than the standard allows: { $rewrite }
pattern-decimal-places = mae ganddo { $places } lle degol, mwy nag y mae'r safon yn ei ganiatáu: { $rewrite }
# en: write { $value }
pattern-write = ysgrifennwch { $value }
# en: write it in lower case: { $value }
pattern-lower-case = ysgrifennwch ef mewn llythrennau bach: { $value }
# en: write it in capitals: { $value }
pattern-capitals = ysgrifennwch ef mewn priflythrennau: { $value }
# en: a web address starts with https:// (or http://): { $rewrite }
pattern-web-address = mae cyfeiriad gwe yn dechrau gyda https:// (neu http://): { $rewrite }
# en: remove the spaces: { $rewrite }
pattern-remove-spaces = tynnwch y bylchau: { $rewrite }

# src/check/point.rs: a point rule's two number columns.
# en: { $message }: { $pair }, read as { $kind } either way round, is outside it
point-outside = { $message }: mae { $pair }, o'u darllen fel { $kind } y naill ffordd neu'r llall, y tu allan i'r ardal
# en: check the coordinates against a map; a sign left off a longitude west of Greenwich puts a point in the sea
point-outside-help = gwiriwch y cyfesurynnau yn erbyn map; mae hepgor yr arwydd minws ar hydred i'r gorllewin o Greenwich yn rhoi'r pwynt yn y môr
# en: { $message }: { $pair } are neither longitude and latitude, nor British National Grid eastings and northings, nor Web Mercator metres
point-unknown = { $message }: nid yw { $pair } yn hydred a lledred, nac yn ddwyreiniadau a gogleddiadau'r Grid Cenedlaethol Prydeinig, nac yn fetrau Web Mercator
# en: give the point as longitude and latitude
point-unknown-help = rhowch y pwynt fel hydred a lledred
# en: { $pair } look swapped: the point is in the area only as latitude { $x }, longitude { $y }
point-swapped = mae'n ymddangos bod { $pair } wedi'u cyfnewid: dim ond fel lledred { $x }, hydred { $y } y mae'r pwynt yn yr ardal
# en: { $pair } are { $kind }, not the longitude and latitude (WGS84) the standard asks for
point-converted = { $kind } yw { $pair }, nid yr hydred a'r lledred (WGS84) y mae'r safon yn gofyn amdanynt
# en: { $pair } are { $kind } the wrong way round, not the longitude and latitude (WGS84) the standard asks for
point-converted-swapped = { $kind } y ffordd anghywir o gwmpas yw { $pair }, nid yr hydred a'r lledred (WGS84) y mae'r safon yn gofyn amdanynt
# en: put the longitude ({ $y }) in `{ $x_column }` and the latitude ({ $x }) in `{ $y_column }`; the planning.data.gov.uk pipeline swaps them back, with a warning
point-swapped-help = rhowch yr hydred ({ $y }) yn `{ $x_column }` a'r lledred ({ $x }) yn `{ $y_column }`; mae piblinell planning.data.gov.uk yn eu cyfnewid yn ôl, gyda rhybudd
# en: write `{ $x_column }` { $lon }, `{ $y_column }` { $lat } (converted by conform); the planning.data.gov.uk pipeline converts them itself, with a warning
point-converted-help = ysgrifennwch `{ $x_column }` { $lon }, `{ $y_column }` { $lat } (wedi'u trosi gan conform); mae piblinell planning.data.gov.uk yn eu trosi ei hun, gyda rhybudd
# en: write `{ $x_column }` { $lon }, `{ $y_column }` { $lat } (converted by conform, to within about 100 metres); the planning.data.gov.uk pipeline converts them itself, with a warning
point-converted-grid-help = ysgrifennwch `{ $x_column }` { $lon }, `{ $y_column }` { $lat } (wedi'u trosi gan conform, yn gywir i tua 100 metr); mae piblinell planning.data.gov.uk yn eu trosi ei hun, gyda rhybudd

# src/suggest.rs: the number a value seems to mean.
# en: write it as { $number } (a full stop, not a comma, before the decimals)
suggest-decimal-comma = ysgrifennwch ef fel { $number } (atalnod llawn, nid coma, cyn y degolion)
# en: leave the cell empty where there is no value
suggest-leave-empty = gadewch y gell yn wag lle nad oes gwerth
# en: the number has more than one decimal point
suggest-decimal-points = mae gan y rhif fwy nag un pwynt degol
# en: no £ sign
suggest-no-pound-sign = dim arwydd £
# en: no thousands separators
suggest-no-thousands-separators = dim gwahanyddion miloedd
# en: a minus sign rather than brackets for credits
suggest-minus-sign = arwydd minws yn hytrach na chromfachau ar gyfer credydau
# en: { $first }, { $next }
suggest-reasons = { $first }, { $next }
# en: write it as { $number } ({ $reasons })
suggest-write-it-as = ysgrifennwch ef fel { $number } ({ $reasons })

# src/wkt.rs: where well-known text (WKT) geometry goes wrong.
# en: this is a pair of numbers, not WKT: write it as { $point }
wkt-pair = pâr o rifau yw hwn, nid WKT: ysgrifennwch ef fel { $point }
# en: this is not WKT: a boundary starts with POLYGON or MULTIPOLYGON
wkt-not-wkt-area = nid WKT yw hwn: mae ffin yn dechrau gyda POLYGON neu MULTIPOLYGON
# en: this is not WKT: a point is written POINT (longitude latitude)
wkt-not-wkt-point = nid WKT yw hwn: ysgrifennir pwynt fel POINT (hydred lledred)
# en: a POINT is not a boundary: give the POLYGON or MULTIPOLYGON, or put the point in the point column
wkt-point-not-boundary = nid ffin yw POINT: rhowch y POLYGON neu'r MULTIPOLYGON, neu rhowch y pwynt yng ngholofn y pwynt
# en: this column holds a POINT, not a boundary
wkt-boundary-not-point = mae'r golofn hon yn dal POINT, nid ffin
# en: { $kind } is not accepted here: give a { $want }
wkt-not-accepted = ni dderbynnir { $kind } yma: rhowch { $want }
# en: `{ $kind }` is not a WKT geometry type; expected { $want }
wkt-not-a-type = nid yw `{ $kind }` yn fath o geometreg WKT; disgwylid { $want }
# en: POLYGON or MULTIPOLYGON
wkt-want-area = POLYGON neu MULTIPOLYGON
# en: POINT
wkt-want-point = POINT
# en: unexpected text after the end of the geometry
wkt-trailing-text = testun annisgwyl ar ôl diwedd y geometreg
# en: the first position ({ $x } { $y }) is neither longitude/latitude, OSGB36 eastings/northings nor Web Mercator metres
wkt-implausible = nid yw'r safle cyntaf ({ $x } { $y }) yn hydred/lledred, yn ddwyreiniadau/gogleddiadau OSGB36 nac yn fetrau Web Mercator
# en: { $problem } (found `{ $found }` at character { $at })
wkt-problem-found = { $problem } (cafwyd `{ $found }` yn nod { $at })
# en: { $problem } (the text ends at character { $at })
wkt-problem-text-ends = { $problem } (mae'r testun yn dod i ben yn nod { $at })
# en: { $problem } (at character { $at })
wkt-problem-at = { $problem } (yn nod { $at })
# en: expected a coordinate (a number)
wkt-expected-number = disgwylid cyfesuryn (rhif)
# en: expected `(` after POINT
wkt-expected-point-open = disgwylid `(` ar ôl POINT
# en: expected `)` after the point's coordinates
wkt-expected-point-close = disgwylid `)` ar ôl cyfesurynnau'r pwynt
# en: expected `(` to open a ring of positions
wkt-expected-ring-open = disgwylid `(` i agor cylch o safleoedd
# en: expected `,` between positions or `)` to close the ring
wkt-expected-ring-next = disgwylid `,` rhwng safleoedd neu `)` i gau'r cylch
# en: the ring starting at character { $at } has { $count } positions; a ring needs at least 4
wkt-ring-too-short = mae gan y cylch sy'n dechrau yn nod { $at } { $count } safle; mae angen o leiaf 4 ar gylch
# en: the ring starting at character { $at } is not closed: its last position must repeat its first ({ $x } { $y })
wkt-ring-not-closed = nid yw'r cylch sy'n dechrau yn nod { $at } wedi'i gau: rhaid i'w safle olaf ailadrodd ei safle cyntaf ({ $x } { $y })
# en: expected `(` to open the polygon
wkt-expected-polygon-open = disgwylid `(` i agor y polygon
# en: expected `,` between rings or `)` to close the polygon
wkt-expected-polygon-next = disgwylid `,` rhwng cylchoedd neu `)` i gau'r polygon
# en: expected `(` to open the list of polygons
wkt-expected-list-open = disgwylid `(` i agor y rhestr o bolygonau
# en: expected `,` between polygons or `)` to close the list
wkt-expected-list-next = disgwylid `,` rhwng polygonau neu `)` i gau'r rhestr

# src/coordinates.rs: what two numbers of a point look like.
# en: longitude and latitude
coord-degrees = hydred a lledred
# en: OSGB36 (British National Grid) easting and northing
coord-easting-northing = dwyreiniad a gogleddiad OSGB36 (Grid Cenedlaethol Prydeinig)
# en: Web Mercator (EPSG:3857) metres
coord-mercator = metrau Web Mercator (EPSG:3857)

# src/check/header.rs
# en: column { $column } is another known name of the standard's `{ $standard }`, which column { $first } (`{ $first_name }`) already supplies; it is not checked
header-another-known-name = mae colofn { $column } yn enw hysbys arall ar `{ $standard }` y safon, sydd eisoes yn dod o golofn { $first } (`{ $first_name }`); ni chaiff ei gwirio
# en: nothing to fix; if `{ $name }` is the better `{ $standard }`, put it before `{ $first_name }`
header-another-known-name-help = dim byd i'w gywiro; os mai `{ $name }` yw'r `{ $standard }` gorau, rhowch hi o flaen `{ $first_name }`
# en: the header names { $column } twice (columns { $first } and { $second })
header-named-twice = mae'r pennawd yn enwi { $column } ddwywaith (colofnau { $first } a { $second })
# en: both `{ $first_name }` (column { $first }) and `{ $name }` (column { $second }) are read as the standard's `{ $standard }`
header-both-read-as = darllenir `{ $first_name }` (colofn { $first }) a `{ $name }` (colofn { $second }) ill dau fel `{ $standard }` y safon
# en: rename or remove one of them: only the first is checked
header-only-first-checked-help = ailenwch neu tynnwch un ohonynt: dim ond y gyntaf a wirir
# en: column { $number } has no name in the header
header-blank = nid oes enw gan golofn { $number } yn y pennawd
# en: type the column's name from the standard, or delete the column if it is empty
header-blank-help = teipiwch enw'r golofn o'r safon, neu dilëwch y golofn os yw'n wag
# en: a known alternative name
header-why-alias = enw amgen hysbys
# en: ignoring case and spacing
header-why-normalised = gan anwybyddu maint llythrennau a bylchau
# en: column { $column } is read as the standard's `{ $standard }` ({ $why })
header-read-as = darllenir colofn { $column } fel `{ $standard }` y safon ({ $why })
# en: rename the header to `{ $standard }`
header-read-as-help = ailenwch y pennawd yn `{ $standard }`
# en: the header names { $column } more than once
header-named-more-than-once = mae'r pennawd yn enwi { $column } fwy nag unwaith
# en: rename or remove one of them
header-rename-or-remove-help = ailenwch neu tynnwch un ohonynt
# en: the file has no `{ $column }` column, which the standard requires
header-missing = nid oes gan y ffeil golofn `{ $column }`, y mae'r safon yn ei hangen
# en: add a column headed `{ $column }`
header-missing-help = ychwanegwch golofn gyda'r pennawd `{ $column }`
# en: add a column headed `{ $column }` (also accepted: { $aliases })
header-missing-help-aliases = ychwanegwch golofn gyda'r pennawd `{ $column }` (derbynnir hefyd: { $aliases })
# en: the file leaves out { $count } optional { $count -> [one] column *[other] columns } of the standard: { $columns }
header-optional-absent = mae'r ffeil yn hepgor { $count ->
    [one] un o golofnau dewisol y safon
   *[other] { $count } o golofnau dewisol y safon
  }: { $columns }
# en: nothing to fix; add them if you hold the data
header-optional-absent-help = dim byd i'w gywiro; ychwanegwch nhw os yw'r data gennych
# en: none of the table's { $columns } columns is in the file (its header starts { $start }), so nothing was checked
header-nothing-matched = nid oes yr un o { $columns } colofn y tabl yn y ffeil (mae ei phennawd yn dechrau gyda { $start }), felly ni wiriwyd dim
# en: check that this is the right standard and table, or that the header row is the first row
header-nothing-matched-help = gwiriwch mai dyma'r safon a'r tabl cywir, neu mai'r rhes bennawd yw'r rhes gyntaf
# en: `{ $column }` comes after `{ $previous }`, but the standard puts it before
header-order = daw `{ $column }` ar ôl `{ $previous }`, ond mae'r safon yn ei rhoi o'i blaen
# en: put the columns in the standard's order (`conform standards show` lists it)
header-order-help = rhowch y colofnau yn nhrefn y safon (mae `conform standards show` yn ei rhestru)
# en: column { $column } is not part of the standard
header-unknown = nid yw colofn { $column } yn rhan o'r safon
# en: did you mean `{ $guess }`? If so, rename the header exactly
header-unknown-guess-help = ai `{ $guess }` oedd gennych mewn golwg? Os felly, ailenwch y pennawd yn union
# en: the standard does not define this column; it is not checked
header-unknown-help = nid yw'r safon yn diffinio'r golofn hon; ni chaiff ei gwirio

# src/check/keys.rs
# en: uniqueness was checked in the first { $rows } rows only
key-checked-first-rows-only = gwiriwyd unigrywiaeth yn y { $rows } rhes gyntaf yn unig
# en: `{ $column }` is empty, but it is part of the primary key
key-primary-part-empty = mae `{ $column }` yn wag, ond mae'n rhan o'r brif allwedd
# en: every row needs a key value that identifies it
key-primary-part-empty-help = mae angen gwerth allwedd ar bob rhes i'w hadnabod
# en: `{ $value }` in `{ $column }`
key-value-in-column = `{ $value }` yn `{ $column }`
# en: the combination ({ $columns }) = ({ $values })
key-combination = y cyfuniad ({ $columns }) = ({ $values })
# en: the primary key must be unique
key-primary-must-be-unique = rhaid i'r brif allwedd fod yn unigryw
# en: values in this column must be unique
key-column-must-be-unique = rhaid i'r gwerthoedd yn y golofn hon fod yn unigryw
# en: this combination must be unique
key-combination-must-be-unique = rhaid i'r cyfuniad hwn fod yn unigryw
# en: { $what } repeats: it first appeared in row { $first_row } (line { $first_line }); { $kind }
key-repeats = ailadroddir { $what }: ymddangosodd gyntaf yn rhes { $first_row } (llinell { $first_line }); { $kind }
# en: this row repeats a value of `{ $column }` that an earlier row has (counted beyond --max-findings, not compared in full)
key-repeats-counted = mae'r rhes hon yn ailadrodd gwerth yn `{ $column }` sydd gan res gynharach (wedi'i gyfrif y tu hwnt i --max-findings, heb ei gymharu'n llawn)
# en: give each row its own value, or remove the duplicate row
key-repeats-help = rhowch i bob rhes ei gwerth ei hun, neu tynnwch y rhes ddyblyg

# src/check/references.rs
# en: `{ $value }` in { $columns } refers to nothing: no row of the `{ $table }` table ({ $files }) has it in { $target_columns }
ref-refers-to-nothing = nid yw `{ $value }` yn { $columns } yn cyfeirio at ddim: nid oes gan yr un rhes o'r tabl `{ $table }` ({ $files }) y gwerth hwn yn { $target_columns }
# en: did you mean `{ $guess }`? Otherwise add the missing row to the `{ $table }` file
ref-refers-to-nothing-guess-help = ai `{ $guess }` oedd gennych mewn golwg? Fel arall, ychwanegwch y rhes sydd ar goll at y ffeil `{ $table }`
# en: add a row with this reference to the `{ $table }` file, or correct the reference
ref-refers-to-nothing-help = ychwanegwch res gyda'r cyfeiriad hwn at y ffeil `{ $table }`, neu cywirwch y cyfeiriad
# en: values in { $columns } refer to the `{ $table }` table, but no file of that table was checked with this one, so they were not looked up
ref-not-looked-up = mae gwerthoedd yn { $columns } yn cyfeirio at y tabl `{ $table }`, ond ni wiriwyd yr un ffeil o'r tabl hwnnw gyda'r un hon, felly ni chwiliwyd amdanynt
# en: check the files together: conform check --standard { $standard } FILE-OF-{ $table } { $path }
ref-not-looked-up-help = gwiriwch y ffeiliau gyda'i gilydd: conform check --standard { $standard } FFEIL-{ $table } { $path }

# src/check/rules.rs
# en: `{ $column }` must have a value in this row: the standard's `{ $keyword }` rule requires it (at { $path })
rule-required-by-keyword = rhaid i `{ $column }` gael gwerth yn y rhes hon: mae rheol `{ $keyword }` y safon yn ei fynnu (yn { $path })
# en: `{ $column }` must have a value in this row: a rule of the standard requires it (at { $path })
rule-required = rhaid i `{ $column }` gael gwerth yn y rhes hon: mae un o reolau'r safon yn ei fynnu (yn { $path })
# en: fill in `{ $column }`, or check the values that make it required
rule-required-help = llenwch `{ $column }`, neu gwiriwch y gwerthoedd sy'n ei gwneud yn ofynnol
# en: `{ $value }` in `{ $column }` breaks the rule at { $path }: { $reason }
rule-cell-breaks-rule = mae `{ $value }` yn `{ $column }` yn torri'r rheol yn { $path }: { $reason }
# en: this row breaks the rule at { $path }: { $reason }
rule-row-breaks-rule = mae'r rhes hon yn torri'r rheol yn { $path }: { $reason }
# en: { $message }: `{ $left }` against `{ $right }`
rule-compared = { $message }: `{ $left }` o'i gymharu â `{ $right }`
# en: the file has none of the columns { $columns }, so every row breaks the rule `{ $rule }` (“{ $message }”)
rule-columns-absent = nid oes gan y ffeil yr un o'r colofnau { $columns }, felly mae pob rhes yn torri'r rheol `{ $rule }` (“{ $message }”)

# src/check/table.rs
# en: the file's name says { $named }, but its content is { $kind }: it was read as { $kind }
table-name-says-other-format = mae enw'r ffeil yn dweud { $named }, ond { $kind } yw ei chynnwys: fe'i darllenwyd fel { $kind }
# en: rename the file to match its content
table-name-says-other-format-help = ailenwch y ffeil i gyd-fynd â'i chynnwys
# en: this file is not a table conform reads: it is { $what }
table-not-a-table = nid yw'r ffeil hon yn dabl y mae conform yn ei ddarllen: { $what } yw hi
# en: export the data as CSV (UTF-8), a spreadsheet or JSON
table-not-a-table-help = allforiwch y data fel CSV (UTF-8), taenlen neu JSON
# en: the table has no columns
table-no-columns = nid oes colofnau gan y tabl
# en: export the data again, with the header row the standard defines
table-no-columns-help = allforiwch y data eto, gyda'r rhes bennawd y mae'r safon yn ei diffinio
# en: the cell in `{ $column }` holds the formula error { $error }, not a value
table-formula-error = mae'r gell yn `{ $column }` yn dal y gwall fformiwla { $error }, nid gwerth
# en: fix the formula (or paste the values in as values) and export again
table-formula-error-help = cywirwch y fformiwla (neu gludwch y gwerthoedd i mewn fel gwerthoedd) ac allforiwch eto

# src/check/parse.rs
# en: a quoted cell on line { $line } has text after its closing quote (`{ $excerpt }`): the cell was read with that quote left out
parse-text-after-quote = mae gan gell mewn dyfynodau ar linell { $line } destun ar ôl ei dyfynnod cau (`{ $excerpt }`): darllenwyd y gell heb y dyfynnod hwnnw
# en: a quoted cell on line { $line } has text after its closing quote (`{ $excerpt }`), which shifts the row's cells out of line with the header: its cells were not checked
parse-text-after-quote-unchecked = mae gan gell mewn dyfynodau ar linell { $line } destun ar ôl ei dyfynnod cau (`{ $excerpt }`), sy'n symud celloedd y rhes fel nad ydynt yn cyd-fynd â'r pennawd: ni wiriwyd ei chelloedd
# en: write a quote inside a quoted cell twice (""), as in "Tree Order 18/01"". Done"
parse-quote-twice-help = ysgrifennwch ddyfynnod y tu mewn i gell mewn dyfynodau ddwywaith (""), fel yn "Tree Order 18/01"". Done"
# en: a quote opens a cell on line { $line } but nothing closes it: this row was read up to the end of line { $line } and its cells were not checked
parse-unclosed-quote = mae dyfynnod yn agor cell ar linell { $line } ond nid oes dim yn ei gau: darllenwyd y rhes hon hyd at ddiwedd llinell { $line } ac ni wiriwyd ei chelloedd
# en: close the quote at the end of the cell, or write a quote inside a cell twice ("")
parse-close-quote-help = caewch y dyfynnod ar ddiwedd y gell, neu ysgrifennwch ddyfynnod y tu mewn i gell ddwywaith ("")
# en: a quote opens a cell on line { $line } and is not closed within { $limit }: the { $size } from there to the end of the file were not read
parse-quote-too-long = mae dyfynnod yn agor cell ar linell { $line } ac nid yw'n cau o fewn { $limit }: ni ddarllenwyd y { $size } o'r fan honno hyd at ddiwedd y ffeil
# en: the row starting on line { $line } is { $size } long, over conform's limit of { $limit } for one row, and was not read
parse-row-too-long = mae'r rhes sy'n dechrau ar linell { $line } yn { $size } o hyd, dros derfyn conform o { $limit } ar gyfer un rhes, ac ni chafodd ei darllen
# en: check that the file is CSV with line ends between its rows; a row this long is usually a file with no line ends or a cell holding a whole document
parse-row-too-long-help = gwiriwch fod y ffeil yn CSV gyda thoriadau llinell rhwng ei rhesi; fel arfer, ffeil heb doriadau llinell yw rhes mor hir â hyn, neu gell sy'n dal dogfen gyfan
# en: { $size } MiB
parse-size-mib = { $size } MiB
# en: { $size } MB
parse-size-mb = { $size } MB
# en: { $size } bytes
parse-size-bytes = { $size } beit

# src/read/mod.rs
# en: it unpacks to more than { $megabytes } MB
read-too-large = mae'n dadbacio i fwy na { $megabytes } MB
# en: a zip archive (an .xlsx or .ods spreadsheet saved with a .csv name?)
read-binary-zip = archif zip (taenlen .xlsx neu .ods a gadwyd ag enw .csv?)
# en: an old-style Excel workbook (.xls)
read-binary-xls = llyfr gwaith Excel hen arddull (.xls)
# en: a PDF document
read-binary-pdf = dogfen PDF
# en: this file is not CSV text: it is { $what }
read-not-csv = nid testun CSV yw'r ffeil hon: { $what } yw hi
# en: open it in the program that made it and export it as CSV UTF-8
read-not-csv-help = agorwch hi yn y rhaglen a'i gwnaeth, ac allforiwch hi fel CSV UTF-8
# en: it starts with a byte order mark
read-utf16-bom = mae'n dechrau gyda nod trefn beitiau
# en: without a byte order mark: every other byte is zero, as in English text written in UTF-16
read-utf16-no-bom = heb nod trefn beitiau: mae pob yn ail feit yn sero, fel mewn testun Saesneg a ysgrifennwyd yn UTF-16
# en: the file is { $encoding } ({ $told_by }), not UTF-8
read-utf16 = { $encoding } yw'r ffeil ({ $told_by }), nid UTF-8
# en: it was read as UTF-16; save it again as "CSV UTF-8 (Comma delimited)" so that other tools can read it
read-utf16-help = fe'i darllenwyd fel UTF-16; cadwch hi eto fel "CSV UTF-8 (Comma delimited)" fel y gall offer eraill ei darllen
# en: line { $line }, column { $column } holds a NUL byte (0x00): this is binary data, not CSV text
read-nul-byte = mae llinell { $line }, colofn { $column } yn cynnwys beit NUL (0x00): data deuaidd yw hyn, nid testun CSV
# en: export the data again as CSV UTF-8; if it is UTF-16 text without a byte order mark, pass --encoding utf-16le
read-nul-byte-help = allforiwch y data eto fel CSV UTF-8; os yw'n destun UTF-16 heb nod trefn beitiau, defnyddiwch --encoding utf-16le
# en: line { $line }, column { $column }: byte 0x{ $byte } is not valid UTF-8, and Windows-1252 does not define it either
read-undefined-byte = llinell { $line }, colofn { $column }: nid yw beit 0x{ $byte } yn UTF-8 dilys, ac nid yw Windows-1252 yn ei ddiffinio chwaith
# en: the file may be damaged or in another encoding; export it again as CSV UTF-8, or name its encoding with --encoding
read-undefined-byte-help = efallai fod y ffeil wedi'i difrodi neu mewn amgodiad arall; allforiwch hi eto fel CSV UTF-8, neu enwch ei hamgodiad gyda --encoding
# en: the file is not UTF-8: line { $line }, column { $column } has byte 0x{ $byte }, which is `{ $character }` in Windows-1252
read-windows-1252 = nid yw'r ffeil yn UTF-8: mae gan linell { $line }, colofn { $column } feit 0x{ $byte }, sef `{ $character }` yn Windows-1252
# en: the file was read as Windows-1252 (what Excel writes for "CSV" on Windows); save it as "CSV UTF-8 (Comma delimited)" instead
read-windows-1252-help = darllenwyd y ffeil fel Windows-1252 (yr hyn y mae Excel yn ei ysgrifennu ar gyfer "CSV" ar Windows); cadwch hi fel "CSV UTF-8 (Comma delimited)" yn lle hynny

# src/read/detect.rs
# en: zstd-compressed data
read-detect-zstd = data wedi'i gywasgu â zstd
# en: an image
read-detect-image = delwedd

# src/read/table/mod.rs
# en: conform cannot read { $format } files yet
read-table-unsupported = ni all conform ddarllen ffeiliau { $format } eto
# en: the { $reader } failed on this file, which is damaged or not what it seems ({ $detail })
read-reader-failed = methodd { $reader } ar y ffeil hon, sydd wedi'i difrodi neu nad yw'r hyn y mae'n ymddangos ei bod ({ $detail })
# en: spreadsheet reader
read-reader-spreadsheet = y darllenydd taenlenni
# en: Parquet and Arrow reader
read-reader-parquet-arrow = y darllenydd Parquet ac Arrow
# en: Arrow reader
read-reader-arrow = y darllenydd Arrow
# en: Parquet reader
read-reader-parquet = y darllenydd Parquet

# src/read/table/sheet.rs
# en: the sheet holds more than 4 GB of text
read-sheet-over-4gb = mae'r ddalen yn dal mwy na 4 GB o destun
# en: the workbook is too large to read: { $reason }
read-workbook-too-large = mae'r llyfr gwaith yn rhy fawr i'w ddarllen: { $reason }
# en: open the workbook in Excel or LibreOffice and save it again, as .xlsx or as CSV UTF-8; if it will not open, ask whoever exported it for a new copy
read-workbook-damaged-help = agorwch y llyfr gwaith yn Excel neu LibreOffice a'i gadw eto, fel .xlsx neu fel CSV UTF-8; os na fydd yn agor, gofynnwch i bwy bynnag a'i allforiodd am gopi newydd
# en: the workbook cannot be read: { $error }
read-workbook-unreadable = nid oes modd darllen y llyfr gwaith: { $error }
# en: the workbook is not a valid zip archive: { $error }
read-workbook-not-zip = nid yw'r llyfr gwaith yn archif zip ddilys: { $error }
# en: the workbook unpacks to { $megabytes } MB, more than conform reads ({ $limit } MB): it may be a zip bomb
read-workbook-zip-bomb = mae'r llyfr gwaith yn dadbacio i { $megabytes } MB, mwy nag y mae conform yn ei ddarllen ({ $limit } MB): efallai ei fod yn fom zip
# en: the sheet has more than { $max } cells
read-sheet-too-many-cells = mae gan y ddalen fwy na { $max } cell
# en: sheet `{ $sheet }` cannot be read: { $reason }
read-sheet-unreadable = nid oes modd darllen dalen `{ $sheet }`: { $reason }
# en: sheet `{ $sheet }` has no header row: no row near the top holds two or more column names
read-sheet-no-header = nid oes gan ddalen `{ $sheet }` res bennawd: nid oes unrhyw res ger y brig yn dal dau enw colofn neu fwy
# en: put the column names in one row above the data
read-sheet-no-header-help = rhowch enwau'r colofnau mewn un rhes uwchben y data
# en: the workbook has { $sheets } sheets; checked `{ $sheet }`, the first that holds a table; pass --sheet to choose another
read-sheet-chosen = mae gan y llyfr gwaith { $sheets } dalen; gwiriwyd `{ $sheet }`, y gyntaf sy'n dal tabl; defnyddiwch --sheet i ddewis un arall
# en: the workbook has { $sheets } sheets; checked `{ $sheet }`, the first that holds a table (sheets before it hold no table: { $skipped }); pass --sheet to choose another
read-sheet-chosen-after = mae gan y llyfr gwaith { $sheets } dalen; gwiriwyd `{ $sheet }`, y gyntaf sy'n dal tabl (nid oes tabl yn y dalennau o'i blaen: { $skipped }); defnyddiwch --sheet i ddewis un arall
# en: no sheet of the workbook holds a table: no row near the top of any sheet has two or more column names
read-workbook-no-table = nid oes tabl yn unrhyw ddalen o'r llyfr gwaith: nid oes gan unrhyw res ger brig unrhyw ddalen ddau enw colofn neu fwy
# en: put the column names in one row above the data, or pass --sheet
read-workbook-no-table-help = rhowch enwau'r colofnau mewn un rhes uwchben y data, neu defnyddiwch --sheet
# en: --sheet { $wanted }: the workbook has { $count } sheets: { $sheets }
read-sheet-number-missing = --sheet { $wanted }: mae gan y llyfr gwaith { $count } dalen: { $sheets }
# en: --sheet { $wanted }: the workbook has no such sheet. Its sheets are: { $sheets }
read-sheet-missing = --sheet { $wanted }: nid oes dalen o'r fath yn y llyfr gwaith. Ei ddalennau yw: { $sheets }
# en: --sheet { $wanted }: the workbook has no such sheet. Did you mean `{ $guess }`? Its sheets are: { $sheets }
read-sheet-missing-guess = --sheet { $wanted }: nid oes dalen o'r fath yn y llyfr gwaith. Ai `{ $guess }` oedd gennych mewn golwg? Ei ddalennau yw: { $sheets }
# en: 1 row above the header (a title block) was skipped; the header is row { $header }
read-sheet-title-skipped-one = hepgorwyd 1 rhes uwchben y pennawd (bloc teitl); y pennawd yw rhes { $header }
# en: { $rows } rows above the header (a title block) were skipped; the header is row { $header }
read-sheet-title-skipped = hepgorwyd { $rows } rhes uwchben y pennawd (bloc teitl); y pennawd yw rhes { $header }

# src/read/table/xls_extent.rs
# en: the workbook's sheets claim more than { $millions } million cells between their first and last, more than an .xls file can hold: it is damaged or was not written by a spreadsheet program
read-xls-too-many-cells = mae dalennau'r llyfr gwaith yn hawlio mwy na { $millions } miliwn o gelloedd rhwng eu cell gyntaf a'u cell olaf, mwy nag y gall ffeil .xls ei dal: mae wedi'i ddifrodi neu ni chafodd ei ysgrifennu gan raglen daenlen
# en: the .xls file is damaged: its container cannot be read ({ $error })
read-xls-damaged = mae'r ffeil .xls wedi'i difrodi: nid oes modd darllen ei chynhwysydd ({ $error })

# src/read/table/json.rs
# en: the JSON is too large to read: { $reason }
read-json-too-large = mae'r JSON yn rhy fawr i'w ddarllen: { $reason }
# en: the JSON is malformed at line { $line }, column { $column }: { $error }
read-json-malformed = mae'r JSON wedi'i gamffurfio ar linell { $line }, colofn { $column }: { $error }
# en: fix the JSON there (a missing comma or bracket, a stray quote); a JSON validator shows the same place
read-json-malformed-help = cywirwch y JSON yno (coma neu fraced ar goll, dyfynnod crwydr); mae dilysydd JSON yn dangos yr un lle
# en: the JSON holds no table: conform reads an array of objects, an object with one array of objects (such as {"{"}"grants": [...]{"}"}), or a GeoJSON FeatureCollection
read-json-no-table = nid oes tabl yn y JSON: mae conform yn darllen arae o wrthrychau, gwrthrych ag un arae o wrthrychau (fel {"{"}"grants": [...]{"}"}), neu FeatureCollection GeoJSON
# en: line { $line } is not a JSON object
read-jsonl-not-object = nid yw llinell { $line } yn wrthrych JSON
# en: line { $line } is not valid JSON: { $error }
read-jsonl-invalid = nid yw llinell { $line } yn JSON dilys: { $error }
# en: the rows have more than { $max } different keys: { $dropped } keys beyond them were not read
read-json-too-many-keys = mae gan y rhesi fwy na { $max } allwedd wahanol: ni ddarllenwyd { $dropped } allwedd y tu hwnt iddynt
# en: this row nests objects and arrays more than 128 levels deep, deeper than conform reads: its values were not read
read-json-too-deep = mae'r rhes hon yn nythu gwrthrychau ac araeau fwy na 128 lefel o ddyfnder, yn ddyfnach nag y mae conform yn ei ddarllen: ni ddarllenwyd ei gwerthoedd
# en: this row cannot be read, so its values were not checked: { $error }
read-json-row-unreadable = nid oes modd darllen y rhes hon, felly ni wiriwyd ei gwerthoedd: { $error }

# src/read/table/columnar.rs
# en: the file is too large to read whole: { $reason }
read-columnar-too-large = mae'r ffeil yn rhy fawr i'w darllen yn gyfan: { $reason }
# en: the { $format } file cannot be read: { $error }
read-columnar-unreadable = nid oes modd darllen y ffeil { $format }: { $error }
# en: row group { $group } holds { $rows } rows of { $columns } columns, more than conform reads at once ({ $max } cells)
read-columnar-row-group-too-large = mae grŵp rhesi { $group } yn dal { $rows } rhes o { $columns } colofn, mwy nag y mae conform yn ei ddarllen ar unwaith ({ $max } cell)
# en: column `{ $column }` has the type { $dtype }, which conform cannot read as values: { $error }
read-columnar-column-type = mae gan golofn `{ $column }` y math { $dtype }, na all conform ei ddarllen fel gwerthoedd: { $error }
# en: a column cannot be read as text: { $error }
read-columnar-not-text = nid oes modd darllen colofn fel testun: { $error }


# src/formats/mod.rs: what each value format expects, as findings say it.
# en: the required format
format-required = y fformat gofynnol
# en: an ISO 8601 date written YYYY-MM-DD (e.g. 2025-10-31)
format-date = dyddiad ISO 8601 wedi'i ysgrifennu YYYY-MM-DD (e.e. 2025-10-31)
# en: an ISO 8601 date YYYY-MM-DD, or YYYY-MM or YYYY where only the month or year is known (e.g. 2025-10-31)
format-partial-date = dyddiad ISO 8601 YYYY-MM-DD, neu YYYY-MM neu YYYY lle mai dim ond y mis neu'r flwyddyn sy'n hysbys (e.e. 2025-10-31)
# en: an ISO 8601 date YYYY-MM-DD, or a date and time (e.g. 2025-10-31 or 2025-10-31T14:30:00Z)
format-date-or-date-time = dyddiad ISO 8601 YYYY-MM-DD, neu ddyddiad ac amser (e.e. 2025-10-31 neu 2025-10-31T14:30:00Z)
# en: a boundary in WKT: POLYGON or MULTIPOLYGON (e.g. MULTIPOLYGON (((-0.1 51.5, ...))))
format-wkt-multipolygon = ffin mewn WKT: POLYGON neu MULTIPOLYGON (e.e. MULTIPOLYGON (((-0.1 51.5, ...))))
# en: a point in WKT: POINT (longitude latitude) (e.g. POINT (-0.681152 52.762892))
format-wkt-point = pwynt mewn WKT: POINT (hydred lledred) (e.e. POINT (-0.681152 52.762892))
# en: an ISO 8601 date and time (e.g. 2025-10-31T14:30:00Z)
format-date-time = dyddiad ac amser ISO 8601 (e.e. 2025-10-31T14:30:00Z)
# en: a time written hh:mm:ss (e.g. 14:30:00)
format-time = amser wedi'i ysgrifennu hh:mm:ss (e.e. 14:30:00)
# en: an email address (e.g. data@council.gov.uk)
format-email = cyfeiriad e-bost (e.e. data@council.gov.uk)
# en: a full web address starting with a scheme (e.g. https://www.example.gov.uk/page)
format-uri = cyfeiriad gwe llawn sy'n dechrau gyda chynllun (e.e. https://www.example.gov.uk/page)
# en: a UUID (e.g. 123e4567-e89b-12d3-a456-426614174000)
format-uuid = UUID (e.e. 123e4567-e89b-12d3-a456-426614174000)
# en: a UK date written dd/mm/yyyy (e.g. 31/10/2025)
format-uk-date = dyddiad DU wedi'i ysgrifennu dd/mm/yyyy (e.e. 31/10/2025)
# en: a UK postcode in capitals with one space (e.g. EX2 4QD)
format-uk-postcode = cod post yn y DU mewn priflythrennau gydag un bwlch (e.e. EX2 4QD)
# en: an ONS GSS code: a letter and 8 digits (e.g. E10000008)
format-gss-code = cod GSS yr ONS: llythyren ac 8 digid (e.e. E10000008)
# en: a UPRN: a number of 1 to 12 digits (e.g. 100023336956)
format-uprn = UPRN: rhif o 1 i 12 digid (e.e. 100023336956)
# en: a USRN: a number of 1 to 8 digits (e.g. 21000123)
format-usrn = USRN: rhif o 1 i 8 digid (e.e. 21000123)
# en: a Companies House number: 8 digits, or 2 letters and 6 digits (e.g. 09506232, SC123456)
format-company-number = rhif Tŷ'r Cwmnïau: 8 digid, neu 2 lythyren a 6 digid (e.e. 09506232, SC123456)
# en: a charity number: 6 or 7 digits in England and Wales, SC and 6 digits in Scotland (e.g. 1090095, SC042386)
format-charity-number = rhif elusen: 6 neu 7 digid yng Nghymru a Lloegr, SC a 6 digid yn yr Alban (e.e. 1090095, SC042386)
# en: an org-id.guide identifier: a list prefix and an id (e.g. GB-COH-09506232)
format-org-id = dynodydd org-id.guide: rhagddodiad rhestr a dynodydd (e.e. GB-COH-09506232)
# en: a JSON object (e.g. {"{"}"name": "Old Town"{"}"})
format-json-object = gwrthrych JSON (e.e. {"{"}"name": "Old Town"{"}"})
# en: a JSON array (e.g. ["a", "b"])
format-json-array = arae JSON (e.e. ["a", "b"])
# en: a GeoJSON object (e.g. {"{"}"type": "Point", "coordinates": [-0.1, 51.5]{"}"})
format-geojson = gwrthrych GeoJSON (e.e. {"{"}"type": "Point", "coordinates": [-0.1, 51.5]{"}"})

# src/formats/date.rs: the forms dates are written in, and how to write one in the form asked.
# en: an ISO date
format-date-form-iso = dyddiad ISO
# en: a year-first date
format-date-form-year-first = dyddiad â'r flwyddyn yn gyntaf
# en: a date without separators
format-date-form-no-separators = dyddiad heb wahanyddion
# en: a UK (day-first) date
format-date-form-day-first = dyddiad DU (y diwrnod yn gyntaf)
# en: a date with a two-digit year
format-date-form-two-digit-year = dyddiad â blwyddyn dau ddigid
# en: a date with the month in words
format-date-form-month-in-words = dyddiad â'r mis mewn geiriau
# en: a US (month-first) date
format-date-form-month-first = dyddiad UDA (y mis yn gyntaf)
# en: an Excel date serial number
format-date-form-excel-serial = rhif cyfresol dyddiad Excel
# en: leave out the time: { $rewrite }
format-date-help-time = hepgorwch yr amser: { $rewrite }
# en: write { $fixed }
format-date-help-write = ysgrifennwch { $fixed }
# en: write it as { $fixed }
format-date-help-write-as = ysgrifennwch ef fel { $fixed }
# en: write it exactly as { $fixed }
format-date-help-exact = ysgrifennwch ef yn union fel { $fixed }
# en: write the year in full: { $fixed } (if { $short } is { $year })
format-date-help-full-year = ysgrifennwch y flwyddyn yn llawn: { $fixed } (os mai { $year } yw { $short })
# en: this looks like { $form }: { $rewrite }
format-date-help-looks-like = mae hwn yn edrych fel { $form }: { $rewrite }
# en: this is { $form } (a date cell saved as a number): { $rewrite }
format-date-help-excel = { $form } yw hwn (dyddiad a gadwyd fel rhif yn y gell): { $rewrite }
# en: this is { $form }; { $rewrite }
format-date-help-form = { $form } yw hwn; { $rewrite }
# en: there is no month { $month }
format-date-help-no-month = nid oes mis { $month }
# en: this date does not exist: month { $month } has no day { $day }
format-date-help-no-day = nid yw'r dyddiad hwn yn bodoli: nid oes diwrnod { $day } ym mis { $month }
# en: a year and month is written YYYY-MM with a month from 01 to 12
format-date-help-year-month = ysgrifennir blwyddyn a mis fel YYYY-MM, gyda mis o 01 i 12

# src/formats/ids.rs: the fixes offered for identifiers.
# en: write it in capitals with one space: { $fixed }
format-postcode-help-capitals = ysgrifennwch ef mewn priflythrennau gydag un bwlch: { $fixed }
# en: a postcode is an outward code, one space and an inward code of a digit and two letters (e.g. EX2 4QD)
format-postcode-help = mae cod post yn god allanol, un bwlch a chod mewnol o ddigid a dwy lythyren (e.e. EX2 4QD)
# en: did you mean { $code }?
format-gss-help-did-you-mean = ai { $code } oedd gennych mewn golwg?
# en: a GSS code is 9 characters; this value has { $characters }
format-gss-help-length = mae cod GSS yn 9 nod; mae gan y gwerth hwn { $characters }
# en: a spreadsheet turned the number into scientific notation, losing digits: format the column as text and export again
format-property-number-help-scientific = trodd taenlen y rhif yn nodiant gwyddonol, gan golli digidau: fformatiwch y golofn fel testun ac allforiwch eto
# en: spreadsheets drop leading zeros: { $rewrite }
format-company-number-help-zeros = mae taenlenni'n gollwng y seroau ar y dechrau: { $rewrite }
# en: write it as { $number } and format the column as text
format-company-number-help-write = ysgrifennwch ef fel { $number } a fformatiwch y golofn fel testun

# src/formats/web.rs: the fixes offered for web addresses.
# en: a web address cannot contain spaces: remove them, or { $rewrite }
format-uri-help-spaces = ni all cyfeiriad gwe gynnwys bylchau: tynnwch nhw, neu { $rewrite }
# en: write each as %20
format-uri-help-write-each = ysgrifennwch bob un fel %20
# en: write the whole address, starting with https://
format-uri-help-whole = ysgrifennwch y cyfeiriad cyfan, gan ddechrau gyda https://


# run/plan.rs: how a standard was chosen from the file's header.
# en: no standard given: matched { $standard } (table { $table }, { $matched } of its { $described } columns){ $how_sure }
plan-matched = ni roddwyd safon: y safon sy'n cyfateb yw { $standard } (tabl { $table }, { $matched } o'i { $described } colofn){ $how_sure }
# en: ; pass --standard to choose another
plan-sure = ; defnyddiwch --standard i ddewis un arall
# en: , fairly sure (the next best is { $other }); pass --standard to choose another
plan-fairly-sure = , yn weddol sicr (yr ail orau yw { $other }); defnyddiwch --standard i ddewis un arall
# en: , but { $other } fits almost as well: pass --standard { $standard } or --standard { $other } to be sure
plan-unsure = , ond mae { $other } yn cyd-fynd bron cystal: defnyddiwch --standard { $standard } neu --standard { $other } i fod yn sicr
# en: ; its header fits { $other } almost as well, but the values of { $rows } fit { $standard } better ({ $mine } values in its forms, against { $theirs }); pass --standard to choose another
plan-decided-by-values = ; mae ei phennawd yn cyd-fynd â { $other } bron cystal, ond mae gwerthoedd { $rows } yn cyd-fynd â { $standard } yn well ({ $mine } gwerth yn ei ffurfiau, yn erbyn { $theirs }); defnyddiwch --standard i ddewis un arall
# en: its { $rows } rows
plan-its-rows = ei { $rows } rhes
# en: its first { $rows } rows
plan-its-first-rows = ei { $rows } rhes gyntaf
# en: { $fit } of { $tested }
plan-values-fit = { $fit } o { $tested }
