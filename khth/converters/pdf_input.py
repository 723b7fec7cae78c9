"""PDF input (placeholder while the reader is built)."""

from __future__ import annotations

from khth.input.errors import KhthInputError


def read_pdf(data: bytes, name: str | None) -> tuple[str, dict]:
    raise KhthInputError.of("input.binary", expected="JSON, XML")
