// Runs the extension test suite in a desktop VS Code with @vscode/test-electron's runner, given the executable
// (VSCODE_EXECUTABLE_PATH): nothing is downloaded. Not exercised on our machines (no desktop VS Code, no display).
import { spawnSync } from 'node:child_process';
import { resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import type { VSCodeRun } from './vscodeRun';

/** Installs the run's .vsix with that VS Code's CLI, then runs the suite; resolves with VS Code's exit code. */
export async function runSuiteInDesktopVSCode(executable: string, run: VSCodeRun): Promise<number> {
  const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(executable);
  const folders = ['--extensions-dir', run.extensionsDir, '--user-data-dir', run.userDataDir];
  const install = spawnSync(cli!, [...cliArgs.filter((a) => !a.startsWith('--extensions-dir') && !a.startsWith('--user-data-dir')), ...folders, '--install-extension', run.vsix], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (install.status !== 0) throw new Error(`installing ${run.vsix} failed:\n${install.stdout}\n${install.stderr}`);
  return runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: run.suiteDir,
    extensionTestsPath: `${run.suiteDir}/index.js`,
    extensionTestsEnv: { CORROBORATE_SUITE_RESULTS: run.resultsFile },
    launchArgs: [run.workspace, ...folders, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  }).catch((error: { code?: number }) => {
    // runTests rejects when VS Code exits non-zero (a failed check); the checks' own results tell what failed.
    if (typeof error.code === 'number') return error.code;
    throw error;
  });
}
