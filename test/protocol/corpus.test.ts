import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ExecuteCommandRequest, FileChangeType, HoverRequest, WorkspaceSymbolRequest, type MarkupContent, type WorkspaceSymbol } from 'vscode-languageserver-protocol/node';
import { positionOf, TestClient } from '../support/lspClient';
import { readSeed, SEEDS_DIR } from '../support/seeds';
import { tempWorkspace, type TempWorkspace } from '../support/workspace';

const ARTICLE = 'Officials confirmed the summit. “The talks in Geneva were productive and long,” said Maria Lopez.\n';
const CORROBORATING = 'In Geneva, Maria Lopez said: “The talks in Geneva were productive and long.”\n';

describe('the corpus on disk: indexing with progress, watching, settings', () => {
  let ws: TempWorkspace;
  let client: TestClient;
  let uri: string;
  const hover = async () => {
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(ARTICLE, 'talks in Geneva') });
    return (h?.contents as MarkupContent | undefined)?.value ?? '';
  };

  before(async () => {
    ws = tempWorkspace({ 'articles/a.txt': 'Nothing to see here.\n', 'articles/b.txt': 'Geneva is a city.\n', 'other/c.txt': CORROBORATING });
    client = new TestClient({
      root: ws.root,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, didChangeConfiguration: {}, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
      },
      settings: { corpus: ['articles'] },
    });
    await client.initialize();
    uri = await client.open(ws.file('draft.txt'), ARTICLE);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    ws.dispose();
  });

  it('reports indexing as work-done progress and a status notification', async () => {
    const status = await client.indexed();
    assert.equal(status.documents, 3, 'two corpus articles and the open draft');
    const begin = await client.until('progress begin', () => client.progress.find((p) => p.value.kind === 'begin'));
    assert.equal(begin.value.title, 'Corroborate: indexing corpus');
    assert.ok(client.progressTokens.includes(begin.token), 'the progress token was created by window/workDoneProgress/create');
    await client.until('progress end', () => client.progress.some((p) => p.token === begin.token && p.value.kind === 'end'));
    assert.ok(client.status.some((s) => s.state === 'indexing' && s.total === 2));
  });

  it('asks the client to watch the corpus folder', async () => {
    const reg = await client.until('a file watcher registration', () => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
    const patterns = (reg.registerOptions as { watchers: { globPattern: { baseUri: string; pattern: string } }[] }).watchers.map((w) => w.globPattern);
    assert.deepEqual(patterns, [
      { baseUri: pathToFileURL(ws.root).toString(), pattern: 'articles' },
      { baseUri: pathToFileURL(ws.root).toString(), pattern: 'articles/**' },
    ]);
  });

  it('indexes a file added to the corpus folder, and forgets it when deleted', async () => {
    assert.match(await hover(), /No other document of the corpus carries it/);
    const file = ws.write('articles/new.txt', CORROBORATING);
    await client.filesChanged([{ uri: pathToFileURL(file).toString(), type: FileChangeType.Created }]);
    // The server queues the re-index before answering later requests, so the next hover sees the new file.
    assert.match(await hover(), /\[new\\\.txt:1\]\(file:/);
    assert.equal(client.status.findLast((x) => x.state === 'indexing')?.total, 1, 'only the new file was read');
    ws.remove('articles/new.txt');
    await client.filesChanged([{ uri: pathToFileURL(file).toString(), type: FileChangeType.Deleted }]);
    assert.match(await hover(), /No other document of the corpus carries it/);
  });

  it('reads a corpus article again when it is saved with other words, and only that one', async () => {
    const file = ws.write('articles/saved.txt', 'Nothing to see here.\n');
    await client.filesChanged([{ uri: pathToFileURL(file).toString(), type: FileChangeType.Created }]);
    assert.match(await hover(), /No other document of the corpus carries it/);
    const reads = client.status.length;
    ws.write('articles/saved.txt', CORROBORATING);
    await client.filesChanged([{ uri: pathToFileURL(file).toString(), type: FileChangeType.Changed }]);
    assert.match(await hover(), /\[saved\\\.txt:1\]\(file:/);
    assert.equal(client.status.slice(reads).findLast((x) => x.state === 'indexing')?.total, 1, 'only the saved file was read');
    ws.remove('articles/saved.txt');
    await client.filesChanged([{ uri: pathToFileURL(file).toString(), type: FileChangeType.Deleted }]);
    assert.match(await hover(), /No other document of the corpus carries it/);
  });

  it('reads a created file alone when the settings put it in the corpus, and lists the corpus for a new folder', async () => {
    // Written with no event: only a listing of the corpus would find it.
    const silent = ws.write('articles/silent.txt', CORROBORATING);
    const outside = ws.write('elsewhere/q.txt', CORROBORATING);
    const hidden = ws.write('articles/.hidden.txt', CORROBORATING);
    const created = ws.write('articles/created.txt', 'Nothing to see here either.\n');
    const reads = client.status.length;
    await client.filesChanged([outside, hidden, created].map((f) => ({ uri: pathToFileURL(f).toString(), type: FileChangeType.Created })));
    assert.match(await hover(), /No other document of the corpus carries it/, 'neither the silent file nor the ones outside the corpus were read');
    assert.equal(client.status.slice(reads).findLast((x) => x.state === 'indexing')?.total, 1, 'only the created member was read');
    // A folder created: its files may come without events of their own, so the corpus is listed.
    ws.write('articles/sub/inner.txt', 'Nothing here.\n');
    await client.filesChanged([{ uri: pathToFileURL(ws.file('articles/sub')).toString(), type: FileChangeType.Created }]);
    assert.match(await hover(), /\[silent\\\.txt:1\]\(file:/);
    for (const f of ['articles/silent.txt', 'elsewhere', 'articles/.hidden.txt', 'articles/created.txt', 'articles/sub']) ws.remove(f);
    await client.filesChanged([silent, created].map((f) => ({ uri: pathToFileURL(f).toString(), type: FileChangeType.Deleted })));
    assert.match(await hover(), /No other document of the corpus carries it/);
  });

  it('moves the corpus when the setting changes, and re-watches', async () => {
    const registrations = client.registrations.length;
    await client.configure({ corpus: ['other'] });
    assert.match(await hover(), /\[c\\\.txt:1\]\(file:/);
    await client.until('a new watcher', () => client.registrations.some((r) => JSON.stringify(r.registerOptions).includes('"other/**"')));
    assert.ok(client.registrations.length <= registrations, 'the old watcher was unregistered');
  });

  it('re-reads everything on the re-index command', async () => {
    ws.write('other/c.txt', 'Changed behind the editor’s back, with no watcher event.\n');
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.reindex', arguments: [] })) as { documents: number };
    assert.equal(result.documents, 2);
    assert.match(await hover(), /No other document of the corpus carries it/);
  });

  it('finds speakers across the corpus for workspace symbols, lazily after a change', async () => {
    ws.write('other/d.txt', '“We will meet again in Geneva next month,” said Tomas Berg.\n');
    await client.filesChanged([{ uri: pathToFileURL(ws.file('other/d.txt')).toString(), type: FileChangeType.Created }]);
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'berg' })) as WorkspaceSymbol[];
    assert.equal(symbols[0].name, 'Tomas Berg — 1 quote in 1 document');
  });
});

describe('a corpus setting that names a large folder', () => {
  it('has the index worker read it, from the index cache where it can, and then finds evidence there', async () => {
    const files: Record<string, string> = { 'small/a.txt': 'Nothing to see here.\n', 'large/c.txt': CORROBORATING };
    for (let i = 0; i < 300; i++) files[`large/filler-${i}.txt`] = `Filler article ${i} about the weather in town ${i}.\n`;
    const ws = tempWorkspace(files);
    const client = new TestClient({
      root: ws.root,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: {} } },
      settings: { corpus: ['small'] },
    });
    try {
      await client.initialize();
      const uri = await client.open(ws.file('draft.txt'), ARTICLE);
      await client.until('the first load', () => client.log.some((l) => /corpus documents indexed/.test(l)));
      const logged = client.log.length;
      await client.configure({ corpus: ['large'] });
      const line = await client.until('the corpus loaded', () => client.log.slice(logged).find((l) => /corpus documents indexed/.test(l)));
      assert.match(line, /302 corpus documents indexed \(\d+ from the index cache\)/, 'read by the loader that starts from the cache');
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(ARTICLE, 'talks in Geneva') });
      assert.match((h?.contents as MarkupContent).value, /\[c\\\.txt:1\]\(file:/);
    } finally {
      assert.equal(await client.shutdown(), 0);
      ws.dispose();
    }
  });
});

describe('a workspace without a corpus', () => {
  it('falls back to the sample articles it is given, and says so', async () => {
    const ws = tempWorkspace({ 'notes.txt': 'no corpus here\n' });
    const client = new TestClient({ root: ws.root });
    await client.initialize({ sampleCorpus: SEEDS_DIR });
    const status = await client.indexed();
    assert.deepEqual({ documents: status.documents, sample: status.sample }, { documents: 5, sample: true });
    const text = readSeed('002_814d60045636db2c.txt');
    const uri = await client.open(ws.file('copy.txt'), text);
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'It was a very warm', 2) });
    assert.match((h!.contents as MarkupContent).value, /003\\_b89cf95f952e021d\\\.txt:11/);
    assert.equal(await client.shutdown(), 0);
    ws.dispose();
  });
});

describe('a corpus of a few hundred articles indexed from nothing', () => {
  let ws: TempWorkspace;
  let client: TestClient;

  before(async () => {
    // Enough files for the index worker to have a second thread read them ahead (host/readAhead.ts): a thread
    // started by the worker's own thread, which only the bundled server exercises.
    const files: Record<string, string> = {};
    for (let i = 0; i < 260; i++) files[`articles/${String(i).padStart(3, '0')}.txt`] = `Filler article ${i} about the weather in town ${i}.\n`;
    files['articles/250.txt'] = CORROBORATING;
    ws = tempWorkspace(files);
    client = new TestClient({ root: ws.root, capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } }, settings: { corpus: ['articles'] } });
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    ws.dispose();
  });

  it('reads the files ahead on a second thread and finds the article that corroborates', async () => {
    const uri = await client.open(ws.file('draft.txt'), ARTICLE);
    const status = await client.indexed();
    assert.equal(status.documents, 261, 'every corpus article and the open draft');
    // The output channel says how the corpus was read.
    const line = await client.until('the load logged', () => client.log.find((l) => /corpus documents indexed/.test(l)));
    assert.match(line, /: 261 corpus documents indexed \(0 from the index cache; files read ahead on a second thread\)/);
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(ARTICLE, 'talks in Geneva') });
    assert.match((h?.contents as MarkupContent | undefined)?.value ?? '', /\[250\\\.txt:1\]\(file:/);
  });
});
