//! PEP 810 lazy imports: the proxy `lazy import` binds and its resolution.
