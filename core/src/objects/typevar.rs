//! The objects of PEP 695 type parameters: `TypeVar`, `ParamSpec`, `TypeVarTuple`, `TypeAliasType`, `Generic`.
