" Vim syntax for pgpe policy files. The groups match the language server's semantic token
" types (docs/semantic-tokens.md): keyword, function, string, number, comment, operator,
" class (policy names), type, property (column names), enumMember (true/false/null).
if exists('b:current_syntax')
  finish
endif

syn case ignore

syn keyword pgpeKeyword POLICY GRANT GOVERN PERMISSIVE RESTRICTIVE FOR TO SELECTOR CLAUSE WITH CHECK
syn keyword pgpeKeyword AND OR NOT ALL SELECT INSERT UPDATE DELETE TRUNCATE REFERENCES TRIGGER IS IN LIKE
syn keyword pgpeConstant true false null
syn match pgpeNullTest "\<IS\s\+\%(NOT\s\+\)\=NULL\>" contains=pgpeKeyword,pgpeNullKeyword
syn keyword pgpeNullKeyword NULL contained
syn match pgpeFunction "\<\%(col\|session\|lit\|fn\|now\|outer\|rel\|exists\|raw\|has_column\|in_schema\|named\|tagged\)\ze\s*("
syn match pgpeNumber "\%(\<\|-\)\d\+\>"
syn match pgpeOperator "<=\|>=\|<>\|!=\|=\|<\|>"
syn region pgpeString start=+'+ skip=+''+ end=+'+ oneline
syn match pgpeQuoted +"\%([^"]\|""\)*"+
syn match pgpePolicyName "\%(\<POLICY\s\+\)\@<=\%([A-Za-z_][A-Za-z0-9_]*\|\"\%([^\"]\|\"\"\)*\"\)"
syn match pgpeColumn "\%(\<\%(col\|outer\)\s*(\s*\)\@<=\%([A-Za-z_][A-Za-z0-9_]*\|\"\%([^\"]\|\"\"\)*\"\|'\%([^']\|''\)*'\)"
syn match pgpeColumn "\%(\<has_column\s*(\s*\)\@<=\%([A-Za-z_][A-Za-z0-9_]*\|\"\%([^\"]\|\"\"\)*\"\|'\%([^']\|''\)*'\)"
syn match pgpeType "\%(\<has_column\s*(\s*[^,)]*,\s*\)\@<=[A-Za-z_][A-Za-z0-9_]*"
syn match pgpeComment "//.*$" contains=@Spell
syn match pgpeComment "--.*$" contains=@Spell
syn region pgpeComment start="/\*" end="\*/" contains=@Spell

hi def link pgpeKeyword Keyword
hi def link pgpeNullKeyword Keyword
hi def link pgpeFunction Function
hi def link pgpeString String
hi def link pgpeNumber Number
hi def link pgpeComment Comment
hi def link pgpeOperator Operator
hi def link pgpePolicyName Structure
hi def link pgpeType Type
hi def link pgpeColumn Identifier
hi def link pgpeConstant Boolean
hi def link pgpeQuoted Identifier

let b:current_syntax = 'pgpe'
