"""Conformance profiles: which facts each profile requires, written once.

The JSON Schema expresses the published and citation profiles directly (generated from
``REQUIRED_FACTS``). The lenient profile's promise, that every fact the published profile requires
is either present or explained in ``provenance.missing``, relates two parts of a record, so it is
checked by :func:`profile_gaps`, which the validator runs on every record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .codelists import Profile


@dataclass(frozen=True)
class RequiredFact:
    pointer: str  # JSON Pointer of the fact
    full_date: bool = False  # a date that must have day precision


_PUBLISHED = (
    RequiredFact("/number"),
    RequiredFact("/number/serial"),
    RequiredFact("/issueDate", full_date=True),
    RequiredFact("/issuer"),
    RequiredFact("/title"),
    RequiredFact("/parent"),
    RequiredFact("/parent/number"),
    RequiredFact("/parent/issueDate", full_date=True),
    RequiredFact("/signature"),
    RequiredFact("/signature/name"),
)

# The facts a published record gives, or a lenient one explains in provenance.missing.
PUBLISHED_FACTS = frozenset(f.pointer for f in _PUBLISHED)

REQUIRED_FACTS: dict[str, tuple[RequiredFact, ...]] = {
    Profile.PUBLISHED.value: _PUBLISHED,
    # Held to the published list through provenance.missing (see profile_gaps).
    Profile.LENIENT.value: (),
    Profile.CITATION.value: (RequiredFact("/number"), RequiredFact("/issueDate"), RequiredFact("/issuer")),
}


def _resolve(doc: Any, pointer: str) -> Any:
    node = doc
    for part in pointer.strip("/").split("/"):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


@dataclass(frozen=True)
class Gap:
    pointer: str
    problem: str  # "absent" | "partial-date" | "listed-but-present"


def profile_gaps(doc: dict[str, Any]) -> list[Gap]:
    """Where a record's profile promise is broken.

    Any profile: a field listed in ``provenance.missing`` must be absent (a fact is either given,
    printed or inferred, or missing; never both). Lenient profile: every fact of the published
    list is given or explained, i.e. ``provenance.missing`` names it or one of its ancestors.
    """
    explained = {m.get("field") for m in (doc.get("provenance") or {}).get("missing", [])}
    gaps: list[Gap] = []
    full_dates = {f.pointer for f in _PUBLISHED if f.full_date}
    for pointer in sorted(p for p in explained if p):
        value = _resolve(doc, pointer)
        # A partial date is the printed part of a date whose day or month is blank: it may stand
        # beside a missing entry that explains the blank.
        partial = pointer in full_dates and isinstance(value, str) and len(value) < 10
        if value is not None and not partial:
            gaps.append(Gap(pointer, "listed-but-present"))
    if doc.get("profile") != Profile.LENIENT.value:
        return gaps
    for fact in _PUBLISHED:
        parts = fact.pointer.strip("/").split("/")
        ancestors = {"/" + "/".join(parts[:i]) for i in range(1, len(parts) + 1)}
        if ancestors & explained:
            continue
        value = _resolve(doc, fact.pointer)
        if value is None:
            # A fact below an absent parent is reported once, at the parent.
            parent = "/" + "/".join(parts[:-1]) if len(parts) > 1 else None
            if parent and _resolve(doc, parent) is None:
                continue
            gaps.append(Gap(fact.pointer, "absent"))
        elif fact.full_date and isinstance(value, str) and len(value) != 10:
            gaps.append(Gap(fact.pointer, "partial-date"))
    return gaps
