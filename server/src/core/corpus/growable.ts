// Typed arrays that grow by doubling: the index's state stays in flat, serialisable buffers.

type TypedArray = Uint32Array | Int32Array | Uint16Array | Uint8Array | Float32Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

/** A typed array with a length that grows by doubling its capacity. */
export class Growable<T extends TypedArray> {
  length = 0;

  constructor(
    private readonly make: TypedArrayConstructor<T>,
    public data: T = new make(16),
  ) {}

  push(value: number): number {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }

  /** Makes room for `capacity` elements without changing the length. */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    let size = Math.max(16, this.data.length);
    while (size < capacity) size *= 2;
    const next = new this.make(size);
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }

  /** The filled part, trimmed to its length (a copy). */
  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }

  /** The filled part as a view on the same memory: no copy, valid until the next push. */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
