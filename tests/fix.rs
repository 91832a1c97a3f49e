//! `gongwen check --fix` and `--diff` on copies of the seed and the broken draft: the diff
//! previews without writing; the fix rewrites the file in its own encoding and byte order
//! mark, and checking again finds the fixed problems gone; files gongwen cannot write back
//! the same (other formats, malformed bytes, standard input) are left untouched.

mod common;
use common::*;
use std::path::{Path, PathBuf};

/// A scratch folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = repo(&format!("target/fix-test/{name}"));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `gongwen check ARGS`: exit code, standard output, standard error.
fn check(args: &[&str]) -> (i32, String, String) {
    let o = gongwen_command()
        .arg("check")
        .args(args)
        .args(["--lang", "en"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn codes(path: &Path) -> Vec<String> {
    let (_, out, _) = check(&[path.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn diff_previews_the_seeds_renumbering_and_writes_nothing() {
    let dir = scratch("diff");
    let seed = dir.join("seed.txt");
    std::fs::copy(repo(SEED), &seed).unwrap();
    let before = std::fs::read(&seed).unwrap();
    let (code, out, err) = check(&[seed.to_str().unwrap(), "--diff"]);
    assert_eq!(code, 1, "a fix is due: {err}");
    // One hunk: the second 15 (line 48) becomes 14; nothing else changes.
    let removed: Vec<&str> = out.lines().filter(|l| l.starts_with("-1")).collect();
    let added: Vec<&str> = out.lines().filter(|l| l.starts_with("+1")).collect();
    assert_eq!(removed.len(), 1, "{out}");
    assert!(removed[0].starts_with("-15.完善寄递末端网络"), "{out}");
    assert_eq!(added.len(), 1);
    assert_eq!(added[0], format!("+14.{}", &removed[0][4..]));
    assert!(out.contains("@@ -46,5 +46,5 @@"), "{out}");
    assert!(err.contains("--fix would fix 1 problem (1 edit)"), "{err}");
    assert_eq!(
        std::fs::read(&seed).unwrap(),
        before,
        "--diff writes nothing"
    );
}

#[test]
fn fix_renumbers_rebrackets_and_what_is_left_is_reported() {
    let dir = scratch("fix");
    let draft = dir.join("broken.txt");
    std::fs::copy(repo("fixtures/broken.txt"), &draft).unwrap();
    let path = draft.to_str().unwrap();
    assert!(codes(&draft).contains(&"missing-number".to_string()));
    let (code, out, err) = check(&[path, "--fix"]);
    // The unclosed bracket has no mechanical fix: it is what is left, and reported.
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("fixed 3 problems (4 edits)"), "{err}");
    assert!(out.contains("unclosed-bracket"), "{out}");
    assert_eq!(codes(&draft), vec!["unclosed-bracket"]);
    let text = std::fs::read_to_string(&draft).unwrap();
    for line in [
        "2.推进改革。",
        "4.优化服务。",
        "三、保障措施",
        "5.加强督查。",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
    }
    // Only the lines fixed differ from the original.
    let original = std::fs::read_to_string(repo("fixtures/broken.txt")).unwrap();
    let differ = original
        .lines()
        .zip(text.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(differ, 4);
    assert_eq!(original.lines().count(), text.lines().count());
}

#[test]
fn only_the_codes_selected_are_fixed() {
    let dir = scratch("select");
    let draft = dir.join("broken.txt");
    std::fs::copy(repo("fixtures/broken.txt"), &draft).unwrap();
    let (_, _, err) = check(&[
        draft.to_str().unwrap(),
        "--fix",
        "--select",
        "mixed-label-style",
    ]);
    assert!(err.contains("fixed 1 problem (1 edit)"), "{err}");
    let left = codes(&draft);
    assert!(!left.contains(&"mixed-label-style".to_string()));
    assert!(left.contains(&"missing-number".to_string()), "{left:?}");
}

#[test]
fn a_file_is_written_back_in_its_own_encoding() {
    let dir = scratch("encodings");
    let original = std::fs::read_to_string(repo("fixtures/broken.txt")).unwrap();
    let gbk = dir.join("gb18030.txt");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&original);
    std::fs::write(&gbk, &bytes).unwrap();
    let utf16 = dir.join("utf16.txt");
    let mut b = vec![0xFF, 0xFE];
    b.extend(original.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&utf16, &b).unwrap();
    let crlf = dir.join("crlf.txt");
    std::fs::write(&crlf, original.replace('\n', "\r\n")).unwrap();
    let utf8 = dir.join("utf8.txt");
    std::fs::write(&utf8, &original).unwrap();
    for f in [&gbk, &utf16, &crlf, &utf8] {
        let (_, _, err) = check(&[f.to_str().unwrap(), "--fix"]);
        assert!(err.contains("fixed 3 problems"), "{}: {err}", f.display());
    }
    let fixed = std::fs::read_to_string(&utf8).unwrap();
    assert_ne!(fixed, original);
    let gbk_bytes = std::fs::read(&gbk).unwrap();
    assert!(std::str::from_utf8(&gbk_bytes).is_err(), "still GB18030");
    let (back, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(&gbk_bytes);
    assert!(!had_errors);
    assert_eq!(back, fixed);
    let u = std::fs::read(&utf16).unwrap();
    assert_eq!(&u[..2], &[0xFF, 0xFE], "the byte order mark is kept");
    let units: Vec<u16> = u[2..]
        .chunks(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    assert_eq!(String::from_utf16(&units).unwrap(), fixed);
    assert_eq!(
        std::fs::read_to_string(&crlf).unwrap(),
        fixed.replace('\n', "\r\n"),
        "line ends are kept"
    );
}

#[test]
fn what_cannot_be_written_back_the_same_is_left_alone() {
    let dir = scratch("refused");
    let original = std::fs::read_to_string(repo("fixtures/broken.txt")).unwrap();
    // A web page: its text is extracted, not its bytes.
    let page = dir.join("page.html");
    let html = format!(
        "<html><head><meta charset=\"utf-8\"><title>t</title></head><body><article>{}</article></body></html>",
        original
            .lines()
            .map(|l| format!("<p>{l}</p>"))
            .collect::<String>()
    );
    std::fs::write(&page, &html).unwrap();
    // Malformed bytes: writing the text back would write U+FFFD.
    let bad = dir.join("malformed.txt");
    let mut b = original.clone().into_bytes();
    b.splice(3..3, [0xFF]);
    std::fs::write(&bad, &b).unwrap();
    for (f, why) in [
        (&page, "rewrites text files only; this is a html file"),
        (&bad, "not rewritten: its bytes are not what gongwen writes"),
    ] {
        let before = std::fs::read(f).unwrap();
        // Not rewritten, and what is left is reported: 1, as for any problem found.
        let (code, _, err) = check(&[f.to_str().unwrap(), "--fix"]);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(why), "{}: {err}", f.display());
        assert_eq!(
            std::fs::read(f).unwrap(),
            before,
            "{} untouched",
            f.display()
        );
    }
    // Standard input has no file to write back to.
    let o = gongwen_command()
        .args(["check", "-", "--fix", "--lang", "zh"])
        .stdin(std::fs::File::open(repo("fixtures/broken.txt")).unwrap())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("不改写标准输入"));
}

#[test]
fn the_summary_speaks_chinese_when_asked() {
    let dir = scratch("zh");
    let draft = dir.join("broken.txt");
    std::fs::copy(repo("fixtures/broken.txt"), &draft).unwrap();
    let o = gongwen_command()
        .args(["check", draft.to_str().unwrap(), "--diff", "--lang", "zh"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--fix 将修正 3 处问题（4 处改动）"), "{err}");
}
