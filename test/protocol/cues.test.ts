import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lspClient';
import { SEEDS_DIR } from '../support/seeds';

// The corroborate.cues setting: a user's own cue words change what the editor flags as an attribution.
const TEXT = 'Sanders blurted that the letter was warm.\n\nMoon said the meeting would go ahead.\n';
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const cues = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'attribution').map((d) => /“(.*)”/.exec(messageOf(d))?.[1]).sort();

describe('the corroborate.cues setting', () => {
  let client: TestClient;
  let uri: string;

  before(async () => {
    client = new TestClient({ capabilities: { workspace: { configuration: true, didChangeConfiguration: {} } }, settings: {} });
    await client.initialize();
    uri = await client.open(path.join(SEEDS_DIR, '..', 'draft.txt'), TEXT);
  });
  after(async () => assert.equal(await client.shutdown(), 0));

  it('flags only the default cues at first', async () => {
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'attribution'));
    assert.deepEqual(cues(diagnostics), ['said']);
  });

  it('flags a verb the user adds, and no longer one the user takes out', async () => {
    await client.configure({ cues: { speech: ['blurt', '-say'] } });
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'attribution' && messageOf(d).includes('blurted')));
    assert.deepEqual(cues(diagnostics), ['blurted']);
    const attribution = diagnostics.find((d) => d.code === 'attribution')!;
    assert.match(messageOf(attribution), /Sanders/);
  });

  it('goes back to the default lexicon when the setting is cleared', async () => {
    await client.configure({});
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'attribution' && messageOf(d).includes('said')));
    assert.deepEqual(cues(diagnostics), ['said']);
  });
});
