-- Stakes in Neovim 0.7 to 0.10 without plugins: one client per project root,
-- attached to every buffer of a supported file type.
local stakes_filetypes = {
  'python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'go', 'java', 'yaml',
}
local stakes_clients = {}

local function stakes_root(bufnr)
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h')
  for _, marker in ipairs({ '.stakes', '.git' }) do
    local found = vim.fn.finddir(marker, dir .. ';')
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h:h')
    end
  end
  return dir
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = stakes_filetypes,
  callback = function(args)
    local root = stakes_root(args.buf)
    local id = stakes_clients[root]
    if id == nil or vim.lsp.get_client_by_id(id) == nil then
      id = vim.lsp.start_client({ name = 'stakes', cmd = { 'stakes', 'serve' }, root_dir = root })
      stakes_clients[root] = id
    end
    if id ~= nil then
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
