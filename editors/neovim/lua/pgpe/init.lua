-- pgpe for Neovim (0.7 and newer): starts `pgpe lsp` for pgpe buffers, one client per
-- workspace root (the directory holding pgpe.yaml, found upward from the file), maps the usual
-- keys on attach, and shows the server's "Show compiled SQL" answer in a scratch buffer.
local M = {}

M.config = {
  -- The command; `vim.g.pgpe_cmd` (a list) overrides it too.
  cmd = nil,
  -- Buffer-local normal-mode keys set when the server attaches: `keymaps = false` sets none,
  -- `keymaps = { rename = '<F2>', references = false }` changes one key or leaves one unmapped.
  keymaps = {
    hover = 'K',
    definition = 'gd',
    references = 'gr',
    rename = '<leader>rn',
    code_action = '<leader>ca',
    compiled_sql = '<leader>cs',
  },
}

-- The server's command whose answer is the SQL text.
M.show_compiled_sql_command = 'pgpe.showCompiledSql'

local clients = {}

--- Overrides the defaults, e.g. `require('pgpe').setup({ cmd = { '/opt/pgpe/bin/pgpe', 'lsp' } })`.
function M.setup(options)
  M.config = vim.tbl_deep_extend('force', M.config, options or {})
end

local function command()
  return M.config.cmd or vim.g.pgpe_cmd or { 'pgpe', 'lsp' }
end

--- The directory holding pgpe.yaml above the buffer's file, else the file's directory.
function M.root(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(name, ':p:h')
  for _, file in ipairs({ 'pgpe.yaml', 'pgpe.yml' }) do
    local found = vim.fn.findfile(file, dir .. ';')
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h')
    end
  end
  return dir
end

--- Shows `sql` in the scratch buffer named `pgpe://compiled/<title>.sql` (created, or emptied
--- and refilled), in a window of its own, and returns the buffer.
function M.show_sql(sql, title)
  local name = 'pgpe://compiled/' .. title .. '.sql'
  local buf
  for _, candidate in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_get_name(candidate) == name then buf = candidate end
  end
  if buf == nil then
    buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(buf, name)
    vim.api.nvim_buf_set_option(buf, 'buftype', 'nofile')
    vim.api.nvim_buf_set_option(buf, 'bufhidden', 'hide')
    vim.api.nvim_buf_set_option(buf, 'swapfile', false)
  end
  local lines = vim.split(sql, '\n', true)
  if lines[#lines] == '' then table.remove(lines) end
  vim.api.nvim_buf_set_option(buf, 'modifiable', true)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.api.nvim_buf_set_option(buf, 'modifiable', false)
  vim.api.nvim_buf_set_option(buf, 'filetype', 'sql')
  local window = vim.fn.bufwinid(buf)
  if window == -1 then
    vim.cmd('botright split')
    vim.api.nvim_win_set_buf(0, buf)
  else
    vim.api.nvim_set_current_win(window)
  end
  return buf
end

--- Runs `pgpe.showCompiledSql` on the client `client_id` with `arguments` (as the server's code
--- action gives them: `{ { uri = …, policy = … } }`) and shows the answer with `show_sql`.
function M.compiled_sql(client_id, arguments, bufnr)
  local client = vim.lsp.get_client_by_id(client_id)
  if client == nil then return end
  local argument = (arguments or {})[1] or {}
  local title = argument.policy or 'workspace'
  client.request('workspace/executeCommand', { command = M.show_compiled_sql_command, arguments = arguments },
    function(err, result)
      if err then
        vim.notify('pgpe: ' .. tostring(err.message or err), vim.log.levels.ERROR)
      elseif type(result) == 'string' then
        M.show_sql(result, title)
      end
    end, bufnr)
end

-- Code actions carry the command; Neovim runs commands it knows itself (for every client, so
-- a server started by nvim-lspconfig gets it too) instead of dropping the server's answer.
vim.lsp.commands[M.show_compiled_sql_command] = function(command, ctx)
  M.compiled_sql(ctx.client_id, command.arguments, ctx.bufnr)
end

--- The compiled SQL of `policy` (or of the workspace when nil or empty) for the current buffer.
function M.show_compiled_sql(policy)
  local bufnr = vim.api.nvim_get_current_buf()
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'pgpe' then
      local argument = { uri = vim.uri_from_bufnr(bufnr) }
      if policy ~= nil and policy ~= '' then argument.policy = policy end
      M.compiled_sql(client.id, { argument }, bufnr)
      return
    end
  end
  vim.notify('pgpe: no pgpe language server for this buffer', vim.log.levels.WARN)
end

--- Sets the buffer-local keys of `M.config.keymaps` (pass it as `on_attach` to nvim-lspconfig).
function M.on_attach(_, bufnr)
  local keys = M.config.keymaps
  if not keys then return end
  local actions = {
    hover = vim.lsp.buf.hover,
    definition = vim.lsp.buf.definition,
    references = vim.lsp.buf.references,
    rename = vim.lsp.buf.rename,
    code_action = vim.lsp.buf.code_action,
    compiled_sql = function() M.show_compiled_sql() end,
  }
  for action, fn in pairs(actions) do
    if keys[action] then
      vim.keymap.set('n', keys[action], fn, { buffer = bufnr, silent = true, desc = 'pgpe: ' .. action })
    end
  end
  vim.api.nvim_buf_create_user_command(bufnr, 'PgpeCompiledSql', function(opts) M.show_compiled_sql(opts.args) end,
    { nargs = '?', desc = 'pgpe: show the compiled SQL of a policy (or of the workspace)' })
end

--- Starts (or reuses) the client for the buffer's root and attaches the buffer.
function M.attach(bufnr)
  local root = M.root(bufnr)
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = 'pgpe',
      cmd = command(),
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      on_attach = M.on_attach,
    })
    clients[root] = id
  end
  if id ~= nil then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

return M
