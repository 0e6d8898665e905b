" pgpe policy files: comments, and the language server (started once per pgpe.yaml root).
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=//\ %s
setlocal comments=://,:--,s1:/*,mb:*,ex:*/
setlocal shiftwidth=2 softtabstop=2 expandtab

let b:undo_ftplugin = 'setlocal commentstring< comments< shiftwidth< softtabstop< expandtab<'

if has('nvim-0.7') && get(g:, 'pgpe_lsp', 1)
  lua require('pgpe').attach(vim.api.nvim_get_current_buf())
endif
