"""Errors raised while reading or converting a document, worded by the rule catalogue."""

from __future__ import annotations

from typing import Any

from khth.schema.catalogue import LANGUAGES, rule


class KhthInputError(Exception):
    """Input that cannot be read as a KHTH document.

    ``code`` is the catalogue rule the problem breaks and ``params`` fill its message templates
    (raise with :meth:`of`); ``location`` is a JSON Pointer or an XPath, ``line``/``column``
    are 1-based positions in the input when known.

    The older form ``KhthInputError(code, vi, en, ...)``, with both messages written at the
    raise site, still works while raise sites move to :meth:`of`; ``params`` is then ``None``.
    """

    def __init__(self, code: str, vi: str | None = None, en: str | None = None, *, location: str | None = None,
                 line: int | None = None, column: int | None = None,
                 params: dict[str, Any] | None = None) -> None:
        self.code = code
        self.params = params
        self.location = location
        self.line = line
        self.column = column
        if params is not None:
            r = rule(code)
            vi, en = r.message("vi", params), r.message("en", params)
        self.vi = vi or ""
        self.en = en or ""
        super().__init__(self.en)

    @classmethod
    def of(cls, code: str, *, location: str | None = None, line: int | None = None, column: int | None = None,
           **params: Any) -> KhthInputError:
        """The error of catalogue rule ``code``, its messages filled with ``params``."""
        return cls(code, location=location, line=line, column=column, params=params)

    @property
    def worded_inline(self) -> bool:
        """Whether the messages were written at the raise site rather than taken from the catalogue."""
        return self.params is None

    def message(self, lang: str = "both") -> str:
        if lang in LANGUAGES:
            return self.vi if lang == "vi" else self.en
        return f"{self.vi} / {self.en}"
