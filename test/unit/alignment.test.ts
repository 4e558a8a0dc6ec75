// The longest common run and subsequence of two token sequences (support features of a statement and a passage),
// held to the textbook dynamic programme on random sequences.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FLAG_SHIFT } from '../../server/src/core/corpus/corpus';
import { alignment, UNKNOWN_TERM } from '../../server/src/core/corroborate/features';

// Every cell of the table: the run of equal terms ending at (i, j) and the longest subsequence up to it.
function byTable(a: number[], b: number[]): { run: number; lcs: number } {
  let run = 0;
  const runs = a.map(() => new Array<number>(b.length).fill(0));
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const equal = a[i] === b[j] && a[i] !== UNKNOWN_TERM;
      runs[i][j] = equal ? (i > 0 && j > 0 ? runs[i - 1][j - 1] : 0) + 1 : 0;
      run = Math.max(run, runs[i][j]);
      lcs[i + 1][j + 1] = equal ? lcs[i][j] + 1 : Math.max(lcs[i][j + 1], lcs[i + 1][j]);
    }
  }
  return { run, lcs: lcs[a.length][b.length] };
}

describe('alignment of two token sequences', () => {
  it('finds the longest common run and subsequence the full table finds', () => {
    // Few terms, so that terms repeat within and across the sequences; unknown words, which match nothing; flags on
    // the tokens, which do not count.
    const token = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(UNKNOWN_TERM), fc.integer({ min: 100_000, max: 100_003 })), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 70 }), fc.array(token, { maxLength: 70 }), (a, b) => {
        const terms = (xs: [number, number][]) => xs.map(([t]) => t);
        const tokens = (xs: [number, number][]) => Uint32Array.from(xs, ([t, flags]) => (t | (flags << FLAG_SHIFT)) >>> 0);
        assert.deepEqual(alignment(tokens(a), tokens(b)), byTable(terms(a), terms(b)));
      }),
      { numRuns: 3000 },
    );
  });
});
