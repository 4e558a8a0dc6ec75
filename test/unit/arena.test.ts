// A report's typed arrays cut from shared buffers: each as if made on its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Arena } from '../../server/src/core/corroborate/arena';

describe('the arena of a report', () => {
  it('gives zeroed arrays of the asked length that never share an element, across buffers and past their size', () => {
    const arena = new Arena();
    const taken: Float64Array[] = [];
    let mark = 1;
    // Enough to fill several buffers, with one request larger than a buffer.
    for (const length of [0, 1, 7, 5000, 20000, 3, 16384, 100, 9000, 1]) {
      const a = arena.float64(length);
      assert.equal(a.length, length);
      assert.ok(a.every((x) => x === 0), 'zeroed');
      a.fill(mark++);
      taken.push(a);
    }
    // Writing each array after the others were written left all the others as they were.
    taken.forEach((a, k) => assert.ok(a.every((x) => x === k + 1), `array ${k} kept its values`));
    const ints = [arena.int32(3), arena.int32(4)];
    ints[0].fill(-1);
    assert.deepEqual([...ints[1]], [0, 0, 0, 0]);
    const words = [arena.uint32(2), arena.uint32(2)];
    words[1].fill(7);
    assert.deepEqual([...words[0]], [0, 0]);
  });
});
