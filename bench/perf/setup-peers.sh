#!/usr/bin/env bash
# Installs the tools Stakes is compared with (Semgrep, Bandit) into bench/.peers, a virtual
# environment of their own, so their dependencies never mix with Stakes'.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
python3 -m venv "$here/.peers"
"$here/.peers/bin/pip" install --quiet "semgrep==1.185.0" "bandit==1.9.4"
"$here/.peers/bin/semgrep" --version
"$here/.peers/bin/bandit" --version | head -1
