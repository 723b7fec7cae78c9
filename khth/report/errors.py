"""Input plan-report cannot work from, worded by the rule catalogue's ``report.*`` rules."""

from __future__ import annotations

from typing import Any

from khth.schema.catalogue import LANGUAGES, rule


class ReportError(Exception):
    """A root, or a list of expected responders, that stops a report. Raise with :meth:`of`."""

    def __init__(self, code: str, params: dict[str, Any]) -> None:
        self.code = code
        self.params = params
        r = rule(code)
        self.vi = r.message("vi", params)
        self.en = r.message("en", params)
        super().__init__(self.en)

    @classmethod
    def of(cls, code: str, **params: Any) -> ReportError:
        return cls(code, params)

    def message(self, lang: str = "both") -> str:
        if lang in LANGUAGES:
            return self.vi if lang == "vi" else self.en
        return f"{self.vi} / {self.en}"
