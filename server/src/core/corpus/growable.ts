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

  /**
   * Takes over `data` (a state array) as the filled part. A view that starts its own buffer (a Growable's view
   * handed over from a worker) keeps the buffer's spare room, so the next push does not copy the whole array; a
   * view into a shared buffer (a cache file's) stays as it is.
   */
  adopt(data: T): void {
    const size = (data.constructor as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    const room = data.byteOffset === 0 && data.buffer instanceof ArrayBuffer ? Math.floor(data.buffer.byteLength / size) : data.length;
    this.data = room > data.length ? (new (data.constructor as unknown as { new (b: ArrayBuffer, o: number, n: number): T })(data.buffer as ArrayBuffer, 0, room)) : data;
    this.length = data.length;
  }

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
