//! Small documents we wrote ourselves, one per shape (fixtures/*.txt). Their
//! expected parses are snapshots (tests/snapshots/), reviewed by hand before
//! they were committed: run `cargo insta review` after a deliberate change.

mod common;
use common::*;

fn snapshot(name: &str) {
    snapshot_of(name, "txt")
}

fn snapshot_of(name: &str, ext: &str) {
    let doc = parse_file(&repo(&format!("fixtures/{name}.{ext}")));
    check_invariants(&doc);
    insta::assert_snapshot!(name, summary(&doc));
}

#[test]
fn action_plan() {
    snapshot("action_plan");
}

#[test]
fn regulation() {
    snapshot("regulation");
}

#[test]
fn notice_with_plan() {
    snapshot("notice_with_plan");
}

#[test]
fn labelled_clauses() {
    snapshot("labelled_clauses");
}

#[test]
fn emergency_plan() {
    snapshot("emergency_plan");
}

#[test]
fn no_numbering() {
    snapshot("no_numbering");
}

#[test]
fn broken() {
    snapshot("broken");
}

/// A government web page we wrote (GB2312-declared, saved as GB18030): navigation, an
/// information table, the article in `#zoom` with a task table, attachment links.
#[test]
fn page() {
    snapshot_of("page", "html");
    let doc = parse_file(&repo("fixtures/page.html"));
    assert_eq!(doc.source.format, gongwen::Format::Html);
    assert_eq!(doc.source.encoding, "GB18030");
    let m = &doc.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("某市人民政府办公室关于印发某市数字经济发展三年行动方案的通知")
    );
    assert_eq!(
        m.doc_number.as_ref().map(|d| d.text.as_str()),
        Some("某政办发〔2025〕6号")
    );
    assert_eq!(
        m.index_number.as_deref(),
        Some("11000000MB0000000X/2025-00012")
    );
    assert_eq!(m.published.as_deref(), Some("2025-03-20"));
    assert_eq!(m.date.as_deref(), Some("2025-03-18"));
    let hrefs: Vec<_> = m
        .attachments
        .iter()
        .filter_map(|a| a.href.as_deref())
        .collect();
    assert_eq!(hrefs, ["/attach/2025/tasks.xlsx", "/attach/2025/plan.pdf"]);
    // The article comes first; the site's furniture after it, as one chrome range.
    let chrome: Vec<_> = doc
        .skipped
        .iter()
        .filter(|s| s.reason == gongwen::SkipReason::Chrome)
        .collect();
    assert_eq!(chrome.len(), 1);
    let furniture = doc.slice(&chrome[0].range);
    assert!(furniture.contains("网站标识码") && furniture.contains("当前位置"));
    assert!(!doc.text[..chrome[0].range.start].contains("当前位置"));
    assert!(!doc.text.contains("columnName"), "a script is not text");
}
