//! Hand-written serde: decimals as strings, spans flattened into `start`/`end`, the
//! flat JSON of spec section 5.

use crate::{Quantity, Span, Unit};
use rust_decimal::Decimal;
use serde::de::Error as _;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// A `Decimal` as a JSON string, never a number.
pub(crate) struct Dec<'a>(pub &'a Decimal);

impl Serialize for Dec<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}

pub(crate) fn de_decimal<E: serde::de::Error>(s: &str) -> Result<Decimal, E> {
    s.parse::<Decimal>()
        .map(|d| d.normalize())
        .map_err(|e| E::custom(format!("invalid decimal {s:?}: {e}")))
}

/// Writes the quantity keys of spec section 5 into a map being serialized.
pub(crate) fn quantity_entries<M: SerializeMap>(
    q: &Quantity<'_>,
    m: &mut M,
) -> Result<(), M::Error> {
    m.serialize_entry("value", &Dec(&q.value))?;
    if let Some(max) = &q.max {
        m.serialize_entry("max", &Dec(max))?;
    }
    m.serialize_entry("unit", &q.unit)?;
    m.serialize_entry("approx", &q.approx)?;
    m.serialize_entry("text", &q.text)?;
    m.serialize_entry("start", &q.span.start)?;
    m.serialize_entry("end", &q.span.end)?;
    if let Some(c) = &q.classifier {
        m.serialize_entry("classifier", c)?;
    }
    if let Some(n) = &q.noun {
        m.serialize_entry("noun", n)?;
    }
    if let Some(p) = &q.per {
        m.serialize_entry("per", p)?;
    }
    if q.damaged {
        m.serialize_entry("damaged", &true)?;
    }
    Ok(())
}

/// `{"value":"982000000","unit":"yuan","approx":"exact","text":"9.82亿元","start":0,"end":10}`
/// with `max`, `classifier`, `noun`, `per` and `damaged` where they apply.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Quantity<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        quantity_entries(self, &mut m)?;
        m.end()
    }
}

/// Declares a wire struct holding the quantity keys of spec section 5 (`value`, `max`,
/// `unit`, `approx`, `text`, `start`, `end`, `classifier`, `noun`, `per`, `damaged`),
/// then the extra fields given, and its `quantity` method. The records that carry a
/// quantity in their flat JSON (a quantity, a previous value, an indicator) read it with
/// a struct of their own made by this macro, so that a record's new key is one line in
/// its own struct. (Not `#[serde(flatten)]`, which reads numbers through serde's
/// buffered content and breaks under serde_json's `arbitrary_precision`.)
macro_rules! quantity_wire {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(serde::Deserialize)]
        pub(crate) struct $name {
            pub value: String,
            #[serde(default)]
            pub max: Option<String>,
            #[serde(default)]
            pub unit: Option<$crate::Unit>,
            #[serde(default)]
            pub approx: Option<$crate::Approx>,
            #[serde(default)]
            pub text: String,
            #[serde(default)]
            pub start: usize,
            #[serde(default)]
            pub end: usize,
            #[serde(default)]
            pub classifier: Option<String>,
            #[serde(default)]
            pub noun: Option<String>,
            #[serde(default)]
            pub per: Option<$crate::Per>,
            #[serde(default)]
            pub damaged: bool,
            $($(#[$fmeta])* pub $field: $ty,)*
        }

        impl $name {
            /// The quantity keys as a quantity, checked.
            pub(crate) fn quantity<E: serde::de::Error>(
                &mut self,
            ) -> Result<$crate::Quantity<'static>, E> {
                $crate::serde_impls::QuantityWire {
                    value: std::mem::take(&mut self.value),
                    max: self.max.take(),
                    unit: self.unit,
                    approx: self.approx,
                    text: std::mem::take(&mut self.text),
                    start: self.start,
                    end: self.end,
                    classifier: self.classifier.take(),
                    noun: self.noun.take(),
                    per: self.per,
                    damaged: self.damaged,
                }
                .into_quantity()
            }
        }
    };
}

pub(crate) use quantity_wire;

quantity_wire! {
    /// A quantity as written in JSON.
    QuantityWire {}
}

impl QuantityWire {
    pub(crate) fn into_quantity<E: serde::de::Error>(self) -> Result<Quantity<'static>, E> {
        if self.end < self.start {
            return Err(E::custom(format!(
                "span end {} before start {}",
                self.end, self.start
            )));
        }
        if self.unit == Some(Unit::Count) && self.classifier.is_none() {
            return Err(E::custom("a count needs a classifier"));
        }
        Ok(Quantity {
            value: de_decimal(&self.value)?,
            max: self.max.as_deref().map(de_decimal).transpose()?,
            unit: self.unit,
            approx: self.approx.unwrap_or_default(),
            per: self.per,
            classifier: self.classifier.map(Cow::Owned),
            noun: self.noun.map(Cow::Owned),
            text: Cow::Owned(self.text),
            span: Span::new(self.start, self.end),
            damaged: self.damaged,
        })
    }
}

/// Reads an owned quantity (for any `'t`, so that it fits in a borrowing struct too).
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for Quantity<'_> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        QuantityWire::deserialize(d)?.quantity::<D::Error>()
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("start", &self.start)?;
        m.serialize_entry("end", &self.end)?;
        m.end()
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        #[derive(Deserialize)]
        struct W {
            start: usize,
            end: usize,
        }
        let w = W::deserialize(d)?;
        if w.end < w.start {
            return Err(D::Error::custom("span end before start"));
        }
        Ok(Span::new(w.start, w.end))
    }
}
