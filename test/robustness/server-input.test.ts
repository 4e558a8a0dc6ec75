// The language server on awkward and enormous documents: every request answers, positions stay right in UTF-16,
// very long documents are analysed up to corroborate.maxAnalysisChars with a diagnostic saying so, and the server
// never goes down.
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeLensRequest,
  CodeLensResolveRequest,
  DefinitionRequest,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  SemanticTokensRequest,
  type Diagnostic,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/core/text/lines';
import { indexedClient, TestClient } from '../support/lspClient';
import { readSeed, SEEDS_DIR } from '../support/seeds';
import { tempWorkspace, type TempWorkspace } from '../support/workspace';
import { AWKWARD, bigArticle, longLine, quotationMarks, textOf } from './inputs';

// Re-analyse as soon as an edit arrives: the tests wait for results, not for typing to pause.
const QUICK = { settings: { debounceMs: 0 } };

// Documents opened from outside the workspace, so they are never corpus members on disk.
const elsewhere = (name: string) => path.join(os.tmpdir(), 'corroborate-robust-unsaved', name);

/** Sends every position-taking request at a few spots, past the end too; each must answer without an error. */
async function askEverything(client: TestClient, uri: string, text: string): Promise<void> {
  const lines = new LineIndex(text);
  const spots: Position[] = [0, text.length >> 1, text.length].map((o) => lines.position(o));
  spots.push({ line: lines.lineCount + 5, character: 0 }, { line: 0, character: 1_000_000 });
  const textDocument = { uri };
  for (const position of spots) {
    await client.connection.sendRequest(HoverRequest.type, { textDocument, position });
    await client.connection.sendRequest(DefinitionRequest.type, { textDocument, position });
    await client.connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } });
  }
  await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
  await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument });
  for (const lens of (lenses ?? []).slice(0, 5)) await client.connection.sendRequest(CodeLensResolveRequest.type, lens);
}

/** Every diagnostic lies inside the document, at positions an editor would compute for the same text. */
function assertInside(diagnostics: Diagnostic[], text: string, name: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of diagnostics) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${name}: ${JSON.stringify(p)} inside the text`);
    }
  }
}

describe('the server on awkward documents', () => {
  let client: TestClient;

  before(async () => {
    client = await indexedClient({}, QUICK);
  });
  after(async () => assert.equal(await client.shutdown(), 0));

  it('publishes diagnostics and answers every request for each, positions in UTF-16 code units', async () => {
    for (const [name, content] of Object.entries(AWKWARD)) {
      const text = textOf(content);
      const uri = await client.open(elsewhere(name), text);
      const { diagnostics } = await client.diagnosticsFor(uri);
      assertInside(diagnostics, text, name);
      await askEverything(client, uri, text);
      await client.close(uri);
    }
  });

  it('puts a quote after CRLF or lone-CR line endings on the line the editor shows', async () => {
    for (const name of ['crlf.txt', 'lone-cr.txt']) {
      const text = textOf(AWKWARD[name]);
      const uri = await client.open(elsewhere(name), text);
      const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'quote'));
      assert.deepEqual(diagnostics.find((d) => d.code === 'quote')!.range.start, { line: 2, character: 0 }, name);
      await client.close(uri);
    }
  });

  it('counts an emoji as two code units and a combining mark as one', async () => {
    const text = textOf(AWKWARD['emoji.txt']);
    const uri = await client.open(elsewhere('emoji.txt'), text);
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'quote'));
    const quote = diagnostics.find((d) => d.code === 'quote')!;
    const line = text.split('\n')[quote.range.start.line];
    assert.equal(line.slice(quote.range.start.character, quote.range.end.character), '“It was a very warm 👍🏽, very positive letter,”');
    await client.close(uri);
  });

  it('takes lone surrogates, NUL and escape sequences in a document as text', async () => {
    const text = '\uD800“It was a very warm\uDC00, very positive letter,” Sarah Sanders said.\u0000\u001b[31m\n\n\uDBFF';
    const uri = await client.open(elsewhere('surrogates.txt'), text);
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
    assertInside(diagnostics, text, 'surrogates');
    await askEverything(client, uri, text);
    await client.close(uri);
  });

  it('is still up: a seed gets its findings', async () => {
    const seed = readSeed('002_814d60045636db2c.txt');
    const uri = await client.open(path.join(SEEDS_DIR, '002_814d60045636db2c.txt'), seed);
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 5);
    assert.ok(diagnostics.some((d) => d.code === 'quote'));
    await client.close(uri);
  });
});

describe('the server on enormous documents', () => {
  let client: TestClient;
  const big = bigArticle(50_000_000);
  const cut = big.lastIndexOf('\n', 500_000 - 1) + 1;

  before(async () => {
    client = await indexedClient({}, QUICK);
  });
  after(async () => assert.equal(await client.shutdown(), 0));

  it('analyses the first 500,000 characters of a 50 MB document, with a diagnostic at the cut', async () => {
    const uri = await client.open(elsewhere('big.txt'), big);
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0, 120_000);
    const lines = new LineIndex(big);
    const partial = diagnostics.filter((d) => d.code === 'partial-analysis');
    assert.equal(partial.length, 1);
    assert.deepEqual(partial[0].range.start, lines.position(cut));
    assert.equal(partial[0].message, `Only the first ${cut.toLocaleString('en-US')} of ${big.length.toLocaleString('en-US')} characters are analysed (corroborate.maxAnalysisChars); nothing after this point is checked.`);
    const last = diagnostics.filter((d) => d.code !== 'partial-analysis').at(-1)!;
    assert.ok(last.range.end.line <= partial[0].range.start.line, 'no finding past the cut');
    assert.ok(diagnostics.length > 1000, 'the analysed part has its findings');

    // An edit at the very end, past the cut: answered, nothing breaks.
    const end = lines.position(big.length);
    await client.change(uri, 2, [{ range: { start: end, end }, text: '\n\n“A late quote,” Sarah Sanders said.\n' }]);
    const after = await client.diagnosticsFor(uri, (p) => p.version === 2, 120_000);
    assert.ok(after.diagnostics.some((d) => d.code === 'partial-analysis'));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: end.line + 2, character: 3 } });
    assert.equal(hover, null, 'past the cut there is nothing to hover');
    await client.close(uri);
  });

  it('100,000 quotation marks: diagnostics, and a pull answers too', async () => {
    const text = quotationMarks(100_000);
    const uri = await client.open(elsewhere('quotes.txt'), text);
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0, 120_000);
    assertInside(diagnostics, text, 'quotes');
    const pulled = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.equal(pulled.kind, 'full');
    await client.close(uri);
  });
});

describe('the server with an enormous corpus file', () => {
  let client: TestClient;
  let ws: TempWorkspace;

  before(async () => {
    // On another subject than the seed, so it is not evidence for everything.
    const other = 'The committee met on Wednesday to discuss the municipal budget for parks and libraries. ';
    ws = tempWorkspace({ 'seeds/line.txt': longLine(3_000_000, other), 'seeds/002.txt': readSeed('002_814d60045636db2c.txt') });
    client = await indexedClient({ root: ws.root }, QUICK);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    ws.dispose();
  });

  it('names an enormous corpus file in the log: indexed only in part', () => {
    assert.ok(client.log.some((m) => /^corpus: .*line\.txt: 3,000,000 characters; only the first [\d,]+ indexed \(corroborate\.maxAnalysisChars\)$/.test(m)), client.log.join('\n'));
  });

  it('follows corroborate.maxAnalysisChars, for the open document and the corpus alike', async () => {
    await client.configure({ debounceMs: 0, maxAnalysisChars: 20_000 });
    await client.until('the corpus re-indexed with the new cap', () => client.log.some((m) => /line\.txt: 3,000,000 characters; only the first 1\d,\d{3} indexed/.test(m)));
    const text = longLine(5_000_000);
    const uri = await client.open(elsewhere('line.txt'), text);
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'partial-analysis'));
    const partial = diagnostics.find((d) => d.code === 'partial-analysis')!;
    assert.equal(partial.range.start.line, 0);
    assert.ok(partial.range.start.character <= 20_000 && partial.range.start.character > 10_000);
    assert.ok(diagnostics.every((d) => d.range.end.character <= partial.range.start.character));
    await client.close(uri);
  });

});
