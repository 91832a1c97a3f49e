//! `gongwen.toml` (or `[tool.gongwen]` in a `pyproject.toml`), found from the working
//! directory up as linters find theirs: its settings apply where the command line gives
//! none; a flag takes the place of the file's value; `--no-config` and `--config FILE`;
//! an unknown key is an error naming it and the file.

mod common;
use common::*;
use std::path::{Path, PathBuf};

/// A project folder with the reply draft in `drafts/`, and `files` written at its root.
fn project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = repo(&format!("target/config-test/{name}"));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    std::fs::copy(
        repo("fixtures/reply_draft.txt"),
        dir.join("drafts/reply.txt"),
    )
    .unwrap();
    for (f, text) in files {
        std::fs::write(dir.join(f), text).unwrap();
    }
    dir
}

/// `gongwen ARGS` run in `dir`: exit code, standard output, standard error.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = gongwen_command()
        .args(args)
        .current_dir(dir)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The codes `gongwen check reply.txt --format json ARGS` reports, run in `dir`.
fn check_codes(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["check", "reply.txt", "--format", "json"];
    all.extend_from_slice(args);
    codes(&run(dir, &all).1)
}

fn codes(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut c: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    c.dedup();
    c
}

const NUMBERS_IN_CHINESE: &str = "lang = \"zh\"\n\n[check]\nselect = [\"numbers\"]\n";

#[test]
fn the_nearest_file_is_read_from_a_folder_below() {
    let dir = project("nearest", &[("gongwen.toml", NUMBERS_IN_CHINESE)]);
    let drafts = dir.join("drafts");
    assert_eq!(
        check_codes(&drafts, &[]),
        ["range-hyphen", "full-width-digits"]
    );
    let (_, human, _) = run(&drafts, &["check", "reply.txt"]);
    assert!(human.contains("数值范围“3-5”用了连字符"), "{human}");
    // Flags take the place of the file's values.
    assert_eq!(
        check_codes(&drafts, &["--select", "genre"]),
        ["address-word", "closing-mismatch"]
    );
    let (_, human, _) = run(&drafts, &["check", "reply.txt", "--lang", "en"]);
    assert!(
        human.contains("the range `3-5` is joined by a hyphen"),
        "{human}"
    );
    // No file read.
    let plain = check_codes(&drafts, &["--no-config"]);
    assert!(plain.contains(&"title-punctuation".to_string()));
    assert!(!plain.contains(&"range-hyphen".to_string()));
}

#[test]
fn a_pyproject_table_and_a_named_file() {
    let py =
        "[project]\nname = \"drafts\"\n\n[tool.gongwen.check]\nignore = [\"genre\", \"form\"]\n";
    let dir = project(
        "pyproject",
        &[
            ("pyproject.toml", py),
            ("strict.toml", "[check]\nselect = [\"all\"]\n"),
        ],
    );
    let drafts = dir.join("drafts");
    assert_eq!(check_codes(&drafts, &[]), ["wrong-level"]);
    let strict = dir.join("strict.toml");
    let all = check_codes(&drafts, &["--config", strict.to_str().unwrap()]);
    assert!(all.contains(&"half-width-punctuation".to_string()));
    // A pyproject.toml without the table is passed over.
    let dir = project(
        "pyproject-without",
        &[("pyproject.toml", "[project]\nname = \"x\"\n")],
    );
    let (code, _, err) = run(&dir.join("drafts"), &["check", "reply.txt"]);
    assert_eq!(code, 1, "{err}");
}

#[test]
fn paths_in_the_file_are_relative_to_it() {
    let units = "省开发区管委会\tdevelopment_zone\t开发区管委会\n";
    let config = "units = \"lists/units.tsv\"\n";
    let dir = project("paths", &[("gongwen.toml", config)]);
    std::fs::create_dir_all(dir.join("lists")).unwrap();
    std::fs::write(dir.join("lists/units.tsv"), units).unwrap();
    std::fs::write(
        dir.join("drafts/plan.txt"),
        "一、甲\n1.建设园区。（开发区管委会负责）\n",
    )
    .unwrap();
    let (code, out, err) = run(
        &dir.join("drafts"),
        &["departments", "plan.txt", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["unit"], "省开发区管委会", "{out}");
}

#[test]
fn an_unknown_key_is_an_error_that_names_it() {
    let dir = project(
        "unknown",
        &[("gongwen.toml", "[check]\nselct = [\"numbers\"]\n")],
    );
    let (code, out, err) = run(&dir.join("drafts"), &["check", "reply.txt"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("gongwen.toml") && err.contains("selct") && err.contains("select"),
        "{err}"
    );
    let dir = project("bad-lang", &[("gongwen.toml", "lang = \"fr\"\n")]);
    let (code, _, err) = run(&dir.join("drafts"), &["parse", "reply.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("lang = \"fr\""), "{err}");
    let dir = project(
        "bad-code",
        &[("gongwen.toml", "[check]\nselect = [\"numbres\"]\n")],
    );
    let (code, _, err) = run(&dir.join("drafts"), &["check", "reply.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("numbres: no such code or family"), "{err}");
}
