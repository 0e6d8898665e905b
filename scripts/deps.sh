#!/usr/bin/env bash
# Installs the Debian packages a make target needs, only those that are missing.
#   scripts/deps.sh demo   -> build dependencies (Z3, libpq headers, pkg-config)
#   scripts/deps.sh test   -> plus the PostgreSQL server, Neovim and Emacs for tests
#   scripts/deps.sh bench  -> plus hyperfine
set -euo pipefail
profile="${1:-demo}"
pkgs=(libz3-dev libpq-dev pkg-config)
case "$profile" in
  demo) ;;
  test) pkgs+=(postgresql postgresql-contrib neovim emacs-nox elpa-eglot python3 libxml2-utils) ;;
  bench) pkgs+=(postgresql postgresql-contrib hyperfine python3) ;;
  *) echo "deps.sh: unknown profile '$profile'" >&2; exit 2 ;;
esac
missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing missing packages: ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q >&2
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi
