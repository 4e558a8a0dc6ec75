// Waiting inside the editor without sleeping: re-check a condition whenever VS Code reports a change that could make
// it true, and give up at a deadline with what was last seen.
import * as vscode from 'vscode';

/**
 * Resolves with `probe()`'s first truthy value, checked now and after each `event`; rejects after `deadlineMs`
 * with `describe()` of the last state.
 */
export function waitFor<T>(what: string, probe: () => T | undefined, event: vscode.Event<unknown>, deadlineMs: number, describe: () => string = () => ''): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = probe();
    if (first) return resolve(first);
    const done = (settle: () => void) => {
      clearTimeout(timer);
      subscription.dispose();
      settle();
    };
    const subscription = event(() => {
      const value = probe();
      if (value) done(() => resolve(value));
    });
    const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${deadlineMs} ms waiting for ${what}. ${describe()}`))), deadlineMs);
  });
}
