//! Python functions and bound methods (`function`, `method`).
