//! Input that is not a well-formed document: each gets a clear message or a
//! best-effort result with diagnostics, never a panic, and exit code 2 when unreadable.

mod common;
use common::*;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let o = common::gongwen_command()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Writes `bytes` to `name` in `dir` (a directory removed when the test ends).
fn temp(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn empty_and_blank_files_give_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", "  \n\u{3000}\n\t\n".as_bytes()),
    ] {
        let p = temp(&dir, name, bytes);
        let (code, out, _) = run(&["parse", p.to_str().unwrap()]);
        assert_eq!(code, Some(0));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["diagnostics"][0]["code"], "empty-document", "{name}");
        assert_eq!(v["nodes"].as_array().unwrap().len(), 0);
        let (code, out, _) = run(&["check", p.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{name}: {out}");
    }
}

#[test]
fn files_that_are_not_text_exit_2_with_advice() {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let ole =
        |stream: &str| [&b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"[..], &utf16(stream)].concat();
    let (word97, encrypted, sheet) = (
        ole("WordDocument"),
        ole("EncryptedPackage"),
        ole("Workbook"),
    );
    let cases: [(&str, &[u8], &str); 7] = [
        ("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
        (
            "report.docx",
            b"PK\x03\x04\x14\0\x06\0word/document.xml",
            "damaged",
        ),
        (
            "blob.bin",
            &[0u8, 1, 2, 0, 0, 0, 7, 0, 0, 0, 0, 9, 0, 0],
            "binary",
        ),
        ("old.doc", &word97, "save it as .docx"),
        ("locked.docx", &encrypted, "password"),
        ("sheet.xls", &sheet, "old Office file"),
        ("broken.pdf", b"%PDF-1.4\n", "print it to a new PDF"),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, word) in cases {
        let p = temp(&dir, name, bytes);
        let (code, _, err) = run(&["parse", p.to_str().unwrap()]);
        assert_eq!(code, Some(2), "{name}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(name) && err.contains(word), "{name}: {err}");
    }
}

#[test]
fn directories_and_missing_files() {
    let (code, _, err) = run(&["parse", "no/such/file.txt"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no such file"));
    let empty = tempfile::tempdir().unwrap();
    let (code, _, err) = run(&["parse", empty.path().to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("no documents (.txt, .html, .docx, .ofd, .pdf) under"),
        "{err}"
    );
}

#[test]
fn a_document_without_numbering_keeps_all_its_text() {
    let doc = parse_file(&repo("fixtures/no_numbering.txt"));
    assert!(doc.nodes.is_empty());
    assert_eq!(doc.diagnostics[0].code.as_str(), "no-outline");
    check_invariants(&doc);
}

#[test]
fn unbalanced_and_deeply_nested_brackets() {
    let text = format!(
        "一、甲\n1.乙{}丙{}\n2.丁{}\n3.戊{}\n",
        "（".repeat(10_000),
        "）".repeat(10_000),
        "(".repeat(10_000),
        ")".repeat(5_000)
    );
    let doc = parse(&text);
    assert_eq!(doc.nodes.len(), 4);
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "unclosed-bracket"));
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "unmatched-bracket"));
    check_invariants(&doc);
}

#[test]
fn thousands_of_the_same_defect_are_reported_a_bounded_number_of_times() {
    // Every item numbered `1.`, every line with an unclosed bracket: one report each would be
    // 3,000 reports of one kind; the first few are given, then one that counts the rest.
    // (Lines longer than 40 characters: a bracket opened on a short line may close on the next.)
    let mut text = String::from("一、总体要求\n");
    let item = format!("1.加大（{}。\n", "力度".repeat(25));
    for _ in 0..3_000 {
        text.push_str(&item);
    }
    let doc = parse(&text);
    assert_eq!(doc.nodes.len(), 3_001);
    let count = |code: &str| {
        doc.diagnostics
            .iter()
            .filter(|d| d.code.as_str() == code)
            .count()
    };
    let max = gongwen::MAX_PER_CODE;
    assert_eq!(count("duplicate-number"), max);
    assert_eq!(count("unclosed-bracket"), max);
    let truncated: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "truncated")
        .collect();
    assert_eq!(truncated.len(), 2, "{truncated:?}");
    assert!(truncated.iter().any(|d| d.message
        == format!(
            "{} more `duplicate-number` reports from here on are not shown",
            2_999 - max
        )));
    assert!(truncated.iter().any(|d| d.message
        == format!(
            "{} more `unclosed-bracket` reports from here on are not shown",
            3_000 - max
        )));
    // Each says where the reports stop: at the first one left out.
    let first_left_out = doc.text.match_indices("1.").nth(max + 1).unwrap().0;
    assert!(truncated.iter().any(|d| d.range.start == first_left_out));
    check_invariants(&doc);
}

#[test]
fn a_single_long_line() {
    // The seed, its line breaks removed, repeated to about 10 MB on one line.
    let flat: String = seed_text().chars().filter(|&c| c != '\n').collect();
    let text = flat.repeat(10_000_000 / flat.len() + 1);
    let doc = parse(&text);
    assert!(doc.nodes.len() > 1000, "{}", doc.nodes.len());
    check_invariants(&doc);
}

#[test]
fn malformed_utf8_is_replaced_and_reported() {
    let mut bytes = "一、总体要求\n1.加大力度。".as_bytes().to_vec();
    bytes.extend([0xE4, 0xB8]); // a cut-off character
    bytes.extend("（省商务厅负责）\n".as_bytes());
    let doc =
        gongwen::parse_bytes(&bytes, &gongwen::Options::default().with_encoding("utf-8")).unwrap();
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "decode-error"));
    assert_eq!(
        *owners(&doc, &doc.nodes[1], gongwen::Role::Responsible),
        ["省商务厅"]
    );
    check_invariants(&doc);
}

/// Hostile web pages: nesting 100,000 deep, a page that is all script, markup never
/// closed. Each is read (deep nesting flattened, with a diagnostic), its text kept.
#[test]
fn hostile_pages_are_read_with_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "<html><body>{}一、总体要求{}<p>1.加大力度。</p>",
        "<div>".repeat(100_000),
        "</div>".repeat(10)
    );
    let p = temp(&dir, "deep.html", deep.as_bytes());
    let (code, out, _) = run(&["parse", p.to_str().unwrap(), "--compact"]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["source"]["format"], "html");
    assert_eq!(v["diagnostics"][0]["code"], "deep-markup");
    assert_eq!(v["nodes"][0]["title"], "总体要求");
    assert_eq!(v["nodes"][0]["children"][0]["label"], "1.");

    let p = temp(
        &dir,
        "script.html",
        b"<html><head><script>var a = '1. x';</script></head><body></body></html>",
    );
    let (code, out, _) = run(&["parse", p.to_str().unwrap(), "--compact"]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["diagnostics"][0]["code"], "empty-document");

    let p = temp(
        &dir,
        "open.html",
        "<html><body><div id=zoom><p>一、总体要求<p>（一）加强领导<table><tr><td>1<td>任务"
            .as_bytes(),
    );
    let (code, _, _) = run(&["text", p.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    let (_, text, _) = run(&["text", p.to_str().unwrap()]);
    assert_eq!(text, "一、总体要求\n（一）加强领导\n1\t任务\n");
}
