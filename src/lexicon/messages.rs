//! The message catalogues (`data/messages/en.ftl`, `zh.ftl`, in Fluent's syntax): every
//! sentence gongwen writes for people, by id, in each language. Code names a message and
//! gives its arguments; the catalogue words it.

use crate::model::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

/// The catalogue files, by language.
pub(crate) const SOURCES: &[(Lang, &str)] = &[
    (Lang::En, include_str!("../../data/messages/en.ftl")),
    (Lang::Zh, include_str!("../../data/messages/zh.ftl")),
];

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let (tag, source) = match lang {
        Lang::En => ("en", SOURCES[0].1),
        Lang::Zh => ("zh-CN", SOURCES[1].1),
    };
    let id: unic_langid::LanguageIdentifier = tag.parse().expect("a language tag");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // The text goes to terminals, files and JSON: no bidi isolation marks around values.
    b.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_string())
        .unwrap_or_else(|(_, e)| panic!("data/messages/{}.ftl: {e:?}", lang.as_str()));
    b.add_resource(resource)
        .unwrap_or_else(|e| panic!("data/messages/{}.ftl: {e:?}", lang.as_str()));
    b
}

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> =
    LazyLock::new(|| [bundle(Lang::En), bundle(Lang::Zh)]);

/// An argument of a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text, put in as it is.
    Str(String),
    /// A number, which a message may also choose a form by (`[1] is *[other] are`).
    Num(u64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Num(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Num(n as u64)
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Str(c.to_string())
    }
}

/// The message `id` in `lang`, its arguments put in. A message missing from a catalogue
/// (which `tests/messages.rs` forbids) falls back to English, then to its id.
pub fn say(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        match v {
            Arg::Str(s) => fa.set(*k, FluentValue::from(s.as_str())),
            Arg::Num(n) => fa.set(*k, FluentValue::from(*n)),
        }
    }
    for l in [lang, Lang::En] {
        let b = &BUNDLES[l as usize];
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let s = b.format_pattern(pattern, Some(&fa), &mut errors);
            debug_assert!(errors.is_empty(), "{id} ({}): {errors:?}", l.as_str());
            return s.into_owned();
        }
    }
    id.to_string()
}

/// [`say`] with arguments written as `name = value` pairs.
macro_rules! say_args {
    ($lang:expr, $id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::lexicon::messages::say(
            $lang,
            $id,
            &[$((stringify!($k), $crate::lexicon::messages::Arg::from($v))),*],
        )
    };
}
pub(crate) use say_args;

impl crate::model::Error {
    /// The error worded in `lang` (its `Display` is the English).
    pub fn message(&self, lang: Lang) -> String {
        use crate::model::Error;
        match self {
            Error::NotText { what, advice } => say_args!(
                lang,
                "error-not-text",
                what = say(lang, what, &[]),
                advice = say(lang, advice, &[])
            ),
            Error::Unreadable { what, reason } => say_args!(
                lang,
                "error-unreadable",
                what = say(lang, what, &[]),
                reason = reason.as_str()
            ),
            Error::UnknownEncoding(l) => {
                say_args!(lang, "error-unknown-encoding", label = l.as_str())
            }
            Error::TooLarge { bytes } => say_args!(lang, "error-too-large", bytes = *bytes),
            Error::Lexicon { line, message } => say_args!(
                lang,
                "error-lexicon",
                line = *line,
                message = message.as_str()
            ),
        }
    }
}

impl std::fmt::Display for crate::model::Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_a_message_in_each_language() {
        let en = say_args!(
            Lang::En,
            "numbering-repeats",
            node = "item 15",
            line = 48usize
        );
        assert_eq!(en, "item 15 at line 48 repeats the number before it");
        let node = say_args!(Lang::Zh, "node", kind = "item", label = "15");
        assert_eq!(node, "三级标题“15”");
        let zh = say_args!(Lang::Zh, "numbering-repeats", node = node, line = 48usize);
        assert_eq!(zh, "第 48 行的三级标题“15”与前一个编号重复");
        let one = say_args!(
            Lang::En,
            "numbering-missing",
            kind = "item",
            missing = "14",
            count = 1usize,
            node = "item 15",
            line = 3usize
        );
        assert_eq!(one, "item 14 is missing before item 15 at line 3");
        assert_eq!(say(Lang::Zh, "no-such-message", &[]), "no-such-message");
    }
}
