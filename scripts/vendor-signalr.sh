#!/usr/bin/env bash
# Copies the browser build of @microsoft/signalr from tests/e2e/node_modules into the web client
# (src/Api/wwwroot/lib), so that serving the client needs no npm. Run it after changing the version
# in tests/e2e/package.json; commit what it changes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-node.sh
package=tests/e2e/node_modules/@microsoft/signalr
version=$(node -p "require('./$package/package.json').version")
# A banner with the version, and no source-map comment (the map is not vendored).
{
    echo "/*! @microsoft/signalr $version, dist/browser/signalr.min.js from npm, MIT license (github.com/dotnet/aspnetcore)."
    echo " *  Vendored by scripts/vendor-signalr.sh; do not edit. */"
    grep -v '^//# sourceMappingURL=' "$package/dist/browser/signalr.min.js"
} >src/Api/wwwroot/lib/signalr.min.js
echo "vendored @microsoft/signalr $version into src/Api/wwwroot/lib/signalr.min.js"
