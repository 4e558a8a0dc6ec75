import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Corpus, type CorpusState, type QueryTerm } from '../../server/src/core/corpus/corpus';
import { mergeCorpusStates, renumberShard, VocabularyMerge } from '../../server/src/core/corpus/merge';
import { Postings } from '../../server/src/core/corpus/postings';
import { words } from '../../server/src/core/corpus/terms';
import { readSeed, seedFiles } from '../support/seeds';

// The seeds, each paragraph of them as a document of its own, and generated reports from a small vocabulary
// (so common words have postings lists of thousands of entries, many blocks long).
function documents(): [string, string][] {
  const out: [string, string][] = [];
  for (const name of seedFiles()) {
    const text = readSeed(name);
    out.push([`seed:${name}`, text]);
    text.split(/\n\s*\n/).forEach((p, i) => p.trim() && out.push([`para:${name}:${i}`, p]));
  }
  let seed = 7;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const names = ['Sanders', 'Moon', 'Pompeo', 'Kim', 'Lee', 'Abe'];
  const verbs = ['said', 'told reporters', 'denied', 'confirmed', 'wrote'];
  const things = ['the letter', 'a summit', 'the talks', 'sanctions', '3,000 troops', 'the “very warm” meeting', 'Café Hanoi'];
  for (let d = 0; d < 400; d++) {
    const sentences: string[] = [];
    for (let s = 0; s < 8; s++) {
      const quote = next(4) === 0 ? ` “We will not discuss ${things[next(things.length)]},” ${names[next(names.length)]} said.` : '';
      sentences.push(`${names[next(names.length)]} ${verbs[next(verbs.length)]} ${things[next(things.length)]} on day ${next(90)}.${quote}`);
    }
    out.push([`gen:${d}`, sentences.join(' ') + (next(3) === 0 ? `\n\nRésumé ${d}: no comment.` : '')]);
  }
  return out;
}

function built(docs: [string, string][]): Corpus {
  const corpus = new Corpus();
  for (const [id, text] of docs) corpus.set(id, text);
  return corpus;
}

/** The corpus `docs` make, indexed as `parts` shards (contiguous runs of the list) and merged. */
function merged(docs: [string, string][], parts: number): Corpus {
  const shards: (CorpusState | undefined)[] = [];
  for (let k = 0; k < parts; k++) {
    const from = Math.floor((k * docs.length) / parts);
    const to = Math.floor(((k + 1) * docs.length) / parts);
    shards.push(built(docs.slice(from, to)).state());
  }
  return new Corpus(mergeCorpusStates(shards));
}

/** The same, each shard renumbered into the merged vocabulary on its own (as a helper thread does) before the merge. */
function renumbered(docs: [string, string][], parts: number): Corpus {
  const vocabulary = new VocabularyMerge();
  const shards: (CorpusState | undefined)[] = [];
  for (let k = 0; k < parts; k++) {
    const shard = built(docs.slice(Math.floor((k * docs.length) / parts), Math.floor(((k + 1) * docs.length) / parts))).state();
    const remap = vocabulary.add(shard.stems);
    shards.push(renumberShard(shard, remap, vocabulary.stems.length));
  }
  return new Corpus(mergeCorpusStates(shards, vocabulary.stems));
}

// Every term's postings as a flat list of entries, in the order search reads them.
function postingLists(state: CorpusState): number[][] {
  const postings = new Postings(state.postings);
  return state.stems.map((_, t) => {
    const entries: number[] = [];
    postings.forEachBlock(t, (pool, from, to) => {
      for (let i = from; i < to; i++) entries.push(pool[i]);
    });
    return entries;
  });
}

const QUERIES = [
  'a very warm, very positive letter',
  'Sanders said the letter',
  'We will not discuss sanctions',
  'Pompeo confirmed 3,000 troops on day 12',
  'Café Hanoi résumé',
  'Kim Jong-un second summit',
];

function results(corpus: Corpus): string[][] {
  return QUERIES.map((q) => {
    const query: QueryTerm[] = words(q).map((w) => ({ term: corpus.vocabulary.find(w), weight: 1 }));
    return corpus.search(query, { limit: 30 }).map((h) => `${corpus.documentId(corpus.passageDocumentOf(h.passage))}#${h.passage}:${h.score.toFixed(6)}`);
  });
}

describe('a corpus indexed in shards and merged', () => {
  const docs = documents();
  const single = built(docs);

  for (const parts of [1, 2, 3, 7]) {
    it(`holds what one corpus built in one pass holds (${parts} shard${parts > 1 ? 's' : ''})`, () => {
      const a = single.state();
      const b = merged(docs, parts).state();
      const { postings: pa, ...restA } = a;
      const { postings: pb, ...restB } = b;
      assert.deepEqual(restB, restA);
      assert.deepEqual(pb.fill, pa.fill);
      assert.deepEqual(pb.blocks, pa.blocks);
      assert.equal(pb.pool.length, pa.pool.length);
      assert.deepEqual(postingLists(b), postingLists(a));
      assert.ok(Math.max(...postingLists(a).map((l) => l.length)) > 2048, 'some list spans several full blocks');
    });
  }

  it('holds the same when each shard is renumbered where it was built', () => {
    const { postings: pa, ...a } = single.state();
    const { postings: pb, ...b } = renumbered(docs, 4).state();
    assert.deepEqual(b, a);
    assert.deepEqual(postingLists({ ...b, postings: pb }), postingLists({ ...a, postings: pa }));
  });

  it('finds the same passages with the same scores, before and after later edits', () => {
    const three = merged(docs, 3);
    assert.deepEqual(results(three), results(single));
    assert.ok(results(single).every((r) => r.length > 0));
    for (const corpus of [single, three]) {
      corpus.set('gen:5', 'Moon said the letter was very warm and the talks would resume on day 91.');
      corpus.set('late:1', 'Abe told reporters 3,000 troops would stay; “We will not discuss sanctions,” Lee said.');
      corpus.delete('gen:200');
    }
    assert.deepEqual(results(three), results(single));
    assert.deepEqual(three.documentIds, single.documentIds);
  });

  it('refuses shards with deleted documents', () => {
    const corpus = built(docs.slice(0, 5));
    corpus.delete(docs[0][0]);
    assert.throws(() => mergeCorpusStates([corpus.state()]), /deleted/);
  });
});
