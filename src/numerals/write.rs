//! The other direction: exact decimals written as Chinese numerals.

use rust_decimal::Decimal;

struct Digits {
    digits: [char; 10],
    units: [char; 3],
    /// Whether 10 to 19 at the head drop the leading 一 (十一, not 一十一).
    bare_ten: bool,
}

const PLAIN: Digits = Digits {
    digits: ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
    units: ['十', '百', '千'],
    bare_ten: true,
};

const CAPITAL: Digits = Digits {
    digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
    units: ['拾', '佰', '仟'],
    bare_ten: false,
};

/// Writes a decimal in Chinese numerals, the way reports write them.
///
/// Groups of four digits take 万 and 亿, and from 10^16 on 亿亿 (一亿亿二千万亿 is
/// 12000000000000000); one 零 stands for any run of zeros between non-zero digits
/// (一万零四十, 二十亿零三百万); 10 to 19 at the head are 十… (十一, 十三万); a fraction is
/// read digit by digit after 点; a negative number starts with 负.
///
/// [`parse_number`](crate::parse_number) reads every string this returns back to the
/// same value.
///
/// ```
/// use fupin::to_chinese;
/// use rust_decimal::Decimal;
///
/// assert_eq!(to_chinese(Decimal::from(12345600)), "一千二百三十四万五千六百");
/// assert_eq!(to_chinese(Decimal::from(2003000000)), "二十亿零三百万");
/// assert_eq!(to_chinese("-0.52".parse()?), "负零点五二");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn to_chinese(value: Decimal) -> String {
    write(&value, &PLAIN)
}

/// Writes a decimal in capital (financial) numerals: 壹贰叁肆伍陆柒捌玖拾佰仟.
///
/// The same rules as [`to_chinese`], except that 壹 is always written before 拾, as on
/// cheques and contracts.
///
/// ```
/// use fupin::to_chinese_capital;
/// use rust_decimal::Decimal;
///
/// assert_eq!(to_chinese_capital(Decimal::from(12345600)), "壹仟贰佰叁拾肆万伍仟陆佰");
/// assert_eq!(to_chinese_capital(Decimal::from(15)), "壹拾伍");
/// ```
#[must_use]
pub fn to_chinese_capital(value: Decimal) -> String {
    write(&value, &CAPITAL)
}

fn write(value: &Decimal, d: &Digits) -> String {
    let v = value.normalize();
    let mut out = String::new();
    if v.is_sign_negative() && !v.is_zero() {
        out.push('负');
    }
    let mantissa = v.mantissa().unsigned_abs();
    let scale = v.scale();
    let div = 10u128.pow(scale);
    let int = mantissa / div;
    let frac = mantissa % div;
    if int == 0 {
        out.push(d.digits[0]);
    } else {
        integer(int, d, true, &mut out);
    }
    if scale > 0 {
        out.push('点');
        let s = format!("{frac:0width$}", width = scale as usize);
        for c in s.chars() {
            let i = c.to_digit(10).unwrap_or(0) as usize;
            out.push(d.digits.get(i).copied().unwrap_or('零'));
        }
    }
    out
}

/// Writes `n > 0`; `head` says whether it starts the numeral (for 十 vs 一十).
///
/// Up to 10^16 a number takes one 亿 group; above it, the part from 10^16 up is written
/// before 亿亿 and the rest adds below it (一亿亿二千万亿), which `parse_number` reads
/// without the ambiguity of nested 亿 groups.
fn integer(n: u128, d: &Digits, head: bool, out: &mut String) {
    const YI: u128 = 100_000_000;
    const YIYI: u128 = YI * YI;
    if n >= YIYI {
        let hi = n / YIYI;
        let lo = n % YIYI;
        integer(hi, d, head, out);
        out.push_str("亿亿");
        if lo > 0 {
            if lo < YIYI / 10 {
                out.push(d.digits[0]);
            }
            integer(lo, d, false, out);
        }
    } else if n >= YI {
        let hi = n / YI;
        let lo = n % YI;
        below_yi(hi, d, head, out);
        out.push('亿');
        if lo > 0 {
            if lo < YI / 10 {
                out.push(d.digits[0]);
            }
            below_yi(lo, d, false, out);
        }
    } else {
        below_yi(n, d, head, out);
    }
}

fn below_yi(n: u128, d: &Digits, head: bool, out: &mut String) {
    let wan = n / 10_000;
    let rest = n % 10_000;
    if wan > 0 {
        group(wan, d, head, out);
        out.push('万');
        if rest > 0 {
            if rest < 1000 {
                out.push(d.digits[0]);
            }
            group(rest, d, false, out);
        }
    } else {
        group(rest, d, head, out);
    }
}

/// Writes 1..=9999 with 千百十 and one 零 for inner zeros.
fn group(n: u128, d: &Digits, head: bool, out: &mut String) {
    let places = [(1000, Some(2)), (100, Some(1)), (10, Some(0)), (1, None)];
    let mut started = false;
    let mut zero = false;
    for (p, unit) in places {
        let digit = ((n / p) % 10) as usize;
        if digit == 0 {
            if started {
                zero = true;
            }
            continue;
        }
        if zero {
            out.push(d.digits[0]);
            zero = false;
        }
        let bare_ten = d.bare_ten && head && !started && p == 10 && digit == 1;
        if !bare_ten {
            out.push(d.digits.get(digit).copied().unwrap_or('零'));
        }
        if let Some(u) = unit.and_then(|i| d.units.get(i)) {
            out.push(*u);
        }
        started = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(n: i64) -> String {
        to_chinese(Decimal::from(n))
    }

    #[test]
    fn zero_rules() {
        assert_eq!(w(0), "零");
        assert_eq!(w(10), "十");
        assert_eq!(w(15), "十五");
        assert_eq!(w(105), "一百零五");
        assert_eq!(w(110), "一百一十");
        assert_eq!(w(1001), "一千零一");
        assert_eq!(w(3020), "三千零二十");
        assert_eq!(w(10040), "一万零四十");
        assert_eq!(w(100_000), "十万");
        assert_eq!(w(100_001), "十万零一");
        assert_eq!(w(100_000_001), "一亿零一");
        assert_eq!(w(1_000_000_000_000), "一万亿");
        assert_eq!(w(10_000_000_000_000_000), "一亿亿");
    }
}
