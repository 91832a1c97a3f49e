//! Task tables flattened into the text: a header row headed `序号` with columns such as
//! 重点任务 / 牵头单位 / 配合单位 / 完成时限, then rows numbered 1, 2, 3…, either one row a
//! line with its cells separated by tabs (as the Word, web page and PDF readers write
//! tables) or one cell a line (as text copied from a table arrives).
//!
//! Takes the body's lines; gives each table's columns and range, and a heading of style
//! [`Style::Row`] at the start of every row. Only a header with a number column and at
//! least one task, unit or time column makes a task table, so other tables (statistics,
//! lists of names) stay text.

use super::headings::Heading;
use crate::lexicon::Lexicon;
use crate::model::{Column, Label, Style, TaskTable};
use crate::recognize::label::parse_label;
use crate::text::span::Lines;
use crate::text::{at_most_solid, is_ws, trim, without_ws};
use std::ops::Range;

/// A table has at most this many columns…
const MAX_COLUMNS: usize = 12;
/// …each headed by a short heading (in characters).
const LONGEST_HEADING: usize = 12;
/// The heading of a number column (`序号`, `序　号`) is a few bytes.
const NUMBER_HEADING_BYTES: usize = 16;
/// A one-cell-a-line row whose cells do not fit is read no further than this many lines
/// past its expected end before the table is taken to have ended.
const ROW_SLACK: usize = 4;

/// The column a heading names, if a task table's.
fn column(cell: &str, lex: &Lexicon) -> Option<Column> {
    let c = without_ws(cell);
    lex.table_columns.get(&c)
}

/// Whether the columns make a task table: a number column first, and a column of tasks,
/// units or deadlines.
fn task_columns(columns: &[Column]) -> bool {
    columns.first() == Some(&Column::Number)
        && columns.iter().any(|c| {
            matches!(
                c,
                Column::Task
                    | Column::Lead
                    | Column::Responsible
                    | Column::Support
                    | Column::Deadline
            )
        })
}

/// The row number a cell holds: digits alone.
fn row_number(cell: &str) -> Option<u64> {
    let c = cell.trim_matches(is_ws);
    (!c.is_empty() && c.len() <= 4 && c.bytes().all(|b| b.is_ascii_digit()))
        .then(|| c.parse().ok())
        .flatten()
}

/// A row's label: its number, `len` bytes.
fn label(number: u64, len: usize, punct: char) -> Label {
    Label {
        style: Style::Row,
        number,
        len: len as u32,
        punct,
        open: None,
    }
}

/// The task tables of `body`, and the headings of their rows.
pub(crate) fn find(
    text: &str,
    lines: &Lines,
    body: &Range<usize>,
    lex: &Lexicon,
    most_rows: usize,
) -> (Vec<TaskTable>, Vec<Heading>) {
    // No heading of a number column, no table: one search rules most documents out.
    let b = text[body.clone()].as_bytes();
    if !lex
        .table_columns
        .iter()
        .filter(|(_, c)| *c == Column::Number)
        .any(|(w, _)| memchr::memmem::find(b, w.as_bytes()).is_some())
    {
        return (Vec::new(), Vec::new());
    }
    // The body's non-blank lines, trimmed.
    let ls: Vec<Range<usize>> = (0..lines.len())
        .map(|k| lines.get(k))
        .map(|r| r.start.max(body.start)..r.end.min(body.end))
        .filter(|r| !r.is_empty())
        .map(|r| trim(text, r))
        .filter(|r| !r.is_empty())
        .collect();
    let mut tables = Vec::new();
    let mut rows = Vec::new();
    let mut k = 0;
    // Rows are nodes: past the cap on nodes no more tables are looked for.
    while k < ls.len() && rows.len() < most_rows {
        let s = &text[ls[k].clone()];
        // A header starts with its number column's heading: `序号`, a short line or cell.
        let first = s.split('\t').next().unwrap_or("");
        if first.len() > NUMBER_HEADING_BYTES || column(first, lex) != Some(Column::Number) {
            k += 1;
            continue;
        }
        let found = if s.contains('\t') {
            tabbed(text, &ls, k, lex, &mut rows)
        } else if column(s, lex) == Some(Column::Number) {
            one_cell_a_line(text, &ls, k, lex, &mut rows)
        } else {
            None
        };
        match found {
            Some((table, next)) => {
                tables.push(table);
                k = next;
            }
            None => k += 1,
        }
    }
    (tables, rows)
}

/// A table whose header is line `k`, cells separated by tabs; its rows are the lines
/// after it whose first cell is the next number. Gives the table and the line after it.
fn tabbed(
    text: &str,
    ls: &[Range<usize>],
    k: usize,
    lex: &Lexicon,
    rows: &mut Vec<Heading>,
) -> Option<(TaskTable, usize)> {
    let cells: Vec<&str> = text[ls[k].clone()].split('\t').collect();
    if cells.len() > MAX_COLUMNS {
        return None;
    }
    let columns: Vec<Column> = cells
        .iter()
        .map(|c| column(c, lex).unwrap_or(Column::Other))
        .collect();
    if !task_columns(&columns) {
        return None;
    }
    let mut next = 1;
    let mut j = k + 1;
    let mut end = ls[k].end;
    while j < ls.len() {
        let line = &text[ls[j].clone()];
        let first = line.split('\t').next().unwrap_or("");
        match row_number(first) {
            Some(n) if n == next && line.contains('\t') => {
                rows.push(Heading {
                    at: ls[j].start,
                    label: label(n, first.trim_end_matches(is_ws).len(), '\t'),
                });
                next += 1;
                end = ls[j].end;
            }
            // A line of one cell inside the table: a group row (`一、…方面`) or a cell
            // that wrapped; a line of cells that is no row ends the table.
            _ if !line.contains('\t') && next > 1 && j + 1 < ls.len() => {
                let after = &text[ls[j + 1].clone()];
                if row_number(after.split('\t').next().unwrap_or("")) != Some(next) {
                    break;
                }
            }
            _ => break,
        }
        j += 1;
    }
    made(next, ls[k].start..end, columns, true, j)
}

/// A table whose header starts at line `k` (`序号`), one cell a line: the headings up to
/// the line `1`, then rows of as many cells each, numbered on. A line that belongs to
/// no row (a group row such as `一、…方面（共5项）`) may stand between rows.
fn one_cell_a_line(
    text: &str,
    ls: &[Range<usize>],
    k: usize,
    lex: &Lexicon,
    rows: &mut Vec<Heading>,
) -> Option<(TaskTable, usize)> {
    let mut columns = vec![Column::Number];
    let mut j = k + 1;
    while j < ls.len() && columns.len() < MAX_COLUMNS {
        let s = &text[ls[j].clone()];
        // The headings end at the first row, or at a group row before it.
        if row_number(s).is_some() || parse_label(s).is_some() {
            break;
        }
        // A heading row holds short headings only.
        if !at_most_solid(s, LONGEST_HEADING) || s.contains(['。', '，', '；']) {
            return None;
        }
        columns.push(column(s, lex).unwrap_or(Column::Other));
        j += 1;
    }
    if columns.len() < 2 || !task_columns(&columns) || j >= ls.len() {
        return None;
    }
    let cells = columns.len() - 1;
    let mut next = 1;
    let mut end = ls[j - 1].end;
    while j < ls.len() {
        let s = &text[ls[j].clone()];
        if row_number(s) == Some(next) {
            rows.push(Heading {
                at: ls[j].start,
                label: label(next, s.len(), '\n'),
            });
            // The row's cells: up to the next row's number, or as many as there are
            // columns for the last row.
            let limit = (j + 1 + cells + ROW_SLACK).min(ls.len());
            let stop = (j + 1..limit).find(|&x| row_number(&text[ls[x].clone()]) == Some(next + 1));
            let row_end = stop.unwrap_or((j + 1 + cells).min(ls.len()));
            end = ls[row_end - 1].end;
            next += 1;
            j = row_end;
        } else if j + 1 < ls.len() && row_number(&text[ls[j + 1].clone()]) == Some(next) {
            // A group row between rows.
            j += 1;
        } else {
            break;
        }
    }
    made(next, ls[k].start..end, columns, false, j)
}

/// The table read, when it had a row (`next` is the number its next row would have), and
/// the line after it.
fn made(
    next: u64,
    range: Range<usize>,
    columns: Vec<Column>,
    tabbed: bool,
    after: usize,
) -> Option<(TaskTable, usize)> {
    let table = TaskTable {
        range,
        columns,
        tabbed,
    };
    (next > 1).then_some((table, after))
}

/// The headings with the tables' rows in: a label inside a table's cell (`1.` in a
/// 具体措施 cell) is the cell's text, not a heading; a group row (`一、…方面`) stays one.
pub(crate) fn merge(
    mut headings: Vec<Heading>,
    tables: &[TaskTable],
    mut rows: Vec<Heading>,
) -> Vec<Heading> {
    let in_cell = |h: &Heading| {
        matches!(
            h.label.style,
            Style::ArabicDot
                | Style::ArabicParen
                | Style::Circled
                | Style::Dec1
                | Style::Dec2
                | Style::Dec3
                | Style::Dec4
        ) && TaskTable::containing(tables, h.at).is_some()
    };
    headings.retain(|h| !in_cell(h));
    headings.append(&mut rows);
    headings.sort_by_key(|h| h.at);
    headings.dedup_by_key(|h| h.at);
    headings
}
