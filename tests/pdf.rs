//! PDF files, made by the tests (never stored). Two makers: PDFs written here as Chinese
//! government PDFs are often written (a font the file does not embed, `UniGB-UCS2-H`,
//! every script run placed apart), from the shared documents set on A4 pages with a
//! running header and `— N —`; and PDFs LibreOffice makes from the same documents as Word
//! files (embedded TrueType subsets, Word's numbering rendered, a header and a PAGE field
//! in the footer). Both must give back the outline and the title of the documents as
//! plain text, with the furniture set aside. Files no reader can use are refused with
//! what to do, and damaged ones never crash.

#[path = "common/as_word.rs"]
mod as_word;
mod common;
#[path = "common/docx_builder.rs"]
mod docx_builder;
#[path = "common/ofd_builder.rs"]
mod ofd_builder;
#[path = "common/paged.rs"]
mod paged;
#[path = "common/pdf_builder.rs"]
mod pdf_builder;

use common::*;
use gongwen::{Error, Format, Options};
use libtest_mimic::Trial;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const HEADER: &str = "某某市人民政府文件";

fn a_document_as_a_pdf_file(path: &Path) {
    paged::same_as_text(path, Format::Pdf, &pdf_builder::pdf);
}

fn parse(bytes: &[u8]) -> Result<gongwen::Document, Error> {
    gongwen::parse_bytes(bytes, &Options::default())
}

fn a_file_without_text_is_refused() {
    // A page that holds nothing but its number: a scan, as far as text goes.
    let bytes = pdf_builder::pdf(&[Vec::new()], "");
    let e = parse(&bytes).unwrap_err();
    assert!(matches!(e, Error::NotText { .. }), "{e:?}");
    assert!(e.to_string().contains("OCR"), "{e}");
}

/// The seed's PDF cut short, cut in the middle, with bytes overwritten, and with its
/// page tree pointing at itself: an error or a document, never a panic or a hang.
fn damaged_files_never_crash() {
    let text = std::fs::read_to_string(repo(SEED)).unwrap();
    let whole = pdf_builder::pdf(&ofd_builder::set(&text), HEADER);
    assert_eq!(parse(&whole).unwrap().source.format, Format::Pdf);
    for cut in [20, whole.len() / 3, whole.len() / 2, whole.len() - 10] {
        let _ = parse(&whole[..cut]);
    }
    for at in (0..whole.len()).step_by(997) {
        let mut b = whole.clone();
        b[at..(at + 16).min(whole.len())].fill(b'#');
        let _ = parse(&b);
    }
    // Pages whose kids are the page tree itself, and a content stream that is its own
    // length.
    let cyclic = pdf_builder::write(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>".into(),
            "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".into(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".into(),
            "<< /Length 4 0 R >>\nstream\nBT ET\nendstream".into(),
        ],
        "",
    );
    match parse(&cyclic) {
        Err(Error::NotText { .. } | Error::Unreadable { .. }) => {}
        other => panic!("{other:?}"),
    }
}

/// The shared documents (and the seed) as LibreOffice's PDFs of their Word files, made
/// in one run of LibreOffice for all (a run per file would take a minute more). Gives
/// the directory of `NAME.pdf` files, and the texts by name.
fn libreoffice_pdfs() -> &'static (tempfile::TempDir, Vec<(String, PathBuf)>) {
    static MADE: OnceLock<(tempfile::TempDir, Vec<(String, PathBuf)>)> = OnceLock::new();
    MADE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut texts = vec![repo(SEED)];
        if shared_dir().is_some() {
            texts.extend(shared_files("corpus", "txt"));
            texts.extend(shared_files("corpus/local", "txt"));
        }
        let mut inputs = Vec::new();
        let mut names = Vec::new();
        for (k, path) in texts.iter().enumerate() {
            let text = std::fs::read_to_string(path).unwrap();
            let typed = gongwen::parse_text(&text, &Options::default());
            let (mut pkg, _) = as_word::as_word_package(&text, &typed);
            // Paragraphs indented two characters, as GB/T 9704 sets them (without an
            // indent a paragraph that ends at the margin and the next are one to a
            // reader as well).
            assert!(pkg.styles.is_none());
            pkg.styles = Some(
                r#"<w:docDefaults><w:pPrDefault><w:pPr><w:ind w:firstLine="480"/></w:pPr></w:pPrDefault></w:docDefaults>"#
                    .into(),
            );
            // A running header on documents of several pages (on one page it is the
            // document's first line: nothing shows it runs).
            if several_pages(&text) {
                pkg.header = Some(docx_builder::p(HEADER));
            }
            pkg.footer = Some(docx_builder::page_number());
            let input = dir.path().join(format!("{k}.docx"));
            std::fs::write(&input, pkg.bytes()).unwrap();
            inputs.push(input);
            names.push((
                path.display().to_string(),
                dir.path().join(format!("{k}.pdf")),
            ));
        }
        soffice_convert("pdf", dir.path(), &inputs);
        // To look at them: GONGWEN_KEEP=dir keeps the files made.
        if let Some(keep) = std::env::var_os("GONGWEN_KEEP") {
            for (source, pdf) in &names {
                let stem = Path::new(source).file_stem().unwrap().to_string_lossy();
                let _ = std::fs::copy(pdf, Path::new(&keep).join(format!("{stem}.lo.pdf")));
            }
        }
        (dir, names)
    })
}

/// On the command line: `text` prints what the spans of `parse` point into (in
/// characters), and `check` names the page of each problem.
fn the_command_line() {
    let text = std::fs::read_to_string(repo(SEED)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("seed.pdf");
    std::fs::write(&file, pdf_builder::pdf(&ofd_builder::set(&text), HEADER)).unwrap();
    let run = |args: &[&str]| {
        let o = common::gongwen_command()
            .args(args)
            .arg(&file)
            .output()
            .unwrap();
        (
            o.status.code(),
            String::from_utf8(o.stdout).unwrap(),
            String::from_utf8(o.stderr).unwrap(),
        )
    };
    let (code, extracted, _) = run(&["text"]);
    assert_eq!(code, Some(0));
    let (_, json, _) = run(&["parse", "--compact"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["source"]["format"], "pdf");
    let pages: Vec<u64> = assert_spans_open_with_labels(&v, &extracted, "seed.pdf")
        .iter()
        .map(|n| n["page"].as_u64().unwrap())
        .collect();
    assert!(
        pages.len() > 50 && pages.iter().any(|&p| p > 1),
        "{pages:?}"
    );
    // The seed numbers two items 15: the error names the page it is on.
    let (code, report, _) = run(&["check"]);
    assert_eq!(code, Some(1), "{report}");
    let line = report.lines().find(|l| l.contains("on page ")).unwrap();
    let page: usize = line
        .split("on page ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    let (_, json, _) = run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let d = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "duplicate-number")
        .unwrap();
    assert_eq!(d["page"], page, "{json}");
}

/// The seed as LibreOffice exports it with these PDF export options.
fn seed_exported(options: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("seed.txt");
    std::fs::copy(repo(SEED), &input).unwrap();
    soffice_convert(
        &format!("pdf:writer_pdf_Export:{options}"),
        dir.path(),
        &[input],
    );
    std::fs::read(dir.path().join("seed.pdf")).unwrap()
}

/// A PDF that opens only with its password is refused with what to do; one whose
/// password only restricts printing and copying opens, as in a viewer.
fn passwords() {
    let locked = seed_exported(
        r#"{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}"#,
    );
    let e = parse(&locked).unwrap_err();
    assert!(matches!(e, Error::NotText { .. }), "{e:?}");
    assert!(e.to_string().contains("password"), "{e}");
    let restricted = seed_exported(
        r#"{"RestrictPermissions":{"type":"boolean","value":"true"},"PermissionPassword":{"type":"string","value":"owner"},"EnableCopyingOfContent":{"type":"boolean","value":"false"}}"#,
    );
    assert!(memchr::memmem::find(&restricted, b"/Encrypt").is_some());
    let doc = parse(&restricted).unwrap();
    let text = std::fs::read_to_string(repo(SEED)).unwrap();
    let typed = gongwen::parse_text(&text, &Options::default());
    assert_eq!(doc.meta.title, typed.meta.title);
    assert_eq!(doc.nodes.len(), typed.nodes.len());
}

/// Whether a text fills more than a page as LibreOffice sets it (about 1,800 characters
/// a page).
fn several_pages(text: &str) -> bool {
    text.chars().count() > 4000
}

/// A document as LibreOffice's PDF of its Word file: the outline and title of the text,
/// the running header and the page numbers (one each a page) set aside.
fn as_libreoffice_makes_it(k: usize) {
    let (_, made) = libreoffice_pdfs();
    let (source, pdf) = &made[k];
    let text = std::fs::read_to_string(source).unwrap();
    let typed = gongwen::parse_text(&text, &Options::default());
    let bytes = std::fs::read(pdf).unwrap_or_else(|e| panic!("{source}: no PDF made: {e}"));
    let doc = parse(&bytes).unwrap_or_else(|e| panic!("{source}: {e}"));
    check_invariants(&doc);
    assert_eq!(doc.meta.title, typed.meta.title, "{source}");
    if !paged::lost_breaks(&text, &typed) {
        let (a, b) = (paged::outline(&typed), paged::outline(&doc));
        if let Some(n) = (0..a.len().max(b.len())).find(|&n| a.get(n) != b.get(n)) {
            panic!(
                "{source}: node {n} is {:?} as text, {:?} in LibreOffice's PDF",
                a.get(n),
                b.get(n)
            );
        }
    }
    let pages = doc.pages.len();
    let furniture = paged::furniture(&doc);
    let numbers = furniture.iter().filter(|f| f.starts_with('—')).count();
    assert_eq!(numbers, pages, "{source}: {furniture:?}");
    if several_pages(&text) {
        assert!(pages >= 2, "{source}: {pages} page");
        assert_eq!(furniture.len(), 2 * pages, "{source}: {furniture:?}");
    }
    assert!(!doc.text[..doc.tail.unwrap()].contains(HEADER), "{source}");
}

fn main() {
    let mut trials: Vec<Trial> = vec![
        trial(
            "a PDF without text is refused",
            Needs::Nothing,
            a_file_without_text_is_refused,
        ),
        trial(
            "damaged PDF files never crash",
            Needs::Nothing,
            damaged_files_never_crash,
        ),
        trial(
            "the command line on a PDF file",
            Needs::Nothing,
            the_command_line,
        ),
        trial("the seed as a PDF file", Needs::Nothing, || {
            a_document_as_a_pdf_file(&repo(SEED))
        }),
        trial("PDF passwords", Needs::LibreOffice, passwords),
        trial("the seed as LibreOffice's PDF", Needs::LibreOffice, || {
            as_libreoffice_makes_it(0)
        }),
    ];
    if shared_dir().is_some() {
        let mut k = 0;
        for (dir, ext) in [("corpus", "txt"), ("corpus/local", "txt")] {
            for p in shared_files(dir, ext) {
                k += 1;
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let n = k;
                trials.push(trial(
                    format!("as LibreOffice's PDF/{dir}/{name}"),
                    Needs::LibreOffice,
                    move || as_libreoffice_makes_it(n),
                ));
                trials.push(trial(
                    format!("as a PDF file/{dir}/{name}"),
                    Needs::Shared,
                    move || a_document_as_a_pdf_file(&p),
                ));
            }
        }
    } else {
        trials.push(trial("as a PDF file", Needs::Shared, || {}));
    }
    run(trials);
}
