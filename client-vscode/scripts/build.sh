#!/usr/bin/env bash
# Builds the Stakes VS Code extension (.vsix) from a clean checkout:
#   1. npm ci (skipped when node_modules already matches package-lock.json)
#   2. type-check (tsc) and unit tests (compiled by esbuild, run by node's built-in test runner)
#   3. esbuild bundle -> dist/extension.js
#   4. the Stakes wheel -> bundled/ (the extension's managed environment installs it)
#   5. vsce package -> client-vscode/stakes-<version>.vsix
# Needs Node >= 20 with npm, and Python >= 3.10 (PYTHON=..., else the repo's .venv, else python3).
# Prints the .vsix path on the last line.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
cd "$HERE"

step() { printf "\n== %s (%ss)\n" "$*" "$SECONDS" >&2; }

step "npm dependencies"
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f node_modules/.stakes-lock-hash ] && [ "$(cat node_modules/.stakes-lock-hash)" = "$lock_hash" ]; then
  echo "node_modules is up to date" >&2
else
  npm ci --no-audit --no-fund >&2
  echo "$lock_hash" > node_modules/.stakes-lock-hash
fi

step "type-check (src and tests)"
npx --no-install tsc -p . >&2

step "unit tests"
rm -rf out
node esbuild.mjs --tests >&2
node --test out/test/ >&2

step "bundle"
node esbuild.mjs >&2

step "Stakes wheel"
if [ -n "${PYTHON:-}" ]; then
  py="$PYTHON"
elif [ -x "$REPO/.venv/bin/python" ]; then
  py="$REPO/.venv/bin/python"
else
  py="$(command -v python3 || command -v python)"
fi
mkdir -p bundled
rm -f bundled/*.whl
if "$py" -c 'import build' 2>/dev/null; then
  "$py" -m build --wheel --outdir "$HERE/bundled" "$REPO" >&2
else
  "$py" -m pip wheel --quiet --no-deps --wheel-dir "$HERE/bundled" "$REPO" >&2
fi
wheels=(bundled/stakes-*.whl)
if [ ! -f "${wheels[0]}" ]; then
  echo "build.sh: no Stakes wheel was built in bundled/" >&2
  exit 1
fi

step "package"
version="$(node -p 'require("./package.json").version')"
vsix="$HERE/stakes-$version.vsix"
rm -f "$vsix"
npx --no-install vsce package --no-dependencies --no-rewrite-relative-links --allow-missing-repository --out "$vsix" >&2
echo "$vsix"
