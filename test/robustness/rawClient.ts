// A JSON-RPC client over the server's stdio written by hand, for tests that must misbehave as no client library
// would: stop reading, send what the protocol forbids, leave without saying goodbye.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/seeds';

export interface Message {
  id?: number | string;
  method?: string;
  params?: { uri?: string; version?: number; diagnostics?: unknown[]; state?: string; done?: number; total?: number };
  result?: unknown;
  error?: { code: number; message: string };
}

/** Speaks JSON-RPC over the server's stdio by hand, so the test decides when (and whether) to read. */
export class RawClient {
  readonly child: ChildProcessWithoutNullStreams;
  received = 0;
  /** The server's exit code, once it has exited. */
  readonly exited: Promise<number | null>;
  private buffer = Buffer.alloc(0);
  private readonly listeners: ((m: Message) => void)[] = [];

  constructor() {
    this.child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio']);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
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
        [...this.listeners].forEach((l) => l(message));
      }
    });
  }

  private nextId = 1000;

  /** Sends a request and resolves with the response (result or error). */
  async request(method: string, params: unknown, deadlineMs = 60_000): Promise<Message> {
    const id = this.nextId++;
    const response = this.next((m) => m.id === id && m.method === undefined, `the response to ${method}`, deadlineMs);
    await this.send({ id, method, params });
    return response;
  }

  /** initialize (with `options` as initializationOptions) and initialized, for a plain client of the given folder. */
  async initialize(rootUri: string, options: unknown = {}, capabilities: object = {}): Promise<void> {
    const response = await this.request('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'test' }], capabilities, initializationOptions: options });
    if (response.error) throw new Error(`initialize failed: ${response.error.message}`);
    await this.send({ method: 'initialized', params: {} });
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
