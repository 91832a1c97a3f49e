//! OFD files (GB/T 33190), made by the tests (never stored): the shared documents set on
//! A4 pages as GB/T 9704 sets them — wrapped at 28 characters, a running header and a
//! page number on each page — must give back the outline, the title and the owners of
//! the same documents as plain text, with the furniture set aside and each node's page.

mod common;
#[path = "common/ofd_builder.rs"]
mod ofd_builder;
#[path = "common/paged.rs"]
mod paged;

use common::*;
use gongwen::{Format, Options};
use libtest_mimic::Trial;
use std::path::Path;

fn a_document_as_an_ofd_file(path: &Path) {
    paged::same_as_text(path, Format::Ofd, &ofd_builder::ofd);
}

fn a_file_without_text_is_refused() {
    let bytes = ofd_builder::ofd(&[Vec::new()], "");
    let e = gongwen::parse_bytes(&bytes, &Options::default()).unwrap_err();
    assert!(e.to_string().contains("OCR"), "{e}");
}

fn main() {
    let mut trials: Vec<Trial> = vec![trial(
        "an OFD file without text is refused",
        Needs::Nothing,
        a_file_without_text_is_refused,
    )];
    trials.push(trial("the seed as an OFD file", Needs::Nothing, || {
        a_document_as_an_ofd_file(&repo(SEED))
    }));
    if shared_dir().is_some() {
        for (dir, ext) in [("corpus", "txt"), ("corpus/local", "txt")] {
            for p in shared_files(dir, ext) {
                let name = format!(
                    "as an OFD file/{dir}/{}",
                    p.file_name().unwrap().to_string_lossy()
                );
                trials.push(trial(name, Needs::Shared, move || {
                    a_document_as_an_ofd_file(&p)
                }));
            }
        }
    } else {
        trials.push(trial("as an OFD file", Needs::Shared, || {}));
    }
    run(trials);
}
