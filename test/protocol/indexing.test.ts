import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lspClient';
import { SEEDS_DIR, seedFiles } from '../support/seeds';
import { tempWorkspace } from '../support/workspace';

const SEED = '002_814d60045636db2c.txt';

// A workspace whose corpus folder is a copy of the seeds, and a cache folder every server start shares.
const ws = tempWorkspace(Object.fromEntries(seedFiles().map((f) => [`articles/${f}`, fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8')])));
const cacheFolder = ws.file('.cache');
after(() => ws.dispose());

/** Starts a server on the workspace with one article open; returns its diagnostics once they cite other articles. */
async function start(): Promise<{ client: TestClient; diagnostics: Diagnostic[]; loaded: string }> {
  const client = new TestClient({ root: ws.root, capabilities: { window: { workDoneProgress: true } } });
  await client.initialize({ settings: { corpus: ['articles'] }, cacheFolder });
  const uri = await client.open(ws.file(`articles/${SEED}`), fs.readFileSync(ws.file(`articles/${SEED}`), 'utf8'));
  const loaded = await client.until('the corpus to be loaded', () => client.log.find((l) => /corpus documents indexed/.test(l)));
  const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.relatedInformation?.some((r) => r.location.uri !== uri)));
  return { client, diagnostics, loaded };
}

describe('loading the corpus', () => {
  let first: Diagnostic[];

  it('reports progress while the corpus loads, then publishes evidence from it', async () => {
    const { client, diagnostics, loaded } = await start();
    first = diagnostics;
    assert.match(loaded, /5 corpus documents indexed \(0 from the index cache\)/);
    const kinds = client.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.match(client.progress[0].value.title ?? '', /indexing/i);
    assert.ok(kinds.includes('end'), JSON.stringify(kinds));
    assert.equal(await client.shutdown(), 0);
  });

  it('starts again from the on-disk cache without re-reading the articles, with the same findings', async () => {
    const { client, diagnostics, loaded } = await start();
    assert.match(loaded, /5 corpus documents indexed \(5 from the index cache\)/);
    assert.deepEqual(diagnostics, first);
    assert.equal(await client.shutdown(), 0);
  });

  it('rebuilds a corrupt cache with a warning instead of failing', async () => {
    const folder = path.join(cacheFolder, 'index');
    for (const f of fs.readdirSync(folder)) fs.writeFileSync(path.join(folder, f), 'this is not an index');
    const { client, diagnostics, loaded } = await start();
    assert.match(client.log.join('\n'), /index cache unreadable.*rebuilding/);
    assert.match(loaded, /\(0 from the index cache\)/);
    assert.deepEqual(diagnostics, first);
    assert.equal(await client.shutdown(), 0);
  });
});
