// Where the editor tools live: shared by scripts/setup-editors.mjs (which installs them) and the editor tests (which
// run them), so both agree on one cache folder.
import { homedir } from 'node:os';
import * as path from 'node:path';

/** The code-server release the VS Code tier runs: VS Code 1.100.3, the last line that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';

/** The tools cache folder: $CORROBORATE_TOOLS_DIR, else ~/.cache/corroborate-tools. */
export function toolsDir() {
  return path.resolve(process.env.CORROBORATE_TOOLS_DIR || path.join(homedir(), '.cache', 'corroborate-tools'));
}

/** The folder code-server is installed in (an npm project of its own). */
export function codeServerDir() {
  return path.join(toolsDir(), `code-server-${CODE_SERVER_VERSION}`);
}

/** code-server's entry script, run with node. */
export function codeServerBin(dir = codeServerDir()) {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Environment for a code-server process whose own files (config.yaml with a generated password, logs) go under
 * `home` instead of the user's ~/.config and ~/.local/share: code-server writes them on every first start. */
export function codeServerEnv(home) {
  return { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data') };
}
