"""A plan is matched to the unit it answers for as offices write names and codes, across the 2025 reform."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from click.testing import CliRunner

from conftest import EXAMPLES
from khth.cli.report import main
from khth.report.coverage import same_unit
from khth.report.names import normalise_name, place_of, system_of
from khth.schema.units import province_2025_of, units, units_under

HAS_2025 = units("gso-2025") is not None
needs_2025 = pytest.mark.skipif(not HAS_2025, reason="pip install 'khth[admin-2025]' (vietnamadminunits)")


@pytest.mark.parametrize("a, b", [
    ("UBND huyện Sơn Hà", "Ủy ban nhân dân huyện Sơn Hà"),
    ("ỦY BAN NHÂN DÂN HUYỆN SƠN HÀ", "Uỷ ban nhân dân huyện Sơn Hà"),
    ("Uỷ ban nhân dân TP. Quy Nhơn", "UBND thành phố Quy Nhơn"),
    ("HUYỆN UỶ ĐỊNH HOÁ", "Huyện ủy Định Hóa"),
    ("Thường trực HĐND tỉnh", "thường trực hội đồng nhân dân tỉnh"),
    ("Tỉnh  ủy\u00a0Quảng Ngãi,", "Tỉnh ủy Quảng Ngãi"),
    ("Ủy ban nhân dân TX. Đức Phổ", "UBND thị xã Đức Phổ"),
])
def test_names_offices_write_alike_compare_equal(a, b):
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize("a, b", [("Huyện ủy Sơn Hà", "Huyện ủy Sơn Tây"), ("quý", "qúy"), ("toàn", "toan")])
def test_names_that_differ_stay_apart(a, b):
    assert normalise_name(a) != normalise_name(b)


def test_the_place_and_the_system_a_name_gives():
    assert place_of("Ban Thường vụ Tỉnh ủy Thái Nguyên") == place_of("UBND tỉnh Thái Nguyên") == "thái nguyên"
    assert (system_of("Huyện ủy Sơn Hà"), system_of("UBND huyện Sơn Hà"), system_of("Công an tỉnh")) == \
        ("party", "state", None)


def test_the_roots_recipients_are_the_expected_responders_groups_of_units_expanded():
    result = CliRunner().invoke(main, ["coverage", "--root", "khth:KH:::Ủy_ban_nhân_dân_tỉnh", str(EXAMPLES),
                                       "--format", "json", "--today", "2026-01-01"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["responderSource"] == "recipients"
    districts = [r for r in data["responders"] if r["level"] == "district"]
    # "UBND các huyện, thị xã, thành phố" of Bình Định (code 52): its 11 districts, each once
    assert sorted(r["code"] for r in districts) == [u.code for u in units_under("52", "province", "2024-03-07")]
    assert len(districts) == 11
    named = {r["name"] for r in data["responders"] if not r["code"]}
    assert {"Công an tỉnh", "Ban Dân tộc tỉnh"} <= named
    # groups that name no kind of unit are listed, not counted and not guessed at
    assert "Các cơ quan, đơn vị liên quan" in data["notCounted"]
    assert "Chủ tịch, các PCT UBND tỉnh" in data["notCounted"]


def test_the_pre_2025_list_has_the_63_provinces_and_their_districts():
    old = units("gso-2004")
    assert sum(u.level == "province" for u in old) == 63
    assert [u.name for u in units_under("51", "province", "2024-03-04")][:2] == ["Thành phố Quảng Ngãi",
                                                                                "Huyện Bình Sơn"]
    assert units_under(None, "central", "2025-06-30") == [u for u in old if u.level == "province"]


@needs_2025
def test_from_july_2025_the_34_provinces_and_their_communes_are_expected():
    provinces = units_under(None, "central", "2025-07-01")
    assert len(provinces) == 34 and all(u.scheme == "gso-2025" for u in provinces)
    assert sum(u.level == "commune" for u in units("gso-2025")) == 3321
    communes = units_under("51", "province", "2025-08-01")
    assert communes and all(u.level == "commune" and u.parent == "51" for u in communes)


@needs_2025
def test_a_province_is_followed_through_the_merger():
    merged = province_2025_of()
    assert len(merged) == 63 and len(set(merged.values())) == 34
    # Kon Tum (62) was merged into Quảng Ngãi (51); Quảng Ngãi's old plans count for the new province
    assert merged["62"] == merged["51"] == "51"
    assert same_unit(("62", "gso-2004"), "51", "gso-2025", "province")
    assert same_unit(("51", "gso-2025"), "62", "gso-2004", "province")  # one of the provinces merged into it
    assert not same_unit(("52", "gso-2025"), "51", "gso-2004", "province")


@needs_2025
def test_a_directive_after_the_reform_expects_the_new_provinces(tmp_path: Path):
    from report_corpus import record

    root = record(9, "TW", "2025-08-01", "Ban Chấp hành Trung ương", "Bộ Chính trị", "central", None, None, "CT")
    plan = record(30, "TU", "2025-09-15", "TỈNH ỦY QUẢNG NGÃI", "Ban Thường vụ Tỉnh ủy", "province",
                  ("51", "Tỉnh Quảng Ngãi"), root)
    plan["issuer"]["adminUnit"]["scheme"] = "gso-2025"
    for name, doc in (("root.json", root), ("plan.json", plan)):
        (tmp_path / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["coverage", "--root", "9-CT/TW@2025-08-01", str(tmp_path), "--format",
                                       "json", "--depth", "1", "--today", "2025-10-01"])
    data = json.loads(result.output)
    assert [(c["level"], c["expected"], c["answered"]) for c in data["counts"]] == [("province", 34, 1)]
    assert [r["code"] for r in data["responders"] if r["plan"]] == ["51"]


_NAME_PARTS = st.sampled_from(["UBND", "Ủy ban nhân dân", "Uỷ ban", "huyện", "Huyện ủy", "TP.", "thành phố", "Sơn Hà",
                               "Định Hoá", "Hòa Bình", "quý", "xã", "HĐND", ",", "  ", "Thuỷ", "Khoẻ"])


@given(st.lists(_NAME_PARTS, min_size=1, max_size=6).map(" ".join))
def test_a_normalised_name_is_a_fixed_point_whatever_its_form(name):
    once = normalise_name(name)
    assert normalise_name(once) == once
    assert normalise_name(unicodedata.normalize("NFD", name)) == once
    assert normalise_name(name.upper()) == once


@needs_2025
def test_a_new_communes_plan_counts_for_the_district_it_was_formed_from(tmp_path: Path):
    from khth.schema.units import districts_of_2025_commune
    from report_corpus import ROOT_DATE, ROOT_NUMBER, record, root_record

    formed = districts_of_2025_commune()
    quang_ngai = {u.code for u in units_under("51", "province", ROOT_DATE)}
    within = next(c for c, olds in sorted(formed.items()) if olds == {"534"})  # from Đức Phổ alone
    across = next(c for c, olds in sorted(formed.items()) if len(olds) > 1 and olds <= quang_ngai)
    root = root_record()
    province = record(101, "TU", "2024-02-01", "TỈNH ỦY QUẢNG NGÃI", "Ban Thường vụ Tỉnh ủy", "province",
                      ("51", "Tỉnh Quảng Ngãi"), root)
    docs = {"root.json": root, "province.json": province}
    for serial, code in ((7, within), (8, across)):
        commune = record(serial, "ĐU", "2025-09-01", f"ĐẢNG ỦY XÃ {code}", "Ban Thường vụ Đảng ủy", "commune",
                         (code, f"Xã {code}"), province)
        commune["issuer"]["adminUnit"]["scheme"] = "gso-2025"
        docs[f"{code}.json"] = commune
    for name, doc in docs.items():
        (tmp_path / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["coverage", "--root", f"{ROOT_NUMBER}@{ROOT_DATE}", str(tmp_path),
                                       "--format", "json", "--today", "2025-10-01"])
    data = json.loads(result.output)
    districts = {r["code"]: r for r in data["responders"] if r["level"] == "district"}
    assert districts["534"]["status"] == "answered" and districts["534"]["plan"]["number"] == "7-KH/ĐU"
    [ambiguous] = data["ambiguous"]  # formed across a district line: reported, counted for neither
    assert ambiguous["plan"]["number"] == "8-KH/ĐU" and len(ambiguous["responders"]) == len(formed[across])
    assert [r["code"] for r in districts.values() if r["plan"]] == ["534"]
