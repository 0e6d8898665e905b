#!/usr/bin/env bash
# Editor integrations (issue 6): the TextMate grammar, Neovim's runtime directory and the Emacs
# mode, each in the real tool. Run by scripts/test.sh (make test).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 tests-editors/textmate_test.py
timeout 120 nvim --headless --clean --cmd 'set rtp^=editors/neovim' -c 'luafile tests-editors/nvim_syntax_test.lua'
timeout 120 emacs --batch -Q -L editors/emacs -l tests-editors/emacs_mode_test.el
