"""Disclosure Desk (政务公开审发台): starts the GUI, or runs a headless sub-command."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from app.cli import build_parser, run

    parsed, _ = build_parser().parse_known_args(args)
    if parsed.command is None:
        from app.ui.run import run_gui

        return run_gui(parsed.data_dir, parsed.db)
    return run(args)


if __name__ == "__main__":
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # `check … | head` closed the pipe: not an error worth a traceback. Python's own advice:
        # point stdout at devnull so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    sys.exit(code)
