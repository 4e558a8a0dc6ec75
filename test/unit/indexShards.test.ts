import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import type { QueryTerm } from '../../server/src/core/corpus/corpus';
import { words } from '../../server/src/core/corpus/terms';
import { indexCorpus, type IndexOutcome } from '../../server/src/host/indexCorpus';
import { readForIndex } from '../../server/src/host/indexShards';
import { ReadAhead } from '../../server/src/host/readAhead';
import { ROOT, readSeed, seedFiles } from '../support/seeds';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-shards-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// The index worker's bundle, as the server ships it (dist/indexWorker.js): its entry also runs the helper
// threads of a cold build. (Bundled here because the test loader's hooks are not there for a thread started while
// the one that started it waits.)
const HELPER = path.join(tmp, 'indexWorker.js');
esbuild.buildSync({
  entryPoints: [path.join(ROOT, 'server', 'src', 'host', 'indexWorker.ts')],
  outfile: HELPER,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
  define: { __CORROBORATE_VERSION__: '"test"' },
});

// 600 articles: the seeds' paragraphs, recombined, with a few files the loader must warn about on the way.
const dir = path.join(tmp, 'articles');
fs.mkdirSync(dir);
const paragraphs = seedFiles().flatMap((name) => readSeed(name).split(/\n\s*\n/).filter((p) => p.trim()));
const files: string[] = [];
for (let i = 0; i < 600; i++) {
  const file = path.join(dir, `${String(i).padStart(4, '0')}.txt`);
  files.push(file);
  if (i === 250) fs.writeFileSync(file, Buffer.from([0x41, 0, 0x42])); // binary
  else if (i === 480) continue; // listed, never written
  else fs.writeFileSync(file, [0, 7, 13].map((k) => paragraphs[(i * 31 + k * 17) % paragraphs.length]).join('\n\n') + `\n\nArticle ${i}.\n`);
}

const build = (threads: number, readAhead = false): IndexOutcome => indexCorpus({ files, helperScript: HELPER, threads, maxChars: 2000, readAhead });

function results(o: IndexOutcome): string[][] {
  return ['a very warm, very positive letter', 'Kim Jong-un second summit Sanders', 'Article 599'].map((q) => {
    const query: QueryTerm[] = words(q).map((w) => ({ term: o.corpus.vocabulary.find(w), weight: 1 }));
    return o.corpus.search(query, { limit: 40 }).map((h) => `${o.corpus.documentId(o.corpus.passageDocumentOf(h.passage))}:${h.score.toFixed(6)}`);
  });
}

describe('a cold build spread over threads', () => {
  const one = build(1);

  it('indexes, stamps and warns as one thread does, in the same order, and finds the same passages', () => {
    const three = build(3);
    assert.equal(one.shards, undefined);
    assert.equal(three.shards?.threads, 3);
    assert.equal(three.indexed, 598);
    assert.deepEqual(three.corpus.documentIds, one.corpus.documentIds);
    assert.deepEqual([...three.files], [...one.files]);
    assert.deepEqual(three.warnings, one.warnings);
    assert.equal(three.warnings.length, 2 + three.warnings.filter((w) => /maxAnalysisChars/.test(w)).length);
    assert.deepEqual(results(three), results(one));
    const { postings: _a, ...stateThree } = three.corpus.state();
    const { postings: _b, ...stateOne } = one.corpus.state();
    assert.deepEqual(stateThree, stateOne);
  });

  it('reports progress up to every file', () => {
    const seen: number[] = [];
    indexCorpus({ files, helperScript: HELPER, threads: 2 }, (p) => seen.push(p.done));
    assert.equal(seen.at(-1), files.length);
    assert.ok(seen.every((d, i) => i === 0 || d >= seen[i - 1]), 'never goes back');
  });
});

describe('a cold build on one thread with its files read ahead', () => {
  const one = build(1);

  it('indexes, stamps and warns exactly as reading on the indexing thread does', () => {
    const ahead = build(1, true);
    assert.equal(one.readAhead, undefined);
    assert.equal(ahead.readAhead, true);
    assert.equal(ahead.indexed, 598);
    assert.deepEqual([...ahead.files], [...one.files]);
    assert.deepEqual(ahead.warnings, one.warnings);
    assert.deepEqual(ahead.corpus.state(), one.corpus.state());
  });

  // Each file as reading it here gives it, with its warnings, in order.
  const readHere = (list: string[]) => list.map((f) => {
    const warnings: string[] = [];
    const read = readForIndex(f, undefined, 2000, warnings);
    return { text: read?.text, stamp: read?.stamp, warnings };
  });
  const takeAll = (reader: ReadAhead, list: string[]) => {
    try {
      return list.map((_, i) => {
        const warnings: string[] = [];
        const read = reader.take(i, warnings);
        return { text: read?.text, stamp: read?.stamp, warnings };
      });
    } finally {
      reader.close();
    }
  };

  it('reads the rest on the indexing thread when the reader fails part-way', () => {
    const list = files.slice(0, 70);
    const expected = readHere(list);
    // A reader that sends the first batch (as read here, marked), then an error.
    const first = expected.slice(0, 32).map(({ text, stamp, warnings }) => ({ read: text === undefined ? undefined : { text: `${text}!`, stamp }, warnings }));
    const failing = path.join(tmp, 'failingReader.js');
    fs.writeFileSync(
      failing,
      `const { workerData } = require('node:worker_threads');
const job = workerData.read;
const counters = new Int32Array(job.shared);
job.port.postMessage({ items: ${JSON.stringify(first)} });
job.port.postMessage({ error: 'the disk went away' });
Atomics.add(counters, 0, 2);
Atomics.notify(counters, 0);`,
    );
    const taken = takeAll(new ReadAhead(list, 2000, failing), list);
    assert.deepEqual(taken.slice(0, 32), first.map(({ read, warnings }) => ({ text: read?.text, stamp: read?.stamp, warnings })));
    assert.deepEqual(taken.slice(32), expected.slice(32));
  });

  it('reads everything on the indexing thread when the reader never answers', () => {
    const silent = path.join(tmp, 'silentReader.js');
    fs.writeFileSync(silent, '// starts and does nothing\n');
    const list = files.slice(240, 260); // the binary file among them
    assert.deepEqual(takeAll(new ReadAhead(list, 2000, silent, 300), list), readHere(list));
  });
});
