"""A validation finding: which rule, where, how bad, and the message in both languages."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from khth.schema.catalogue import rule


@dataclass(frozen=True)
class Finding:
    file: str
    code: str
    severity: str  # "error" | "warning" | "info"
    vi: str
    en: str
    pointer: str | None = None  # JSON Pointer in the JSON form
    xpath: str | None = None  # XPath in the XML form
    line: int | None = None
    column: int | None = None

    def location(self) -> str:
        where = self.xpath if self.xpath is not None else self.pointer
        pos = f"{self.line}:{self.column}" if self.line and self.column else (f"{self.line}" if self.line else "")
        return " ".join(p for p in (pos, where or "") if p)

    def message(self, lang: str) -> str:
        return {"vi": self.vi, "en": self.en}.get(lang, f"{self.vi} / {self.en}")

    @property
    def doc_link(self) -> str:
        return rule(self.code).doc_link

    def at(self, **where: Any) -> Finding:
        # dataclasses.replace looks at every field's definition on each call; a finding is placed
        # once or twice per file, so the plain copy is worth having
        values = dict(self.__dict__)
        values.update(where)
        return Finding(**values)

    def as_dict(self) -> dict[str, object]:
        # the fields are all str or int: no deep copy (dataclasses.asdict makes one) is needed
        out = {k: v for k in _FIELDS if (v := getattr(self, k)) is not None}
        out["doc"] = self.doc_link
        return out


_FIELDS = tuple(f.name for f in fields(Finding))


def make(code: str, file: str, *, pointer: str | None = None, xpath: str | None = None, line: int | None = None,
         column: int | None = None, severity: str | None = None, **params: Any) -> Finding:
    """A finding of rule ``code``, its messages filled with ``params``."""
    r = rule(code)
    fill = {"pointer": pointer or "/", **params}  # templates may name the finding's own pointer
    return Finding(file, code, severity or r.severity, r.message("vi", fill), r.message("en", fill),
                   pointer, xpath, line, column)
