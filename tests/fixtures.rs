//! Small documents we wrote ourselves, one per shape (fixtures/*.txt). Their
//! expected parses are snapshots (tests/snapshots/), reviewed by hand before
//! they were committed: run `cargo insta review` after a deliberate change.

mod common;
use common::*;

fn snapshot(name: &str) {
    let doc = parse_file(&repo(&format!("fixtures/{name}.txt")));
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
