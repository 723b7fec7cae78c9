"""A record rendered as a Word (.docx) document in the official layout."""

from .render import render_docx

__all__ = ["render_docx"]
