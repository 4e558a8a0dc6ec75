// Typed arrays for one report's working data (profiles of passages and statements), cut from a few large buffers.
// A typed array of more than a few elements gets memory of its own outside the JavaScript heap, which costs ~15
// times a view on a buffer to make and is freed by the collector one by one; a report makes thousands of them, all
// of which die with it.

/**
 * Zeroed elements [at, at + length) of `array`, which other users may share: no array object of their own (a typed
 * array object, even a view, is ~100 bytes of heap; a report keeps ~550 profiles). Read it before asking for more
 * room: the same record is handed out again.
 */
export interface Room<T> {
  array: T;
  at: number;
}

/** Where a profile's arrays come from: the heap one by one, or a report's arena. */
export interface TypedArrays {
  float64(length: number): Float64Array;
  int32(length: number): Int32Array;
  uint32(length: number): Uint32Array;
  float64Room(length: number): Room<Float64Array>;
  int32Room(length: number): Room<Int32Array>;
}

/** Each array allocated on its own (what code without an arena gets). */
export const SEPARATE: TypedArrays = {
  float64: (length) => new Float64Array(length),
  int32: (length) => new Int32Array(length),
  uint32: (length) => new Uint32Array(length),
  float64Room: (length) => ({ array: new Float64Array(length), at: 0 }),
  int32Room: (length) => ({ array: new Int32Array(length), at: 0 }),
};

/** Elements per buffer (a larger request gets a buffer of its own size). */
const CHUNK = 1 << 14;

type Typed = Float64Array | Int32Array | Uint32Array;

/** Arrays of one type cut in turn from a buffer; a new buffer when it is used up. */
class Slab<T extends Typed> {
  private buffer: T;
  private used = 0;
  private readonly room: Room<T>;

  constructor(private readonly make: (length: number) => T) {
    this.buffer = make(0);
    this.room = { array: this.buffer, at: 0 };
  }

  take(length: number): T {
    const { array, at } = this.reserve(length);
    return array.subarray(at, at + length) as T;
  }

  reserve(length: number): Room<T> {
    if (this.used + length > this.buffer.length) {
      this.buffer = this.make(Math.max(CHUNK, length));
      this.used = 0;
    }
    this.room.array = this.buffer;
    this.room.at = this.used;
    this.used += length;
    return this.room;
  }
}

/** Zeroed arrays cut in turn from large buffers, which are dropped together with the arena, never reused. */
export class Arena implements TypedArrays {
  private readonly doubles = new Slab(SEPARATE.float64);
  private readonly ints = new Slab(SEPARATE.int32);
  private readonly words = new Slab(SEPARATE.uint32);

  float64(length: number): Float64Array {
    return this.doubles.take(length);
  }

  int32(length: number): Int32Array {
    return this.ints.take(length);
  }

  uint32(length: number): Uint32Array {
    return this.words.take(length);
  }

  float64Room(length: number): Room<Float64Array> {
    return this.doubles.reserve(length);
  }

  int32Room(length: number): Room<Int32Array> {
    return this.ints.reserve(length);
  }
}
