import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CodeLensRequest, CodeLensResolveRequest, type CodeLens, type Location } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lspClient';
import { readSeed, SEEDS_DIR } from '../support/seeds';

const SEED = '002_814d60045636db2c.txt';

describe('code lenses', () => {
  let client: TestClient;
  let uri: string;
  const text = readSeed(SEED);
  const lines = text.split('\n');
  const lenses = () => client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }) as Promise<CodeLens[]>;
  const resolve = (lens: CodeLens) => client.connection.sendRequest(CodeLensResolveRequest.type, lens);

  before(async () => {
    client = new TestClient({
      capabilities: { workspace: { configuration: true, didChangeConfiguration: {}, codeLens: { refreshSupport: true } } },
      settings: {},
    });
    await client.initialize();
    uri = await client.open(path.join(SEEDS_DIR, SEED), text);
    await client.indexed(); // requests answer at once while the corpus loads in the background
  });
  after(async () => assert.equal(await client.shutdown(), 0));

  it('puts one unresolved lens at the start of each paragraph with quotes or claims', async () => {
    const found = await lenses();
    assert.ok(found.length >= 10, `${found.length} lenses`);
    for (const lens of found) {
      assert.equal(lens.command, undefined, 'titles are computed on resolve');
      assert.equal(lens.range.start.character, 0);
      assert.notEqual(lines[lens.range.start.line].trim(), '', 'a lens sits on a paragraph');
    }
  });

  it('resolves to counts of sources, differences and unverified claims, and a command to peek at the passages', async () => {
    const found = await lenses();
    const resolved = await Promise.all(found.map(resolve));
    const quoteLine = lines.findIndex((l) => l.includes('It was a very warm'));
    const quote = resolved.find((l) => l.range.start.line === quoteLine)!;
    const sources = Number(/^✓ (\d+) sources/.exec(quote.command?.title ?? '')?.[1]);
    assert.ok(sources >= 3, quote.command?.title);
    assert.equal(quote.command?.command, 'corroborate.showSources');
    const [target, position, locations] = quote.command!.arguments as [string, { line: number }, Location[]];
    assert.equal(target, uri);
    assert.equal(position.line, quoteLine);
    assert.ok(new Set(locations.map((l) => l.uri)).size >= sources, 'the peek shows a passage of every source counted');
    for (const l of locations) {
      const other = readSeed(path.basename(fileURLToPath(l.uri)));
      assert.ok(other.split('\n')[l.range.start.line].length > 0, 'each location is a passage of another seed');
    }
    assert.ok(resolved.some((l) => /^\? 1 unverified$/.test(l.command?.title ?? '')), resolved.map((l) => l.command?.title).join(' | '));
    assert.ok(resolved.every((l) => /^(✓ \d+ sources?|≠ \d+ quoted differently|✗ \d+ conflicting|\? \d+ unverified|no other source)( · |$)/.test(l.command!.title)));
  });

  it('can be turned off, and asks the editor to refresh its lenses when it is', async () => {
    const before = client.refreshes.codeLens;
    await client.configure({ codeLens: { enabled: false } });
    await client.until('a code lens refresh', () => client.refreshes.codeLens > before);
    assert.deepEqual(await lenses(), []);
    await client.configure({ codeLens: { enabled: true } });
    await client.until('another code lens refresh', () => client.refreshes.codeLens > before + 1);
    assert.ok((await lenses()).length > 0);
  });
});
