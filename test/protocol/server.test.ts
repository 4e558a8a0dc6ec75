import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeLensRequest,
  DidChangeTextDocumentNotification,
  HoverRequest,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lspClient';
import { readSeed, SEEDS_DIR } from '../support/seeds';

const SEED = '002_814d60045636db2c.txt';

/** Diagnostic messages may be plain strings or (LSP 3.18) markup. */
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

describe('the language server over stdio', () => {
  let client: TestClient;
  let uri: string;
  const text = readSeed(SEED);

  before(async () => {
    client = new TestClient();
    const init = await client.initialize();
    assert.equal(init.serverInfo?.name, 'corroborate');
    uri = await client.open(path.join(SEEDS_DIR, SEED), text);
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('publishes diagnostics for an opened seed', async () => {
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
    assert.ok(diagnostics.every((d) => d.source === 'corroborate'));
    const quote = diagnostics.find((d) => d.code === 'quote' && messageOf(d).includes('Sarah Sanders'));
    assert.ok(quote, 'a quote credited to Sarah Sanders');
    assert.ok(quote.relatedInformation?.some((r) => r.location.uri !== uri), 'related information points into other seeds');
  });

  it('answers a hover on the quote with the other seed files that carry it', async () => {
    const offset = text.indexOf('It was a very warm');
    const line = text.slice(0, offset).split('\n').length - 1;
    const character = offset - text.lastIndexOf('\n', offset) - 1;
    const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    const value = (result?.contents as MarkupContent).value;
    assert.match(value, /Sarah Sanders/);
    assert.match(value, /003_b89cf95f952e021d\.txt/);
  });

  it('gives code lenses that count sources', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.ok(lenses && lenses.some((l) => /✓ \d+ source/.test(l.command?.title ?? '')), JSON.stringify(lenses?.map((l) => l.command?.title)));
  });

  it('applies incremental edits and re-publishes diagnostics for the new version', async () => {
    const insert = '“This sentence was never said by anyone at all,” said Jane Doe.\n\n';
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }],
    });
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.version === 2);
    const jane = diagnostics.find((d) => d.code === 'quote' && messageOf(d).includes('Jane Doe'));
    assert.ok(jane, 'the inserted quote is credited to Jane Doe');
    assert.deepEqual(jane.range.start, { line: 0, character: 0 });
    assert.match(messageOf(jane), /no other source/);
  });
});
