"""OCR layers: detection, and restoring the facts a careful reader establishes (SPEC §12).

Body text stays as the OCR gives it. Header facts, agencies, references, the signature and the
recipients are restored word by word against a vocabulary (:mod:`.lexicon`, the administrative
code list, a general word list when installed), reading each OCR word through the confusions
an OCR engine makes with Vietnamese print: a lost stroke of Đ read as "P", "B", "})"; "ư" read
as "w"; "ũ" read as "ii"; "ô"/"ơ" read as "6" or "0"; "ă"/"à" read as "4"; "l" read as "1". A
fact is restored only when every word of it is read; otherwise the OCR text stays, and nothing
is listed. Each restored fact is listed in ``provenance.inferred`` with the OCR text as evidence.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from . import gazetteer, lexicon
from .common import clean, fold, fold_text, per_conversion

_MAX_WORDS = 8


_WORD = re.compile(r"[^\W\d_]{2,}")
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LETTERS_01 = bytes(1 if (0x41 <= i <= 0x5A or 0x61 <= i <= 0x7A) else 0 for i in range(256))
_UNMARKED_02 = bytes(2 if i == 0x3F else 0 for i in range(256))  # "?": what encode("ascii", "replace") writes
_MARKED_ONLY = bytes([0x20, 0x01, 0x20, 0x6D]) + bytes(252)  # 0 → " ", 3 → "m"; 1 is deleted


def looks_like_ocr(text: str, folded: str | None = None) -> bool:
    """Vietnamese print marks most syllables; an OCR layer without diacritics marks few."""
    counts = _word_counts(text, fold_text(text) if folded is None else folded)
    if counts is None:
        words = _WORD.findall(text)
        counts = len(words), len(words) - sum(map(str.isascii, words))
    total, marked = counts
    if total < 50:
        return False
    return marked / total < 0.35


def _word_counts(text: str, folded: str) -> tuple[int, int] | None:
    """Words of two letters or more (``_WORD``) and those with a letter beyond ASCII, counted with
    byte and integer operations instead of a pattern run over every character.

    Folding keeps every letter a letter and every other character not one, and turns the letters
    of Vietnamese into ASCII; where a letter is left beyond ASCII (Greek, ø …) the pattern counts
    instead (None). Otherwise a letter of the text is an ASCII letter of its key. One byte per
    character: ``letters`` holds 1 at each letter, ``beyond`` 2 at each character that is not
    ASCII; as integers, a shift by 8 bits compares each character with its neighbour.
    """
    if not folded.isascii() and any(_LETTER.match(c) for c in set(_NON_ASCII.findall(folded))):
        return None
    letters = folded.encode("ascii", "replace").translate(_LETTERS_01)
    beyond = text.encode("ascii", "replace").translate(_UNMARKED_02)
    n = len(letters)
    if n != len(beyond):
        return None
    are = int.from_bytes(letters, "big")
    marked = int.from_bytes(beyond, "big") & (are << 1)  # 2 at each letter that is not ASCII
    after, before = are << 8, are >> 8  # at each position: is the next / the previous one a letter
    words = (are & after & ~before).bit_count()  # runs of two letters or more, by their first letter
    lone_marked = (are & ~after & ~before & (marked >> 1)).bit_count()
    # Runs holding a marked letter: the unmarked letters deleted, each run leaves "m…m" or nothing.
    runs = (are | marked).to_bytes(n, "big").translate(_MARKED_ONLY, b"\x01")
    with_marks = (b" " + runs).count(b" m")
    return words, with_marks - lone_marked


def _marks(word: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) == "Mn") + \
        sum(1 for c in word if c in "đĐ")


@per_conversion(4096)
def ocr_key(word: str) -> str:
    """The letters an OCR word most likely stands for, without diacritics."""
    w = re.sub(r"^[})\]]+\)?(?=[a-zA-Z])", "d", word)  # "})inh": the stroke of Đ
    w = re.sub(r"(?<=[uU])\}$", "y", w)  # "U}": the hook and the y of "ỦY"
    w = fold(w).replace("¢", "e").replace("ii", "u").replace("w", "u")
    if re.search(r"[a-z]", w):
        w = w.translate(str.maketrans({"6": "o", "0": "o", "4": "a", "1": "l", "3": "a"}))
    w = re.sub(r"(?<=[b-df-hj-np-tv-xz])y(?=[b-df-hj-np-tv-xz])", "u", w)  # "thyc" for "thực"
    return re.sub(r"[^a-z]", "", w)


def _variants(key: str) -> list[str]:
    out = [key]
    if re.match(r"^[pb][aeiouy]", key):
        out.append("d" + key[1:])  # the stroke of Đ read as P or B ("Pang", "Bang uy")
    return out


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, ...], list[tuple[int, str]]]:
    index: dict[tuple[str, ...], list[tuple[int, str]]] = {}

    def add(phrase: str, rank: int) -> None:
        words = [w for w in phrase.replace(",", " ").split() if re.search(r"\w", w)]
        key = tuple(fold(w) for w in words)
        if key and all(key):
            index.setdefault(key, []).append((rank, phrase))

    for p in lexicon.phrases():
        add(p, 0)
    for u in gazetteer.units():
        add(u.short, 1)
        add(u.name, 1)
    for n in lexicon.names():
        add(n, 2)
    for w in _word_list():
        add(w, 3)
    return index


def _word_list() -> list[str]:
    try:
        import importlib.util

        spec = importlib.util.find_spec("pyvi")
    except (ImportError, ValueError):
        return []
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(list(spec.submodule_search_locations)[0]) / "models" / "words.txt"
    try:
        return [w for w in path.read_text(encoding="utf-8").splitlines() if w and " " in w or len(w) > 1]
    except OSError:
        return []


def _case_like(src: str, word: str) -> str:
    core = re.sub(r"[^A-Za-zÀ-ỹĐđ]", "", src)
    if core.isupper() and (len(core) > 1 or src != core):
        return word.upper()
    if core[:1].isupper() or src[:1] in "})]":
        return word[:1].upper() + word[1:]
    return word[:1].lower() + word[1:]


def _hint(src: str, cand: str) -> int:
    """Agreement of visible marks: an OCR word that shows marks fits a marked word better."""
    score = 0
    if _marks(src) and _marks(cand):
        score += 1
    if "ii" in src.lower() and "ũ" in cand.lower():
        score += 2
    return score


def restore(text: str) -> str | None:
    """The text with every word restored, or None when some word cannot be read."""
    tokens = re.findall(r"[^\s,;.:()]+|[,;.:()]", text)
    words = [(i, t) for i, t in enumerate(tokens) if re.search(r"[A-Za-zÀ-ỹĐđ})\]]", t)
             and not re.search(r"\d.*[-/]|[-/].*\d", t)]
    out = list(tokens)
    index = _index()
    word_keys = [ocr_key(t) for _, t in words]  # each word read once, then looked up in groups
    pos = 0
    while pos < len(words):
        best = None
        for size in range(min(_MAX_WORDS, len(words) - pos), 0, -1):
            group = words[pos: pos + size]
            keys = word_keys[pos: pos + size]
            for first in _variants(keys[0]):
                cands = index.get(tuple([first] + keys[1:]))
                if cands and size == 1:
                    # A single syllable is ambiguous in general words; only standing vocabulary.
                    cands = [c for c in cands if c[0] <= 2]
                if cands:
                    src = " ".join(t for _, t in group)
                    rank, phrase = min(cands, key=lambda c: (c[0], -_hint(src, c[1])))
                    if size == 1:
                        rank, phrase = max(cands, key=lambda c: (_hint(src, c[1]), -c[0]))
                    best = (size, phrase)
                    break
            if best:
                break
        if not best:
            return None
        size, phrase = best
        pw = [w for w in phrase.replace(",", " ").split() if re.search(r"\w", w)]
        group = words[pos: pos + size]
        if len(pw) != len(group):
            return None
        for (i, src), w in zip(group, pw):
            out[i] = _case_like(src, w)
        pos += size
    text_out = ""
    for t in out:
        if t in ",;.:)":
            text_out = text_out.rstrip() + t + " "
        elif t == "(":
            text_out += t
        else:
            text_out += t + " "
    return clean(text_out.replace("( ", "("))


def restore_document(doc: dict, h, inferred: list[dict], notes: list[str], lines) -> None:
    def fix(path: str, value: str | None, setter, evidence: str | None = None, note: str = "Restored with diacritics."):
        if not value:
            return
        restored = restore(value)
        if restored and restored != value:
            setter(restored)
            inferred.append({"field": path, "evidence": clean(evidence or value), "note": note})

    issuer = doc.get("issuer") or {}
    if "place" in doc:
        fix("/place", doc["place"], lambda v: doc.__setitem__("place", v), h.date_raw and f"{doc['place']}, {h.date_raw}")
    fix("/issuer/name", issuer.get("name"), lambda v: issuer.__setitem__("name", v))
    fix("/issuer/superiorBody", issuer.get("superiorBody"), lambda v: issuer.__setitem__("superiorBody", v))
    fix("/issuer/actingBody", issuer.get("actingBody"), lambda v: issuer.__setitem__("actingBody", v))
    fix("/title", doc.get("title"), lambda v: doc.__setitem__("title", v))
    refs = ([("/parent", doc["parent"])] if "parent" in doc else []) + \
        [(f"/references/{i}", r) for i, r in enumerate(doc.get("references", []))]
    for ptr, r in refs:
        if r.pop("_number_restored", None):
            inferred.append({"field": f"{ptr}/number", "evidence": r.get("printed", ""),
                             "note": "\"D\" read as \"Đ\": the type code the citation's type name requires."})
        fix(f"{ptr}/issuer", r.get("issuer"), lambda v, r=r: r.__setitem__("issuer", v), r.get("printed"))
        fix(f"{ptr}/title", r.get("title"), lambda v, r=r: r.__setitem__("title", v))
    for i, a in enumerate(doc.get("abbreviations", [])):
        rebuilt = _rebuild_short(a["abbreviation"])
        if rebuilt and rebuilt != a["abbreviation"]:
            inferred.append({"field": f"/abbreviations/{i}/abbreviation", "evidence": a["printed"],
                             "note": "Read as type name, \"số\" and number."})
            a["abbreviation"] = rebuilt
    _reidentify(doc)

    def blocks(bs, ptr):
        for i, b in enumerate(bs):
            here = f"{ptr}/{i}"
            if "agencies" in b:
                restored = [restore(x) for x in b["agencies"]]
                if all(restored) and restored != b["agencies"]:
                    evidence = b["agencies"]
                    b["agencies"] = restored
                    inferred.append({"field": f"{here}/agencies", "evidence": clean("; ".join(evidence)),
                                     "note": "Agency names restored with diacritics from the OCR text."})
            rep = b.get("reporting")
            if rep and rep.get("to"):
                restored = [restore(x) for x in rep["to"]]
                if all(restored) and restored != rep["to"]:
                    inferred.append({"field": f"{here}/reporting/to", "evidence": rep["printed"],
                                     "note": "Report recipient restored with diacritics."})
                    rep["to"] = restored
            blocks(b.get("children", []), f"{here}/children")

    blocks(doc.get("body", []), "/body")
    sig = doc.get("signature")
    if sig:
        before = dict(sig)
        for a in sig.get("authority", []):
            r = restore(a["of"])
            if r:
                a["of"] = r
        if "position" in sig:
            r = restore(sig["position"])
            if r:
                sig["position"] = r
        if "name" in sig:
            r = restore(sig["name"])
            if r:
                sig["name"] = r
        for key in ("authority", "position", "name"):
            if key in sig and sig[key] != before.get(key) or (key == "authority" and "authority" in sig):
                inferred.append({"field": f"/signature/{key}", "evidence": str(before.get(key) if key != "authority"
                                 else " ".join(a["marker"] + " " + a["of"] for a in before["authority"])),
                                 "note": "Restored with diacritics."})
    recs = doc.get("recipients")
    if recs:
        evidence = " ".join("- " + r["text"] for r in recs)
        restored_all = True
        for r in recs:
            t = restore(r["text"])
            if t is None:
                restored_all = False
                continue
            r["text"] = t
            from .recipients import recipient

            new = recipient(r.get("label"), t)
            r.clear()
            r.update(new)
        inferred.append({"field": "/recipients", "evidence": clean(evidence),
                         "note": "Recipient lines restored with diacritics" +
                                 ("." if restored_all else "; lines that could not be read are kept as printed.")})
    notes.append("OCR text: body text, headings and printed phrases are kept as the OCR gives them; header, "
                 "reference, signature, recipient and agency facts are restored where every word can be read "
                 "(see inferred).")


def _rebuild_short(abbr: str) -> str | None:
    """A short name read from its parts: "Chi thj sé6 28- CT/TW" → "Chỉ thị số 28-CT/TW"."""
    from khth.schema.identifiers import citation_name, parse_number

    from .references import CITE_OCR_RE, _type_code, clean_number

    key = fold(abbr)
    m = CITE_OCR_RE.match(key)
    if not m or m.end() < len(key.rstrip()):
        return None
    number = clean_number(abbr[m.start("number"): m.end("number")])
    parts = parse_number(number)
    code = _type_code(m["type"], number)
    has_so = bool(re.match(r"\s+s", key[m.end("type"): m.start("number")] + " "))
    return f"{citation_name(code, parts.system if parts else None)}{' số' if has_so else ''} {number}"


def _reidentify(doc: dict) -> None:
    """Identifiers follow the restored facts; block citations and abbreviations follow them."""
    from khth.schema.identifiers import reference_identifier

    renamed: dict[str, str] = {}
    refs = ([doc["parent"]] if "parent" in doc else []) + doc.get("references", [])
    for r in refs:
        new = reference_identifier(r)
        if new != r["id"]:
            renamed[r["id"]] = new
            r["id"] = new
    if not renamed:
        return
    for a in doc.get("abbreviations", []):
        if a.get("refersTo") in renamed:
            a["refersTo"] = renamed[a["refersTo"]]

    def walk(bs):
        for b in bs:
            if "cites" in b:
                b["cites"] = [renamed.get(c, c) for c in b["cites"]]
            walk(b.get("children", []))

    walk(doc.get("body", []))


def skeleton(text: str) -> str:
    """Consonants only: what survives of a phrase when OCR garbles its vowels."""
    return " ".join(re.sub(r"[aeiouy]+", "", ocr_key(w)) for w in text.split() if ocr_key(w))
