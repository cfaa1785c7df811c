"""Security properties: packs are data, workspace code never runs, no network, secrets masked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO, write
from tests.lspwire import WireClient

SECRET = "AKIAIOSFODNN7EXAMPLE"
SITECUSTOMIZE = '''
"""Test harness: refuse and record every network socket this interpreter tries to open."""
import os, socket

_LOG = os.environ["STAKES_NET_LOG"]
_real = socket.socket.__init__

def _record(what):
    with open(_LOG, "a") as handle:
        handle.write(what + "\\n")

def _guarded(self, family=-1, type=-1, proto=-1, fileno=None):
    if family in (socket.AF_INET, socket.AF_INET6):
        _record(f"socket family={family}")
        raise PermissionError("network access blocked by the Stakes test harness")
    return _real(self, family, type, proto, fileno)

socket.socket.__init__ = _guarded

def _no_dns(*args, **kwargs):
    _record(f"getaddrinfo {args[:1]}")
    raise PermissionError("DNS blocked by the Stakes test harness")

socket.getaddrinfo = _no_dns
'''


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    (root / ".git").mkdir(parents=True)
    marker = tmp_path / "PWNED"
    payload = f"open({str(marker)!r}, 'w').write('ran')\n"
    # Files that a careless tool might import or execute.
    write(root / "conftest.py", payload)
    write(root / "setup.py", payload)
    write(root / ".stakes" / "rules" / "evil" / "__init__.py", payload)
    write(root / ".stakes" / "rules" / "evil" / "pack.yaml", "name: evil\nversion: 1.0.0\n")
    write(root / ".stakes" / "rules" / "evil" / "rules.yaml", """
        rules: !!python/object/apply:os.system ["touch {marker}"]
    """.replace("{marker}", str(marker)))
    write(root / "app.py", f"""
        import hashlib
        AWS_KEY = "{SECRET}"
        def sign(d):
            return hashlib.md5(d)
    """)
    return root


def _env(tmp_path: Path) -> dict[str, str]:
    hook = tmp_path / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(hook) + os.pathsep + env.get("PYTHONPATH", "")
    env["STAKES_NET_LOG"] = str(tmp_path / "net.log")
    return env


def test_scan_runs_no_workspace_code_loads_yaml_safely_and_opens_no_socket(workspace: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    result = subprocess.run([sys.executable, "-m", "stakes", "--log-level", "DEBUG", "scan", "--format", "json", "."],
                            cwd=workspace, env=env, capture_output=True, text=True, timeout=120)
    assert not (tmp_path / "PWNED").exists()
    assert not (tmp_path / "net.log").exists(), (tmp_path / "net.log").read_text()
    data = json.loads(result.stdout)
    assert any("evil" in e["path"] and "YAML" in e["message"] for e in data["errors"])
    assert any(f["rule"] == "python/weak-hash-call" for f in data["findings"])
    assert SECRET not in result.stdout and SECRET not in result.stderr


def test_sarif_and_text_mask_secrets(workspace: Path) -> None:
    for fmt in ("sarif", "text"):
        result = subprocess.run([sys.executable, "-m", "stakes", "scan", "--format", fmt, "."],
                                cwd=workspace, capture_output=True, text=True, timeout=120)
        assert "AKIA" in result.stdout and SECRET not in result.stdout


def test_server_opens_no_socket_and_masks_secrets(workspace: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    client = WireClient([sys.executable, "-m", "stakes", "--log-level", "DEBUG", "serve"], cwd=workspace, env=env)
    try:
        client.initialize(workspace)
        path = workspace / "app.py"
        uri = path.as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": path.read_text("utf-8")}})
        published = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p["diagnostics"])
        diagnostics = published["params"]["diagnostics"]
        secret = next(d for d in diagnostics if d["range"]["start"]["line"] == 1)
        hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": secret["range"]["start"]})
        everything = json.dumps(client.notifications) + json.dumps(hover)
        assert "AKIA" in everything and SECRET not in everything
    finally:
        client.close()
    assert SECRET not in client.stderr.decode("utf-8", "replace")
    assert not (tmp_path / "net.log").exists(), (tmp_path / "net.log").read_text()
    assert not (tmp_path / "PWNED").exists()


def test_workspace_cannot_load_packs_from_outside(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    write(root / ".stakes" / "config.yaml", "packs:\n  - ../shared-packs/p\n")
    write(tmp_path / "shared-packs" / "p" / "pack.yaml", "name: p\nversion: 1.0.0\n")
    result = subprocess.run([sys.executable, "-m", "stakes", "scan", "--format", "json", "."],
                            cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    error = json.loads(result.stdout)["errors"][0]
    assert error["line"] == 2 and "outside the workspace" in error["message"]


def test_yaml_is_only_ever_safe_loaded() -> None:
    """No loader in the package may construct arbitrary objects."""
    for path in (REPO / "server" / "stakes").rglob("*.py"):
        text = path.read_text("utf-8")
        assert "unsafe_load" not in text and "yaml.Loader" not in text and "FullLoader" not in text, path
        for line in text.splitlines():
            if "yaml.load(" in line:
                assert "_LocatingLoader" in line, f"{path}: {line.strip()}"
        assert "eval(" not in text.replace("_eval(", "") and "exec(" not in text, path


def test_ledger_holds_names_and_fingerprints_not_code(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    (root / ".git").mkdir(parents=True)
    write(root / "app.py", textwrap.dedent("""
        import hashlib
        def sign(d):
            marker = "DISTINCTIVE-SOURCE-TEXT"
            return hashlib.md5(d + marker.encode())
    """))
    result = subprocess.run([sys.executable, "-m", "stakes", "review", "mark", "app.py:sign", "--note", "ok", "--reviewer", "Ada"],
                            cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    ledger = (root / ".stakes" / "reviews.yaml").read_text("utf-8")
    assert "sign" in ledger and "DISTINCTIVE" not in ledger and "hashlib" not in ledger
