//! `carapace_pyo3_demo`: a small PyO3 extension module that Carapace must load and run
//! unchanged (issue 2). It is driven by `embed_pyo3.c`; no Python source is involved.
//!
//! Everything here is chosen so that neither module init nor any call imports another
//! module or runs Python code: a top-level `#[pymodule]` (multi-phase init through
//! `PyModuleDef_Init`, no submodules: those import `types.SimpleNamespace`), concrete
//! list/dict/tuple conversions (a failed `Vec<T>` extraction from a non-sequence would
//! import `collections.abc` to name `Sequence` in its error), no datetime, no iterator
//! or mapping ABC downcasts.

use std::collections::BTreeMap;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyOverflowError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

create_exception!(
    carapace_pyo3_demo,
    DemoError,
    PyException,
    "Raised by carapace_pyo3_demo when it is asked to do something wrong."
);

/// add(a, b) -> int: the sum of two ints (OverflowError outside i64).
#[pyfunction]
fn add(a: i64, b: i64) -> PyResult<i64> {
    a.checked_add(b)
        .ok_or_else(|| PyOverflowError::new_err("add: result does not fit in 64 bits"))
}

/// greet(name) -> str: a formatted greeting.
#[pyfunction]
fn greet(name: String) -> String {
    format!("Hello, {name}! ({} chars)", name.chars().count())
}

/// power(base, exponent=2, *, modulo=None): defaults and a keyword-only argument.
#[pyfunction]
#[pyo3(signature = (base, exponent = 2, *, modulo = None))]
fn power(base: i64, exponent: u32, modulo: Option<i64>) -> PyResult<i64> {
    let r = base
        .checked_pow(exponent)
        .ok_or_else(|| PyOverflowError::new_err("power: result does not fit in 64 bits"))?;
    match modulo {
        None => Ok(r),
        Some(0) => Err(DemoError::new_err("power: modulo must not be zero")),
        Some(m) => Ok(r.rem_euclid(m)),
    }
}

/// fail(message): always raises DemoError(message).
#[pyfunction]
fn fail(message: String) -> PyResult<()> {
    Err(DemoError::new_err(message))
}

/// divide(a, b): a // b, DemoError on division by zero.
#[pyfunction]
fn divide(a: i64, b: i64) -> PyResult<i64> {
    if b == 0 {
        return Err(DemoError::new_err(format!("cannot divide {a} by zero")));
    }
    Ok(a.div_euclid(b))
}

/// sum_list(values: list[int]) -> int  (Vec<i64> from a list or tuple)
#[pyfunction]
fn sum_list(values: Vec<i64>) -> i64 {
    values.iter().sum()
}

/// word_lengths(words: list[str]) -> dict[str, int], keys in sorted order.
#[pyfunction]
fn word_lengths(words: Vec<String>) -> BTreeMap<String, usize> {
    words.into_iter().map(|w| (w.clone(), w.chars().count())).collect()
}

/// swap(pair: tuple[int, str]) -> tuple[str, int]
#[pyfunction]
fn swap(pair: (i64, String)) -> (String, i64) {
    (pair.1, pair.0)
}

/// invert(d: dict[str, int]) -> dict[int, str], keys in sorted order.
#[pyfunction]
fn invert(d: BTreeMap<String, i64>) -> BTreeMap<i64, String> {
    d.into_iter().map(|(k, v)| (v, k)).collect()
}

/// describe(items: list) -> dict: built by hand with the PyList/PyDict/PyTuple APIs.
#[pyfunction]
fn describe<'py>(items: &Bound<'py, PyList>) -> PyResult<Bound<'py, PyDict>> {
    let py = items.py();
    let out = PyDict::new(py);
    out.set_item("len", items.len())?;
    let mut names = Vec::new();
    for item in items.iter() {
        names.push(item.get_type().name()?.to_string());
    }
    out.set_item("types", PyTuple::new(py, names)?)?;
    let reversed = PyList::empty(py);
    for item in items.iter() {
        reversed.insert(0, item)?;
    }
    out.set_item("reversed", reversed)?;
    out.set_item("first", items.get_item(0).ok())?;
    Ok(out)
}

/// count_args(*args, **kwargs) -> (int, list[str]): positional count, sorted keyword names.
#[pyfunction]
#[pyo3(signature = (*args, **kwargs))]
fn count_args(args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<(usize, Vec<String>)> {
    let mut keys = Vec::new();
    if let Some(kw) = kwargs {
        for k in kw.keys() {
            keys.push(k.extract::<String>()?);
        }
    }
    keys.sort();
    Ok((args.len(), keys))
}

/// A counter with a name, a current count and a step.
#[pyclass(module = "carapace_pyo3_demo")]
struct Counter {
    #[pyo3(get)]
    name: String,
    count: i64,
    step: i64,
}

#[pymethods]
impl Counter {
    #[new]
    #[pyo3(signature = (name, start = 0, step = 1))]
    fn new(name: String, start: i64, step: i64) -> PyResult<Self> {
        if step == 0 {
            return Err(PyValueError::new_err("step must not be zero"));
        }
        Ok(Counter { name, count: start, step })
    }

    /// Adds the step; returns the new count.
    fn increment(&mut self) -> i64 {
        self.count += self.step;
        self.count
    }

    /// Adds n (>= 0) times the step; DemoError for negative n.
    fn advance(&mut self, n: i64) -> PyResult<i64> {
        if n < 0 {
            return Err(DemoError::new_err(format!("cannot advance {} by {n}", self.name)));
        }
        self.count += n * self.step;
        Ok(self.count)
    }

    fn reset(&mut self) {
        self.count = 0;
    }

    /// (name, count, step) as a tuple.
    fn as_tuple(&self) -> (String, i64, i64) {
        (self.name.clone(), self.count, self.step)
    }

    #[getter]
    fn count(&self) -> i64 {
        self.count
    }

    #[setter]
    fn set_count(&mut self, value: i64) -> PyResult<()> {
        if value < 0 {
            return Err(PyValueError::new_err(format!("count must be >= 0, not {value}")));
        }
        self.count = value;
        Ok(())
    }

    #[getter]
    fn step(&self) -> i64 {
        self.step
    }

    #[setter]
    fn set_step(&mut self, value: i64) -> PyResult<()> {
        if value == 0 {
            return Err(PyValueError::new_err("step must not be zero"));
        }
        self.step = value;
        Ok(())
    }

    #[staticmethod]
    fn default_step() -> i64 {
        1
    }

    fn __repr__(&self) -> String {
        format!("Counter(name={:?}, count={}, step={})", self.name, self.count, self.step)
    }
}

/// A PyO3 test module for Carapace.
#[pymodule]
fn carapace_pyo3_demo(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(add, m)?)?;
    m.add_function(wrap_pyfunction!(greet, m)?)?;
    m.add_function(wrap_pyfunction!(power, m)?)?;
    m.add_function(wrap_pyfunction!(fail, m)?)?;
    m.add_function(wrap_pyfunction!(divide, m)?)?;
    m.add_function(wrap_pyfunction!(sum_list, m)?)?;
    m.add_function(wrap_pyfunction!(word_lengths, m)?)?;
    m.add_function(wrap_pyfunction!(swap, m)?)?;
    m.add_function(wrap_pyfunction!(invert, m)?)?;
    m.add_function(wrap_pyfunction!(describe, m)?)?;
    m.add_function(wrap_pyfunction!(count_args, m)?)?;
    m.add_class::<Counter>()?;
    m.add("DemoError", m.py().get_type::<DemoError>())?;
    m.add("ABI_FEATURE", if cfg!(feature = "py312") { "abi3-py312" } else { "abi3-py39" })?;
    Ok(())
}
