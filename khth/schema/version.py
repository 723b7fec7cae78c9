"""Versions: of the standard (khthVersion) and of this toolkit."""

KHTH_VERSION = "1.1"
__version__ = "1.0.0"
