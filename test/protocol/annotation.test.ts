// Annotations through the language server: the one command the code actions call, what the
// editor then shows, the store on disk, and export/import of the workspace's annotations.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeLensRequest,
  CodeLensResolveRequest,
  DidChangeTextDocumentNotification,
  ExecuteCommandRequest,
  HoverRequest,
  type Diagnostic,
  type MarkupContent,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lspClient';
import { LETTER, seedFiles, SEEDS_DIR } from '../support/seeds';

const COURIER = 'The letter was delivered by hand';

describe('researcher annotations in the language server', () => {
  let dir: string;
  let client: TestClient;
  let uri: string;
  let file: string;
  const unverified = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'unverified-claim');
  const courier = (ds: Diagnostic[]) => unverified(ds).find((d) => d.range.start.line === LETTER.split('\n').findIndex((l) => l.startsWith(COURIER)));

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-annotations-'));
    fs.mkdirSync(path.join(dir, 'seeds'));
    for (const f of seedFiles()) fs.copyFileSync(path.join(SEEDS_DIR, f), path.join(dir, 'seeds', f));
    file = path.join(dir, 'letter.txt');
    fs.writeFileSync(file, LETTER);
    client = new TestClient(dir);
    await client.initialize();
    uri = await client.open(file, LETTER);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const annotate = (range: Range, status: string, note: string, source?: string) =>
    client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.annotate', arguments: [{ uri, range, status, note, source }] });

  it('marking a claim verified clears its warning, shows in the hover, and is stored beside the article', async () => {
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => courier(p.diagnostics) !== undefined);
    const claim = courier(diagnostics)!;
    const before = unverified(diagnostics).length;
    const result = (await annotate(claim.range, 'verified', 'Confirmed by the embassy', 'https://example.org/embassy')) as { id: string };
    assert.match(result.id, /^urn:uuid:/);

    const after = await client.diagnosticsFor(uri, (p) => courier(p.diagnostics) === undefined);
    assert.equal(unverified(after.diagnostics).length, before - 1, 'only that claim stops being flagged');

    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: claim.range.start });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /Your annotation:\*\* verified/);
    assert.match(value, /Confirmed by the embassy/);

    const unresolved = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    const lenses = await Promise.all(unresolved.map((l) => client.connection.sendRequest(CodeLensResolveRequest.type, l)));
    assert.ok(lenses.some((l) => l.command?.title.includes('✎ 1 annotated')), JSON.stringify(lenses.map((l) => l.command?.title)));

    const store = JSON.parse(fs.readFileSync(file + '.annotations.jsonld', 'utf8'));
    assert.equal(store['@context'], 'http://www.w3.org/ns/anno.jsonld');
    const [item] = store.first.items;
    assert.equal(item.id, result.id);
    assert.equal(item.target.source, 'letter.txt');
    assert.ok(item.target.selector.find((s: { type: string; exact?: string }) => s.type === 'TextQuoteSelector')?.exact.startsWith(COURIER));
  });

  it('keeps the annotation on its claim when the article is edited above it', async () => {
    const insert = 'Correction: an earlier version misspelled a name.\n\n';
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }],
    });
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.version === 2);
    const shifted = unverified(diagnostics).map((d) => d.range.start.line);
    const courierLine = (insert + LETTER).split('\n').findIndex((l) => l.startsWith(COURIER));
    assert.ok(shifted.length > 0, 'the other unverified claim is still flagged');
    assert.ok(!shifted.includes(courierLine), 'the verified claim is still not flagged');
  });

  it('raises a claim the researcher disputes', async () => {
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.version === 2);
    const hanoi = unverified(diagnostics)[0];
    await annotate(hanoi.range, 'disputed', 'The venue is not confirmed');
    const after = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'disputed-claim'));
    const disputed = after.diagnostics.find((d) => d.code === 'disputed-claim')!;
    assert.deepEqual(disputed.range, hanoi.range);
    const message = typeof disputed.message === 'string' ? disputed.message : disputed.message.value;
    assert.match(message, /disputed by you: The venue is not confirmed/);
  });

  it('exports the workspace annotations as JSON-LD and CSV and imports them back', async () => {
    const jsonld = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.annotations.export', arguments: [{ format: 'jsonld' }] })) as { content: string; count: number };
    assert.equal(jsonld.count, 2);
    const collection = JSON.parse(jsonld.content);
    assert.equal(collection.type, 'AnnotationCollection');
    assert.deepEqual(collection.first.items.map((i: { target: { source: string } }) => i.target.source), ['letter.txt', 'letter.txt']);
    const csv = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.annotations.export', arguments: [{ format: 'csv' }] })) as { content: string };
    assert.match(csv.content, /^article,id,status,note/);
    assert.match(csv.content, /letter\.txt,urn:uuid:[^,]+,verified,Confirmed by the embassy/);

    fs.rmSync(file + '.annotations.jsonld');
    const imported = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.annotations.import', arguments: [{ format: 'csv', content: csv.content }] })) as { added: number; problems: string[] };
    assert.deepEqual(imported, { added: 2, updated: 0, unchanged: 0, problems: [] });
    const again = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corroborate.annotations.import', arguments: [{ format: 'jsonld', content: jsonld.content }] })) as { unchanged: number };
    assert.equal(again.unchanged, 2, 'importing the same annotations twice changes nothing');
    const store = JSON.parse(fs.readFileSync(file + '.annotations.jsonld', 'utf8'));
    assert.equal(store.first.items.length, 2);
  });

  it('names the file and line of a broken store, and refuses to overwrite it', async () => {
    const store = file + '.annotations.jsonld';
    const broken = fs.readFileSync(store, 'utf8').replace('"type": "AnnotationPage",', '"type": "AnnotationPage"');
    fs.writeFileSync(store, broken);
    const { diagnostics } = await client.diagnosticsFor(uri, () => true);
    await assert.rejects(annotate(diagnostics[0].range, 'verified', 'x'), /annotations\.jsonld:\d+: not valid JSON/);
    // The editor shows it as a warning (window/showMessage).
    await client.until('the broken store named to the user', () => client.shown.some((m) => /letter\.txt\.annotations\.jsonld:\d+: not valid JSON/.test(m)));
    assert.equal(fs.readFileSync(store, 'utf8'), broken);
  });
});
