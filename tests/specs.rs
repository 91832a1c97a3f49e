//! Rule tables as spec files: each `tests/specs/NAME.tsv` holds `input<TAB>expected…`
//! lines (and `#` comments), run here by the recognizer its name says. One test per
//! file; a failure lists every line that failed, with its line number.

mod common;
use common::*;

/// The numeral reader itself: the text layer imports nothing of the crate, so the
/// test reads the same source the library compiles.
#[allow(dead_code)]
#[path = "../src/text/numeral.rs"]
mod numeral;

/// Checks one case; gives what was found instead when it fails.
type Case = fn(&[&str]) -> Result<(), String>;

/// `input<TAB>value`, or `input<TAB>-` for a text that is no number.
fn number(f: &[&str]) -> Result<(), String> {
    let (input, want) = (f[0], f[1]);
    let got = numeral::parse_number(input);
    match (want, got) {
        ("-", None) => Ok(()),
        ("-", Some(n)) => Err(format!("read {} from it", n.value)),
        (_, None) => Err("no number".into()),
        (w, Some(n)) => {
            let w: f64 = w.parse().map_err(|_| format!("bad expected value {w}"))?;
            if n.len != input.len() {
                return Err(format!("read only {} of {} bytes", n.len, input.len()));
            }
            if (n.value - w).abs() > w.abs() * 1e-12 {
                return Err(format!("{} instead of {w}", n.value));
            }
            Ok(())
        }
    }
}

fn opt(s: &str) -> Result<Option<f64>, String> {
    if s == "-" {
        return Ok(None);
    }
    s.parse()
        .map(Some)
        .map_err(|_| format!("bad expected value {s}"))
}

/// `input<TAB>value<TAB>unit<TAB>qualifier[<TAB>min<TAB>max<TAB>from<TAB>to]`: one
/// quantity, the whole input.
fn quantity(f: &[&str]) -> Result<(), String> {
    let input = f[0];
    let found = gongwen::quantities(input, &gongwen::Options::default());
    let [q] = found.as_slice() else {
        return Err(format!("{} quantities: {found:?}", found.len()));
    };
    let text = &input[q.range.clone()];
    let value: f64 = f[1].parse().map_err(|_| format!("bad value {}", f[1]))?;
    let mut got = vec![
        text.to_string(),
        q.value.to_string(),
        q.unit.to_string(),
        q.qualifier.to_string(),
    ];
    let mut want = vec![
        input.to_string(),
        value.to_string(),
        f[2].to_string(),
        f[3].to_string(),
    ];
    if f.len() > 4 {
        let show = |v: Option<f64>| v.map_or("-".into(), |v| v.to_string());
        for (k, v) in [q.min(), q.max(), q.from(), q.to()].into_iter().enumerate() {
            got.push(show(v));
            want.push(show(opt(f.get(4 + k).copied().unwrap_or("-"))?));
        }
    }
    (got == want)
        .then_some(())
        .ok_or_else(|| format!("{got:?} instead of {want:?}"))
}

/// Runs every case of a spec file.
fn run_spec(name: &str, case: Case, columns: usize) {
    let path = repo(&format!("tests/specs/{name}.tsv"));
    let text = std::fs::read_to_string(&path).unwrap();
    let mut failed = Vec::new();
    let mut n = 0;
    for (k, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert!(
            fields.len() >= columns,
            "{name}.tsv:{}: expected at least {columns} columns: {line}",
            k + 1
        );
        n += 1;
        if let Err(e) = case(&fields) {
            failed.push(format!("{name}.tsv:{}: {}: {e}", k + 1, fields[0]));
        }
    }
    assert!(n > 0, "{name}.tsv has no cases");
    assert!(
        failed.is_empty(),
        "{} of {n} cases fail:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

fn main() {
    let specs: [(&str, Case, usize); 2] = [("numbers", number, 2), ("quantities", quantity, 4)];
    run(specs
        .into_iter()
        .map(|(name, case, columns)| {
            trial(name, Needs::Nothing, move || run_spec(name, case, columns))
        })
        .collect());
}
