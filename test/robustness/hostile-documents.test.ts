// Documents written to attack the editor: Markdown, HTML, command: and file: links and enormous strings, in the
// article and in a corpus file (under a hostile file name). Whatever of them reaches a hover, a code lens, a
// diagnostic, a symbol or a code action is escaped where it is Markdown and clipped everywhere.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { marked } from 'marked';
import {
  CodeActionRequest,
  CodeLensRequest,
  CodeLensResolveRequest,
  DocumentSymbolRequest,
  HoverRequest,
  WorkspaceSymbolRequest,
  type Diagnostic,
  type DocumentSymbol,
  type WorkspaceSymbol,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/core/text/lines';
import { indexedClient, TestClient } from '../support/lspClient';
import { tempWorkspace, type TempWorkspace } from '../support/workspace';

const QUICK = { settings: { debounceMs: 0 } };

const PAYLOAD =
  '[run me](command:workbench.action.quit) ![pixel](https://evil.example/p.png) <img src=x onerror=alert(1)> ' +
  '<a href="command:workbench.action.quit">click</a> [file](file:///etc/passwd) https://evil.example/x ' +
  '$(alert) `code` *em* # heading <script>alert(1)</script>';
// 20,000 capitalised words before "said": a speaker name as long as a careless extractor would take it, and a quote
// of 100,000 characters (the article stays under the 500,000 characters analysed).
const HUGE_NAME = 'Aaaa '.repeat(20_000);
const HUGE_QUOTE = '“' + 'It was a very warm, very positive letter indeed, '.repeat(2_000) + '”';
const QUOTE = '“It was a very warm, very positive letter,” Sarah Sanders said.';
const ARTICLE = [
  QUOTE,
  `“${PAYLOAD} It was a very warm letter,” Sarah Sanders said.`,
  `${HUGE_NAME}said the letter from Kim Jong-un arrived on Tuesday at the White House in Washington.`,
  `${HUGE_QUOTE} ${HUGE_NAME}said.`,
].join('\n\n') + '\n';
const EVIL_NAME = 'evil](command:workbench.action.quit) <b>$(alert).txt';
const CORPUS_FILE = [
  `“It was a very warm, very positive letter,” ${PAYLOAD} Sarah Sanders said.`,
  `${HUGE_NAME}said the letter from Kim Jong-un arrived on Tuesday at the White House in Washington.`,
  `${HUGE_QUOTE} ${PAYLOAD} said.`,
].join('\n\n') + '\n';

/** What a hover renders: no link but to a file at a line, no image, no HTML, no command: or web URI. */
async function assertInert(markdown: string): Promise<void> {
  const html = await marked.parse(markdown, { gfm: true });
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) assert.match(href, /^file:\/\/\/[^()\s<>]+#L\d+$/, `link ${href}`);
  assert.ok(!/<img|<a href="(command|https?)|<b>|<script|<code>|<em>em<\/em>|<h1/i.test(html), html.slice(0, 2000));
}

const LIMIT = 10_000;

describe('hostile documents', () => {
  let ws: TempWorkspace;
  let client: TestClient;
  let uri: string;
  const lines = new LineIndex(ARTICLE);
  const at = (needle: string, delta = 2) => lines.position(ARTICLE.indexOf(needle) + delta);

  before(async () => {
    assert.ok(ARTICLE.length < 500_000, 'the whole article is analysed');
    ws = tempWorkspace({ 'seeds/article.txt': ARTICLE, [`seeds/${EVIL_NAME}`]: CORPUS_FILE });
    client = await indexedClient({ root: ws.root, capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } }, QUICK);
    uri = await client.open(ws.file('seeds/article.txt'), ARTICLE);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    ws.dispose();
  });

  it('hovers: escaped, and short whatever the size of the speaker, the quote or the passage', async () => {
    for (const needle of ['It was a very warm', HUGE_NAME.slice(0, 10), HUGE_QUOTE.slice(0, 10), 'run me', 'said the letter']) {
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(needle) });
      if (!hover) continue;
      const value = (hover.contents as { value: string }).value;
      assert.ok(value.length < LIMIT, `a hover of ${value.length} characters at "${needle.slice(0, 20)}"`);
      // Passages (the "> " lines) are cut to about 240 characters of text, names and labels to 80.
      for (const line of value.split('\n')) {
        const max = line.startsWith('> ') ? 600 : 250;
        assert.ok(line.length <= max, `a hover line of ${line.length} characters: ${line.slice(0, 100)}…`);
      }
      await assertInert(value);
    }
  });

  it('diagnostics: messages and related information short, one line each', async () => {
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.length > 3);
    const texts = diagnostics.flatMap((d: Diagnostic) => [typeof d.message === 'string' ? d.message : d.message.value, ...(d.relatedInformation ?? []).map((r) => r.message)]);
    for (const text of texts) {
      assert.ok(text.length < 500, `a message of ${text.length} characters: ${text.slice(0, 120)}…`);
      assert.ok(!/[\r\n]/.test(text), 'one line');
    }
  });

  it('code lenses: titles count sources and carry no document text', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.ok(lenses && lenses.length > 0);
    for (const lens of lenses) {
      const resolved = await client.connection.sendRequest(CodeLensResolveRequest.type, lens);
      assert.match(resolved.command!.title, /^[✓≠✗?✎·\d a-z]+$/, resolved.command!.title.slice(0, 200));
      assert.equal(resolved.command!.command, 'corroborate.showSources');
    }
  });

  it('document and workspace symbols: names and details short, never empty', async () => {
    const outline = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const all = outline.flatMap((s) => [s, ...(s.children ?? [])]);
    assert.ok(all.length > 0);
    for (const s of all) {
      assert.ok(s.name.trim().length > 0 && s.name.length <= 120, `a symbol named ${s.name.length} characters: ${s.name.slice(0, 80)}`);
      assert.ok((s.detail ?? '').length <= 120);
    }
    const speakers = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as WorkspaceSymbol[];
    assert.ok(speakers.length > 0);
    for (const s of speakers) assert.ok(s.name.trim().length > 0 && s.name.length <= 200, `a workspace symbol of ${s.name.length} characters`);
  });

  it('code actions: titles short, and a citation inserts plain text', async () => {
    for (const needle of ['It was a very warm', HUGE_NAME.slice(0, 10), HUGE_QUOTE.slice(0, 10)]) {
      const p = at(needle);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: p, end: p }, context: { diagnostics: [] } })) ?? [];
      for (const a of actions) assert.ok(a.title.length < 300, a.title.slice(0, 200));
    }
  });
});
