import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CodeLensRequest, CodeLensResolveRequest, DocumentDiagnosticRequest, HoverRequest, type CodeLens, type DocumentDiagnosticReport, type Hover, type Location, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { positionOf, TestClient } from '../support/lspClient';
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

describe('code lenses and hovers of the other open articles while one is edited', () => {
  // 000 says, unattributed and uncorroborated, that Moon brokered the Singapore summit; an edit of 002 (open too, so
  // it stands in the corpus with its open text) says the same: 000's claim then has a source.
  const OTHER = '000_beab4e2f294f4a54.txt';
  const CLAIM = 'Moon had already brokered the summit between Trump and Kim in Singapore in June.';
  const otherText = readSeed(OTHER);
  const claimAt = positionOf(otherText, CLAIM);
  // A client that pulls diagnostics and can be asked to refresh them and its lenses, as VS Code does.
  const client = new TestClient({
    capabilities: {
      textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
      workspace: { diagnostics: { refreshSupport: true }, codeLens: { refreshSupport: true } },
    },
  });
  let edited: string;
  let other: string;
  const pull = (uri: string, previousResultId?: string) => client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId }) as Promise<DocumentDiagnosticReport>;
  // What the editor shows above a paragraph: the lens there, resolved.
  const lensTitle = async (uri: string, line: number) => {
    const lens = ((await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[]).find((l) => l.range.start.line === line);
    assert.ok(lens, `a lens on line ${line + 1}`);
    return (await client.connection.sendRequest(CodeLensResolveRequest.type, lens)).command?.title;
  };
  const claimHover = async () => {
    const h = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: claimAt })) as Hover | null;
    return (h?.contents as MarkupContent | undefined)?.value ?? '';
  };

  before(async () => {
    await client.initialize();
    edited = await client.open(path.join(SEEDS_DIR, SEED), readSeed(SEED));
    other = await client.open(path.join(SEEDS_DIR, OTHER), otherText);
    await client.indexed();
  });
  after(async () => assert.equal(await client.shutdown(), 0));

  it('answers from their last report until typing pauses, then from the corpus with the edit', async () => {
    const editedReport = await pull(edited);
    const otherReport = await pull(other);
    const before = await lensTitle(other, claimAt.line);
    const hoverBefore = await claimHover();
    assert.equal(before, '? 2 unverified');
    assert.match(hoverBefore, /\*\*Claim\*\* · unverified/);
    const lensRefreshes = client.refreshes.codeLens;
    await client.change(edited, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `${CLAIM}\n\n` }]);
    // The edited article's pull: the quick diagnostics now, and a refresh of everything once its full report is in.
    const quick = await pull(edited, editedReport.resultId);
    assert.ok(quick.kind === 'full' && quick.resultId?.endsWith(':provisional'));
    await client.until('the lens refresh after the edited article is reported', () => client.refreshes.codeLens > lensRefreshes);
    // The editor asks for the lenses of every visible article; the edited one's are of its new text and corpus.
    assert.match((await lensTitle(edited, 0)) ?? '', /^✓ 1 source/);
    const during = await lensTitle(other, claimAt.line);
    const hoverDuring = await claimHover();
    // (Asked before the others' refresh, a second after the edit went in: their diagnostics are unchanged still.)
    assert.equal((await pull(other, otherReport.resultId)).kind, 'unchanged', 'asked before the other articles were refreshed');
    assert.equal(during, before, 'the other article keeps the lens it had until typing pauses');
    assert.equal(hoverDuring, hoverBefore);
    // Once typing has paused, everything is asked for again, and computed with the edit.
    for (;;) {
      const seen = client.refreshes.diagnostics;
      if ((await pull(other, otherReport.resultId)).kind === 'full') break;
      await client.until('the other articles refresh', () => client.refreshes.diagnostics > seen);
    }
    const now = await lensTitle(other, claimAt.line);
    assert.equal(now, '✓ 1 source · ? 1 unverified', 'the claim has a source now');
    assert.doesNotMatch(await claimHover(), /\*\*Claim\*\* · unverified/);
  });
});
