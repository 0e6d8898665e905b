-- Headless Neovim with only editors/neovim added to its runtime path: opens a policy file with
-- three syntax errors and a leaking policy set in a copy of the example workspace, and checks
-- that Neovim detected the filetype, started `pgpe lsp` by itself, received the three syntax
-- errors and the tenant-isolation diagnostic, that hover returns the effective predicate, that
-- the usual keys are mapped on attach, that the "Show compiled SQL" code action opens a
-- scratch buffer holding the server's SQL, and that a change to schema.sql on disk is seen.
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

-- The usual keys, mapped on attach.
local mapped = {}
for _, map in ipairs(vim.api.nvim_buf_get_keymap(0, 'n')) do
  if map.desc and map.desc:match('^pgpe: ') then mapped[map.desc] = map.lhs end
end
for action, key in pairs({ hover = 'K', definition = 'gd', references = 'gr', code_action = '<leader>ca', rename = '<leader>rn' }) do
  local want = key:gsub('<leader>', vim.g.mapleader or '\\')
  if mapped['pgpe: ' .. action] ~= want then fail(action .. ' is mapped to ' .. tostring(mapped['pgpe: ' .. action]) .. ', not ' .. want) end
end
if vim.fn.exists(':PgpeCompiledSql') ~= 2 then fail('no :PgpeCompiledSql command') end

-- "Show compiled SQL of policy demo_projects" through the code action menu, as a person picks it.
local source = vim.api.nvim_get_current_buf()
local offered = {}
vim.ui.select = function(items, opts, on_choice)
  for _, item in ipairs(items) do
    local title = opts.format_item(item)
    table.insert(offered, title)
    if title == 'Show compiled SQL of policy demo_projects' then return on_choice(item) end
  end
  on_choice(nil)
end
vim.lsp.buf.code_action()
local scratch_name = 'pgpe://compiled/demo_projects.sql'
local function scratch()
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_get_name(buf) == scratch_name then return buf end
  end
end
if not vim.wait(10000, function() return scratch() ~= nil end, 50) then
  fail('no scratch buffer ' .. scratch_name .. '; code actions offered: ' .. table.concat(offered, ' | '))
else
  local buf = scratch()
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  local expected = vim.lsp.buf_request_sync(source, 'workspace/executeCommand',
    { command = 'pgpe.showCompiledSql', arguments = { { uri = vim.uri_from_bufnr(source), policy = 'demo_projects' } } }, 10000)
  local sql
  for _, response in pairs(expected or {}) do sql = response.result end
  if type(sql) ~= 'string' or text ~= sql:gsub('\n$', '') then fail('scratch buffer holds ' .. text .. '; the server says ' .. tostring(sql)) end
  if not text:find('CREATE POLICY', 1, true) or not text:find('ON public.projects', 1, true) or not text:find("'demo'", 1, true) then
    fail('scratch buffer lacks the policy on public.projects: ' .. text)
  end
  if vim.api.nvim_get_current_buf() ~= buf then fail('the scratch buffer is not shown') end
  if vim.bo[buf].filetype ~= 'sql' or vim.bo[buf].buftype ~= 'nofile' then
    fail('scratch buffer filetype ' .. vim.bo[buf].filetype .. ', buftype ' .. vim.bo[buf].buftype)
  end
end

-- schema.sql changes on disk (projects.name becomes title): the server notices (Neovim 0.7
-- cannot watch files for it, so the server polls) and reports the unknown column on line 6.
local schema_path = workspace .. '/schema.sql'
local schema_file = io.open(schema_path, 'r')
local schema_text = schema_file:read('*a')
schema_file:close()
local changed, count = schema_text:gsub('\n    name       text NOT NULL,\n    owner_id', '\n    title      text NOT NULL,\n    owner_id', 1)
if count ~= 1 then fail('schema.sql has no projects.name to rename') end
schema_file = io.open(schema_path, 'w')
schema_file:write(changed)
schema_file:close()
local function unknown_column()
  for _, d in ipairs(vim.diagnostic.get(source)) do
    if d.message:find("unknown column 'name'", 1, true) then return d end
  end
end
if not vim.wait(20000, function() return unknown_column() ~= nil end, 100) then
  local all = {}
  for _, d in ipairs(vim.diagnostic.get(source)) do table.insert(all, (d.lnum + 1) .. ':' .. d.message) end
  fail('the schema change was not seen; diagnostics ' .. table.concat(all, ' | '))
elseif unknown_column().lnum + 1 ~= 6 then
  fail('unknown column at line ' .. (unknown_column().lnum + 1))
end

finish()
