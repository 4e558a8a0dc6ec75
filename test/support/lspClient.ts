// A real LSP client over stdio for protocol tests: spawns dist/server.js and speaks JSON-RPC to it.
// It answers the server's own requests (configuration, registrations, progress, refreshes) the way an editor would,
// and records them so tests can wait for what a user would see.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  PublishDiagnosticsNotification,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  ExitNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ConfigurationRequest,
  RegistrationRequest,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  DiagnosticRefreshRequest,
  CodeLensRefreshRequest,
  SemanticTokensRefreshRequest,
  LogMessageNotification,
  ShowMessageNotification,
  type ClientCapabilities,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './seeds';

export interface TestClientOptions {
  /** The workspace folder; the repository (with its seeds/) by default. */
  root?: string;
  /** Client capabilities, merged over a plain client that only renders Markdown hovers. */
  capabilities?: ClientCapabilities;
  /** What `workspace/configuration` answers for the `corroborate` section (per scope URI when a function). */
  settings?: unknown | ((scopeUri: string | undefined) => unknown);
}

export interface ProgressEvent {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number; cancellable?: boolean };
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly root: string;
  private readonly child: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every diagnostics notification, in the order they came (diagnosticsFor sees only full ones: see isProvisional). */
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly capabilities: ClientCapabilities;
  settings: unknown | ((scopeUri: string | undefined) => unknown);
  readonly registrations: Registration[] = [];
  readonly progress: ProgressEvent[] = [];
  readonly progressTokens: (string | number)[] = [];
  readonly status: { state: string; documents: number; done?: number; total?: number; sample?: boolean }[] = [];
  readonly log: string[] = [];
  /** What the server asked the editor to show the user (window/showMessage). */
  readonly shown: string[] = [];
  readonly refreshes = { diagnostics: 0, codeLens: 0, semanticTokens: 0 };
  stderr = '';

  constructor(options: TestClientOptions | string = {}) {
    const opts = typeof options === 'string' ? { root: options } : options;
    this.root = opts.root ?? ROOT;
    this.settings = opts.settings;
    this.capabilities = {
      ...opts.capabilities,
      textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, ...opts.capabilities?.textDocument },
    };
    this.child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => (this.stderr += d));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    const seen = <T>(value: T): T => (this.wake(), value);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => void seen((this.published.push(p), isProvisional(p) || this.diagnostics.set(p.uri, p))));
    this.connection.onNotification('$/progress', (p: ProgressEvent) => void seen(this.progress.push(p)));
    this.connection.onNotification('corroborate/status', (p: TestClient['status'][number]) => void seen(this.status.push(p)));
    this.connection.onNotification(LogMessageNotification.type, (p) => void seen(this.log.push(p.message)));
    this.connection.onNotification(ShowMessageNotification.type, (p) => void seen(this.shown.push(p.message)));
    this.connection.onRequest(ConfigurationRequest.type, (p) =>
      seen(p.items.map((item) => (item.section === 'corroborate' ? (typeof this.settings === 'function' ? this.settings(item.scopeUri) : this.settings) : null) ?? null)),
    );
    this.connection.onRequest(RegistrationRequest.type, (p) => seen(void this.registrations.push(...p.registrations)));
    this.connection.onRequest(UnregistrationRequest.type, (p) => {
      for (const u of p.unregisterations) {
        const i = this.registrations.findIndex((r) => r.id === u.id);
        if (i >= 0) this.registrations.splice(i, 1);
      }
      return seen(undefined);
    });
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, (p) => seen(void this.progressTokens.push(p.token)));
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => seen(void this.refreshes.diagnostics++));
    this.connection.onRequest(CodeLensRefreshRequest.type, () => seen(void this.refreshes.codeLens++));
    this.connection.onRequest(SemanticTokensRefreshRequest.type, () => seen(void this.refreshes.semanticTokens++));
    this.connection.listen();
  }

  /** Where the server keeps its index cache unless a test says otherwise: this client's own, never the user's. */
  readonly cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-test-cache-'));

  /** The server's process id, for measuring its memory. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  async initialize(initializationOptions: unknown = undefined): Promise<InitializeResult> {
    const rootUri = pathToFileURL(this.root).toString();
    if (initializationOptions === undefined || (typeof initializationOptions === 'object' && initializationOptions !== null && !Array.isArray(initializationOptions))) {
      initializationOptions = { cacheFolder: this.cacheFolder, ...(initializationOptions as object | undefined) };
    }
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'test' }],
      capabilities: this.capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(file: string, text: string, languageId = 'plaintext'): Promise<string> {
    const uri = pathToFileURL(file).toString();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Changes what `workspace/configuration` answers and tells the server, as an editor does when settings change. */
  async configure(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { corroborate: typeof settings === 'function' ? null : settings } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Waits until `check` returns a value other than undefined/false, re-checking on every message from the server. */
  async until<T>(what: string, check: () => T | undefined | false, deadlineMs = 20000): Promise<T> {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until pushed diagnostics for `uri` satisfy `ready`. */
  diagnosticsFor(uri: string, ready: (p: PublishDiagnosticsParams) => boolean = () => true, deadlineMs = 20000): Promise<PublishDiagnosticsParams> {
    return this.until(`diagnostics for ${uri} (last: ${JSON.stringify(this.diagnostics.get(uri))?.slice(0, 300)})`, () => {
      const current = this.diagnostics.get(uri);
      return current && ready(current) ? current : undefined;
    }, deadlineMs);
  }

  /** Waits for the corpus to be indexed (a 'ready' status after at least one indexing pass). */
  indexed(): Promise<TestClient['status'][number]> {
    return this.until('the corpus to be indexed', () => this.status.at(-1)?.state === 'ready' && this.status.at(-1));
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await new Promise<number | null>((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      else this.child.once('exit', (c) => resolve(c));
    });
    this.connection.dispose();
    fs.rmSync(this.cacheFolder, { recursive: true, force: true });
    return code;
  }

  private wake(): void {
    this.waiters.splice(0).forEach((w) => w());
  }
}

/** Line and character of the first occurrence of `needle` in `text` (plus `delta` characters). */
/**
 * A server started, initialized and done indexing its corpus: requests answer at once while the corpus loads
 * in the background, so suites that check evidence wait for the index first.
 */
export async function indexedClient(options: TestClientOptions | string = {}, initializationOptions?: unknown): Promise<TestClient> {
  const client = new TestClient(options);
  await client.initialize(initializationOptions);
  await client.indexed();
  return client;
}

export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not in text`);
  const at = offset + delta;
  const line = text.slice(0, at).split('\n').length - 1;
  return { line, character: at - (text.lastIndexOf('\n', at - 1) + 1) };
}

/** Diagnostics the server sends right after an edit, before the new version's evidence is in (the full ones follow). */
export function isProvisional(p: PublishDiagnosticsParams): boolean {
  return p.diagnostics.some((d) => (d.data as { provisional?: boolean } | undefined)?.provisional === true);
}
