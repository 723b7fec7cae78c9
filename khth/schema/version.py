"""Versions: of the standard (khthVersion) and of this toolkit."""

KHTH_VERSION = "1.0"
__version__ = "1.0.0"
