#!/usr/bin/env bash
# Installs Debian's chromium (for the browser test) if it is missing; prints its path.
set -euo pipefail
if ! command -v chromium >/dev/null; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >/dev/null
    $SUDO apt-get install -y -qq chromium >/dev/null
fi
command -v chromium
