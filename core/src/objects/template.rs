//! PEP 750 template strings: `string.templatelib.Template` and `Interpolation`.
