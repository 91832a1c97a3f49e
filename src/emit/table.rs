//! Tables for people and spreadsheets: one [`Table`] rendered as an aligned text
//! table, CSV (UTF-8 with a BOM by default, so Excel reads Chinese), Markdown or
//! JSON (an array of objects keyed by the column names).

use unicode_width::UnicodeWidthStr;

/// A table of strings: headers and rows of the same length.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The column names.
    pub headers: Vec<String>,
    /// The rows, each with a cell per column.
    pub rows: Vec<Vec<String>>,
}

/// The Chinese column headers of the `departments` and `quantities` tables
/// (`data/messages/headers.tsv`): (table, English, Chinese).
static HEADERS_ZH: std::sync::LazyLock<Vec<(&'static str, &'static str, &'static str)>> =
    std::sync::LazyLock::new(|| {
        include_str!("../../data/messages/headers.tsv")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, f.next()?, f.next()?))
            })
            .collect()
    });

impl Table {
    /// The table with its headers in Chinese where `data/messages/headers.tsv` has them
    /// for the table `name`; unchanged otherwise.
    pub fn in_chinese(mut self, name: &str) -> Table {
        for h in &mut self.headers {
            if let Some(&(_, _, zh)) = HEADERS_ZH.iter().find(|(t, en, _)| *t == name && en == h) {
                *h = zh.to_string();
            }
        }
        self
    }
}

/// How a table is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for a terminal.
    Table,
    /// CSV; with a byte-order mark so that Excel reads UTF-8.
    Csv {
        /// Whether to write the byte-order mark.
        bom: bool,
    },
    /// A Markdown table.
    Markdown,
    /// An array of objects keyed by the column names.
    Json,
}

/// Cuts `s` to at most `width` display columns, marking the cut with `…`.
fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

impl Table {
    /// An empty table with these columns.
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row (as many cells as there are columns).
    pub fn push(&mut self, row: Vec<String>) {
        debug_assert_eq!(row.len(), self.headers.len());
        self.rows.push(row);
    }

    /// Tables of the same columns, one for each source, as one table whose first column
    /// (`header`) names the source of each row. Empty when there are none.
    pub fn concat(header: &str, parts: impl IntoIterator<Item = (String, Table)>) -> Table {
        let mut out = Table::default();
        for (source, t) in parts {
            if out.headers.is_empty() {
                out.headers = std::iter::once(header.to_string())
                    .chain(t.headers.iter().cloned())
                    .collect();
            }
            for r in t.rows {
                out.rows
                    .push(std::iter::once(source.clone()).chain(r).collect());
            }
        }
        out
    }

    /// The table as text in `format`.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Table => self.text(),
            Format::Csv { bom } => self.csv(bom),
            Format::Markdown => self.markdown(),
            Format::Json => self.json(),
        }
    }

    /// Aligned columns; long cells are cut to 40 columns.
    fn text(&self) -> String {
        let cells: Vec<Vec<String>> = std::iter::once(&self.headers)
            .chain(&self.rows)
            .map(|r| {
                r.iter()
                    .map(|c| fit(&c.replace(['\n', '\r'], " "), 40))
                    .collect()
            })
            .collect();
        let widths: Vec<usize> = (0..self.headers.len())
            .map(|k| cells.iter().map(|r| r[k].width()).max().unwrap_or(0))
            .collect();
        let mut out = String::new();
        for (n, r) in cells.iter().enumerate() {
            let line: Vec<String> = r
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.width())))
                .collect();
            out.push_str(line.join("  ").trim_end());
            out.push('\n');
            if n == 0 {
                let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
                out.push_str(&rule.join("  "));
                out.push('\n');
            }
        }
        out
    }

    fn csv(&self, bom: bool) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&self.headers).expect("writing to memory");
        for r in &self.rows {
            w.write_record(r).expect("writing to memory");
        }
        let bytes = w.into_inner().expect("writing to memory");
        let s = String::from_utf8(bytes).expect("CSV of UTF-8 cells is UTF-8");
        if bom {
            format!("\u{feff}{s}")
        } else {
            s
        }
    }

    fn markdown(&self) -> String {
        let esc = |c: &str| c.replace('|', "\\|").replace(['\n', '\r'], " ");
        let mut out = format!(
            "| {} |\n",
            self.headers
                .iter()
                .map(|h| esc(h))
                .collect::<Vec<_>>()
                .join(" | ")
        );
        out.push_str(&format!("|{}\n", "---|".repeat(self.headers.len())));
        for r in &self.rows {
            out.push_str(&format!(
                "| {} |\n",
                r.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")
            ));
        }
        out
    }

    fn json(&self) -> String {
        let rows: Vec<serde_json::Map<String, serde_json::Value>> = self
            .rows
            .iter()
            .map(|r| {
                self.headers
                    .iter()
                    .cloned()
                    .zip(r.iter().map(|c| serde_json::Value::String(c.clone())))
                    .collect()
            })
            .collect();
        serde_json::to_string_pretty(&rows).expect("plain data") + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> Table {
        let mut t = Table::new(&["任务", "n"]);
        t.push(vec!["加大力度".into(), "1".into()]);
        t.push(vec!["a,\"b\"|c".into(), "22".into()]);
        t
    }

    #[test]
    fn formats() {
        let s = t().render(Format::Table);
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[0], "任务      n");
        assert_eq!(lines[2], "加大力度  1");
        let c = t().render(Format::Csv { bom: true });
        assert!(c.starts_with("\u{feff}任务,n\n"));
        assert!(c.contains("\"a,\"\"b\"\"|c\",22"));
        assert!(!t()
            .render(Format::Csv { bom: false })
            .starts_with('\u{feff}'));
        assert!(t().render(Format::Markdown).contains("a,\"b\"\\|c"));
        let j: serde_json::Value = serde_json::from_str(&t().render(Format::Json)).unwrap();
        assert_eq!(j[0]["任务"], "加大力度");
    }
}
