-- pgpe for Neovim (0.7 and newer): starts `pgpe lsp` for pgpe buffers, one client per
-- workspace root (the directory holding pgpe.yaml, found upward from the file).
local M = {}

M.config = {
  -- The command; `vim.g.pgpe_cmd` (a list) overrides it too.
  cmd = nil,
}

local clients = {}

--- Overrides the defaults, e.g. `require('pgpe').setup({ cmd = { '/opt/pgpe/bin/pgpe', 'lsp' } })`.
function M.setup(options)
  M.config = vim.tbl_extend('force', M.config, options or {})
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
    })
    clients[root] = id
  end
  if id ~= nil then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

return M
