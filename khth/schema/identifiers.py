"""Canonical identifiers of documents.

The identifier rule (SPEC.md, "Identifiers")::

    khth:{type}:{number}:{date}:{issuer}[:{title}]

``type`` is the document type code; ``number`` the number and symbol with white space removed;
``date`` the ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or empty; ``issuer`` the issuer as cited;
``title`` only for a document cited without a number (a law cited by name). Every component is
NFC-normalised, runs of white space become one ``_``, and ``%``, ``_`` and ``:`` are
percent-encoded, so the identifier splits back into exactly the parts it was made from.

The printed forms the parts come from (numbers, dates, citations) are the grammar's
(:mod:`khth.schema.grammar`); its names are re-exported here for the callers that import them
from this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .grammar import (
    CITATION_NAMES, JSON_NAMES, CitationParts, NumberParts, citation_name, format_citation, format_citation_date,
    normalise_text, number_key, parse_citation, parse_date, parse_number, strip_number_prefix,
)

# --- identifiers ----------------------------------------------------------------------------

_ENCODE = str.maketrans({"%": "%25", "_": "%5F", ":": "%3A", " ": "_"})


def encode_component(text: str) -> str:
    return normalise_text(text).translate(_ENCODE)


def decode_component(text: str) -> str:
    text = text.replace("_", " ")
    return re.sub(r"%(25|5F|3A)", lambda m: {"25": "%", "5F": "_", "3A": ":"}[m[1]], text)


@dataclass(frozen=True)
class IdentifierParts:
    document_type: str
    number: str = ""
    date: str = ""
    issuer: str = ""
    title: str = ""


def make_identifier(document_type: str, number: str | None, date_: str | None, issuer: str | None,
                    title: str | None = None) -> str:
    num = number_key(number) if number else ""
    parts = ["khth", encode_component(document_type), encode_component(num), date_ or "",
             encode_component(issuer or "")]
    if not num and title:
        parts.append(encode_component(title))
    return ":".join(parts)


def split_identifier(identifier: str) -> IdentifierParts:
    parts = identifier.split(":")
    if parts[0] != "khth" or len(parts) not in (5, 6):
        raise ValueError(f"not a KHTH identifier: {identifier!r}")
    title = decode_component(parts[5]) if len(parts) == 6 else ""
    return IdentifierParts(decode_component(parts[1]), decode_component(parts[2]), parts[3],
                           decode_component(parts[4]), title)


def document_identifier(doc: dict) -> str:
    """The identifier a document's own facts give (JSON form of a Document)."""
    issuer = doc.get("issuer") or {}
    name = issuer.get("actingBody") or issuer.get("name")
    number = (doc.get("number") or {}).get("printed")
    return make_identifier(doc["documentType"], number, doc.get("issueDate"), name, doc.get("title"))


def reference_identifier(ref: dict) -> str:
    """The identifier a citation gives (JSON form of a Reference)."""
    number = (ref.get("number") or {}).get("printed")
    return make_identifier(ref["documentType"], number, ref.get("issueDate"), ref.get("issuer"), ref.get("title"))


__all__ = [
    "CITATION_NAMES", "CitationParts", "IdentifierParts", "JSON_NAMES", "NumberParts", "citation_name",
    "decode_component", "document_identifier", "encode_component", "format_citation", "format_citation_date",
    "make_identifier", "normalise_text", "number_key", "parse_citation", "parse_date", "parse_number",
    "reference_identifier", "split_identifier", "strip_number_prefix",
]
