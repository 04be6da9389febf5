//! Generators, coroutines and async generators.
