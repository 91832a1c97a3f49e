//! Numerals: Chinese (一, 十一, 二十三, 一千二百, 三万, 二〇〇五), Arabic with
//! full-width digits, circled digits. Shared by the outline (labels) and the
//! quantity extractor. Takes a string prefix; gives a value and the bytes read.

/// Value of a Chinese digit character (两 = 2, 〇/零 = 0).
pub(crate) fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' | 'Ｏ' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' | '兩' | '貳' | '倆' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
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

pub(crate) fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some() || cn_small_unit(c).is_some() || matches!(c, '万' | '亿' | '萬' | '億')
}

/// Parses the longest Chinese integer at the start of `s` (一, 十一, 二十三, 一百零五,
/// 三万, 一千二百, 二〇〇五). Returns the value and the number of bytes read.
/// `allow_big` says whether 万 and 亿 may be part of it.
pub(crate) fn parse_cn_int(s: &str, allow_big: bool) -> Option<(u64, usize)> {
    let mut result: u64 = 0; // whole 亿 groups
    let mut wan: u64 = 0; // whole 万 groups below 亿
    let mut sec: u64 = 0; // below 万
    let mut cur: u64 = 0;
    let mut prev_digit = false;
    let mut saw_unit = false;
    let mut read = 0;
    let mut any = false;
    for (i, c) in s.char_indices() {
        if let Some(d) = cn_digit(c) {
            if saw_unit && d == 0 {
                // 一百零五: 零 only holds a place.
                cur = 0;
                prev_digit = false;
                any = true;
                read = i + c.len_utf8();
                continue;
            }
            if prev_digit && saw_unit {
                // `十四五`: a digit after a digit once units were used ends the number.
                break;
            }
            cur = if prev_digit {
                cur.checked_mul(10)?.checked_add(d)?
            } else {
                d
            };
            prev_digit = true;
        } else if let Some(u) = cn_small_unit(c) {
            saw_unit = true;
            let n = if cur == 0 && !prev_digit { 1 } else { cur };
            sec = sec.checked_add(n.checked_mul(u)?)?;
            cur = 0;
            prev_digit = false;
        } else if allow_big && matches!(c, '万' | '萬') && any {
            saw_unit = true;
            wan = wan.checked_add((sec + cur).checked_mul(10_000)?)?;
            sec = 0;
            cur = 0;
            prev_digit = false;
        } else if allow_big && matches!(c, '亿' | '億') && any {
            saw_unit = true;
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

fn big_unit(c: char) -> Option<f64> {
    match c {
        '万' | '萬' => Some(1e4),
        '亿' | '億' => Some(1e8),
        _ => None,
    }
}

/// A number read from text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number {
    pub value: f64,
    /// Bytes read.
    pub len: usize,
    /// Written with Arabic digits (at least in part).
    pub arabic: bool,
    /// `多`, `余` or `几` made it approximate (`1000多家`, `几百`).
    pub approx: bool,
}

/// Chinese digits written one after another are at most a year (`二〇二二`) and a
/// little more.
const MAX_CN_DIGITS: usize = 8;

/// Parses a number at the start of `s`: Arabic (`3`, `7.5`, `1,000`, `３`), Chinese
/// (`三`, `二十三`, `一千二百`, `两`, `一万三`, `十二点五`), mixed (`3万`, `1.2万亿`,
/// `1,100万`), with `多`/`余`/`几` marking an approximate number.
pub(crate) fn parse_number(s: &str) -> Option<Number> {
    let mut total = 0f64; // whole 亿 groups
    let mut wan = 0f64; // whole 万 groups below 亿
    let mut sec = 0f64; // below 万
    let mut cur: Option<f64> = None;
    let mut cur_cn_digits = 0; // consecutive Chinese digits in `cur` (for 二〇〇五)
    let mut last_unit = 0f64;
    let mut arabic = false;
    let mut approx = false;
    let mut read = 0;
    let mut i = 0;
    let mut saw_unit = false;
    let mut zero_after_unit = false;
    while i < s.len() {
        let rest = &s[i..];
        let c = rest.chars().next()?;
        if digit_value(c).is_some() {
            if cur.is_some() || (saw_unit && last_unit < 10.0) {
                break;
            }
            let (v, n) = parse_arabic_decimal(rest)?;
            cur = Some(v);
            arabic = true;
            i += n;
            read = i;
            continue;
        }
        if let Some(d) = cn_digit(c) {
            if saw_unit && d == 0 && cur.is_none() {
                // 一百零五: 零 only holds a place.
                zero_after_unit = true;
                i += c.len_utf8();
                read = i;
                continue;
            }
            if cur.is_some() && (cur_cn_digits == 0 || saw_unit) {
                break;
            }
            cur = Some(cur.unwrap_or(0.0) * 10.0 + d as f64);
            cur_cn_digits += 1;
            if cur_cn_digits > MAX_CN_DIGITS {
                // A run of digits such as 一二三四五六七八九 is no number; not reading it to
                // its end keeps a scan that tries every position linear.
                return None;
            }
            i += c.len_utf8();
            read = i;
            continue;
        }
        if let Some(u) = cn_small_unit(c) {
            if cur_cn_digits >= 2 {
                // 二三十: "twenty or thirty", no single number.
                return None;
            }
            if read == 0
                && u >= 100
                && !rest[c.len_utf8()..].starts_with(|d: char| cn_digit(d).is_some())
            {
                // A bare 千 or 百 is no number (百三 = 130 is).
                return None;
            }
            let n = match cur {
                Some(n) => n,
                // 十 alone is ten; after 零 it is ten too: 一万零十二.
                None if read == 0 || zero_after_unit => 1.0,
                None => break,
            };
            sec += n * u as f64;
            last_unit = u as f64;
            zero_after_unit = false;
            cur = None;
            cur_cn_digits = 0;
            saw_unit = true;
            i += c.len_utf8();
            read = i;
            continue;
        }
        if let Some(u) = big_unit(c) {
            if read == 0 {
                break;
            }
            if cur.is_none() && sec == 0.0 && last_unit == 1e4 && u == 1e4 && wan > 0.0 {
                // 四万万 = 四亿.
                wan *= 1e4;
                last_unit = 1e8;
                i += c.len_utf8();
                read = i;
                continue;
            }
            let group = sec + cur.unwrap_or(0.0);
            if u == 1e8 {
                // 五兆六十二亿: what came before 兆 is already whole trillions.
                let trillions = (total / 1e12).floor() * 1e12;
                total = trillions + (total - trillions + wan + group) * u;
                wan = 0.0;
            } else {
                wan += group * u;
            }
            sec = 0.0;
            cur = None;
            cur_cn_digits = 0;
            last_unit = u;
            zero_after_unit = false;
            saw_unit = true;
            i += c.len_utf8();
            read = i;
            continue;
        }
        if read > 0
            && c == '兆'
            && rest[c.len_utf8()..]
                .starts_with(|d: char| cn_digit(d).is_some() || cn_small_unit(d).is_some())
        {
            // 五兆六十二亿: 兆 = 10^12 only inside a larger number (5兆瓦 is megawatts).
            total = (total + wan + sec + cur.unwrap_or(0.0)) * 1e12;
            wan = 0.0;
            sec = 0.0;
            cur = None;
            cur_cn_digits = 0;
            last_unit = 1e12;
            saw_unit = true;
            i += c.len_utf8();
            read = i;
            continue;
        }
        if read > 0 && matches!(c, '多' | '余' | '几' | '幾') {
            approx = true;
            i += c.len_utf8();
            read = i;
            continue;
        }
        if read > 0 && matches!(c, '点' | '點') && !arabic {
            // 十二点五: Chinese decimal digits.
            let frac: String = rest[c.len_utf8()..]
                .chars()
                .map_while(cn_digit)
                .map(|d| char::from(b'0' + d as u8))
                .collect();
            if frac.is_empty() {
                break;
            }
            let f: f64 = format!("0.{frac}").parse().ok()?;
            // 一千六点五 = 1600.5: the lone 六 counts in hundreds, the fraction does not.
            let mut whole = cur.unwrap_or(0.0);
            if cur.is_some()
                && cur_cn_digits == 1
                && saw_unit
                && last_unit >= 100.0
                && !zero_after_unit
            {
                whole *= last_unit / 10.0;
            }
            sec += whole + f;
            cur = None;
            i += c.len_utf8() + frac.len() * '一'.len_utf8();
            read = i;
            break;
        }
        break;
    }
    if read == 0 {
        return None;
    }
    // `一万三` = 13000, `两百五` = 250: a lone digit after a unit counts in the next lower unit.
    let mut tail = cur.unwrap_or(0.0);
    if cur.is_some() && cur_cn_digits == 1 && saw_unit && last_unit >= 100.0 && !zero_after_unit {
        tail *= last_unit / 10.0;
    }
    let value = round_sig(total + wan + sec + tail);
    Some(Number {
        value,
        len: read,
        arabic,
        approx,
    })
}

/// Rounds away binary noise: 2.2 × 10^8 is 220000000, not 220000000.00000003.
pub(crate) fn round_sig(v: f64) -> f64 {
    if v.fract() == 0.0 || !v.is_finite() {
        return v;
    }
    // The fewest decimals that give back the value to 13 significant digits.
    let tolerance = v.abs() * 1e-13;
    let mut scale = 1.0;
    for _ in 0..12 {
        let r = (v * scale).round() / scale;
        if (r - v).abs() <= tolerance {
            return r;
        }
        scale *= 10.0;
    }
    v
}

/// `3`, `7.5`, `1,000`, `1,100`, `３．５` at the start of `s`.
pub(crate) fn parse_arabic_decimal(s: &str) -> Option<(f64, usize)> {
    // Digits go to a small buffer on the stack: numbers are parsed by the million.
    let mut digits = Digits::default();
    let mut dot = false;
    let mut end = 0;
    let it = s.char_indices();
    let mut prev: Option<char> = None;
    for (at, c) in it {
        if let Some(d) = digit_value(c) {
            digits.push(char::from(b'0' + d as u8));
            end = at + c.len_utf8();
            prev = Some(c);
            continue;
        }
        let after = &s[at + c.len_utf8()..];
        // Thousands separator: `,` (or `，` between full-width digits) and exactly three digits.
        let fullwidth = prev.is_some_and(|p| ('０'..='９').contains(&p));
        if (c == ',' || (c == '，' && fullwidth)) && !digits.is_empty() && !dot {
            let mut next = after.chars();
            let three = (0..3).all(|_| next.next().is_some_and(|d| digit_value(d).is_some()));
            if three && next.next().is_none_or(|d| digit_value(d).is_none()) {
                prev = Some(c);
                continue;
            }
        }
        if (c == '.' || c == '．')
            && !digits.is_empty()
            && !dot
            && after.chars().next().and_then(digit_value).is_some()
        {
            digits.push('.');
            dot = true;
            prev = Some(c);
            continue;
        }
        break;
    }
    if digits.is_empty() {
        return None;
    }
    Some((digits.value()?, end))
}

/// ASCII digits and at most one dot, without a heap allocation for ordinary numbers,
/// and in bounded room for any: a run of ten million digits is read to its end (its
/// length is the number's), but only its first [`MOST_KEPT`] characters are kept.
#[derive(Default)]
struct Digits {
    buf: [u8; 32],
    len: usize,
    long: String,
    /// A dot was pushed: what is left out is of the fraction.
    dot: bool,
    /// Whole-number digits were left out: the number is larger than any `f64`.
    too_large: bool,
}

/// Characters kept of a number: more than the whole part of any finite `f64` has (309
/// digits); the digits of a fraction past them could change only how a number within
/// 10^-1000 of the midpoint of two `f64`s rounds.
const MOST_KEPT: usize = 1024;

impl Digits {
    fn push(&mut self, c: char) {
        self.dot |= c == '.';
        if self.len < self.buf.len() {
            self.buf[self.len] = c as u8;
            self.len += 1;
        } else if self.long.len() < MOST_KEPT {
            if self.long.is_empty() {
                self.long
                    .push_str(std::str::from_utf8(&self.buf).unwrap_or_default());
            }
            self.long.push(c);
        } else if !self.dot {
            self.too_large = true;
        }
    }
    fn is_empty(&self) -> bool {
        self.len == 0
    }
    fn value(&self) -> Option<f64> {
        if self.too_large {
            return Some(f64::INFINITY);
        }
        let s = if self.long.is_empty() {
            std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
        } else {
            &self.long
        };
        s.parse().ok()
    }
}

/// ASCII digit value of an ASCII or full-width digit.
pub(crate) fn digit_value(c: char) -> Option<u64> {
    match c {
        '0'..='9' => Some(c as u64 - '0' as u64),
        '０'..='９' => Some(c as u64 - '０' as u64),
        _ => None,
    }
}

/// The Arabic integer (ASCII or full-width digits) at the start of `s` and its length in
/// bytes, if it has 1 to `max` digits: a longer run is not read to its end, so callers
/// that try every position of a text stay linear.
pub(crate) fn parse_arabic_int(s: &str, max: usize) -> Option<(u64, usize)> {
    let mut v: u64 = 0;
    let mut read = 0;
    for (k, c) in s.chars().enumerate() {
        let Some(d) = digit_value(c) else { break };
        if k == max {
            return None;
        }
        v = v.saturating_mul(10).saturating_add(d);
        read += c.len_utf8();
    }
    (read > 0).then_some((v, read))
}

/// Value of a circled number ① … ⑳.
pub(crate) fn circled(c: char) -> Option<u64> {
    match c {
        '①'..='⑳' => Some(c as u64 - '①' as u64 + 1),
        _ => None,
    }
}

/// Chinese numeral for a number, as labels write it (14 → 十四), for messages.
pub(crate) fn to_cn(n: u64) -> String {
    counting(n, &COUNTING)
}

/// The characters a way of writing Chinese numbers uses.
pub(crate) struct Numerals {
    /// 零 to 九.
    pub(crate) digits: [char; 10],
    /// 十, 百, 千.
    pub(crate) units: [char; 3],
    /// 万, 亿.
    pub(crate) big: [char; 2],
    /// Whether 10–19 drop the leading one (十一, not 一十一).
    pub(crate) short_ten: bool,
}

/// Everyday numerals: 一百零一, 十四.
pub(crate) const COUNTING: Numerals = Numerals {
    digits: ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
    units: ['十', '百', '千'],
    big: ['万', '亿'],
    short_ten: true,
};

/// Financial (大写) numerals: 壹拾壹, 壹佰零壹.
pub(crate) const LEGAL: Numerals = Numerals {
    digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
    units: ['拾', '佰', '仟'],
    big: ['万', '亿'],
    short_ten: false,
};

/// `n` counted in Chinese with `z`: one zero for each run of zeros inside the number
/// (一千零五, 一万零五百), none at its end (一千二百).
pub(crate) fn counting(n: u64, z: &Numerals) -> String {
    if n == 0 {
        return z.digits[0].to_string();
    }
    let mut out = String::new();
    // Groups of four digits: 亿亿 is out of reach of any label.
    let groups = [
        (n / 100_000_000, Some(z.big[1])),
        ((n / 10_000) % 10_000, Some(z.big[0])),
        (n % 10_000, None),
    ];
    let mut zero_pending = false;
    for (g, big) in groups {
        if g == 0 {
            if !out.is_empty() {
                zero_pending = true;
            }
            continue;
        }
        let digits = [g / 1000, (g / 100) % 10, (g / 10) % 10, g % 10];
        for (k, &d) in digits.iter().enumerate() {
            if d == 0 {
                if !out.is_empty() {
                    zero_pending = true;
                }
                continue;
            }
            if zero_pending {
                out.push(z.digits[0]);
                zero_pending = false;
            }
            let unit = 3 - k;
            // 十一, not 一十一, when the ten opens the number.
            if !(z.short_ten && unit == 1 && d == 1 && out.is_empty()) {
                out.push(z.digits[d as usize]);
            }
            if unit > 0 {
                out.push(z.units[unit - 1]);
            }
        }
        if let Some(b) = big {
            out.push(b);
        }
        zero_pending = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_of_digits_are_read_whole_in_bounded_room() {
        // Longer than what is kept, so the value comes from the kept part.
        let run = "7".repeat(200_000);
        assert_eq!(parse_arabic_decimal(&run), Some((f64::INFINITY, run.len())));
        let big = format!("{}年", "1".repeat(MOST_KEPT + 5));
        assert_eq!(
            parse_arabic_decimal(&big),
            Some((f64::INFINITY, MOST_KEPT + 5))
        );
        // A long fraction keeps its value: the digits left out are far past an f64's.
        let frac = format!("2.{}", "5".repeat(100_000));
        assert_eq!(
            parse_arabic_decimal(&frac),
            Some((2.5555555555555554, frac.len()))
        );
        // Under the limit, the parse is the standard library's.
        let whole = "9".repeat(300);
        assert_eq!(
            parse_arabic_decimal(&whole),
            Some((whole.parse::<f64>().unwrap(), 300))
        );
    }

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

    fn num(s: &str) -> (f64, usize) {
        let n = parse_number(s).unwrap_or_else(|| panic!("{s}"));
        (n.value, n.len)
    }

    #[test]
    fn numbers() {
        for (s, v) in [
            ("3", 3.0),
            ("7.5", 7.5),
            ("1,000", 1000.0),
            ("１０００", 1000.0),
            ("３．５", 3.5),
            ("3万", 30000.0),
            ("1000亿", 1e11),
            ("1.2万亿", 1.2e12),
            ("1,100万", 1.1e7),
            ("20万亿", 2e13),
            ("三", 3.0),
            ("十", 10.0),
            ("二十三", 23.0),
            ("三万", 30000.0),
            ("一千二百", 1200.0),
            ("两", 2.0),
            ("一万三", 13000.0),
            ("两百五", 250.0),
            ("百三", 130.0),
            ("壹佰伍拾", 150.0),
            ("七十八万五佰零六", 780506.0),
            ("四千万零六千", 40006000.0),
            ("拾亿零六万零五百零六", 1000060506.0),
            ("四千三百亿", 4.3e11),
            ("十二点五", 12.5),
            ("二〇二二", 2022.0),
            ("7万5千", 75000.0),
            ("四千萬", 4e7),
        ] {
            assert_eq!(num(s).0, v, "{s}");
            assert_eq!(num(s).1, s.len(), "{s}");
        }
        assert_eq!(num("1000多家"), (1000.0, 7));
        let long = "1234567890".repeat(4) + ".5";
        assert_eq!(num(&long), (1.2345678901234568e39, 42));
        assert!(parse_number("1000多家").unwrap().approx);
        assert_eq!(num("3,5个").0, 3.0);
        assert_eq!(num("十四五").0, 14.0);
        assert_eq!(num("5G").0, 5.0);
        assert_eq!(parse_number("万"), None);
        assert_eq!(parse_number("个"), None);
    }

    #[test]
    fn arabic_and_circled() {
        assert_eq!(parse_arabic_int("１２３x", 7), Some((123, 9)));
        assert_eq!(parse_arabic_int("x", 7), None);
        assert_eq!(parse_arabic_int("12345678", 7), None);
        assert_eq!(circled('⑳'), Some(20));
        assert_eq!(to_cn(14), "十四");
        for (n, want) in [
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1005, "一千零五"),
            (1200, "一千二百"),
            (10_500, "一万零五百"),
            (10_005, "一万零五"),
            (100_000, "十万"),
            (120_000_000, "一亿二千万"),
            (100_000_001, "一亿零一"),
        ] {
            assert_eq!(to_cn(n), want, "{n}");
            // And back: the parser reads what the writer wrote.
            assert_eq!(parse_cn_int(want, true).map(|p| p.0), Some(n), "{want}");
        }
        assert_eq!(counting(11, &LEGAL), "壹拾壹");
        assert_eq!(counting(101, &LEGAL), "壹佰零壹");
        assert_eq!(to_cn(23), "二十三");
    }
}
