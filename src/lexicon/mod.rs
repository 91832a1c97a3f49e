//! The lexicon: every word list the rules use, loaded once from `data/lexicon/`.
//!
//! Takes the files compiled in (and any the user adds); gives the lists, each sorted
//! longest word first, and what is derived from them (the searches and character sets
//! the stages use to rule text out quickly). No rule names a word of its own: what
//! gongwen knows about the language is here, so a user can extend it without
//! touching code, the way `--units` extends the unit names.
//!
//! A user's additions are a TSV file of `list<TAB>entry…` lines, where `list` is the
//! name of a file in `data/lexicon/` (without its extension) and the entry has that
//! file's columns: `chrome_words<TAB>打印此页`, `role_words<TAB>主抓<TAB>lead`,
//! `units<TAB>市商务局<TAB>municipal_department<TAB>商务局`.

pub(crate) mod messages;
mod units;

use crate::model::{Column, Error, Qualifier, Role};
use crate::text::charset::CharSet;
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, LazyLock, OnceLock};
pub(crate) use units::Units;

/// A list of words, longest first (of two words that both match, the longer wins).
/// Each word's first and last characters are kept beside it, so a search compares one
/// character before it compares a word.
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    list: Vec<(Box<str>, char, char)>,
}

/// A word with its first and last characters.
fn ends(w: &str) -> (Box<str>, char, char) {
    let first = w.chars().next().unwrap_or_default();
    let last = w.chars().next_back().unwrap_or_default();
    (w.into(), first, last)
}

/// Where a word of `n` characters goes in a list kept longest first: after every word
/// at least as long, so words of one length keep the order they were listed in.
fn place<T>(list: &[T], n: usize, len: impl Fn(&T) -> usize) -> usize {
    list.partition_point(|x| len(x) >= n)
}

impl Words {
    /// Adds a word (if it is not there yet), keeping the list longest first.
    fn push(&mut self, w: &str) -> usize {
        if let Some(k) = self.iter().position(|x| x == w) {
            return k;
        }
        let k = place(&self.list, w.chars().count(), |(x, _, _)| x.chars().count());
        self.list.insert(k, ends(w));
        k
    }

    /// The words, longest first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(|(w, _, _)| &**w)
    }

    /// Whether `s` holds any of the words.
    pub(crate) fn found_in(&self, s: &str) -> bool {
        self.iter().any(|w| s.contains(w))
    }

    /// Whether `s` is one of the words.
    pub(crate) fn is(&self, s: &str) -> bool {
        self.iter().any(|w| w == s)
    }

    /// Which word (the longest) `s` ends with.
    fn suffix_index(&self, s: &str) -> Option<usize> {
        let c = s.chars().next_back()?;
        self.list
            .iter()
            .position(|(w, _, last)| *last == c && s.ends_with(&**w))
    }

    /// Which word (the longest) `s` starts with.
    fn prefix_index(&self, s: &str) -> Option<usize> {
        let c = s.chars().next()?;
        self.list
            .iter()
            .position(|(w, first, _)| *first == c && s.starts_with(&**w))
    }

    /// The longest word `s` ends with.
    pub(crate) fn suffix_of(&self, s: &str) -> Option<&str> {
        self.suffix_index(s).map(|k| &*self.list[k].0)
    }

    /// The longest word `s` starts with.
    pub(crate) fn prefix_of(&self, s: &str) -> Option<&str> {
        self.prefix_index(s).map(|k| &*self.list[k].0)
    }

    /// The first characters of the words.
    fn firsts(&self) -> CharSet {
        CharSet::of(self.list.iter().map(|(_, first, _)| *first))
    }
}

/// Words with a value, longest first.
#[derive(Debug, Clone)]
pub(crate) struct Table<V> {
    words: Words,
    values: Vec<V>,
}

impl<V> Default for Table<V> {
    fn default() -> Self {
        Table {
            words: Words::default(),
            values: Vec::new(),
        }
    }
}

impl<V: Copy> Table<V> {
    /// Adds a word with its value; a word already there takes the new value.
    fn push(&mut self, w: &str, v: V) {
        let before = self.words.list.len();
        let k = self.words.push(w);
        if self.words.list.len() > before {
            self.values.insert(k, v);
        } else {
            self.values[k] = v;
        }
    }

    /// The words and their values, longest first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, V)> {
        self.words.iter().zip(self.values.iter().copied())
    }

    fn entry(&self, k: usize) -> (&str, V) {
        (&*self.words.list[k].0, self.values[k])
    }

    /// The longest word `s` ends with, and its value.
    pub(crate) fn suffix_of(&self, s: &str) -> Option<(&str, V)> {
        self.words.suffix_index(s).map(|k| self.entry(k))
    }

    /// The longest word `s` starts with, and its value.
    pub(crate) fn prefix_of(&self, s: &str) -> Option<(&str, V)> {
        self.words.prefix_index(s).map(|k| self.entry(k))
    }

    /// The value of the word `s`.
    pub(crate) fn get(&self, s: &str) -> Option<V> {
        self.iter().find(|(w, _)| *w == s).map(|(_, v)| v)
    }
}

/// What a label of a web page's information table names (`data/lexicon/page_labels.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageField {
    Title,
    DocNumber,
    IndexNumber,
    Subject,
    Issuer,
    Date,
    Published,
}

impl PageField {
    fn parse(s: &str) -> Result<PageField, String> {
        Ok(match s {
            "title" => PageField::Title,
            "doc_number" => PageField::DocNumber,
            "index_number" => PageField::IndexNumber,
            "subject" => PageField::Subject,
            "issuer" => PageField::Issuer,
            "date" => PageField::Date,
            "published" => PageField::Published,
            _ => return Err(format!("unknown page field `{s}`")),
        })
    }
}

/// A unit of measure or counter that may follow a number (`data/lexicon/measures.txt`).
#[derive(Debug, Clone)]
pub(crate) struct Measure {
    /// As written after the number.
    pub(crate) text: Box<str>,
    /// The unit the quantity reports (`元` for `万元`).
    pub(crate) unit: Arc<str>,
    /// What the number is multiplied by (`万元` → 10000).
    pub(crate) factor: f64,
    /// Its 万/亿 stays part of the unit: 100万千瓦 is 100 万千瓦.
    pub(crate) compound: bool,
    /// May follow a Chinese numeral (三大, 五类), not only digits.
    pub(crate) after_cn: bool,
    /// Counts programmes (十大产业): never a target.
    pub(crate) programme: bool,
}

/// The measures by their first character, longest first within each.
#[derive(Debug, Clone, Default)]
pub(crate) struct Measures {
    by_first: HashMap<char, Vec<Measure>>,
    /// Units already handed out, so that equal units share one allocation.
    units: HashMap<Box<str>, Arc<str>>,
    /// The units that count programmes.
    programmes: Vec<Arc<str>>,
}

impl Measures {
    fn unit(&mut self, u: &str) -> Arc<str> {
        self.units
            .entry(u.into())
            .or_insert_with(|| u.into())
            .clone()
    }

    /// `万元 = 元 10000`, `*万千瓦`, `个 cn`, `大 cn programme`.
    fn push(&mut self, line: &str) -> Result<(), String> {
        let mut words = line.split_whitespace();
        let first = words.next().ok_or("an empty measure")?;
        let (text, compound) = match first.strip_prefix('*') {
            Some(t) => (t, true),
            None => (first, false),
        };
        let (mut after_cn, mut programme, mut unit, mut factor) = (false, false, text, 1.0);
        while let Some(w) = words.next() {
            match w {
                "cn" => after_cn = true,
                "programme" => programme = true,
                "=" => {
                    unit = words.next().ok_or("`=` needs a unit")?;
                    factor = match words.next() {
                        Some(f) => f.parse().map_err(|_| format!("bad factor `{f}`"))?,
                        None => 1.0,
                    };
                }
                _ => return Err(format!("unknown flag `{w}` (cn, programme, = UNIT FACTOR)")),
            }
        }
        let m = Measure {
            text: text.into(),
            unit: self.unit(unit),
            factor,
            compound,
            after_cn,
            programme,
        };
        if m.programme && !self.programmes.contains(&m.unit) {
            self.programmes.push(m.unit.clone());
        }
        let first = text.chars().next().ok_or("an empty measure")?;
        let bucket = self.by_first.entry(first).or_default();
        bucket.retain(|x| x.text != m.text);
        let k = place(bucket, text.chars().count(), |x| x.text.chars().count());
        bucket.insert(k, m);
        Ok(())
    }

    /// The measures that may start `s`, longest first.
    pub(crate) fn at<'a, 's>(
        &'a self,
        s: &'s str,
    ) -> impl Iterator<Item = &'a Measure> + use<'a, 's> {
        s.chars()
            .next()
            .and_then(|c| self.by_first.get(&c))
            .into_iter()
            .flatten()
            .filter(move |m| s.starts_with(&*m.text))
    }

    /// Whether this unit counts programmes.
    pub(crate) fn is_programme(&self, unit: &str) -> bool {
        self.programmes.iter().any(|p| &**p == unit)
    }
}

/// Every word list of gongwen, and the searches derived from them.
///
/// [`Lexicon::builtin`] is the one compiled in; `Lexicon::default()` is empty, for a
/// lexicon built from scratch with [`add`](Lexicon::add).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    // The outline's: header, trailer and headings.
    pub(crate) chrome_words: Words,
    pub(crate) header_labels: Words,
    pub(crate) source_labels: Words,
    pub(crate) signature_suffixes: Words,
    pub(crate) note_words: Words,
    pub(crate) toc_headings: Words,
    pub(crate) untasked_titles: Words,
    pub(crate) signatory_titles: Words,
    pub(crate) duty_not_starts: Words,
    pub(crate) place_suffixes: Words,
    pub(crate) issued_to: Words,
    pub(crate) attachment_words: Words,
    pub(crate) reference_after: Words,
    // Metadata.
    pub(crate) doc_types: Words,
    pub(crate) regulation_types: Words,
    pub(crate) agency_cuts: Words,
    pub(crate) agency_prefixes: Words,
    // Checks of the document type.
    pub(crate) closings: Words,
    pub(crate) downward_types: Words,
    pub(crate) approval_requests: Words,
    pub(crate) superior_address: Words,
    pub(crate) total_words: Words,
    // Responsibility.
    pub(crate) role_words: Table<Role>,
    pub(crate) duty_words: Table<Role>,
    pub(crate) table_columns: Table<Column>,
    pub(crate) role_labels: Table<Role>,
    pub(crate) marked_roles: Table<Role>,
    pub(crate) first_listed: Words,
    pub(crate) lead_words: Words,
    pub(crate) lead_joiners: Words,
    pub(crate) clause_fillers: Words,
    pub(crate) unit_suffixes: Words,
    pub(crate) unit_not_starts: Words,
    pub(crate) unit_joins: Words,
    pub(crate) units: Units,
    // Quantities.
    pub(crate) measures: Measures,
    pub(crate) target_cues: Words,
    pub(crate) not_target_cues: Words,
    pub(crate) qualifiers_before: Table<Qualifier>,
    pub(crate) qualifiers_after: Table<Qualifier>,
    pub(crate) range_connectors: Words,
    pub(crate) change_from: Words,
    pub(crate) change_to: Words,
    pub(crate) per_prefixes: Table<f64>,
    pub(crate) tenths_not: Words,
    pub(crate) durations: Words,
    pub(crate) currencies: Vec<(Box<str>, Arc<str>)>,
    // Web pages.
    /// CSS selectors of the article, in the order they are tried (not longest first).
    pub(crate) html_content: Vec<Box<str>>,
    pub(crate) page_labels: Table<PageField>,
    pub(crate) attachment_extensions: Words,
    pub(crate) site_words: Words,
    /// What is derived from the lists, made again after every addition.
    pub(crate) derived: Derived,
}

/// Searches and character sets made from the lists, for speed. The searches are built
/// when first used: a short document that has no quantity does not pay for them.
#[derive(Debug, Clone)]
pub(crate) struct Derived {
    target_cue: OnceLock<Regex>,
    not_target_cue: OnceLock<Regex>,
    first_listed: OnceLock<Regex>,
    duty: OnceLock<Regex>,
    /// The first characters of the first-listed words: a text without one holds none.
    pub(crate) first_listed_firsts: CharSet,
    /// The last characters of the role words.
    pub(crate) role_word_lasts: CharSet,
    /// The first characters of the role labels.
    pub(crate) role_label_firsts: CharSet,
    /// The first characters of the duty words.
    pub(crate) duty_firsts: CharSet,
    /// The first characters of the unit joins.
    pub(crate) join_firsts: CharSet,
    /// The first characters of the lead joiners (会同).
    pub(crate) joiner_firsts: CharSet,
    /// Characters a unit name does not start with.
    pub(crate) unit_not_starts: CharSet,
    /// The unit `%`, given to parts-per and tenths (百分之五, 七成).
    pub(crate) percent: Arc<str>,
    /// The unit of ratios (`2:2:4:2`).
    pub(crate) ratio: Arc<str>,
}

/// A place name has at most this many characters (`黔东南苗族侗族自治州` is 10).
const LONGEST_PLACE: usize = 10;

/// A search for any of `words`; one that finds nothing when there are none.
fn any_of(words: &Words) -> Regex {
    let alternatives: Vec<String> = words.iter().map(regex::escape).collect();
    if alternatives.is_empty() {
        return Regex::new(r"[^\s\S]").expect("a valid pattern");
    }
    Regex::new(&alternatives.join("|")).expect("escaped words make a valid pattern")
}

impl Default for Derived {
    fn default() -> Self {
        Derived {
            target_cue: OnceLock::new(),
            not_target_cue: OnceLock::new(),
            first_listed: OnceLock::new(),
            duty: OnceLock::new(),
            first_listed_firsts: CharSet::default(),
            role_word_lasts: CharSet::default(),
            role_label_firsts: CharSet::default(),
            duty_firsts: CharSet::default(),
            join_firsts: CharSet::default(),
            joiner_firsts: CharSet::default(),
            unit_not_starts: CharSet::default(),
            percent: "%".into(),
            ratio: "ratio".into(),
        }
    }
}

/// The files of `data/lexicon/`, compiled in: (list name, content).
const BUILTIN: &[(&str, &str)] = &[
    (
        "chrome_words",
        include_str!("../../data/lexicon/chrome_words.txt"),
    ),
    (
        "header_labels",
        include_str!("../../data/lexicon/header_labels.txt"),
    ),
    (
        "source_labels",
        include_str!("../../data/lexicon/source_labels.txt"),
    ),
    (
        "signature_suffixes",
        include_str!("../../data/lexicon/signature_suffixes.txt"),
    ),
    (
        "note_words",
        include_str!("../../data/lexicon/note_words.txt"),
    ),
    (
        "toc_headings",
        include_str!("../../data/lexicon/toc_headings.txt"),
    ),
    (
        "untasked_titles",
        include_str!("../../data/lexicon/untasked_titles.txt"),
    ),
    (
        "signatory_titles",
        include_str!("../../data/lexicon/signatory_titles.txt"),
    ),
    (
        "duty_not_starts",
        include_str!("../../data/lexicon/duty_not_starts.txt"),
    ),
    (
        "place_suffixes",
        include_str!("../../data/lexicon/place_suffixes.txt"),
    ),
    (
        "issued_to",
        include_str!("../../data/lexicon/issued_to.txt"),
    ),
    (
        "attachment_words",
        include_str!("../../data/lexicon/attachment_words.txt"),
    ),
    ("closings", include_str!("../../data/lexicon/closings.txt")),
    (
        "downward_types",
        include_str!("../../data/lexicon/downward_types.txt"),
    ),
    (
        "approval_requests",
        include_str!("../../data/lexicon/approval_requests.txt"),
    ),
    (
        "superior_address",
        include_str!("../../data/lexicon/superior_address.txt"),
    ),
    (
        "total_words",
        include_str!("../../data/lexicon/total_words.txt"),
    ),
    (
        "reference_after",
        include_str!("../../data/lexicon/reference_after.txt"),
    ),
    (
        "doc_types",
        include_str!("../../data/lexicon/doc_types.txt"),
    ),
    (
        "regulation_types",
        include_str!("../../data/lexicon/regulation_types.txt"),
    ),
    (
        "agency_cuts",
        include_str!("../../data/lexicon/agency_cuts.txt"),
    ),
    (
        "agency_prefixes",
        include_str!("../../data/lexicon/agency_prefixes.txt"),
    ),
    (
        "role_words",
        include_str!("../../data/lexicon/role_words.tsv"),
    ),
    (
        "duty_words",
        include_str!("../../data/lexicon/duty_words.tsv"),
    ),
    (
        "table_columns",
        include_str!("../../data/lexicon/table_columns.tsv"),
    ),
    (
        "role_labels",
        include_str!("../../data/lexicon/role_labels.tsv"),
    ),
    (
        "marked_roles",
        include_str!("../../data/lexicon/marked_roles.tsv"),
    ),
    (
        "first_listed",
        include_str!("../../data/lexicon/first_listed.txt"),
    ),
    (
        "lead_words",
        include_str!("../../data/lexicon/lead_words.txt"),
    ),
    (
        "lead_joiners",
        include_str!("../../data/lexicon/lead_joiners.txt"),
    ),
    (
        "clause_fillers",
        include_str!("../../data/lexicon/clause_fillers.txt"),
    ),
    (
        "unit_suffixes",
        include_str!("../../data/lexicon/unit_suffixes.txt"),
    ),
    (
        "unit_not_starts",
        include_str!("../../data/lexicon/unit_not_starts.txt"),
    ),
    (
        "unit_joins",
        include_str!("../../data/lexicon/unit_joins.txt"),
    ),
    ("units", include_str!("../../data/lexicon/units.tsv")),
    (
        "departments",
        include_str!("../../data/lexicon/departments.tsv"),
    ),
    (
        "unit_levels",
        include_str!("../../data/lexicon/unit_levels.tsv"),
    ),
    (
        "unit_kinds",
        include_str!("../../data/lexicon/unit_kinds.tsv"),
    ),
    ("measures", include_str!("../../data/lexicon/measures.txt")),
    (
        "target_cues",
        include_str!("../../data/lexicon/target_cues.txt"),
    ),
    (
        "not_target_cues",
        include_str!("../../data/lexicon/not_target_cues.txt"),
    ),
    (
        "qualifiers",
        include_str!("../../data/lexicon/qualifiers.tsv"),
    ),
    (
        "range_connectors",
        include_str!("../../data/lexicon/range_connectors.txt"),
    ),
    (
        "change_from",
        include_str!("../../data/lexicon/change_from.txt"),
    ),
    (
        "change_to",
        include_str!("../../data/lexicon/change_to.txt"),
    ),
    (
        "per_prefixes",
        include_str!("../../data/lexicon/per_prefixes.tsv"),
    ),
    (
        "tenths_not",
        include_str!("../../data/lexicon/tenths_not.txt"),
    ),
    (
        "durations",
        include_str!("../../data/lexicon/durations.txt"),
    ),
    (
        "currencies",
        include_str!("../../data/lexicon/currencies.tsv"),
    ),
    (
        "html_content",
        include_str!("../../data/lexicon/html_content.txt"),
    ),
    (
        "page_labels",
        include_str!("../../data/lexicon/page_labels.tsv"),
    ),
    (
        "attachment_extensions",
        include_str!("../../data/lexicon/attachment_extensions.txt"),
    ),
    (
        "site_words",
        include_str!("../../data/lexicon/site_words.txt"),
    ),
];

/// The names of the lists, as `data/lexicon/` names its files.
pub(crate) fn list_names() -> impl Iterator<Item = &'static str> {
    BUILTIN.iter().map(|(name, _)| *name)
}

/// The lines of a data file that hold entries: not empty, not a comment (`#` alone or
/// followed by white space: `#zoom`, a CSS selector, is an entry), with their 1-based
/// line numbers.
fn entries(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let comment = |l: &str| l == "#" || l.starts_with("# ") || l.starts_with("#\t");
    s.lines()
        .enumerate()
        .map(|(k, l)| (k + 1, l.trim_end_matches(['\r', ' '])))
        .filter(move |(_, l)| !l.trim().is_empty() && !comment(l))
}

fn role(s: &str) -> Result<Role, String> {
    Role::ALL
        .iter()
        .copied()
        .find(|r| r.as_str() == s)
        .ok_or_else(|| format!("unknown role `{s}` (lead, responsible, support)"))
}

fn qualifier(s: &str) -> Result<Qualifier, String> {
    Qualifier::ALL
        .iter()
        .copied()
        .find(|q| q.as_str() == s)
        .ok_or_else(|| format!("unknown qualifier `{s}`"))
}

impl Lexicon {
    /// The lexicon compiled in from `data/lexicon/`, loaded once.
    pub fn builtin() -> Arc<Lexicon> {
        static BUILT: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
            let mut lex = Lexicon::default();
            for (name, content) in BUILTIN {
                for (line, entry) in entries(content) {
                    let fields: Vec<&str> = entry.split('\t').collect();
                    lex.add_entry(name, &fields, false)
                        .unwrap_or_else(|e| panic!("data/lexicon/{name}: line {line}: {e}"));
                }
            }
            lex.derive();
            Arc::new(lex)
        });
        BUILT.clone()
    }

    /// Adds the entries of a TSV of `list<TAB>entry…` lines (see the module doc); later
    /// entries win where a word already has a value.
    pub fn add(&mut self, tsv: &str) -> Result<(), Error> {
        for (line, entry) in entries(tsv) {
            let (list, rest) = entry.split_once('\t').ok_or_else(|| Error::Lexicon {
                line,
                message: "expected `list<TAB>entry`".into(),
            })?;
            let fields: Vec<&str> = rest.split('\t').collect();
            self.add_entry(list, &fields, true)
                .map_err(|message| Error::Lexicon { line, message })?;
        }
        self.derive();
        Ok(())
    }

    /// Adds unit names: lines `canonical<TAB>kind<TAB>alias|alias` (as `data/lexicon/units.tsv`).
    pub fn add_units(&mut self, tsv: &str) -> Result<(), Error> {
        for (line, entry) in entries(tsv) {
            let fields: Vec<&str> = entry.split('\t').collect();
            self.units
                .add_unit(&fields)
                .map_err(|message| Error::Lexicon { line, message })?;
        }
        Ok(())
    }

    /// Adds one entry to a list; `check` says whether patterns are checked now (the
    /// user's are; the built-in ones are by a test).
    fn add_entry(&mut self, list: &str, f: &[&str], check: bool) -> Result<(), String> {
        let word = f[0];
        if word.is_empty() {
            return Err("an empty entry".into());
        }
        let column = |k: usize| {
            f.get(k)
                .copied()
                .filter(|s| !s.is_empty())
                .ok_or_else(|| format!("list `{list}` needs column {}", k + 1))
        };
        let words = match list {
            "chrome_words" => &mut self.chrome_words,
            "header_labels" => &mut self.header_labels,
            "source_labels" => &mut self.source_labels,
            "signature_suffixes" => &mut self.signature_suffixes,
            "note_words" => &mut self.note_words,
            "toc_headings" => &mut self.toc_headings,
            "untasked_titles" => &mut self.untasked_titles,
            "signatory_titles" => &mut self.signatory_titles,
            "duty_not_starts" => &mut self.duty_not_starts,
            "place_suffixes" => &mut self.place_suffixes,
            "issued_to" => &mut self.issued_to,
            "attachment_words" => &mut self.attachment_words,
            "closings" => &mut self.closings,
            "downward_types" => &mut self.downward_types,
            "approval_requests" => &mut self.approval_requests,
            "superior_address" => &mut self.superior_address,
            "total_words" => &mut self.total_words,
            "reference_after" => &mut self.reference_after,
            "doc_types" => &mut self.doc_types,
            "regulation_types" => &mut self.regulation_types,
            "agency_cuts" => &mut self.agency_cuts,
            "agency_prefixes" => &mut self.agency_prefixes,
            "first_listed" => &mut self.first_listed,
            "lead_words" => &mut self.lead_words,
            "lead_joiners" => &mut self.lead_joiners,
            "clause_fillers" => &mut self.clause_fillers,
            "unit_suffixes" => &mut self.unit_suffixes,
            "unit_not_starts" => &mut self.unit_not_starts,
            "unit_joins" => &mut self.unit_joins,
            "target_cues" => &mut self.target_cues,
            "not_target_cues" => &mut self.not_target_cues,
            "range_connectors" => &mut self.range_connectors,
            "change_from" => &mut self.change_from,
            "change_to" => &mut self.change_to,
            "tenths_not" => &mut self.tenths_not,
            "durations" => &mut self.durations,
            "role_words" => {
                let r = role(column(1)?)?;
                self.role_words.push(word, r);
                return Ok(());
            }
            "role_labels" => {
                let r = role(column(1)?)?;
                self.role_labels.push(word, r);
                return Ok(());
            }
            "duty_words" => {
                let r = role(column(1)?)?;
                self.duty_words.push(word, r);
                return Ok(());
            }
            "table_columns" => {
                let c = column(1)?;
                let c = Column::ALL
                    .iter()
                    .copied()
                    .find(|k| k.as_str() == c)
                    .ok_or_else(|| format!("unknown column `{c}`"))?;
                self.table_columns.push(word, c);
                return Ok(());
            }
            "marked_roles" => {
                let r = role(column(1)?)?;
                self.marked_roles.push(word, r);
                return Ok(());
            }
            "qualifiers" => {
                let q = qualifier(column(2)?)?;
                match column(1)? {
                    "before" => self.qualifiers_before.push(word, q),
                    "after" => self.qualifiers_after.push(word, q),
                    p => return Err(format!("`{p}`: a qualifier stands `before` or `after`")),
                }
                return Ok(());
            }
            "per_prefixes" => {
                let v = column(1)?;
                let v = v.parse().map_err(|_| format!("bad number `{v}`"))?;
                self.per_prefixes.push(word, v);
                return Ok(());
            }
            "currencies" => {
                let unit = self.measures.unit(column(1)?);
                self.currencies.retain(|(n, _)| &**n != word);
                self.currencies.push((word.into(), unit));
                return Ok(());
            }
            "measures" => return self.measures.push(word),
            "html_content" => {
                if !self.html_content.iter().any(|x| &**x == word) {
                    self.html_content.push(word.into());
                }
                return Ok(());
            }
            "page_labels" => {
                let field = PageField::parse(column(1)?)?;
                self.page_labels.push(word, field);
                return Ok(());
            }
            "attachment_extensions" => &mut self.attachment_extensions,
            "site_words" => &mut self.site_words,
            "units" => return self.units.add_unit(f),
            "departments" => return self.units.add_department(f),
            "unit_levels" => return self.units.add_level(f),
            "unit_kinds" => return self.units.add_kind(word, column(1)?, check),
            _ => {
                let names: Vec<&str> = list_names().collect();
                return Err(format!(
                    "unknown list `{list}`; the lists are {}",
                    names.join(", ")
                ));
            }
        };
        words.push(word);
        Ok(())
    }

    /// Makes the searches and character sets again from the lists.
    fn derive(&mut self) {
        let last_chars =
            |t: &Table<Role>| CharSet::of(t.iter().filter_map(|(w, _)| w.chars().last()));
        let first_chars =
            |t: &Table<Role>| CharSet::of(t.iter().filter_map(|(w, _)| w.chars().next()));
        self.units.finish();
        self.derived = Derived {
            first_listed_firsts: self.first_listed.firsts(),
            role_word_lasts: last_chars(&self.role_words),
            role_label_firsts: first_chars(&self.role_labels),
            duty_firsts: first_chars(&self.duty_words),
            join_firsts: self.unit_joins.firsts(),
            joiner_firsts: self.lead_joiners.firsts(),
            unit_not_starts: self.unit_not_starts.firsts(),
            percent: self.measures.unit("%"),
            ratio: self.measures.unit("ratio"),
            ..Derived::default()
        };
    }

    /// A search for any target cue.
    pub(crate) fn target_cue(&self) -> &Regex {
        self.derived
            .target_cue
            .get_or_init(|| any_of(&self.target_cues))
    }

    /// A search for any non-target cue.
    pub(crate) fn not_target_cue(&self) -> &Regex {
        self.derived
            .not_target_cue
            .get_or_init(|| any_of(&self.not_target_cues))
    }

    /// A search for any word of a first-listed declaration.
    pub(crate) fn first_listed_re(&self) -> &Regex {
        self.derived
            .first_listed
            .get_or_init(|| any_of(&self.first_listed))
    }

    /// The place a name starts with: at least two characters and a place word
    /// (`柳州市`), at most [`LONGEST_PLACE`] characters; with `organ`, only when an
    /// organisation's name follows (`柳州市税务局`, not `苏州市` alone). A place holds no
    /// organ's word (`中国人民银行柳州` is none) and is no common noun (`试点城市`); a
    /// collective (`各市`, `全市`, `本市`) names none.
    pub(crate) fn place_of<'s>(&self, s: &'s str, organ: bool) -> Option<&'s str> {
        if s.starts_with(['各', '全', '本']) {
            return None;
        }
        s.char_indices()
            .skip(2)
            .take(LONGEST_PLACE - 2)
            .find_map(|(k, _)| {
                let w = self.place_suffixes.prefix_of(&s[k..])?;
                let end = k + w.len();
                let rest = &s[end..];
                let ok = !organ
                    || (rest.chars().count() >= 2 && self.unit_suffixes.suffix_of(rest).is_some());
                let place = &s[..end];
                let organ_word = place
                    .chars()
                    .any(|c| self.unit_suffixes.is(c.encode_utf8(&mut [0; 4])));
                (ok && place.chars().all(crate::text::is_han)
                    && !organ_word
                    && !place.ends_with("城市"))
                .then_some(place)
            })
    }

    /// A search for the duty words (负责, 牵头…), which opens every sentence duty.
    pub(crate) fn duty_re(&self) -> &Regex {
        self.derived
            .duty
            .get_or_init(|| any_of(&self.duty_words.words))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_load_longest_first() {
        let lex = Lexicon::builtin();
        assert_eq!(
            lex.role_words.suffix_of("省商务厅牵头负责").unwrap().0,
            "牵头负责"
        );
        assert_eq!(
            lex.qualifiers_before.suffix_of("不超过").unwrap().1,
            Qualifier::AtMost
        );
        assert_eq!(lex.range_connectors.prefix_of("——5个"), Some("——"));
        assert!(lex.derived.role_word_lasts.contains('责'));
        assert!(lex.chrome_words.found_in("首页 | 网站地图"));
        let m = lex.measures.at("万元的").next().unwrap();
        assert_eq!((&*m.unit, m.factor), ("元", 1e4));
        assert!(lex.measures.is_programme("大"));
        // Every built-in pattern compiles (they are not checked as they load).
        assert_eq!(lex.units.resolve("省某厅").1, "provincial_department");
    }

    #[test]
    fn users_add_words_and_get_clear_errors() {
        let mut lex = (*Lexicon::builtin()).clone();
        lex.add("# mine\nchrome_words\t打印此页\nrole_words\t主抓\tlead\n")
            .unwrap();
        assert!(lex.chrome_words.found_in("【打印此页】"));
        assert_eq!(
            lex.role_words.suffix_of("省商务厅主抓").unwrap().1,
            Role::Lead
        );
        assert!(lex.derived.role_word_lasts.contains('抓'));
        let e = lex.add("\nrole_words\t主抓\tboss\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 2: unknown role `boss` (lead, responsible, support)"
        );
        let e = lex.add("nonsense\tx\n").unwrap_err();
        assert!(
            e.to_string().starts_with("line 1: unknown list `nonsense`"),
            "{e}"
        );
    }
}
