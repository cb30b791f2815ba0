"""The review path on an air-gapped machine: no socket is opened, nothing is written outside the
desk's data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.demo import DEMO_CATEGORY

ROOT = Path(__file__).resolve().parents[1]

# Runs desk commands in one interpreter that refuses, through an audit hook, every attempt to
# create a network socket, resolve a name or connect anywhere.
GUARD = r"""
import json, socket, sys
BLOCKED = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto", "socket.bind"}
def guard(event, args):
    if event == "socket.__new__" and args[1] in (socket.AF_INET, socket.AF_INET6):
        raise SystemExit(f"NETWORK: socket {args[1:]}")
    if event in BLOCKED:
        raise SystemExit(f"NETWORK: {event} {args[1:]}")
sys.addaudithook(guard)
sys.path.insert(0, ".")
from app import cli
print("EXITS", json.dumps([cli.run(command) for command in json.loads(sys.argv[1])]), flush=True)
"""


def test_review_path_opens_no_socket_and_writes_only_its_data_directory(tmp_path, sample_files):
    data, home, tmp = tmp_path / "data", tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    base = ["--data-dir", str(data)]
    clean = str(sample_files["clean"])
    commands = [
        [*base, "demo"],
        [*base, "--user", "admin", "key", "generate"],
        [*base, "--user", "clerk", "import", clean, "--title", "关于做好冬季供暖保障工作的通知"],
        [*base, "--user", "clerk", "edit", "7", "--written-on", "2026-11-10", "--category", DEMO_CATEGORY],
        [*base, "--user", "clerk", "submit", "7"],
        [*base, "--user", "reviewer", "findings", "1"],
        [*base, "--user", "reviewer", "approve", "7", "--conclusion", "disclose", "--opinion", "同意"],
        [*base, "--user", "publisher", "publish", "7", "--summary", "供暖", "--target", "package"],
        [*base, "--user", "publisher", "package", "export", str(tmp_path / "out" / "package.zip")],
        [*base, "check", str(sample_files["pdf"]), "--format", "json"],
        [
            *base,
            "redact",
            str(sample_files["pdf"]),
            "--all-blocking",
            "-o",
            str(tmp_path / "out" / "redacted.pdf"),
        ],
    ]
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "TMPDIR": str(tmp),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "DESK_PASSWORD": "demo-2026",
        "DESK_KEY_PASSPHRASE": "secure-machine-passphrase",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    r = subprocess.run(
        [sys.executable, "-c", GUARD, json.dumps(commands)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )
    assert "NETWORK" not in r.stdout + r.stderr, r.stderr
    assert r.returncode == 0, r.stderr
    exits = json.loads(r.stdout.rsplit("EXITS ", 1)[1])
    assert exits == [0] * (len(commands) - 2) + [1, 0], r.stdout  # check reports its blocking findings with 1
    assert (tmp_path / "out" / "package.zip").exists()
    assert (data / "cache" / "jieba.cache").exists()  # jieba's cache stays in the data directory
    assert list(home.rglob("*")) == [] and list(tmp.rglob("*")) == []


def test_the_guard_does_catch_a_socket(tmp_path):
    """The test above would fail if the desk reached for the network."""
    probe = (
        GUARD.split("from app import cli")[0]
        + "import urllib.request\nurllib.request.urlopen('http://127.0.0.1:9')\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", probe, "[]"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert "NETWORK" in r.stderr
