//! The group check (`case-format.md`, "Group check"): many travellers on one shared trip,
//! read from CSV. Three steps, each usable alone: [`read_csv`] turns a file into travellers,
//! or into a [`TableError`] when the file as a whole cannot be read; [`assess`] checks each
//! traveller on the shared trip; [`export_csv`] writes the verdicts for a spreadsheet. A bad
//! row never stops the others, and nothing panics on any input.
//!
//! A row tells the same story as a single check: its [`Assessment::outlook`], and the one
//! thing to do next ([`next_action`]): the next dated step when the trip can go, else the
//! first way to make it. The export's columns are those of [`EXPORT_HEADER`]: `line, name,
//! nationality, route, allowed, blockers, latest_exit, error`, as they always were, then,
//! added at the end so that a sheet reading the older columns by position still reads them,
//! `outlook, next, next_date`.
//!
//! Travellers' names stay in [`Traveller::name`] and [`Outcome::name`]: no error message
//! carries one, and the `Debug` output of both hides them.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

use chrono::NaiveDate;

use crate::assessment::{Assessment, Choice, Line};
use crate::case::{InputError, InputErrorCode, InputErrors, RawCase};
use crate::codes::{DeadlineCode, Outlook, Severity};
use crate::data::Rules;
use crate::url::{encode, Fragment};

/// The most travellers one group may hold on the page; the CLI has no limit.
pub const MAX_PAGE_ROWS: usize = 1000;

/// The longest cell read, in characters: far more than any answer needs, and a bound on
/// what one mistyped quote (which runs on to the end of the file) can pour into a row.
pub const MAX_CELL_CHARS: usize = 1000;

const BOM: &[u8] = b"\xEF\xBB\xBF";

crate::codes_vocabulary! {
    /// The columns of a group's file: the case's fields as the contract spells them, and `name`.
    Column {
        Name = "name",
        Nationality = "nationality",
        BirthDate = "birth_date",
        PassportExpires = "passport.expires",
        PassportIssued = "passport.issued",
        PassportBlankPages = "passport.blank_pages",
        PassportConditionOk = "passport.condition_ok",
        PreviousStays = "previous_stays",
    }
}

impl Column {
    /// The columns every file must have (a cell may still be empty where the case allows it).
    pub const REQUIRED: [Column; 3] = [Column::Nationality, Column::BirthDate, Column::PassportExpires];

    /// The column a case's field lies in (`previous_stays[1].entry` is in `previous_stays`);
    /// none for the shared trip's fields.
    fn of_field(field: &str) -> Option<Column> {
        Column::parse(field.split_once('[').map_or(field, |(base, _)| base))
    }

    /// Puts a cell's text (trimmed, not empty) where the traveller keeps it.
    fn fill(self, traveller: &mut Traveller, text: &str) {
        let case = &mut traveller.case;
        let value = Some(text.to_string());
        match self {
            Column::Name => traveller.name = value,
            Column::Nationality => case.nationality = value,
            Column::BirthDate => case.birth_date = value,
            Column::PassportExpires => case.passport.expires = value,
            Column::PassportIssued => case.passport.issued = value,
            Column::PassportBlankPages => case.passport.blank_pages = value,
            Column::PassportConditionOk => case.passport.condition_ok = value,
            // Written as in the URL; read by the URL's own reader so that both always agree.
            Column::PreviousStays => {
                case.previous_stays = Fragment::parse(&format!("previous_stays={}", encode(text))).case.previous_stays;
            }
        }
    }
}

crate::codes_vocabulary! {
    /// Why a file cannot be read at all. Stable codes: the page translates them.
    TableErrorCode {
        Empty = "empty",
        NotUtf8 = "not_utf8",
        NoHeader = "no_header",
        MissingColumn = "missing_column",
        DuplicateColumn = "duplicate_column",
    }
}

/// A file that cannot be read as a group at all; a problem in one row is a [`RowError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// No bytes, or nothing but blank lines.
    Empty,
    /// Bytes that are not UTF-8 text, first on this line.
    NotUtf8 { line: usize },
    /// The first row names none of the columns.
    NoHeader,
    /// Required columns missing from the header, in the contract's order.
    MissingColumns(Vec<Column>),
    /// A column named twice in the header.
    DuplicateColumn(Column),
}

impl TableError {
    pub fn code(&self) -> TableErrorCode {
        match self {
            TableError::Empty => TableErrorCode::Empty,
            TableError::NotUtf8 { .. } => TableErrorCode::NotUtf8,
            TableError::NoHeader => TableErrorCode::NoHeader,
            TableError::MissingColumns(_) => TableErrorCode::MissingColumn,
            TableError::DuplicateColumn(_) => TableErrorCode::DuplicateColumn,
        }
    }
}

fn names(columns: &[Column]) -> String {
    columns.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
}

/// A plain English sentence for the command line; the page words it from [`TableError::code`].
impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TableError::Empty => write!(f, "the file is empty: it needs a header row and a row per traveller"),
            TableError::NotUtf8 { line } => {
                write!(f, "line {line} is not UTF-8 text: save the file as CSV in UTF-8 (\"CSV UTF-8\")")
            }
            TableError::NoHeader => {
                write!(f, "the first row is not a header: it must name the columns ({}, ...)", names(&Column::REQUIRED))
            }
            TableError::MissingColumns(missing) => {
                let plural = if missing.len() > 1 { "columns" } else { "column" };
                write!(f, "the header lacks the {plural} {}", names(missing))
            }
            TableError::DuplicateColumn(column) => write!(f, "the header names the column {column} twice"),
        }
    }
}

impl std::error::Error for TableError {}

/// A row that cannot be assessed, and why: one problem each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line the row starts on (the header is line 1).
    pub line: usize,
    /// The column as the contract spells it (`passport.expires`); empty when about the whole row.
    pub column: String,
    pub code: InputErrorCode,
    /// A plain English sentence naming line and column: `line 7, passport.expires: ...`.
    /// It never quotes a name.
    pub message: String,
}

impl RowError {
    fn new(line: usize, place: Option<&str>, code: InputErrorCode, detail: &str) -> Self {
        let message = match place {
            Some(place) => format!("line {line}, {place}: {detail}"),
            None => format!("line {line}: {detail}"),
        };
        let column = place.and_then(Column::of_field).map_or("", Column::as_str).to_string();
        RowError { line, column, code, message }
    }

    fn from_input(line: usize, e: &InputError) -> Self {
        RowError::new(line, Some(&e.field), e.code, &e.message)
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RowError {}

/// One traveller as the file gives them, nothing checked yet.
#[derive(Clone, PartialEq, Eq)]
pub struct Traveller {
    /// The line the row starts on (the header is line 1; a quoted cell with a line break spans lines).
    pub line: usize,
    pub name: Option<String>,
    /// The row's own answers; the shared trip is added by [`assess`].
    pub case: RawCase,
}

/// A name in `Debug` output: whether there is one, never what it is, so that a log line or a
/// failed assertion does not carry it.
struct Hidden<'a>(&'a Option<String>);

impl fmt::Debug for Hidden<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() { "Some(<hidden>)" } else { "None" })
    }
}

impl fmt::Debug for Traveller {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Traveller")
            .field("line", &self.line)
            .field("name", &Hidden(&self.name))
            .field("case", &self.case)
            .finish()
    }
}

/// A group's file, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Every row in the file's order, blank ones left out.
    pub rows: Vec<Result<Traveller, RowError>>,
    /// Header names that are no column of the group check (`phone`), each once (in any
    /// case), in order: their cells are not read, and the page says so.
    pub ignored: Vec<String>,
}

/// The records of a CSV text, each with the line it starts on. csv-core reads them (quotes,
/// separators, CR and LF); this keeps its buffers and counts lines.
struct Records<'a> {
    text: &'a [u8],
    pos: usize,
    /// The line `pos` is on.
    line: usize,
    reader: Reader,
    /// The current record's cells, unquoted, one after the other.
    cells: Vec<u8>,
    /// Where each cell ends in `cells`.
    ends: Vec<usize>,
    count: usize,
    /// Whether the current record has a quote left open (csv-core then reads the lines after
    /// it, up to the next quote, into one cell, as it reads any text, without complaint).
    unclosed: bool,
}

/// The line breaks in `text[from..to]`: LF, CR LF, and a lone CR (as old Mac spreadsheets
/// end lines, and as csv-core reads them), so that line numbers count what an editor shows.
fn line_breaks(text: &[u8], from: usize, to: usize) -> usize {
    let lone_cr = |i: usize| text.get(i + 1) != Some(&b'\n');
    (from..to.min(text.len())).filter(|&i| text[i] == b'\n' || (text[i] == b'\r' && lone_cr(i))).count()
}

fn grow<T: Default + Clone>(buffer: &mut Vec<T>) {
    buffer.resize(buffer.len() * 2, T::default());
}

impl<'a> Records<'a> {
    fn new(text: &'a [u8], separator: u8) -> Self {
        Records {
            text,
            pos: 0,
            line: 1,
            reader: ReaderBuilder::new().delimiter(separator).build(),
            cells: vec![0; 1024],
            ends: vec![0; 16],
            count: 0,
            unclosed: false,
        }
    }

    /// Moves to the next record and returns the line it starts on. Line breaks before it
    /// are skipped here rather than by csv-core, so that this line is known.
    fn next_record(&mut self) -> Option<usize> {
        let rest = self.text.get(self.pos..).unwrap_or_default();
        let blank = rest.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
        self.line += line_breaks(self.text, self.pos, self.pos + blank);
        self.pos += blank;
        if self.pos >= self.text.len() {
            return None;
        }
        let (start, mut written, mut count) = (self.pos, 0, 0);
        loop {
            let input = self.text.get(self.pos..).unwrap_or_default();
            let (result, read, out, ended) =
                self.reader.read_record(input, &mut self.cells[written..], &mut self.ends[count..]);
            self.pos += read;
            written += out;
            count += ended;
            match result {
                // The input ended inside the last record: the next call, with no input, ends it.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => grow(&mut self.cells),
                ReadRecordResult::OutputEndsFull => grow(&mut self.ends),
                ReadRecordResult::Record | ReadRecordResult::End => break,
            }
        }
        self.count = count;
        let line = self.line;
        let breaks = line_breaks(self.text, start, self.pos);
        self.line += breaks;
        // A record goes over a line break only inside quotes, and quotes come in pairs (a
        // quoted cell's two, a doubled quote's two): an odd number over lines is one left open.
        let raw = self.text.get(start..self.pos).unwrap_or_default();
        self.unclosed = breaks > 0 && raw.iter().filter(|b| **b == b'"').count() % 2 == 1;
        Some(line)
    }

    /// The current record's cells. Whole UTF-8 text split at ASCII bytes stays UTF-8, so
    /// the lossy conversion never replaces anything: it only avoids a path that panics.
    fn cells(&self) -> impl Iterator<Item = Cow<'_, str>> {
        let ends = self.ends.get(..self.count).unwrap_or_default();
        let starts = std::iter::once(0).chain(ends.iter().copied());
        starts.zip(ends).map(|(start, end)| String::from_utf8_lossy(self.cells.get(start..*end).unwrap_or_default()))
    }

    /// Moves to the next record with some text, and returns its line. A line of bare
    /// separators (`;;;`, as spreadsheets write empty rows) is blank too, whichever the
    /// separator: it holds no answer either way.
    fn next_filled(&mut self) -> Option<usize> {
        let blank = |c: &str| c.chars().all(|ch| ch.is_whitespace() || ch == ',' || ch == ';');
        while let Some(line) = self.next_record() {
            if !self.cells().all(|c| blank(&c)) {
                return Some(line);
            }
        }
        None
    }
}

/// The separator that splits the first row into more column names: a semicolon (as
/// spreadsheets write CSV where the decimal mark is a comma) or, on a tie, a comma.
fn separator(text: &[u8]) -> u8 {
    let known = |separator| {
        let mut records = Records::new(text, separator);
        records.next_filled();
        records.cells().filter(|c| Column::parse(&c.trim().to_ascii_lowercase()).is_some()).count()
    };
    if known(b';') > known(b',') {
        b';'
    } else {
        b','
    }
}

/// The header: which column each position holds, if any.
struct Header {
    columns: Vec<Option<Column>>,
    ignored: Vec<String>,
}

impl Header {
    fn read<'c>(cells: impl Iterator<Item = Cow<'c, str>>) -> Result<Header, TableError> {
        let (mut columns, mut ignored) = (Vec::new(), Vec::new());
        let (mut seen, mut unknown) = (HashSet::new(), HashSet::new());
        for cell in cells {
            let name = cell.trim();
            let key = name.to_ascii_lowercase();
            let column = Column::parse(&key);
            match column {
                Some(c) if !seen.insert(c) => return Err(TableError::DuplicateColumn(c)),
                None if !key.is_empty() && unknown.insert(key.clone()) => ignored.push(name.to_string()),
                _ => {}
            }
            columns.push(column);
        }
        if seen.is_empty() {
            return Err(TableError::NoHeader);
        }
        let missing: Vec<Column> = Column::REQUIRED.into_iter().filter(|c| !seen.contains(c)).collect();
        if !missing.is_empty() {
            return Err(TableError::MissingColumns(missing));
        }
        Ok(Header { columns, ignored })
    }

    /// One row: its cells in their columns; cells of ignored columns are not read (but for
    /// their length), missing ones are empty answers.
    fn row<'c>(&self, line: usize, cells: impl Iterator<Item = Cow<'c, str>>) -> Result<Traveller, RowError> {
        let mut traveller = Traveller { line, name: None, case: RawCase::default() };
        for (i, cell) in cells.enumerate() {
            let text = cell.trim();
            if text.is_empty() {
                continue;
            }
            let Some(place) = self.columns.get(i) else {
                let detail = format!(
                    "has a value after the header's {} columns (is a separator inside a cell that is not quoted?)",
                    self.columns.len()
                );
                return Err(RowError::new(line, None, InputErrorCode::Malformed, &detail));
            };
            // Counting characters only past the byte limit keeps ordinary cells cheap.
            if text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS {
                let cell = if place.is_some() { "" } else { "a cell " };
                let detail = format!("{cell}is longer than {MAX_CELL_CHARS} characters (is a quote left open?)");
                return Err(RowError::new(line, place.map(Column::as_str), InputErrorCode::Malformed, &detail));
            }
            let Some(column) = place else { continue };
            column.fill(&mut traveller, text);
        }
        Ok(traveller)
    }
}

/// Reads a group's CSV file: a header row, then a traveller per row, comma or semicolon
/// separated, UTF-8 with or without a byte-order mark, cells quoted or not, lines ended by
/// CR LF or LF. Blank lines are skipped (and counted in line numbers); header names are
/// trimmed and read in any case; cells are trimmed, and an empty cell is no answer.
pub fn read_csv(bytes: &[u8]) -> Result<Table, TableError> {
    let text = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(text) {
        let line = 1 + line_breaks(text, 0, e.valid_up_to());
        return Err(TableError::NotUtf8 { line });
    }
    let mut records = Records::new(text, separator(text));
    records.next_filled().ok_or(TableError::Empty)?;
    let header = Header::read(records.cells())?;
    let mut rows = Vec::new();
    while let Some(line) = records.next_filled() {
        rows.push(if records.unclosed {
            let detail = "has a quote left open, so the lines after it read as part of this row";
            Err(RowError::new(line, None, InputErrorCode::Malformed, detail))
        } else {
            header.row(line, records.cells())
        });
    }
    Ok(Table { rows, ignored: header.ignored })
}

/// One traveller's verdict, or why they could not be assessed.
#[derive(Clone, PartialEq, Eq)]
pub struct Outcome {
    pub line: usize,
    /// None also for a row that could not be read.
    pub name: Option<String>,
    pub result: Result<Assessment, Vec<RowError>>,
}

impl fmt::Debug for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outcome")
            .field("line", &self.line)
            .field("name", &Hidden(&self.name))
            .field("result", &self.result)
            .finish()
    }
}

/// A traveller's case on the group's trip: their own answers, with the shared trip,
/// purpose, date and law. Anything else in `shared` is the traveller's to give, not the group's.
fn on_trip(shared: &RawCase, own: &RawCase) -> RawCase {
    RawCase {
        today: shared.today.clone(),
        purpose: shared.purpose.clone(),
        trip: shared.trip.clone(),
        law: shared.law.clone(),
        ..own.clone()
    }
}

/// The shared part's own problems: those of a case with no traveller in it, less the
/// travellers' fields that such a case must lack.
fn check_trip(rules: &Rules, shared: &RawCase) -> Result<(), InputErrors> {
    let Err(InputErrors(errors)) = on_trip(shared, &RawCase::default()).validate(rules) else {
        return Ok(());
    };
    let trip: Vec<InputError> = errors.into_iter().filter(|e| Column::of_field(&e.field).is_none()).collect();
    if trip.is_empty() {
        Ok(())
    } else {
        Err(InputErrors(trip))
    }
}

fn outcome(rules: &Rules, shared: &RawCase, row: &Result<Traveller, RowError>) -> Outcome {
    match row {
        Err(e) => Outcome { line: e.line, name: None, result: Err(vec![e.clone()]) },
        Ok(t) => Outcome {
            line: t.line,
            name: t.name.clone(),
            result: on_trip(shared, &t.case)
                .validate(rules)
                .map(|case| crate::assess(rules, &case))
                .map_err(|errors| errors.0.iter().map(|e| RowError::from_input(t.line, e)).collect()),
        },
    }
}

/// Assesses every traveller of `table` on the trip, purpose, date and law of `shared`.
/// The shared part is checked once: its problems are the trip's, not any row's, and are
/// the error; a row's problems are its outcome's, and never stop the other rows.
pub fn assess(rules: &Rules, shared: &RawCase, table: &Table) -> Result<Vec<Outcome>, InputErrors> {
    check_trip(rules, shared)?;
    Ok(table.rows.iter().map(|row| outcome(rules, shared, row)).collect())
}

/// The one thing a row says to do next, as the page shows it and the export writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextAction<'a> {
    /// The next dated step of a trip that can go ([`Assessment::next`]).
    Step(&'a Line),
    /// A way to make a trip that cannot go as planned ([`Assessment::choices`]).
    Choice(&'a Choice),
}

impl NextAction<'_> {
    /// The step's code (`get_invitation`) or the choice's (`shorten`).
    pub fn code(&self) -> &str {
        match self {
            NextAction::Step(line) => &line.code,
            NextAction::Choice(choice) => choice.code.as_str(),
        }
    }

    /// Its day: the step's, or the choice's (the last day to stay, the first day to come, ...).
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            NextAction::Step(line) => line.date,
            NextAction::Choice(choice) => choice.date,
        }
    }
}

/// What a row says to do next: when the trip can go, the next dated step, as a single
/// check's verdict says it; when it cannot, the first way to make it that has a day (the
/// last day to stay, the first day a stay this long fits, ...), else the first way (a new
/// passport, asking a mission). Never a step of a trip that cannot go.
pub fn next_action(a: &Assessment) -> Option<NextAction<'_>> {
    if a.outlook == Outlook::NotAsPlanned {
        let dated = a.choices.iter().find(|c| c.date.is_some());
        dated.or_else(|| a.choices.first()).map(NextAction::Choice)
    } else {
        a.next.as_ref().map(NextAction::Step)
    }
}

/// The columns of [`export_csv`]: the first eight as they always were, then the outlook and
/// the next action with its day, at the end.
pub const EXPORT_HEADER: [&str; 11] = [
    "line",
    "name",
    "nationality",
    "route",
    "allowed",
    "blockers",
    "latest_exit",
    "error",
    "outlook",
    "next",
    "next_date",
];

fn export_cells(o: &Outcome) -> [String; 11] {
    let (line, name) = (o.line.to_string(), o.name.clone().unwrap_or_default());
    match &o.result {
        Ok(a) => {
            let blockers: Vec<&str> =
                a.issues.iter().filter(|i| i.severity == Severity::Blocker).map(|i| i.code.as_str()).collect();
            let next = next_action(a);
            [
                line,
                name,
                a.nationality.clone(),
                a.route.to_string(),
                a.allowed().to_string(),
                blockers.join(" "),
                a.deadline(DeadlineCode::LatestExit).map(|d| d.to_string()).unwrap_or_default(),
                String::new(),
                a.outlook.to_string(),
                next.map(|n| n.code().to_string()).unwrap_or_default(),
                next.and_then(|n| n.date()).map(|d| d.to_string()).unwrap_or_default(),
            ]
        }
        Err(errors) => {
            let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
            let mut cells: [String; 11] = Default::default();
            (cells[0], cells[1], cells[7]) = (line, name, messages.join("; "));
            cells
        }
    }
}

/// Appends a cell as a spreadsheet should read it: text a spreadsheet would take for a
/// formula gets a leading `'` (OWASP's advice against CSV injection: names come from other
/// people's files), and a cell with a comma, quote or line break is quoted (RFC 4180).
fn push_cell(out: &mut String, text: &str) {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = text.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    if quoted {
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

fn push_record<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, cell.as_ref());
    }
    out.push_str("\r\n");
}

/// The outcomes as CSV (RFC 4180, CR LF line ends), under [`EXPORT_HEADER`]: the row's
/// line and name, the nationality assessed, route, whether allowed, the blocker codes
/// separated by spaces, the latest exit date, and the row's error messages joined by `; `;
/// then the outlook (`as_planned`, `first_do`, `not_as_planned`), the code of the next
/// action ([`next_action`]: a step's, or for a trip that cannot go a choice's) and its date.
/// A row that could not be assessed has only its line, name and error.
pub fn export_csv(outcomes: &[Outcome]) -> String {
    let mut out = String::new();
    push_record(&mut out, &EXPORT_HEADER);
    for o in outcomes {
        push_record(&mut out, &export_cells(o));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_placed_in_their_column() {
        assert_eq!(Column::of_field("previous_stays[1].entry"), Some(Column::PreviousStays));
        assert_eq!(Column::of_field("passport.expires"), Some(Column::PassportExpires));
        assert_eq!(Column::of_field("trip.exit"), None);
    }

    #[test]
    fn a_long_record_grows_the_buffers() {
        let row = format!("{}\n", vec!["x".repeat(3000); 40].join(";"));
        let mut records = Records::new(row.as_bytes(), b';');
        assert_eq!(records.next_record(), Some(1));
        assert_eq!(records.cells().count(), 40);
        assert!(records.cells().all(|c| c.len() == 3000));
        assert_eq!(records.next_record(), None);
    }

    #[test]
    fn names_are_hidden_from_debug_output() {
        let t = Traveller { line: 2, name: Some("Aigerim".into()), case: RawCase::default() };
        assert!(!format!("{t:?}").contains("Aigerim"));
        let o = Outcome { line: 2, name: t.name.clone(), result: Err(vec![]) };
        assert!(!format!("{o:?}").contains("Aigerim"));
    }
}
