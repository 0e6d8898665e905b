#!/usr/bin/env bash
# The language server's end-to-end tests: the real `pgpe lsp` driven by pytest-lsp (pygls) over
# stdio. Run by scripts/test.sh; PGPE_BIN names the binary (default: the debug build). The client
# library is installed into tests-e2e/.venv (gitignored) from PyPI; if that fails, this fails.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PGPE_BIN:-}" ]; then
  swift build --product pgpe >&2
  PGPE_BIN="$(swift build --show-bin-path)/pgpe"
fi
export PGPE_BIN
venv=tests-e2e/.venv
python="$venv/bin/python"
if [ ! -x "$python" ] && ! python3 -m venv "$venv" >&2; then
  # No venv module (Debian without python3-venv): install into a directory on PYTHONPATH instead.
  rm -rf "$venv"
  mkdir -p "$venv/site"
  export PYTHONPATH="$PWD/$venv/site${PYTHONPATH:+:$PYTHONPATH}"
  python=python3
fi
if ! "$python" -c "import pytest_lsp, markdown_it" 2>/dev/null; then
  if [ "$python" = python3 ]; then
    python3 -m pip install --quiet --disable-pip-version-check --target "$venv/site" -r tests-e2e/requirements.txt
  else
    "$python" -m pip install --quiet --disable-pip-version-check -r tests-e2e/requirements.txt
  fi
fi
cd tests-e2e
case "$python" in /*|python3) ;; *) python="$PWD/../$python" ;; esac
exec "$python" -m pytest -q "$@"
