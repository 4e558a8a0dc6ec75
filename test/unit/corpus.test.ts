import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Corpus, FLAG_SHIFT, TERM_MASK, type QueryTerm } from '../../server/src/core/corpus/corpus';
import { indexTokens, TokenBuffer } from '../../server/src/core/corpus/indexTokens';
import { layoutOf } from '../../server/src/core/corpus/layout';
import { splitPassages } from '../../server/src/core/corpus/passages';
import { entryPassage, entryTf, Postings } from '../../server/src/core/corpus/postings';
import { scanTokens, TOKEN_STOPWORD, words } from '../../server/src/core/corpus/terms';
import { entryFlags, entryId, Vocabulary, WordTable } from '../../server/src/core/corpus/vocabulary';
import { LineIndex } from '../../server/src/core/text/lines';
import { readSeed, seedFiles } from '../support/seeds';

function query(corpus: Corpus, text: string): QueryTerm[] {
  return words(text).map((w) => ({ term: corpus.vocabulary.find(w), weight: 1 }));
}

function topDocuments(corpus: Corpus, text: string, limit = 5): string[] {
  return corpus.search(query(corpus, text), { limit }).map((h) => corpus.documentId(corpus.passageDocumentOf(h.passage)));
}

describe('the corpus tokenizer', () => {
  it('folds case, accents, curly and straight quotes, possessives and hyphenated names', () => {
    assert.deepEqual(words('Kim Jong-un’s “Very Warm” letter'), words("kim jong un's \"very warm\" LETTER"));
    assert.deepEqual(words('Café'), ['cafe']);
    assert.deepEqual(words('1,000 troops'), ['1000', 'troops']);
    assert.deepEqual(words('the U.S. and the US'), ['the', 'u.s', 'and', 'the', 'u.s']);
    assert.deepEqual(words('let us go'), ['let', 'us', 'go']);
  });

  it('stops scanning when a visit says so', () => {
    const seen: string[] = [];
    scanTokens('One 2,000 U.S. four five', 0, 25, (term) => seen.push(term) < 3);
    assert.deepEqual(seen, ['one', '2000', 'u.s']);
  });

  it('indexes exactly the tokens the queries see, on any text', () => {
    const alphabet = fc.constantFrom(
      ...'aAbZ09 .,;:’‘\'"“”-–é\nUS'.split(''),
      'Trump', 'said', '2019', '%', '(', ')', '…', '—', ' ', ' ', 'Sanders’', 'we’ve',
      'Mr.', 'U.S.', "n't", '1,5', '70th', 'ß', "'s", '’re', '’ll', "'D", 'Us', ' us', 'ʼs',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const vocabulary = new Vocabulary();
        const buffer = new TokenBuffer();
        indexTokens(text, 0, text.length, vocabulary, buffer);
        const fast = Array.from({ length: buffer.length }, (_, j) => `${buffer.ids[j]}/${buffer.flags[j]}/${buffer.starts[j]}`);
        const plain: string[] = [];
        scanTokens(text, 0, text.length, (word, start, _end, flags) => plain.push(`${vocabulary.intern(word)}/${flags}/${start}`));
        assert.deepEqual(fast, plain);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same token offsets when asked for offsets only (placing a wording in evidence)', () => {
    const alphabet = fc.constantFrom(
      ...'aAbZ09 .,;:’‘\'"“”-–é\nUS'.split(''),
      'Trump', 'said', '2019', '%', '…', '—', 'Sanders’', 'we’ve', 'Mr.', 'U.S.', "n't", '1,5', '70th', "'s", '’re', 'O’Brien', 'Us', 'ʼs',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const full: string[] = [];
        scanTokens(text, 0, text.length, (_word, start, end) => full.push(`${start}-${end}`));
        const offsets: string[] = [];
        scanTokens(text, 0, text.length, (word, start, end) => offsets.push(word === '' ? `${start}-${end}` : `term ${word}`), false);
        assert.deepEqual(offsets, full);
      }),
      { numRuns: 2000 },
    );
  });

  it('indexes exactly the tokens the queries see in any part of a text (a passage), text after text', () => {
    // One vocabulary for all runs, as for a corpus: words met before keep their ids.
    const alphabet = fc.constantFrom(...'aZ9 .,’"“”-\nAS'.split(''), 'Trump', 'said', '2019', 'U.S.', 'U.S', "n't", '1,5', 'é', "'s", 'US');
    const vocabulary = new Vocabulary();
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const from = text.length === 0 ? 0 : a % text.length;
        const to = from + (text.length === from ? 0 : b % (text.length - from + 1));
        const buffer = new TokenBuffer();
        indexTokens(text, from, to, vocabulary, buffer);
        const fast = Array.from({ length: buffer.length }, (_, j) => `${buffer.ids[j]}/${buffer.flags[j]}/${buffer.starts[j]}`);
        const plain: string[] = [];
        scanTokens(text, from, to, (word, start, _end, flags) => plain.push(`${vocabulary.intern(word)}/${flags}/${start}`));
        assert.deepEqual(fast, plain);
      }),
      { numRuns: 2000 },
    );
  });
  it('tells a cluster cut at a passage\'s end before a letter from the same cluster before a space', () => {
    // "U.S.A" before a space is one word; cut off before "b" (the passage ends there), scanTokens reads "u.s" and "a".
    const vocabulary = new Vocabulary();
    const tokensOf = (text: string, end: number, indexer: 'index' | 'scan'): string[] => {
      if (indexer === 'scan') {
        const out: string[] = [];
        scanTokens(text, 0, end, (word, start, _end, flags) => out.push(`${vocabulary.intern(word)}/${flags}/${start}`));
        return out;
      }
      const buffer = new TokenBuffer();
      indexTokens(text, 0, end, vocabulary, buffer);
      return Array.from({ length: buffer.length }, (_, j) => `${buffer.ids[j]}/${buffer.flags[j]}/${buffer.starts[j]}`);
    };
    for (const [text, end] of [['U.S.Ab', 5], ['U.S.A b', 5], ['U.S.Ab', 5], ['U.S.A b', 7]] as const) {
      assert.deepEqual(tokensOf(text, end, 'index'), tokensOf(text, end, 'scan'), `${text} up to ${end}`);
    }
    assert.notDeepEqual(tokensOf('U.S.Ab', 5, 'index'), tokensOf('U.S.A b', 5, 'index'));
  });
});

describe('the word table', () => {
  it('tells words apart by their characters, not their hash, short or long', () => {
    // Every word under one hash, so each lookup has to compare characters (packed and in the pool) to find its own.
    const table = new WordTable();
    const words = ['a', 'ab', 'abc', 'abd', 'abcd', 'abce', 'abcdefgh', 'abcdefgi', 'abcdefghi', 'abcdefghij', 'abcdefghik', 'international', 'internationally'];
    words.forEach((w, id) => table.add(w, 12345, id, id & 31));
    words.forEach((w, id) => {
      const entry = table.find(` ${w.toUpperCase()} `, 1, 1 + w.length, 12345);
      assert.equal(entryId(entry), id, w);
      assert.equal(entryFlags(entry), id & 31);
    });
    assert.equal(table.find('abcdefghix', 0, 10, 12345), -1);
    assert.equal(table.find('abf', 0, 3, 12345), -1);
  });

  it('finds every word again after growing', () => {
    const fnv = (w: string) => {
      let h = 0x811c9dc5;
      for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), 0x01000193);
      return h >>> 0;
    };
    const table = new WordTable();
    const words = Array.from({ length: 20000 }, (_, i) => (i % 2 ? `w${i.toString(36)}` : `longerword${i}`));
    words.forEach((w, id) => table.add(w, fnv(w), id, id & 31));
    words.forEach((w, id) => assert.equal(table.find(w, 0, w.length, fnv(w)), id | ((id & 31) << 24), w));
    assert.equal(table.find('wzzzzzz', 0, 7, fnv('wzzzzzz')), -1);
  });

  it('leaves out a word too long for it, which the tokenizer then reads the slow way', () => {
    const long = 'a'.repeat(300);
    const vocabulary = new Vocabulary();
    for (let round = 0; round < 2; round++) {
      const buffer = new TokenBuffer();
      const text = `${long} b ${long}`;
      indexTokens(text, 0, text.length, vocabulary, buffer);
      assert.deepEqual([...buffer.ids.subarray(0, buffer.length)], [vocabulary.find(long), vocabulary.find('b'), vocabulary.find(long)]);
    }
  });
});

describe('passages', () => {
  it('splits sentences at terminal marks but not after abbreviations or initials', () => {
    const text = 'Mr. Bolton met U.S. officials on Monday. “We are open,” he said. John F. Kennedy was not there!';
    const spans = splitPassages(text).passages.filter((p) => p.kind === 'sentence').map((p) => text.slice(p.start, p.end));
    assert.deepEqual(spans, ['Mr. Bolton met U.S. officials on Monday.', '“We are open,” he said.', 'John F. Kennedy was not there!']);
  });

  it('adds a passage for a quotation that runs over two sentences', () => {
    const text = '“The president has achieved tremendous success. And this letter was further evidence,” Sanders said.';
    const quotes = splitPassages(text).passages.filter((p) => p.kind === 'quote').map((p) => text.slice(p.start, p.end));
    assert.deepEqual(quotes, ['“The president has achieved tremendous success. And this letter was further evidence,”']);
  });

  it('gives each passage its line and character in its own document', () => {
    const corpus = new Corpus();
    corpus.set('a.txt', 'Headline\n\nFirst sentence here. Second one follows.\n');
    const [, , second] = corpus.passages('a.txt');
    assert.equal(second.text, 'Second one follows.');
    assert.deepEqual([second.line, second.character, second.endLine, second.endCharacter], [2, 21, 2, 40]);
  });

  it('gives back a text that begins with U+FEFF whole, as its passages are placed', () => {
    // The reader strips one byte-order mark from a file; a second one is text, and positions count it.
    const corpus = new Corpus();
    corpus.set('a.txt', '\uFEFFWord one. Word two.');
    assert.equal(corpus.text(corpus.documentIndex('a.txt')), '\uFEFFWord one. Word two.');
  });

  it('gives the same text and positions as the document itself, whatever its line ends and characters', () => {
    // Lone quotation marks make quotes that run over sentences: passages that come after the sentences they hold.
    const piece = fc.constantFrom('Word', ' ', '. ', '\n', '\r\n', '\r', 'é', '“Quote,”', '“', '”', 'Two. Three. ', '“Two. Three.” Then ', '😀', 'Ünïcödé', '中文', 'said. ', '\uFEFF', '. \uFEFFWord');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const corpus = new Corpus();
        corpus.set('a.txt', text);
        const lines = new LineIndex(text);
        const d = corpus.documentIndex('a.txt');
        const { first } = corpus.passageRange(d);
        // Positions kept in the index survive its hand-over to another thread and a cache.
        const received = new Corpus(structuredClone(corpus.state()));
        assert.deepEqual(received.passages('a.txt'), corpus.passages('a.txt'));
        corpus.passages('a.txt').forEach((p, i) => {
          assert.equal(p.text, text.slice(p.start, p.end));
          assert.equal(corpus.passageText(first + i), p.text);
          const from = lines.position(p.start);
          const to = lines.position(p.end);
          assert.deepEqual([p.line, p.character, p.endLine, p.endCharacter], [from.line, from.character, to.line, to.character]);
        });
      }),
    );
  });

  it('indexes a document the same from a layout worked out elsewhere (another thread) as from its text alone', () => {
    const piece = fc.constantFrom('Word', ' ', '. ', '\n', '\r\n', 'é', '“Quote,”', '“', '”', '“Two. Three.” Then ', '😀', 'said. ', 'Trump');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 30 }), { minLength: 1, maxLength: 4 }), (docs) => {
        const own = new Corpus();
        const given = new Corpus();
        docs.forEach((pieces, i) => {
          const text = pieces.join('');
          own.set(`d${i}`, text);
          // As a reader thread hands it over: cloned, and worked out without the all-ASCII shortcut.
          given.set(`d${i}`, text, new TextEncoder().encode(text), structuredClone(layoutOf(text, false)));
        });
        assert.deepEqual(given.state(), own.state());
      }),
    );
  });
});

describe('the passage index', () => {
  const seeds = () => {
    const corpus = new Corpus();
    for (const f of seedFiles()) corpus.set(f, readSeed(f));
    return corpus;
  };

  it('finds the passages that share the rare words first', () => {
    const corpus = seeds();
    const hits = corpus.search(query(corpus, 'Pompeo cancelled trip to Pyongyang'), { limit: 3 });
    assert.ok(hits.length > 0);
    assert.match(corpus.passage(hits[0].passage).text, /Pompeo/);
    assert.ok(hits.every((h, i) => i === 0 || hits[i - 1].score >= h.score));
  });

  it('never returns an excluded document', () => {
    const corpus = seeds();
    const self = corpus.documentIndex('002_814d60045636db2c.txt');
    const hits = corpus.search(query(corpus, 'It was a very warm, very positive letter'), { exclude: [self], limit: 50 });
    assert.ok(hits.length > 0);
    assert.ok(hits.every((h) => corpus.passageDocumentOf(h.passage) !== self));
  });

  it('keeps the best passages of all it touches, ties in passage order, whatever the limit', () => {
    // Small corpora (every postings list read whole): the first k of a search equal the first k of all its hits.
    const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'omega', 'kappa');
    const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => `${ws.join(' ')}.`);
    const document = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((ss) => ss.join(' '));
    fc.assert(
      fc.property(fc.array(document, { minLength: 1, maxLength: 12 }), fc.array(word, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 8 }), (docs, q, limit) => {
        const corpus = new Corpus();
        docs.forEach((text, i) => corpus.set(`d${i}`, text));
        const terms = query(corpus, q.join(' '));
        const all = corpus.search(terms, { limit: 1_000 });
        assert.deepEqual(corpus.search(terms, { limit }), all.slice(0, limit));
        // Best first, ties in passage order, each passage once.
        for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].score > all[i].score || (all[i - 1].score === all[i].score && all[i - 1].passage < all[i].passage));
      }),
      { numRuns: 200 },
    );
  });

  it('scores every passage as plain BM25 over its terms, heaviest term first, in the index\'s single precision', () => {
    // Small corpora and no limit (every postings list read whole), queries of a few terms and of more than 64,
    // repeated terms, words the corpus lacks and weights of 0 among them.
    const vocabulary = Array.from({ length: 90 }, (_, i) => `z${'bcdfghjklm'[i % 10]}${'aeiou'[Math.floor(i / 10) % 5]}${'prstv'[Math.floor(i / 50)]}`);
    const word = fc.constantFrom(...vocabulary.slice(0, 80));
    const sentence = fc.array(word, { minLength: 1, maxLength: 20 }).map((ws) => `${ws.join(' ')}.`);
    const document = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(' '));
    const term = fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(0, 0.5, 1, 1, 2));
    const terms = fc.oneof(fc.array(term, { maxLength: 6 }), fc.array(term, { minLength: 65, maxLength: 120 }));
    fc.assert(
      fc.property(fc.array(document, { minLength: 1, maxLength: 6 }), terms, (docs, q) => {
        const corpus = new Corpus();
        docs.forEach((text, i) => corpus.set(`d${i}`, text));
        const query = q.map(([w, weight]) => ({ term: corpus.vocabulary.find(w), weight }));
        const { passageLength, liveLength } = corpus.state();
        const avg = liveLength / Math.max(1, corpus.passageTotal);
        // The old search's order of terms: a stable sort by weight, heaviest first.
        const weighted = query
          .filter((t) => t.term >= 0 && t.weight > 0) // (every known word is in some passage: nothing was deleted)
          .map((t) => ({ term: t.term, weight: t.weight * corpus.idf(t.term) }))
          .sort((a, b) => b.weight - a.weight);
        const scores = new Float32Array(corpus.passageTotal);
        for (const { term: t, weight } of weighted) {
          for (let p = 0; p < corpus.passageTotal; p++) {
            let tf = 0;
            for (const w of corpus.passageTokens(p)) if ((w & TERM_MASK) === t && ((w >>> FLAG_SHIFT) & TOKEN_STOPWORD) === 0) tf++;
            tf = Math.min(tf, 15);
            if (tf > 0) scores[p] += (weight * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * passageLength[p]) / avg));
          }
        }
        const expected = [...scores.keys()].filter((p) => scores[p] > 0).sort((a, b) => scores[b] - scores[a] || a - b).map((p) => ({ passage: p, score: scores[p] }));
        assert.deepEqual(corpus.search(query, { limit: 10_000 }), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('scores the passages it shortlists in full when a common word is left off the postings read', () => {
    // A word in every passage (more postings than a query reads) is scored only on the best passages found by the
    // rarer words, from their tokens: their scores are still the whole BM25 score (in double precision, not the
    // postings path's single precision: compared to a millionth).
    const rare = Array.from({ length: 40 }, (_, i) => `zr${'bcdfghjklm'[i % 10]}${'aeiou'[Math.floor(i / 10)]}`);
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...rare), { minLength: 1, maxLength: 8 }), { minLength: 900, maxLength: 900 }), fc.array(fc.constantFrom(...rare), { minLength: 1, maxLength: 3 }), (sentences, q) => {
        const corpus = new Corpus();
        // Sentences of the common word repeated a few times (and of a word in two sentences of three), with rare
        // words, four to a document.
        for (let d = 0; d < sentences.length / 4; d++) {
          const text = sentences.slice(4 * d, 4 * d + 4).map((ws, k) => `The ${ws.join(' ')} ${'zcommon '.repeat(1 + ((d + k) % 3))}${(d + k) % 3 ? 'zend' : 'zfin'}.`);
          corpus.set(`d${d}`, text.join(' '));
        }
        const query = [...q, 'zcommon', 'zend'].map((w) => ({ term: corpus.vocabulary.find(w), weight: 1 }));
        const { passageLength, liveLength } = corpus.state();
        const avg = liveLength / Math.max(1, corpus.passageTotal);
        const full = (p: number): number => {
          let score = 0;
          for (const { term: t } of query) {
            let tf = 0;
            for (const w of corpus.passageTokens(p)) if ((w & TERM_MASK) === t && ((w >>> FLAG_SHIFT) & TOKEN_STOPWORD) === 0) tf++;
            tf = Math.min(tf, 15);
            if (tf > 0) score += (corpus.idf(t) * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * passageLength[p]) / avg));
          }
          return score;
        };
        assert.ok(corpus.passageTotal >= 900, 'a passage per sentence');
        const hits = corpus.search(query, { limit: 5 });
        assert.equal(hits.length, 5);
        for (const h of hits) assert.ok(Math.abs(h.score - full(h.passage)) <= 1e-6 * full(h.passage), `passage ${h.passage}: ${h.score} / ${full(h.passage)}`);
      }),
      { numRuns: 15 },
    );
  });

  it('orders passages of equal score by their number, however many tie', () => {
    // The same sentence in forty documents (wire copies): forty equal scores, each passage once, in corpus order.
    const corpus = new Corpus();
    for (let i = 0; i < 40; i++) corpus.set(`d${i}`, i % 3 === 0 ? 'Gamma delta. Alpha beta.' : 'Alpha beta. Gamma.');
    const hits = corpus.search(query(corpus, 'alpha beta'), { limit: 100 });
    assert.equal(hits.length, 40);
    assert.ok(hits.every((h) => h.score === hits[0].score));
    assert.deepEqual(hits.map((h) => h.passage), [...hits.map((h) => h.passage)].sort((a, b) => a - b));
  });

  it('is updated when a document is added, changed or deleted', () => {
    const corpus = seeds();
    const probe = 'zanzibar marmalade';
    assert.deepEqual(topDocuments(corpus, probe), []);
    corpus.set('new.txt', 'The zanzibar marmalade shipment arrived on Tuesday.');
    assert.deepEqual(topDocuments(corpus, probe), ['new.txt']);
    corpus.set('new.txt', 'Nothing about preserves here.');
    assert.deepEqual(topDocuments(corpus, probe), []);
    corpus.set('new.txt', 'The zanzibar marmalade is back.');
    corpus.delete('new.txt');
    assert.deepEqual(topDocuments(corpus, probe), []);
    assert.equal(corpus.has('new.txt'), false);
    assert.equal(corpus.size, 5);
  });

  it('answers the same after compaction and after a round trip through its plain-array state', () => {
    const corpus = seeds();
    for (let i = 0; i < 3; i++) corpus.set('000_beab4e2f294f4a54.txt', readSeed('000_beab4e2f294f4a54.txt'));
    const before = topDocuments(corpus, 'military parade sign of good faith', 10);
    corpus.compact();
    assert.deepEqual(topDocuments(corpus, 'military parade sign of good faith', 10), before);
    const copy = new Corpus(structuredClone(corpus.state()));
    assert.deepEqual(topDocuments(copy, 'military parade sign of good faith', 10), before);
    assert.deepEqual(copy.passages('003_b89cf95f952e021d.txt'), corpus.passages('003_b89cf95f952e021d.txt'));
  });

  it('after deletions and compaction, finds what a corpus of the remaining documents alone finds', () => {
    const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'omega', 'kappa', 'sigma');
    const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => `${ws.join(' ')}.`);
    const document = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((ss) => ss.join(' '));
    // Each step writes document k (a new text) or deletes it.
    const step = fc.record({ k: fc.integer({ min: 0, max: 7 }), text: fc.option(document, { nil: null }) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), fc.array(word, { minLength: 1, maxLength: 3 }), (steps, q) => {
        const corpus = new Corpus();
        const live = new Map<string, string>();
        for (const { k, text } of steps) {
          if (text === null) {
            corpus.delete(`d${k}`);
            live.delete(`d${k}`);
          } else {
            corpus.set(`d${k}`, text);
            live.delete(`d${k}`); // a rewritten document goes to the end, as in the corpus
            live.set(`d${k}`, text);
          }
        }
        corpus.compact();
        const alone = new Corpus();
        for (const [id, text] of live) alone.set(id, text);
        const found = (c: Corpus) => c.search(query(c, q.join(' ')), { limit: 1_000 }).map((h) => [c.documentId(c.passageDocumentOf(h.passage)), c.passageText(h.passage), h.score]);
        assert.deepEqual(found(corpus), found(alone));
        const stems = (c: Corpus, id: string) => {
          const { first, count } = c.passageRange(c.documentIndex(id));
          return Array.from({ length: count }, (_, i) => Array.from(c.passageTokens(first + i), (w) => c.vocabulary.stems[w & TERM_MASK]));
        };
        for (const id of live.keys()) {
          assert.deepEqual(corpus.passages(id), alone.passages(id));
          assert.deepEqual(stems(corpus, id), stems(alone, id));
        }
        // And it goes on indexing as the other does.
        for (const c of [corpus, alone]) c.set('extra', 'omega kappa. Sigma alpha beta.');
        assert.deepEqual(found(corpus), found(alone));
      }),
      { numRuns: 150 },
    );
  });

  it('indexes new documents on top of a state handed over from another thread, as the original would', () => {
    const original = seeds();
    // structuredClone moves whole buffers, spare room included, as a worker's transfer does.
    const received = new Corpus(structuredClone(original.state()));
    const extra = 'A summit in Reykjavik was called off, the foreign ministry said on Friday.';
    for (const corpus of [original, received]) corpus.set('extra.txt', extra);
    for (const q of ['summit Reykjavik called off', 'military parade sign of good faith']) {
      assert.deepEqual(topDocuments(received, q, 10), topDocuments(original, q, 10));
    }
    assert.equal(topDocuments(received, 'Reykjavik', 1)[0], 'extra.txt');
  });
});

describe('postings', () => {
  it('reads back a common word’s long list whole and in order', () => {
    const postings = new Postings();
    const n = 70_000; // far past the block-size doubling: every block after the eighth is the largest
    for (let p = 0; p < n; p++) {
      postings.add(7, p, 1 + (p % 3));
      if (p % 10 === 0) postings.add(8, p, 1);
    }
    const seen: number[] = [];
    postings.forEachBlock(7, (pool, from, to) => {
      for (let i = from; i < to; i++) seen.push(entryPassage(pool[i]) * 4 + entryTf(pool[i]));
    });
    assert.equal(seen.length, n);
    assert.ok(seen.every((v, p) => v === p * 4 + 1 + (p % 3)));
  });
});
