//! Responsibility clauses: who leads (牵头), who is responsible (负责), who
//! supports (配合/参与/协助) a task.
//!
//! Takes a node's own text; gives its clauses in order, each with the units of
//! each role as written. Forms: a bracket at the end of a sentence or heading
//! `（省农业农村厅牵头，省供销社、省商务厅配合）`, labelled forms
//! `（牵头单位：…，配合单位：…）` / `责任单位：…` (bracketed or on a line of their
//! own), and the declaration `排在第一位的部门为牵头部门，下同`.

use crate::outline::{is_han, is_ws, line_break};
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// A unit name as written. The same few names recur in every clause of a document,
/// so each distinct name is held once and shared (see [`State`]).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(Arc<str>);

impl Name {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl serde::Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name(s.into())
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, o: &str) -> bool {
        &*self.0 == o
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, o: &String) -> bool {
        *self.0 == **o
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, o: &&str) -> bool {
        &*self.0 == *o
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Lead,
    Responsible,
    Support,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Responsible => "responsible",
            Role::Support => "support",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// From the opening bracket (or first character) to the closing bracket.
    pub range: Range<usize>,
    pub lead: Box<[Name]>,
    pub responsible: Box<[Name]>,
    pub support: Box<[Name]>,
}

/// A clause being read: its units with their roles, in the order written.
struct Draft {
    units: Vec<(Role, Name)>,
}

impl Draft {
    fn into_clause(mut self, range: Range<usize>, state: &mut State) -> Clause {
        // Each list in an allocation of its size.
        let count = |role: Role| self.units.iter().filter(|(r, _)| *r == role).count();
        let mut lists =
            [Role::Lead, Role::Responsible, Role::Support].map(|r| Vec::with_capacity(count(r)));
        for (role, name) in self.units.drain(..) {
            lists[role as usize].push(name);
        }
        state.spare = self.units;
        let [lead, responsible, support] = lists.map(Vec::into_boxed_slice);
        Clause {
            range,
            lead,
            responsible,
            support,
        }
    }
}

impl Clause {
    pub fn units(&self) -> impl Iterator<Item = (Role, &str)> {
        self.lead
            .iter()
            .map(|u| (Role::Lead, u.as_str()))
            .chain(
                self.responsible
                    .iter()
                    .map(|u| (Role::Responsible, u.as_str())),
            )
            .chain(self.support.iter().map(|u| (Role::Support, u.as_str())))
    }
}

/// What carries over from one clause to the next: the declaration that the
/// first-listed unit leads (`列第一位者为牵头单位，下同`).
#[derive(Debug, Clone, Default)]
pub struct State {
    pub first_listed_leads: bool,
    /// The unit names met so far, each held once.
    names: HashSet<Name>,
    /// The clauses of the range being read: kept, so each range's list is allocated
    /// once at its size.
    clauses: Vec<Clause>,
    /// Room for a clause's units and groups while it is read, used again and again.
    spare: Vec<(Role, Name)>,
    groups: Vec<Group>,
}

impl State {
    /// An empty draft, in the room of the last one.
    fn draft(&mut self) -> Draft {
        let mut units = std::mem::take(&mut self.spare);
        units.clear();
        Draft { units }
    }

    fn name(&mut self, s: &str) -> Name {
        if let Some(n) = self.names.get(s) {
            return n.clone();
        }
        let n = Name::from(s);
        self.names.insert(n.clone());
        n
    }
}

/// Role words at the end of a group, longest first.
const ROLE_SUFFIXES: &[(&str, Role)] = &[
    ("牵头负责", Role::Lead),
    ("按职责分工负责", Role::Responsible),
    ("按职责分别负责", Role::Responsible),
    ("分别负责", Role::Responsible),
    ("共同负责", Role::Responsible),
    ("负责落实", Role::Responsible),
    ("具体负责", Role::Responsible),
    ("负责", Role::Responsible),
    ("牵头", Role::Lead),
    ("指导", Role::Lead),
    ("配合", Role::Support),
    ("参与", Role::Support),
    ("协助", Role::Support),
    ("协同", Role::Support),
];

/// The last characters of [`ROLE_SUFFIXES`].
const ROLE_SUFFIX_LASTS: [char; 8] = ['责', '实', '头', '导', '合', '与', '助', '同'];

/// Labels of the labelled form, longest first.
const ROLE_LABELS: &[(&str, Role)] = &[
    ("牵头单位", Role::Lead),
    ("牵头部门", Role::Lead),
    ("责任单位", Role::Responsible),
    ("责任部门", Role::Responsible),
    ("负责单位", Role::Responsible),
    ("负责部门", Role::Responsible),
    ("主责单位", Role::Responsible),
    ("配合单位", Role::Support),
    ("配合部门", Role::Support),
    ("协办单位", Role::Support),
    ("参与单位", Role::Support),
];

/// The first characters of [`ROLE_LABELS`].
const ROLE_LABEL_FIRSTS: [char; 7] = ['牵', '责', '负', '主', '配', '协', '参'];

fn is_group_sep(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';')
}

/// `列第一位者为牵头单位，下同`, `排在第一位的部门为牵头部门`.
pub fn declares_first_leads(s: &str) -> bool {
    // Every form holds `第一` or `首位`: quick searches rule out almost all text (a
    // short text by its characters, a long one by the words).
    if s.len() < 64 {
        return s.contains(['第', '首']) && s.contains("牵头") && FIRST_LISTED.is_match(s);
    }
    let has = |w: &LazyLock<Finder>| w.find(s.as_bytes()).is_some();
    (has(&DI_YI) || has(&SHOU_WEI)) && has(&QIAN_TOU) && FIRST_LISTED.is_match(s)
}

/// The places in `text` where a declaration that the first-listed unit leads may stand:
/// every such declaration overlaps one of them (a search that skips no place it could
/// start), so a range that overlaps none holds none.
pub fn first_listed_marks(text: &str) -> Vec<Range<usize>> {
    FIRST_LISTED.find_iter(text).map(|m| m.range()).collect()
}

type Finder = memchr::memmem::Finder<'static>;
static DI_YI: LazyLock<Finder> = LazyLock::new(|| Finder::new("第一"));
static SHOU_WEI: LazyLock<Finder> = LazyLock::new(|| Finder::new("首位"));
static QIAN_TOU: LazyLock<Finder> = LazyLock::new(|| Finder::new("牵头"));

static FIRST_LISTED: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new("第一位|排在首位|列首位|排名第一").unwrap());

/// Finds the clauses in `range` of `text`, in order (in a vector of their number).
pub fn find(text: &str, range: Range<usize>, state: &mut State) -> Vec<Clause> {
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
        if j < *i || role_label_at(&s[j..]).is_none() {
            return;
        }
        let end = line_break(&s[j..]).map_or(s.len(), |e| j + e);
        let body = s[j..end]
            .trim_end_matches(is_ws)
            .trim_end_matches(['。', '.']);
        if let Some(cl) = parse_labelled(body, state) {
            out.push(cl.into_clause(range.start + j..range.start + j + body.len(), state));
        }
        *i = end;
    };
    let mut pending = Some(0);
    // Only opening brackets and line breaks matter.
    for at in crate::charset::brackets_and_breaks(s) {
        if let Some(ls) = pending.take() {
            line_start(ls, &mut i, out, state);
        }
        if at < i {
            continue;
        }
        let c = s[at..].chars().next().unwrap();
        match c {
            '\n' | '\r' => {
                pending = Some(at + 1);
                continue;
            }
            ')' | '）' => continue,
            _ => {}
        }
        // A clause whose closing bracket was forgotten still names its units; the
        // check reports the bracket.
        let close = matching_close(s, at).or_else(|| {
            let hi = crate::span::ceil_boundary(s, at + 1200);
            let eol = line_break(&s[at..hi]).map_or(hi, |e| at + e);
            let inner = s[at + c.len_utf8()..eol].trim_end_matches(|c: char| is_ws(c) || c == '。');
            (!inner.contains(['(', '（', ')', '）'])).then_some(at + c.len_utf8() + inner.len())
        });
        let Some(close) = close else { continue };
        let inner = &s[at + c.len_utf8()..close];
        let after_close = close
            + s[close..]
                .chars()
                .next()
                .filter(|c| matches!(c, ')' | '）'))
                .map_or(0, char::len_utf8);
        if !at_clause_position(s, at, after_close) {
            continue;
        }
        let parsed = if role_label_at(inner).is_some() {
            parse_labelled(inner, state)
        } else {
            parse_plain(inner, state)
        };
        if let Some(cl) = parsed {
            out.push(cl.into_clause(range.start + at..range.start + after_close, state));
            i = after_close;
        }
    }
    if let Some(ls) = pending {
        line_start(ls, &mut i, out, state);
    }
}

fn role_label_at(s: &str) -> Option<usize> {
    // Most places are no label: one look at the first character rules them out.
    if !s.starts_with(ROLE_LABEL_FIRSTS) {
        return None;
    }
    ROLE_LABELS.iter().find_map(|(l, _)| {
        let rest = s.strip_prefix(l)?;
        rest.starts_with(['：', ':']).then_some(l.len())
    })
}

/// The byte index of the bracket closing the one at `open`, on the same line.
pub fn matching_close(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    // Clauses are short: looking further than this only costs time on long lines.
    let hi = crate::span::ceil_boundary(s, open + 3000);
    for (k, c) in s[open..hi].char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + k);
                }
            }
            '\n' | '\r' => return None,
            _ => {}
        }
    }
    None
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
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth -= 1,
                c if depth == 0 && sep(c) => {
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

fn strip_role(group: &str) -> (&str, Option<Role>) {
    let g = group.trim_matches(is_ws);
    // Most groups end in no role word: their last character says so.
    if !g.ends_with(ROLE_SUFFIX_LASTS) {
        return (g, None);
    }
    for (suf, role) in ROLE_SUFFIXES {
        if let Some(rest) = g.strip_suffix(suf) {
            return (rest, Some(*role));
        }
    }
    (g, None)
}

/// Units of a group as written: `、` separates, `等和`/`及各` join two units,
/// `各市、县人民政府` stays one unit, a trailing `等` is dropped.
pub fn split_units(s: &str) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    split_units_into(s, &mut out);
    out
}

/// [`split_units`], appending to `out`.
fn split_units_into<'s>(s: &'s str, out: &mut Vec<Cow<'s, str>>) {
    // A short collective such as `各市` or `各区` goes on into the next name, so a
    // piece is cut into units only once the next one is seen.
    let mut pending: Option<Cow<str>> = None;
    for p in split_groups(s, |c| c == '、') {
        let p = p.trim_matches(is_ws);
        if p.is_empty() {
            continue;
        }
        if let Some(last) = &mut pending {
            if last.starts_with('各') && !has_org_suffix(last) && !p.starts_with('各') {
                let last = last.to_mut();
                last.push('、');
                last.push_str(p);
                continue;
            }
        }
        if let Some(last) = pending.replace(Cow::Borrowed(p)) {
            cut_joined(last, out);
        }
    }
    if let Some(last) = pending {
        cut_joined(last, out);
    }
}

/// Words that join two units in one piece, each the first of its characters.
const JOINS: [&str; 7] = ["等和", "等及", "等与", "及各", "和各", "与各", "以及"];

/// Cuts a piece between `、` into its units: `扶贫办等和各省级人民政府`, `银保监会及各地区`,
/// `海关总署等国务院相关部门`.
fn cut_joined<'s>(p: Cow<'s, str>, out: &mut Vec<Cow<'s, str>>) {
    // Pieces of a name as written are borrowed; of a joined one, copied.
    let piece = |r: Range<usize>| match &p {
        Cow::Borrowed(b) => Cow::Borrowed(&b[r]),
        Cow::Owned(o) => Cow::Owned(o[r].to_string()),
    };
    let text: &str = &p;
    if !text.contains(['等', '及', '与', '和', '以']) {
        out.push(piece(0..text.len()));
        return;
    }
    let mut start = 0;
    loop {
        let rest = &text[start..];
        // The first join word, if any (no two of them start at one place).
        let cut = rest.char_indices().find_map(|(k, c)| {
            if !matches!(c, '等' | '及' | '与' | '和' | '以') {
                return None;
            }
            JOINS
                .iter()
                .find(|w| rest[k..].starts_with(*w))
                .map(|w| (k, *w))
        });
        let (head_len, tail) = match cut {
            Some((k, w)) => {
                let keep_ge = w.ends_with('各');
                let tail_start = if keep_ge {
                    k + w.len() - '各'.len_utf8()
                } else {
                    k + w.len()
                };
                (k, Some(start + tail_start))
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

fn has_org_suffix(s: &str) -> bool {
    [
        "政府", "部", "厅", "局", "委", "办", "会", "院", "行", "司", "中心", "署", "所", "团",
        "室", "组", "部门", "单位", "企业",
    ]
    .iter()
    .any(|x| s.ends_with(x))
}

/// A plausible unit name: short, mostly Han, no sentence inside.
fn unit_ok(u: &str) -> bool {
    if u.len() > 40 * 4 || u.starts_with(['对', '在', '将', '按', '以', '从', '为']) {
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
    (1..=40).contains(&n) && han * 2 >= n
}

/// A role written in brackets after one unit: `省发展改革委（牵头）`.
fn marked_role(u: &str) -> Option<(&str, Role)> {
    let body = u.strip_suffix(['）', ')'])?;
    let open = body.rfind(['（', '('])?;
    let word = &body[open + body[open..].chars().next()?.len_utf8()..];
    let role = match word {
        "牵头" | "牵头单位" | "牵头部门" => Role::Lead,
        "负责" | "责任单位" => Role::Responsible,
        "配合" | "参与" | "协助" | "配合单位" => Role::Support,
        _ => return None,
    };
    Some((&u[..open], role))
}

fn push(cl: &mut Draft, role: Role, units: &[Cow<str>], state: &mut State) {
    for u in units {
        cl.units.push(match marked_role(u) {
            Some((name, r)) => (r, state.name(name)),
            None => (role, state.name(u)),
        });
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
    let read = read_groups(first_sentence, &mut units, &mut groups);
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
    units: &mut Vec<Cow<'s, str>>,
    groups: &mut Vec<Group>,
) -> Option<bool> {
    let mut declared = false;
    for g in split_groups(first_sentence, is_group_sep) {
        let g = g.trim_matches(is_ws);
        if g.is_empty() {
            continue;
        }
        let declares = declares_first_leads(g);
        if declares || g == "下同" {
            declared |= declares;
            continue;
        }
        let (names, role) = strip_role(g);
        let leads = units.len();
        // `国家发展改革委会同有关部门负责`: the unit before 会同 leads.
        let huitong = if names.contains('会') {
            names.split_once("会同")
        } else {
            None
        };
        let names = match huitong {
            Some((a, b)) => {
                split_units_into(a, units);
                if units.len() == leads {
                    return None;
                }
                b
            }
            None => names,
        };
        let own = units.len();
        split_units_into(names, units);
        if units.len() == own || !units[leads..].iter().all(|u| unit_ok(u)) {
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
fn split_at_labels(g: &str) -> Vec<&str> {
    let mut cuts = vec![0];
    for (k, c) in g.char_indices() {
        if is_ws(c) {
            let next = k + c.len_utf8();
            let rest = g[next..].trim_start_matches(is_ws);
            if role_label_at(rest).is_some() {
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
    let mut cl = state.draft();
    let mut current: Option<Role> = None;
    let mut any = false;
    // `牵头单位：A 配合单位：B`: a label after white space starts a group too.
    let groups = split_groups(inner.trim_matches(is_ws), is_group_sep).flat_map(split_at_labels);
    for g in groups {
        let g = g.trim_matches(is_ws);
        if let Some(n) = role_label_at(g) {
            let role = ROLE_LABELS
                .iter()
                .find(|(l, _)| g.starts_with(l))
                .map(|x| x.1);
            current = role;
            let rest = g[n..].trim_start_matches(['：', ':']);
            let units = split_units(rest);
            if !units.iter().all(|u| unit_ok(u)) {
                return None;
            }
            push(&mut cl, role?, &units, state);
            any = true;
        } else if g.contains(['：', ':']) {
            // Another label (`适用范围：…`): not units.
            current = None;
        } else if let Some(role) = current {
            let units = split_units(g);
            if units.iter().all(|u| unit_ok(u)) {
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

    fn strings(v: &[Name]) -> Vec<String> {
        v.iter().map(Name::to_string).collect()
    }

    fn roles(s: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
        let mut st = State::default();
        let c = find(s, 0..s.len(), &mut st);
        let c = c.last().expect(s);
        (
            strings(&c.lead),
            strings(&c.responsible),
            strings(&c.support),
        )
    }

    fn v(x: &[&str]) -> Vec<String> {
        x.iter().map(|s| s.to_string()).collect()
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
        let mut st = State::default();
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
    fn role_suffix_lasts_are_those_of_the_suffixes() {
        let mut lasts: Vec<char> = Vec::new();
        for (w, _) in ROLE_SUFFIXES {
            let c = w.chars().last().unwrap();
            if !lasts.contains(&c) {
                lasts.push(c);
            }
        }
        assert_eq!(lasts, ROLE_SUFFIX_LASTS);
    }

    #[test]
    fn role_label_firsts_are_those_of_the_labels() {
        let mut firsts: Vec<char> = ROLE_LABELS
            .iter()
            .filter_map(|(l, _)| l.chars().next())
            .collect();
        firsts.dedup();
        assert_eq!(firsts, ROLE_LABEL_FIRSTS);
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
        let mut st = State::default();
        let c = find(s, 0..s.len(), &mut st);
        assert_eq!(strings(&c[0].lead), v(&["税务总局"]));
        assert_eq!(strings(&c[0].responsible), v(&["财政部", "海关总署"]));
        assert_eq!(strings(&c[1].lead), v(&["海关总署"]));
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
}
