import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import type { QueryTerm } from '../../server/src/core/corpus/corpus';
import { words } from '../../server/src/core/corpus/terms';
import { indexCorpus, type IndexOutcome } from '../../server/src/host/indexCorpus';
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

const build = (threads: number): IndexOutcome => indexCorpus({ files, helperScript: HELPER, threads, maxChars: 2000 });

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
