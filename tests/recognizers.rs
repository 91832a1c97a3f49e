//! Conformance with an external suite written by others: the Chinese number,
//! percentage, number-range, currency and dimension specifications of Microsoft
//! Recognizers-Text (MIT), read from ../shared/external/recognizers at test time.
//!
//! A case passes when we find exactly the expected spans (character offsets; the
//! suite's `End` is inclusive) with the expected values. Every case we fail is
//! listed, with its reason, in tests/recognizers_known_differences.tsv; a listed
//! case that starts to pass must be taken off the list. Quantities are read through
//! the public `gongwen::quantities`; bare numbers by `recognizers/scan.rs`.

mod common;
use common::*;
use gongwen::{Qualifier, Quantity};
use std::collections::BTreeMap;

#[allow(dead_code)]
#[path = "../src/text/numeral.rs"]
mod numeral;
#[path = "recognizers/scan.rs"]
mod scan;

#[derive(Debug, Clone, PartialEq)]
struct Hit {
    start: usize,
    end: usize,
    value: String,
}

fn char_range(s: &str, r: &std::ops::Range<usize>) -> (usize, usize) {
    (s[..r.start].chars().count(), s[..r.end].chars().count())
}

/// Numbers compare by value; 15 significant digits are enough.
fn norm_number(v: f64) -> String {
    let s = format!("{:.10}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

fn norm_expected(v: &str) -> String {
    let v = v.trim();
    if let Some(p) = v.strip_suffix('%') {
        return format!("{}%", norm_expected(p));
    }
    match v.parse::<f64>() {
        Ok(x) => norm_number(x),
        Err(_) => v.to_string(),
    }
}

fn interval(q: &Quantity) -> String {
    let n = norm_number;
    match q.qualifier {
        Qualifier::AtLeast => format!("[{},)", n(q.value)),
        Qualifier::MoreThan => format!("({},)", n(q.value)),
        Qualifier::AtMost => format!("(,{}]", n(q.value)),
        Qualifier::LessThan => format!("(,{})", n(q.value)),
        Qualifier::Range => format!(
            "[{},{}]",
            n(q.min().unwrap_or(q.value)),
            n(q.max().unwrap_or(q.value))
        ),
        _ => format!("[{},{}]", n(q.value), n(q.value)),
    }
}

/// The unit names of the suite for the units we write.
fn dimension_unit(u: &str) -> Option<&'static str> {
    Some(match u {
        "亩" => "Mu",
        "米" => "Meter",
        "公里" | "千米" => "Kilometer",
        "平方米" => "Square meter",
        "平方公里" | "平方千米" => "Square kilometer",
        "吨" => "Ton",
        "千克" | "公斤" => "Kilogram",
        "克" => "Gram",
        "毫克" => "Milligram",
        "微克" => "Microgram",
        "厘米" => "Centimeter",
        "毫米" => "Millimeter",
        "斤" => "Jin",
        "千瓦" => "Kilowatt",
        "公顷" => "Hectare",
        "立方米" => "Cubic meter",
        _ => return None,
    })
}

fn ours(model: &str, input: &str) -> Vec<Hit> {
    let hit = |r: &std::ops::Range<usize>, value: String| {
        let (start, end) = char_range(input, r);
        Hit { start, end, value }
    };
    match model {
        "NumberModel" => scan::scan(input)
            .iter()
            .map(|f| hit(&f.range, norm_number(f.value)))
            .collect(),
        _ => gongwen::quantities(input, &gongwen::Options::default())
            .iter()
            .filter_map(|q| match model {
                "PercentModel" => matches!(
                    &*q.unit,
                    "%" | "个百分点" | "百分点" | "個百分點" | "百分點"
                )
                .then(|| hit(&q.range, format!("{}%", norm_number(q.value)))),
                "NumberRangeModel" => (q.qualifier != Qualifier::Exact || q.unit.is_empty())
                    .then(|| hit(&q.range, interval(q))),
                "CurrencyModel" => match &*q.unit {
                    "元" => Some(hit(
                        &q.range,
                        format!("{} Chinese yuan", norm_number(q.value)),
                    )),
                    "美元" => Some(hit(
                        &q.range,
                        format!("{} United States dollar", norm_number(q.value)),
                    )),
                    _ => None,
                },
                "DimensionModel" => dimension_unit(&q.unit)
                    .map(|u| hit(&q.range, format!("{} {u}", norm_number(q.value)))),
                _ => None,
            })
            .collect(),
    }
}

fn expected(model: &str, case: &serde_json::Value) -> Vec<Hit> {
    case["Results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let v = r["Resolution"]["value"]
                .as_str()
                .map(norm_expected)
                .unwrap_or_default();
            let value = match model {
                "CurrencyModel" | "DimensionModel" => {
                    format!("{v} {}", r["Resolution"]["unit"].as_str().unwrap_or(""))
                }
                _ => v,
            };
            Hit {
                start: r["Start"].as_u64().unwrap() as usize,
                end: r["End"].as_u64().unwrap() as usize + 1,
                value,
            }
        })
        .collect()
}

const MODELS: [&str; 5] = [
    "NumberModel",
    "PercentModel",
    "NumberRangeModel",
    "CurrencyModel",
    "DimensionModel",
];

fn recognizers_text_chinese_suite() {
    let dir = shared().join("external/recognizers");
    let listed: BTreeMap<(String, String), String> =
        std::fs::read_to_string(common::repo("tests/recognizers_known_differences.tsv"))
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                assert_eq!(f.len(), 3, "model<TAB>input<TAB>reason: {l}");
                (
                    (f[0].to_string(), f[1].replace("\\n", "\n")),
                    f[2].to_string(),
                )
            })
            .collect();
    let dump = std::env::var_os("GONGWEN_DUMP").is_some();
    let (mut total, mut passed) = (0, 0);
    let (mut applicable, mut applicable_passed) = (0, 0);
    let mut unlisted = Vec::new();
    let mut stale = Vec::new();
    for model in MODELS {
        let cases: Vec<serde_json::Value> = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{model}.json"))).unwrap(),
        )
        .unwrap();
        let (mut t, mut p) = (0, 0);
        for case in &cases {
            let input = case["Input"].as_str().unwrap();
            let (want, got) = (expected(model, case), ours(model, input));
            let ok = want == got;
            total += 1;
            t += 1;
            let key = (model.to_string(), input.replace('\n', "\\n"));
            let reason = listed.get(&(model.to_string(), input.to_string()));
            if reason.is_none_or(|r| !r.starts_with("n/a")) {
                applicable += 1;
                applicable_passed += usize::from(ok);
            }
            if ok {
                passed += 1;
                p += 1;
                if reason.is_some() {
                    stale.push(key);
                }
            } else if reason.is_none() {
                if dump {
                    eprintln!("{}\t{}\twant {:?} got {:?}", key.0, key.1, want, got);
                }
                unlisted.push(key);
            }
        }
        println!("{model}: {p}/{t}");
    }
    println!(
        "recognizers: {passed}/{total} cases pass ({:.1}%); of the {applicable} that apply to policy text, {applicable_passed} pass ({:.1}%)",
        100.0 * passed as f64 / total as f64,
        100.0 * applicable_passed as f64 / applicable as f64
    );
    assert!(
        unlisted.is_empty(),
        "{} failing cases are not in tests/recognizers_known_differences.tsv: {:?}",
        unlisted.len(),
        &unlisted[..unlisted.len().min(10)]
    );
    assert!(
        stale.is_empty(),
        "listed cases that now pass (take them off the list): {stale:?}"
    );
    assert!(
        applicable_passed * 10 >= applicable * 9,
        "below 90% of the applicable cases"
    );
}

fn scanning_running_text() {
    let scan = scan::scan;
    let v: Vec<f64> = scan("这不是五这是二百零一")
        .iter()
        .map(|f| f.value)
        .collect();
    assert_eq!(v, [5.0, 201.0]);
    assert!(scan("我一看你就笑").is_empty());
    assert_eq!(scan("三分之一")[0].value, 1.0 / 3.0);
    assert_eq!(scan("３／５")[0].value, 0.6);
    assert_eq!(scan("40k")[0].value, 40000.0);
    assert_eq!(scan("1,100万")[0].value, 1.1e7);
}

fn main() {
    run(vec![
        trial(
            "scanning_running_text",
            Needs::Nothing,
            scanning_running_text,
        ),
        trial(
            "recognizers_text_chinese_suite",
            Needs::Shared,
            recognizers_text_chinese_suite,
        ),
    ]);
}
