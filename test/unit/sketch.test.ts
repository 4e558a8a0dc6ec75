// Telling copies of one article by their MinHash sketches: the early-stopping check agrees with the similarity.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DUPLICATE_SIMILARITY, SKETCH_SIZE, similarSketches, sketchSimilarity } from '../../server/src/core/corpus/sketch';

// A sketch as the corpus keeps it: up to SKETCH_SIZE distinct hashes, sorted, padded with 0xffffffff.
const sketch = (hashes: number[]): Uint32Array => {
  const out = new Uint32Array(SKETCH_SIZE).fill(0xffffffff);
  [...new Set(hashes)].sort((x, y) => x - y).slice(0, SKETCH_SIZE).forEach((h, k) => (out[k] = h));
  return out;
};

describe('sketches of copies', () => {
  it('are told apart exactly as by their similarity, however early the check stops', () => {
    // Two sketches drawn from one pool of distinct hashes: full or short (a short document's sketch is padded), sharing
    // any number of hashes, so that the similarity lands anywhere, on the threshold too.
    const pair = fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 128, maxLength: 128 }).chain((pool) =>
      fc.tuple(fc.constant(pool), fc.integer({ min: 0, max: SKETCH_SIZE }), fc.integer({ min: 0, max: SKETCH_SIZE }), fc.integer({ min: 0, max: SKETCH_SIZE })),
    );
    const threshold = fc.oneof(fc.constant(DUPLICATE_SIMILARITY), fc.constantFrom(0, 0.25, 0.5, 0.75, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(pair, threshold, ([pool, sizeA, sizeB, shared], t) => {
        const a = sketch(pool.slice(0, sizeA));
        const common = Math.min(shared, sizeA, sizeB);
        const b = sketch([...pool.slice(0, common), ...pool.slice(SKETCH_SIZE, SKETCH_SIZE + sizeB - common)]);
        const expected = sketchSimilarity(a, b) >= t;
        assert.equal(similarSketches(a, 0, b, 0, t), expected, `similarity ${sketchSimilarity(a, b)} vs ${t}`);
        // The same sketches read in place from one store, as the corpus keeps them (another document's before them).
        const store = new Uint32Array(3 * SKETCH_SIZE);
        store.set(sketch(pool.slice(64)), 0);
        store.set(b, SKETCH_SIZE);
        store.set(a, 2 * SKETCH_SIZE);
        assert.equal(similarSketches(store, 2 * SKETCH_SIZE, store, SKETCH_SIZE, t), expected);
      }),
      { numRuns: 5000 },
    );
  });
});
