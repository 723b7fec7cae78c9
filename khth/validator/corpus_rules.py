"""Rules across every record of one run: parent links, levels, dates along chains, cycles, duplicates."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from khth.schema.catalogue import Text
from khth.schema.codelists import Level, Profile, System
from khth.schema.identifiers import normalise_text, number_key

from .registry import checks

_RANK = {Level.CENTRAL: 0, Level.PROVINCE: 1, Level.DISTRICT: 2, Level.COMMUNE: 3}


@dataclass(frozen=True)
class Summary:
    """What the corpus rules need of one record; small, so that workers can send it back cheaply."""

    file: str
    pointer: str  # the record's JSON Pointer in its file ("" or "/documents/1")
    id: str
    profile: str
    number: str | None  # number key (no "Số", no white space)
    date: str | None
    issuer_names: tuple[str, ...]  # name and acting body, normalised for comparison
    level: str | None
    system: str | None
    issuer_code: str | None  # from the number: TU, BTGTW, UBND, SLĐTBXH
    display: str  # short name for trees and messages: the number, else type and issuer
    parent: dict[str, Any] | None  # {"id", "number", "date", "issuer"} as cited
    khth_version: str | None = None  # the KHTH version the record declares (in a bundle: the bundle's)


@lru_cache(maxsize=16384)  # issuer names repeat across a corpus
def _norm(name: str | None) -> str:
    return normalise_text(name).casefold().replace("uỷ", "ủy") if name else ""


def summarise(doc: dict[str, Any], file: str, pointer: str, declared: str | None = None) -> Summary:
    """``declared``: the version the enclosing bundle states, for a member that states none of its own."""
    issuer = doc.get("issuer", {})
    parent = doc.get("parent")
    return Summary(
        file=file, pointer=pointer, id=doc["id"], profile=doc["profile"],
        number=number_key(doc["number"]["printed"]) if "number" in doc else None,
        date=doc.get("issueDate"),
        issuer_names=tuple(_norm(n) for n in (issuer.get("name"), issuer.get("actingBody")) if n),
        level=issuer.get("level"), system=issuer.get("system") or doc.get("number", {}).get("system"),
        issuer_code=doc.get("number", {}).get("issuerCode"),
        display=(doc["number"]["printed"] if doc.get("number", {}).get("serial") else
                 f"{doc['documentType']} {doc.get('number', {}).get('printed', '')} "
                 f"({issuer.get('actingBody') or issuer.get('name') or '?'})".replace("  ", " ")),
        parent=None if parent is None else {
            "id": parent["id"], "number": number_key(parent["number"]["printed"]) if "number" in parent else None,
            "date": parent.get("issueDate"), "issuer": _norm(parent.get("issuer"))},
        khth_version=doc.get("khthVersion") or declared,
    )


Hit = tuple[Summary, str, str, dict[str, Any], str | None]  # (record, code, pointer, params, severity)


def department_of(child: Summary, parent: Summary) -> bool:
    """Whether the child's issuer is a department of the parent's: Ban Tuyên giáo Trung ương (BTGTW)
    under the Central Committee (TW), Ủy ban Kiểm tra Tỉnh ủy (UBKTTU) under a Tỉnh ủy (TU), a Sở or
    Phòng under its People's Committee (UBND)."""
    c, p = child.issuer_code, parent.issuer_code
    if not c or not p or c == p:
        return False
    return (child.system == System.PARTY and c.endswith(p)) or (child.system == System.STATE and p == "UBND")


def _issuer_matches(cited: str, record: Summary) -> bool:
    return bool(cited) and any(cited in n or n in cited for n in record.issuer_names)


def resolve(parent: dict[str, Any], by_number: dict[str, list[Summary]]) -> tuple[list[Summary], list[Summary]]:
    """(records matching number and date, records matching the number only)."""
    same_number = by_number.get(parent["number"] or "", [])
    matches = [s for s in same_number if s.date == parent["date"]]
    if len(matches) > 1 and parent["issuer"]:
        narrowed = [s for s in matches if _issuer_matches(parent["issuer"], s)]
        matches = narrowed or matches
    return matches, same_number


@checks("corpus.duplicate-id", "corpus.citation-superseded", "corpus.parent-unresolved",
        "corpus.parent-date-mismatch", "corpus.parent-ambiguous", "corpus.parent-level", "corpus.child-before-parent",
        "corpus.cycle")
def check_corpus(records: list[Summary], require_parents: bool = False) -> list[Hit]:
    hits: list[Hit] = []
    by_id: dict[str, list[Summary]] = defaultdict(list)
    by_number: dict[str, list[Summary]] = defaultdict(list)
    for s in records:
        by_id[s.id].append(s)
        if s.number:
            by_number[s.number].append(s)

    for identifier, group in by_id.items():
        if len(group) < 2:
            continue
        full = [s for s in group if s.profile != Profile.CITATION]
        for s in group:
            others = ", ".join(f"{o.file}{o.pointer and '#' + o.pointer}" for o in group if o is not s)
            if s.profile == Profile.CITATION and full:
                hits.append((s, "corpus.citation-superseded", "/id", {"id": identifier, "other": s.file}, None))
            elif s.profile != Profile.CITATION and len(full) > 1 or not full:
                hits.append((s, "corpus.duplicate-id", "/id", {"id": identifier, "other": others}, None))

    parent_of: dict[int, Summary] = {}
    for s in records:
        if s.parent is None:
            continue
        label = f"{s.parent['number'] or s.parent['id']} ({s.parent['date'] or '?'})"
        matches, same_number = resolve(s.parent, by_number)
        if not matches:
            if same_number:
                found = ", ".join(sorted({o.date or "?" for o in same_number}))
                hits.append((s, "corpus.parent-date-mismatch", "/parent/issueDate",
                             {"number": s.parent["number"], "date": s.parent["date"], "found": found}, None))
            else:
                hits.append((s, "corpus.parent-unresolved", "/parent", {"parent": label},
                             "error" if require_parents else None))
            continue
        if len(matches) > 1:
            hits.append((s, "corpus.parent-ambiguous", "/parent", {"parent": label, "count": len(matches)}, None))
            continue
        parent = matches[0]
        parent_of[id(s)] = parent
        if s.level in _RANK and parent.level in _RANK:
            higher = _RANK[parent.level] < _RANK[s.level]
            same_level = parent.level == s.level and (parent.system != s.system or department_of(s, parent))
            if not (higher or same_level):
                hits.append((s, "corpus.parent-level", "/parent",
                             {"parent": label, "parent_level": parent.level, "parent_system": parent.system or "?",
                              "level": s.level, "system": s.system or "?"}, None))
        if s.date and parent.date and len(s.date) == len(parent.date) == 10 and s.date < parent.date:
            hits.append((s, "corpus.child-before-parent", "/issueDate",
                         {"date": s.date, "parent": label, "parent_date": parent.date}, None))

    reported: set[frozenset[int]] = set()
    for s in records:
        chain, seen = [s], {id(s)}
        while id(chain[-1]) in parent_of:
            nxt = parent_of[id(chain[-1])]
            if id(nxt) in seen:
                loop = chain[[id(c) for c in chain].index(id(nxt)):]
                key = frozenset(id(c) for c in loop)
                if key not in reported:
                    reported.add(key)
                    names = " → ".join((c.number or c.id) for c in loop + [nxt])
                    hits.append((nxt, "corpus.cycle", "/parent", {"chain": names}, None))
                break
            chain.append(nxt)
            seen.add(id(nxt))
    return hits


_TREE_MARKS = {"early": Text("ngày trước văn bản cấp trên", "dated before its parent"),
               "unresolved": Text("không tìm thấy văn bản cấp trên {parent}", "parent {parent} not found"),
               "cycle": Text("vòng lặp", "cycle")}


def _mark(kind: str, lang: str, **params: str) -> str:
    words = _TREE_MARKS[kind]
    vi, en = words.vi.format(**params), words.en.format(**params)
    return {"vi": vi, "en": en}.get(lang, f"{en} / {vi}")


def tree_lines(records: list[Summary], lang: str = "both") -> list[str]:
    """The implementation tree, roots first; unresolved and out-of-order links marked (in ``lang``)."""
    by_number: dict[str, list[Summary]] = defaultdict(list)
    for s in records:
        if s.number:
            by_number[s.number].append(s)
    children: dict[int, list[Summary]] = defaultdict(list)
    roots: list[Summary] = []
    marks: dict[int, str] = {}
    for s in records:
        if s.parent is None:
            roots.append(s)
            continue
        matches, _ = resolve(s.parent, by_number)
        if len(matches) == 1 and matches[0] is not s:
            children[id(matches[0])].append(s)
            if s.date and matches[0].date and len(s.date) == len(matches[0].date) == 10 and s.date < matches[0].date:
                marks[id(s)] = f"  [! {_mark('early', lang)}]"
        else:
            roots.append(s)
            cited = f"{s.parent['number'] or s.parent['id']} ({s.parent['date'] or '?'})"
            marks[id(s)] = f"  [? {_mark('unresolved', lang, parent=cited)}]"

    def name(s: Summary) -> str:
        citation = " [citation]" if s.profile == Profile.CITATION else ""
        return f"{s.display} ({s.date or '?'}){citation}{marks.get(id(s), '')}"

    lines: list[str] = []
    visited: set[int] = set()

    def walk(s: Summary, prefix: str, last: bool, top: bool) -> None:
        lines.append((prefix + ("└── " if last else "├── ") if not top else "") + name(s))
        if id(s) in visited:
            return
        visited.add(id(s))
        kids = sorted(children.get(id(s), []), key=lambda c: (c.date or "", c.id))
        for i, child in enumerate(kids):
            walk(child, prefix + ("" if top else ("    " if last else "│   ")), i == len(kids) - 1, False)

    for root in sorted(roots, key=lambda r: (r.date or "", r.id)):
        walk(root, "", True, True)
    in_tree = set(visited)
    for s in records:  # records only reachable through a cycle
        if id(s) not in in_tree:
            lines.append(name(s) + f"  [{_mark('cycle', lang)}]")
    return lines
