" Stakes with ALE in Vim 8.2+ (Debian: apt-get install vim-ale; elsewhere install ALE as a plugin).
packadd ale

" The project root is the nearest folder holding .stakes/ or .git/.
function! StakesProjectRoot(buffer) abort
  for l:marker in ['.stakes', '.git']
    let l:found = ale#path#FindNearestDirectory(a:buffer, l:marker)
    if !empty(l:found)
      return fnamemodify(l:found, ':h:h')
    endif
  endfor
  return fnamemodify(bufname(a:buffer), ':p:h')
endfunction

" ALE reads LSP columns as byte offsets without telling the server; positionEncoding asks Stakes
" for UTF-8 (byte) columns, so diagnostics on lines with non-ASCII text land on the right spot.
for s:filetype in ['python', 'javascript', 'typescript', 'typescriptreact', 'go', 'java', 'yaml']
  call ale#linter#Define(s:filetype, {
  \   'name': 'stakes',
  \   'lsp': 'stdio',
  \   'executable': 'stakes',
  \   'command': '%e serve',
  \   'project_root': function('StakesProjectRoot'),
  \   'initialization_options': {'positionEncoding': 'utf-8'},
  \})
endfor
