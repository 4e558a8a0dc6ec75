import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import type { QueryTerm } from '../../server/src/core/corpus/corpus';
import { words } from '../../server/src/core/corpus/terms';
import { indexCorpus, type IndexOutcome } from '../../server/src/host/indexCorpus';
import { Corpus } from '../../server/src/core/corpus/corpus';
import type { FileStamp } from '../../server/src/host/indexCache';
import { documentIdOf } from '../../server/src/host/indexShards';
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
  else {
    // Byte-order marks: one, two as some tools leave them (neither part of the text), or three (the third is).
    const bom = i === 300 ? '\ufeff' : i === 301 ? '\ufeff\ufeff' : i === 302 ? '\ufeff\ufeff\ufeff' : '';
    fs.writeFileSync(file, bom + [0, 7, 13].map((k) => paragraphs[(i * 31 + k * 17) % paragraphs.length]).join('\n\n') + `\n\nArticle ${i}.\n`);
  }
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

  // What a build from nothing gives, as a state, stamps and warnings.
  const outcome = (o: IndexOutcome) => ({ state: o.corpus.state(), files: [...o.files], warnings: o.warnings });

  it('reads the rest on the indexing thread when the reader fails part-way', () => {
    // The real reader, whose messages after the first batch are replaced by an error.
    const failing = path.join(tmp, 'failingReader.js');
    fs.writeFileSync(
      failing,
      `const { workerData } = require('node:worker_threads');
const job = workerData.read;
const port = job.port;
let sent = 0;
job.port = {
  postMessage: (message, transfer) => (sent++ === 0 ? port.postMessage(message, transfer) : port.postMessage({ error: 'the disk went away' })),
  close: () => port.close(),
};
require(${JSON.stringify(HELPER)});`,
    );
    const failed = indexCorpus({ files, helperScript: failing, threads: 1, maxChars: 2000 });
    assert.equal(failed.readAhead, true);
    assert.deepEqual(outcome(failed), outcome(one));
  });

  it('reads everything on the indexing thread when the reader never answers', () => {
    const silent = path.join(tmp, 'silentReader.js');
    fs.writeFileSync(silent, '// starts and does nothing\n');
    const list = files.slice(240, 260); // the binary file among them
    const corpus = new Corpus();
    const reader = new ReadAhead(list, 2000, silent, 300);
    const warnings: string[] = [];
    const stamps: FileStamp[] = [];
    try {
      list.forEach((file, i) => {
        const read = reader.take(i, warnings);
        if (!read) return;
        stamps.push(read.stamp);
        corpus.set(file, read.text, read.utf8, read.layout);
      });
    } finally {
      reader.close();
    }
    const alone = indexCorpus({ files: list, maxChars: 2000, readAhead: false });
    assert.deepEqual(
      { state: corpus.state(), stamps, warnings },
      { state: { ...alone.corpus.state(), documents: list.filter((f) => alone.files.has(documentIdOf(f))) }, stamps: [...alone.files.values()], warnings: alone.warnings },
    );
  });
});
