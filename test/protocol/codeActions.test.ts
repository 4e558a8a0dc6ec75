import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, ExecuteCommandRequest, HoverRequest, type CodeAction, type MarkupContent, type Range } from 'vscode-languageserver-protocol/node';
import * as fs from 'node:fs';
import { positionOf, TestClient } from '../support/lspClient';
import { readSeed, seedFiles } from '../support/seeds';
import { tempWorkspace, type TempWorkspace } from '../support/workspace';

const SEED = '002_814d60045636db2c.txt';

// Annotating writes a store beside the article: work on a copy of the seeds.
const seedsCopy = () => tempWorkspace(Object.fromEntries(seedFiles().map((f) => [`seeds/${f}`, readSeed(f)])));

describe('code actions on findings', () => {
  let ws: TempWorkspace;
  let client: TestClient;
  let uri: string;
  const text = readSeed(SEED);
  const actionsAt = async (needle: string) => {
    const at = positionOf(text, needle, 2);
    return (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } })) as CodeAction[];
  };

  before(async () => {
    ws = seedsCopy();
    client = new TestClient({ root: ws.root });
    await client.initialize();
    uri = await client.open(ws.file(`seeds/${SEED}`), text);
    await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    ws.dispose();
  });

  it('offers to mark a quote verified or disputed, to ignore it, and to cite its best source', async () => {
    const titles = (await actionsAt('It was a very warm')).map((a) => a.title);
    assert.ok(['verified…', 'disputed…', 'needing a source…'].every((t) => titles.includes(`Mark quote as ${t}`)), titles.join(' | '));
    assert.ok(titles.includes('Ignore this quote in this file'));
    assert.ok(titles.some((t) => /^Insert citation of \d{3}_\w+\.txt:\d+$/.test(t)));
  });

  it('inserts the citation right after the quote', async () => {
    const cite = (await actionsAt('It was a very warm')).find((a) => a.title.startsWith('Insert citation'))!;
    const [edit] = cite.edit!.changes![uri];
    const quoteEnd = positionOf(text, 'It was a very warm, very positive letter,”', 42);
    assert.deepEqual(edit.range, { start: quoteEnd, end: quoteEnd });
    assert.equal(edit.newText, ` [source: ${cite.title.replace('Insert citation of ', '')}]`);
  });

  it('ignoring a finding removes its diagnostic from this file, and stores that beside the article', async () => {
    const claimLine = text.split('\n')[16]; // "Trump and Kim held the landmark summit …" (line 4, the June 12 summit, is corroborated by 001)
    const ignore = (await actionsAt(claimLine)).find((a) => a.title === 'Ignore this unverified claim in this file')!;
    assert.equal(ignore.command?.command, 'corroborate.annotate');
    const { range } = ignore.command!.arguments![0] as { range: Range };
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: ignore.command!.command, arguments: ignore.command!.arguments });
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => !p.diagnostics.some((d) => d.code === 'unverified-claim' && d.range.start.line === range.start.line));
    assert.ok(diagnostics.some((d) => d.code === 'unverified-claim'), 'other unverified claims stay');
    assert.match(fs.readFileSync(ws.file(`seeds/${SEED}.annotations.jsonld`), 'utf8'), /"ignored"/);
  });

  it('marking a quote verified with a note shows the note in its hover', async () => {
    const verify = (await actionsAt('It was a very warm')).find((a) => a.title === 'Mark quote as verified…')!;
    const args = [{ ...(verify.command!.arguments![0] as object), note: 'checked against the <b>briefing</b> transcript' }];
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.annotate', arguments: args });
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'It was a very warm', 2) });
    assert.match((h!.contents as MarkupContent).value, /\*\*Your annotation:\*\* verified — checked against the \\<b\\>briefing\\<\/b\\> transcript/);
    const titles = (await actionsAt('It was a very warm')).map((a) => a.title);
    assert.ok(titles.includes('Remove your annotation (verified)'), titles.join(' | '));
  });

  it('refuses an annotation that is not one', async () => {
    await assert.rejects(
      client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.annotate', arguments: [{ uri, status: 'true' }] }),
      /corroborate\.annotate: range must be an LSP range/,
    );
  });
});

describe('code actions in an untrusted workspace', () => {
  it('only offers the citation: nothing is written', async () => {
    const ws = seedsCopy();
    const client = new TestClient({ root: ws.root });
    await client.initialize({ trusted: false });
    const text = readSeed(SEED);
    const uri = await client.open(ws.file(`seeds/${SEED}`), text);
    await client.indexed(); // requests answer at once while the corpus loads; the citation needs the corpus
    const at = positionOf(text, 'It was a very warm', 2);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title.replace(/ of .*/, '')), ['Insert citation']);
    await assert.rejects(
      client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.annotate', arguments: [{ uri, range: { start: at, end: at }, status: 'verified', note: '' }] }),
      /untrusted/,
    );
    assert.ok(!fs.existsSync(ws.file(`seeds/${SEED}.annotations.jsonld`)));
    assert.equal(await client.shutdown(), 0);
    ws.dispose();
  });
});
