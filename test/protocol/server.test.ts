import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestClient } from '../support/lspClient';
import { readSeed, SEEDS_DIR } from '../support/seeds';

const SEED = '002_814d60045636db2c.txt';

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

  it('announces every feature it serves', async () => {
    const other = new TestClient();
    const { capabilities } = await other.initialize();
    assert.equal(await other.shutdown(), 0);
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: true });
    assert.equal(capabilities.definitionProvider, true);
    assert.equal(capabilities.referencesProvider, true);
    assert.ok(capabilities.documentSymbolProvider);
    assert.equal(capabilities.workspaceSymbolProvider, true);
    assert.ok(capabilities.codeActionProvider);
    assert.deepEqual(capabilities.semanticTokensProvider?.legend.tokenTypes, ['speaker', 'cue', 'quote']);
    assert.deepEqual(capabilities.executeCommandProvider?.commands, ['corroborate.annotate', 'corroborate.annotations.export', 'corroborate.annotations.import', 'corroborate.reindex']);
    assert.equal(capabilities.textDocumentSync, 2, 'incremental sync');
  });

  it('applies incremental edits and re-publishes diagnostics for the new version', async () => {
    await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
    const insert = '“This sentence was never said by anyone at all,” said Jane Doe.\n\n';
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }]);
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.version === 2);
    const jane = diagnostics.find((d) => String(d.message).includes('Jane Doe') && d.code === 'single-source-quote');
    assert.ok(jane, 'the inserted quote is credited to Jane Doe and found nowhere else');
    assert.deepEqual(jane.range.start, { line: 0, character: 0 });
    const shifted = diagnostics.find((d) => d.code === 'quote' && String(d.message).includes('Sarah Sanders'));
    assert.equal(shifted?.range.start.line, 8, 'later findings move down by the two inserted lines');
  });
});
