"""`python main.py check` as a script would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from review.samples import clean_notice, demo_documents

ROOT = Path(__file__).resolve().parents[1]


def run(tmp_path: Path, *args: str):
    return subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(tmp_path / "data"), "check", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )


def test_exit_codes_follow_fail_on(tmp_path):
    clean = tmp_path / "clean.pdf"
    clean.write_bytes(clean_notice().data)
    assert run(tmp_path, str(clean)).returncode == 0
    assert run(tmp_path, str(clean), "--fail-on", "info").returncode == 1  # its 附注 is a hint


def test_folder_recursively_with_json_and_department_lexicon(tmp_path):
    folder = tmp_path / "drafts" / "sub"
    folder.mkdir(parents=True)
    for doc in demo_documents():
        (folder / doc.name).write_bytes(doc.data)
    (folder / "notes.xyz").write_text("ignored")
    lexicon = tmp_path / "dept.txt"
    lexicon.write_text("冬季供暖\n", encoding="utf-8")
    r = run(tmp_path, str(tmp_path / "drafts"), "--format", "json", "--lexicon", str(lexicon), "--jobs", "2")
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    assert len(data["files"]) == 5 and data["errors"] == []
    by_name = {Path(f["source_name"]).name: f for f in data["files"]}
    heating = by_name["供暖保障通知.pdf"]["findings"]
    assert any(
        f["term"] == "冬季供暖" and f["location"]["page"] == 0 and f["location"]["rects"] for f in heating
    )
    assert all(len(f["lexicon_version"]) == 16 for f in data["files"])


def test_errors_exit_2_and_name_the_file(tmp_path):
    empty = tmp_path / "空.pdf"
    empty.write_bytes(b"")
    r = run(tmp_path, str(empty))
    assert r.returncode == 2 and "“空.pdf”是空文件" in r.stderr
    r = run(tmp_path, str(tmp_path / "nothing-here"))
    assert r.returncode == 2


def test_text_report_names_places(tmp_path):
    doc = demo_documents()[1]
    path = tmp_path / doc.name
    path.write_bytes(doc.data)
    r = run(tmp_path, str(path))
    assert r.returncode == 1
    assert "[阻断] MARK-LEVEL" in r.stdout and "第1页" in r.stdout and "机密★10年" in r.stdout


def test_a_closed_pipe_ends_quietly_and_utf32_text_is_read(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    text = "关于供暖的通知\n本文件为内部资料。联系电话13912345678\n"
    (folder / "utf32.txt").write_bytes(text.encode("utf-32"))
    report = json.loads(run(tmp_path, str(folder / "utf32.txt"), "--format", "json").stdout)
    assert {"PII-MOBILE", "LEX"} <= {f["rule_id"] for f in report["files"][0]["findings"]}
    for n in range(120):  # more report than a pipe holds, so the writer meets the closed end
        (folder / f"{n:03}.txt").write_text(text * 3, encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "main.py",
            "--data-dir",
            str(tmp_path / "data"),
            "check",
            str(folder),
            "--format",
            "json",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert process.stdout is not None and process.stdout.read(10)  # like `| head -c 10`
    process.stdout.close()
    _, err = process.communicate(timeout=180)
    assert b"Traceback" not in err and b"BrokenPipe" not in err
