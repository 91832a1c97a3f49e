//! Numerals: Chinese (一, 十一, 二十三, 一千二百, 三万, 二〇〇五), Arabic with
//! full-width digits, circled digits. Shared by the outline (labels) and the
//! quantity extractor. Takes a string prefix; gives a value and the bytes read.

/// Value of a Chinese digit character (两 = 2, 〇/零 = 0).
pub fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' | 'Ｏ' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Multiplier of a Chinese unit character below 万.
fn cn_small_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

pub fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some() || cn_small_unit(c).is_some() || c == '万' || c == '亿'
}

/// Parses the longest Chinese integer at the start of `s` (一, 十一, 二十三, 一百零五,
/// 三万, 一千二百, 二〇〇五). Returns the value and the number of bytes read.
/// `allow_big` says whether 万 and 亿 may be part of it.
pub fn parse_cn_int(s: &str, allow_big: bool) -> Option<(u64, usize)> {
    let mut result: u64 = 0; // whole 亿 groups
    let mut wan: u64 = 0; // whole 万 groups below 亿
    let mut sec: u64 = 0; // below 万
    let mut cur: u64 = 0;
    let mut prev_digit = false;
    let mut read = 0;
    let mut any = false;
    for (i, c) in s.char_indices() {
        if let Some(d) = cn_digit(c) {
            cur = if prev_digit {
                cur.checked_mul(10)?.checked_add(d)?
            } else {
                d
            };
            prev_digit = true;
        } else if let Some(u) = cn_small_unit(c) {
            let n = if cur == 0 && !prev_digit { 1 } else { cur };
            sec = sec.checked_add(n.checked_mul(u)?)?;
            cur = 0;
            prev_digit = false;
        } else if allow_big && c == '万' && any {
            wan = wan.checked_add((sec + cur).checked_mul(10_000)?)?;
            sec = 0;
            cur = 0;
            prev_digit = false;
        } else if allow_big && c == '亿' && any {
            result = result.checked_add((wan + sec + cur).checked_mul(100_000_000)?)?;
            wan = 0;
            sec = 0;
            cur = 0;
            prev_digit = false;
        } else {
            break;
        }
        any = true;
        read = i + c.len_utf8();
    }
    if !any {
        return None;
    }
    Some((result + wan + sec + cur, read))
}

/// ASCII digit value of an ASCII or full-width digit.
pub fn digit_value(c: char) -> Option<u64> {
    match c {
        '0'..='9' => Some(c as u64 - '0' as u64),
        '０'..='９' => Some(c as u64 - '０' as u64),
        _ => None,
    }
}

/// Parses an Arabic integer (ASCII or full-width digits) at the start of `s`.
pub fn parse_arabic_int(s: &str) -> Option<(u64, usize)> {
    let mut v: u64 = 0;
    let mut read = 0;
    for (i, c) in s.char_indices() {
        match digit_value(c) {
            Some(d) => {
                v = v.saturating_mul(10).saturating_add(d);
                read = i + c.len_utf8();
            }
            None => break,
        }
    }
    (read > 0).then_some((v, read))
}

/// Value of a circled number ① … ⑳.
pub fn circled(c: char) -> Option<u64> {
    match c {
        '①'..='⑳' => Some(c as u64 - '①' as u64 + 1),
        _ => None,
    }
}

/// Chinese numeral for a small number, as labels write it (14 → 十四), for messages.
pub fn to_cn(n: u64) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[(n - 10) as usize] }),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if n % 10 == 0 {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(s: &str) -> u64 {
        parse_cn_int(s, true).unwrap().0
    }

    #[test]
    fn chinese_integers() {
        for (s, v) in [
            ("一", 1),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("二十三", 23),
            ("九十九", 99),
            ("一百", 100),
            ("一百零五", 105),
            ("一百一十", 110),
            ("一千二百", 1200),
            ("三万", 30000),
            ("两万", 20000),
            ("十万", 100_000),
            ("一亿", 100_000_000),
            ("一亿三千万", 130_000_000),
            ("三万五千", 35000),
            ("二〇〇五", 2005),
            ("壹佰", 100),
        ] {
            assert_eq!(cn(s), v, "{s}");
        }
        assert_eq!(parse_cn_int("三十、", false), Some((30, 6)));
        assert_eq!(parse_cn_int("万", true), None);
        assert_eq!(parse_cn_int("三万", false), Some((3, 3)));
    }

    #[test]
    fn arabic_and_circled() {
        assert_eq!(parse_arabic_int("１２３x"), Some((123, 9)));
        assert_eq!(parse_arabic_int("x"), None);
        assert_eq!(circled('⑳'), Some(20));
        assert_eq!(to_cn(14), "十四");
        assert_eq!(to_cn(23), "二十三");
    }
}
