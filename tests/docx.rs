//! Word files, made by the tests (never stored): automatic numbering in every GB/T 9704
//! level and the regulation style, read as Word shows it; the same documents as plain
//! text give the same outline; the shared documents, turned into Word files whose
//! numbering Word generates, give back their outlines; and LibreOffice, which renders
//! Chinese numbering right, renders the same text (where it is installed).

#[path = "common/as_word.rs"]
mod as_word;
mod common;
#[path = "common/docx_builder.rs"]
mod docx_builder;

use common::*;
use docx_builder::*;
use gongwen::{Document, Kind, LabelSource, Options};
use libtest_mimic::Trial;
use std::path::Path;

fn parse(bytes: &[u8]) -> Document {
    gongwen::parse_bytes(bytes, &Options::default()).expect("a Word file")
}

/// Kind, label, number and title of every node.
fn outline(doc: &Document) -> Vec<(Kind, String, u64, String)> {
    doc.node_ids()
        .map(|i| {
            let n = doc.node(i);
            (
                n.kind(),
                doc.slice(&n.label_range()).to_string(),
                n.number(),
                n.title(&doc.text).to_string(),
            )
        })
        .collect()
}

fn action_plan() -> Package {
    let body = [
        p("某某市数字经济发展三年行动方案"),
        p("为加快数字经济发展，制定本方案。"),
        li(1, 0, "总体要求"),
        p("到2027年，数字经济核心产业增加值占比达到12%以上。"),
        li(1, 0, "重点任务"),
        li(1, 1, "夯实数字基础设施"),
        li(
            1,
            2,
            "新建5G基站3000个以上。（市通信管理局牵头，市工业和信息化局配合）",
        ),
        li(1, 3, "主城区1500个"),
        li(1, 4, "核心区500个"),
        li(1, 4, "外围区1000个"),
        li(1, 3, "新城区1500个"),
        li(1, 2, "建成千兆光网小区200个。（市通信管理局负责）"),
        li(1, 1, "推进产业数字化"),
        li(1, 2, "培育工业互联网平台10个。（市工业和信息化局负责）"),
        li(1, 0, "保障措施"),
        p("各区各部门要加强组织领导。"),
    ]
    .concat();
    let mut pkg = Package::new(body);
    pkg.numbering = Some(numbering(&[(1, gb_levels())]));
    pkg
}

/// The plan as Word shows it, typed.
const ACTION_PLAN_TEXT: &str = "某某市数字经济发展三年行动方案
为加快数字经济发展，制定本方案。
一、总体要求
到2027年，数字经济核心产业增加值占比达到12%以上。
二、重点任务
（一）夯实数字基础设施
1.新建5G基站3000个以上。（市通信管理局牵头，市工业和信息化局配合）
（1）主城区1500个
①核心区500个
②外围区1000个
（2）新城区1500个
2.建成千兆光网小区200个。（市通信管理局负责）
（二）推进产业数字化
1.培育工业互联网平台10个。（市工业和信息化局负责）
三、保障措施
各区各部门要加强组织领导。
";

fn every_gb_level_generated_reads_as_typed() {
    let doc = parse(&action_plan().bytes());
    let typed = gongwen::parse_text(ACTION_PLAN_TEXT, &Options::default());
    assert_eq!(doc.source.format, gongwen::Format::Docx);
    assert_eq!(outline(&doc), outline(&typed));
    assert_eq!(doc.meta.title, typed.meta.title);
    assert_eq!(doc.nodes.len(), 12);
    for i in doc.node_ids() {
        assert_eq!(doc.label_source(doc.node(i)), LabelSource::Auto);
    }
    for i in typed.node_ids() {
        assert_eq!(typed.label_source(typed.node(i)), LabelSource::Text);
    }
    // Owners and targets as from the text.
    let first_item = doc
        .node_ids()
        .find(|&i| doc.node(i).kind() == Kind::Item)
        .unwrap();
    assert_eq!(
        owners(&doc, doc.node(first_item), gongwen::Role::Lead),
        ["市通信管理局"]
    );
    check_invariants(&doc);
}

/// A number typed among generated ones is checked like any other, and the report
/// names the Word paragraph.
fn a_typed_number_among_generated_ones() {
    let body = [
        li(1, 0, "总体要求"),
        li(1, 2, "甲"),
        li(1, 2, "乙"),
        p("2.丙"),
        li(1, 2, "丁"),
    ]
    .concat();
    let mut pkg = Package::new(body);
    pkg.numbering = Some(numbering(&[(1, gb_levels())]));
    let doc = parse(&pkg.bytes());
    let labels: Vec<(String, LabelSource)> = doc
        .node_ids()
        .map(|i| {
            let n = doc.node(i);
            (doc.slice(&n.label_range()).to_string(), doc.label_source(n))
        })
        .collect();
    assert_eq!(
        labels,
        [
            ("一、".to_string(), LabelSource::Auto),
            ("1.".into(), LabelSource::Auto),
            ("2.".into(), LabelSource::Auto),
            ("2.".into(), LabelSource::Text),
            ("3.".into(), LabelSource::Auto),
        ]
    );
    let dup = doc
        .diagnostics
        .iter()
        .find(|d| d.code == gongwen::Code::DuplicateNumber)
        .expect("the typed 2. repeats the generated one");
    assert_eq!(doc.paragraph(dup.range.start), Some(4));
    assert!(
        dup.notes
            .iter()
            .any(|n| n.contains("automatic numbering") && n.contains("typed")),
        "{:?}",
        dup.notes
    );
    let mut json = Vec::new();
    gongwen::emit::json::write(&doc, false, &mut json).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v["nodes"][0]["label_source"], "auto");
    assert_eq!(v["nodes"][0]["children"][2]["label_source"], "text");
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "duplicate-number")
        .unwrap();
    assert_eq!(d["paragraph"], 4);
}

/// The command line on a Word file: `text` prints what the spans point into, `check`
/// names the paragraph, a folder walk takes the file.
fn the_command_line_reads_word_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut pkg = action_plan();
    pkg.body += &p("2.另一项");
    let file = dir.path().join("plan.docx");
    std::fs::write(&file, pkg.bytes()).unwrap();
    let run = |args: &[&str]| {
        common::gongwen_command()
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let f = file.to_str().unwrap();
    let o = run(&["text", f]);
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        ACTION_PLAN_TEXT.to_string() + "2.另一项\n"
    );
    let o = run(&["check", f]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("in paragraph 17 of the Word file"), "{out}");
    let o = run(&["parse", dir.path().to_str().unwrap()]);
    assert!(o.status.success());
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("read 1 file (1 docx)"));
}

/// The regulation style: 第一章 and 第一条 generated by Word (`第%1章`, chineseCounting).
fn regulation_style() {
    let levels = vec![
        lvl(0, "chineseCounting", "第%1章", ""),
        lvl(
            1,
            "chineseCounting",
            "第%2条",
            r#"<w:lvlRestart w:val="0"/>"#,
        ),
    ];
    let body = [
        p("某某市数据条例"),
        li(1, 0, "　总则"),
        li(1, 1, "　为了规范数据处理活动，制定本条例。"),
        li(1, 1, "　本条例适用于本市行政区域。"),
        li(1, 0, "　数据资源"),
        li(1, 1, "　市人民政府统筹全市数据资源管理。"),
    ]
    .concat();
    let mut pkg = Package::new(body);
    pkg.numbering = Some(numbering(&[(1, levels)]));
    let doc = parse(&pkg.bytes());
    let got: Vec<(Kind, String)> = outline(&doc)
        .into_iter()
        .map(|(k, l, _, _)| (k, l))
        .collect();
    let want = [
        (Kind::Chapter, "第一章"),
        (Kind::Article, "第一条"),
        (Kind::Article, "第二条"),
        (Kind::Chapter, "第二章"),
        // Articles run on across chapters (lvlRestart 0), as regulations number them.
        (Kind::Article, "第三条"),
    ];
    assert_eq!(got, want.map(|(k, l)| (k, l.to_string())));
}

/// A shared document as a Word file: every line a paragraph, and every label gongwen
/// finds in the text replaced by Word's numbering. As an author would, each run of
/// numbers is one list, and where the text's numbers do not go on from the last (a
/// restart under a new parent, a gap, a repeat), a new list begins there with that
/// start value (`w:startOverride`). The outline must come back the same, numbers
/// included — for the decimal levels, which Word restarts itself, where the text numbers
/// them as Word would.
fn shared_document_as_a_word_file(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let typed = gongwen::parse_text(&text, &Options::default());
    let (bytes, converted) = as_word::as_word_file(&text, &typed);
    let doc = parse(&bytes);
    check_invariants(&doc);
    let key = |d: &Document| -> Vec<(Kind, u64, String)> {
        outline(d)
            .into_iter()
            .map(|(k, _, n, t)| (k, n, t))
            .collect()
    };
    let (a, b) = (key(&typed), key(&doc));
    // Decimal numbers as Word counts them: each level from 1 under its parent.
    let decimal_regular = typed.node_ids().all(|i| {
        let n = typed.node(i);
        if !n.style().is_decimal() {
            return true;
        }
        let siblings: &[gongwen::NodeId] = match n.parent {
            Some(p) => &typed.node(p).children,
            None => &typed.roots,
        };
        let same: Vec<_> = siblings
            .iter()
            .filter(|&&s| typed.node(s).style() == n.style())
            .collect();
        n.number() == same.iter().position(|&&s| s == i).unwrap() as u64 + 1
    });
    let k = (0..a.len().max(b.len())).find(|&k| match (a.get(k), b.get(k)) {
        (Some(x), Some(y)) => x.0 != y.0 || x.2 != y.2 || (decimal_regular && x.1 != y.1),
        _ => true,
    });
    if let Some(k) = k {
        panic!(
            "{}: node {k} is {:?} as text, {:?} as a Word file",
            path.display(),
            a.get(k),
            b.get(k)
        );
    }
    // Every label that opened a line became Word's; those inside a line stay typed.
    let auto = doc
        .node_ids()
        .filter(|&i| doc.label_source(doc.node(i)) == LabelSource::Auto)
        .count();
    assert_eq!(auto, converted, "{}: generated labels", path.display());
}

/// LibreOffice's text of a Word file, if LibreOffice is installed.
fn libreoffice_text(docx: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("doc.docx");
    std::fs::write(&input, docx).unwrap();
    soffice_convert("txt:Text (encoded):UTF8", dir.path(), &[input]);
    let t = std::fs::read_to_string(dir.path().join("doc.txt")).unwrap();
    t.trim_start_matches('\u{feff}').to_string()
}

/// Lines without their white space, and without empty ones: LibreOffice writes a tab
/// after a number where gongwen writes a space, and CRLF.
fn squeezed(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Every number format, each at several values, in one document per format, with
/// multi-level text (`%1.%2.%3`); and the action plan of every GB/T 9704 level. Left
/// out: `isLgl` and `decimalEnclosedParen`, which LibreOffice 7.4 does not render (it
/// writes the level's own format, and plain digits); the unit tests hold them to the
/// specification (ECMA-376 §17.9.4, §17.18.59).
fn every_format_as_libreoffice_renders_it() {
    let formats = [
        ("chineseCounting", "%1、"),
        ("chineseCountingThousand", "（%1）"),
        ("chineseLegalSimplified", "%1."),
        ("ideographTraditional", "%1、"),
        ("ideographZodiac", "%1、"),
        ("decimal", "%1."),
        ("decimalFullWidth", "%1．"),
        ("decimalEnclosedCircle", "%1"),
        ("lowerLetter", "%1)"),
        ("upperLetter", "%1."),
        ("lowerRoman", "%1."),
        ("upperRoman", "%1."),
        ("decimalZero", "%1."),
    ];
    let mut failures = Vec::new();
    for (fmt, text) in formats {
        let levels = vec![
            lvl(0, fmt, text, ""),
            lvl(1, "decimal", "%1.%2", ""),
            lvl(2, "decimal", "%1.%2.%3", ""),
        ];
        let mut body = String::new();
        // Enclosed numbers stop at ⑳ (past it Word writes digits, LibreOffice ㉑).
        let n = if fmt.starts_with("decimalEnclosed") {
            20
        } else {
            25
        };
        for k in 0..n {
            body += &li(1, 0, &format!("第{}项", k + 1));
            if k % 6 == 0 {
                body += &li(1, 1, "子项");
                body += &li(1, 2, "细项");
            }
        }
        let mut pkg = Package::new(body);
        pkg.numbering = Some(numbering(&[(1, levels)]));
        let bytes = pkg.bytes();
        let ours = gongwen::parse_bytes(&bytes, &Options::default())
            .unwrap()
            .text;
        let theirs = libreoffice_text(&bytes);
        if squeezed(&ours) != squeezed(&theirs) {
            failures.push(format!(
                "{fmt}:\n gongwen: {:?}\n LibreOffice: {:?}",
                squeezed(&ours),
                squeezed(&theirs)
            ));
        }
    }
    let plan = action_plan().bytes();
    let ours = gongwen::parse_bytes(&plan, &Options::default())
        .unwrap()
        .text;
    if squeezed(&ours) != squeezed(&libreoffice_text(&plan)) {
        failures.push(format!(
            "the action plan:\n gongwen: {ours:?}\n LibreOffice: {:?}",
            libreoffice_text(&plan)
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The reviewer's checks find a draft's mistakes in its Word file as in its text: typed
/// into Word line by line, the same codes in the same order; with Word's own numbering for
/// the labels, the same but the labels' forms (Word writes them alike). Each report names
/// its paragraph.
fn a_drafts_mistakes_in_its_word_file() {
    use gongwen::Code;
    for name in [
        "fixtures/reply_draft.txt",
        "fixtures/report_draft.txt",
        "fixtures/broken.txt",
    ] {
        let text = std::fs::read_to_string(repo(name)).unwrap();
        let options = Options::default().with_checks(gongwen::CheckSet::all());
        let typed = gongwen::parse_text(&text, &options);
        let codes = |d: &Document| d.diagnostics.iter().map(|x| x.code).collect::<Vec<_>>();
        assert!(!typed.diagnostics.is_empty(), "{name}");
        let lines: String = text.lines().map(p).collect();
        let plain = gongwen::parse_bytes(&Package::new(lines).bytes(), &options).unwrap();
        assert_eq!(codes(&plain), codes(&typed), "{name} typed in Word");
        let (bytes, _) = as_word::as_word_file(&text, &typed);
        let generated = gongwen::parse_bytes(&bytes, &options).unwrap();
        let but_forms = |d: &Document| {
            let mut c = codes(d);
            c.retain(|c| !matches!(c, Code::LabelForms | Code::MixedLabelStyle));
            c
        };
        assert_eq!(
            but_forms(&generated),
            but_forms(&typed),
            "{name} numbered by Word"
        );
        for doc in [&plain, &generated] {
            for d in &doc.diagnostics {
                assert!(doc.paragraph(d.range.start).is_some(), "{name}: {}", d.code);
            }
        }
    }
}

fn main() {
    let mut trials: Vec<Trial> = vec![
        trial(
            "a draft's mistakes in its Word file",
            Needs::Nothing,
            a_drafts_mistakes_in_its_word_file,
        ),
        trial(
            "every GB/T 9704 level generated reads as typed",
            Needs::Nothing,
            every_gb_level_generated_reads_as_typed,
        ),
        trial(
            "a typed number among generated ones",
            Needs::Nothing,
            a_typed_number_among_generated_ones,
        ),
        trial(
            "the regulation style generated",
            Needs::Nothing,
            regulation_style,
        ),
        trial(
            "the command line reads Word files",
            Needs::Nothing,
            the_command_line_reads_word_files,
        ),
        trial(
            "every number format as LibreOffice renders it",
            Needs::LibreOffice,
            every_format_as_libreoffice_renders_it,
        ),
    ];
    if shared_dir().is_some() {
        for (dir, ext) in [("corpus", "txt"), ("corpus/local", "txt"), ("seeds", "txt")] {
            for p in shared_files(dir, ext) {
                let name = format!(
                    "as a Word file/{dir}/{}",
                    p.file_name().unwrap().to_string_lossy()
                );
                trials.push(trial(name, Needs::Shared, move || {
                    shared_document_as_a_word_file(&p)
                }));
            }
        }
    } else {
        trials.push(trial("as a Word file", Needs::Shared, || {}));
    }
    run(trials);
}
