#!/usr/bin/env bash
# Installs what the tests need beyond npm: Debian's Chromium (browser tests of the
# panel, driven by playwright-core), LibreOffice Calc (round-trips of the example
# workbooks) and xmllint from libxml2-utils (offline validation of manifest.xml against
# Microsoft's XSDs, see docs/manifest-schemas.md). Idempotent; needs root (CI and these
# machines run as root) or sudo.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
if [ ${#need[@]} -eq 0 ]; then
  echo "install-test-deps: chromium, soffice and xmllint already present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "install-test-deps: installed ${need[*]}"
