#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser test, then prints its path on the last line.
# Idempotent: when /usr/bin/chromium exists it does nothing else. Installing needs root (CI runs as root);
# otherwise it says what to run. Playwright's own browser download does not work here: the test launches
# this binary through playwright-core's executablePath.
set -euo pipefail

readonly CHROMIUM=/usr/bin/chromium

say() { echo "ensure-chromium: $*" >&2; }

if [[ ! -x "$CHROMIUM" ]]; then
    if [[ "$(id -u)" != 0 ]]; then
        say "error: $CHROMIUM is missing; run as root, or: sudo apt-get install -y chromium"
        exit 1
    fi
    say "installing Debian's chromium package"
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine may not have the package lists yet; update only when the package is unknown.
    apt-cache show chromium >/dev/null 2>&1 || apt-get update -qq
    # A font too, so that pages (and their screenshots) have text to render with on a bare machine.
    packages=(chromium fonts-dejavu-core)
    apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1 \
        || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; }
    [[ -x "$CHROMIUM" ]] || { say "error: chromium was installed but $CHROMIUM is missing"; exit 1; }
fi
echo "$CHROMIUM"
