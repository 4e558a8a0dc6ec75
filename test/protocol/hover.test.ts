import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { positionOf, indexedClient, TestClient } from '../support/lspClient';
import { readSeed, SEEDS_DIR } from '../support/seeds';
import { tempWorkspace, type TempWorkspace } from '../support/workspace';

const SEED = '002_814d60045636db2c.txt';

async function hoverText(client: TestClient, uri: string, text: string, needle: string, delta = 2): Promise<string | undefined> {
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta) });
  return h ? (h.contents as MarkupContent).value : undefined;
}

describe('hover on the seeds', () => {
  let client: TestClient;
  let uri: string;
  const text = readSeed(SEED);

  before(async () => {
    client = new TestClient();
    await client.initialize();
    uri = await client.open(path.join(SEEDS_DIR, SEED), text);
    await client.indexed(); // requests answer at once while the corpus loads in the background
  });
  after(async () => assert.equal(await client.shutdown(), 0));

  it('on a quote: kind, speaker and cue, status, then each source as a link to its line', async () => {
    const value = (await hoverText(client, uri, text, 'It was a very warm'))!;
    assert.match(value, /^\*\*Quote\*\* · direct · said by \*\*Sarah Sanders\*\* · cue \*said\*/);
    const sources = Number(/✓ corroborated by (\d+) sources/.exec(value)?.[1]);
    assert.ok(sources >= 3, value);
    const links = [...value.matchAll(/\]\((file:[^)]+)#L(\d+)\)/g)];
    assert.ok(new Set(links.map((l) => l[1])).size >= sources, 'a link to each source');
    for (const [, target, line] of links) {
      const source = readSeed(path.basename(fileURLToPath(target)));
      assert.match(source.split('\n')[Number(line) - 1], /warm/, `${target}#L${line} is the passage`);
      assert.ok(!target.endsWith(SEED), 'the article is never its own source');
    }
  });

  it('emphasises the words the passage shares with the quote and gives relation and score', async () => {
    const value = (await hoverText(client, uri, text, 'It was a very warm'))!;
    assert.match(value, /✓ \*\*supports\*\* · [01]\.\d\d · \[003\\_b89cf95f952e021d\\\.txt:11\]/);
    assert.match(value, /> “It was a very \*\*warm\*\*, very \*\*positive\*\* \*\*letter\*\*,”/);
  });

  it('on an attribution: who, the cue and how strong a source it is', async () => {
    const value = (await hoverText(client, uri, text, 'Sarah Sanders said at', 6))!;
    assert.match(value, /^\*\*Attribution\*\* · said by \*\*Sarah Sanders\*\* · cue \*said\* · a named person/);
  });

  it('on an unverified claim: its status, and a passage of the same event shown as related, not as support', async () => {
    const claim = text.split('\n')[16]; // "Trump and Kim held the landmark summit …" (line 4, the June 12 summit, is corroborated by 001)
    const value = (await hoverText(client, uri, text, claim, 5))!;
    assert.match(value, /^\*\*Claim\*\* · unverified · not attributed/);
    // 003: "Notably, Donald Trump and Kim Jong Un met in Singapore earlier this year …": the summit, said otherwise.
    assert.match(value, /~ \*\*related\*\* · 0\.\d\d · \[003\\_b89cf95f952e021d\\\.txt:17\]/);
    assert.doesNotMatch(value, /\*\*supports\*\*/);
  });

  it('answers nothing between findings', async () => {
    assert.equal(await hoverText(client, uri, text, '\n\n', 1), undefined);
  });
});

describe('hover on a hostile corpus', () => {
  // A corpus file written to smuggle links, images, HTML and command: URIs into the hover, under a file name that tries too.
  const PAYLOAD =
    '[run me](command:workbench.action.quit) ![pixel](https://evil.example/p.png) <img src=x onerror=alert(1)> ' +
    '<a href="command:workbench.action.quit">click</a> https://evil.example/x www.evil.example mail@evil.example ' +
    '[ref]: command:workbench.action.quit `code` *em* # heading';
  const QUOTE = '“It was a very warm, very positive letter,” Sarah Sanders said.';
  const EVIL_NAME = 'evil](command:workbench.action.quit) <b>.txt';
  let ws: TempWorkspace;
  let client: TestClient;

  before(async () => {
    ws = tempWorkspace({
      'seeds/article.txt': `${QUOTE}\n`,
      [`seeds/${EVIL_NAME}`]: `“It was a very warm, very positive letter,” ${PAYLOAD} Sarah Sanders said.\n`,
    });
    client = await indexedClient({ root: ws.root });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    ws.dispose();
  });

  it('renders corpus text literally: the only links open files at a line; no image, HTML or command: URI', async () => {
    const uri = await client.open(ws.file('seeds/article.txt'), `${QUOTE}\n`);
    const value = (await hoverText(client, uri, QUOTE, 'very warm'))!;
    assert.ok(value.includes('run me'), 'the hostile passage is shown');
    const html = await marked.parse(value, { gfm: true });
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) assert.match(href, /^file:\/\/\/[^()\s<>]+#L\d+$/, `link ${href}`);
    assert.ok(hrefs.every((h) => h.includes('evil%5D%28command')), 'the file name is encoded into the link, not read as Markdown');
    assert.ok(!/<img|<a href="command|<b>|<code>|<em>em<\/em>|<h1/i.test(html), html);
    assert.ok(html.includes("[run me](command:workbench.action.quit)"), "hostile Markdown shows as text");
    assert.ok(!/(src|href)="(command|https?):/i.test(html), html);
  });
});
