// Per-document debouncing: re-analysis waits until typing pauses; callers can wait for that pause.
import type { CancellationToken } from 'vscode-languageserver';

interface Pending {
  timer: NodeJS.Timeout;
  run: () => void;
  waiters: (() => void)[];
}

export class Debouncer {
  private readonly pending = new Map<string, Pending>();

  /** Runs `run` once `delayMs` have passed without another schedule for the same key. */
  schedule(key: string, delayMs: number, run: () => void): void {
    const prev = this.pending.get(key);
    if (prev) clearTimeout(prev.timer);
    const entry: Pending = { run, waiters: prev?.waiters ?? [], timer: setTimeout(() => this.fire(key), delayMs) };
    this.pending.set(key, entry);
  }

  /** Runs a pending action now. */
  flush(key: string): void {
    if (this.pending.has(key)) this.fire(key);
  }

  /** Drops a pending action without running it, releasing anyone waiting. */
  drop(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(key);
    entry.waiters.forEach((w) => w());
  }

  /** Whether an action waits for `key`. */
  isPending(key: string): boolean {
    return this.pending.has(key);
  }

  /** Resolves true once nothing is pending for `key`, or false as soon as the token is cancelled. */
  settled(key: string, token: CancellationToken): Promise<boolean> {
    const entry = this.pending.get(key);
    // A token cancelled before the handler ran never fires its event: check first.
    if (!entry || token.isCancellationRequested) return Promise.resolve(!token.isCancellationRequested);
    return new Promise((resolve) => {
      const sub = token.onCancellationRequested(() => resolve(false));
      entry.waiters.push(() => {
        sub.dispose();
        resolve(!token.isCancellationRequested);
      });
    });
  }

  private fire(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(key);
    try {
      entry.run();
    } finally {
      entry.waiters.forEach((w) => w());
    }
  }
}
