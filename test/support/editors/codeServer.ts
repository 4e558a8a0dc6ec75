// Starts and stops code-server (VS Code's workbench and extension host, served to a browser) for one VS Code run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerBin, codeServerEnv } from './tools.mjs';
import type { VSCodeRun } from './vscodeRun';

export interface CodeServer {
  /** e.g. http://127.0.0.1:40717 */
  origin: string;
  /** The `host:port` the workbench reaches the server at (the authority of its vscode-remote: URIs). */
  authority: string;
  log(): string;
  stop(): Promise<void>;
}

const START_DEADLINE_MS = 60000;

function requireCodeServer(): string {
  const bin = codeServerBin();
  if (!fs.existsSync(bin)) throw new Error(`code-server is not installed at ${bin}: run \`node scripts/setup-editors.mjs\``);
  return bin;
}

/** Installs the run's .vsix into its extensions folder with code-server's own CLI, as a user would. */
export function installExtension(run: VSCodeRun): void {
  const result = spawnSync(
    process.execPath,
    [requireCodeServer(), '--extensions-dir', run.extensionsDir, '--user-data-dir', run.userDataDir, '--install-extension', run.vsix],
    { env: codeServerEnv(path.join(run.root, 'home')), encoding: 'utf8', timeout: START_DEADLINE_MS },
  );
  if (result.status !== 0 || !/successfully installed/.test(result.stdout)) {
    throw new Error(`code-server --install-extension failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** Starts code-server on a free port of 127.0.0.1 with the run's folders; resolves once it listens. */
export async function startCodeServer(run: VSCodeRun, env: NodeJS.ProcessEnv = {}): Promise<CodeServer> {
  const child = spawn(
    process.execPath,
    [
      requireCodeServer(),
      '--auth', 'none',
      '--bind-addr', '127.0.0.1:0', // the kernel picks a free port; code-server prints it
      '--extensions-dir', run.extensionsDir,
      '--user-data-dir', run.userDataDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      run.workspace,
    ],
    // Its own process group, so stop() ends code-server together with the extension host and helpers it forks.
    { env: { ...codeServerEnv(path.join(run.root, 'home')), ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  // Ended with the test process whatever way it ends: normally (stop()), on exit, or interrupted.
  const stopGroup = () => killGroup(child);
  const onSignal = (signal: NodeJS.Signals) => {
    stopGroup();
    process.kill(process.pid, signal);
  };
  process.once('exit', stopGroup);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const forget = () => {
    process.removeListener('exit', stopGroup);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${START_DEADLINE_MS} ms:\n${output}`)), START_DEADLINE_MS);
    const onData = (data: Buffer) => {
      output += data;
      const listening = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    child.once('error', (e) => fail(new Error(`could not start code-server: ${e.message}`)));
    child.once('exit', (code) => fail(new Error(`code-server exited with ${code} before listening:\n${output}`)));
  }).catch((error) => {
    forget();
    stopGroup();
    throw error;
  });
  return {
    origin,
    authority: new URL(origin).host,
    log: () => output,
    async stop() {
      forget();
      if (child.exitCode !== null || child.signalCode !== null) return killGroup(child, 'SIGKILL', true);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      killGroup(child);
      // Give it a moment to shut its extension host down cleanly, then make sure.
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
      killGroup(child, 'SIGKILL', true); // helpers it forked that outlived it
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', evenIfExited = false): void {
  if (child.pid === undefined || (!evenIfExited && (child.exitCode !== null || child.signalCode !== null))) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
