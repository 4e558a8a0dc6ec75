// The extension test entry VS Code loads (`--extensionTestsPath`), for @vscode/test-electron's runner in a desktop
// VS Code and for code-server's extension host alike: `run()` resolves when every check passed, rejects otherwise.
// Results also go to $CORROBORATE_SUITE_RESULTS as JSON (see harness.ts) so the node test can report each check.
import * as vscode from 'vscode';
import './corroborate.checks';
import { runChecks } from './harness';

export async function run(): Promise<void> {
  const editor = `${vscode.env.appName} ${vscode.version} (${vscode.env.appHost})`;
  const results = await runChecks(editor, process.env.CORROBORATE_SUITE_RESULTS);
  const failed = results.checks.filter((c) => !c.passed);
  if (failed.length) throw new Error(`${failed.length} of ${results.checks.length} checks failed: ${failed.map((c) => c.name).join('; ')}`);
}
