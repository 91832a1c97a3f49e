//! The language people read gongwen's messages in.

use super::closed::closed_set;

closed_set! {
    /// A language of the message catalogues (`data/messages/`). Machine output (codes,
    /// JSON keys, closed-set values) is the same in every language.
    #[derive(Default)]
    pub enum Lang {
        /// English.
        #[default]
        En => "en",
        /// Chinese (简体中文).
        Zh => "zh",
    }
}

impl Lang {
    /// The language of a locale name as `LANG` holds it: `zh_CN.UTF-8`, `zh-TW`, `zh` →
    /// Chinese; `en_US.UTF-8`, `C`, `POSIX` → English; anything else → None.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let l = locale.trim().to_ascii_lowercase();
        if l.starts_with("zh") {
            Some(Lang::Zh)
        } else if l.starts_with("en") || l == "c" || l.starts_with("c.") || l == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language the environment asks for, as POSIX programs read it: the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty; English when none names
    /// a language of the catalogues.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_locale(&v))
            .unwrap_or_default()
    }
}
