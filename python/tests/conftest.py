"""Shared by the tests: a prerequisite that is missing skips a test (shown as skipped), and
fails it under CI=true (as the Rust tests do), so that CI never passes in silence."""

import os

import pytest


def require(condition, reason):
    """Skip (or, under CI=true, fail) unless `condition` holds."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true, and the test cannot run: {reason}")
    pytest.skip(reason)


def require_module(name):
    """The module, imported; skipped (failed under CI=true) when it is not installed."""
    try:
        return __import__(name, fromlist=["_"])
    except ImportError:
        require(False, f"{name} is not installed")
