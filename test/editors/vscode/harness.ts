// A minimal test runner for inside the VS Code extension host (no mocha: nothing to install in the editor). Checks run
// in order; each gets a name, passes or fails with a message; the outcome goes to a JSON file for the node side.
import * as fs from 'node:fs';

export interface CheckResult {
  name: string;
  passed: boolean;
  error?: string;
  durationMs: number;
}

export interface SuiteResults {
  /** Which editor ran the suite (vscode.env.appName, vscode.version, vscode.env.appHost). */
  editor: string;
  checks: CheckResult[];
}

const checks: { name: string; fn: () => Promise<void> | void }[] = [];

/** Registers a check; checks run in registration order. */
export function check(name: string, fn: () => Promise<void> | void): void {
  checks.push({ name, fn });
}

/** Runs every registered check, writes the results to `resultsFile` (when given), and returns them. */
export async function runChecks(editor: string, resultsFile: string | undefined): Promise<SuiteResults> {
  const results: SuiteResults = { editor, checks: [] };
  for (const { name, fn } of checks) {
    const started = Date.now();
    try {
      await fn();
      results.checks.push({ name, passed: true, durationMs: Date.now() - started });
    } catch (error) {
      // The message, then where it was thrown.
      const message = error instanceof Error ? `${error.message}\n${(error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 3).join('\n')}` : String(error);
      results.checks.push({ name, passed: false, error: message, durationMs: Date.now() - started });
    }
    console.log(`[corroborate suite] ${results.checks.at(-1)!.passed ? 'ok  ' : 'FAIL'} ${name}`);
  }
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  return results;
}
