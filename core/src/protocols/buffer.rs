//! The buffer protocol (`PyObject_GetBuffer`, `PyBuffer_*`).
