// Typed arrays for one report's working data (profiles of passages and statements), cut from a few large buffers.
// A typed array of more than a few elements gets memory of its own outside the JavaScript heap, which costs ~15
// times a view on a buffer to make and is freed by the collector one by one; a report makes thousands of them, all
// of which die with it.

/** Where a profile's arrays come from: the heap one by one, or a report's arena. */
export interface TypedArrays {
  float64(length: number): Float64Array;
  int32(length: number): Int32Array;
  uint32(length: number): Uint32Array;
}

/** Each array allocated on its own (what code without an arena gets). */
export const SEPARATE: TypedArrays = {
  float64: (length) => new Float64Array(length),
  int32: (length) => new Int32Array(length),
  uint32: (length) => new Uint32Array(length),
};

/** Elements per buffer (a larger request gets a buffer of its own size). */
const CHUNK = 1 << 14;

/** Zeroed arrays cut in turn from large buffers, which are dropped together with the arena, never reused. */
export class Arena implements TypedArrays {
  private doubles = new Float64Array(0);
  private doublesUsed = 0;
  private ints = new Int32Array(0);
  private intsUsed = 0;
  private words = new Uint32Array(0);
  private wordsUsed = 0;

  float64(length: number): Float64Array {
    if (this.doublesUsed + length > this.doubles.length) {
      this.doubles = new Float64Array(Math.max(CHUNK, length));
      this.doublesUsed = 0;
    }
    this.doublesUsed += length;
    return this.doubles.subarray(this.doublesUsed - length, this.doublesUsed);
  }

  int32(length: number): Int32Array {
    if (this.intsUsed + length > this.ints.length) {
      this.ints = new Int32Array(Math.max(CHUNK, length));
      this.intsUsed = 0;
    }
    this.intsUsed += length;
    return this.ints.subarray(this.intsUsed - length, this.intsUsed);
  }

  uint32(length: number): Uint32Array {
    if (this.wordsUsed + length > this.words.length) {
      this.words = new Uint32Array(Math.max(CHUNK, length));
      this.wordsUsed = 0;
    }
    this.wordsUsed += length;
    return this.words.subarray(this.wordsUsed - length, this.wordsUsed);
  }
}
