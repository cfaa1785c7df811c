-- Drives Neovim (0.7 or 0.11) through the editor-test plan written by editor_harness.py.
--
-- Run headless with the user's snippet already sourced. Everything runs inside xpcall and the
-- script always ends with `qa!`: an uncaught Lua error would leave headless Neovim waiting
-- forever. Results (what vim.diagnostic shows, in Neovim's own byte columns) go to a JSON file.

local plan_path = os.getenv('STAKES_EDITOR_TEST_PLAN')
local result = { steps = {}, raw = {}, log = {} }
local out_path = os.getenv('STAKES_EDITOR_TEST_OUT')
local started = vim.loop.hrtime()

local function elapsed_ms()
  return math.floor((vim.loop.hrtime() - started) / 1e6)
end

local function log(msg)
  table.insert(result.log, string.format('%6d ms %s', elapsed_ms(), msg))
end

local function write_result()
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function read_plan()
  local f = assert(io.open(plan_path, 'r'))
  local text = f:read('*a')
  f:close()
  return vim.fn.json_decode(text)
end

-- Count every diagnostics message the server sends, push or pull, so the test can tell which
-- model the server chose and notice a client that receives both.
local received = 0
local function count_handler(method)
  local original = vim.lsp.handlers[method]
  if original == nil then
    return
  end
  vim.lsp.handlers[method] = function(err, res, ctx, config)
    received = received + 1
    result.raw[method] = (result.raw[method] or 0) + 1
    if res ~= nil and res.diagnostics ~= nil then
      result.raw.last_push = res.diagnostics
    elseif res ~= nil and res.items ~= nil then
      result.raw.last_pull = res.items
    end
    return original(err, res, ctx, config)
  end
end
count_handler('textDocument/publishDiagnostics')
count_handler('textDocument/diagnostic')

local function stakes_client(buf)
  if vim.lsp.get_clients ~= nil then
    return vim.lsp.get_clients({ bufnr = buf, name = 'stakes' })[1]
  end
  for _, client in pairs(vim.lsp.buf_get_clients(buf)) do
    if client.name == 'stakes' then
      return client
    end
  end
  return nil
end

local function line_text(buf, lnum)
  return vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] or ''
end

-- A column in the middle of a character leaves invalid UTF-8, which json_encode rejects.
local function valid_utf8(s)
  if s == '' or vim.fn.iconv(s, 'utf-8', 'utf-16') ~= '' then
    return s
  end
  return '<not valid UTF-8: column inside a character>'
end

local function shown(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out, {
      line = d.lnum,
      col = d.col,
      end_line = d.end_lnum,
      end_col = d.end_col,
      text = valid_utf8(line_text(buf, d.lnum):sub(d.col + 1)),
      code = d.code,
      source = d.source,
      severity = d.severity,
      message = d.message,
    })
  end
  table.sort(out, function(a, b)
    return a.line < b.line or (a.line == b.line and a.col < b.col)
  end)
  return out
end

local function lines_match(buf, want)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    seen[d.lnum] = true
  end
  local count = 0
  for _ in pairs(seen) do
    count = count + 1
  end
  if count ~= #want then
    return false
  end
  for _, lnum in ipairs(want) do
    if not seen[lnum] then
      return false
    end
  end
  return true
end

local function apply(buf, edit)
  if edit.kind == 'insert_line' then
    vim.api.nvim_buf_set_lines(buf, edit.line, edit.line, false, { edit.text })
  elseif edit.kind == 'insert_text' then
    local at = assert(line_text(buf, edit.line):find(edit.before, 1, true), 'needle not found')
    vim.api.nvim_buf_set_text(buf, edit.line, at - 1, edit.line, at - 1, { edit.text })
  elseif edit.kind == 'replace_line' then
    vim.api.nvim_buf_set_lines(buf, edit.line, edit.line + 1, false, { edit.text })
  else
    error('unknown edit ' .. tostring(edit.kind))
  end
end

-- Wait until a diagnostics message arrived after the edit and the lines are the expected ones,
-- then wait a little longer so a late duplicate (push after pull) would still be seen.
local function run_step(plan, buf, step)
  local before = received
  local t0 = elapsed_ms()
  if step.edit ~= vim.NIL and step.edit ~= nil then
    apply(buf, step.edit)
  end
  local ok = vim.wait(plan.step_timeout_ms, function()
    return received > before and lines_match(buf, step.lines)
  end, 20)
  local ms = elapsed_ms() - t0
  vim.wait(plan.settle_ms, function()
    return false
  end, 20)
  log(string.format('step %s ok=%s after %d ms', step.name, tostring(ok), ms))
  table.insert(result.steps, { name = step.name, ok = ok, elapsed_ms = ms, diagnostics = shown(buf) })
  return ok
end

local function hover_text(contents)
  if type(contents) == 'string' then
    return contents
  elseif type(contents) == 'table' and contents.value ~= nil then
    return contents.value
  elseif type(contents) == 'table' then
    local parts = {}
    for _, part in ipairs(contents) do
      table.insert(parts, hover_text(part))
    end
    return table.concat(parts, '\n')
  end
  return ''
end

local function hover(plan, buf, client)
  local spec = plan.hover
  local at = assert(line_text(buf, spec.line):find(spec.needle, 1, true), 'hover needle not found')
  vim.api.nvim_win_set_cursor(0, { spec.line + 1, at - 1 + spec.offset })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local t0 = elapsed_ms()
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, plan.step_timeout_ms)
  local text = ''
  for _, response in pairs(responses or {}) do
    if response.result ~= nil and response.result ~= vim.NIL then
      text = text .. hover_text(response.result.contents)
    elseif response.err ~= nil then
      text = text .. 'ERROR ' .. vim.fn.json_encode(response.err)
    end
  end
  result.hover = { text = text, elapsed_ms = elapsed_ms() - t0, character = params.position.character }
end

-- Open an extra file (a broken rule file) and record what Neovim shows in it.
local function check_extra(plan, spec)
  vim.cmd('edit ' .. vim.fn.fnameescape(spec.file))
  local buf = vim.api.nvim_get_current_buf()
  local t0 = elapsed_ms()
  local ok = vim.wait(plan.step_timeout_ms, function()
    return #vim.diagnostic.get(buf) >= spec.min_diagnostics
  end, 20)
  vim.wait(plan.settle_ms, function()
    return false
  end, 20)
  table.insert(result.steps, {
    name = spec.name, ok = ok, elapsed_ms = elapsed_ms() - t0, diagnostics = shown(buf),
    attached = stakes_client(buf) ~= nil,
  })
end

-- Fix the broken rule file in the editor and save it: its errors must go, and the fixed rule
-- must start flagging in the code buffer (the server reloads packs on save or file watch).
local function fix_rule(plan, spec)
  vim.cmd('edit ' .. vim.fn.fnameescape(spec.file))
  local rule_buf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(rule_buf, spec.line, spec.line + 1, false, { spec.text })
  local before = received
  vim.cmd('write')
  local t0 = elapsed_ms()
  local ok = vim.wait(plan.step_timeout_ms, function()
    return #vim.diagnostic.get(rule_buf) == 0
  end, 20)
  table.insert(result.steps, {
    name = 'fixed_rule_file', ok = ok, elapsed_ms = elapsed_ms() - t0, diagnostics = shown(rule_buf),
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(plan.file))
  local code_buf = vim.api.nvim_get_current_buf()
  t0 = elapsed_ms()
  ok = vim.wait(plan.step_timeout_ms, function()
    return received > before and lines_match(code_buf, spec.lines) and #vim.diagnostic.get(code_buf) >= spec.count
  end, 20)
  vim.wait(plan.settle_ms, function()
    return false
  end, 20)
  log(string.format('fixed rule ok=%s', tostring(ok)))
  table.insert(result.steps, {
    name = 'fixed_rule_code', ok = ok, elapsed_ms = elapsed_ms() - t0, diagnostics = shown(code_buf),
  })
end

local function main()
  local plan = read_plan()
  result.version = vim.version and tostring(vim.version().major .. '.' .. vim.version().minor) or '?'
  vim.cmd('filetype on')
  vim.cmd('cd ' .. vim.fn.fnameescape(plan.root))
  vim.cmd('edit ' .. vim.fn.fnameescape(plan.file))
  local buf = vim.api.nvim_get_current_buf()
  local attached = vim.wait(plan.step_timeout_ms, function()
    local client = stakes_client(buf)
    return client ~= nil and client.initialized ~= false and client.server_capabilities ~= nil
  end, 20)
  if not attached then
    error('no stakes client attached to ' .. plan.file)
  end
  local client = stakes_client(buf)
  result.encoding = client.offset_encoding
  result.server_capabilities = client.server_capabilities
  log('attached, encoding ' .. tostring(client.offset_encoding))
  local steps = plan.steps
  if not run_step(plan, buf, steps[1]) and #vim.diagnostic.get(buf) == 0 then
    error('no diagnostics from stakes within ' .. plan.step_timeout_ms .. ' ms; later steps skipped')
  end
  hover(plan, buf, client)
  for i = 2, #steps do
    run_step(plan, buf, steps[i])
  end
  for _, spec in ipairs(plan.extra_files or {}) do
    check_extra(plan, spec)
  end
  if plan.fix_rule ~= nil then
    fix_rule(plan, plan.fix_rule)
  end
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  result.error = tostring(err)
end
pcall(write_result)
vim.cmd('qa!')
