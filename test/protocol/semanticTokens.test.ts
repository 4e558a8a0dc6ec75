import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SemanticTokensRequest } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lspClient';
import { readSeed, SEEDS_DIR } from '../support/seeds';

const SEED = '002_814d60045636db2c.txt';

interface Token {
  line: number;
  character: number;
  length: number;
  type: string;
  text: string;
}

describe('semantic tokens for plain text', () => {
  let client: TestClient;
  let legend: string[];

  const tokens = async (uri: string, text: string): Promise<Token[]> => {
    const { data } = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }))!;
    const lines = text.split('\n');
    const out: Token[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      out.push({ line, character, length: data[i + 2], type: legend[data[i + 3]], text: lines[line].slice(character, character + data[i + 2]) });
    }
    return out;
  };

  before(async () => {
    client = new TestClient();
    const init = await client.initialize();
    legend = init.capabilities.semanticTokensProvider!.legend.tokenTypes;
  });
  after(async () => assert.equal(await client.shutdown(), 0));

  it('marks speakers, cues and quoted text in a .txt article', async () => {
    const text = readSeed(SEED);
    const uri = await client.open(path.join(SEEDS_DIR, SEED), text, 'plaintext');
    const found = await tokens(uri, text);
    assert.ok(found.some((t) => t.type === 'speaker' && t.text === 'Sarah Sanders'), JSON.stringify(found.filter((t) => t.type === 'speaker').map((t) => t.text)));
    assert.ok(found.some((t) => t.type === 'cue' && t.text === 'said'));
    assert.ok(found.some((t) => t.type === 'quote' && t.text === '“It was a very warm, very positive letter,”'));
  });

  it('never overlaps tokens, and splits a quote that runs over lines into one token per line', async () => {
    const text = 'Sanders said “the letter was warm\nand very positive” on Monday.\n';
    const uri = await client.open(path.join(SEEDS_DIR, 'draft-multiline.txt'), text);
    const found = await tokens(uri, text);
    assert.deepEqual(found.filter((t) => t.type === 'quote').map((t) => t.text), ['“the letter was warm', 'and very positive”']);
    assert.deepEqual(found.filter((t) => t.type !== 'quote').map((t) => `${t.type}:${t.text}`), ['speaker:Sanders', 'cue:said']);
    for (let i = 1; i < found.length; i++) {
      const [a, b] = [found[i - 1], found[i]];
      assert.ok(a.line < b.line || a.character + a.length <= b.character, `${a.text} overlaps ${b.text}`);
    }
  });
});
