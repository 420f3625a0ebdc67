//! A Python frame in, through the Arrow C stream interface (the `__arrow_c_stream__` PyCapsule
//! protocol that pyarrow, polars and pandas 2.2+ with pyarrow offer). The arrays are taken over
//! without copying a cell and handed to the run as columns in memory (`Input::Frame`), which
//! conform's Arrow reader checks exactly as it checks an `.arrow` file's columns.

use polars_arrow::array::StructArray;
use polars_arrow::ffi::{ArrowArrayStream, ArrowArrayStreamReader};
use polars_core::prelude::*;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

/// The PyCapsule name the Arrow C stream protocol gives a stream.
const STREAM_CAPSULE: &std::ffi::CStr = c"arrow_array_stream";

/// Takes the stream out of the object's capsule and reads its batches into a frame.
pub fn columns_of(frame: &Bound<'_, PyAny>) -> PyResult<DataFrame> {
    if !frame.hasattr("__arrow_c_stream__")? {
        return Err(PyTypeError::new_err(format!(
            "check_frame takes a polars or pandas DataFrame or a pyarrow Table, not {}",
            frame.get_type().name()?
        )));
    }
    let capsule = frame.call_method0("__arrow_c_stream__")?;
    // SAFETY: PyCapsule_GetPointer checks that the object is a capsule of this name, and returns
    // null (with a Python error set) otherwise; the capsule stays alive while we read it.
    let pointer =
        unsafe { pyo3::ffi::PyCapsule_GetPointer(capsule.as_ptr(), STREAM_CAPSULE.as_ptr()) }
            as *mut ArrowArrayStream;
    if pointer.is_null() {
        return Err(PyErr::take(frame.py()).unwrap_or_else(|| {
            PyTypeError::new_err("__arrow_c_stream__ did not give an Arrow stream capsule")
        }));
    }
    // SAFETY: the pointer is a live ArrowArrayStream owned by the capsule. Moving it out and
    // leaving a released (empty) stream behind is what the protocol asks of a consumer, so that
    // the capsule's destructor does not release it a second time.
    let stream = Box::new(unsafe { std::ptr::replace(pointer, ArrowArrayStream::empty()) });
    // SAFETY: the stream came from a producer of the C stream interface.
    let mut reader = unsafe { ArrowArrayStreamReader::try_new(stream) }
        .map_err(|e| PyValueError::new_err(format!("the frame's Arrow stream: {e}")))?;
    let fields = match reader.field().dtype() {
        ArrowDataType::Struct(fields) => fields.clone(),
        other => {
            return Err(PyValueError::new_err(format!(
                "the frame's Arrow stream holds {other:?}, not rows of columns"
            )))
        }
    };
    let mut chunks: Vec<Vec<ArrayRef>> = vec![Vec::new(); fields.len()];
    let mut height = 0usize;
    // SAFETY: each array the reader yields was produced by the same stream.
    while let Some(batch) = unsafe { reader.next() } {
        let batch =
            batch.map_err(|e| PyValueError::new_err(format!("the frame's Arrow stream: {e}")))?;
        let Some(batch) = batch.as_any().downcast_ref::<StructArray>() else {
            return Err(PyValueError::new_err(
                "the frame's Arrow stream gave a batch that is not rows of columns",
            ));
        };
        height += batch.len();
        for (column, values) in chunks.iter_mut().zip(batch.values()) {
            column.push(values.clone());
        }
    }
    let mut columns = Vec::with_capacity(fields.len());
    for (field, arrays) in fields.iter().zip(chunks) {
        let series = if arrays.is_empty() {
            Series::new_empty(field.name.clone(), &DataType::from_arrow_field(field))
        } else {
            Series::from_arrow_chunks(field.name.clone(), arrays).map_err(|e| {
                PyValueError::new_err(format!(
                    "column `{}` of the frame cannot be read: {e}",
                    field.name
                ))
            })?
        };
        columns.push(Column::from(series));
    }
    DataFrame::new(height, columns)
        .map_err(|e| PyValueError::new_err(format!("the frame cannot be read: {e}")))
}
