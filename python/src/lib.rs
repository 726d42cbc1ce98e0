//! The compiled part of the Python package `fupin` (imported as `fupin._fupin`; the
//! public functions are re-exported, with `extract_frame`, by `fupin/__init__.py`).
//!
//! Records travel as their serde serialization (the JSON of spec section 5), written
//! straight into Python objects (`topy`), key by key: decimal strings (`value`, `max`) become
//! `decimal.Decimal`, and byte offsets (`start`, `end`, and every `*_start`/`*_end`
//! outside a `period`) become code-point offsets into the Python `str`, so that
//! `text[r["start"]:r["end"]] == r["text"]`. Keys the library adds later flow through
//! without a change here.

use fupin::{Extractor, IndicatorKind, Modality, Unit};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateAccess, PyDict, PyList, PyString};
use rayon::prelude::*;
use serde::Serialize;

mod topy;

use topy::{CodePoints, ToPy, decimal};

/// The records as a list of dicts, offsets in code points into `text`.
fn records<'py, T: serde::Serialize>(
    py: Python<'py>,
    text: &str,
    items: impl IntoIterator<Item = T>,
) -> PyResult<Bound<'py, PyList>> {
    records_as(py, text, items, false)
}

/// As [`records`]; with `flat`, each record is one flat row (`period_start`, no nulls).
fn records_as<'py, T: serde::Serialize>(
    py: Python<'py>,
    text: &str,
    items: impl IntoIterator<Item = T>,
    flat: bool,
) -> PyResult<Bound<'py, PyList>> {
    let cp = CodePoints::new(text);
    let to = if flat {
        ToPy::new(py, &cp).flat()
    } else {
        ToPy::new(py, &cp)
    };
    let list = PyList::empty(py);
    for x in items {
        list.append(x.serialize(to)?)?;
    }
    Ok(list)
}

/// A calendar date, checked (2019-02-31 is refused).
type Date = (i32, u8, u8);

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

fn parse_iso_date(s: &str) -> Result<Date, String> {
    let bad = || format!("invalid date {s:?}: expected YYYY-MM-DD");
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| -> Result<u32, String> {
        let part = s.get(r).ok_or_else(bad)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        part.parse().map_err(|_| bad())
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let year = i32::try_from(y).map_err(|_| bad())?;
    let month = u8::try_from(m).map_err(|_| bad())?;
    let day = u8::try_from(d).map_err(|_| bad())?;
    if !(1..=12).contains(&month) {
        return Err(format!("invalid date {s:?}: month {month} is not 1 to 12"));
    }
    if day == 0 || day > days_in_month(year, month) {
        return Err(format!(
            "invalid date {s:?}: {year}-{month:02} has no day {day}"
        ));
    }
    Ok((year, month, day))
}

/// A `datetime.date` (or `datetime`), a `"YYYY-MM-DD"` string, or `None`.
fn date_arg(v: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    let Some(v) = v else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    if let Ok(d) = v.cast::<PyDate>() {
        return Ok(Some((d.get_year(), d.get_month(), d.get_day())));
    }
    if let Ok(s) = v.cast::<PyString>() {
        return parse_iso_date(s.to_str()?)
            .map(Some)
            .map_err(PyValueError::new_err);
    }
    Err(PyTypeError::new_err(format!(
        "date must be a datetime.date, a 'YYYY-MM-DD' string or None, not {}",
        v.get_type().name()?
    )))
}

fn extractor(date: Option<Date>) -> Extractor {
    match date {
        Some((y, m, d)) => Extractor::new().date(y, m, d),
        None => Extractor::new(),
    }
}

/// The region argument: a place's name (临洮县, 恩施州, 西藏) or six-digit code
/// ("621124"), as `fupin::Region` looks it up; ValueError for one it does not know or
/// that several units share, TypeError for a value that is no str.
fn region_arg(region: Option<&Bound<'_, PyAny>>) -> PyResult<Option<fupin::Region>> {
    let Some(r) = region.filter(|r| !r.is_none()) else {
        return Ok(None);
    };
    let Ok(s) = r.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "region must be a str or None, not {}",
            r.get_type().name()?
        )));
    };
    let s = s.to_str()?;
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        return fupin::Region::from_code(s)
            .map(Some)
            .ok_or_else(|| PyValueError::new_err(format!("no region has code {s}")));
    }
    s.parse::<fupin::Region>()
        .map(Some)
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Reads one written number (Arabic, Chinese, capital, traditional, mixed) to an exact
/// Decimal. Raises ValueError with the parser's message for anything else, TypeError
/// for a non-str.
///
/// >>> parse_number("三万五千")
/// Decimal('35000')
/// >>> parse_number("9.82亿")
/// Decimal('982000000')
#[pyfunction]
fn parse_number<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py, PyAny>> {
    let n = fupin::parse_number(s).map_err(|e| PyValueError::new_err(e.to_string()))?;
    decimal(py, &n.to_string())
}

/// Reads one number with its unit and approximation words into a dict with the keys
/// of the JSON format (value, unit, approx, text, start, end, and max, classifier,
/// noun, per where they apply). Values are Decimal in the base unit; start and end are
/// code-point offsets into s.
///
/// >>> q = parse_quantity("9.82億元")
/// >>> q["value"], q["unit"]
/// (Decimal('982000000'), 'yuan')
#[pyfunction]
fn parse_quantity<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py, PyAny>> {
    let q = fupin::parse_quantity(s).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(q.serialize(ToPy::new(py, &CodePoints::new(s)))?)
}

/// Every quantity in a document, in source order, as dicts with the keys of the JSON
/// format. Values are Decimal; start and end are code-point offsets into text, so
/// text[q["start"]:q["end"]] == q["text"].
///
/// >>> [q["text"] for q in quantities("全县贫困人口6576户17990人。")]
/// ['6576户', '17990人']
#[pyfunction]
fn quantities<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyList>> {
    records(py, text, fupin::quantities(text))
}

/// The poverty indicators of a document, in source order, as dicts with the keys of
/// the JSON format: values as Decimal, period and previous nested, and every offset
/// (start, end, subject_start, subject_end, previous's start and end) in code points,
/// so text[r["start"]:r["end"]] == r["text"]. `date` (a datetime.date or
/// "YYYY-MM-DD") resolves 今年 and 去年. `region` (a name such as "临洮县" or a
/// six-digit code such as "621124") is the place the document is about, for figures
/// whose sentence names none (全县…); ValueError for a name no unit or several units
/// have.
///
/// >>> r = extract("2019年全县贫困发生率降至0.5%。")[0]
/// >>> r["kind"], r["value"], r["period"]
/// ('poverty_incidence', Decimal('0.5'), {'start': 2019, 'end': 2019})
#[pyfunction]
#[pyo3(signature = (text, date=None, region=None))]
fn extract<'py>(
    py: Python<'py>,
    text: &str,
    date: Option<&Bound<'py, PyAny>>,
    region: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let date = date_arg(date)?;
    let mut ex = extractor(date);
    if let Some(r) = region_arg(region)? {
        ex = ex.region(r);
    }
    records(py, text, ex.extract(text))
}

/// extract over many documents in parallel (rayon), with the GIL released while the
/// documents are read; one list of records per document, in order. `dates` gives
/// each document's date. With `flat=True` each record is one flat dict, as a table
/// row: nested records merged under prefixed keys (period_start, previous_value,
/// previous_period_end) and null values left out.
///
/// >>> extract_many(["2019年全县脱贫1500人。", "无"], flat=True)[0][0]["period_start"]
/// 2019
#[pyfunction]
#[pyo3(signature = (texts, dates=None, flat=false))]
fn extract_many<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    dates: Option<Vec<Bound<'py, PyAny>>>,
    flat: bool,
) -> PyResult<Bound<'py, PyList>> {
    let found = find_many(py, &texts, dates)?;
    let out = PyList::empty(py);
    for (text, found) in texts.iter().zip(found) {
        out.append(records_as(py, text, found, flat)?)?;
    }
    Ok(out)
}

/// The indicators of each document, found in parallel with the GIL released.
fn find_many(
    py: Python<'_>,
    texts: &[String],
    dates: Option<Vec<Bound<'_, PyAny>>>,
) -> PyResult<Vec<Vec<fupin::PovertyIndicator>>> {
    let dates: Vec<Option<Date>> = match dates {
        None => vec![None; texts.len()],
        Some(ds) => {
            if ds.len() != texts.len() {
                return Err(PyValueError::new_err(format!(
                    "dates has {} items, texts has {}",
                    ds.len(),
                    texts.len()
                )));
            }
            ds.iter()
                .map(|d| date_arg(Some(d)))
                .collect::<PyResult<_>>()?
        }
    };
    Ok(py.detach(|| {
        texts
            .par_iter()
            .zip(dates.par_iter())
            .map(|(t, d)| extractor(*d).extract(t).collect())
            .collect()
    }))
}

/// extract over many documents as columns, for a table: `(docs, columns)` where
/// `docs[i]` is the index of row i's document and `columns` maps each key of the
/// flat rows (see extract_many's `flat`) to a list of one value per row, None where
/// a row has none. Keys come in the order they first appear.
///
/// >>> docs, columns = extract_columns(["无", "2019年全县脱贫1500人。"])
/// >>> docs, columns["period_start"], columns["text"]
/// ([1], [2019], ['1500人'])
#[pyfunction]
#[pyo3(signature = (texts, dates=None))]
fn extract_columns<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    dates: Option<Vec<Bound<'py, PyAny>>>,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyDict>)> {
    let found = find_many(py, &texts, dates)?;
    let docs = PyList::empty(py);
    let columns = PyDict::new(py);
    // Each column with the number of rows it holds so far.
    let mut lists: Vec<(Bound<'py, PyList>, usize)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut row = 0;
    let none = py.None().into_bound(py);
    for (doc, (text, found)) in texts.iter().zip(found).enumerate() {
        let rows = records_as(py, text, found, true)?;
        for record in rows.iter() {
            docs.append(doc)?;
            for (k, v) in record.cast::<PyDict>().map_err(PyErr::from)?.iter() {
                let name = k.cast::<PyString>().map_err(PyErr::from)?.to_str()?;
                let i = match index.get(name) {
                    Some(&i) => i,
                    None => {
                        let list = PyList::empty(py);
                        columns.set_item(&k, &list)?;
                        lists.push((list, 0));
                        index.insert(name.to_owned(), lists.len() - 1);
                        lists.len() - 1
                    }
                };
                if let Some((list, len)) = lists.get_mut(i) {
                    while *len < row {
                        list.append(&none)?;
                        *len += 1;
                    }
                    list.append(v)?;
                    *len += 1;
                }
            }
            row += 1;
        }
    }
    for (list, len) in &mut lists {
        while *len < row {
            list.append(&none)?;
            *len += 1;
        }
    }
    Ok((docs, columns))
}

fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&x| name(x)).collect()
}

/// Exact numbers, quantities and poverty-alleviation indicators from Chinese reports.
#[pymodule]
fn _fupin(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_number, m)?)?;
    m.add_function(wrap_pyfunction!(parse_quantity, m)?)?;
    m.add_function(wrap_pyfunction!(quantities, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(extract_columns, m)?)?;
    m.add("KINDS", names(IndicatorKind::ALL, IndicatorKind::name))?;
    m.add("UNITS", names(Unit::ALL, Unit::name))?;
    m.add("APPROX", names(fupin::Approx::ALL, fupin::Approx::name))?;
    m.add("PER", names(fupin::Per::ALL, fupin::Per::name))?;
    m.add("MODALITIES", names(Modality::ALL, Modality::name))?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
