//! Units, approximations and the "per" of a rate.

use crate::common::named_enum;
use crate::{ParseError, ParseErrorKind, Span};
use core::fmt;
use core::str::FromStr;

named_enum! {
    /// The base unit of a quantity's dimension (spec section 2). Values are always given
    /// in this unit, with multipliers folded in: `9.82亿元` is 982000000 [`Unit::Yuan`].
    ///
    /// ```
    /// use fupin::Unit;
    /// assert_eq!("person_time".parse::<Unit>()?, Unit::PersonTime);
    /// assert_eq!(Unit::SquareKm.to_string(), "square_km");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Unit {
        /// Money in yuan: 元, 块, 万元, 亿元.
        Yuan => "yuan",
        /// People: 人, 名, 位, 口.
        Person => "person",
        /// Households: 户.
        Household => "household",
        /// Person-times: 人次.
        PersonTime => "person_time",
        /// Percent: %, 百分之…, 千分之… (÷10), ‰ (÷10), 成 (三成 = 30).
        Percent => "percent",
        /// Percentage points: 个百分点.
        PercentagePoint => "percentage_point",
        /// Mu (亩), the Chinese land unit.
        Mu => "mu",
        /// Hectares: 公顷.
        Hectare => "hectare",
        /// Square kilometres: 平方公里, 平方千米.
        SquareKm => "square_km",
        /// Kilometres: 公里, 千米.
        Km => "km",
        /// Megawatts (power, as of a solar plant): 兆瓦; 千瓦 is 0.001, 万千瓦 is ten.
        Megawatt => "megawatt",
        /// Kilowatt-hours (energy, as a plant's yearly output): 千瓦时, 万千瓦时, 亿千瓦时,
        /// and 度 in a clause about electricity (发电60万度). Never power.
        KilowattHour => "kilowatt_hour",
        /// Anything counted with another measure word (个, 座, 项 …), which the quantity keeps
        /// as its `classifier`.
        Count => "count",
    }
}

named_enum! {
    /// How exact the written number is. The value stays the written number: `3万余人` is
    /// 30000 with [`Approx::Over`].
    ///
    /// ```
    /// use fupin::{Approx, parse_quantity};
    /// let q = parse_quantity("3万余人")?;
    /// assert_eq!((q.value.to_string(), q.approx), ("30000".into(), Approx::Over));
    /// assert_eq!(parse_quantity("约500户")?.approx, Approx::About);
    /// assert_eq!("nearly".parse::<Approx>()?, Approx::Nearly);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Approx {
        /// As written.
        Exact => "exact",
        /// 约, 大约, 左右, 上下.
        About => "about",
        /// 余, 多, 以上, 超过, 逾.
        Over => "over",
        /// 不足, 以下, 不到.
        Under => "under",
        /// 近, 将近, 接近.
        Nearly => "nearly",
    }
}

named_enum! {
    /// What a rate is per: `万元/年` is yuan per year.
    ///
    /// ```
    /// use fupin::{Per, Unit, parse_quantity};
    /// let q = parse_quantity("83.52万元/年")?;
    /// assert_eq!(q.value.to_string(), "835200");
    /// assert_eq!((q.unit, q.per), (Some(Unit::Yuan), Some(Per::Year)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Per {
        /// `/年`.
        Year => "year",
        /// `/月`.
        Month => "month",
        /// `/天`, `/日`.
        Day => "day",
        /// `/人`.
        Person => "person",
        /// `/户`.
        Household => "household",
        /// `/亩`.
        Mu => "mu",
    }
}

// The enum comes out of `named_enum!`, which cannot mark a `#[default]` variant.
#[allow(clippy::derivable_impls)]
impl Default for Approx {
    fn default() -> Approx {
        Approx::Exact
    }
}

impl Per {
    pub(crate) fn from_char(c: char) -> Option<Per> {
        Some(match c {
            '年' => Per::Year,
            '月' => Per::Month,
            '天' | '日' => Per::Day,
            '人' => Per::Person,
            '户' => Per::Household,
            '亩' => Per::Mu,
            _ => return None,
        })
    }

    pub(crate) fn as_char(self) -> char {
        match self {
            Per::Year => '年',
            Per::Month => '月',
            Per::Day => '天',
            Per::Person => '人',
            Per::Household => '户',
            Per::Mu => '亩',
        }
    }
}
