//! Frame objects: the Python view of a running or finished frame.
