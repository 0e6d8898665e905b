-- Headless Neovim check of editors/neovim without the language server: filetype detection and
-- that the Vim syntax gives each token the class the server's semantic tokens give it.
-- Run: nvim --headless --clean --cmd 'set rtp^=editors/neovim' -c 'luafile tests-editors/nvim_syntax_test.lua'
local failures = {}
local function fail(message)
  table.insert(failures, message)
  io.stderr:write('FAIL: ' .. message .. '\n')
end

vim.g.pgpe_lsp = 0
vim.cmd('filetype plugin on')
vim.cmd('syntax on')
local root = vim.fn.getcwd()
vim.cmd('edit ' .. root .. '/examples/saas/policies/tenancy.policy')
if vim.bo.filetype ~= 'pgpe' then fail('filetype is ' .. vim.bo.filetype) end

-- The class of each syntax group, as in docs/semantic-tokens.md.
local classes = {
  pgpeKeyword = 'keyword', pgpeNullKeyword = 'keyword', pgpeFunction = 'function', pgpeString = 'string',
  pgpeNumber = 'number', pgpeComment = 'comment', pgpeOperator = 'operator', pgpePolicyName = 'class',
  pgpeType = 'type', pgpeColumn = 'property', pgpeConstant = 'enumMember', pgpeQuoted = 'property',
}

local function class_at(needle, occurrence)
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  local seen = 0
  for number, line in ipairs(lines) do
    local start = 1
    while true do
      local found = string.find(line, needle, start, true)
      if not found then break end
      seen = seen + 1
      if seen > (occurrence or 0) then
        local name = vim.fn.synIDattr(vim.fn.synID(number, found, 1), 'name')
        return classes[name] or ('<' .. name .. '>')
      end
      start = found + 1
    end
  end
  return '<not found>'
end

local function expect(needle, class, occurrence)
  local actual = class_at(needle, occurrence)
  if actual ~= class then fail(string.format('%q is %s, expected %s', needle, actual, class)) end
end

expect('// Every table', 'comment')
expect('POLICY', 'keyword')
expect('tenant_isolation', 'class')
expect('PERMISSIVE', 'keyword')
expect('has_column', 'function')
expect("'tenant_id'", 'property')
expect("col('tenant_id')", 'function')
expect("'app.tenant_id'", 'string')
expect('= session', 'operator')
expect('exists(', 'function')
expect("'tasks'", 'string')

vim.cmd('edit ' .. root .. '/examples/saas/policies/soft_delete.policy')
expect('false', 'enumMember')
expect('RESTRICTIVE', 'keyword')

-- SPEC 11.3: true/false atoms, now(), the TRUNCATE, REFERENCES and TRIGGER privileges.
vim.cmd('enew')
vim.bo.filetype = 'pgpe'
vim.api.nvim_buf_set_lines(0, 0, -1, false, {
  'POLICY p PERMISSIVE FOR SELECT SELECTOR ALL',
  '  CLAUSE true OR CLAUSE col(expires_at) > now()',
  'GRANT TRUNCATE, REFERENCES, TRIGGER TO r SELECTOR ALL',
})
expect('true', 'enumMember')
expect('now()', 'function')
expect('TRUNCATE', 'keyword')
expect('REFERENCES', 'keyword')
expect('TRIGGER', 'keyword')
vim.cmd('enew')
vim.bo.filetype = 'pgpe'
vim.api.nvim_buf_set_lines(0, 0, -1, false, {
  "GOVERN SELECTOR named('audit_log')",
  "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE exists(rel(_, id, members, account_id), {col(role) = outer(min_role)})",
})
expect('GOVERN', 'keyword')
expect('outer(', 'function')
expect('min_role', 'property')

if #failures > 0 then
  io.stderr:write(#failures .. ' failure(s)\n')
  vim.cmd('cquit 1')
else
  io.stdout:write('neovim syntax: ok\n')
  vim.cmd('qall!')
end
