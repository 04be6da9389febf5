//! `classmethod` and `staticmethod`.
