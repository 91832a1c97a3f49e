//! `gongwen.toml`: settings a team keeps beside its drafts, found as linters find theirs:
//! the nearest of `gongwen.toml`, `.gongwen.toml` or a `pyproject.toml` with a
//! `[tool.gongwen]` table, from the working directory up; or the file `--config` names;
//! none with `--no-config`. A flag on the command line takes the place of the file's value.
//!
//! ```toml
//! lang = "zh"                 # messages and headers (--lang)
//! encoding = "gb18030"        # the input's encoding (--encoding)
//! units = "units.tsv"         # more unit names (--units), relative to this file
//! lexicon = "words.tsv"       # more words (--lexicon), relative to this file
//!
//! [check]
//! select = ["default", "punctuation"]   # --select
//! ignore = ["missing-responsibility"]   # --ignore
//! ```
//!
//! An unknown key is an error that names it and the file: a misspelt `selct` must not be
//! passed over in silence.

use crate::cli::{Command, Input, Lang};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file's settings.
#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
struct Config {
    lang: Option<String>,
    encoding: Option<String>,
    units: Option<PathBuf>,
    lexicon: Option<PathBuf>,
    #[serde(default)]
    check: Check,
}

/// The `[check]` table.
#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
struct Check {
    #[serde(default)]
    select: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
}

/// A `pyproject.toml`: only its `[tool.gongwen]` table is read.
#[derive(Deserialize)]
struct PyProject {
    tool: Option<Tool>,
}

#[derive(Deserialize)]
struct Tool {
    gongwen: Option<toml::Value>,
}

/// The config file for a run from `dir`: the nearest `gongwen.toml`, `.gongwen.toml` or
/// `pyproject.toml` with `[tool.gongwen]`, in `dir` or above.
fn find(dir: &Path) -> Option<PathBuf> {
    for d in dir.ancestors() {
        for name in ["gongwen.toml", ".gongwen.toml"] {
            let p = d.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
        let p = d.join("pyproject.toml");
        let has_table = std::fs::read_to_string(&p)
            .ok()
            .and_then(|s| toml::from_str::<PyProject>(&s).ok())
            .and_then(|py| py.tool?.gongwen)
            .is_some();
        if has_table {
            return Some(p);
        }
    }
    None
}

/// Reads a config file; errors name the file, the line and the key.
fn read(path: &Path) -> Result<Config, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {}", path.display(), crate::io_reason(&e)))?;
    let shown = |e: toml::de::Error| format!("{}: {}", path.display(), e.to_string().trim_end());
    if path.file_name().is_some_and(|n| n == "pyproject.toml") {
        let table = toml::from_str::<PyProject>(&text)
            .map_err(shown)?
            .tool
            .and_then(|t| t.gongwen)
            .unwrap_or(toml::Value::Table(Default::default()));
        return table
            .try_into()
            .map_err(|e: toml::de::Error| format!("{}: [tool.gongwen]: {e}", path.display()));
    }
    toml::from_str(&text).map_err(shown)
}

/// The command with the settings of its config file put in where the command line gives
/// none (`--config FILE`, else the nearest one; nothing with `--no-config`).
pub(crate) fn apply(command: &mut Command) -> Result<(), String> {
    let Some(input) = command.input_mut() else {
        return Ok(());
    };
    if input.no_config {
        return Ok(());
    }
    let path = match input.config.clone() {
        Some(p) => p,
        None => {
            let here =
                std::env::current_dir().map_err(|e| format!("the working directory: {e}"))?;
            match find(&here) {
                Some(p) => p,
                None => return Ok(()),
            }
        }
    };
    let config = read(&path)?;
    let base = path.parent().unwrap_or(Path::new("."));
    fill(input, &config, base, &path)?;
    if let Some((select, ignore)) = command.selection_mut() {
        if select.is_empty() {
            select.clone_from(&config.check.select);
        }
        if ignore.is_empty() {
            ignore.clone_from(&config.check.ignore);
        }
    }
    Ok(())
}

/// The input flags the command line left out, from the file (its paths relative to
/// `base`, the file's folder).
fn fill(input: &mut Input, config: &Config, base: &Path, path: &Path) -> Result<(), String> {
    if input.lang.is_none() {
        input.lang = match config.lang.as_deref() {
            None => None,
            Some("zh") => Some(Lang::Zh),
            Some("en") => Some(Lang::En),
            Some(other) => {
                return Err(format!(
                    "{}: lang = \"{other}\": the languages are \"zh\" and \"en\"",
                    path.display()
                ))
            }
        };
    }
    if input.encoding.is_none() {
        input.encoding.clone_from(&config.encoding);
    }
    if input.units.is_none() {
        input.units = config.units.as_ref().map(|p| base.join(p));
    }
    if input.lexicon.is_none() {
        input.lexicon = config.lexicon.as_ref().map(|p| base.join(p));
    }
    Ok(())
}
