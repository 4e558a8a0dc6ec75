// What an editor waits for: the bundled server (dist/server.js --stdio) with a workspace whose corpus is a
// benchmark corpus, driven by a real LSP client. Measures start-up, hovers, code lenses and edit-to-diagnostics.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { analyzeArticle } from '../server/src/core/analyze';
import { LineIndex } from '../server/src/core/text/lines';
import type { BenchCorpus, BenchProbe } from './corpora';

export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
  samples: number;
}

export interface EditorOptions {
  /** The server's index cache folder (initializationOptions.cacheFolder). */
  cacheFolder: string;
  /** Stop once the first diagnostics are in: a start-up measurement only. */
  startOnly?: boolean;
  /** Open this many corpus articles too (a researcher with several articles open), and measure edits only. */
  alsoOpen?: number;
}

export interface EditorMeasurement {
  /** initialize sent → first diagnostics for the opened article, ms (before the corpus is loaded, when the server does not wait for it). */
  firstDiagnosticsMs: number;
  /** initialize sent → the server logged that the corpus is loaded, ms. */
  indexedMs: number;
  /** initialize sent → the first diagnostics computed against the loaded corpus, ms. */
  evidenceMs: number;
  /** $/progress reports received while indexing (0: the server reports none). */
  progressReports: number;
  /** A hover sent right after opening the article, while the corpus loads, ms. */
  hoverWhileIndexingMs: number;
  hover?: Percentiles;
  /** The same hover request for a document that is not open: the protocol round trip alone. */
  requestFloor?: Percentiles;
  codeLens?: Percentiles;
  /** didChange sent → diagnostics for that version received (the first: provisional ones count), ms. */
  editToDiagnostics?: Percentiles;
  /** didChange sent → the full diagnostics of that version (with its own evidence, not marked provisional), ms. */
  editToEvidence?: Percentiles;
  /** An edit's diagnostics did not come within the deadline: the last edit time is a lower bound. */
  editTimedOut?: boolean;
  /** The server process's resident set once ready, and its peak, bytes. */
  serverRss: number;
  serverPeakRss: number;
}

const HOVERS = 400;
const LENSES = 60;
const MAX_EDITS = 20;
const EDIT_BUDGET_MS = 60_000;
/** How long the server may take to load the corpus and publish the probe's diagnostics before the run gives up. */
const START_DEADLINE_MS = 10 * 60_000;
/** How long one edit may take to reach diagnostics before the edit timings stop (reported as "more than"). */
const EDIT_DEADLINE_MS = 2 * 60_000;

export function percentiles(samples: number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { p50: at(0.5), p99: at(0.99), max: s[s.length - 1], samples: s.length };
}

/** Runs the server against `corpus` with `probe` open; `root` is the workspace folder (its corpus setting points at the corpus). */
export async function measureEditor(
  root: string,
  corpus: BenchCorpus,
  probe: BenchProbe,
  serverJs: string,
  options: EditorOptions,
): Promise<EditorMeasurement> {
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(probe.file).toString();

  // Every diagnostics notification for the article, with the time it arrived.
  const published: { version: number | undefined; at: number; provisional: boolean }[] = [];
  const waiters = new Set<() => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (p.uri !== uri) return;
    const provisional = p.diagnostics.some((d) => (d.data as { provisional?: boolean } | undefined)?.provisional === true);
    published.push({ version: p.version, at: performance.now(), provisional });
    waiters.forEach((w) => w());
  });
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(ConfigurationRequest.type, ({ items }) =>
    items.map((i) => (i.section === 'corroborate' ? { corpus: [corpus.dir] } : i.section === 'corroborate.corpus' ? [corpus.dir] : null)),
  );
  // The only progress handler on this connection, so it takes $/progress as a plain notification.
  let progressReports = 0;
  connection.onNotification('$/progress', (p: { value: { kind?: string } }) => {
    if (p.value.kind === 'report') progressReports++;
  });
  let corpusLoggedAt: number | undefined;
  connection.onNotification(LogMessageNotification.type, (p) => {
    if (corpusLoggedAt === undefined && /corpus documents/.test(p.message)) corpusLoggedAt = performance.now();
    waiters.forEach((w) => w());
  });
  connection.listen();

  const until = async (ready: () => boolean, deadlineMs: number, what: string) => {
    const deadline = performance.now() + deadlineMs;
    while (!ready()) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; server stderr: ${stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(left, 200));
        waiters.add(done);
      });
    }
  };

  try {
    const rootUri = pathToFileURL(root).toString();
    const started = performance.now();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: { window: { workDoneProgress: true }, textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
      initializationOptions: { corpus: [corpus.dir], cacheFolder: options.cacheFolder },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: probe.text },
    });
    for (const file of corpus.files.slice(0, options.alsoOpen ?? 0)) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: pathToFileURL(file).toString(), languageId: 'plaintext', version: 1, text: fs.readFileSync(file, 'utf8') },
      });
    }
    const positions = hoverPositions(probe.text);
    const hoverSent = performance.now();
    await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positions[0] });
    const hoverWhileIndexingMs = performance.now() - hoverSent;

    await until(() => published.length > 0, START_DEADLINE_MS, 'first diagnostics');
    const firstDiagnosticsMs = published[0].at - started;
    // The server logs "N corpus documents …" once the corpus is in; diagnostics after that carry its evidence.
    await until(() => corpusLoggedAt !== undefined, START_DEADLINE_MS, 'the corpus to be loaded');
    const indexedMs = corpusLoggedAt! - started;
    await until(() => published.some((p) => p.at >= corpusLoggedAt!), START_DEADLINE_MS, 'diagnostics after indexing');
    const evidenceMs = published.find((p) => p.at >= corpusLoggedAt!)!.at - started;
    const mem = processMemory(child.pid!);
    if (options.startOnly) {
      return { firstDiagnosticsMs, indexedMs, evidenceMs, progressReports, hoverWhileIndexingMs, serverRss: mem.rss, serverPeakRss: mem.peak };
    }

    // Each hover is followed by the floor: the same request for a document that is not open, answered before any
    // report is looked at. Taken in turns, both meet the same moments (the collector, the first renderings, other
    // jobs on the machine); when the floor's tail is as long as the hovers', the tail is the machine, not the hover.
    const hovers: number[] = [];
    const floor: number[] = [];
    const notOpen = pathToFileURL(path.join(path.dirname(probe.file), 'not-open.txt')).toString();
    for (let i = 0; i < (options.alsoOpen ? 0 : HOVERS); i++) {
      const position = positions[i % positions.length];
      let t = performance.now();
      await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      hovers.push(performance.now() - t);
      t = performance.now();
      await connection.sendRequest(HoverRequest.type, { textDocument: { uri: notOpen }, position });
      floor.push(performance.now() - t);
    }
    const lenses: number[] = [];
    for (let i = 0; i < (options.alsoOpen ? 0 : LENSES); i++) {
      const t = performance.now();
      await connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
      lenses.push(performance.now() - t);
    }

    // Type a character into a claim, then delete it again, so the text stays the article it was.
    const edits: number[] = [];
    const complete: number[] = [];
    let editTimedOut = false;
    const at = positions[Math.floor(positions.length / 2)];
    const editsStarted = performance.now();
    for (let version = 2; version < 2 + MAX_EDITS && (version === 2 || performance.now() - editsStarted < EDIT_BUDGET_MS); version++) {
      const insert = version % 2 === 0;
      const t = performance.now();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [
          insert
            ? { range: { start: at, end: at }, text: 'x' }
            : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' },
        ],
      });
      try {
        await until(() => published.some((p) => p.version === version && p.at >= t && !p.provisional), EDIT_DEADLINE_MS, `diagnostics of version ${version}`);
      } catch {
        editTimedOut = true;
        edits.push(performance.now() - t);
        break;
      }
      edits.push(published.find((p) => p.version === version && p.at >= t)!.at - t);
      complete.push(published.find((p) => p.version === version && p.at >= t && !p.provisional)!.at - t);
    }

    return {
      firstDiagnosticsMs,
      indexedMs,
      evidenceMs,
      progressReports,
      hoverWhileIndexingMs,
      hover: percentiles(hovers),
      requestFloor: percentiles(floor),
      codeLens: percentiles(lenses),
      editToDiagnostics: percentiles(edits),
      editToEvidence: percentiles(complete),
      editTimedOut,
      serverRss: mem.rss,
      serverPeakRss: mem.peak,
    };
  } finally {
    await Promise.race([
      (async () => {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      })().catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 5000)),
    ]);
    if (child.exitCode === null) child.kill();
    connection.dispose();
  }
}

/** Positions on the probe's quotes and claims, where hovers carry evidence. */
function hoverPositions(text: string): Position[] {
  const analysis = analyzeArticle(text);
  const lines = new LineIndex(text);
  const offsets = [...analysis.quotes.map((q) => q.start + 1), ...analysis.claims.map((c) => c.start + 1)];
  return (offsets.length > 0 ? offsets : [0]).map((o) => lines.position(o));
}

/** VmRSS and VmHWM of a live process (Linux). */
function processMemory(pid: number): { rss: number; peak: number } {
  try {
    const status = fs.readFileSync(path.join('/proc', String(pid), 'status'), 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}
