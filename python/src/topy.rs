//! A serde `Serializer` that writes the records straight into Python objects: maps
//! become `dict`, decimal strings under `value` and `max` become `decimal.Decimal`,
//! and integers under offset keys (`start`, `end`, `*_start`, `*_end`, outside a
//! `period`) become code-point offsets into the document. Whatever keys the library's
//! serialization writes come through, with no list of them here.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString};
use serde::ser::{self, Serialize};
use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

/// `decimal.Decimal`, looked up once.
static DECIMAL: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Short ASCII strings (keys, kind and unit names) made once and shared: most of a
/// record's strings, and a dict lookup faster than a new object.
static STRINGS: PyOnceLock<Mutex<HashMap<String, Py<PyString>, Fnv>>> = PyOnceLock::new();
const CACHED_LEN: usize = 32;
const CACHED_MAX: usize = 4096;

pub(crate) fn decimal<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py, PyAny>> {
    DECIMAL
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import("decimal")?.getattr("Decimal")?.unbind())
        })?
        .bind(py)
        .call1((s,))
}

/// FNV-1a: the cache's keys are a few short ASCII names, hashed per record field,
/// where SipHash cost a third of the lookup.
#[derive(Clone, Copy, Default)]
struct Fnv;

struct FnvHasher(u64);

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The record keys and the commonest values, made once, found by a `match` (the
/// general cache below costs a lock and a hash).
const COMMON: [&str; 24] = [
    "kind",
    "value",
    "max",
    "unit",
    "approx",
    "text",
    "start",
    "end",
    "classifier",
    "noun",
    "per",
    "subject",
    "subject_start",
    "subject_end",
    "period",
    "region",
    "previous",
    "modality",
    "exact",
    "actual",
    "person",
    "household",
    "yuan",
    "percent",
];
static COMMON_STRINGS: PyOnceLock<Vec<Py<PyString>>> = PyOnceLock::new();

fn common(s: &str) -> Option<usize> {
    Some(match s {
        "kind" => 0,
        "value" => 1,
        "max" => 2,
        "unit" => 3,
        "approx" => 4,
        "text" => 5,
        "start" => 6,
        "end" => 7,
        "classifier" => 8,
        "noun" => 9,
        "per" => 10,
        "subject" => 11,
        "subject_start" => 12,
        "subject_end" => 13,
        "period" => 14,
        "region" => 15,
        "previous" => 16,
        "modality" => 17,
        "exact" => 18,
        "actual" => 19,
        "person" => 20,
        "household" => 21,
        "yuan" => 22,
        "percent" => 23,
        _ => return None,
    })
}

fn string<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyString> {
    if let Some(i) = common(s) {
        let all = COMMON_STRINGS.get_or_init(py, || {
            COMMON
                .iter()
                .map(|k| PyString::intern(py, k).unbind())
                .collect()
        });
        if let Some(x) = all.get(i) {
            return x.bind(py).clone();
        }
    }
    if s.len() > CACHED_LEN || !s.is_ascii() {
        return PyString::new(py, s);
    }
    let cache = STRINGS.get_or_init(py, || Mutex::new(HashMap::with_hasher(Fnv)));
    let Ok(mut cache) = cache.lock() else {
        return PyString::new(py, s);
    };
    if let Some(x) = cache.get(s) {
        return x.bind(py).clone();
    }
    let x = PyString::new(py, s);
    if cache.len() < CACHED_MAX {
        cache.insert(s.to_owned(), x.clone().unbind());
    }
    x
}

/// Byte offsets to code-point offsets in one text, walking from the last offset asked
/// (the records' offsets come nearly in order).
pub(crate) struct CodePoints<'t> {
    text: &'t [u8],
    ascii: bool,
    at: Cell<(usize, usize)>,
}

impl<'t> CodePoints<'t> {
    pub(crate) fn new(text: &'t str) -> CodePoints<'t> {
        CodePoints {
            text: text.as_bytes(),
            ascii: text.is_ascii(),
            at: Cell::new((0, 0)),
        }
    }

    /// The number of characters that start before byte `b` (a byte inside a character,
    /// which the library never gives, maps to the next character).
    pub(crate) fn get(&self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        let b = b.min(self.text.len());
        let starts = |from: usize, to: usize| {
            self.text
                .get(from..to)
                .map_or(0, |s| s.iter().filter(|&&c| c & 0xC0 != 0x80).count())
        };
        let (byte, cp) = self.at.get();
        let out = if b >= byte {
            cp + starts(byte, b)
        } else if b > byte / 2 {
            cp - starts(b, byte)
        } else {
            starts(0, b)
        };
        self.at.set((b, out));
        out
    }
}

/// What a key says of its value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Plain,
    /// `value`, `max`: a decimal string.
    Decimal,
    /// `start`, `end`, `*_start`, `*_end`: a byte offset (outside a period).
    Offset,
    /// `period`, `*_period`: an object of years.
    Years,
}

fn role(key: &str) -> Role {
    if key == "value" || key == "max" {
        Role::Decimal
    } else if key == "start" || key == "end" || key.ends_with("_start") || key.ends_with("_end") {
        Role::Offset
    } else if key == "period" || key.ends_with("_period") {
        Role::Years
    } else {
        Role::Plain
    }
}

#[derive(Debug)]
pub(crate) struct Error(PyErr);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Error {
        Error(e)
    }
}

impl From<std::convert::Infallible> for Error {
    fn from(e: std::convert::Infallible) -> Error {
        match e {}
    }
}

impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        e.0
    }
}

/// Serializes one value; `role` is its key's, `years` whether it lies in a period,
/// `flat` whether nested maps are merged into their parent under `key_` names (and
/// nulls left out), as the rows of a table.
#[derive(Clone, Copy)]
pub(crate) struct ToPy<'py, 'a, 't> {
    py: Python<'py>,
    cp: &'a CodePoints<'t>,
    role: Role,
    years: bool,
    flat: bool,
}

impl<'py, 'a, 't> ToPy<'py, 'a, 't> {
    pub(crate) fn new(py: Python<'py>, cp: &'a CodePoints<'t>) -> Self {
        ToPy {
            py,
            cp,
            role: Role::Plain,
            years: false,
            flat: false,
        }
    }

    /// Records as flat rows: `{"period": {"start": 2019}}` as `{"period_start": 2019}`,
    /// null values left out.
    pub(crate) fn flat(self) -> Self {
        ToPy { flat: true, ..self }
    }

    fn under(self, role: Role) -> Self {
        ToPy {
            role,
            years: self.years || role == Role::Years,
            ..self
        }
    }

    fn offset(&self, n: u64) -> u64 {
        match usize::try_from(n) {
            Ok(b) if self.role == Role::Offset && !self.years => {
                u64::try_from(self.cp.get(b)).unwrap_or(n)
            }
            _ => n,
        }
    }
}

type R<'py> = Result<Bound<'py, PyAny>, Error>;

impl<'py, 'a, 't> ser::Serializer for ToPy<'py, 'a, 't> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'py, 'a, 't>;
    type SerializeTuple = Seq<'py, 'a, 't>;
    type SerializeTupleStruct = Seq<'py, 'a, 't>;
    type SerializeTupleVariant = ser::Impossible<Bound<'py, PyAny>, Error>;
    type SerializeMap = Map<'py, 'a, 't>;
    type SerializeStruct = Map<'py, 'a, 't>;
    type SerializeStructVariant = ser::Impossible<Bound<'py, PyAny>, Error>;

    fn serialize_bool(self, v: bool) -> R<'py> {
        Ok(v.into_pyobject(self.py)?.to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> R<'py> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> R<'py> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> R<'py> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> R<'py> {
        match u64::try_from(v) {
            Ok(u) => self.serialize_u64(u),
            Err(_) => Ok(v.into_pyobject(self.py)?.into_any()),
        }
    }
    fn serialize_u8(self, v: u8) -> R<'py> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> R<'py> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> R<'py> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> R<'py> {
        Ok(self.offset(v).into_pyobject(self.py)?.into_any())
    }
    fn serialize_f32(self, v: f32) -> R<'py> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, _: f64) -> R<'py> {
        // The records carry no binary floating point, and none may reach the user.
        Err(ser::Error::custom("a float in a record"))
    }
    fn serialize_char(self, v: char) -> R<'py> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn collect_str<T: ?Sized + fmt::Display>(self, v: &T) -> R<'py> {
        // Decimals come this way: one allocation of the right size, not a growing one.
        use fmt::Write as _;
        let mut s = String::with_capacity(40);
        write!(s, "{v}").map_err(<Error as ser::Error>::custom)?;
        self.serialize_str(&s)
    }
    fn serialize_str(self, v: &str) -> R<'py> {
        if self.role == Role::Decimal {
            return Ok(decimal(self.py, v)?);
        }
        Ok(string(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> R<'py> {
        Ok(pyo3::types::PyBytes::new(self.py, v).into_any())
    }
    fn serialize_none(self) -> R<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> R<'py> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> R<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R<'py> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> R<'py> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> R<'py> {
        let d = PyDict::new(self.py);
        d.set_item(
            string(self.py, variant),
            v.serialize(self.under(role(variant)))?,
        )?;
        Ok(d.into_any())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'py, 'a, 't>, Error> {
        Ok(Seq {
            to: self,
            list: PyList::empty(self.py),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'py, 'a, 't>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Seq<'py, 'a, 't>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(ser::Error::custom(format!(
            "unsupported tuple variant in {name}"
        )))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map<'py, 'a, 't>, Error> {
        Ok(Map {
            to: self,
            dict: PyDict::new(self.py),
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Map<'py, 'a, 't>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(ser::Error::custom(format!(
            "unsupported struct variant in {name}"
        )))
    }
}

pub(crate) struct Seq<'py, 'a, 't> {
    to: ToPy<'py, 'a, 't>,
    list: Bound<'py, PyList>,
}

impl<'py> ser::SerializeSeq for Seq<'py, '_, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        Ok(self.list.append(v.serialize(self.to)?)?)
    }
    fn end(self) -> R<'py> {
        Ok(self.list.into_any())
    }
}

impl<'py> ser::SerializeTuple for Seq<'py, '_, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> R<'py> {
        ser::SerializeSeq::end(self)
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'py, '_, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> R<'py> {
        ser::SerializeSeq::end(self)
    }
}

pub(crate) struct Map<'py, 'a, 't> {
    to: ToPy<'py, 'a, 't>,
    dict: Bound<'py, PyDict>,
    /// The key waiting for its value, and how to read the value.
    key: Option<(Bound<'py, PyString>, ToPy<'py, 'a, 't>)>,
}

impl<'py> Map<'py, '_, '_> {
    fn entry<K: ?Sized + Serialize, V: ?Sized + Serialize>(
        &mut self,
        key: &K,
        v: &V,
    ) -> Result<(), Error> {
        let (key, role) = key.serialize(KeyName(self.to.py))?;
        let value = v.serialize(self.to.under(role))?;
        self.insert(key, value)
    }

    fn insert(&self, key: Bound<'py, PyString>, value: Bound<'py, PyAny>) -> Result<(), Error> {
        if self.to.flat {
            if value.is_none() {
                return Ok(());
            }
            if let Ok(nested) = value.cast::<PyDict>() {
                let prefix = key.to_str()?;
                for (k, x) in nested.iter() {
                    let name = format!(
                        "{prefix}_{}",
                        k.cast::<PyString>().map_err(PyErr::from)?.to_str()?
                    );
                    self.dict.set_item(string(self.to.py, &name), x)?;
                }
                return Ok(());
            }
        }
        Ok(self.dict.set_item(key, value)?)
    }
}

/// Map keys must be strings (as in JSON).
struct KeyName<'py>(Python<'py>);

type Key<'py> = (Bound<'py, PyString>, Role);

impl<'py> ser::Serializer for KeyName<'py> {
    type Ok = Key<'py>;
    type Error = Error;
    type SerializeSeq = ser::Impossible<Key<'py>, Error>;
    type SerializeTuple = ser::Impossible<Key<'py>, Error>;
    type SerializeTupleStruct = ser::Impossible<Key<'py>, Error>;
    type SerializeTupleVariant = ser::Impossible<Key<'py>, Error>;
    type SerializeMap = ser::Impossible<Key<'py>, Error>;
    type SerializeStruct = ser::Impossible<Key<'py>, Error>;
    type SerializeStructVariant = ser::Impossible<Key<'py>, Error>;

    fn serialize_str(self, v: &str) -> Result<Key<'py>, Error> {
        Ok((string(self.0, v), role(v)))
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        v: &'static str,
    ) -> Result<Key<'py>, Error> {
        self.serialize_str(v)
    }
    fn serialize_bool(self, _: bool) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_i8(self, _: i8) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_i16(self, _: i16) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_i32(self, _: i32) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_i64(self, _: i64) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_u8(self, _: u8) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_u16(self, _: u16) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_u32(self, _: u32) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_u64(self, _: u64) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_f32(self, _: f32) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_f64(self, _: f64) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_char(self, v: char) -> Result<Key<'py>, Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_none(self) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<Key<'py>, Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<Key<'py>, Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Key<'py>, Error> {
        Err(not_a_string())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(not_a_string())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(not_a_string())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(not_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(not_a_string())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(not_a_string())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(not_a_string())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(not_a_string())
    }
}

fn not_a_string() -> Error {
    ser::Error::custom("a map key that is not a string")
}

impl<'py> ser::SerializeMap for Map<'py, '_, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        let (key, role) = key.serialize(KeyName(self.to.py))?;
        self.key = Some((key, self.to.under(role)));
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Error> {
        let Some((key, to)) = self.key.take() else {
            return Err(ser::Error::custom("a map value without a key"));
        };
        let value = v.serialize(to)?;
        self.insert(key, value)
    }
    fn serialize_entry<K: ?Sized + Serialize, V: ?Sized + Serialize>(
        &mut self,
        key: &K,
        v: &V,
    ) -> Result<(), Error> {
        self.entry(key, v)
    }
    fn end(self) -> R<'py> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Map<'py, '_, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.entry(key, v)
    }
    fn end(self) -> R<'py> {
        Ok(self.dict.into_any())
    }
}
