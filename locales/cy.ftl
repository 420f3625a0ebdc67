# conform serve: the words on the page, in Welsh (Cymraeg).
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
file-hint = CSV neu TSV, Excel (.xlsx, .xls, .xlsb), OpenDocument (.ods), JSON, JSON Lines, GeoJSON, Parquet neu Arrow, hyd at { $limit }. Mae ffeil wedi'i sipio neu ei gzipio yn iawn.
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
error-stalled = Stopiodd y llwytho i fyny hanner ffordd. Dewiswch y ffeil a phwyso Gwirio eto.

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
summary-counts = Gwallau: { $errors }, rhybuddion: { $warnings }
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
standards-lede = Y safonau y mae conform yn eu hadnabod. Mae pob tudalen yn rhestru'r colofnau, beth mae'n rhaid i bob un ei gynnwys, a'r rheolau rhyngddynt.
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
code-parse-error = Mae'r CSV wedi'i ffurfio'n wael
# en: No header or no data
code-empty-file = Dim pennawd neu ddim data
# en: A spreadsheet cell holds a formula error
code-cell-error = Mae gwall fformiwla mewn cell taenlen
# en: A header cell is empty
code-blank-header = Mae cell pennawd yn wag
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
code-type = Nid yw'n rhif, cyfanrif na gwerth gwir/gau dilys
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
code-primary-key = Mae'r brif allwedd yn cael ei hailadrodd neu ar goll
# en: Value not found in the referenced table or code list
code-foreign-key = Heb ddod o hyd i'r gwerth yn y tabl neu'r rhestr godau y cyfeirir ati
# en: Too few or too many rows
code-row-count = Gormod neu rhy ychydig o resi
# en: A rule of the standard that conform cannot check
code-unchecked = Rheol yn y safon na all conform ei gwirio
# en: A cross-field rule failed
code-rule = Methodd rheol rhwng meysydd

# How to fix each.
# en: Save the file again choosing "CSV UTF-8 (Comma delimited)" in Excel, or convert it with `iconv -f WINDOWS-1252 -t UTF-8`.
fix-encoding = Cadwch y ffeil eto gan ddewis "CSV UTF-8 (Comma delimited)" yn Excel, neu ei throsi gyda `iconv -f WINDOWS-1252 -t UTF-8`.
# en: Open the file in the program that made it and export it again as CSV UTF-8. If it is an Excel workbook, save it as CSV first.
fix-encoding-error = Agorwch y ffeil yn y rhaglen a'i gwnaeth a'i hallforio eto fel CSV UTF-8. Os yw'n llyfr gwaith Excel, cadwch hi fel CSV yn gyntaf.
# en: Nothing, if the note describes the data you meant. Otherwise pass --sheet, remove the title rows, or rename the file to match its content.
fix-input = Dim byd, os yw'r nodyn yn disgrifio'r data roeddech yn ei olygu. Fel arall rhowch --sheet, tynnwch y rhesi teitl, neu ailenwch y ffeil i gyd-fynd â'i chynnwys.
# en: Find the line named and make sure every opening double quote has a closing one. A double quote inside a quoted cell is written twice ("").
fix-parse-error = Dewch o hyd i'r llinell a enwir a gwnewch yn siŵr bod dyfynnod cau ar gyfer pob dyfynnod agor. Mae dyfynnod dwbl y tu mewn i gell a ddyfynnwyd yn cael ei ysgrifennu ddwywaith ("").
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
fix-header-mismatch = Ailenwch y pennawd i enw union y safon.
# en: Reorder the columns to match the standard (see `conform standards template`).
fix-column-order = Aildrefnwch y colofnau i gyd-fynd â'r safon (gweler `conform standards template`).
# en: Delete the empty rows before exporting.
fix-blank-row = Dilëwch y rhesi gwag cyn allforio.
# en: Put double quotes around values that contain commas (`"Smith, J"`), or remove trailing delimiters.
fix-extra-cell = Rhowch ddyfynodau dwbl o amgylch gwerthoedd sy'n cynnwys atalnodau (`"Smith, J"`), neu tynnwch amffinyddion ar y diwedd.
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
fix-unique = Rhowch ei dynodydd ei hun i bob rhes, neu tynnwch y rhes ddyblyg. Mae'r neges yn enwi'r rhes gyntaf sydd â'r gwerth.
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
check-blank-row = does dim gwerthoedd yn y rhes hon
# en: delete the empty row
check-blank-row-help = dilëwch y rhes wag
# en: this row has { $cells } cells, but the header has { $columns } columns
check-extra-cell = mae gan y rhes hon { $cells } cell, ond mae gan y pennyn { $columns } colofn
# en: the extra cells are empty: remove the delimiters at the end of the row
check-extra-cell-empty-help = mae'r celloedd ychwanegol yn wag: tynnwch yr amffinyddion ar ddiwedd y rhes
# en: a value probably contains the delimiter without quotes around it: quote it ("Smith, J")
check-extra-cell-help = mae'n debyg bod gwerth yn cynnwys yr amffinydd heb ddyfynodau o'i gwmpas: rhowch ddyfynodau o'i gwmpas ("Smith, J")
# en: this row has { $cells } cells, but the header has { $columns } columns: `{ $name }` onwards are missing
check-missing-cell = mae gan y rhes hon { $cells } cell, ond mae gan y pennyn { $columns } colofn: mae `{ $name }` a'r colofnau ar ei ôl ar goll
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
check-title-rows = { $lines }, nid y pennyn: mae'r pennyn ar linell { $line }, a gwirir y rhesi oddi tano
# en: delete the title rows so that the header is the first line
check-title-rows-help = dilëwch y rhesi teitl fel mai'r pennyn yw'r llinell gyntaf
# en: the file is empty: it has no header row
check-no-header = mae'r ffeil yn wag: nid oes ganddi res bennyn
# en: export the data again, with the header row the standard defines
check-no-header-help = allforiwch y data eto, gyda'r rhes bennyn y mae'r safon yn ei diffinio
# en: the header has { $cells } cells, more than the { $max } columns a spreadsheet can hold: only the first { $max } are read
check-header-too-wide = mae gan y pennyn { $cells } cell, mwy na'r { $max } colofn y gall taenlen eu dal: dim ond y { $max } cyntaf a ddarllenir
# en: check the delimiter (--delimiter) and that the file is a table; a header this wide is usually a file read with the wrong delimiter
check-header-too-wide-help = gwiriwch yr amffinydd (--delimiter) a bod y ffeil yn dabl; fel arfer mae pennyn mor llydan â hyn yn ffeil a ddarllenwyd gyda'r amffinydd anghywir
# en: the file has a header but no data rows
check-no-rows = mae gan y ffeil bennyn ond dim rhesi data
# en: export the data again; the standard expects at least one row
check-no-rows-help = allforiwch y data eto; mae'r safon yn disgwyl o leiaf un rhes
# en: the file has { $rows } data rows, but the table needs at least { $min }
check-too-few-rows = mae gan y ffeil { $rows } rhes ddata, ond mae'r tabl angen o leiaf { $min }
# en: the file has { $rows } data rows, but the table allows at most { $max }
check-too-many-rows = mae gan y ffeil { $rows } rhes ddata, ond mae'r tabl yn caniatáu { $max } ar y mwyaf
