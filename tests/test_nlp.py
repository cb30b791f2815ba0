"""jieba as review/nlp.py loads it: its own cache and part-of-speech table, read faster."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# A second process must read the cache the first one wrote, not build the dictionary again.
_TAG = """
import sys
import jieba
from review import nlp

if sys.argv[2] == "cached":
    def rebuilt(*args):
        raise AssertionError("the prefix dictionary was built again instead of read from the cache")

    jieba.Tokenizer.gen_pfdict = rebuilt
nlp.configure(__import__("pathlib").Path(sys.argv[1]))
posseg = nlp.posseg_module()
print(" ".join(f"{p.word}/{p.flag}" for p in posseg.cut("联系人王伟，家住青岛市，手机13812345678", HMM=True)))
print(len(jieba.dt.FREQ))
"""


def test_jieba_reads_its_cache_and_tags_as_it_would(tmp_path):
    runs = [
        subprocess.run(
            [sys.executable, "-c", _TAG, str(tmp_path), step],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        for step in ("first", "cached")
    ]
    assert all(r.returncode == 0 for r in runs), [r.stderr for r in runs]
    assert (tmp_path / "jieba.cache").exists()
    assert runs[0].stdout == runs[1].stdout
    assert "王伟/nr" in runs[1].stdout and "青岛市/ns" in runs[1].stdout


def test_the_part_of_speech_table_is_jiebas_own():
    from review import nlp

    posseg = nlp.posseg_module()
    made = dict(posseg.dt.word_tag_tab)
    posseg.dt.load_word_tag(posseg.dt.tokenizer.get_dict_file())
    assert made == posseg.dt.word_tag_tab and len(made) > 300_000


def test_a_dictionary_line_without_its_three_fields_is_refused_not_misread():
    """The table is read a piece at a time by field position: a short line would shift every
    later tag onto the wrong word, so it stops the reading instead."""
    import io

    import pytest

    from review import nlp

    assert nlp._word_tags(io.BytesIO("王伟 5 nr\n青岛市 9 ns".encode())) == {"王伟": "nr", "青岛市": "ns"}
    with pytest.raises(ValueError):
        nlp._word_tags(io.BytesIO("王伟 5\n青岛市 9 ns\n手机 3 n\n".encode()))
