"""Errors raised while reading or converting a document, with bilingual messages."""

from __future__ import annotations


class KhthInputError(Exception):
    """Input that cannot be read as a KHTH document.

    ``code`` is stable (it names the problem for reports); ``location`` is a JSON Pointer or an
    XPath, ``line``/``column`` are 1-based positions in the input when known.
    """

    def __init__(self, code: str, vi: str, en: str, *, location: str | None = None,
                 line: int | None = None, column: int | None = None) -> None:
        super().__init__(en)
        self.code = code
        self.vi = vi
        self.en = en
        self.location = location
        self.line = line
        self.column = column

    def message(self, lang: str = "both") -> str:
        if lang == "vi":
            return self.vi
        if lang == "en":
            return self.en
        return f"{self.vi} / {self.en}"
