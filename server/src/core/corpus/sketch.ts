// Near-duplicate documents (wire copies of one article) are found by a bottom-k MinHash sketch over shingles of
// three consecutive content terms: the k smallest shingle hashes stand in for the whole set, and two sketches
// estimate the Jaccard similarity of two documents in O(k).

/** Hashes kept per document. */
export const SKETCH_SIZE = 64;

/** Two documents at least this similar are copies of one article. */
export const DUPLICATE_SIMILARITY = 0.6;

// A 32-bit integer mixer (murmur3's finaliser), so neighbouring term ids spread over the hash space.
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Shingle hashes of the document being sketched, and those under the cut-off; reused (a corpus sketches every
// document it indexes).
let scratch = new Uint32Array(1024);
let below = new Uint32Array(1024);
/** The cut-off starts where about this many times SKETCH_SIZE hashes are expected under it. */
const HEADROOM = 2;

/** The sketch of a sequence of content term ids: up to SKETCH_SIZE sorted hashes, 0xffffffff-padded. */
export function sketchOf(terms: ArrayLike<number>, length = terms.length): Uint32Array {
  return sketchInto(terms, length, new Uint32Array(SKETCH_SIZE), 0);
}

/**
 * sketchOf written into `into` at `at` (SKETCH_SIZE numbers) and returned: the corpus writes each document's
 * straight into its array of sketches, without a typed array of its own per document.
 */
export function sketchInto(terms: ArrayLike<number>, length: number, into: Uint32Array, at: number): Uint32Array {
  const out = into.subarray(at, at + SKETCH_SIZE);
  out.fill(0xffffffff);
  if (length === 0) return out;
  const count = Math.max(1, length - 2);
  if (scratch.length < count) {
    scratch = new Uint32Array(count * 2);
    below = new Uint32Array(count * 2);
  }
  const hashes = scratch;
  if (length < 3) hashes[0] = mix(mix(terms[0] + 1) ^ (length > 1 ? terms[1] + 7 : 0));
  else for (let i = 0; i + 2 < length; i++) hashes[i] = mix(mix(mix(terms[i] + 1) ^ (terms[i + 1] + 0x9e3779b9)) ^ (terms[i + 2] * 31 + 17));
  // The SKETCH_SIZE smallest distinct hashes. Hashes are uniform, so only those under a cut-off where a few times
  // SKETCH_SIZE are expected are sorted (natively); when repeats leave fewer than SKETCH_SIZE distinct ones under
  // it, the cut-off is raised and the pass repeated. Keeping a sorted list by insertion instead cost 5× as much.
  let cutoff = count <= HEADROOM * SKETCH_SIZE ? 2 ** 32 : Math.floor((2 ** 32 * HEADROOM * SKETCH_SIZE) / count);
  for (;;) {
    let m = 0;
    for (let i = 0; i < count; i++) if (hashes[i] < cutoff) below[m++] = hashes[i];
    const sorted = below.subarray(0, m).sort();
    let n = 0;
    for (let j = 0; j < m && n < SKETCH_SIZE; j++) if (n === 0 || sorted[j] !== out[n - 1]) out[n++] = sorted[j];
    if (n === SKETCH_SIZE || m === count) break;
    out.fill(0xffffffff);
    cutoff = Math.min(2 ** 32, cutoff * 4);
  }
  return out;
}

/** Estimated Jaccard similarity of the documents behind two sketches. */
export function sketchSimilarity(a: ArrayLike<number>, b: ArrayLike<number>, aFrom = 0, bFrom = 0): number {
  return walkSketches(a, aFrom, b, bFrom, -Infinity);
}

/**
 * Whether sketchSimilarity(a, b, aFrom, bFrom) reaches `threshold` (by default DUPLICATE_SIMILARITY: copies of one
 * article; the sketches start at aFrom and bFrom, so that the corpus's own store can be read in place). The
 * walk stops as soon as the hashes left could not lift it there: most pairs of documents share almost nothing, and
 * their answer is known a third of the way through. Exact: shared / taken can only grow towards
 * (shared + left) / SKETCH_SIZE, left being the steps the walk has left.
 */
export function similarSketches(a: ArrayLike<number>, aFrom: number, b: ArrayLike<number>, bFrom: number, threshold = DUPLICATE_SIMILARITY): boolean {
  return walkSketches(a, aFrom, b, bFrom, threshold * SKETCH_SIZE) >= threshold;
}

// Walks the union of both sorted sketches and, of its SKETCH_SIZE smallest hashes, counts those in both: their share.
// Returns -1 as soon as fewer than `needed` of the SKETCH_SIZE could still be shared.
function walkSketches(a: ArrayLike<number>, aFrom: number, b: ArrayLike<number>, bFrom: number, needed: number): number {
  let i = 0;
  let j = 0;
  let taken = 0;
  let shared = 0;
  while (taken < SKETCH_SIZE && (i < SKETCH_SIZE || j < SKETCH_SIZE)) {
    const x = i < SKETCH_SIZE ? a[aFrom + i] : 0xffffffff;
    const y = j < SKETCH_SIZE ? b[bFrom + j] : 0xffffffff;
    if (x === 0xffffffff && y === 0xffffffff) break;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    taken++;
    if (shared + SKETCH_SIZE - taken < needed) return -1;
  }
  return taken === 0 ? 0 : shared / taken;
}
