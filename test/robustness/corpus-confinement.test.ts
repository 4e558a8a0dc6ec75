// Which folders a workspace can make the server read. A relative corpus setting stays inside the workspace folder
// (`../` is refused, with a message); only an absolute path reaches another folder. In an untrusted workspace nothing
// leads outside: not an absolute path, not a symbolic link.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { readSeed, seedFiles } from '../support/seeds';
import { TestClient } from '../support/lspClient';
import { tempWorkspace, type TempWorkspace } from '../support/workspace';

const QUICK = { debounceMs: 0 };

/** A folder holding `ws/` (the workspace: two articles in seeds/) and, beside it, `outside/` (three articles). */
function layout(): { dir: TempWorkspace; root: string; outside: string } {
  const seeds = seedFiles();
  const dir = tempWorkspace({
    'ws/seeds/a.txt': readSeed(seeds[0]),
    'ws/seeds/b.txt': readSeed(seeds[1]),
    'outside/c.txt': readSeed(seeds[2]),
    'outside/d.txt': readSeed(seeds[3]),
    'outside/e.txt': readSeed(seeds[4]),
  });
  return { dir, root: dir.file('ws'), outside: dir.file('outside') };
}

// Every server started, so a failed assertion does not leave one running (and the test file waiting for it).
const started: TestClient[] = [];

/** The number of corpus documents once the server has indexed with `corpus` as the workspace's setting. */
async function indexedWith(root: string, corpus: string[], options: { trusted?: boolean } = {}): Promise<{ documents: number; log: string[]; client: TestClient }> {
  const client = new TestClient({
    root,
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } },
  });
  started.push(client);
  await client.initialize({ settings: { ...QUICK, corpus }, ...options });
  const { documents } = await client.indexed();
  return { documents, log: client.log, client };
}

describe('corpus folders a workspace setting can reach', () => {
  let dir: TempWorkspace;
  let root: string;
  let outside: string;

  before(() => ({ dir, root, outside } = layout()));
  afterEach(async () => {
    for (const client of started.splice(0)) await client.shutdown().catch(() => undefined);
  });
  after(() => dir.dispose());

  for (const spec of ['../outside', '../outside/*.txt', 'seeds/../../outside', '../**/*.txt']) {
    it(`refuses '${spec}', saying why, and reads nothing outside`, async () => {
      const { documents, log, client } = await indexedWith(root, ['seeds', spec]);
      assert.equal(documents, 2, 'only the workspace articles');
      assert.ok(log.some((m) => m === `corpus: '${spec}' reaches outside the workspace folder; ignored (give an absolute path in your user settings to read another folder)`), log.join('\n'));
      const watched = client.registrations.flatMap((r) => (r.registerOptions as { watchers: { globPattern: { pattern: string } | string }[] }).watchers);
      assert.ok(watched.every((w) => !JSON.stringify(w.globPattern).includes('..')), 'no watcher outside either');
    });
  }

  it('follows an absolute path: the user asked for that folder', async () => {
    const { documents } = await indexedWith(root, ['seeds', outside]);
    assert.equal(documents, 5);
  });

  it('in an untrusted workspace, refuses an absolute path outside it', async () => {
    const { documents, log } = await indexedWith(root, ['seeds', outside], { trusted: false });
    assert.equal(documents, 2);
    assert.ok(log.some((m) => m === `corpus: '${outside}' is outside the workspace folder; ignored in an untrusted workspace`), log.join('\n'));
  });

  it('in an untrusted workspace, refuses a folder or file that is a symbolic link to elsewhere', async () => {
    fs.symlinkSync(outside, path.join(root, 'linked'));
    fs.symlinkSync(path.join(outside, 'c.txt'), path.join(root, 'linked-file.txt'));
    fs.symlinkSync(outside, path.join(root, 'seeds', 'nested-link'));
    try {
      const { documents, log } = await indexedWith(root, ['seeds', 'linked', 'linked-file.txt'], { trusted: false });
      assert.equal(documents, 2, 'a link inside seeds/ is not followed either');
      for (const spec of ['linked', 'linked-file.txt']) {
        assert.ok(log.some((m) => m === `corpus: '${spec}' leads outside the workspace folder through a symbolic link; ignored in an untrusted workspace`), log.join('\n'));
      }
      // Trusted, the researcher's own links are followed (a link inside a folder still is not, as before).
      const trusted = await indexedWith(root, ['seeds', 'linked', 'linked-file.txt']);
      assert.equal(trusted.documents, 6, 'seeds, the linked folder, the linked file');
    } finally {
      for (const link of ['linked', 'linked-file.txt', 'seeds/nested-link']) fs.rmSync(path.join(root, link), { force: true });
    }
  });
});
