// A client that stops reading the server's output while it goes on typing: the server must not queue every
// diagnostics update it cannot deliver (its memory would grow with every keystroke). Updates for the same document
// replace each other while the client is not reading; once it reads again, it gets the latest state.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { readSeed, ROOT, seedFiles } from '../support/seeds';

interface Message {
  id?: number;
  method?: string;
  params?: { uri?: string; version?: number; diagnostics?: unknown[] };
  result?: unknown;
}

/** Speaks JSON-RPC over the server's stdio by hand, so the test decides when (and whether) to read. */
class RawClient {
  readonly child: ChildProcessWithoutNullStreams;
  received = 0;
  private buffer = Buffer.alloc(0);
  private readonly listeners: ((m: Message) => void)[] = [];

  constructor() {
    this.child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio']);
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const headerEnd = this.buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
        if (this.buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
        this.buffer = this.buffer.subarray(headerEnd + 4 + length);
        this.listeners.forEach((l) => l(message));
      }
    });
  }

  /** Writes a message, waiting while the server is not reading its input. */
  send(message: object): Promise<void> {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    const ok = this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    return ok ? Promise.resolve() : new Promise((resolve) => this.child.stdin.once('drain', () => resolve()));
  }

  /** Resolves with the first message (read from now on) that satisfies `match`. */
  next(match: (m: Message) => boolean, what: string, deadlineMs = 60_000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), deadlineMs);
      const listener = (m: Message) => {
        if (!match(m)) return;
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve(m);
      };
      this.listeners.push(listener);
    });
  }

  /** Calls `listener` with every message read from now on. */
  onMessage(listener: (m: Message) => void): void {
    this.listeners.push(listener);
  }

  /** Kilobytes of the server process: resident now, and the peak so far. */
  memory(): { rss: number; peak: number } {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  }

  /** CPU time the server has used, in clock ticks. */
  cpu(): number {
    const fields = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  }

  /** Resolves once the server has used no CPU for `quietMs` (it has caught up with its input). */
  async idle(quietMs = 300, deadlineMs = 90_000): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    let last = this.cpu();
    let quietSince = Date.now();
    while (Date.now() - quietSince < quietMs) {
      if (Date.now() > deadline) throw new Error('the server never went idle');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = this.cpu();
      if (now !== last) quietSince = Date.now();
      last = now;
    }
  }
}

describe('a client that stops reading', () => {
  let client: RawClient;
  const article = seedFiles().map(readSeed).join('\n\n');
  const uris = Array.from({ length: 8 }, (_, i) => pathToFileURL(path.join(ROOT, 'test', 'robustness', `unsaved-${i}.txt`)).toString());
  const versions = new Map(uris.map((u) => [u, 1]));

  before(async () => {
    client = new RawClient();
    const initialized = client.next((m) => m.id === 1, 'the initialize result');
    await client.send({
      id: 1,
      method: 'initialize',
      params: {
        processId: process.pid,
        rootUri: pathToFileURL(ROOT).toString(),
        capabilities: { workspace: { codeLens: { refreshSupport: true } }, window: { workDoneProgress: false } },
        initializationOptions: { settings: { debounceMs: 0 } },
      },
    });
    await initialized;
    await client.send({ method: 'initialized', params: {} });
    const published = new Set<string>();
    const all = client.next((m) => m.method === 'textDocument/publishDiagnostics' && (published.add(m.params!.uri!), published.size === uris.length), 'diagnostics for every document');
    for (const uri of uris) await client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text: article } } });
    await all;
  });
  after(() => client.child.kill());

  it('keeps its memory bounded while it cannot deliver, then delivers the latest diagnostics', async () => {
    await client.idle(1000);
    const before = client.memory();
    client.child.stdout.pause();
    // Typing in every document: each edit adds a quote, so every update of every document's diagnostics differs.
    let typed = 0;
    for (let round = 0; round < 15; round++) {
      for (const uri of uris) {
        const version = versions.get(uri)! + 1;
        versions.set(uri, version);
        const text = `“Edit ${round} says nothing anyone else said,” said Jane Doe ${round}.\n\n`;
        await client.send({ method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }] } });
        typed++;
      }
      await client.idle(); // the server has taken the edits in and published what it could
    }
    const during = client.memory();
    const pending = client.received;
    const publishes = new Map<string, number>();
    client.onMessage((m) => m.method === 'textDocument/publishDiagnostics' && void publishes.set(m.params!.uri!, (publishes.get(m.params!.uri!) ?? 0) + 1));
    const latest = uris.map((uri) =>
      client.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri && m.params.version === versions.get(uri), `the last diagnostics for ${uri}`),
    );
    client.child.stdout.resume();
    await Promise.all(latest);
    console.log(`slow client: ${typed} edits; server RSS ${before.rss} kB before, peak ${during.peak} kB, then ${during.rss} kB; ${client.received - pending} bytes delivered once reading resumed`);
    assert.ok(during.peak - before.peak < 60_000, `peak memory grew by ${during.peak - before.peak} kB`);
    // What already sat in the pipe when the client stopped, the update being written then, and the latest: a few per
    // document, where queueing every update would deliver one per edit and document (some 1,000 here).
    const queued = [...publishes.values()].reduce((a, b) => a + b, 0);
    assert.ok(queued <= 3 * uris.length, `${queued} diagnostics updates were queued for a client that was not reading: ${JSON.stringify([...publishes.values()])}`);
  });
});
