//! The `gongwen` binary: commands, output formats, messages and exit codes.

mod common;
use common::*;
use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

fn gongwen(args: &[&str]) -> Output {
    common::gongwen_command()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = common::gongwen_command()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn parse_prints_versioned_json() {
    let o = gongwen(&["parse", SEED]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["schema"], "gongwen/1");
    assert_eq!(v["source"]["encoding"], "UTF-8");
    assert_eq!(v["source"]["bytes"], 29566);
    assert_eq!(v["meta"]["doc_number"]["serial"], 35);
    assert_eq!(v["nodes"].as_array().unwrap().len(), 7);
    let item = &v["nodes"][1]["children"][0];
    assert_eq!(
        (
            item["kind"].as_str(),
            item["label"].as_str(),
            item["number"].as_u64()
        ),
        (Some("item"), Some("1."), Some(1))
    );
    assert!(item["responsibility"]["text"]
        .as_str()
        .unwrap()
        .starts_with('('));
    assert_eq!(item["clauses"].as_array().unwrap().len(), 1);
}

#[test]
fn parse_compact_and_output_file() {
    let out = std::env::temp_dir().join(format!("gongwen-cli-{}.json", std::process::id()));
    let o = gongwen(&["parse", SEED, "--compact", "-o", out.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stdout(&o).is_empty());
    let s = std::fs::read_to_string(&out).unwrap();
    assert_eq!(s.trim_end().lines().count(), 1);
    std::fs::remove_file(out).ok();
}

#[test]
fn parse_reads_standard_input() {
    let o = with_stdin(
        &["parse", "-", "--compact"],
        "一、总体要求\n1.加大力度。（省商务厅负责）\n".as_bytes(),
    );
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v["nodes"][0]["children"][0]["responsibility"]["responsible"][0],
        "省商务厅"
    );
}

#[test]
fn unreadable_inputs_exit_2_with_one_line() {
    let o = gongwen(&["parse", "no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(
        e.contains("no/such/file.txt") && e.contains("no such file"),
        "{e}"
    );

    let pdf = std::env::temp_dir().join(format!("gongwen-{}.pdf", std::process::id()));
    std::fs::write(&pdf, b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj").unwrap();
    let o = gongwen(&["parse", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("PDF") && stderr(&o).contains("print it to a new PDF"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_file(pdf).ok();
}

/// A folder is walked for every format gongwen reads, in sorted order, `--glob` filters
/// what is below it, other files are counted as passed over, and a link back up is not
/// followed; a summary of what was read goes to standard error.
#[test]
fn folders_are_walked_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/c")).unwrap();
    std::fs::copy(repo("fixtures/page.html"), root.join("b/page.html")).unwrap();
    std::fs::copy(repo(SEED), root.join("b/c/seed.txt")).unwrap();
    std::fs::copy(repo("fixtures/broken.txt"), root.join("a.TXT")).unwrap();
    std::fs::write(root.join("b/logo.png"), b"\x89PNG\r\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root, root.join("b/c/up")).unwrap();
    let r = root.to_str().unwrap();
    let o = gongwen(&["parse", r]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let formats: Vec<(String, String)> = stdout(&o)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let path = v["source"]["path"].as_str().unwrap();
            let name = Path::new(path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, v["source"]["format"].as_str().unwrap().to_string())
        })
        .collect();
    // Depth first, each folder in name order: b/c/seed.txt before b/page.html.
    let want = [
        ("a.TXT", "text"),
        ("seed.txt", "text"),
        ("page.html", "html"),
    ];
    assert_eq!(formats, want.map(|(a, b)| (a.to_string(), b.to_string())));
    let err = stderr(&o);
    assert!(err.contains("read 3 files (1 html, 2 text)"), "{err}");
    assert!(
        err.contains("passed over 1 of other types (1 .png)"),
        "{err}"
    );
    #[cfg(unix)]
    assert!(err.contains("a loop"), "{err}");

    let o = gongwen(&["check", r, "--glob", "*.txt", "--glob", "!a.*"]);
    assert_eq!(o.status.code(), Some(1), "the seed numbers two items 15");
    let err = stderr(&o);
    assert!(err.contains("read 1 file (1 text)"), "{err}");
    assert!(err.contains("2 left out by --glob"), "{err}");
    assert!(stdout(&o).contains("seed.txt"));

    let o = gongwen(&["parse", r, "--glob", "*.docx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("that --glob keeps"), "{}", stderr(&o));
}

#[test]
fn parse_many_files_and_directories_as_json_lines() {
    let o = gongwen(&["parse", "fixtures", "no/such.txt", SEED]);
    assert_eq!(o.status.code(), Some(2), "one input could not be read");
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut fixtures: Vec<String> = std::fs::read_dir(repo("fixtures"))
        .unwrap()
        .map(|e| format!("fixtures/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    fixtures.sort();
    assert_eq!(lines.len(), fixtures.len() + 2);
    let paths: Vec<&str> = lines
        .iter()
        .map(|l| l["source"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        &paths[..fixtures.len()],
        fixtures
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
    );
    assert_eq!(paths[fixtures.len()], "no/such.txt");
    assert!(lines[fixtures.len()]["error"]
        .as_str()
        .unwrap()
        .contains("no such file"));
    assert_eq!(lines.last().unwrap()["meta"]["doc_number"]["serial"], 35);
    assert!(stderr(&o).contains("no/such.txt"));
}

#[test]
fn check_reports_like_a_compiler() {
    let o = gongwen(&["check", SEED]);
    assert_eq!(o.status.code(), Some(1));
    let s = stdout(&o);
    assert!(
        s.contains(&format!(
            "{SEED}:48:1: error[duplicate-number]: item 15 at line 48 is probably 14"
        )),
        "{s}"
    );
    assert!(s.contains("48 │ 15.完善寄递末端网络"), "{s}");
    assert!(
        s.contains("help: renumber `15.` at line 48 as `14.`"),
        "{s}"
    );
    assert!(!s.contains('\u{1b}'), "no colour when piped");
    assert!(s.trim_end().ends_with(
        "1 error, 0 warnings, 0 notes; 1 can be fixed with `gongwen check --fix` (preview: `--diff`)"
    ));
}

#[test]
fn check_json_and_exit_codes() {
    let o = gongwen(&["check", "--format", "json", SEED, "fixtures/regulation.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(a[0]["file"], SEED);
    assert_eq!(a[0]["span"]["line"], 48);
    assert_eq!(a[0]["span"]["column"], 1);
    assert_eq!(a[0]["code"], "duplicate-number");

    let o = gongwen(&["check", "fixtures/regulation.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = gongwen(&["check", "fixtures/regulation.txt", "missing.txt"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn help_explains_every_command_with_examples() {
    let o = gongwen(&["--help"]);
    let s = stdout(&o);
    for cmd in ["parse", "check"] {
        assert!(s.contains(cmd), "{s}");
        let h = stdout(&gongwen(&[cmd, "--help"]));
        assert!(h.contains("Examples:"), "{cmd}: {h}");
    }
}

/// `gongwen text` prints the text every span of the JSON points into, for a web page as
/// for plain text: slicing it by a node's character offsets gives the node's label.
#[test]
fn text_is_what_spans_point_into() {
    for file in ["fixtures/page.html", "fixtures/action_plan.txt"] {
        let o = gongwen(&["text", file]);
        assert!(o.status.success(), "{file}: {}", stderr(&o));
        let text = stdout(&o);
        let v: serde_json::Value =
            serde_json::from_str(&stdout(&gongwen(&["parse", file, "--compact"]))).unwrap();
        let labels = assert_spans_open_with_labels(&v, &text, file).len();
        assert!(labels >= 5, "{file}: {labels} nodes");
    }
}

/// `gongwen check` of `text` for a terminal of 80 columns, without colour: its output and
/// the width of its widest line after the first (tabs shown as codespan shows them).
fn check_in_80_columns(text: &str) -> (String, usize) {
    use unicode_width::UnicodeWidthStr;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.txt");
    std::fs::write(&path, text).unwrap();
    let o = common::gongwen_command()
        .args(["check", path.to_str().unwrap()])
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let out = stdout(&o);
    let widest = out
        .lines()
        .skip(1)
        .map(|l| l.replace('\t', "    ").width())
        .max()
        .unwrap();
    (out, widest)
}

#[test]
fn a_long_line_is_shown_as_the_part_around_the_place() {
    use unicode_width::UnicodeWidthStr;
    // A document on one line of 40,000 characters, its unclosed bracket in the middle.
    let text = format!(
        "一、总体要求{}（未闭合{}\n",
        "甲".repeat(20_000),
        "乙".repeat(20_000)
    );
    let (out, widest) = check_in_80_columns(&text);
    assert!(out.contains("unclosed-bracket"), "{out}");
    assert!(widest <= 80, "a line of {widest} columns:\n{out}");
    // The place is under the bracket, at its real column.
    assert!(out.contains(":1:20007"), "{out}");
    let source = out.lines().find(|l| l.contains("│ …")).unwrap();
    let marker = out.lines().find(|l| l.contains('^')).unwrap();
    let col = |l: &str, c: char| l[..l.find(c).unwrap()].width();
    assert_eq!(col(source, '（'), col(marker, '^'), "{source}\n{marker}");
    assert!(source.contains('…'));
}

#[test]
fn a_line_of_tabs_is_cut_like_any_long_line() {
    // Tabs have no width of their own for unicode-width, but codespan shows each as four
    // spaces: a line of them is as long as it looks.
    let text = format!(
        "一、{}（未闭合{}\n",
        "\t".repeat(20_000),
        "\t".repeat(20_000)
    );
    let (out, widest) = check_in_80_columns(&text);
    assert!(out.contains("unclosed-bracket"), "{out}");
    assert!(widest <= 80, "a line of {widest} columns");
}

#[test]
fn help_speaks_the_language_asked_for() {
    let zh = gongwen(&["check", "-h", "--lang", "zh"]);
    let s = stdout(&zh);
    for words in [
        "检查编号与格式",
        "用法：gongwen check",
        "参数",
        "选项",
        "只报告这些代码或类别",
        "显示帮助",
    ] {
        assert!(s.contains(words), "{words} in\n{s}");
    }
    let o = gongwen_command()
        .arg("--help")
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(
        s.contains("为审核人员生成 HTML 报告") && s.contains("命令"),
        "{s}"
    );
    let en = stdout(&gongwen(&["check", "-h", "--lang", "en"]));
    assert!(
        en.contains("Check numbering and form") && en.contains("Usage: gongwen check"),
        "{en}"
    );
    assert!(!en.contains("用法"));
}

#[test]
fn errors_speak_the_language_asked_for() {
    let dir = repo("target/cli-errors");
    std::fs::create_dir_all(&dir).unwrap();
    let png = dir.join("scan.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let png = png.to_str().unwrap();
    for (lang, words) in [
        ("zh", ["这是PNG 图片，不是文本", "文件不存在"]),
        ("en", ["this is a PNG image, not text", "no such file"]),
    ] {
        let o = gongwen(&["parse", png, "--lang", lang]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(words[0]), "{err}");
        let o = gongwen(&["check", "no-such-draft.txt", "--lang", lang]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(words[1]), "{err}");
    }
}

#[test]
fn table_headers_for_people_in_chinese_keys_for_machines_unchanged() {
    let zh = |command: &str, format: &str| {
        stdout(&gongwen(&[
            command, SEED, "--format", format, "--lang", "zh",
        ]))
    };
    for (command, header) in [
        (
            "departments",
            "单位,单位类别,职责,序号,编号,任务,行号,所属地区\n",
        ),
        ("quantities", "序号,行号,原文,数值,计量单位,限定,"),
    ] {
        let csv = zh(command, "csv");
        assert!(csv.starts_with(header), "{csv}");
    }
    let v: serde_json::Value = serde_json::from_str(&zh("departments", "json")).unwrap();
    assert!(v[0].get("unit").is_some() && v[0].get("单位").is_none());
}
