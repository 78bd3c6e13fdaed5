-- Neovim 0.7's built-in LSP client against the Five Nets server (stdio), headless:
--   nvim --headless -u NONE -i NONE -n -c "luafile test/e2e/nvim/check.lua"
-- Reads FIVENETS_E2E_NODE, FIVENETS_E2E_SERVER, FIVENETS_E2E_DRAFT, FIVENETS_E2E_HOVER
-- (a word in the draft), FIVENETS_E2E_FIX (text a quick fix title contains) and writes
-- what the client saw to FIVENETS_E2E_RESULT as JSON; test/e2e/nvim.e2e.ts checks it.
-- Neovim counts buffer columns in bytes and speaks UTF-16 to the server: every column
-- written here is a byte column, with the text found there.

local env = function(name)
  local value = os.getenv(name)
  assert(value and value ~= '', name .. ' is not set')
  return value
end

local result = { nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) }
local TIMEOUT = tonumber(os.getenv('FIVENETS_E2E_TIMEOUT_MS') or '30000')

local function write_result()
  local file = assert(io.open(env('FIVENETS_E2E_RESULT'), 'w'))
  file:write(vim.json.encode(result))
  file:close()
end

local function check()
  local draft = env('FIVENETS_E2E_DRAFT')
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'markdown'

  -- The raw LSP diagnostics too: a code action request sends them back (with their data).
  local published = {}
  local client_id = vim.lsp.start_client({
    name = 'fivenets',
    cmd = { env('FIVENETS_E2E_NODE'), env('FIVENETS_E2E_SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(draft, ':h'),
    settings = { fivenets = { locale = 'zh-CN' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        published[params.uri] = params.diagnostics
        return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(buf, client_id), 'buf_attach_client failed')
  local client = vim.lsp.get_client_by_id(client_id)

  local uri = vim.uri_from_bufnr(buf)
  assert(vim.wait(TIMEOUT, function() return #vim.diagnostic.get(buf) > 0 end, 50), 'no diagnostics within the timeout')
  result.offsetEncoding = client.offset_encoding
  result.serverName = client.server_capabilities and client.server_capabilities.hoverProvider and 'fivenets' or nil

  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  result.diagnostics = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
    local line = lines[diagnostic.lnum + 1] or ''
    local text = diagnostic.end_lnum == diagnostic.lnum and line:sub(diagnostic.col + 1, diagnostic.end_col) or line:sub(diagnostic.col + 1)
    table.insert(result.diagnostics, {
      code = diagnostic.code,
      lnum = diagnostic.lnum,
      col = diagnostic.col,
      end_lnum = diagnostic.end_lnum,
      end_col = diagnostic.end_col,
      text = text,
      message = diagnostic.message,
    })
  end

  -- Hover: the cursor on the middle character of the word, as `K` would send it.
  local word = env('FIVENETS_E2E_HOVER')
  for index, line in ipairs(lines) do
    local start = line:find(word, 1, true)
    if start then
      local middle = vim.str_byteindex(word, math.floor(vim.str_utfindex(word) / 2))
      vim.api.nvim_win_set_cursor(0, { index, start - 1 + middle })
      local params = vim.lsp.util.make_position_params()
      result.hoverPosition = params.position
      local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, TIMEOUT)
      local response = responses and responses[client_id]
      local contents = response and response.result and response.result.contents
      result.hover = contents and (contents.value or contents) or vim.NIL
      break
    end
  end

  -- Code action: the quick fix for the first diagnostic whose fix title contains FIVENETS_E2E_FIX.
  local wanted = env('FIVENETS_E2E_FIX')
  for _, lsp_diagnostic in ipairs(published[uri] or {}) do
    local fix = lsp_diagnostic.data and lsp_diagnostic.data.fix
    if fix ~= nil and fix ~= vim.NIL and fix.title:find(wanted, 1, true) then
      local line = lsp_diagnostic.range.start.line
      local params = {
        textDocument = { uri = uri },
        range = lsp_diagnostic.range,
        context = { diagnostics = { lsp_diagnostic }, only = { 'quickfix' } },
      }
      local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, TIMEOUT)
      local actions = responses and responses[client_id] and responses[client_id].result or {}
      result.codeActions = {}
      for _, action in ipairs(actions) do
        table.insert(result.codeActions, action.title)
        if action.title == fix.title and not result.appliedFix then
          vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
          result.appliedFix = action.title
        end
      end
      result.fixedLine = line
      result.fixedText = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
      break
    end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = xpcall(check, debug.traceback)
if not ok then result.error = tostring(err) end
write_result()
vim.cmd(ok and 'qa!' or 'cquit 1')
