#!/usr/bin/env bash
# Makes sure the Node packages of tests/e2e (the official @microsoft/signalr client and playwright-core)
# are installed exactly as tests/e2e/package-lock.json says. Idempotent and quick: `npm ci` runs only
# when node_modules is missing or was installed from another lock file.
set -euo pipefail

readonly E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")/../tests/e2e" && pwd)"
readonly STAMP="$E2E/node_modules/.platform-lock.sha256"

say() { echo "ensure-node: $*" >&2; }

command -v node >/dev/null || { say "error: node is not on PATH (Node.js 20 or newer is needed)"; exit 1; }
major=$(node -p 'process.versions.node.split(".")[0]')
(( major >= 20 )) || { say "error: Node.js $(node --version) is too old; 20 or newer is needed"; exit 1; }

wanted=$(sha256sum "$E2E/package-lock.json" | cut -d' ' -f1)
if [[ "$(cat "$STAMP" 2>/dev/null)" != "$wanted" ]]; then
    say "installing tests/e2e packages (npm ci)"
    # Playwright must not try to download its own browsers: Debian's chromium is used instead.
    (cd "$E2E" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$wanted" >"$STAMP"
fi
