// A client that stops reading the server's output while it goes on typing: the server must not queue every
// diagnostics update it cannot deliver (its memory would grow with every keystroke). Updates for the same document
// replace each other while the client is not reading; once it reads again, it gets the latest state.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { readSeed, ROOT, seedFiles } from '../support/seeds';
import { RawClient } from './rawClient';

describe('a client that stops reading', () => {
  let client: RawClient;
  const article = seedFiles().map(readSeed).join('\n\n');
  const uris = Array.from({ length: 8 }, (_, i) => pathToFileURL(path.join(ROOT, 'test', 'robustness', `unsaved-${i}.txt`)).toString());
  const versions = new Map(uris.map((u) => [u, 1]));

  before(async () => {
    client = new RawClient();
    await client.initialize(pathToFileURL(ROOT).toString(), { settings: { debounceMs: 0 } }, { workspace: { codeLens: { refreshSupport: true } } });
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
