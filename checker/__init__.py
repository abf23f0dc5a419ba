"""claim-checker: find where prose contradicts itself or the facts its editors expect.

This module stays import-light: the public API is loaded on first use.
"""

from checker._version import __version__

__all__ = ["__version__", "audit", "audit_paths", "audit_text"]


def __getattr__(name: str):
    if name in ("audit", "audit_paths", "audit_text"):
        from checker import api

        return getattr(api, name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
