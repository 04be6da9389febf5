//! Frames: the per-call state the evaluation loop runs on.
