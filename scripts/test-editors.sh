#!/usr/bin/env bash
# Editor integrations (issue 6) in the real tools: the TextMate grammar, Neovim's runtime
# directory (syntax, then the language server started by Neovim itself), and the Emacs mode
# (font-lock, then Eglot with the real server). Run by scripts/test.sh (make test), which sets
# PGPE_BIN to the built pgpe.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PGPE_BIN:=$(swift build --show-bin-path)/pgpe}"
export PGPE_BIN
python3 tests-editors/textmate_test.py
timeout 120 nvim --headless --clean --cmd 'set rtp^=editors/neovim' -c 'luafile tests-editors/nvim_syntax_test.lua'
timeout 120 emacs --batch -Q -L editors/emacs -l tests-editors/emacs_mode_test.el

workspace="$(mktemp -d /tmp/pgpe-editors.XXXXXX)"
trap 'rm -rf "$workspace"' EXIT
mkdir -p "$workspace/nvim" "$workspace/emacs"
for editor in nvim emacs; do
  cp -r examples/saas/. "$workspace/$editor/"
  cp tests-editors/leaky.policy "$workspace/$editor/policies/"
done
PGPE_NVIM_WORKSPACE="$workspace/nvim" timeout 180 \
  nvim --headless --clean --cmd 'set rtp^=editors/neovim' -c 'luafile tests-editors/nvim_lsp_test.lua'
elpa=/usr/share/emacs/site-lisp/elpa
eglot_paths=()
for package in "$elpa"/eglot-* "$elpa"/project-* "$elpa"/xref-* "$elpa"/seq-* "$elpa"/jsonrpc-* "$elpa"/flymake-* "$elpa"/external-completion-* "$elpa"/eldoc-*; do
  [ -d "$package" ] && eglot_paths+=(-L "$package")
done
PGPE_EMACS_WORKSPACE="$workspace/emacs" timeout 180 \
  emacs --batch -Q -L editors/emacs "${eglot_paths[@]}" -l tests-editors/emacs_eglot_test.el
