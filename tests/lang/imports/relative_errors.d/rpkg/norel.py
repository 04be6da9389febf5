from .missing_sibling import x
