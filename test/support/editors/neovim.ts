// Runs the Corroborate language server inside a real headless Neovim (its built-in LSP client) and returns what the
// editor saw: the Lua side is neovim-probe.lua, which documents the exchange.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../seeds';

/** One LSP request Neovim sends, with the cursor on the first occurrence of `at` when given. */
export interface NeovimRequest {
  name: string;
  method: string;
  at?: string;
  /** Fields added to the position params (e.g. `context` for textDocument/references). */
  params?: Record<string, unknown>;
}

export interface NeovimResponse {
  result: unknown;
  error: unknown;
  position?: { line: number; character: number };
}

export interface NeovimSession {
  initialized: boolean;
  /** Every textDocument/publishDiagnostics the server sent, in order, as received. */
  diagnostics: PublishDiagnosticsParams[];
  /** How many diagnostics Neovim holds for the buffer (vim.diagnostic.get) once they arrived. */
  buffer_diagnostics: number;
  responses: Record<string, NeovimResponse>;
  error?: string;
}

const SERVER = path.join(ROOT, 'dist', 'server.js');
const PROBE = path.join(__dirname, 'neovim-probe.lua');

/** Opens `file` in `nvim --headless --clean` attached to the server, sends `requests`, and reports the session. */
export async function runInNeovim(file: string, requests: NeovimRequest[], deadlineMs = 30000): Promise<NeovimSession & { stderr: string }> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-nvim-'));
  try {
    const result = path.join(work, 'result.json');
    const input = path.join(work, 'probe.json');
    fs.writeFileSync(input, JSON.stringify({ server: [process.execPath, SERVER, '--stdio'], root: ROOT, file, result, deadline_ms: deadlineMs, requests }));
    const nvim = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${PROBE}`], {
      // Neovim writes its own state (shada, logs) under these; keep them out of the user's home.
      env: { ...process.env, CORROBORATE_PROBE: input, XDG_STATE_HOME: work, XDG_DATA_HOME: work, XDG_CACHE_HOME: work, XDG_CONFIG_HOME: work },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    nvim.stdout.on('data', (d) => (stderr += d));
    nvim.stderr.on('data', (d) => (stderr += d));
    const exit = await new Promise<number | null>((resolve, reject) => {
      nvim.once('error', (e) => reject(new Error(`could not start nvim (run scripts/setup-editors.mjs): ${e.message}`)));
      nvim.once('exit', (code) => resolve(code));
    });
    if (!fs.existsSync(result)) throw new Error(`nvim exited with ${exit} without writing its result; output:\n${stderr}`);
    const session = JSON.parse(fs.readFileSync(result, 'utf8')) as NeovimSession;
    if (session.error) throw new Error(`the Neovim probe failed: ${session.error}\n${stderr}`);
    if (exit !== 0) throw new Error(`nvim exited with ${exit}; output:\n${stderr}`);
    return { ...session, stderr };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
