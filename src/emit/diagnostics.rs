//! Diagnostics rendering (placeholder).
