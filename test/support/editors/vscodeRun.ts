// Everything one VS Code run needs, in a fresh temporary folder: the packaged extension (.vsix), a workspace with the
// seeds in `seeds/` (the default corpus), user settings, an empty extensions folder, and the extension test suite
// (test/editors/vscode/) bundled the way VS Code loads it. Shared by code-server (here) and a desktop VS Code.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { SuiteResults } from '../../editors/vscode/harness';
import { ROOT, SEEDS_DIR } from '../seeds';

export interface VSCodeRun {
  root: string;
  vsix: string;
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  /** A test-only extension folder (`--extensionDevelopmentPath`) whose index.js is the suite (`--extensionTestsPath`). */
  suiteDir: string;
  resultsFile: string;
  readResults(): SuiteResults;
  dispose(): void;
}

// No welcome page, no Restricted Mode (in which extensions that need trust stay off), no gallery lookups (offline).
export const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  // For a readable screenshot: whole lines, no minimap, no highlight of the word under the cursor.
  'editor.wordWrap': 'on',
  'editor.minimap.enabled': false,
  'editor.occurrencesHighlight': 'off',
};

export async function prepareVSCodeRun(): Promise<VSCodeRun> {
  for (const built of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-vscode-'));
  const run: VSCodeRun = {
    root,
    vsix: path.join(root, 'corroborate.vsix'),
    workspace: path.join(root, 'workspace'),
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    suiteDir: path.join(root, 'suite'),
    resultsFile: path.join(root, 'suite-results.json'),
    readResults() {
      if (!fs.existsSync(run.resultsFile)) throw new Error(`the suite wrote no results to ${run.resultsFile}`);
      return JSON.parse(fs.readFileSync(run.resultsFile, 'utf8')) as SuiteResults;
    },
    dispose() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    packageExtension(run.vsix);
    fs.mkdirSync(path.join(run.workspace, 'seeds'), { recursive: true });
    for (const seed of fs.readdirSync(SEEDS_DIR)) fs.copyFileSync(path.join(SEEDS_DIR, seed), path.join(run.workspace, 'seeds', seed));
    fs.mkdirSync(path.join(run.userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(run.userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    fs.mkdirSync(run.extensionsDir);
    await bundleSuite(run.suiteDir);
    return run;
  } catch (error) {
    run.dispose();
    throw error;
  }
}

/**
 * Packages the built extension into `vsix` with the `vsce package` options of `npm run package` (read from
 * package.json, so the two cannot drift), without rebuilding dist/ under the feet of other tests.
 */
function packageExtension(vsix: string): void {
  const script: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts?.package ?? '';
  const options = /vsce package([^&|;]*)/.exec(script)?.[1]?.trim().split(/\s+/).filter(Boolean);
  if (!options) throw new Error(`the "package" script of package.json does not run \`vsce package\`: ${script}`);
  const out = options.findIndex((o) => o === '-o' || o === '--out');
  if (out >= 0) options.splice(out, 2);
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', ...options, '-o', vsix], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0 || !fs.existsSync(vsix)) throw new Error(`vsce package failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

async function bundleSuite(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  // A development extension with no code of its own: VS Code needs one to accept --extensionTestsPath.
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'corroborate-editor-tests', publisher: 'corroborate', version: '0.0.0', private: true, engines: { vscode: '^1.100.0' } }, null, 2),
  );
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test', 'editors', 'vscode', 'index.ts')],
    outfile: path.join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'error',
  });
}
