"""The corpus rules find faults seeded into the real implementation tree of the examples."""

from __future__ import annotations

import json
import re
import shutil

from click.testing import CliRunner

from khth.schema.identifiers import reference_identifier
from khth.cli.validate import main

from conftest import EXAMPLES


def _relink(doc: dict, ref: dict, **changes) -> None:
    """Change a reference's facts, re-derive its id, and follow the id in the record's citations."""
    old = ref["id"]
    ref.update(changes)
    ref["id"] = reference_identifier(ref)

    def walk(blocks):
        for b in blocks or []:
            if "cites" in b:
                b["cites"] = [ref["id"] if c == old else c for c in b["cites"]]
            walk(b.get("children"))
    walk(doc.get("body"))


def _edit(path, fn):
    data = json.loads(path.read_text(encoding="utf-8"))
    fn(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def test_seeded_faults_are_found(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus, ignore=shutil.ignore_patterns("*.xml", "sources"))
    # 1. missing parent: the Thái Nguyên provincial plan is not in the corpus
    (corpus / "cited" / "156-KH-TU.json").unlink()
    # 2. wrong parent date: 192-KH/TU cites 260-KH/TU with 05/3 instead of 04/3
    _edit(corpus / "192-KH-TU_thi-uy-duc-pho.json", lambda d: _relink(d, d["parent"], issueDate="2024-03-05"))
    # 3. child dated before its parent: the district dispatch 1761 dated before the plan it implements
    def early(d):
        d["issueDate"] = "2024-03-20"
        d["id"] = d["id"].replace("2024-03-28", "2024-03-20")
    _edit(corpus / "cited" / "1761-UBND-VP.json", early)
    # 4. cycle: the Politburo directive made to implement the provincial plan that implements it
    parent = json.loads((corpus / "cited" / "260-KH-TU.json").read_text(encoding="utf-8"))
    link = {k: v for k, v in parent.items() if k in ("id", "documentType", "number", "issueDate")}
    link["issuer"] = parent["issuer"]["name"]
    _edit(corpus / "cited" / "28-CT-TW.json", lambda d: d.update(parent=link))
    # 5. duplicate: a second, different record claiming 164-KH/HU's identifier
    _edit(shutil.copy(corpus / "164-KH-HU_huyen-uy-son-ha.json", corpus / "copy-of-164.json"),
          lambda d: d["body"].pop())

    result = CliRunner().invoke(main, ["--format", "json", "--today", "2026-11-22", str(corpus)])
    assert result.exit_code == 1
    found = {(f["file"].split("/")[-1], x["code"]) for f in json.loads(result.output)["files"] for x in f["findings"]}
    assert ("cong-van-cho-chu_145-KH-HU.bundle.json", "corpus.parent-unresolved") in found  # 145 → 156 gone
    assert ("192-KH-TU_thi-uy-duc-pho.json", "corpus.parent-date-mismatch") in found
    assert ("1761-UBND-VP.json", "corpus.child-before-parent") in found
    assert any(code == "corpus.cycle" for _, code in found)
    assert ("copy-of-164.json", "corpus.duplicate-id") in found
    assert ("164-KH-HU_huyen-uy-son-ha.json", "corpus.duplicate-id") in found

    tree = CliRunner().invoke(main, ["--tree", "-q", "--today", "2026-11-22", str(corpus)]).output
    assert "not found / không tìm thấy" in tree and "dated before its parent" in tree
    english = CliRunner().invoke(main, ["--tree", "-q", "--lang", "en", "--today", "2026-11-22", str(corpus)]).output
    marks = re.findall(r"\[[!?] [^\]]*\]|\[cycle[^\]]*\]", english)
    assert marks and not any("không" in m or "vòng" in m for m in marks)
    assert "not found]" in english and "dated before its parent]" in english
