"""The soak benchmark's smallest run, so that CI notices when it breaks: a bot subprocess under a
paced load for a quarter of a minute, every message processed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_short_soak_processes_every_message() -> None:
    options = ["--minutes", "0.25", "--rate", "20", "--drain", "60"]
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "soak.py"), *options],
        capture_output=True, text=True, timeout=180, cwd=ROOT,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert "300 sent, 0 refused, 300 processed -> all processed" in run.stdout, run.stdout
