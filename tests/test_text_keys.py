"""The fast forms of the reader's tests say what the plain forms say: folding through a list table,
OCR detection by byte counts, patterns rewritten to open with a literal, end tests read from the
last characters. Each is checked against the form it replaces, on every code point or on
generated text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from khth.converters.text import agencies, body, duties, layout, ocr, references, signature
from khth.converters.text.common import clean, fold_text, is_clean
from khth.schema.grammar.letters import FOLD_TABLE
from khth.schema.grammar import LABEL_AT_START
from khth.schema.identifiers import normalise_text

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊIOÔƠUƯÁÀẢÃẠẾỀỂỄỆốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ" \
           "  ,.;:-–/()“”\"…!?%0123456789_\t\u00a0\u0301\u200bØßΣ"
texts = st.text(alphabet=ALPHABET, max_size=120)


def test_fold_list_table_is_the_dict_table_on_every_code_point():
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert fold_text(chars) == chars.translate(FOLD_TABLE)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_ocr_word_counts_are_the_pattern_counts(text):
    counts = ocr._word_counts(text, fold_text(text))
    if counts is not None:
        words = re.findall(r"[^\W\d_]{2,}", text)
        assert counts == (len(words), len(words) - sum(map(str.isascii, words)))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_clean_fast_path(text):
    assert clean(text) == normalise_text(text)
    assert not is_clean(text) or normalise_text(text) == text  # a sufficient test, cheaper than the work


# The plain forms the fast patterns of the reader replace: each test below holds them equal.
_OLD_NUMBER = re.compile(r"(?<![\w/])" + references._NUM.replace("?P<number>", "?:") + r"(?![\w/])")
_OLD_TITLE_END = re.compile(r"\s+\(|\s*;|\.\s|\.$|\./\.|,\s+(?:de\s+nghi|cu\s+the)\b|\s+va\s+cac\s"
                            r"|\s+va\s+(?:ke\s+hoach|chi\s+thi)\s|:\s")
_OLD_CUT = re.compile(r";\s*|,\s+|\s+(?:va|cung)\s+")
_OLD_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])(?:\./\.)?\s+(?=[A-ZĐÀ-Ỹ“\"])|\./\.$")
_OLD_LAW = re.compile(references.LAW_RE.pattern.replace(
    r"(?P<kind>B(?<![\w]B)\w\s+lu\w{1,2}t|L(?<![\w]L)u\w{1,2}t)", r"(?<![\w])(?P<kind>B\w\s+lu\w{1,2}t|Lu\w{1,2}t)"))
_OLD_VERB = re.compile(r"(?<=[\w)]) (?:" + "|".join(agencies.VERBS) + r")(?=[\s,.;:]|$)")
_OLD_GROUPS = re.compile(r"\bcac (?:" + "|".join(agencies._GROUP_NOUNS) + r")\b")
_OLD_POST = frozenset(re.sub(r"\s+", " ", fold_text(p)).strip(" .") for p in signature.POSTS)
_SAMPLES = ["thuc hien chi thi so 28-ct/tw cua bo chinh tri", "ubnd cac xa, phuong thuc hien", "Luật Trẻ em 2016,",
            "Bộ luật hình sự năm 2015 và", "  bi thu . ", "ke hoach 12/kh-ubnd ngay 5/3/2024 va 3/2019/nd-cp",
            "cac co quan chu tri, phoi hop", "(sau day goi tat la Chi thi 28)", "tran day la ke hoach./."]


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, st.sampled_from(_SAMPLES), st.builds(lambda a, b: a + b, st.sampled_from(_SAMPLES), texts)))
def test_rewritten_patterns_match_what_they_replace(text):
    key = fold_text(text)
    spans = lambda rx, s: [(m.span(), m.group(0)) for m in rx.finditer(s)]  # noqa: E731
    assert spans(references.NUMBER_SCAN, key) == spans(_OLD_NUMBER, key)
    assert [(m.span(), m.groupdict()) for m in references.LAW_RE.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in _OLD_LAW.finditer(text)]
    assert spans(agencies._VERB_RE, key) == spans(_OLD_VERB, key)
    assert spans(agencies._GROUPS_RE, key) == spans(_OLD_GROUPS, key)
    assert signature.is_post(text) == (re.sub(r"\s+", " ", key).strip(" .") in _OLD_POST)
    assert layout.ends_sentence(text) == bool(layout._SENTENCE_END.search(text))
    assert layout.ends_word_hyphen(text) == bool(re.search(r"\w-$", text))
    assert body._terminal(text) == bool(body._TERMINAL.search(text))
    assert body._closing(key) == bool(body._CLOSING.search(key))
    for pos in range(0, len(key) + 1, 7):
        assert bool(references._TITLE_OPENERS_END.match(key, pos)) == \
            bool(references._TITLE_OPENERS.match(key[pos:] + " "))


_OLD_ROMAN_LABEL = re.compile(r"^[IVXLC]+[.\-–]$")
_OLD_DIGIT_START = re.compile(r"^\d")
_LABELS = ["I.", "IV-", "XII –", "1.", "1.2.", "12.3.4.", "a)", "đ)", "-", "–", "+", "•", "٣.", "II .", "C."]


@settings(max_examples=300, deadline=None)
@given(st.builds(lambda a, b: a + " " + b, st.sampled_from(_LABELS), texts))
def test_label_kinds_read_from_the_first_character(text):
    m = LABEL_AT_START.match(text)
    if not m:
        return
    label = m["label"].replace(" ", "")
    kind = "roman" if _OLD_ROMAN_LABEL.match(label) else "arabic" if _OLD_DIGIT_START.match(label) else None
    got = body.classify(text, False)[1]
    assert (got if got in ("roman", "arabic") else None) == kind


_ENDS = [" ve ", " v/v ", " thuc hien ", " theo", ", ", ";", ".", " (", " “", "\n", " va cac ", " va ke hoach ",
         ": ", "./.", ", de nghi ", " tai", "  da "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(texts.map(fold_text), st.sampled_from(_ENDS)), max_size=8).map("".join))
def test_end_scans_start_where_the_end_patterns_do(key):
    for pos in range(len(key) + 1):
        old = _OLD_TITLE_END.search(key, pos)
        new = references._TITLE_END_SCAN.search(key, pos)
        assert (new and new.start()) == (old and old.start())


_BREAKS = [". ", "./. ", "./.", "! ", "? ", "… ", ".\n", ". “", ".  A", "; ", ", ", " va ", "  cung ", ";", " (",
           " ve ket qua", "  truoc ngay", "\n", " \n", "Ă", "A"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(texts, st.sampled_from(_BREAKS)), max_size=8).map("".join))
def test_cut_and_sentence_scans_match_what_they_replace(text):
    from khth.converters.text import duties

    key = fold_text(text)
    spans = lambda rx, s: [m.span() for m in rx.finditer(s)]  # noqa: E731
    assert spans(agencies._CUT_SCAN, key) == spans(_OLD_CUT, key)
    assert spans(duties._SENTENCE_BREAK_SCAN, text) == spans(_OLD_SENTENCE_BREAK, text)


def test_digit_pattern_is_isdecimal_on_every_code_point():
    digit = re.compile(r"\d")
    assert all(bool(digit.match(c)) == c.isdecimal() for c in map(chr, range(0x110000)))


@settings(max_examples=300, deadline=None)
@given(st.builds(lambda a, b: a + b, st.sampled_from(["---", "- 3 -", "12", "__", "*.*", "=", "x", " .."]), texts)
       .map(str.strip).filter(bool))
def test_rule_and_page_number_gates(text):
    if layout._RULE.match(text):
        assert text[0] in layout._RULE_OPENERS
    if layout._PAGE_NUMBER.match(text):
        assert text[0] in "-–" or text[0].isdecimal()


@settings(max_examples=500, deadline=None)
@given(st.one_of(texts, st.text(alphabet="ab", max_size=90)), st.one_of(texts, st.text(alphabet="ab", max_size=90)))
def test_bit_parallel_distance_is_the_table(a, b):
    assert references._distance(a, b) == _distance_table(a, b)


def _distance_table(a: str, b: str) -> int:
    """Levenshtein distance, the table filled cell by cell: the definition ``_distance`` follows."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


_MOTTO_SAMPLES = ["cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "dang cong san viet nam",
                  "pang c0ng san vjet nam", "cong hoa xa hoi chu nghia vi3t nam", "doc lap – tu do – hanh phuc"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts.map(fold_text), st.sampled_from(_MOTTO_SAMPLES),
                 st.builds(lambda a, b: fold_text(a) + b, texts, st.sampled_from(_MOTTO_SAMPLES))))
def test_motto_gates_let_every_motto_through(key):
    from khth.converters.text import header

    rx = header._MOTTOS
    if rx["state"].search(key) or rx["party"].search(key):
        assert "nam" in key and "vi" in key
    if rx["state2"].search(key):
        assert "ph" in key and "do" in key
    assert body.section_role("") is None


_TREES = st.recursive(st.builds(lambda: {}), lambda kids: st.lists(kids, max_size=3).map(
    lambda cs: {"children": cs} if cs else {}), max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(st.lists(_TREES, max_size=4))
def test_block_walk_is_preorder(blocks):
    def preorder(bs):
        for b in bs:
            yield b
            yield from preorder(b.get("children", []))
    assert [id(b) for b in body._walk(blocks)] == [id(b) for b in preorder(blocks)]


_ROLE_TREES = st.recursive(st.builds(lambda r: {"role": r} if r else {}, st.sampled_from([None, "objectives", "task"])),
                           lambda kids: st.builds(lambda cs, r: {**({"children": cs} if cs else {}),
                                                                 **({"role": r} if r else {})},
                                                  st.lists(kids, max_size=3),
                                                  st.sampled_from([None, "objectives", "task"])),
                           max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ROLE_TREES, max_size=4), st.booleans())
def test_objectives_walk_is_the_recursive_generator(blocks, inside):
    def recursive(bs, inside):
        for b in bs:
            here = inside or b.get("role") == "objectives"
            yield b, here
            yield from recursive(b.get("children", []), here)
    assert [(id(b), here) for b, here in body._walk_objectives(blocks, inside)] == \
        [(id(b), here) for b, here in recursive(blocks, inside)]


_TIME_SAMPLES = ["trong quy ii/2025", "vao thang 12/2027", "tu thang 4/2025 den thang 6/2025", "tu nam 2024 den nam 2025",
                 "; thoi gian thuc hien: thuong xuyen.", ", thoi gian tu ngay 01/5/2024 den ngay 25/5/2024.",
                 "tien do: hang thang", "xtrong quy 1 2024", "vao ngay 3 nam 2024", "ltu thang 5 den 2026", "thoi han:"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(texts.map(fold_text), st.sampled_from(_TIME_SAMPLES)), max_size=6).map("".join))
def test_prose_timeframe_scans_match_what_they_replace(key):
    spans = lambda rx: [(m.span(), m.group(0)) for m in rx.finditer(key)]  # noqa: E731
    assert spans(duties._IN_DATE_SCAN) == spans(duties._IN_DATE)
    assert spans(duties._FROM_TO_SCAN) == spans(duties._FROM_TO)
    if duties._INLINE_CAPTION.search(key):  # the gate lets every inline caption through
        assert duties._CAPTION_NOUN.search(key)


_SPACES = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SPACES, max_size=12), st.booleans())
def test_blank_lines_take_no_step(raw, row):
    # prepare_lines counts a blank line as a gap at once: every step it skips would have left the
    # line empty, and a blank line is no table row (with tabs it ends one, without it leaves
    # ``row`` as it was).
    assert not layout.is_tab_row(raw, row)
    keep = row and "\t" not in raw  # the tabs are kept only on a table row
    assert layout._trim(layout._normalise(raw, keep), keep) == ""
    assert layout._trim(layout._normalise(raw, row), row) == ""


def test_blank_lines_keep_a_table_together():
    rows = ["STT\tNội dung\tCơ quan chủ trì", "", "1\tTuyên truyền\tSở Tư pháp", " \t ", "\t\tx"]
    lines = layout.prepare_lines(rows, False, [])
    assert [(ln.num, ln.text, ln.gap) for ln in lines] == [
        (1, "STT\tNội dung\tCơ quan chủ trì", 0), (3, "1\tTuyên truyền\tSở Tư pháp", 1), (5, "x", 1)]


_CAPTIONS = ["co quan chu tri:", "chu tri :", "don vi thuc hien:", "phoi hop thuc hien:", "thoi gian:",
             "thoi han hoan thanh :", "tien do thuc hien:", "tham muu:", "co quan chi dao, thuc hien:"]


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts.map(fold_text), st.builds(lambda a, b: a + b, st.sampled_from(_CAPTIONS), texts.map(fold_text)),
                 st.sampled_from(_CAPTIONS).map(lambda c: c.replace(":", ""))))
def test_caption_gate_lets_every_caption_through(key):
    # Every caption pattern ends with its colon: the colon test before the patterns drops none.
    ungated = next(((m.span(), role) for rx, role in body._LINE_ROLES if (m := rx.match(key))), None) \
        if key.startswith(body._CAPTION_STARTS) else None
    found = body.caption(key)
    assert (None if found is None else (found[0].span(), found[1])) == ungated
