import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Annotation } from '../../server/src/core/annotations/model';
import { isStoreFile, readStore, StoreError, storePathFor, updateStore } from '../../server/src/host/annotationStore';

const WRITER = path.resolve(__dirname, '..', 'fixtures', 'annotation-writer.ts');

function writer(article: string, name: string, count: number, noteBytes = 16): ChildProcess & { writes: () => number; done: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, article, name, String(count), String(noteBytes)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return Object.assign(child, {
    writes: () => (out.match(/wrote/g) ?? []).length,
    done: done.then((code) => {
      if (code !== 0 && code !== null) throw new Error(`writer ${name} exited ${code}: ${err}`);
      return code;
    }),
  });
}

/** Resolves when `child` has reported at least `n` writes; fails after a deadline. */
async function untilWrites(child: ReturnType<typeof writer>, n: number, deadlineMs = 30_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (child.writes() < n) {
    if (Date.now() > deadline) throw new Error(`writer reported ${child.writes()} writes, waited for ${n}`);
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  }
}

const annotation = (id: string): Annotation => ({
  id,
  status: 'disputed',
  note: 'checked',
  source: null,
  quote: { exact: 'text', prefix: '', suffix: '' },
  start: 0,
  end: 4,
  created: '2024-01-01T00:00:00.000Z',
  modified: '2024-01-01T00:00:00.000Z',
});

describe('the annotation store on disk', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-store-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the store beside the article and reads back what it wrote', async () => {
    const article = path.join(dir, 'plain.txt');
    fs.writeFileSync(article, 'text');
    assert.deepEqual(readStore(article).annotations, []);
    await updateStore(article, (current) => [...current, annotation('urn:a')]);
    assert.equal(storePathFor(article), path.join(dir, 'plain.txt.annotations.jsonld'));
    const read = readStore(article);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.annotations.map((a) => a.id), ['urn:a']);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['plain.txt', 'plain.txt.annotations.jsonld'], 'no lock or temporary file left behind');
  });

  it('never rewrites a store it cannot read, and says which file and line is wrong', async () => {
    const article = path.join(dir, 'broken.txt');
    const store = storePathFor(article);
    const broken = '{\n  "type": "AnnotationCollection",\n  "first": { "items": [ { "id": "urn:x", } ] }\n}\n';
    fs.writeFileSync(store, broken);
    const read = readStore(article);
    assert.equal(read.annotations.length, 0);
    assert.match(read.problems[0], new RegExp(`^${store.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: not valid JSON`));
    await assert.rejects(updateStore(article, (c) => [...c, annotation('urn:new')]), (e: Error) => e instanceof StoreError && e.message.includes(`${store}:3:`));
    assert.equal(fs.readFileSync(store, 'utf8'), broken, 'the file is untouched');
  });

  it('survives a writer killed mid-write: the store is the old or the new one, never torn', async () => {
    const article = path.join(dir, 'crash.txt');
    const storeName = path.basename(storePathFor(article));
    // Large notes make each write take a while; the kill is sent the moment the writer starts
    // writing (its temporary file, or the store itself, appears or changes in the folder).
    for (let round = 0; round < 6; round++) {
      const before = readStore(article).annotations.length;
      const child = writer(article, `crash${round}`, 0, 300_000);
      let armed = false;
      const watcher = fs.watch(dir, (_event, name) => {
        if (armed && name && (name === storeName || (name.startsWith(storeName) && name.endsWith('.tmp')))) child.kill('SIGKILL');
      });
      try {
        await untilWrites(child, 2);
        armed = true;
        await child.done;
      } finally {
        watcher.close();
      }
      const read = readStore(article);
      assert.deepEqual(read.problems, [], `round ${round}: the store parses`);
      const added = read.annotations.slice(before).map((a) => a.id);
      assert.ok(added.length >= 2, `round ${round}: every reported write is there (${added.length})`);
      assert.deepEqual(added, added.map((_, i) => `urn:test:crash${round}-${i}`), 'whole writes, in order');
    }
    // The dead writer's lock and temporary file do not block the next writer.
    await updateStore(article, (current) => [...current, annotation('urn:after-crash')]);
    assert.ok(readStore(article).annotations.some((a) => a.id === 'urn:after-crash'));
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.startsWith('crash.txt.') && isStoreFile(f) && !f.endsWith('.jsonld')), []);
  });

  it('loses nothing when two processes add annotations to one store at the same time', async () => {
    const article = path.join(dir, 'shared.txt');
    const a = writer(article, 'left', 40);
    const b = writer(article, 'right', 40);
    await Promise.all([a.done, b.done]);
    const ids = new Set(readStore(article).annotations.map((x) => x.id));
    assert.equal(ids.size, 80);
    for (let i = 0; i < 40; i++) assert.ok(ids.has(`urn:test:left-${i}`) && ids.has(`urn:test:right-${i}`), `annotation ${i} of both writers`);
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const article = path.join(dir, 'stale.txt');
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.writeFileSync(storePathFor(article) + '.lock', JSON.stringify({ pid: dead.pid, host: os.hostname(), token: 'gone' }));
    await updateStore(article, (c) => [...c, annotation('urn:stale')], { timeoutMs: 5_000 });
    assert.deepEqual(readStore(article).annotations.map((x) => x.id), ['urn:stale']);
  });

  it('waits for a live writer and then gives up with a message naming the lock', async () => {
    const article = path.join(dir, 'held.txt');
    const lock = storePathFor(article) + '.lock';
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'mine' }));
    await assert.rejects(updateStore(article, (c) => c, { timeoutMs: 200 }), (e: Error) => e instanceof StoreError && e.message.includes(lock));
    fs.rmSync(lock);
  });
});
