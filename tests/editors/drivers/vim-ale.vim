" Drives Vim + ALE through the editor-test plan written by editor_harness.py.
"
" Sourced after the user's snippet in silent Ex mode (vim -es); timers and channels still run
" during :sleep, which is how the loop below waits for the server. ALE does not declare
" position encodings and reads LSP characters as byte columns, so the columns recorded here are
" ALE's own (1-based byte column - 1), exactly what the user's cursor would jump to.

let s:plan = json_decode(join(readfile($STAKES_EDITOR_TEST_PLAN), "\n"))
let s:result = {'steps': [], 'log': []}
let s:start = reltime()
let s:received = 0

function! s:Ms() abort
  return float2nr(reltimefloat(reltime(s:start)) * 1000)
endfunction

function! s:Log(msg) abort
  call add(s:result.log, printf('%6d ms %s', s:Ms(), a:msg))
endfunction

function! s:Wait(ms, Cond) abort
  let l:deadline = reltimefloat(reltime(s:start)) + a:ms / 1000.0
  while !a:Cond() && reltimefloat(reltime(s:start)) < l:deadline
    sleep 20m
  endwhile
  return a:Cond()
endfunction

" A column inside a multi-byte character would leave invalid UTF-8 in the JSON.
function! s:Valid(text) abort
  if a:text is# '' || iconv(a:text, 'utf-8', 'utf-16') isnot# ''
    return a:text
  endif
  return '<not valid UTF-8: column inside a character>'
endfunction

function! s:Shown(buf) abort
  let l:out = []
  for l:item in ale#engine#GetLoclist(a:buf)
    if get(l:item, 'linter_name', '') isnot# 'stakes'
      continue
    endif
    let l:line = get(getbufline(a:buf, l:item.lnum), 0, '')
    call add(l:out, {
    \ 'line': l:item.lnum - 1, 'col': l:item.col - 1,
    \ 'text': s:Valid(strpart(l:line, l:item.col - 1)),
    \ 'code': get(l:item, 'code', v:null), 'source': 'stakes',
    \ 'severity': l:item.type, 'message': l:item.text,
    \})
  endfor
  return l:out
endfunction

function! s:LinesMatch(buf, want) abort
  let l:seen = {}
  for l:item in ale#engine#GetLoclist(a:buf)
    if get(l:item, 'linter_name', '') is# 'stakes'
      let l:seen[l:item.lnum - 1] = 1
    endif
  endfor
  return len(l:seen) == len(a:want) && empty(filter(copy(a:want), '!has_key(l:seen, v:val)'))
endfunction

function! s:Apply(edit) abort
  let l:row = a:edit.line + 1
  if a:edit.kind is# 'insert_line'
    call append(a:edit.line, a:edit.text)
  elseif a:edit.kind is# 'insert_text'
    let l:text = getline(l:row)
    let l:at = stridx(l:text, a:edit.before)
    call setline(l:row, strpart(l:text, 0, l:at) . a:edit.text . strpart(l:text, l:at))
  elseif a:edit.kind is# 'replace_line'
    call setline(l:row, a:edit.text)
  else
    throw 'unknown edit ' . a:edit.kind
  endif
endfunction

function! s:Step(buf, step) abort
  let l:before = s:received
  let l:t0 = s:Ms()
  if type(a:step.edit) == v:t_dict
    call s:Apply(a:step.edit)
  endif
  " What ALE's TextChanged autocommand does in an interactive session.
  ALELint
  let l:ok = s:Wait(s:plan.step_timeout_ms, {-> s:received > l:before && s:LinesMatch(a:buf, a:step.lines)})
  let l:ms = s:Ms() - l:t0
  call s:Wait(s:plan.settle_ms, {-> 0})
  call s:Log(printf('step %s ok=%d after %d ms', a:step.name, l:ok, l:ms))
  call add(s:result.steps, {'name': a:step.name, 'ok': l:ok ? v:true : v:false, 'elapsed_ms': l:ms,
  \ 'diagnostics': s:Shown(a:buf)})
  return l:ok
endfunction

function! s:OnHover(response) abort
  let s:hover_response = a:response
endfunction

function! s:HoverText(contents) abort
  if type(a:contents) == v:t_string
    return a:contents
  elseif type(a:contents) == v:t_dict
    return get(a:contents, 'value', '')
  elseif type(a:contents) == v:t_list
    return join(map(copy(a:contents), 's:HoverText(v:val)'), "\n")
  endif
  return ''
endfunction

function! s:Hover(buf) abort
  let l:spec = s:plan.hover
  let l:col = stridx(getline(l:spec.line + 1), l:spec.needle) + l:spec.offset + 1
  let l:t0 = s:Ms()
  let s:hover_response = v:null
  call ale#lsp_linter#SendRequest(a:buf, 'stakes', ale#lsp#message#Hover(a:buf, l:spec.line + 1, l:col),
  \ function('s:OnHover'))
  call s:Wait(s:plan.step_timeout_ms, {-> s:hover_response isnot v:null})
  let l:text = ''
  if type(s:hover_response) == v:t_dict && type(get(s:hover_response, 'result')) == v:t_dict
    let l:text = s:HoverText(get(s:hover_response.result, 'contents', ''))
  endif
  let s:result.hover = {'text': l:text, 'elapsed_ms': s:Ms() - l:t0}
endfunction

function! s:Main() abort
  filetype on
  " Test-only ALE settings: run Stakes alone, and lint only when this driver says so.
  let g:ale_linters_explicit = 1
  let g:ale_linters = {'python': ['stakes']}
  let g:ale_lint_on_text_changed = 'never'
  let g:ale_lint_on_insert_leave = 0
  let g:ale_lint_delay = 0
  augroup stakes_editor_test
    autocmd!
    autocmd User ALELintPost let s:received += 1
  augroup END
  execute 'cd ' . fnameescape(s:plan.root)
  execute 'edit ' . fnameescape(s:plan.file)
  let l:buf = bufnr('%')
  call s:Log('opened, filetype ' . &filetype)
  if !s:Step(l:buf, s:plan.steps[0]) && empty(s:Shown(l:buf))
    throw 'no diagnostics from stakes within ' . s:plan.step_timeout_ms . ' ms; later steps skipped'
  endif
  call s:Hover(l:buf)
  for l:step in s:plan.steps[1:]
    call s:Step(l:buf, l:step)
  endfor
endfunction

try
  call s:Main()
catch
  let s:result.error = v:exception . ' at ' . v:throwpoint
endtry
let s:result.version = string(v:version)
call writefile([json_encode(s:result)], $STAKES_EDITOR_TEST_OUT)
qa!
