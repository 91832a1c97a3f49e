# gongwen's messages for people, in English. Every message here is also in zh.ftl, with
# the same variables (tests/messages.rs). Codes and JSON keys are never translated.

## How nodes are named inside messages

# A node: `item 15`, `section (三)`, `article 第十五条`.
node = { $kind ->
    [part] part
    [chapter] chapter
    [section] section
    [subitem] subitem
    [article] article
   *[item] item
 } { $label }
# A kind of node, alone.
kind = { $kind ->
    [part] part
    [chapter] chapter
    [section] section
    [subitem] subitem
    [article] article
   *[item] item
 }
# A kind of node, counted.
kinds = { $kind ->
    [part] parts
    [chapter] chapters
    [section] sections
    [subitem] subitems
    [article] articles
   *[item] items
 }
top-level = the top level

## Numbering

numbering-restarts = { $kind } numbering restarts at { $label } under { $parent }, but elsewhere in this document it runs on; expected { $expected }
numbering-runs-on = { $kind } numbering runs on to { $label } under { $parent }, but elsewhere in this document it restarts at 1 under each parent
suggest-renumber-as = renumber { $label } as { $expected }
numbering-one-wrong = { $node } at line { $line } is probably { $expected }: the numbers run { $around }
suggest-renumber-at = renumber `{ $label }` at line { $line } as `{ $expected }`
numbering-starts-at = { $node } starts the numbering at { $number }; expected { $expected }
suggest-renumber-from = renumber from { $expected }
numbering-missing = { $kind } { $missing } { $count ->
    [1] is
   *[other] are
 } missing before { $node } at line { $line }
suggest-renumber-or-add = renumber from `{ $label }` at line { $line }, or add the missing { $kind }
numbering-repeats = { $node } at line { $line } repeats the number before it
numbering-out-of-order = { $node } at line { $line } comes after { $previous }; expected { $expected }
note-restarts = the numbering restarts here although the parent did not change
note-word-mixed = the number at line { $auto } is Word's automatic numbering and the one at line { $typed } is typed: number them the same way (apply the list to the typed paragraph, or type them all)
note-word-auto = these numbers are Word's automatic numbering: the list restarts or continues where it should not (right-click the number: Restart at 1 / Continue numbering; in WPS 重新开始编号 / 继续编号)

## Form

mixed-label-style = { $node } is written `{ $label }` but { $like } of its { $siblings } siblings are written like `{ $example }`
suggest-write = write `{ $text }`
unclosed-bracket = `{ $open }` is never closed
unclosed-bracket-on-line = `{ $open }` is never closed on its line
suggest-close-where-it-ends = add `{ $close }` where the bracketed text ends
note-more-unclosed = { $more } more brackets opened after it are not closed either
mismatched-bracket = `{ $open }` is closed by `{ $close }`
suggest-close-with = close it with `{ $close }`
unmatched-bracket = `{ $close }` closes no bracket on this line
note-more-unmatched = { $more } more closing brackets on this line close nothing
doc-number-brackets = document number `{ $number }` puts its year in `{ $brackets }`; GB/T 9704-2012 prescribes `〔〕`
missing-responsibility = { $node } has no responsibility clause, but { $with } of the { $all } { $kinds } of this document have one
suggest-add-clause = add a clause such as `（省商务厅负责）` at the end of the item
suggest-add-clause-like = name its owners as this document does elsewhere, as at line { $line }: `{ $example }`
empty-heading = { $node } has no text after its label

## The document as a whole

empty-document = the document is empty (or holds only white space)
no-outline = no numbered headings (一、 （一） 1. （1） 第一章 第一条) were found; the whole text is in `preamble`
note-nothing-dropped = nothing was dropped: the text is kept in `preamble` and `skipped`
reports-left-out = { $count } more `{ $code }` reports from here on are not shown
note-reports-cap = at most { $max } reports of one kind are given for a document; fix these and check again

## The compiler-style listing of `gongwen check`

note-see-line = see also line { $line }
label-related = related
note-in-paragraph = in paragraph { $paragraph } of the Word file
note-on-page = on page { $page } of the { $format } file
help = help: { $suggestion }
summary = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
 }, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
 }, { $notes ->
    [one] 1 note
   *[other] { $notes } notes
 }

## Reading: what was left out or could not be read

headings-left-out = { $count } more headings from here on are not read as nodes: a document of this size holds at most { $max } nodes
note-nodes-cap = a document holds at most { $min } nodes and one more for every { $bytes } bytes; the text after the last node is kept in it
citations-left-out = { $count } more citations (《…》) from here on are not listed: a document of this size holds at most { $max }
note-citations-cap = a document holds at most { $min } citations and one more for every { $bytes } bytes
attachments-left-out = the list of attachments goes on past { $max }: only the first { $max } are listed
names-left-out = { $count } more units from here on are not listed: a document of this size names at most { $max } different units
note-names-cap = a document names at most { $min } different units and one more for every { $bytes } bytes
quantities-left-out = { $count } more quantities from here on are not listed: a document of this size holds at most { $max }
note-quantities-cap = a document holds at most { $min } quantities and one more for every { $bytes } bytes
units-left-out = { $count ->
    [1] a responsibility clause here names
   *[other] { $count } responsibility clauses, the first here, name
 } more than { $max } units: only the first { $max } of each are listed
clauses-left-out = { $count } more responsibility clauses from here on are not listed: a document of this size holds at most { $max }
note-clauses-cap = a document holds at most { $min } responsibility clauses and one more for every { $bytes } bytes
page-decode-errors = { $count } stretches of the page were not valid { $encoding } and were replaced by U+FFFD
many-elements = the page holds more elements than gongwen reads for its size (about { $max } with its pieces of text); { $count } tags, comments and scripts past them were read without their structure or left out (the text is kept)
deep-markup = the page nests elements more than { $depth } deep; { $count } tags past that depth were read without their structure (their text is kept)
damaged-word = the Word file is damaged ({ $reason }); the text before the damage is read
suggest-save-again = open it in Word or WPS and save it again
file-left-out = the { $format } file holds more than gongwen reads: { $what } were not read
suggest-split = split the file into its documents and read each
damaged-pdf-page = page { $page } of the PDF could not be read ({ $reason }); the other pages are
suggest-print-pdf = open it in a PDF viewer and print it to a new PDF, then read that
decode-error = bytes that are not valid { $encoding } were replaced by U+FFFD
suggest-encoding = if the text looks wrong, name the encoding with --encoding (e.g. --encoding gb18030)
note-more-decode-errors = { $count } more places with malformed bytes are not listed

## Dates

impossible-date = `{ $date }` is no day of the calendar
note-month-days = { $month }/{ $year } has { $days } days
note-day-zero = there is no day 0
note-no-such-month = there is no month { $month }
suggest-check-date = check the date against the decision or the calendar, and write it again

## The HTML report (`gongwen report`)

report-title = gongwen report
report-count = { $what ->
    [chapters] { $n } chapters
    [sections] { $n } sections
    [items] { $n } items
    [articles] { $n } articles
    [tasks] { $n } tasks
    [units] { $n } units
    [targets] { $n } targets
    [errors] { $n ->
        [one] 1 error
       *[other] { $n } errors
     }
   *[warnings] { $n ->
        [one] 1 warning
       *[other] { $n } warnings
     }
 }
report-problems = Numbering and form
report-no-problems = No numbering or form problems were found.
report-line = line { $line }
report-severity = { $severity ->
    [error] error
    [warning] warning
   *[info] note
 }
report-who = Who does what
report-no-units = No responsible units were found in this document.
report-unit = Unit
report-role = { $role ->
    [lead] Leads (牵头)
    [responsible] Responsible (负责)
   *[support] Supports (配合)
 }
report-targets = Targets
report-no-targets = No quantified targets were found in this document.
report-target-text = As written
report-value = Value
report-measure = Unit
report-qualifier = Bound
qualifier = { $qualifier ->
    [exact] exactly
    [at_least] at least (the number included)
    [more_than] more than
    [at_most] at most (the number included)
    [less_than] less than
    [about] about
    [range] range
    [change] change
   *[ratio] ratio
 }
report-deadline = Deadline
report-task = Task
report-preamble = (before the first heading)
report-document = The document
report-legend-target = target
report-legend-problem = problem
report-clause = responsibility clause
report-skipped = skipped: { $reason }
report-outline = Outline
report-index = { $count ->
    [one] 1 document
   *[other] { $count } documents
 }
report-file = File
report-doc-title = Title
report-problem-count = Problems
report-unreadable = could not be read: { $reason }
report-column = { $what ->
    [tasks] Tasks
    [units] Units
   *[targets] Targets
 }
report-severity-head = { $severity ->
    [error] error:{" "}
    [warning] warning:{" "}
   *[info] note:{" "}
 }

## `gongwen check --fix` and `--diff`

fix-not-text = --fix rewrites text files only; this is a { $format } file: make the changes in the program that writes it
fix-not-same = not rewritten: its bytes are not what gongwen writes for the text it read as { $encoding } (malformed bytes, or a form changed while reading); fix it by hand or convert it to UTF-8 first
fix-not-encodable = not rewritten: a fix has a character { $encoding } cannot hold
fix-not-file = standard input is not rewritten; give the file's name
fix-summary = { $file }: { $mode ->
    [done] fixed
   *[would] --fix would fix
 } { $fixed ->
    [one] 1 problem
   *[other] { $fixed } problems
 } ({ $edits ->
    [one] 1 edit
   *[other] { $edits } edits
 })
fix-conflicts = { $file }: { $count ->
    [one] 1 more fix overlaps
   *[other] { $count } more fixes overlap
 } one made now; run --fix again
summary-fixable = ; { $count ->
    [one] 1 can be fixed
   *[other] { $count } can be fixed
 } with `gongwen check --fix` (preview: `--diff`)

## Levels, forms, dates, titles, attachments

wrong-level = { $node } at line { $line } comes after the { $kinds } of { $parent } (`{ $previous }`): a { $kind } stands before them, never among them
suggest-check-level = check the level of `{ $label }`: number it on with the { $kinds } before it, or put them under a { $kind } of their own
label-forms = the { $count } { $kinds } of this list are written in { $forms } forms ({ $examples }); one level writes its labels in one form
suggest-one-form = write them all as the first one is, like `{ $example }`
date-order = the date of writing { $date } is after the date of publication { $published }
title-punctuation = the title has `{ $mark }`: GB/T 9704 writes titles without punctuation marks but 书名号 and the like
suggest-title-without = leave `{ $mark }` out of the title (a line break or a space may part its words)
attachment-count = the attachments note lists { $listed ->
    [one] 1 attachment
   *[other] { $listed } attachments
 }, but the document carries { $present }
suggest-attachments = make the note (附件：1.… 2.…) and the attachments that follow the document agree

## Punctuation and numbers (GB/T 15834, GB/T 15835; off unless selected)

half-width-punctuation = { $count ->
    [one] a half-width mark
   *[other] { $count } half-width marks
 } between Chinese characters on this line (`{ $mark }`)
suggest-full-width = write them full-width: `，` `；` `：` `？` `！`
full-width-digits = `{ $digits }` is written in full-width digits
range-hyphen = the range `{ $range }` is joined by a hyphen

## The document type (文种)

closing-mismatch = the closing `{ $closing }` is that of a { $fits }, but this document is a { $genre }
suggest-closing = check the document type and the closing: they must agree
address-word = `{ $word }` addresses a superior or an equal, but this { $genre } goes to subordinates
report-asks-approval = this 报告 asks for approval (`{ $words }`); a 报告 carries no request
suggest-request = send the request as a 请示 of its own

## Input that cannot be read (gongwen::Error)

error-not-text = this is { $what }, not text: { $advice }
error-unreadable = this is { $what } that cannot be read: { $reason }
error-unknown-encoding = unknown encoding '{ $label }': use a label such as utf-8, gb18030, gbk, big5, utf-16le or utf-16be
error-too-large = this input is { $bytes } bytes, and gongwen reads at most 4 GiB: split it into its documents first
error-lexicon = line { $line }: { $message }
what-ofd-images = an OFD file without text (its pages are images)
what-pdf-scan = a PDF without a text layer (a scan)
what-binary = a binary file (it holds NUL bytes)
what-pdf-broken = a PDF file
what-zip = a ZIP archive that is neither a Word document nor an OFD file (an .xlsx, .pptx or .zip file)
what-rtf = an RTF file
what-png = a PNG image
what-jpeg = a JPEG image
what-gif = a GIF image
what-executable = an executable
what-gzip = a gzip archive
what-office-password = an Office file protected by a password
what-old-word = an old Word or WPS file (.doc, .wps)
what-old-office = an old Office file (.xls, .ppt)
what-pdf = a PDF file
what-pdf-password = a password-protected PDF file
what-password = a file protected by a password
what-ofd = an OFD file
what-docx = a Word file (.docx)
advice-ocr = run OCR on it first
advice-ocr-pdf = run OCR on it first (for example `ocrmypdf -l chi_sim in.pdf out.pdf`), then read the result
advice-convert = gongwen reads text; convert it to plain text first
advice-convert-how = convert it to plain text first (for example: save as .txt, or `pdftotext`/`pandoc -t plain`)
advice-pdf-broken = it starts like a PDF but has no PDF header: extract its text with another tool (`pdftotext -layout file.pdf`) and read that
advice-zip = gongwen reads Word files (.docx), web pages and text: unpack it, or save the document as .docx
advice-image = gongwen reads text; run OCR first if the image holds a document
advice-text-only = gongwen reads text
advice-decompress = decompress it first
advice-office-password = open it, remove the password (File → Info → Protect Document) and save it as .docx
advice-old-word = open it in Word or WPS and save it as .docx (or as .txt)
advice-old-office = gongwen reads Word files (.docx), web pages and text: save the document as .docx
advice-pdf-password = open it with its password and save a copy without one (or print it to a new PDF), then read that
advice-password = remove the password and save it again

## The command line's own messages

cli-cannot-read-stdin = cannot read standard input: { $reason }
cli-is-directory = { $name }: is a directory; give a file (`parse`, `check`, `report` and the tables read folders)
cli-cannot-read = { $name }: cannot read: { $reason }
cli-cannot-write = { $name }: cannot write: { $reason }
cli-cannot-write-output = cannot write output: { $reason }
cli-cannot-create = { $name }: cannot create: { $reason }
cli-no-such-file = no such file
cli-permission-denied = permission denied
cli-a-directory = it is a directory
cli-no-documents = no documents (.txt, .html, .docx, .ofd, .pdf) under { $names }
cli-no-documents-glob = no documents (.txt, .html, .docx, .ofd, .pdf) under { $names } that --glob keeps
cli-no-documents-given = no documents (.txt, .html, .docx, .ofd, .pdf) under the folders given
cli-several-pages = several documents make several pages: name a folder to write them into (`gongwen report DIR -o OUT/`)
cli-wrote-pages = wrote { $index } and { $count ->
    [one] 1 page
   *[other] { $count } pages
 }

## The command line's help (`gongwen --help`): summaries, common flags, clap's words

help-usage = Usage:{" "}
help-commands = Commands
help-options = Options
help-arguments = Arguments
help-flag-help = Print help
help-flag-version = Print version
help-about = Turns Chinese official documents (公文) into structured data
help-parse = Print a document's outline, responsibilities, quantities and metadata as JSON (schema gongwen/1)
help-quantities = List every quantity (number with unit) and which are targets, with where it was found
help-departments = The ledger turned around: for each unit, the tasks it leads, is responsible for and supports
help-ledger = The task ledger (任务分工台账): one row per task with its owners, targets and deadline
help-tables = Write documents as tidy tables for pandas, DuckDB, Spark…: documents, nodes, clauses, unit_roles, quantities, diagnostics, citations, skipped
help-report = Write an HTML report for the people who check a draft: problems, who does what, targets
help-text = Print the text gongwen reads from a file: what every span of the JSON points into
help-check = Check numbering and form; report problems like a compiler
help-check-long = Check numbering and form; report problems like a compiler. Exit code: 0 when nothing at warning level or above was found, 1 when something was (with --diff: when a fix is due), 2 when an input could not be read
help-serve = Serve the commands over HTTP: an API for other systems (POST a document to /v1/parse, /v1/check, /v1/ledger, /v1/report) on this machine or an intranet
help-flag-encoding = Encoding of the input (utf-8, gb18030, gbk, big5, utf-16le, utf-16be…); detected when omitted
help-flag-units = More unit names for the `units` of each clause: a TSV file of `canonical<TAB>kind<TAB>alias|alias` lines (see data/lexicon/units.tsv)
help-flag-lexicon = More words for the rules: a TSV file of `list<TAB>entry` lines, where `list` names a file of data/lexicon/ (`chrome_words<TAB>打印此页`, `role_words<TAB>主抓<TAB>lead`)
help-flag-lang = Language of messages, notes, suggestions and column headers: `zh` or `en`. Default: the locale's (LC_ALL, LC_MESSAGES, LANG: zh_* is Chinese), else English. Codes and JSON keys never change with it
help-flag-config = Read settings from this file instead of the nearest `gongwen.toml`, `.gongwen.toml` or `pyproject.toml` with `[tool.gongwen]` (looked for from the working directory up). Flags on the command line take the place of the file's values
help-flag-no_config = Read no settings file
help-flag-glob = Read only the files below a folder that match (`*.html`, `2024/**`); a pattern that starts with `!` leaves files out (`!*附件*`). May be given more than once. Files named on the command line are always read
help-check-files = Documents to check: files, folders (walked as by `parse`), or `-` for standard input
help-check-format = How to write the problems
help-check-select = Report only these codes or families (comma-separated, or the flag given again): `--select numbering,GB15834`, `--select all`; by default all but the noisy punctuation and number forms
help-check-ignore = Do not report these codes or families: `--ignore missing-responsibility,genre`
help-check-fix = Apply the mechanical fixes of the reports (of the codes --select and --ignore keep) to the text files, in their own encoding, then report what is left. Other formats (web pages, Word, PDF, OFD) are never rewritten
help-check-diff = Show what --fix would change, as a unified diff, without writing anything
help-report-files = The documents to read: files, folders (walked for .txt, .html, .docx, .ofd, .pdf), or `-` for standard input
help-report-output = Write the HTML to this file instead of standard output; for a folder or several files, the folder to write `index.html` and the pages into
help-text-file = The document to read (`-` for standard input)
help-help = Print this message or the help of the given subcommand(s)
cli-no-such-code = { $name }: no such code or family; the families are { $families }, and `all`; the codes are { $codes }
tally-read = read { $total ->
    [one] 1 file
   *[other] { $total } files
 } ({ $by })
tally-failed = , { $count } failed
tally-passed-over = ; passed over { $count } of other types ({ $by })
tally-glob = ; { $count } left out by --glob
table-total = the { $total } row gives { $given } in column `{ $column }`, but the rows above add up to { $sum }
suggest-table-total = check the rows and the total against the figures they come from
