#!/usr/bin/env bash
# Installs what the tests need beyond npm: Debian's Chromium (browser tests of the
# panel, driven by playwright-core) and LibreOffice Calc (round-trips of the example
# workbooks). Idempotent; needs root (CI and these machines run as root).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
if [ ${#need[@]} -eq 0 ]; then
  echo "install-test-deps: chromium and soffice already present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "install-test-deps: installed ${need[*]}"
