//! The HTML report, opened in a real browser (headless Chromium, installed by .ci/run):
//! the outline has 7 chapters and 66 items, the duplicated item 15 is marked, and a
//! screenshot is saved to target/report-seed.png for people to look at.

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

fn the_seed_report_in_a_browser() {
    let browser = chromium().expect("Chromium");
    let dir = repo("target/report-test");
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("seed.html");
    let o = common::gongwen_command()
        .args(["report", SEED, "-o", html.to_str().unwrap()])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let url = format!("file://{}", html.canonicalize().unwrap().display());

    let dom = headless(&browser, &dir.join("profile-dom"), &["--dump-dom"], &url);
    let dom = String::from_utf8_lossy(&dom.stdout).into_owned();
    // The page's own script counted what the browser built.
    assert!(
        dom.contains("data-chapters=\"7\""),
        "{}",
        &dom[..dom.len().min(500)]
    );
    assert!(dom.contains("data-items=\"66\""));
    assert!(dom.contains("data-diagnostics=\"1\""));
    // The first of the two items numbered 15 carries the marker and its message.
    let marked = dom.find("class=\"label diag error\" title=\"error[duplicate-number]: item 15 at line 48 is probably 14").expect("item 15 is marked");
    assert!(dom[marked..].starts_with("class=\"label diag error\""));
    assert!(dom[marked..marked + 400].contains(">15.</span>"));

    let png = repo("target/report-seed.png");
    std::fs::remove_file(&png).ok();
    let shot = headless(
        &browser,
        &dir.join("profile-shot"),
        &[
            "--window-size=1280,1600",
            &format!("--screenshot={}", png.display()),
        ],
        &url,
    );
    assert!(
        shot.status.success(),
        "{}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let size = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
    assert!(size > 20_000, "screenshot of {size} bytes");
    eprintln!("screenshot saved to {}", png.display());
}

fn main() {
    run(vec![trial(
        "the_seed_report_in_a_browser",
        Needs::Chromium,
        the_seed_report_in_a_browser,
    )]);
}
