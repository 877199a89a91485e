"""`tmtool serve` on the command line: usage errors exit 2, a bad store exits 1 before listening,
and a real server started by the command answers and stops on SIGTERM."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from serving import served_url

from tm.cli import main

pytest.importorskip("uvicorn", reason="the serve extra is not installed")
REPO = Path(__file__).resolve().parent.parent.parent

# (arguments, exit code, a substring of the message)
REFUSED = [
    (["--writable"], 2, "--writable needs --token TOKEN"),
    (["--port", "70000"], 2, "70000 is not in the range 0<=x<=65535"),
    (["--max-body", "0"], 2, "--max-body"),
    (["--workers", "0"], 2, "--workers"),
    (["--db", "{tmp}/no-such.db", "--workers", "2"], 1, "no-such.db: no such store"),
    (["--db", "{tmp}/no-such.db"], 1, "no-such.db: no such store (run 'tmtool build' first, or pass --db)"),
    (["--db", "postgresql://tm:secret@127.0.0.1/unterm"], 1, "127.0.0.1/unterm"),  # no server there; no password
]


@pytest.mark.parametrize(("args", "code", "message"), REFUSED, ids=[" ".join(a) for a, _, _ in REFUSED])
def test_serve_refuses_before_listening(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(main, ["serve", *args], env={"TMTOOL_TOKEN": None, "TMTOOL_DB": str(tmp_path / "x.db")})
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "secret" not in result.output


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_command_serves_the_store_until_sigterm(served_db: Path, workers: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "tm.cli", "serve", "--db", str(served_db), "--port", "0", "--workers", workers]
    process = subprocess.Popen(command, cwd=REPO, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        url = served_url(process.stderr)
        assert url.startswith("http://127.0.0.1:")  # the default host: this machine only
        with urllib.request.urlopen(f"{url}/api/stats", timeout=30) as answer:
            assert json.load(answer)["documents"] == 2
        # A query far over the limit, 54 kB percent-encoded: the HTTP parser (h11 or httptools) lets
        # it through, so the API answers with its one-line JSON error, not a bare 400.
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{url}/api/search?q={quote('я' * 9000)}", timeout=30)
        assert refused.value.code == 400
        assert json.load(refused.value) == {"error": "the query is 9,000 characters long; search takes at most 2,000"}
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert process.returncode == 0
