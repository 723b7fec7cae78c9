"""OCR layers: detection, and restoring the facts a careful reader establishes (SPEC §12).

Body text stays as the OCR gives it. Header facts, agencies, references, the signature and the
recipients are restored word by word against a vocabulary (:mod:`.lexicon`, the administrative
code list, a general word list), reading each OCR word through the confusions
an OCR engine makes with Vietnamese print: a lost stroke of Đ read as "P", "B", "})"; "ư" read
as "w"; "ũ" read as "ii"; "ô"/"ơ" read as "6" or "0"; "ă"/"à" read as "4"; "l" read as "1". A
fact is restored only when every word of it is read; otherwise the OCR text stays, and nothing
is listed. Each restored fact is listed in ``provenance.inferred`` with the OCR text as evidence.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from khth.schema import units as code_lists
from khth.schema.codelists import AdminUnitScheme

from . import lexicon
from .common import clean, fold, fold_text, per_conversion
from .references import _distance

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


@per_conversion(8192)
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
    if len(key) > 1 and key[0] in "pb" and key[1] in "aeiouy":
        return [key, "d" + key[1:]]  # the stroke of Đ read as P or B ("Pang", "Bang uy")
    return [key]


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
    for scheme in AdminUnitScheme:
        for u in code_lists.units(scheme) or ():
            add(u.short, 1)
            add(u.name, 1)
    for n in lexicon.names():
        add(n, 2)
    for w in lexicon.words():
        add(" ".join(_modern_tone(x) for x in w.split()), 3)
    return index


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _modern_tone(syllable: str) -> str:
    """The tone mark where administrative print puts it (Nghị định 30/2020/NĐ-CP writes "Ủy ban",
    "Hòa"): in a syllable that ends in "oa", "oe" or "uy" (not "quy"), on the first of the two
    vowels. The word list writes the older "uỷ", "hoà"."""
    d = unicodedata.normalize("NFD", syllable)
    tone = next((c for c in d if c in _TONES), None)
    base = "".join(c for c in d if c not in _TONES)
    low = base.lower()
    if tone is None or len(base) < 2 or not low.endswith(("oa", "oe", "uy")) or low.endswith("quy"):
        return syllable
    if d.index(tone) != len(d) - 1:
        return syllable  # the mark stands on the first vowel already
    return unicodedata.normalize("NFC", base[:-1] + tone + base[-1])


def _case_like(src: str, word: str) -> str:
    core = re.sub(r"[^A-Za-zÀ-ỹĐđ]", "", src)
    # "U}" is "ỦY" in capitals; "T6" is "Tổ": a digit stands for a small marked vowel.
    if core.isupper() and (len(core) > 1 or (src != core and not any(c.isdigit() for c in src))):
        return word.upper()
    if core[:1].isupper() or src[:1] in "})]":
        return word[:1].upper() + word[1:]
    return word[:1].lower() + word[1:]


def _hint(src: str, cand: str) -> int:
    """Agreement of visible marks: an OCR word that shows marks fits a marked word better."""
    score = 0
    if _marks(src) and src.casefold() == cand.casefold():
        score += 4  # printed with these very marks: a word read again keeps them
    if _marks(src) and _marks(cand):
        score += 1
    if "ii" in src.lower() and "ũ" in cand.lower():
        score += 2
    return score


@per_conversion(2048)  # a document prints the same agencies and phrases again and again
def restore(text: str) -> str | None:
    """The text with every word restored, or None when some word cannot be read.

    Words are read as ``_reading`` reads them and looked up, alone or in phrases, in the vocabulary;
    the confusions of OCR are tolerated where the reading stays beyond doubt (``_read_tolerantly``).
    """
    read = _read_tolerantly(text)
    if read is None:
        return None
    tokens, out = read
    _number_word(tokens, out)
    return _assemble(out)


# --- reading OCR words --------------------------------------------------------------------
#
# OCR engines print a marked vowel as another vowel ("ting" for "tăng", "Céc" for "Các"), as a
# letter or sign that is no vowel ("thudc" for "thuộc", "x&" for "xã", "T6" for "Tổ"), or add
# its mark as a character ("a4n" for "án"); they keep the consonants. A reading that tolerates
# this is accepted only where it is beyond doubt: a word of standing vocabulary (or a word of a
# phrase) whose consonants all stand where the OCR word has them, one vowel read otherwise per
# word, at least one word of a phrase read exactly, and a single candidate.

_STANDINS = frozenset("aeiouyd?")  # what may stand in a vowel's place
_TOKEN = re.compile(r"(?:[})\]]+\)?(?=[A-Za-z]))?[^\s,;.:()]+|[,;.:()]")
_LETTER_IN = re.compile(r"[A-Za-zÀ-ỹĐđ]")
_NUMBER_LIKE = re.compile(r"\d.*[-/]|[-/].*\d")


@per_conversion(4096)
def _reading(word: str) -> str:
    """The letters an OCR word stands for, one character for one character where it can: the
    confusions of ``ocr_key``, and those that are never Vietnamese spelling ("ir" for "ư", "j"
    for "ị", a digit after a vowel for its mark); any other sign is kept as "?"."""
    w = re.sub(r"^[})\]]+\)?(?=[a-zA-Z])", "d", word)
    w = re.sub(r"(?<=[uU])\}$", "y", w)
    w = fold(w).replace("¢", "e").replace("ii", "u").replace("w", "u").replace("ir", "u").replace("j", "i")
    if re.search(r"[a-z]", w):
        w = re.sub(r"(?<=[aeiouy])[0346]", "", w)
        w = w.translate(str.maketrans({"6": "o", "0": "o", "4": "a", "1": "l", "3": "a"}))
    w = re.sub(r"(?<=[b-df-hj-np-tv-xz])y(?=[b-df-hj-np-tv-xz])", "u", w)
    return re.sub(r"[^a-z?]", "?", w.replace("-", ""))


def _shape(key: str) -> str:
    """Consonants kept, each vowel "_": what an OCR reading of the word keeps."""
    return "".join("_" if c in "aeiouy" else c for c in key)


def _shapes(reading: str) -> list[str]:
    """The shapes an OCR reading may have: "d" and "?" may stand in a vowel's place."""
    out = [""]
    for c in reading:
        if c in "aeiouy":
            out = [o + "_" for o in out]
        elif c in "d?":
            out = [o + x for o in out for x in ("_", c)] if len(out) < 16 else [o + "_" for o in out]
        else:
            out = [o + c for o in out]
    return [o for o in out if "?" not in o]


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict, dict, dict]:
    """Readings of the vocabulary: by the words' letters; by their shapes; and the standing
    phrases of several words by all their words but one (for one edit in that word)."""
    exact: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for key, cands in _index().items():
        letters = tuple(re.sub(r"[^a-z]", "", k) for k in key)
        if all(letters):
            exact.setdefault(letters, []).extend(cands)
    by_shape: dict[tuple[str, ...], list[tuple[tuple[str, ...], list[tuple[int, str]]]]] = {}
    standing: dict[tuple, list[tuple[str, list[tuple[int, str]]]]] = {}
    for letters, cands in exact.items():
        by_shape.setdefault(tuple(_shape(k) for k in letters), []).append((letters, cands))
        if len(letters) >= 2 and any(r == 0 for r, _ in cands):
            kept = [c for c in cands if c[0] == 0]
            for p in range(len(letters)):
                standing.setdefault((p, letters[:p] + letters[p + 1:]), []).append((letters[p], kept))
    return exact, by_shape, standing


def _vowel_misreads(reading: str, key: str) -> int | None:
    """How many vowels ``reading`` prints otherwise than ``key`` (None: not that word)."""
    if len(reading) != len(key):
        return None
    n = 0
    for a, b in zip(reading, key):
        if a == b:
            continue
        if b in "aeiouy" and a in _STANDINS:
            n += 1
        else:
            return None
    return n


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _candidates(readings: list[str], shapes: list[list[str]], tolerant: bool = True,
                no_exact: bool = False) -> tuple[int, list[tuple[int, str]]] | None:
    """The readings of a group of words as vocabulary: (misreads, candidates) of the fewest
    (``no_exact``: the exact lookup was made and found nothing)."""
    exact, by_shape, standing = _vocabulary()
    size = len(readings)
    if not no_exact and not any("?" in r for r in readings):
        # "P"/"B" for the stroke of Đ, in a word that is none as printed ("Pang"; not "Ban").
        firsts = _variants(readings[0]) if (readings[0],) not in exact else [readings[0]]
        for first in firsts:
            cands = exact.get(tuple([first] + readings[1:]))
            if cands and size == 1:
                # A single syllable is ambiguous in general words; only standing vocabulary.
                cands = [c for c in cands if c[0] <= 2]
            if cands:
                return 0, cands
    if not tolerant:
        return None
    best: tuple[int, list[tuple[int, str]]] | None = None

    def offer(cost: int, cands: list[tuple[int, str]]) -> None:
        nonlocal best
        if best is None or cost < best[0]:
            best = (cost, list(cands))
        elif cost == best[0]:
            best[1].extend(cands)

    from itertools import product

    for combo in product(*shapes):
        for letters, cands in by_shape.get(combo, ()):
            costs = [_vowel_misreads(r, k) for r, k in zip(readings, letters)]
            if any(c is None or c > 1 for c in costs) or not any(costs):
                continue
            if size == 1:
                if (readings[0],) in exact or set(readings[0]) - set(letters[0]) - set("d?"):
                    # A word alone is read otherwise only where a sign that is no vowel stands for
                    # one ("x&"): a vowel printed for another ("nim") may be a word of its own.
                    continue
                cands = [c for c in cands if c[0] == 0]
            elif costs.count(0) == 0:
                continue  # some word of a phrase must be read as printed
            else:
                # Beyond standing vocabulary, a vowel printed as another vowel is read otherwise
                # only in a word that is no word as printed ("ting"), not in one that is ("ty").
                plain = all(c == 0 or (r,) not in exact or not (set(r) - set(k)) <= set("aeiouy")
                            for r, k, c in zip(readings, letters, costs))
                # Names of places and persons are read as printed only: one vowel otherwise makes
                # another name ("THUONG MU" is no "Thượng Mỗ").
                cands = [c for c in cands if c[0] == 0 or (plain and c[0] == 3)]
            if cands:
                offer(sum(costs), cands)
    if size >= 2:
        # One word printed with a letter more, less or other than its vowel ("Tinh ty", "gip
        # viéc"): standing phrases only, the other words read exactly.
        for p in range(size):
            others = tuple(readings[:p] + readings[p + 1:])
            if any("?" in r for r in others):
                continue
            for word, cands in standing.get((p, others), ()):
                if _one_edit(readings[p], word):
                    offer(2, cands)
    return best


def _read_tolerantly(text: str) -> tuple[list[str], list[str]] | None:
    """The tokens of ``text`` read with the tolerance above, the fewest misreads first, then the
    fewest pieces; None when some word cannot be read."""
    tokens = _TOKEN.findall(text)
    words = [(i, t) for i, t in enumerate(tokens) if _LETTER_IN.search(t) and not _NUMBER_LIKE.search(t)
             and not _in_number_slot(tokens, i)]
    if not words:
        return None
    readings = [_reading(t) for _, t in words]
    # Words read exactly, if they can be, before any tolerance: a reading without misreads is the
    # best reading anyway, and looking it up costs a fraction of the tolerant search.
    looked_up: dict[tuple[int, int], tuple | None] = {}
    pieces = _best_reading(words, readings, None, looked_up) or \
        _best_reading(words, readings, [_shapes(r) for r in readings], looked_up)
    if pieces is None:
        return None
    out = list(tokens)
    pos = 0
    for size, phrase in pieces:
        pw = [w for w in phrase.replace(",", " ").split() if re.search(r"\w", w)]
        group = words[pos: pos + size]
        if len(pw) != len(group):
            return None
        for (i, src), w in zip(group, pw):
            out[i] = _case_like(src, w)
        pos += size
    return tokens, out


def _best_reading(words, readings: list[str], shapes: list[list[str]] | None,
                  looked_up: dict[tuple[int, int], tuple | None]) -> list | None:
    """The pieces (size, phrase) of the best reading; exact lookups only when ``shapes`` is None.
    ``looked_up`` keeps what the exact pass found for each group, for the tolerant pass."""
    n = len(words)
    # Best reading of words[i:]: the fewest misreads, then the fewest pieces (the longest phrases),
    # then the standing vocabulary before general words; its first piece as (size, phrase), the
    # rest found from best[i + size] (a copy of the whole reading per word would be quadratic).
    best: list[tuple[int, int, int, tuple[int, str] | None] | None] = [None] * (n + 1)
    best[n] = (0, 0, 0, None)
    for i in range(n - 1, -1, -1):
        for size in range(min(_MAX_WORDS, n - i), 0, -1):
            rest = best[i + size]
            if rest is None:
                continue
            if shapes is None:
                found = looked_up[i, size] = _candidates(readings[i: i + size], [], False)
            elif looked_up.get((i, size)) is not None:
                found = looked_up[i, size]  # read exactly: the tolerant pass would find the same
            else:
                found = _candidates(readings[i: i + size], shapes[i: i + size], True, (i, size) in looked_up)
            if not found:
                continue
            cost, cands = found
            src = " ".join(t for _, t in words[i: i + size])
            if size > 1 and _names_inside(words[i: i + size]):
                # General words are printed in small letters: a capital inside the group marks a
                # name ("các Ban"), which no phrase of the general word list spans.
                cands = [c for c in cands if c[0] < 3]
                if not cands:
                    continue
            if cost == 0:
                # A single word: the marks printed first; a phrase: standing vocabulary first.
                orders = [((-_hint(src, c[1]), c[0]) if size == 1 else (c[0], -_hint(src, c[1])), c) for c in cands]
                top = min(o for o, _ in orders)
                chosen = [c for o, c in orders if o == top]
                if len({p.lower() for _, p in chosen}) != 1:
                    continue  # words of the same letters that differ in marks ("Nam Đàn", "Nấm Dẩn")
                rank, phrase = chosen[0]
            else:
                top = min(c[0] for c in cands)
                phrases = {p.lower() for r, p in cands if r == top}
                if len(phrases) != 1:
                    continue  # two readings fit as well: not beyond doubt
                rank, phrase = next((r, p) for r, p in cands if r == top)
            score = (rest[0] + cost, rest[1] + 1, rest[2] + rank, (size, phrase))
            if best[i] is None or score[:3] < best[i][:3]:
                best[i] = score
    if best[0] is None:
        return None
    pieces, i = [], 0
    while i < n:
        size, phrase = best[i][3]
        pieces.append((size, phrase))
        i += size
    return pieces


def _names_inside(group) -> bool:
    """A word after the first that opens with a capital, in a group not printed in capitals."""
    letters = [re.sub(r"[^A-Za-zÀ-ỹĐđ]", "", t) for _, t in group]
    if all(w.isupper() for w in letters if w):
        return False
    return any(w[:1].isupper() for w in letters[1:])


_TYPE_WORDS = ("hoạch", "thị", "quyết", "dẫn", "định", "luận", "trình", "án", "báo", "văn", "điện", "tư", "tri",
               "chế", "bản", "cáo")
_NUMBER_TOKEN = re.compile(r"^\d{1,6}\s*[-/]")


# "số" as OCR prints it: "s6", "sé", "so6", "s0", or its "s" lost ("6").
_SO_PRINTED = re.compile(r"^(?:s[^\W_]{0,3}|[06])$", re.IGNORECASE)


_TYPE_KEYS = frozenset(fold(w) for w in _TYPE_WORDS)


def _in_number_slot(tokens: list[str], i: int) -> bool:
    """Token ``i`` stands where a citation has "số": after a type name, before a number."""
    return (0 < i < len(tokens) - 1 and bool(_SO_PRINTED.match(tokens[i])) and bool(_NUMBER_TOKEN.match(tokens[i + 1]))
            and ocr_key(tokens[i - 1]) in _TYPE_KEYS)


def _number_word(tokens: list[str], out: list[str]) -> None:
    """Between a document's type name and its number the citation grammar has only "số": a short
    token there that reads as it ("s6", "sé", "6") is that word, whatever else it could be."""
    for i in range(1, len(out) - 1):
        if _in_number_slot(tokens, i):
            out[i] = "số"


def _assemble(out: list[str]) -> str:
    parts: list[str] = []  # tokens and the blanks between them; a list keeps a long paragraph linear
    for t in out:
        if t in ",;.:)":
            if parts and parts[-1] == " ":
                parts.pop()
            parts += (t, " ")
        elif t == "(":
            parts.append(t)
        else:
            parts += (t, " ")
    return clean("".join(parts).replace("( ", "("))


def restore_document(doc: dict, h, inferred: list[dict], notes: list[str], lines,
                     printings: list[str] = ()) -> None:
    """Restore the facts of an OCR document; ``printings`` are the OCR texts of the document's
    citations and title, the other printings a subject line may be read with."""
    def fix(path: str, value: str | None, setter, evidence: str | None = None, note: str = "Restored with diacritics.",
            collate: bool = False):
        if not value:
            return
        restored = restore(value)
        if restored is None and collate:
            read = _read_with_printings(value, printings)
            if read:
                restored, witness = read
                note = ("Restored with diacritics; the words the OCR garbled here are read from another printing "
                        f"of the same words: \"{clean(witness)}\".")
        if restored and restored != value:
            setter(restored)
            inferred.append({"field": path, "evidence": clean(evidence or value), "note": note})

    issuer = doc.get("issuer") or {}
    if "place" in doc:
        fix("/place", doc["place"], lambda v: doc.__setitem__("place", v), h.date_raw and f"{doc['place']}, {h.date_raw}")
    fix("/issuer/name", issuer.get("name"), lambda v: issuer.__setitem__("name", v))
    fix("/issuer/superiorBody", issuer.get("superiorBody"), lambda v: issuer.__setitem__("superiorBody", v))
    fix("/issuer/actingBody", issuer.get("actingBody"), lambda v: issuer.__setitem__("actingBody", v))
    fix("/title", doc.get("title"), lambda v: doc.__setitem__("title", v), collate=True)
    refs = ([("/parent", doc["parent"])] if "parent" in doc else []) + \
        [(f"/references/{i}", r) for i, r in enumerate(doc.get("references", []))]
    for ptr, r in refs:
        if r.pop("_number_restored", None):
            inferred.append({"field": f"{ptr}/number", "evidence": r.get("printed", ""),
                             "note": "\"D\" read as \"Đ\": the type code the citation's type name requires."})
        fix(f"{ptr}/issuer", r.get("issuer"), lambda v, r=r: r.__setitem__("issuer", v), r.get("printed"))
        fix(f"{ptr}/title", r.get("title"), lambda v, r=r: r.__setitem__("title", v), collate=True)
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
            for field in ("agencies", "partners"):
                if field not in b:
                    continue
                # Each agency is a fact of its own: restored when all its words are read.
                restored = [restore(x) for x in b[field]]
                read = [r or x for r, x in zip(restored, b[field])]
                if read != b[field]:
                    evidence = b[field]
                    b[field] = read
                    inferred.append({"field": f"{here}/{field}", "evidence": clean("; ".join(evidence)),
                                     "note": "Agency names restored with diacritics from the OCR text" +
                                             ("." if all(restored) else "; names that could not be read are kept "
                                                                        "as printed.")})
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
        printed = {"authority": " ".join(f"{a['marker']} {a['of']}" for a in sig.get("authority", [])),
                   "position": sig.get("position"), "name": sig.get("name")}
        how: dict[str, str] = {}

        def read(key: str, value: str, closed) -> str:
            r = restore(value)
            if r is None and closed:
                r = closed(value)
                if r:
                    how[key] = ("Read from the closed list of what a signing block prints (posts and signing "
                                "bodies); the seal and signature marks over the letters leave it no other reading."
                                if closed is _signing_words else
                                "Restored with diacritics; the first syllable read as a family name.")
            return r or value

        for a in sig.get("authority", []):
            a["of"] = read("authority", a["of"], _signing_words)
        if "position" in sig:
            sig["position"] = read("position", sig["position"], _signing_words)
        if "name" in sig:
            sig["name"] = read("name", sig["name"], _read_name)
        now = {"authority": " ".join(f"{a['marker']} {a['of']}" for a in sig.get("authority", [])),
               "position": sig.get("position"), "name": sig.get("name")}
        for key in ("authority", "position", "name"):
            if key in sig and (now[key] != printed[key] or key == "authority"):
                inferred.append({"field": f"/signature/{key}", "evidence": str(printed[key]),
                                 "note": how.get(key, "Restored with diacritics.")})
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


def _read_with_printings(text: str, printings) -> tuple[str, str] | None:
    """``text`` read with the help of another printing of the same words.

    A subject line is printed again where the document is cited (in the title, the opening
    paragraph, another plan's subject): the OCR garbles each printing in other places. The two
    printings are aligned word by word (by their readings); where they differ between words they
    share, a word of ``text`` that cannot be read is taken from the other printing, and the result
    must then be read in full. Only printings that share most of their words are used.
    """
    import difflib

    mine = _TOKEN.findall(text)
    own = [_norm(t) for t in mine]
    own_set = set(own)
    tried = {text}
    for other in printings:
        if not other or other in tried:
            continue
        tried.add(other)
        theirs = _TOKEN.findall(other)
        their = [_norm(t) for t in theirs]
        if len(own_set.intersection(their)) < 6:
            continue  # too few words in common to be the same words
        sm = difflib.SequenceMatcher(None, own, their, autojunk=False)
        ops = sm.get_opcodes()
        shared = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
        if shared < 0.6 * len(own) or shared < 6:
            continue
        repaired = list(mine)
        changed = False
        for k, (tag, i1, i2, j1, j2) in enumerate(ops):
            if tag != "replace":
                continue
            before = ops[k - 1] if k > 0 else None
            after = ops[k + 1] if k + 1 < len(ops) else None
            # The differing words must lie between shared words (or at the end of both).
            if before is None or before[0] != "equal" or (after is not None and after[0] != "equal"):
                continue
            if after is None and j2 != len(theirs):
                continue
            if any(re.search(r"\d", t) for t in mine[i1:i2] + theirs[j1:j2]):
                continue  # numbers and dates are facts of each printing: never taken from another
            garbled = [_unreadable(t) for t in mine[i1:i2]]
            if not any(garbled):
                continue
            if i2 - i1 == j2 - j1:
                for off, bad in enumerate(garbled):
                    if bad:
                        repaired[i1 + off] = theirs[j1 + off]
            else:
                repaired[i1:i2] = [None] * (i2 - i1)
                repaired[i1] = " ".join(theirs[j1:j2])
            changed = True
        if not changed:
            continue
        read = restore(_assemble([t for t in repaired if t is not None]))
        if read:
            return read, other
    return None


def _norm(token: str) -> str:
    return _reading(token) if _LETTER_IN.search(token) and not _NUMBER_LIKE.search(token) else token


def _unreadable(token: str) -> bool:
    """A word whose reading is no word of the vocabulary (or holds a sign that is no letter)."""
    if not _LETTER_IN.search(token) or _NUMBER_LIKE.search(token):
        return False
    reading = _reading(token)
    return "?" in reading or (reading,) not in _vocabulary()[0]


def _read_name(printed: str) -> str | None:
    """A personal name whose first syllable reads as two syllables ("})inh": Đinh or Đình): a
    Vietnamese name opens with the family name, so the first syllable is read among family names."""
    tokens = _TOKEN.findall(printed)
    if len(tokens) < 2 or not all(_LETTER_IN.search(t) for t in tokens):
        return None
    family = [n for n in lexicon.family_names() if fold(n) == _reading(tokens[0])]
    rest = restore(" ".join(tokens[1:]))
    if len(family) != 1 or rest is None:
        return None
    return f"{family[0]} {rest}"


# What the signing block prints under a marker (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW):
# the collective body a marker signs for, or a post.
_SIGNING_BODIES = ("BAN THƯỜNG VỤ", "BAN CHẤP HÀNH", "BAN BÍ THƯ", "ĐẢNG ỦY", "CHI ỦY", "CHI BỘ", "ĐẢNG ĐOÀN",
                   "BAN CÁN SỰ ĐẢNG", "ỦY BAN KIỂM TRA", "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN",
                   "THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", "BAN THƯỜNG TRỰC", "CHÍNH PHỦ")


def _signing_words(printed: str) -> str | None:
    """A post or signing body read from a closed list when its words cannot be read one by one
    (seal and signature marks over the letters: "PHO B]T“THUY"): the one entry whose letters
    are within a quarter of their number of edits of the printed letters, and nearer by two edits
    than any other entry."""
    from .signature import POSTS

    letters = re.sub(r"[^a-z]", "", fold(printed))
    if len(letters) < 3:
        return None
    scored = sorted((_distance(letters, re.sub(r"[^a-z]", "", fold(e))), e) for e in POSTS + _SIGNING_BODIES)
    (best, entry), (second, _) = scored[0], scored[1]
    limit = max(1, len(re.sub(r"[^a-z]", "", fold(entry))) // 4)
    if best <= limit and second >= best + 2:
        return entry
    return None


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
