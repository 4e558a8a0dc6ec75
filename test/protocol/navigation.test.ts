import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  DefinitionRequest,
  DocumentSymbolRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type DocumentSymbol,
  type Location,
  type SymbolInformation,
  type WorkspaceSymbol,
} from 'vscode-languageserver-protocol/node';
import { positionOf, TestClient } from '../support/lspClient';
import { readSeed, SEEDS_DIR } from '../support/seeds';

const SEED = '002_814d60045636db2c.txt';
const textAt = (l: Location) => readSeed(path.basename(fileURLToPath(l.uri))).split('\n')[l.range.start.line].slice(l.range.start.character, l.range.end.character);

describe('navigation from quotes and claims into the sources', () => {
  let client: TestClient;
  let uri: string;
  const text = readSeed(SEED);
  const at = (needle: string, delta = 2) => ({ textDocument: { uri }, position: positionOf(text, needle, delta) });

  before(async () => {
    client = new TestClient({ capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } });
    await client.initialize();
    uri = await client.open(path.join(SEEDS_DIR, SEED), text);
    await client.indexed(); // requests answer at once while the corpus loads in the background
  });
  after(async () => assert.equal(await client.shutdown(), 0));

  it('goes to the best source of a quote', async () => {
    const def = (await client.connection.sendRequest(DefinitionRequest.type, at('It was a very warm'))) as Location;
    assert.notEqual(def.uri, uri);
    assert.match(textAt(def), /very warm/);
  });

  it('finds no definition where there is no quote or claim', async () => {
    assert.equal(await client.connection.sendRequest(DefinitionRequest.type, at('\n\n', 1)), null);
  });

  it('finds every evidence passage as a reference, and the quote itself with the declaration', async () => {
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, { ...at('It was a very warm'), context: { includeDeclaration: false } }))!;
    assert.ok(refs.length >= 3);
    assert.ok(refs.every((r) => /warm/.test(textAt(r))), 'each reference is a passage carrying the quote');
    assert.ok(refs.every((r) => r.uri !== uri));
    const withSelf = (await client.connection.sendRequest(ReferencesRequest.type, { ...at('It was a very warm'), context: { includeDeclaration: true } }))!;
    assert.equal(withSelf.length, refs.length + 1);
    assert.equal(withSelf[0].uri, uri);
    assert.equal(text.split('\n')[withSelf[0].range.start.line].slice(withSelf[0].range.start.character, withSelf[0].range.end.character), '“It was a very warm, very positive letter,”');
  });

  it('outlines the quotes grouped by speaker', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const sanders = symbols.find((s) => s.name === 'Sarah Sanders')!;
    assert.ok(sanders, symbols.map((s) => s.name).join(', '));
    assert.equal(sanders.detail, `${sanders.children!.length} quotes`);
    assert.ok(sanders.children!.some((c) => c.name.startsWith('“It was a very warm')));
    assert.ok(sanders.children!.every((c) => c.name.startsWith('“') || c.name.startsWith('"')));
    assert.ok(symbols.some((s) => s.name === 'John Bolton'));
  });

  it('lists speakers across the corpus as workspace symbols', async () => {
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'sanders' })) as WorkspaceSymbol[];
    assert.equal(found.length, 1);
    const [, quotes, docs] = /^Sarah Sanders — (\d+) quotes in (\d+) documents$/.exec(found[0].name) ?? [];
    assert.ok(Number(quotes) >= Number(docs) && Number(docs) >= 3, found[0].name);
    assert.match(textAt(found[0].location as Location), /^[“"]/);
    assert.deepEqual(await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'zzzz' }), []);
    const all = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as WorkspaceSymbol[];
    assert.ok(all.length > 1 && all[0].name.startsWith('Sarah Sanders'), 'the most quoted speaker first');
  });
});

describe('outline for a client without hierarchical symbols', () => {
  it('gives flat symbols named by quote, in a container named by speaker', async () => {
    const client = new TestClient();
    await client.initialize();
    const uri = await client.open(path.join(SEEDS_DIR, SEED), readSeed(SEED));
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as SymbolInformation[];
    assert.ok(symbols.some((s) => s.containerName === 'Sarah Sanders' && s.name.startsWith('“It was a very warm') && s.location.uri === uri));
    assert.equal(await client.shutdown(), 0);
  });
});
