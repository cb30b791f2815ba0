from __future__ import annotations

import time

import pytest

from review.lexicon import LexiconError, load, load_compiled, load_default, parse_csv, parse_text
from review.model import Severity
from review.normalize import normalize


def test_csv_with_blank_lines_duplicates_bad_rows_and_other_scripts(tmp_path):
    path = tmp_path / "部门词库.csv"
    path.write_text(
        "词条,类别,级别,说明,整词\n"
        "\n"
        "项目代号甲,项目,阻断,尚未公布,否\n"
        "TOP SECRET,外文,警告,,否\n"
        "機密檔案,繁体,警告,,否\n"
        "项目代号甲,项目,提示,重复,否\n"
        "缺列\n"
        "坏级别,x,非常严重,,否\n"
        "坏整词,x,警告,,也许\n"
        "   ,x,警告,,否\n"
        "秘密花园,,允许,,\n",
        encoding="utf-8",
    )
    lexicon = load(path)
    assert [t.term for t in lexicon.terms] == ["项目代号甲", "TOP SECRET", "機密檔案"]
    assert lexicon.terms[0].severity is Severity.BLOCKING
    assert lexicon.allowed == ["秘密花园"]
    assert [i.line for i in lexicon.issues] == [6, 7, 8, 9, 10]
    assert [i.message.split("“")[0].split("，")[0] for i in lexicon.issues] == [
        "与第 3 行重复",
        "至少需要",
        "未知级别",
        "",
        "词条为空或只有空白",
    ]


def test_plain_text_one_term_a_line(tmp_path):
    path = tmp_path / "terms.txt"
    path.write_text("# 注释\n甲项目\n\n乙项目\n甲项目\n", encoding="utf-8")
    lexicon = load(path)
    assert [t.term for t in lexicon.terms] == ["甲项目", "乙项目"]
    assert lexicon.issues[0].line == 5


def test_non_utf8_file_is_refused_with_its_name(tmp_path):
    path = tmp_path / "旧词库.csv"
    path.write_bytes("词条,类别,级别\n机密,a,阻断\n".encode("gbk"))
    with pytest.raises(LexiconError, match=r"旧词库\.csv"):
        load(path)


def test_terms_in_other_scripts_match_their_normal_forms(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("词条,类别,级别\nTOP SECRET,外文,警告\n機密檔案,繁体,警告\n", encoding="utf-8")
    compiled, _ = load_compiled([path], None)
    hits, _ = compiled.find(normalize("这是 top secret 与机密档案").text)
    assert sorted(h.term.term for h in hits) == ["TOP SECRET", "機密檔案"]


def test_export_round_trips_through_csv_and_text():
    lexicon = load_default()
    again = parse_csv(lexicon.to_csv())
    assert again.version == lexicon.version and again.issues == []
    assert [t.term for t in parse_text(lexicon.to_text()).terms] == [t.term for t in lexicon.terms]


def test_version_changes_with_content():
    a = parse_text("甲\n乙\n")
    b = parse_text("乙\n甲\n")
    c = parse_text("甲\n丙\n")
    assert a.version == b.version != c.version


def test_compiled_cache_is_used_and_follows_file_changes(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("\n".join(f"词条{i:05d}" for i in range(20_000)), encoding="utf-8")
    cache = tmp_path / "cache"
    first, _ = load_compiled([path], cache)
    assert len(list(cache.glob("lexicon-*.pickle"))) == 1
    started = time.perf_counter()
    again, _ = load_compiled([path], cache)
    assert again.version == first.version and again.size == 20_000
    assert time.perf_counter() - started < 5  # generous: a hang, not a benchmark
    path.write_text("另一个词\n", encoding="utf-8")
    changed, _ = load_compiled([path], cache)
    assert changed.size == 1 and len(list(cache.glob("lexicon-*.pickle"))) == 2
