"""A validation finding: what is wrong, where, and how bad."""

from __future__ import annotations

from dataclasses import asdict, dataclass


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
        return ":".join(p for p in (pos, where or "") if p)

    def message(self, lang: str) -> str:
        return {"vi": self.vi, "en": self.en}.get(lang, f"{self.en} / {self.vi}")

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self).items() if v is not None}
