#!/usr/bin/env bash
# Installs the Debian packages given as arguments when any is missing (apt-get, as root or via sudo).
set -euo pipefail
missing=()
for p in "$@"; do
  if [ "$p" = awscli ]; then command -v aws >/dev/null 2>&1 && continue; fi
  if [ "$p" = nodejs ]; then command -v node >/dev/null 2>&1 && continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
