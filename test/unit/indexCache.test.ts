import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { engineFingerprint, readIndexCache, writeIndexCache } from '../../server/src/host/indexCache';
import { documentIdOf, indexCorpus, type IndexOutcome } from '../../server/src/host/indexCorpus';
import { SEEDS_DIR } from '../support/seeds';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cache-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

let corpusDir: string;
let cacheFile: string;
let files: string[];

/** A fresh copy of the seeds, so tests can edit, touch and delete articles. */
beforeEach(() => {
  const dir = fs.mkdtempSync(path.join(tmp, 'ws-'));
  corpusDir = path.join(dir, 'articles');
  fs.mkdirSync(corpusDir);
  for (const f of fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'))) fs.copyFileSync(path.join(SEEDS_DIR, f), path.join(corpusDir, f));
  files = fs.readdirSync(corpusDir).sort().map((f) => path.join(corpusDir, f));
  cacheFile = path.join(dir, 'cache', 'index.bin');
});

const index = (settings = ''): IndexOutcome => indexCorpus({ files, cacheFile, settings });

/** What a reader of the corpus sees: every document's passages. */
const contents = (o: IndexOutcome) =>
  o.corpus.documentIds.sort().map((id) => ({ id, passages: o.corpus.passages(id).map((p) => [p.start, p.end, p.line, p.character, p.text]) }));

/** Moves a file's modification time forward, as an editor saving it would. */
const touch = (file: string) => {
  const later = new Date(fs.statSync(file).mtimeMs + 5000);
  fs.utimesSync(file, later, later);
};

describe('the on-disk index cache', () => {
  it('gives back the same corpus on the second start without reading any article', () => {
    const cold = index();
    assert.equal(cold.indexed, files.length);
    assert.ok(cold.cacheSaved);
    assert.deepEqual(cold.warnings, []);

    const warm = index();
    assert.equal(warm.fromCache, files.length);
    assert.equal(warm.indexed, 0);
    assert.equal(warm.cacheSaved, false, 'nothing changed, nothing rewritten');
    assert.deepEqual(contents(warm), contents(cold));
  });

  it('re-indexes only the article whose content changed', () => {
    index();
    const edited = files[2];
    fs.writeFileSync(edited, 'A new article.\n\n“Nothing like this was said before,” said Jane Doe.\n');
    touch(edited);

    const warm = index();
    assert.equal(warm.indexed, 1);
    assert.equal(warm.fromCache, files.length - 1);
    const passages = warm.corpus.passages(documentIdOf(edited)).map((p) => p.text);
    assert.ok(passages.some((t) => t.includes('Jane Doe')), JSON.stringify(passages));
    assert.deepEqual(contents(warm), contents(indexCorpus({ files })), 'same as indexing from scratch');

    assert.equal(index().fromCache, files.length, 'and the refreshed cache is used next time');
  });

  it('does not re-index an article that was touched but not changed', () => {
    index();
    touch(files[0]);
    const warm = index();
    assert.equal(warm.indexed, 0);
    assert.equal(warm.unchanged, 1);
    assert.equal(index().fromCache, files.length, 'the new modification time is remembered');
  });

  it('drops deleted articles and picks up new ones', () => {
    index();
    fs.rmSync(files[1]);
    const added = path.join(corpusDir, 'new.txt');
    fs.writeFileSync(added, 'The White House said the letter arrived on Thursday.\n');
    files = fs.readdirSync(corpusDir).sort().map((f) => path.join(corpusDir, f));

    const warm = index();
    assert.equal(warm.removed, 1);
    assert.equal(warm.indexed, 1);
    assert.ok(warm.corpus.has(documentIdOf(added)));
    assert.deepEqual(contents(warm), contents(indexCorpus({ files })));
  });

  it('is rebuilt, without a warning, when the engine or the index settings changed', () => {
    const cold = index();
    writeIndexCache(cacheFile, '', cold.corpus, cold.files, 'an older engine');
    const afterEngineChange = index();
    assert.equal(afterEngineChange.indexed, files.length);
    assert.match(afterEngineChange.cacheMiss ?? '', /engine changed/);
    assert.deepEqual(afterEngineChange.warnings, []);
    assert.equal(readIndexCache(cacheFile, '').ok, true, 'saved again for the current engine');

    const afterSettingsChange = index('stemming=off');
    assert.equal(afterSettingsChange.indexed, files.length);
    assert.match(afterSettingsChange.cacheMiss ?? '', /settings changed/);
  });

  it('tells apart engines that index text differently', () => {
    assert.match(engineFingerprint(), /^.+\+[0-9a-f]{16}$/);
    assert.equal(engineFingerprint(), engineFingerprint());
  });

  for (const [what, corrupt] of [
    ['garbage', () => Buffer.from('not an index at all')],
    ['truncated', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['one flipped byte', (bytes: Buffer) => Buffer.from(bytes.map((b, i) => (i === bytes.length - 100 ? b ^ 1 : b)))],
    ['empty', () => Buffer.alloc(0)],
  ] as const) {
    it(`is rebuilt with a warning, never a crash, when the cache file is ${what}`, () => {
      const cold = index();
      fs.writeFileSync(cacheFile, corrupt(fs.readFileSync(cacheFile)));
      const rebuilt = index();
      assert.equal(rebuilt.indexed, files.length);
      assert.equal(rebuilt.warnings.length, 1);
      assert.match(rebuilt.warnings[0], /index cache unreadable.*rebuilding/);
      assert.deepEqual(contents(rebuilt), contents(cold));
      assert.equal(index().fromCache, files.length, 'the rebuilt cache is whole again');
    });
  }

  it('still indexes, with a warning, when the cache cannot be saved', () => {
    const blocked = path.join(tmp, 'a-file-not-a-folder');
    fs.writeFileSync(blocked, '');
    const outcome = indexCorpus({ files, cacheFile: path.join(blocked, 'index.bin') });
    assert.equal(outcome.indexed, files.length);
    assert.equal(outcome.cacheSaved, false);
    assert.match(outcome.warnings.join('\n'), /could not save the index cache/);
  });
});

describe('the index cache folder', () => {
  it('forgets workspaces not opened for 30 days, and keeps the ones in use', () => {
    const outcome = index();
    const folder = path.dirname(cacheFile);
    const stale = path.join(folder, 'stale-workspace.bin');
    const leftover = path.join(folder, 'crashed.bin.123.tmp');
    fs.writeFileSync(stale, 'an old cache');
    fs.writeFileSync(leftover, 'half a cache');
    const longAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    for (const f of [stale, leftover, cacheFile]) fs.utimesSync(f, longAgo, longAgo);

    index(); // read: marks this workspace's cache as in use
    writeIndexCache(path.join(folder, 'another.bin'), '', outcome.corpus, outcome.files);
    assert.deepEqual(fs.readdirSync(folder).sort(), ['another.bin', path.basename(cacheFile)].sort());
  });
});
