//! The HTML report, opened in a real browser (headless Chromium, installed by .ci/run):
//! on the seed in Chinese, the outline has 7 chapters and 66 items, the duplicated item 15
//! is listed and marked, the who-does-what table has a row for every unit `departments`
//! names and the targets table a row for every target `quantities --targets` lists;
//! screenshots at a desktop and a phone width are saved to target/ for people to look
//! at, and the printed PDF (read back by gongwen) shows values and owners without hovering.
//! A folder gives an index with a row per document.

mod common;
use common::*;
use std::process::Command;

fn headless(
    browser: &str,
    profile: &std::path::Path,
    extra: &[&str],
    url: &str,
) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .unwrap()
}

/// Runs gongwen with these arguments from the repository; its standard output.
fn gongwen(args: &[&str]) -> String {
    let o = common::gongwen_command()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// A `data-NAME="N"` count the page's script wrote on its body.
fn count(dom: &str, name: &str) -> usize {
    let key = format!("data-{name}=\"");
    let at = dom
        .find(&key)
        .unwrap_or_else(|| panic!("no {key} in the page"))
        + key.len();
    dom[at..at + dom[at..].find('"').unwrap()].parse().unwrap()
}

fn json_len(s: &str) -> usize {
    serde_json::from_str::<serde_json::Value>(s)
        .unwrap()
        .as_array()
        .unwrap()
        .len()
}

fn the_seed_report_in_a_browser() {
    let browser = chromium().expect("Chromium");
    let dir = repo("target/report-test");
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("seed.html");
    gongwen(&["report", SEED, "--lang", "zh", "-o", html.to_str().unwrap()]);
    let url = format!("file://{}", html.canonicalize().unwrap().display());

    let dom = headless(&browser, &dir.join("profile-dom"), &["--dump-dom"], &url);
    let dom = String::from_utf8_lossy(&dom.stdout).into_owned();
    // The page's own script counted what the browser built.
    assert_eq!(count(&dom, "chapters"), 7, "{}", &dom[..dom.len().min(500)]);
    assert_eq!(count(&dom, "items"), 66);
    assert_eq!(count(&dom, "diagnostics"), 1);
    assert_eq!(count(&dom, "problems"), 1);
    let units = json_len(&gongwen(&["departments", SEED, "--format", "json"]));
    let targets = json_len(&gongwen(&[
        "quantities",
        SEED,
        "--targets",
        "--format",
        "json",
    ]));
    assert!(
        units > 20 && targets > 10,
        "{units} units, {targets} targets"
    );
    assert_eq!(count(&dom, "units"), units);
    assert_eq!(count(&dom, "targets"), targets);
    // The problem is listed in Chinese and links to its mark in the text.
    let listed = dom
        .find("<a href=\"#d0\">第 48 行</a> 错误：第 48 行的三级标题“15”应为 14")
        .expect("the problem listed");
    let item = &dom[listed..listed + dom[listed..].find("</li>").unwrap()];
    assert!(item.contains("duplicate-number"), "{item}");
    let marked = dom
        .find("class=\"label diag error\" title=\"错误[duplicate-number]: 第 48 行的三级标题“15”应为 14")
        .expect("item 15 is marked");
    let mark = &dom[marked..marked + dom[marked..].find("</span>").unwrap()];
    assert!(mark.ends_with(">15."), "{mark}");
    // The page names the file, not where it lies on this machine.
    assert!(dom.contains("000_ae5005f7988b7668.txt"));
    assert!(!dom.contains(env!("CARGO_MANIFEST_DIR")));

    for (name, size) in [("desktop", "1280,2400"), ("phone", "390,2400")] {
        let png = repo(&format!("target/report-seed-{name}.png"));
        std::fs::remove_file(&png).ok();
        let shot = headless(
            &browser,
            &dir.join(format!("profile-{name}")),
            &[
                &format!("--window-size={size}"),
                &format!("--screenshot={}", png.display()),
            ],
            &url,
        );
        assert!(
            shot.status.success(),
            "{}",
            String::from_utf8_lossy(&shot.stderr)
        );
        let bytes = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
        assert!(bytes > 20_000, "{name} screenshot of {bytes} bytes");
        eprintln!("screenshot saved to {}", png.display());
    }

    // Printed, the answers are on paper: the owners table and the targets' normalized
    // values and bounds are text of the PDF, not tooltips.
    let pdf = dir.join("seed.pdf");
    std::fs::remove_file(&pdf).ok();
    let printed = headless(
        &browser,
        &dir.join("profile-print"),
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
        &url,
    );
    assert!(
        printed.status.success(),
        "{}",
        String::from_utf8_lossy(&printed.stderr)
    );
    let text: String = gongwen(&["text", pdf.to_str().unwrap()])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for words in [
        "责任分工",
        "量化指标",
        "省发展改革委",
        "不少于（含本数）",
        "100,000,000,000",
        "由36个月压减至24个月",
    ] {
        assert!(text.contains(words), "the printout lacks {words}");
    }
}

fn a_folder_in_a_browser() {
    let browser = chromium().expect("Chromium");
    let dir = repo("target/report-test/fixtures");
    std::fs::remove_dir_all(&dir).ok();
    let o = common::gongwen_command()
        .args(["report", "fixtures", "-o", dir.to_str().unwrap()])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let documents: Vec<_> = std::fs::read_dir(repo("fixtures"))
        .unwrap()
        .flatten()
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "txt" || x == "html")
        })
        .collect();
    let index = dir.join("index.html");
    let url = format!("file://{}", index.canonicalize().unwrap().display());
    let dom = headless(&browser, &dir.join("profile"), &["--dump-dom"], &url);
    let dom = String::from_utf8_lossy(&dom.stdout).into_owned();
    assert_eq!(count(&dom, "documents"), documents.len());
    // Each row links to a page that exists; the broken draft's row counts its problems.
    for e in &documents {
        let name = e.file_name().to_string_lossy().into_owned();
        let page = format!("{}.html", name.rsplit_once('.').unwrap().0);
        assert!(
            dom.contains(&format!("<a href=\"{page}\">{name}</a>")),
            "{name}"
        );
        assert!(dir.join(&page).is_file(), "{page}");
    }
    let broken = dom.find("<a href=\"broken.html\">broken.txt</a>").unwrap();
    let row = &dom[broken..broken + dom[broken..].find("</tr>").unwrap()];
    assert!(row.contains("broken.html#problems"), "{row}");
}

fn main() {
    run(vec![
        trial(
            "the_seed_report_in_a_browser",
            Needs::Chromium,
            the_seed_report_in_a_browser,
        ),
        trial(
            "a_folder_in_a_browser",
            Needs::Chromium,
            a_folder_in_a_browser,
        ),
    ]);
}
