//! Responsibility clauses: who leads (牵头), who is responsible (负责), who
//! supports (配合/参与/协助) a task.
//!
//! Takes each node's own text; gives its clauses in order, each with its units in
//! their roles, every unit resolved once against the lexicon into the document's unit
//! table. Forms: a bracket at the end of a sentence or heading
//! `（省农业农村厅牵头，省供销社、省商务厅配合）`, labelled forms
//! `（牵头单位：…，配合单位：…）` / `责任单位：…` (bracketed or on a line of their
//! own), and the declaration `排在第一位的部门为牵头部门，下同`. A clause that ends its
//! node is taken out of the node's title and text.

use super::cap::{cap_report, Cap};
use crate::lexicon::messages::say_args;
use crate::lexicon::Lexicon;
use crate::model::{
    Clause, ClauseForm, ClauseUnit, Code, Column, Diagnostic, Document, Lang, Node, Role, Style,
    TaskTable, Unit, UnitId,
};
use crate::text::charset::{bracket, Pair};
use crate::text::{ceil_boundary, is_han, is_ws, line_break, squeezed, trim};
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::ops::Range;

/// Clauses are short: a closing bracket further than this (in bytes) from its opening
/// one is not looked for, which bounds the work on long lines.
const LONGEST_CLAUSE: usize = 3000;
/// Brackets and line breaks read at a time (see `match_brackets`).
const CHUNK: usize = 4096;
/// More clauses than any real document has (the seed has one in 400 bytes), and few
/// enough that ten megabytes of `1.(省商务厅负责)` take tens of megabytes: a document
/// keeps at most this many and one more for every [`BYTES_PER_CLAUSE`] bytes; past
/// that they are counted, not kept, and one `truncated` report says how many.
const MIN_CLAUSES: usize = 10_000;
const BYTES_PER_CLAUSE: usize = 128;
/// A clause lists at most this many units (real ones name fewer than fifty); past it
/// they are counted, not kept, so a line of a million `省商务厅、` takes no more than a
/// thousand, and one `truncated` report says how many clauses were cut.
const MOST_UNITS: usize = 1_000;
/// A document names at most this many different units and one more for every
/// [`BYTES_PER_NAME`] bytes (the seed names 60; each takes a few hundred bytes with its
/// canonical name and kind); the names past them are counted, not listed.
const MIN_NAMES: usize = 10_000;
const BYTES_PER_NAME: usize = 256;
/// An unclosed clause is read to the end of its line, but no further than this.
const LONGEST_UNCLOSED_CLAUSE: usize = 1200;
/// A unit's name has at most this many characters.
const LONGEST_UNIT: usize = 40;
/// A declaration in a text shorter than this (in bytes) is ruled out by its characters
/// alone; longer texts by the lead word first.
const SHORT_TEXT: usize = 64;
/// The prefix of a collective name (`各市、县人民政府`, `各有关部门`).
const COLLECTIVE: char = '各';

/// Finds every node's clauses, trims a clause that ends its node out of the node's
/// title and text, and fills the document's unit table; reports the clauses past the
/// cap ([`MIN_CLAUSES`]) and those whose units were cut ([`MOST_UNITS`]).
pub(crate) fn fill(doc: &mut Document, lex: &Lexicon, lang: Lang) -> Vec<Diagnostic> {
    let Document {
        text,
        nodes,
        preamble,
        units,
        tables,
        meta,
        ..
    } = doc;
    let text = text.as_str();
    let mut state = State::new(lex, text);
    state.cap = Cap::new(MIN_CLAUSES, BYTES_PER_CLAUSE, text.len());
    state.names = Cap::new(MIN_NAMES, BYTES_PER_NAME, text.len());
    // The declaration that the first-listed unit leads may stand in the preamble.
    if let Some(p) = preamble {
        state.first_listed_leads = declares_first_leads(&text[p.range.clone()], lex);
    }
    // Where such a declaration may stand: one search of the whole text, so a node's
    // own text is read again only when one lies in it.
    let marks = first_listed_marks(text, lex);
    for n in nodes.iter_mut() {
        let own = n.label_range().end..n.span.end;
        let r = &n.text_range;
        let k = marks.partition_point(|m| m.end <= r.start);
        if marks.get(k).is_some_and(|m| m.start < r.end)
            && declares_first_leads(&text[r.clone()], lex)
        {
            state.first_listed_leads = true;
        }
        if n.style() == Style::Row {
            if let Some(t) = TaskTable::containing(tables, n.span.start) {
                if let Some(cl) = table_row(text, n, t, &mut state) {
                    n.clauses = Box::new([cl]);
                    continue;
                }
            }
        }
        n.clauses = crate::model::exact(find(text, own, &mut state));
        // A clause at the very end is not part of the node's text or title.
        if let Some(last) = n.clauses.last() {
            let after = &text[last.range.end..n.span.end];
            if after.chars().all(|c| c == '。' || is_ws(c))
                && last.range.start >= n.text_range.start
            {
                n.text_range = trim(text, n.text_range.start..last.range.start);
                if n.text_range.is_empty() {
                    n.text_range = n.label_range().end..n.label_range().end;
                }
            }
        }
        if let Some(c) = n
            .clauses
            .iter()
            .find(|c| n.title_range.contains(&c.range.start))
        {
            n.title_range = trim(text, n.title_range.start..c.range.start);
            if n.title_range.is_empty() {
                n.title_range = n.label_range().end..n.label_range().end;
            }
            n.title_squeezed = squeezed(&text[n.title_range.clone()]);
        }
        // A task that names no owners in brackets or on label lines may name them in
        // its sentences (`公安部负责维护…`); such clauses stay part of the text.
        if n.clauses.is_empty() {
            n.clauses =
                crate::model::exact(sentence_duties(text, n.text_range.clone(), &mut state));
        }
    }
    *units = state.units;
    let home = meta
        .issuers
        .iter()
        .find_map(|i| lex.place_of(i, true))
        .or_else(|| meta.title.as_deref().and_then(|t| lex.place_of(t, false)));
    for u in units.iter_mut() {
        u.region = region(&u.name, home, lex).map(Into::into);
        // `柳州市税务局`: the place apart, the name is the level's (`市税务局`).
        if &*u.kind == UNKNOWN {
            if let Some(p) = lex.place_of(&u.name, true) {
                let level = p.chars().next_back().map(String::from).unwrap_or_default();
                let local = format!("{level}{}", &u.name[p.len()..]);
                let (canonical, kind) = lex.units.resolve(&local);
                if kind != UNKNOWN {
                    (u.canonical, u.kind) = (canonical.into(), kind.into());
                }
            }
        }
    }
    let cut = state.cut.map(|(count, at)| {
        Diagnostic::new(
            Code::Truncated,
            at..at,
            say_args!(lang, "units-left-out", count = count, max = MOST_UNITS),
        )
    });
    let unnamed = cap_report!(state.names, lang, "names-left-out", "note-names-cap");
    let capped = cap_report!(state.cap, lang, "clauses-left-out", "note-clauses-cap");
    cut.into_iter().chain(unnamed).chain(capped).collect()
}

/// The kind of a unit the lexicon does not know.
const UNKNOWN: &str = "unknown";

/// A unit's region: the place its name starts with, else the document's place when the
/// name starts with that place's level word (`市财政局` in a document of `宁国市`).
fn region<'a>(name: &'a str, home: Option<&'a str>, lex: &Lexicon) -> Option<&'a str> {
    if let Some(p) = lex.place_of(name, true) {
        return Some(p);
    }
    let home = home?;
    let level = name.chars().next()?;
    (lex.place_suffixes.is(&level.to_string()) && home.ends_with(level)).then_some(home)
}

/// The cells of a task table's row after its number, as ranges of `text`.
fn row_cells(text: &str, n: &Node, table: &TaskTable) -> Vec<Range<usize>> {
    let from = n.label_range().end;
    let s = &text[from..n.span.end];
    let mut cells = Vec::new();
    if table.tabbed {
        let line = line_break(s).map_or(s, |e| &s[..e]);
        let mut at = from;
        for cell in line.split('\t').skip(1) {
            let start = at + '\t'.len_utf8();
            cells.push(trim(text, start..start + cell.len()));
            at = start + cell.len();
        }
    } else {
        // The lines of the row inside the table (text after the table's last row
        // stays the row's, but is no cell).
        for l in crate::text::lines(s) {
            let r = trim(text, from + l.start..from + l.end);
            if !r.is_empty() && r.end <= table.range.end {
                cells.push(r);
            }
        }
    }
    cells
}

/// A task table's row: its task cell becomes the node's title, its unit columns one
/// clause (form `table`), its time column the node's deadline. `None` when no unit
/// column names a unit (the row's text is then read as any node's).
fn table_row(text: &str, n: &mut Node, table: &TaskTable, state: &mut State) -> Option<Clause> {
    let cells = row_cells(text, n, table);
    let columns = &table.columns[1..];
    // Cells in their columns only when every column has its cell (an empty cell of a
    // one-cell-a-line table is no line, and then none can be placed but the first).
    let placed = cells.len() == columns.len();
    let column = |k: usize| {
        if placed || k == 0 {
            columns.get(k).copied()
        } else {
            None
        }
    };
    if let Some(k) = (0..cells.len()).find(|&k| column(k) == Some(Column::Task)) {
        n.title_range = cells[k].clone();
        n.title_squeezed = squeezed(&text[cells[k].clone()]);
    }
    n.deadline = (0..cells.len())
        .find(|&k| column(k) == Some(Column::Deadline) && !cells[k].is_empty())
        .map(|k| cells[k].clone());
    let mut cl = state.draft();
    let mut span: Option<Range<usize>> = None;
    let mut units: Vec<Cow<str>> = Vec::new();
    for (k, cell) in cells.iter().enumerate() {
        let role = match column(k) {
            Some(Column::Lead) => Role::Lead,
            Some(Column::Responsible) => Role::Responsible,
            Some(Column::Support) => Role::Support,
            _ => continue,
        };
        units.clear();
        for g in split_groups(&text[cell.clone()], is_group_sep) {
            split_units_into(g, state.lex, &mut units);
        }
        units.retain(|u| unit_ok(u, state.lex));
        if units.is_empty() {
            continue;
        }
        push(&mut cl, role, &units, state);
        span = Some(span.map_or(cell.clone(), |s| s.start..cell.end));
    }
    let Some(range) = span else {
        state.spare = cl.units;
        return None;
    };
    apply_first_leads(&mut cl, state);
    Some(cl.into_clause(range, ClauseForm::Table, state))
}

/// Ends of the sentences a duty may open.
fn sentence_break(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '\n' | '\r')
}

/// Duties written as sentences in `range`: a sentence that opens with units' names and
/// a duty word (`公安部负责维护…`, `县级以上人民政府民政部门负责…`), or with `由`
/// (`由省商务厅牵头，省财政厅配合`), with `会同` between a lead and others
/// (`国家发展改革委会同有关部门负责`). Each is a clause of form `sentence` from the first
/// name to the last duty word.
fn sentence_duties(text: &str, range: Range<usize>, state: &mut State) -> Vec<Clause> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    // Only sentences with a duty word are read: each such word is found by one search,
    // its sentence start looked for a bounded way back.
    let mut last = None;
    let lex = state.lex;
    for m in lex.duty_re().find_iter(s) {
        let k = m.start();
        let back = crate::text::floor_boundary(s, k.saturating_sub(DUTY_HEAD));
        let start = match s[back..k].rfind(sentence_break) {
            Some(b) => back + b + s[back + b..].chars().next().map_or(1, char::len_utf8),
            // No sentence start near: the names before the word would be too long.
            None if back > 0 => continue,
            None => 0,
        };
        let at = start + (s[start..].len() - s[start..].trim_start_matches(is_ws).len());
        if last == Some(at) || at > k {
            continue;
        }
        last = Some(at);
        let ahead = crate::text::ceil_boundary(s, k + DUTY_TAIL);
        let end = s[k..ahead].find(sentence_break).map_or(ahead, |e| k + e);
        if let Some((len, cl)) = read_duty(&s[at..end], state) {
            let r = range.start + at..range.start + at + len;
            if state.cap.room(r.start) {
                out.push(cl.into_clause(r, ClauseForm::Sentence, state));
            }
        }
    }
    out
}

/// A duty's names stand within this many bytes before its word…
const DUTY_HEAD: usize = LONGEST_UNIT * 3 * 2;
/// …and the groups it reads (`由A牵头，B配合`) within this many after it.
const DUTY_TAIL: usize = 600;

/// A duty at the start of `s`: how far it reaches and its draft, or `None`.
fn read_duty(s: &str, state: &mut State) -> Option<(usize, Draft)> {
    let lex = state.lex;
    let by = s.strip_prefix('由');
    let body = by.unwrap_or(s);
    let offset = s.len() - body.len();
    // Only a short head can hold names; one look at it rules most sentences out.
    let head = &body[..crate::text::floor_boundary(body, LONGEST_UNIT * 3 * 2)];
    if !lex.derived.duty_firsts.any_in(head) {
        return None;
    }
    let mut cl = state.draft();
    let mut end = 0;
    let mut units: Vec<Cow<str>> = Vec::new();
    let mut from = 0;
    for (g, group) in split_groups(body, |c| matches!(c, '，' | ','))
        .take(2)
        .enumerate()
    {
        let Some((k, word, role)) = group.char_indices().find_map(|(k, c)| {
            if !lex.derived.duty_firsts.contains(c) {
                return None;
            }
            lex.duty_words
                .prefix_of(&group[k..])
                .map(|(w, r)| (k, w, r))
        }) else {
            break;
        };
        let after = &group[k + word.len()..];
        // `负责人`, `负责同志`: a person, not a duty.
        if after.starts_with(['人', '同']) {
            break;
        }
        // After the first group only `省财政厅配合` alone: names and the word.
        if g > 0 && !after.trim_matches(is_ws).is_empty() {
            break;
        }
        // `本办法由国家知识产权局负责解释`: the unit is the one after 由.
        let names = &group[..k];
        let names = names
            .rfind('由')
            .map_or(names, |b| &names[b + '由'.len_utf8()..]);
        if g == 0 && lex.duty_not_starts.prefix_of(names).is_some() {
            break;
        }
        let (leads, names) = match lex.lead_joiners.iter().find_map(|j| names.split_once(j)) {
            Some((a, b)) => (Some(a), b),
            None => (None, names),
        };
        if let Some(a) = leads {
            if !duty_units(a, Role::Lead, &mut cl, &mut units, state) {
                break;
            }
        }
        if !duty_units(names, role, &mut cl, &mut units, state) {
            break;
        }
        end = from + k + word.len();
        from += group.len() + '，'.len_utf8();
    }
    if cl.units.is_empty() {
        state.spare = cl.units;
        return None;
    }
    Some((offset + end, cl))
}

/// The units named by `part` into `cl` in `role`, when each is a unit's name.
fn duty_units<'s>(
    part: &'s str,
    role: Role,
    cl: &mut Draft,
    units: &mut Vec<Cow<'s, str>>,
    state: &mut State,
) -> bool {
    units.clear();
    split_units_into(part, state.lex, units);
    // `国家发展改革委及国家粮食局`, `国家食品药品监督管理局和海关总署`: two units, when both
    // halves are units' names (`住房和城乡建设部` is one).
    let mut k = 0;
    while k < units.len() {
        let u = units[k].clone();
        let cut = ['及', '和', '与'].iter().find_map(|&j| {
            let (a, b) = u.split_once(j)?;
            (duty_unit_ok(a, state.lex) && duty_unit_ok(b, state.lex))
                .then(|| (a.to_string(), b.to_string()))
        });
        match cut {
            Some((a, b)) => {
                units[k] = Cow::Owned(a);
                units.insert(k + 1, Cow::Owned(b));
                k += 2;
            }
            None => k += 1,
        }
    }
    let ok = !units.is_empty() && units.iter().all(|u| duty_unit_ok(u, state.lex));
    if ok {
        push(cl, role, units, state);
    }
    ok
}

/// A unit named in a sentence: a plausible name that ends as units' names do
/// (`…部`, `…局`, `…人民政府`, `…部门`) and is not a bare word (`企业`).
fn duty_unit_ok(u: &str, lex: &Lexicon) -> bool {
    unit_ok(u, lex)
        && u.chars().count() >= SHORTEST_DUTY_UNIT
        && u.chars()
            .all(|c| is_han(c) || matches!(c, '（' | '）' | '(' | ')'))
        && !u.contains(['的', '或'])
        && lex.unit_suffixes.suffix_of(u).is_some()
}

/// A unit named in a sentence has at least this many characters (`公安部`).
const SHORTEST_DUTY_UNIT: usize = 3;

/// A clause being read: its units with their roles, in the order written.
struct Draft {
    units: Vec<(Role, UnitId)>,
    /// Units past [`MOST_UNITS`] were left out.
    cut: bool,
    /// Units left out because the document names too many ([`MIN_NAMES`]).
    unnamed: usize,
}

impl Draft {
    fn into_clause(mut self, range: Range<usize>, form: ClauseForm, state: &mut State) -> Clause {
        // Lead first, then responsible, then support; written order within each role
        // (the sort is stable). In an allocation of its size.
        self.units.sort_by_key(|(role, _)| *role);
        let mut units = Vec::with_capacity(self.units.len());
        units.extend(
            self.units
                .drain(..)
                .map(|(role, unit)| ClauseUnit { role, unit }),
        );
        state.spare = self.units;
        if self.cut {
            state.cut.get_or_insert((0, range.start)).0 += 1;
        }
        state.names.count(self.unnamed, range.start);
        Clause {
            range,
            units: units.into_boxed_slice(),
            form,
        }
    }
}

/// What carries over from one clause to the next: the declaration that the
/// first-listed unit leads (`列第一位者为牵头单位，下同`), and the units met so far.
struct State<'l> {
    lex: &'l Lexicon,
    first_listed_leads: bool,
    /// The unit names met so far, each held once.
    ids: HashMap<Box<str>, UnitId>,
    units: Vec<Unit>,
    /// The clauses of the range being read: kept, so each range's list is allocated
    /// once at its size.
    clauses: Vec<Clause>,
    /// Room for a clause's units and groups while it is read, used again and again.
    spare: Vec<(Role, UnitId)>,
    groups: Vec<Group>,
    /// The opening brackets of the range being read, each with the bracket that closes
    /// it (room kept from range to range).
    opens: Vec<(usize, Option<usize>)>,
    /// The brackets open while matching: an index into `opens` and the pair.
    stack: Vec<(usize, Pair)>,
    /// Where the brackets and line breaks of the range are, found once for both passes.
    events: Vec<usize>,
    /// Whether the document holds square or angle brackets at all: if not, no range of
    /// it is searched for them.
    square: bool,
    /// Brackets and line breaks read at a time: [`CHUNK`] (tests make it smaller).
    chunk: usize,
    /// How many more clauses the document may keep, and those counted past that.
    cap: Cap,
    /// How many clauses listed more than [`MOST_UNITS`] units, and where the first is.
    cut: Option<(usize, usize)>,
    /// How many more different units the document may name ([`MIN_NAMES`]), and the
    /// units left out past that.
    names: Cap,
}

impl<'l> State<'l> {
    fn new(lex: &'l Lexicon, text: &str) -> State<'l> {
        State {
            square: crate::text::charset::has_square(text),
            lex,
            first_listed_leads: false,
            ids: HashMap::default(),
            units: Vec::new(),
            clauses: Vec::new(),
            spare: Vec::new(),
            groups: Vec::new(),
            opens: Vec::new(),
            stack: Vec::new(),
            events: Vec::new(),
            chunk: CHUNK,
            cap: Cap::none(),
            cut: None,
            names: Cap::none(),
        }
    }

    /// An empty draft, in the room of the last one.
    fn draft(&mut self) -> Draft {
        let mut units = std::mem::take(&mut self.spare);
        units.clear();
        Draft {
            units,
            cut: false,
            unnamed: 0,
        }
    }

    /// The id of a unit name, resolved against the lexicon the first time it is met;
    /// `None` for a new name once the document names as many as it may.
    fn unit(&mut self, name: &str) -> Option<UnitId> {
        if let Some(&id) = self.ids.get(name) {
            return Some(id);
        }
        if !self.names.take() {
            return None;
        }
        let id = UnitId(u32::try_from(self.units.len()).expect("fewer than 2^32 units"));
        let (canonical, kind) = self.lex.units.resolve(name);
        self.units.push(Unit {
            name: name.into(),
            canonical: canonical.into(),
            kind: kind.into(),
            region: None,
        });
        self.ids.insert(name.into(), id);
        Some(id)
    }
}

fn is_group_sep(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';')
}

/// `列第一位者为牵头单位，下同`, `排在第一位的部门为牵头部门`: a first-listed word and a
/// lead word.
fn declares_first_leads(s: &str, lex: &Lexicon) -> bool {
    // Quick tests rule out almost all text: a short text by its characters, a long one
    // by the lead word.
    let d = &lex.derived;
    if s.len() < SHORT_TEXT && !d.first_listed_firsts.any_in(s) {
        return false;
    }
    lex.lead_words.found_in(s) && lex.first_listed_re().is_match(s)
}

/// The places in `text` where a declaration that the first-listed unit leads may stand:
/// every such declaration overlaps one of them (a search that skips no place it could
/// start), so a range that overlaps none holds none.
fn first_listed_marks(text: &str, lex: &Lexicon) -> Vec<Range<usize>> {
    lex.first_listed_re()
        .find_iter(text)
        .map(|m| m.range())
        .collect()
}

/// Finds the clauses in `range` of `text`, in order (in a vector of their number).
fn find(text: &str, range: Range<usize>, state: &mut State) -> Vec<Clause> {
    let mut out = std::mem::take(&mut state.clauses);
    find_into(text, range, state, &mut out);
    let found = crate::model::take_exact(&mut out);
    state.clauses = out;
    found.into_vec()
}

fn find_into(text: &str, range: Range<usize>, state: &mut State, out: &mut Vec<Clause>) {
    let s = &text[range.clone()];
    let mut i = 0; // everything before `i` is read
                   // A labelled statement on a line of its own: `责任单位：…`.
    let line_start = |ls: usize, i: &mut usize, out: &mut Vec<Clause>, state: &mut State| {
        let j = ls + (s[ls..].len() - s[ls..].trim_start_matches(is_ws).len());
        if j < *i || role_label_at(&s[j..], state.lex).is_none() {
            return;
        }
        let end = line_break(&s[j..]).map_or(s.len(), |e| j + e);
        let body = s[j..end]
            .trim_end_matches(is_ws)
            .trim_end_matches(['。', '.']);
        if let Some(cl) = parse_labelled(body, state) {
            let at = range.start + j..range.start + j + body.len();
            // `牵头单位：…` and, on the next line (a blank one between or not),
            // `责任单位：…`: one clause of the task.
            match out.last_mut() {
                Some(last)
                    if last.form == ClauseForm::Label
                        && text[last.range.end..at.start].chars().all(is_ws) =>
                {
                    let cl = cl.into_clause(at, ClauseForm::Label, state);
                    merge(last, cl)
                }
                _ if state.cap.room(at.start) => {
                    out.push(cl.into_clause(at, ClauseForm::Label, state));
                }
                _ => {}
            }
        }
        *i = end;
    };
    let mut pending = Some(0);
    // Only brackets and line breaks matter; each bracket's match is found in one pass
    // before, and the opening brackets are met again here in the same order.
    let mut opens = std::mem::take(&mut state.opens);
    let mut events = std::mem::take(&mut state.events);
    let square = state.square && crate::text::charset::has_square(s);
    // A chunk of events at a time, so that a paragraph of a million brackets or lines
    // (the text past the cap on nodes) is read in bounded memory.
    let mut from = 0;
    loop {
        let to = match_brackets(
            s,
            from,
            square,
            state.chunk,
            &mut events,
            &mut opens,
            &mut state.stack,
        );
        let mut next_open = 0;
        for &at in &events {
            let is_open = opens.get(next_open).is_some_and(|o| o.0 == at);
            let matched = if is_open {
                next_open += 1;
                opens[next_open - 1].1
            } else {
                None
            };
            if let Some(ls) = pending.take() {
                line_start(ls, &mut i, out, state);
            }
            if at < i {
                continue;
            }
            let c = s[at..].chars().next().expect("a bracket or line break");
            match c {
                '\n' | '\r' => {
                    pending = Some(at + 1);
                    continue;
                }
                // Closing brackets, and angle brackets (`各县级市<区>政府`), open no clause.
                c if bracket(c).is_none_or(|(pair, open)| !open || pair == Pair::Angle) => continue,
                _ => {}
            }
            // A clause whose closing bracket was forgotten still names its units; the
            // check reports the bracket.
            let close = matched.or_else(|| {
                let hi = ceil_boundary(s, at + LONGEST_UNCLOSED_CLAUSE);
                let eol = line_break(&s[at..hi]).map_or(hi, |e| at + e);
                let inner =
                    s[at + c.len_utf8()..eol].trim_end_matches(|c: char| is_ws(c) || c == '。');
                (!inner.chars().any(|c| bracket(c).is_some()))
                    .then_some(at + c.len_utf8() + inner.len())
            });
            let Some(close) = close else { continue };
            let inner = &s[at + c.len_utf8()..close];
            let after_close = close
                + s[close..]
                    .chars()
                    .next()
                    .filter(|&c| bracket(c).is_some_and(|(_, open)| !open))
                    .map_or(0, char::len_utf8);
            // A labelled clause (`（牵头单位：…）`) says what it is wherever it stands; a plain
            // one (`（…负责）`) must close a sentence or a line.
            let labelled = role_label_at(inner, state.lex).is_some();
            if !labelled && !at_clause_position(s, at, after_close) {
                continue;
            }
            let parsed = if labelled {
                parse_labelled(inner, state)
            } else {
                parse_plain(inner, state)
            };
            if let Some(cl) = parsed {
                let at = range.start + at..range.start + after_close;
                if state.cap.room(at.start) {
                    out.push(cl.into_clause(at, ClauseForm::Bracket, state));
                }
                i = after_close;
            }
        }
        match to {
            Some(to) => from = to,
            None => break,
        }
    }
    if let Some(ls) = pending {
        line_start(ls, &mut i, out, state);
    }
    opens.clear();
    state.opens = opens;
    events.clear();
    state.events = events;
}

/// `b`, the clause that follows `a`, made part of it: one range, the units of both
/// (still lead first, then responsible, then support).
fn merge(a: &mut Clause, b: Clause) {
    a.range.end = b.range.end;
    let mut units: Vec<ClauseUnit> = a.units.iter().chain(b.units.iter()).copied().collect();
    units.sort_by_key(|u| u.role);
    a.units = units.into_boxed_slice();
}

/// The brackets and line breaks of `s` from `from` into `events`, at most `chunk` of
/// them, and the opening ones into `opens`, each with where the bracket that closes it
/// is: on the same line, within [`LONGEST_CLAUSE`] bytes. Gives where the next chunk
/// starts, if any. One pass with a stack (of indices into `opens`, with their pair):
/// every bracket is looked at once, however many are open; past the chunk the pass goes
/// on only as long as one of its brackets may still close, its stack as it would be
/// (the brackets opened there are pushed, not listed), so each chunk's matches are
/// those of one pass over all of `s`. A chunk starts with an empty stack: a closing
/// bracket that would close one of an earlier chunk closes nothing new.
fn match_brackets(
    s: &str,
    from: usize,
    square: bool,
    chunk: usize,
    events: &mut Vec<usize>,
    opens: &mut Vec<(usize, Option<usize>)>,
    stack: &mut Vec<(usize, Pair)>,
) -> Option<usize> {
    events.clear();
    opens.clear();
    stack.clear();
    // Where the chunk ends: the first event past it; and how many of the chunk's own
    // opening brackets are on the stack.
    let mut next = None;
    let mut waiting = 0usize;
    for at in crate::text::charset::brackets_and_breaks_if(&s[from..], square) {
        let at = from + at;
        if next.is_none() && events.len() == chunk {
            next = Some(at);
        }
        if let Some(end) = next {
            if waiting == 0 || at > end + LONGEST_CLAUSE + 4 {
                break;
            }
        } else {
            events.push(at);
        }
        let c = s[at..].chars().next().expect("a bracket or line break");
        let Some((pair, open)) = bracket(c) else {
            stack.clear();
            waiting = 0;
            continue;
        };
        if open {
            // Past the chunk an opening bracket is only pushed: `usize::MAX` lists none.
            if next.is_none() {
                stack.push((opens.len(), pair));
                opens.push((at, None));
                waiting += 1;
            } else {
                stack.push((usize::MAX, pair));
            }
        } else if let Some(&(j, _)) = stack.last().filter(|(_, p)| *p == pair) {
            // A closing bracket of another pair than the innermost open one closes
            // nothing (`〔…(…〕`).
            stack.pop();
            if j < opens.len() {
                waiting -= 1;
                if at < ceil_boundary(s, opens[j].0 + LONGEST_CLAUSE) {
                    opens[j].1 = Some(at);
                }
            }
        }
    }
    next
}

/// The role label at the start of `s` (`牵头单位：`) and its length, the colon excluded.
fn role_label_at(s: &str, lex: &Lexicon) -> Option<(usize, Role)> {
    // Most places are no label: one look at the first character rules them out.
    if !lex.derived.role_label_firsts.starts(s) {
        return None;
    }
    lex.role_labels.iter().find_map(|(l, role)| {
        let rest = s.strip_prefix(l)?;
        rest.starts_with(['：', ':']).then_some((l.len(), role))
    })
}

/// A clause closes what came before it: it follows a sentence end, or nothing
/// but a full stop stands between it and the end of its line.
fn at_clause_position(s: &str, open: usize, after: usize) -> bool {
    let before = s[..open].trim_end_matches(is_ws).chars().last();
    let follows_sentence =
        before.is_none_or(|c| matches!(c, '。' | '；' | ';' | '！' | '？' | '：' | ':'));
    let rest = s[after..].trim_start_matches(['。', '；', ';', ' ', '\t', '\u{3000}']);
    let ends_line = rest.is_empty() || rest.starts_with(['\n', '\r']);
    follows_sentence || ends_line
}

/// Splits at top-level separators (not inside nested brackets).
fn split_groups(s: &str, sep: impl Fn(char) -> bool) -> impl Iterator<Item = &str> {
    let mut depth = 0i32;
    let mut chars = s.char_indices();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        for (i, c) in chars.by_ref() {
            match bracket(c) {
                Some((_, true)) => depth += 1,
                Some((_, false)) => depth -= 1,
                _ if depth == 0 && sep(c) => {
                    start = Some(i + c.len_utf8());
                    return Some(&s[from..i]);
                }
                _ => {}
            }
        }
        start = None;
        Some(&s[from..])
    })
}

/// A group without its role word at the end, and the role.
fn strip_role<'s>(group: &'s str, lex: &Lexicon) -> (&'s str, Option<Role>) {
    let g = group.trim_matches(is_ws);
    // Most groups end in no role word: their last character says so.
    if !lex.derived.role_word_lasts.ends(g) {
        return (g, None);
    }
    match lex.role_words.suffix_of(g) {
        Some((w, role)) => (&g[..g.len() - w.len()], Some(role)),
        None => (g, None),
    }
}

/// Units of a group as written, appended to `out`: `、` separates, `等和`/`及各` join two
/// units, `各市、县人民政府` stays one unit, a trailing `等` is dropped.
fn split_units_into<'s>(s: &'s str, lex: &Lexicon, out: &mut Vec<Cow<'s, str>>) {
    // A short collective such as `各市` or `各区` goes on into the next name, so a
    // piece is cut into units only once the next one is seen.
    let mut pending: Option<Cow<str>> = None;
    for p in split_groups(s, |c| c == '、') {
        // One past the most a clause keeps tells that it had more (see [`push`]).
        if out.len() > MOST_UNITS {
            return;
        }
        let p = p.trim_matches(is_ws);
        if p.is_empty() {
            continue;
        }
        if let Some(last) = &mut pending {
            if last.starts_with(COLLECTIVE)
                && lex.unit_suffixes.suffix_of(last).is_none()
                && !p.starts_with(COLLECTIVE)
            {
                let last = last.to_mut();
                last.push('、');
                last.push_str(p);
                continue;
            }
        }
        if let Some(last) = pending.replace(Cow::Borrowed(p)) {
            cut_joined(last, lex, out);
        }
    }
    if let Some(last) = pending {
        cut_joined(last, lex, out);
    }
}

/// Cuts a piece between `、` into its units: `扶贫办等和各省级人民政府`, `银保监会及各地区`,
/// `海关总署等国务院相关部门`.
fn cut_joined<'s>(p: Cow<'s, str>, lex: &Lexicon, out: &mut Vec<Cow<'s, str>>) {
    // Pieces of a name as written are borrowed; of a joined one, copied.
    let piece = |r: Range<usize>| match &p {
        Cow::Borrowed(b) => Cow::Borrowed(&b[r]),
        Cow::Owned(o) => Cow::Owned(o[r].to_string()),
    };
    let text: &str = &p;
    let joins = &lex.derived.join_firsts;
    if !text.contains('等') && !joins.any_in(text) {
        out.push(piece(0..text.len()));
        return;
    }
    let mut start = 0;
    loop {
        let rest = &text[start..];
        // The first join word, if any.
        let cut = rest.char_indices().find_map(|(k, c)| {
            if !joins.contains(c) {
                return None;
            }
            lex.unit_joins.prefix_of(&rest[k..]).map(|w| (k, w))
        });
        let (head_len, tail) = match cut {
            Some((k, w)) => {
                // `及各地区`: the collective's 各 stays with the next unit.
                let keep = if w.ends_with(COLLECTIVE) {
                    COLLECTIVE.len_utf8()
                } else {
                    0
                };
                (k, Some(start + k + w.len() - keep))
            }
            None => (rest.len(), None),
        };
        let head = rest[..head_len].trim_end_matches('等');
        match head.find('等') {
            Some(k) if k > 0 && k + '等'.len_utf8() < head.len() => {
                out.push(piece(start..start + k));
                out.push(piece(start + k + '等'.len_utf8()..start + head.len()));
            }
            _ => {
                if !head.is_empty() {
                    out.push(piece(start..start + head.len()))
                }
            }
        }
        match tail {
            Some(t) => start = t,
            None => break,
        }
    }
}

/// A plausible unit name: short, mostly Han, no sentence inside.
fn unit_ok(u: &str, lex: &Lexicon) -> bool {
    if u.len() > LONGEST_UNIT * 4 || lex.derived.unit_not_starts.starts(u) {
        return false;
    }
    // One pass: characters, Han characters, and no sentence punctuation or quotes.
    let (mut n, mut han) = (0, 0);
    for c in u.chars() {
        if matches!(c, '。' | '：' | ':' | '“' | '”' | '"' | '《') {
            return false;
        }
        n += 1;
        han += is_han(c) as usize;
    }
    (1..=LONGEST_UNIT).contains(&n) && han * 2 >= n
}

/// A role written in brackets after one unit: `省发展改革委（牵头）`.
fn marked_role<'u>(u: &'u str, lex: &Lexicon) -> Option<(&'u str, Role)> {
    let body = u.strip_suffix(['）', ')'])?;
    let open = body.rfind(['（', '('])?;
    let word = &body[open + body[open..].chars().next()?.len_utf8()..];
    Some((&u[..open], lex.marked_roles.get(word)?))
}

fn push(cl: &mut Draft, role: Role, units: &[Cow<str>], state: &mut State) {
    for u in units {
        if cl.units.len() == MOST_UNITS {
            cl.cut = true;
            return;
        }
        let (role, name) = match marked_role(u, state.lex) {
            Some((name, r)) => (r, name),
            None => (role, &**u),
        };
        match state.unit(name) {
            Some(id) => cl.units.push((role, id)),
            None => cl.unnamed += 1,
        }
    }
}

fn apply_first_leads(cl: &mut Draft, state: &State) {
    if state.first_listed_leads && !cl.units.iter().any(|(r, _)| *r == Role::Lead) {
        if let Some(first) = cl.units.iter_mut().find(|(r, _)| *r == Role::Responsible) {
            first.0 = Role::Lead;
        }
    }
}

/// A group of a plain clause: its role word, and where its units before 会同, and its
/// own units, start in the clause's list of units.
#[derive(Debug, Clone)]
struct Group {
    role: Option<Role>,
    leads: usize,
    own: usize,
    end: usize,
}

/// `省商务厅、省财政厅,各市人民政府负责`: groups with a role word at their end;
/// a group without one takes the role of the next group that has one.
fn parse_plain(inner: &str, state: &mut State) -> Option<Draft> {
    let inner = inner.trim_matches(is_ws);
    // Only the first sentence holds units (`…负责落实。以下均需…`).
    let first_sentence = inner.split('。').next().unwrap_or("");
    let mut units: Vec<Cow<str>> = Vec::new();
    let mut groups = std::mem::take(&mut state.groups);
    groups.clear();
    let read = read_groups(first_sentence, state.lex, &mut units, &mut groups);
    let cl = read.map(|declared| {
        if declared {
            state.first_listed_leads = true;
        }
        let mut cl = state.draft();
        for g in &groups {
            push(&mut cl, Role::Lead, &units[g.leads..g.own], state);
            // Every group has its role now (see `read_groups`).
            push(
                &mut cl,
                g.role.unwrap_or(Role::Responsible),
                &units[g.own..g.end],
                state,
            );
        }
        apply_first_leads(&mut cl, state);
        cl
    });
    state.groups = groups;
    cl
}

/// Reads the groups of a plain clause into `groups`, their units into `units`, and
/// gives each group without a role word the role of the next group that has one.
/// Gives whether a group declared that the first-listed unit leads, or `None` when
/// this is no clause.
fn read_groups<'s>(
    first_sentence: &'s str,
    lex: &Lexicon,
    units: &mut Vec<Cow<'s, str>>,
    groups: &mut Vec<Group>,
) -> Option<bool> {
    let mut declared = false;
    for g in split_groups(first_sentence, is_group_sep) {
        let g = g.trim_matches(is_ws);
        if g.is_empty() {
            continue;
        }
        let declares = declares_first_leads(g, lex);
        if declares || lex.clause_fillers.is(g) {
            declared |= declares;
            continue;
        }
        let (names, role) = strip_role(g, lex);
        let leads = units.len();
        // `国家发展改革委会同有关部门负责`: the unit before 会同 leads.
        let joined = if lex.derived.joiner_firsts.any_in(names) {
            lex.lead_joiners.iter().find_map(|j| names.split_once(j))
        } else {
            None
        };
        let names = match joined {
            Some((a, b)) => {
                split_units_into(a, lex, units);
                if units.len() == leads {
                    return None;
                }
                b
            }
            None => names,
        };
        let own = units.len();
        split_units_into(names, lex, units);
        if units.len() == own || !units[leads..].iter().all(|u| unit_ok(u, lex)) {
            return None;
        }
        groups.push(Group {
            role,
            leads,
            own,
            end: units.len(),
        });
    }
    // The last group must say its role, or this is no clause.
    let mut next = groups.last()?.role?;
    for g in groups.iter_mut().rev() {
        next = *g.role.get_or_insert(next);
    }
    Some(declared)
}

/// Splits `牵头单位：A 配合单位：B` before each label that follows white space.
fn split_at_labels<'s>(g: &'s str, lex: &Lexicon) -> Vec<&'s str> {
    let mut cuts = vec![0];
    for (k, c) in g.char_indices() {
        if is_ws(c) {
            let next = k + c.len_utf8();
            let rest = g[next..].trim_start_matches(is_ws);
            if role_label_at(rest, lex).is_some() {
                cuts.push(g.len() - rest.len());
            }
        }
    }
    cuts.dedup();
    cuts.push(g.len());
    cuts.windows(2).map(|w| &g[w[0]..w[1]]).collect()
}

/// `牵头单位：市发展改革委，配合单位：市委组织部、…`, `责任单位：…`, `负责部门：…，适用范围：…`.
fn parse_labelled(inner: &str, state: &mut State) -> Option<Draft> {
    let lex = state.lex;
    let mut cl = state.draft();
    let mut current: Option<Role> = None;
    let mut any = false;
    let mut units = Vec::new();
    // `牵头单位：A 配合单位：B`: a label after white space starts a group too.
    let groups =
        split_groups(inner.trim_matches(is_ws), is_group_sep).flat_map(|g| split_at_labels(g, lex));
    for g in groups {
        let g = g.trim_matches(is_ws);
        units.clear();
        if let Some((n, role)) = role_label_at(g, lex) {
            current = Some(role);
            let rest = g[n..].trim_start_matches(['：', ':']);
            split_units_into(rest, lex, &mut units);
            if !units.iter().all(|u| unit_ok(u, lex)) {
                return None;
            }
            push(&mut cl, role, &units, state);
            any = true;
        } else if g.contains(['：', ':']) {
            // Another label (`适用范围：…`): not units.
            current = None;
        } else if let Some(role) = current {
            split_units_into(g, lex, &mut units);
            if units.iter().all(|u| unit_ok(u, lex)) {
                push(&mut cl, role, &units, state);
            }
        }
    }
    if !any {
        return None;
    }
    apply_first_leads(&mut cl, state);
    Some(cl)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    /// The units of the last clause in `s`, by role.
    fn roles(s: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
        let lex = Lexicon::builtin();
        let mut st = State::new(&lex, "[");
        let c = find(s, 0..s.len(), &mut st);
        let c = c.last().expect(s);
        let names = |role| {
            c.with_role(role)
                .map(|u| st.units[u.index()].name.to_string())
                .collect()
        };
        (
            names(Role::Lead),
            names(Role::Responsible),
            names(Role::Support),
        )
    }

    fn v(x: &[&str]) -> Vec<String> {
        x.iter().map(|s| s.to_string()).collect()
    }

    fn split_units(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        split_units_into(s, &Lexicon::builtin(), &mut out);
        out.into_iter().map(String::from).collect()
    }

    #[test]
    fn plain_clauses() {
        assert_eq!(
            roles("做好。(省商务厅、省财政厅,各市人民政府负责)"),
            (v(&[]), v(&["省商务厅", "省财政厅", "各市人民政府"]), v(&[]))
        );
        assert_eq!(
            roles("做好。(省文旅厅负责,省民政厅配合)"),
            (v(&[]), v(&["省文旅厅"]), v(&["省民政厅"]))
        );
        assert_eq!(
            roles("做好。(省卫健委牵头,各市人民政府负责)"),
            (v(&["省卫健委"]), v(&["各市人民政府"]), v(&[]))
        );
        assert_eq!(
            roles("做好。（省农业农村厅牵头，省供销社、省商务厅配合）"),
            (v(&["省农业农村厅"]), v(&[]), v(&["省供销社", "省商务厅"]))
        );
        assert_eq!(
            roles("做好。(省市场监管局牵头负责)"),
            (v(&["省市场监管局"]), v(&[]), v(&[]))
        );
        assert_eq!(
            roles("现代金融(金融业专班负责)"),
            (v(&[]), v(&["金融业专班"]), v(&[]))
        );
    }

    #[test]
    fn names() {
        assert_eq!(
            split_units("扶贫办等和各省级人民政府"),
            v(&["扶贫办", "各省级人民政府"])
        );
        assert_eq!(split_units("银保监会及各地区"), v(&["银保监会", "各地区"]));
        assert_eq!(
            split_units("人力资源和社会保障部、住房和城乡建设部"),
            v(&["人力资源和社会保障部", "住房和城乡建设部"])
        );
        assert_eq!(split_units("各市、县人民政府"), v(&["各市、县人民政府"]));
        assert_eq!(split_units("各区、县级市"), v(&["各区、县级市"]));
        assert_eq!(
            split_units("海关总署等国务院相关部门"),
            v(&["海关总署", "国务院相关部门"])
        );
        assert_eq!(split_units("商务部等"), v(&["商务部"]));
        assert_eq!(split_units("各地区、各部门"), v(&["各地区", "各部门"]));
    }

    #[test]
    fn not_clauses() {
        let lex = Lexicon::builtin();
        let mut st = State::new(&lex, "[");
        for s in [
            "支持首台(套)装备。",
            "落实《工作方案》(晋政办发〔2022〕6号)相关要求。",
            "创建模范县(市、区)10个。",
            "按照“一控二降三提升”原则(适度控高度,降密度、容积率,提升建设品质)开发建设。",
            "由国务院领导同志牵头负责的联席会议。",
        ] {
            assert!(find(s, 0..s.len(), &mut st).is_empty(), "{s}");
        }
    }

    #[test]
    fn labels_separated_by_spaces() {
        let s = "做好。\n牵头单位：省发展改革委　配合单位：省财政厅、省商务厅";
        assert_eq!(
            roles(s),
            (v(&["省发展改革委"]), v(&[]), v(&["省财政厅", "省商务厅"]))
        );
    }

    #[test]
    fn a_role_in_brackets_after_a_unit() {
        let s = "做好。\n责任单位：省发展改革委（牵头），省财政厅、省商务厅";
        assert_eq!(
            roles(s),
            (v(&["省发展改革委"]), v(&["省财政厅", "省商务厅"]), v(&[]))
        );
    }

    #[test]
    fn unclosed_clause_still_names_units() {
        assert_eq!(
            roles("做好。(省科技厅负责\n"),
            (v(&[]), v(&["省科技厅"]), v(&[]))
        );
    }

    #[test]
    fn first_listed_leads_and_labels() {
        let s = "试点。（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）\n2.x。（海关总署、商务部负责）";
        let lex = Lexicon::builtin();
        let mut st = State::new(&lex, "[");
        let c = find(s, 0..s.len(), &mut st);
        let names = |c: &Clause, role| -> Vec<String> {
            c.with_role(role)
                .map(|u| st.units[u.index()].name.to_string())
                .collect()
        };
        assert_eq!(names(&c[0], Role::Lead), v(&["税务总局"]));
        assert_eq!(names(&c[0], Role::Responsible), v(&["财政部", "海关总署"]));
        assert_eq!(names(&c[1], Role::Lead), v(&["海关总署"]));
        assert_eq!(
            &s[c[0].range.clone()],
            "（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）"
        );

        let s = "做好。（牵头单位：市发展改革委，配合单位：市委组织部、市人力资源和社会保障局，各区、县级市）";
        assert_eq!(
            roles(s),
            (
                v(&["市发展改革委"]),
                v(&[]),
                v(&["市委组织部", "市人力资源和社会保障局", "各区、县级市"])
            )
        );
        let s = "做好。\n责任单位：市商务局、市财政局";
        assert_eq!(roles(s), (v(&[]), v(&["市商务局", "市财政局"]), v(&[])));
        let s = "做好。（负责部门：民航局，适用范围：陕西自贸试验区）";
        assert_eq!(roles(s), (v(&[]), v(&["民航局"]), v(&[])));
        let s = "做好。（国家发展改革委会同有关部门负责）";
        assert_eq!(roles(s), (v(&["国家发展改革委"]), v(&["有关部门"]), v(&[])));
    }

    proptest::proptest! {
        /// Reading brackets a few at a time finds what one pass over the paragraph finds:
        /// the same clauses, whatever the nesting, the line breaks and the pairs.
        #[test]
        fn clauses_do_not_depend_on_the_chunk(
            parts in proptest::collection::vec(0usize..14, 0..120),
            chunk in 1usize..8,
        ) {
            const PIECES: [&str; 14] = [
                "（", "）", "(", ")", "〔", "〕", "[", "]", "\n", "做好工作。",
                "（省商务厅牵头，省财政厅配合）", "（省发改委负责）", "牵头单位：省民政厅\n",
                "（责任单位：市商务局）",
            ];
            let s: String = parts.iter().map(|&i| PIECES[i]).collect();
            let lex = Lexicon::builtin();
            let mut whole = State::new(&lex, &s);
            let expected = find(&s, 0..s.len(), &mut whole);
            let mut chunked = State::new(&lex, &s);
            chunked.chunk = chunk;
            let got = find(&s, 0..s.len(), &mut chunked);
            proptest::prop_assert_eq!(got, expected, "{:?}", s);
        }
    }

    #[test]
    fn units_are_resolved_once() {
        let lex = Lexicon::builtin();
        let mut st = State::new(&lex, "[");
        let s = "甲。（省发改委负责）\n乙。（省发改委牵头，省商务厅配合）";
        let c = find(s, 0..s.len(), &mut st);
        assert_eq!(c.len(), 2);
        assert_eq!(st.units.len(), 2);
        assert_eq!(&*st.units[0].canonical, "省发展改革委");
        assert_eq!(c[0].units[0].unit, c[1].units[0].unit);
    }
}
