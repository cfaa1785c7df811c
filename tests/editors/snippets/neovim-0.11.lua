-- Stakes in Neovim 0.11+: the built-in LSP client, no plugin needed.
-- Put this in init.lua (or in lsp/stakes.lua without the vim.lsp.config wrapper).
vim.lsp.config('stakes', {
  cmd = { 'stakes', 'serve' },
  filetypes = {
    'python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'go', 'java',
    'yaml', -- shows errors in your .stakes/ rule packs and config
  },
  root_markers = { '.stakes', '.git' },
})
vim.lsp.enable('stakes')
