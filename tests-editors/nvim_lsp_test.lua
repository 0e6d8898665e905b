-- Headless Neovim with only editors/neovim added to its runtime path: opens a policy file with
-- three syntax errors and a leaking policy set in a copy of the example workspace, and checks
-- that Neovim detected the filetype, started `pgpe lsp` by itself, received the three syntax
-- errors and the tenant-isolation diagnostic, and that hover returns the effective predicate.
-- Environment: PGPE_BIN (the pgpe binary), PGPE_NVIM_WORKSPACE (the workspace copy).
local failures = {}
local function fail(message)
  table.insert(failures, message)
  io.stderr:write('FAIL: ' .. message .. '\n')
end
local function finish()
  if #failures > 0 then
    io.stderr:write(#failures .. ' failure(s)\n')
    vim.cmd('cquit 1')
  else
    io.stdout:write('neovim lsp: ok\n')
    vim.cmd('qall!')
  end
end

vim.g.pgpe_cmd = { os.getenv('PGPE_BIN'), 'lsp' }
vim.cmd('filetype plugin on')
vim.cmd('syntax on')
local workspace = os.getenv('PGPE_NVIM_WORKSPACE')
vim.cmd('edit ' .. workspace .. '/policies/leaky.policy')
if vim.bo.filetype ~= 'pgpe' then fail('filetype is ' .. vim.bo.filetype) end

local attached = vim.wait(15000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 50)
if not attached then
  fail('pgpe lsp was not started for the buffer')
  return finish()
end
local client = vim.lsp.buf_get_clients(0)[1] or select(2, next(vim.lsp.buf_get_clients(0)))
if client.name ~= 'pgpe' then fail('client is ' .. tostring(client.name)) end
if client.config.root_dir ~= workspace then fail('root is ' .. tostring(client.config.root_dir)) end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
end
local function state()
  local syntax, isolation = {}, nil
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = tostring(code_of(d))
    if d.severity == vim.diagnostic.severity.ERROR and code:match('^syntax%.') then
      table.insert(syntax, d.lnum + 1)
    end
    if code:match('tenant%-isolation') then isolation = d end
  end
  table.sort(syntax)
  return syntax, isolation
end
local done = vim.wait(30000, function()
  local syntax, isolation = state()
  return #syntax == 3 and isolation ~= nil
end, 100)
local syntax, isolation = state()
if not done then
  local all = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(all, (d.lnum + 1) .. ':' .. tostring(code_of(d)) .. ':' .. d.message) end
  fail('diagnostics were ' .. table.concat(all, ' | '))
else
  if table.concat(syntax, ',') ~= '8,10,12' then fail('syntax errors at lines ' .. table.concat(syntax, ',')) end
  if isolation.lnum + 1 ~= 6 then fail('isolation diagnostic at line ' .. (isolation.lnum + 1)) end
  if not isolation.message:match('app%.tenant_id') then fail('isolation message: ' .. isolation.message) end
end

-- Hover on the leaking policy's name: the effective predicate per command.
vim.api.nvim_win_set_cursor(0, { 2, 9 })
local params = vim.lsp.util.make_position_params()
local responses = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, 10000) or {}
local text = ''
for _, response in pairs(responses) do
  local contents = response.result and response.result.contents
  if type(contents) == 'table' then text = text .. (contents.value or vim.inspect(contents)) end
  if type(contents) == 'string' then text = text .. contents end
end
if not text:find("col(name) = lit('demo')", 1, true) then fail('hover did not show the effective predicate: ' .. text) end
if not text:find('public.projects', 1, true) then fail('hover did not name the governed table: ' .. text) end

finish()
