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

  it('names a malformed setting in the log, once, and keeps the lexicon it had', async () => {
    await client.configure({ cues: { speech: 'blurt' } });
    const line = await client.until('the settings warning', () => client.log.find((l) => l.includes('corroborate.cues.speech')));
    assert.equal(line, 'settings: corroborate.cues.speech is "blurt", not a list of words; ignored');
    const shown = await client.until('the settings warning shown', () => client.shown.find((m) => m.includes('corroborate.cues.speech')));
    assert.equal(shown, 'Corroborate settings: corroborate.cues.speech is "blurt", not a list of words; ignored.');
    const { diagnostics } = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'attribution'));
    assert.deepEqual(cues(diagnostics), ['said']);
    await client.configure({ cues: { speech: 'blurt' }, debounceMs: 10 });
    await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'attribution'));
    assert.equal(client.log.filter((l) => l.includes('corroborate.cues.speech')).length, 1);
    assert.equal(client.shown.filter((m) => m.includes('corroborate.cues.speech')).length, 1);
  });
});
