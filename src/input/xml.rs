//! The little of quick-xml the Word reader needs: events of a part, element names and
//! attribute values, text with its entity references resolved.

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;

/// An event of a part, reduced to what the reader looks at.
pub(super) enum Ev<'a> {
    /// An element opens (`empty`: it also closes, `<w:tab/>`).
    Open { e: BytesStart<'a>, empty: bool },
    /// An element closes.
    Close(Cow<'a, str>),
    /// Character data, references resolved.
    Text(Cow<'a, str>),
}

/// The events of an XML part, in order; `None` at its end. Malformed XML ends the part
/// with the error's description, so that what was read before it is kept.
pub(super) struct Events<'a> {
    reader: Reader<&'a [u8]>,
}

impl<'a> Events<'a> {
    pub(super) fn new(xml: &'a str) -> Events<'a> {
        let mut reader = Reader::from_str(xml);
        let c = reader.config_mut();
        c.trim_text(false);
        c.check_end_names = false;
        c.expand_empty_elements = false;
        Events { reader }
    }

    pub(super) fn next(&mut self) -> Option<Result<Ev<'a>, String>> {
        loop {
            let ev = match self.reader.read_event() {
                Ok(ev) => ev,
                Err(e) => {
                    return Some(Err(format!(
                        "malformed XML at byte {}: {e}",
                        self.reader.error_position()
                    )))
                }
            };
            return Some(Ok(match ev {
                Event::Start(e) => Ev::Open { e, empty: false },
                Event::Empty(e) => Ev::Open { e, empty: true },
                Event::End(e) => Ev::Close(Cow::Owned(e.name().as_ref().to_string())),
                Event::Text(t) => Ev::Text(t.xml10_content()),
                Event::CData(t) => Ev::Text(t.into_inner()),
                Event::GeneralRef(r) => Ev::Text(Cow::Owned(reference(&r))),
                Event::Eof => return None,
                _ => continue,
            }));
        }
    }
}

/// The character an entity or character reference stands for (U+FFFD for one XML
/// does not define: Word writes none).
fn reference(r: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    match &**r {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "\u{FFFD}",
    }
    .to_string()
}

/// The element's qualified name (`w:p`).
pub(super) fn name<'e>(e: &'e BytesStart<'_>) -> &'e str {
    let n = e.name();
    // `QName` borrows from `e`; its text lives as long as `e`.
    let s: &str = n.into_inner();
    s
}

/// The value of attribute `key` (`w:val`), entities resolved.
pub(super) fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    let a = e.try_get_attribute(key).ok().flatten()?;
    Some(
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(Cow::into_owned)
            .unwrap_or_else(|_| a.value.into_owned()),
    )
}

/// A number attribute (`w:val="3"`).
pub(super) fn attr_num(e: &BytesStart<'_>, key: &str) -> Option<i64> {
    attr(e, key)?.trim().parse().ok()
}

/// A switch attribute: present and not `0`/`false`/`off` (`<w:isLgl/>` is on).
pub(super) fn on(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, "w:val").as_deref(), Some("0" | "false" | "off"))
}
