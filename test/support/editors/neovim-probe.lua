-- Drives the Corroborate language server from inside a real Neovim (0.7+, headless) through Neovim's own LSP client,
-- then writes what the editor saw as JSON for test/editors/neovim.test.ts to check.
--
-- Input: the JSON file named by $CORROBORATE_PROBE:
--   { "server": [argv...], "root": dir, "file": path, "result": path, "deadline_ms": n,
--     "requests": [{ "name": "hover", "method": "textDocument/hover", "at": "text to put the cursor on",
--                    "params": { extra fields, e.g. a references context } }, ...] }
-- A request with "at" is sent with the cursor on the first occurrence of that text (position params built by
-- Neovim, so UTF-16 columns are Neovim's conversion, not ours); one without is sent with just the document.
-- Output (the "result" file): { "initialized", "diagnostics": [raw publishDiagnostics params...],
--   "buffer_diagnostics": n, "responses": { name: { "result", "error", "position" } }, "error": message|nil }
-- Every wait polls with vim.wait and a deadline; whatever happens, the result is written and Neovim quits.

local probe = vim.json.decode(table.concat(vim.fn.readfile(os.getenv('CORROBORATE_PROBE')), '\n'))
local out = { initialized = false, diagnostics = {}, buffer_diagnostics = 0, responses = {} }
local deadline = probe.deadline_ms or 30000

local function wait_for(what, condition)
  if not vim.wait(deadline, condition, 20) then
    error('timed out waiting for ' .. what)
  end
end

-- Finds `text` in the buffer and returns the (1-based row, 0-based byte column) Neovim's cursor wants.
local function find(bufnr, text)
  for row, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = string.find(line, text, 1, true)
    if col then return row, col - 1 end
  end
  error('text not found in the buffer: ' .. text)
end

local function main()
  local client_id = vim.lsp.start_client({
    name = 'corroborate',
    cmd = probe.server,
    root_dir = probe.root,
    on_init = function() out.initialized = true end,
    handlers = {
      -- Keep the raw notification (source, code, related information) and let Neovim show it as usual.
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        table.insert(out.diagnostics, result)
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
      end,
    },
  })
  if not client_id then error('vim.lsp.start_client did not start the server') end

  vim.cmd('edit ' .. vim.fn.fnameescape(probe.file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  wait_for('the server to initialize', function() return out.initialized end)
  wait_for('diagnostics in the buffer', function() return #vim.diagnostic.get(bufnr) > 0 end)
  out.buffer_diagnostics = #vim.diagnostic.get(bufnr)

  for _, request in ipairs(probe.requests or {}) do
    local params
    if request.at then
      local row, col = find(bufnr, request.at)
      vim.api.nvim_win_set_cursor(0, { row, col })
      params = vim.lsp.util.make_position_params()
      -- Extra fields a method needs beyond the position (references: its context).
      for key, value in pairs(request.params or {}) do params[key] = value end
    else
      params = { textDocument = vim.lsp.util.make_text_document_params() }
    end
    local response = vim.lsp.buf_request_sync(bufnr, request.method, params, deadline)
    local answer = response and response[client_id]
    if not answer then error('no answer to ' .. request.method .. ' within the deadline') end
    out.responses[request.name] = { result = answer.result, error = answer.err, position = params.position }
  end

  vim.lsp.stop_client(client_id)
  wait_for('the server to stop', function() return vim.lsp.client_is_stopped(client_id) end)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then out.error = tostring(err) end
vim.fn.writefile({ vim.json.encode(out) }, probe.result)
vim.cmd(ok and 'qall!' or 'cquit! 1')
