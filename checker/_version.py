"""The tool's version, in a module of its own: what reports name themselves with needs no
other part of the package."""

__version__ = "0.1.0"
