" pgpe policy files
autocmd BufRead,BufNewFile *.policy setfiletype pgpe
