"""The example team pack, built as a wheel and installed into a fresh virtual environment, is
loaded through its entry point by both ``stakes scan`` and ``stakes serve``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.lspwire import WireClient

TEAM_PACK = REPO / "examples" / "team-pack"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A fresh venv with the team pack wheel installed, and a project that lists the pack."""
    base = tmp_path_factory.mktemp("teampack")
    wheels = base / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", str(TEAM_PACK), "-w", str(wheels)],
        check=True, timeout=300,
    )
    wheel = next(wheels.glob("acme_shop_stakes_rules-1.0.0-*.whl"))
    env = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    python = env / "bin" / "python"
    # Stakes and its dependencies come from the test's own environment (a .pth file); the pack
    # itself is installed for real, from its wheel, with no index.
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # `import site` lines run at start-up; addsitedir also processes the parent's own .pth files
    # (an editable install of Stakes is one).
    parent = sysconfig.get_paths()["purelib"]
    (site / "stakes-test-parent.pth").write_text(f"import site; site.addsitedir({parent!r})\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True, timeout=300)
    project = base / "project"
    shutil.copytree(REPO / "examples" / "python", project / "python")
    (project / ".git").mkdir()
    (project / ".stakes").mkdir()
    shutil.copy(TEAM_PACK / "stakes-config.yaml", project / ".stakes" / "config.yaml")
    return python, project


def test_scan_loads_the_pack_through_its_entry_point(installed: tuple[Path, Path]) -> None:
    python, project = installed
    result = subprocess.run([str(python), "-m", "stakes", "scan", "--format", "json", "."], cwd=project,
                            capture_output=True, text=True, timeout=120)
    data = json.loads(result.stdout)
    assert data["errors"] == [], data["errors"]
    rules = {f["rule"] for f in data["findings"]}
    assert {"acme-shop/order-paid-state-assignment", "acme-shop/payment-webhook-handler-definition"} <= rules
    handler = next(r for r in data["regions"] if r["name"] == "handle_payment_succeeded")
    assert handler["zone"] == {"stakes": "critical", "reason": "PCI DSS scope (card data and payment webhooks)"}
    assert handler["level"] == "critical"


def test_scan_without_the_wheel_names_the_missing_pack(installed: tuple[Path, Path]) -> None:
    _, project = installed
    result = subprocess.run([sys.executable, "-m", "stakes", "scan", "--format", "json", "."], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    error = json.loads(result.stdout)["errors"][0]
    assert error["path"].endswith("config.yaml") and error["line"] == 5  # the `- acme-shop` entry
    assert "acme-shop" in error["message"] and "not installed" in error["message"]


def test_serve_loads_the_pack_through_its_entry_point(installed: tuple[Path, Path]) -> None:
    python, project = installed
    client = WireClient([str(python), "-m", "stakes", "serve"], cwd=project)
    try:
        client.initialize(project)
        path = project / "python" / "shop" / "payments.py"
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": path.as_uri(), "languageId": "python", "version": 1, "text": path.read_text("utf-8")}})
        published = client.wait_for(
            "textDocument/publishDiagnostics",
            lambda p: p["uri"] == path.as_uri() and any(str(d.get("code", "")).startswith("acme-shop/") for d in p["diagnostics"]),
        )
        codes = {d["code"] for d in published["params"]["diagnostics"]}
        assert "acme-shop/order-paid-state-assignment" in codes
    finally:
        client.close()
