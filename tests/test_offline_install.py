"""The offline install bundle installs with the network cut off, in a fresh virtual environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _without_network() -> list[str]:
    """A command prefix that runs with no network at all (a new, empty network namespace)."""
    if (
        shutil.which("unshare")
        and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0
    ):
        return ["unshare", "-rn"]
    # Without namespaces: pip is still sent nowhere (no index, proxies to a closed port).
    return ["env", "http_proxy=http://127.0.0.1:9", "https_proxy=http://127.0.0.1:9"]


def test_bundle_installs_and_runs_without_network(tmp_path, sample_files):
    r = subprocess.run(
        ["bash", "scripts/bundle.sh", str(tmp_path / "build" / "disclosure-desk")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert r.returncode == 0, r.stderr
    archive = Path(r.stdout.strip().splitlines()[-1])
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "target", filter="data")
    bundle = tmp_path / "target" / "disclosure-desk"
    assert not (bundle / "desk" / "tests").exists()

    # A clean environment: no pip configuration or extra wheel folders of this machine.
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path / "home"), "PIP_CONFIG_FILE": os.devnull}
    r = subprocess.run(
        [*_without_network(), "bash", str(bundle / "install.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "安装完成" in r.stdout and "缺少" not in r.stdout  # this machine has Qt's libraries
    python = bundle / "desk" / ".venv" / "bin" / "python"
    r = subprocess.run(
        [
            *_without_network(),
            str(python),
            "main.py",
            "--data-dir",
            str(tmp_path / "data"),
            "check",
            str(sample_files["pdf"]),
        ],
        cwd=bundle / "desk",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 1 and "密级标志" in r.stdout, r.stderr  # 1: blocking findings, as designed


def test_missing_window_libraries_are_named_with_their_debian_packages(tmp_path):
    check = ROOT / "scripts" / "check_gui_libs.sh"
    r = subprocess.run(["bash", str(check), str(ROOT / ".venv")], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout == ""
    # A machine without some of them, as ldd reports it.
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "ldd").write_text(
        "#!/bin/sh\nprintf '\\tlibxcb-cursor.so.0 => not found\\n\\tlibxkbcommon-x11.so.0 => not found\\n"
        "\\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x1)\\n'\n"
    )
    (fake / "ldd").chmod(0o755)
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"}
    r = subprocess.run(["bash", str(check), str(ROOT / ".venv")], capture_output=True, text=True, env=env)
    assert r.returncode == 1
    assert "libxcb-cursor.so.0（Debian 软件包 libxcb-cursor0）" in r.stdout
    assert "libxkbcommon-x11.so.0（Debian 软件包 libxkbcommon-x11-0）" in r.stdout
    assert "libc.so.6" not in r.stdout
