// The server against clients that break the rules: requests for documents never opened, positions that cannot be,
// edits with impossible ranges or versions out of order, requests cancelled as soon as sent, and clients that leave
// mid-indexing. Every request gets an answer (a result or an error response), and the server stays up.
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRequest,
  CodeLensResolveRequest,
  DefinitionRequest,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  HoverRequest,
  LSPErrorCodes,
  ReferencesRequest,
  ResponseError,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type Position,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { indexedClient, TestClient, positionOf } from '../support/lspClient';
import { readSeed, seedFiles, SEEDS_DIR } from '../support/seeds';
import { tempWorkspace, type TempWorkspace } from '../support/workspace';
import { RawClient } from './rawClient';

// Re-analyse as soon as an edit arrives: the tests wait for results, not for typing to pause.
const QUICK = { settings: { debounceMs: 0 } };

const SEED = '002_814d60045636db2c.txt';
const elsewhere = (name: string) => path.join(os.tmpdir(), 'corroborate-robust-unsaved', name);

/** Every request kind the server serves, on a document (by URI) at a position. */
function everyRequest(connection: ProtocolConnection, uri: string, position: Position, token?: CancellationTokenSource['token']): Record<string, Promise<unknown>> {
  const textDocument = { uri };
  const range = { start: position, end: position };
  return {
    hover: connection.sendRequest(HoverRequest.type, { textDocument, position }, token),
    definition: connection.sendRequest(DefinitionRequest.type, { textDocument, position }, token),
    references: connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }, token),
    documentSymbol: connection.sendRequest(DocumentSymbolRequest.type, { textDocument }, token),
    workspaceSymbol: connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'san' }, token),
    codeLens: connection.sendRequest(CodeLensRequest.type, { textDocument }, token),
    codeLensResolve: connection.sendRequest(CodeLensResolveRequest.type, { range, data: { uri, paragraph: 0 } }, token),
    codeAction: connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }, token),
    semanticTokens: connection.sendRequest(SemanticTokensRequest.type, { textDocument }, token),
    diagnostic: connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument }, token),
    reindex: connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.reindex' }, token),
    export: connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.annotations.export', arguments: [{ format: 'csv' }] }, token),
  };
}

/** Settles every request: the kinds that answered with a result, and those that were cancelled; any other error fails. */
async function settle(requests: Record<string, Promise<unknown>>): Promise<{ answered: string[]; cancelled: string[] }> {
  const answered: string[] = [];
  const cancelled: string[] = [];
  for (const [kind, request] of Object.entries(requests)) {
    try {
      await request;
      answered.push(kind);
    } catch (e) {
      if (e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled) cancelled.push(kind);
      else throw new Error(`${kind}: ${(e as Error).message}`);
    }
  }
  return { answered, cancelled };
}

/** The server still works: a seed opened now gets hovers. */
async function stillServes(client: TestClient): Promise<void> {
  const text = readSeed(SEED);
  const uri = await client.open(path.join(SEEDS_DIR, SEED), text);
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'It was a very warm', 2) });
  assert.ok(hover, 'a hover on a quote');
  await client.close(uri);
}

describe('requests the server cannot have expected', () => {
  let client: TestClient;

  before(async () => {
    client = await indexedClient({}, QUICK);
  });
  after(async () => assert.equal(await client.shutdown(), 0));

  it('answers every kind of request on a document never opened, and on URIs that are no URIs', async () => {
    for (const uri of ['file:///never/opened.txt', 'untitled:Untitled-9', 'not a uri', '', 'file:///%E0%A4%A.txt']) {
      const { answered } = await settle(everyRequest(client.connection, uri, { line: 0, character: 0 }));
      assert.equal(answered.length, 12, uri);
    }
    const none = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///never/opened.txt' }, position: { line: 0, character: 0 } });
    assert.equal(none, null);
  });

  it('answers a code lens to resolve that carries no data, or data of another shape', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const data of [undefined, null, 42, 'x', { uri: 7 }, { paragraph: -1 }]) {
      const lens = await client.connection.sendRequest(CodeLensResolveRequest.type, { range, data });
      assert.deepEqual(lens.range, range, JSON.stringify(data));
    }
  });

  it('answers positions before the start, past the end, fractional or missing', async () => {
    const text = readSeed(SEED);
    const uri = await client.open(elsewhere('positions.txt'), text);
    const odd = [
      { line: -1, character: -1 },
      { line: 0, character: -5 },
      { line: 1e9, character: 1e9 },
      { line: 2 ** 31, character: 0 },
      { line: 1.5, character: 2.5 },
      { line: null, character: null },
      {},
    ] as unknown as Position[];
    for (const position of odd) {
      const { answered } = await settle(everyRequest(client.connection, uri, position));
      assert.equal(answered.length, 12, JSON.stringify(position));
    }
    await client.close(uri);
  });

  it('answers requests with their parameters missing (an error response or an empty result), and goes on', async () => {
    const methods = ['textDocument/hover', 'textDocument/codeLens', 'textDocument/documentSymbol', 'textDocument/diagnostic', 'textDocument/semanticTokens/full', 'textDocument/codeAction', 'workspace/executeCommand', 'workspace/symbol', 'codeLens/resolve'];
    for (const method of methods) {
      for (const params of [{}, null, [], 'x']) {
        await client.connection.sendRequest(method, params).catch((e) => assert.ok(e instanceof ResponseError && e.code !== LSPErrorCodes.RequestCancelled, `${method}: ${e}`));
      }
    }
    await assert.rejects(client.connection.sendRequest('corroborate/noSuchRequest', {}), (e: ResponseError) => e.code === -32601);
    await stillServes(client);
  });

  it('survives edits with impossible ranges, and a full text resynchronises it', async () => {
    const text = readSeed(SEED);
    const uri = await client.open(elsewhere('edits.txt'), text);
    const at = (line: number, character: number) => ({ line, character });
    const edits: unknown[][] = [
      [{ range: { start: at(10_000, 0), end: at(10_001, 5) }, text: 'past the end' }],
      [{ range: { start: at(3, 10), end: at(1, 0) }, text: 'backwards' }],
      [{ range: { start: at(-4, -2), end: at(-1, -1) }, text: 'negative' }],
      [{ range: { start: at(0.5, 1.5), end: at(0.7, 3) }, text: 'fractional' }],
      [{ range: { start: at(0, 0), end: at(0, 0) } }], // no text
      [{ text: 42 }],
      [{ range: null, text: 'null range' }],
      [],
    ];
    let version = 1;
    for (const contentChanges of edits) await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: 'no version' }] });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: elsewhere('never-opened.txt'), version: 3 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: elsewhere('never-opened.txt') } });
    // An open without text is an empty document, not a broken one.
    const empty = pathToFileURL(elsewhere('no-text.txt')).toString();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: empty, languageId: 'plaintext', version: 1 } });
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: empty } }), []);
    await client.change(empty, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: readSeed(SEED) }]);
    assert.ok((await client.diagnosticsFor(empty, (p) => p.version === 2)).diagnostics.length > 0);
    await client.close(empty);

    // The client sends the whole text again: the server's findings are those of that text.
    await client.change(uri, ++version, [{ text }]);
    const resynced = await client.diagnosticsFor(uri, (p) => p.version === version);
    await client.close(uri);
    const fresh = await client.open(elsewhere('fresh.txt'), text);
    const expected = await client.diagnosticsFor(fresh, (p) => p.diagnostics.length > 0);
    assert.deepEqual(resynced.diagnostics, expected.diagnostics);
    await client.close(fresh);
    await stillServes(client);
  });

  it('takes versions out of order as they come: the last edit sent is the text analysed', async () => {
    const uri = await client.open(elsewhere('versions.txt'), readSeed(SEED));
    const insert = (words: string) => [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `“${words},” said Jane Doe.\n\n` }];
    await client.change(uri, 5, insert('Version five came first of all'));
    await client.change(uri, 3, insert('Version three came second of all'));
    await client.change(uri, 3, insert('Version three came again after that'));
    await client.change(uri, 4, insert('Version four came last of all'));
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.version === 4 && p.diagnostics.some((d) => d.range.start.line === 0 && d.code === 'single-source-quote'));
    const quotes = diagnostics.filter((d) => d.code === 'single-source-quote' && d.range.start.line <= 6).map((d) => d.range.start.line);
    assert.deepEqual(quotes, [0, 2, 4, 6], 'all four inserted quotes, newest first');
    await client.close(uri);
  });

  it('opening a document twice replaces it; closing it twice is harmless', async () => {
    const file = elsewhere('twice.txt');
    const uri = await client.open(file, 'Nothing here.');
    await client.open(file, readSeed(SEED));
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
    assert.ok(diagnostics.some((d) => d.code === 'quote'));
    await client.close(uri);
    await client.close(uri);
    await stillServes(client);
  });
});

describe('cancellation', () => {
  let ws: TempWorkspace;
  let client: TestClient;
  let uri: string;
  const text = readSeed(SEED);

  before(async () => {
    ws = corpusOf(1500);
    client = new TestClient({ root: ws.root });
    await client.initialize(QUICK);
    uri = await client.open(ws.file('article.txt'), text);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    ws.dispose();
  });

  it('of every request kind while the corpus is indexed: each answers, cancelled or with its result', async () => {
    await client.until('indexing to start', () => client.status.some((s) => s.state === 'indexing'));
    const source = new CancellationTokenSource();
    const requests = everyRequest(client.connection, uri, positionOf(text, 'It was a very warm', 2), source.token);
    source.cancel();
    const { cancelled } = await settle(requests);
    assert.ok(cancelled.length > 0, 'requests waiting for the index give up when cancelled');
  });

  it('of every request kind once indexed, cancelled as sent and again a moment later; the server stays up', async () => {
    await client.indexed();
    for (let round = 0; round < 3; round++) {
      const source = new CancellationTokenSource();
      const requests = everyRequest(client.connection, uri, positionOf(text, 'It was a very warm', 2), source.token);
      if (round === 0) source.cancel();
      else setImmediate(() => source.cancel());
      await settle(requests);
    }
    await stillServes(client);
  });
});

describe('a workspace symbol search over a large corpus', () => {
  let ws: TempWorkspace;
  let client: TestClient;

  before(async () => {
    ws = corpusOf(1500);
    client = await indexedClient({ root: ws.root }, QUICK);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    ws.dispose();
  });

  it('lets other requests through while it reads every article, and stops when cancelled', async () => {
    const text = readSeed(SEED);
    const uri = await client.open(ws.file('article.txt'), text);
    const source = new CancellationTokenSource();
    let searched = false;
    const search = client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'san' }, source.token).finally(() => (searched = true));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'It was a very warm', 2) });
    assert.ok(hover, 'the hover is answered');
    assert.equal(searched, false, 'before the search over 1,500 articles is done');
    source.cancel();
    await assert.rejects(search, (e: ResponseError) => e.code === LSPErrorCodes.RequestCancelled);
    // Asked again, it finishes: what was read before the cancel is kept.
    const speakers = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'san' });
    assert.ok(speakers && speakers.length > 0);
  });
});

describe('leaving mid-indexing', () => {
  let ws: TempWorkspace;

  before(() => (ws = corpusOf(1500)));
  after(() => ws.dispose());

  /** A server started on the big corpus, once it reports that indexing is under way. */
  async function indexing(): Promise<RawClient> {
    const client = new RawClient();
    const started = client.next((m) => m.method === 'corroborate/status' && m.params?.state === 'indexing', 'indexing to start');
    await client.initialize(pathToFileURL(ws.root).toString());
    await started;
    return client;
  }

  it('shutdown then exit: exit code 0', async () => {
    const client = await indexing();
    const response = await client.request('shutdown', null);
    assert.equal(response.error, undefined);
    await client.send({ method: 'exit' });
    assert.equal(await client.exited, 0);
  });

  it('exit without shutdown: exit code 1', async () => {
    const client = await indexing();
    await client.send({ method: 'exit' });
    assert.equal(await client.exited, 1);
  });

  it('the client closes the pipe without a word: the server exits', async () => {
    const client = await indexing();
    client.child.stdin.end();
    assert.equal(await client.exited, 1);
  });
});

/** A workspace whose seeds/ folder holds `n` short articles (the seeds, reworded), and one article to open. */
function corpusOf(n: number): TempWorkspace {
  const files: Record<string, string> = { 'article.txt': readSeed(SEED) };
  const seeds = seedFiles().map(readSeed);
  for (let i = 0; i < n; i++) files[`seeds/a${String(i).padStart(5, '0')}.txt`] = seeds[i % seeds.length].replace(/Trump/g, `Trump${i}`);
  return tempWorkspace(files);
}
