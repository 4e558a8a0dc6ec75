// Saves and loads plain-data state (numbers, strings, typed arrays, string arrays, byte-array lists, nested
// objects) as one binary file that loads without parsing: typed arrays come back as views on the file's bytes.
//
// Layout: "CRBSTATE" | u32 header length | u32 CRC-32 of everything after this field | header JSON | pad to 8 |
// body (each array 8-byte aligned). The header carries the caller's metadata and a descriptor of the state.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const MAGIC = Buffer.from('CRBSTATE', 'latin1');
const PREFIX = MAGIC.length + 8;

type TypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;
const TYPED_ARRAYS = { Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array };
type TypedArrayName = keyof typeof TYPED_ARRAYS;

/** What a state may hold. */
export type PlainValue = number | string | boolean | null | TypedArray | (string | null)[] | (Uint8Array | null)[] | PlainState;
export interface PlainState {
  [key: string]: PlainValue;
}

/** How a value is laid out: inline JSON, a typed array in the body, a list of byte arrays in the body, or an object. */
type Descriptor =
  | { v: number | string | boolean | null }
  | { s: (string | null)[] }
  | { a: TypedArrayName; o: number; n: number }
  | { bytes: number; lengths: number; n: number }
  | { o: { [key: string]: Descriptor } };

/** Thrown for a file that is not a complete, intact state file; the caller rebuilds. */
export class CorruptStateFile extends Error {}

class Body {
  chunks: Uint8Array[] = [];
  size = 0;

  add(bytes: Uint8Array): number {
    const at = this.size;
    this.chunks.push(bytes);
    this.size += bytes.byteLength;
    const pad = (8 - (this.size % 8)) % 8;
    if (pad) {
      this.chunks.push(new Uint8Array(pad));
      this.size += pad;
    }
    return at;
  }
}

function describe(value: PlainValue, body: Body): Descriptor {
  if (value === null || typeof value !== 'object') return { v: value };
  if (ArrayBuffer.isView(value)) {
    // By instanceof rather than constructor name, so a Buffer saves as the Uint8Array it is.
    const name = (Object.keys(TYPED_ARRAYS) as TypedArrayName[]).find((n) => value instanceof TYPED_ARRAYS[n]);
    if (!name) throw new Error(`cannot save a ${value.constructor.name}`);
    return { a: name, o: body.add(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)), n: value.length };
  }
  if (Array.isArray(value)) {
    if (value.some((x) => x instanceof Uint8Array)) {
      const list = value as (Uint8Array | null)[];
      const lengths = Int32Array.from(list, (b) => (b ? b.byteLength : -1));
      const lengthsAt = body.add(new Uint8Array(lengths.buffer));
      let bytesAt = -1;
      for (const b of list) {
        if (!b) continue;
        // Consecutive, unpadded: the lengths say where each one starts.
        if (bytesAt < 0) bytesAt = body.size;
        body.chunks.push(b);
        body.size += b.byteLength;
      }
      if (bytesAt < 0) bytesAt = body.size;
      body.add(new Uint8Array(0));
      return { bytes: bytesAt, lengths: lengthsAt, n: list.length };
    }
    if (!value.every((x) => x === null || typeof x === 'string')) throw new Error('arrays must hold strings or byte arrays');
    return { s: value as (string | null)[] };
  }
  const o: { [key: string]: Descriptor } = {};
  for (const [key, v] of Object.entries(value)) o[key] = describe(v, body);
  return { o };
}

const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
// Node 20's zlib.crc32 returns 0, not the running value, for an empty view on a zero-length buffer.
const crc32 = (data: Uint8Array, value = 0): number =>
  data.byteLength === 0 ? value : zlibCrc32 ? zlibCrc32(data, value) : crc32Portable(data, value);

/** The bytes of a state file for `meta` and `state`, as chunks to write (or hash) in order. */
export function stateFileChunks(meta: unknown, state: PlainState): Uint8Array[] {
  const body = new Body();
  const header = Buffer.from(JSON.stringify({ meta, state: describe(state, body) }), 'utf8');
  const headerPad = new Uint8Array((8 - ((PREFIX + header.length) % 8)) % 8);
  let crc = crc32(header);
  crc = crc32(headerPad, crc);
  for (const c of body.chunks) crc = crc32(c, crc);
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(header.length, MAGIC.length);
  prefix.writeUInt32LE(crc >>> 0, MAGIC.length + 4);
  return [prefix, header, headerPad, ...body.chunks];
}

/** Writes `state` with `meta` to `file` atomically (a temporary file renamed over it); returns the bytes written. */
export function writeStateFile(file: string, meta: unknown, state: PlainState): number {
  const chunks = stateFileChunks(meta, state);
  makeFolders(path.dirname(file));
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  let bytes = 0;
  try {
    for (const c of chunks) {
      // writeSync may write less than asked; loop until the chunk is out.
      for (let at = 0; at < c.byteLength; ) at += fs.writeSync(fd, c, at, c.byteLength - at);
      bytes += c.byteLength;
    }
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, file);
  return bytes;
}

/**
 * Creates `dir` and whatever parents it lacks. Not mkdir's `recursive`: on a file system that answers "no such file"
 * for a child of a folder that exists (anything under /proc, a stale mount) Node's walk retries for ever, a server
 * or a CLI run spinning instead of saying the cache cannot be written.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    try {
      if (fs.statSync(at).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a folder, mkdir '${dir}'`), { code: 'ENOTDIR' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder);
    } catch (e) {
      // Made meanwhile by another writer: fine. Anything else (ENOENT under an existing parent too) is an error.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Reads a state file; throws CorruptStateFile when it is truncated, altered or not one. */
export function readStateFile(file: string): { meta: unknown; state: PlainState } {
  const fd = fs.openSync(file, 'r');
  try {
    return readFrom(fd);
  } finally {
    fs.closeSync(fd);
  }
}

// Reads the file in order, each array straight into a buffer of its own (typed arrays with room to grow, the byte
// lists into one buffer each): no copy of the whole file stays alive behind the state, and an index that grows
// after loading does not copy its arrays first. The checksum covers every byte read, gaps included.
function readFrom(fd: number): { meta: unknown; state: PlainState } {
  const size = fs.fstatSync(fd).size;
  const prefix = Buffer.alloc(PREFIX);
  if (size < PREFIX || readAt(fd, prefix, 0) < PREFIX || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new CorruptStateFile('not a Corroborate index file');
  }
  const headerLength = prefix.readUInt32LE(MAGIC.length);
  const crc = prefix.readUInt32LE(MAGIC.length + 4);
  const bodyAt = PREFIX + headerLength + ((8 - ((PREFIX + headerLength) % 8)) % 8);
  if (bodyAt > size) throw new CorruptStateFile('truncated');
  const head = Buffer.alloc(bodyAt - PREFIX);
  readAt(fd, head, PREFIX);
  let running = crc32(head);
  let header: { meta: unknown; state: Descriptor };
  try {
    header = JSON.parse(head.toString('utf8', 0, headerLength));
  } catch {
    throw new CorruptStateFile('unreadable header');
  }
  const regions: Region[] = [];
  const build = plan(header.state, regions);
  regions.sort((a, b) => a.at - b.at);
  const gap = new Uint8Array(64 * 1024);
  let pos = bodyAt;
  const skipTo = (end: number): void => {
    while (pos < end) {
      const n = Math.min(gap.length, end - pos);
      readAt(fd, gap.subarray(0, n), pos);
      running = crc32(gap.subarray(0, n), running);
      pos += n;
    }
  };
  for (const region of regions) {
    const start = bodyAt + region.at;
    if (start < pos) throw new CorruptStateFile('overlapping arrays');
    const into = region.into(size - start);
    skipTo(start);
    readAt(fd, into, start);
    running = crc32(into, running);
    pos = start + into.byteLength;
  }
  skipTo(size);
  if (running >>> 0 !== crc) throw new CorruptStateFile('checksum mismatch');
  const state = build();
  if (state === null || typeof state !== 'object' || ArrayBuffer.isView(state) || Array.isArray(state)) throw new CorruptStateFile('no state');
  return { meta: header.meta, state };
}

/** A part of the body to read: where it starts, and the bytes to read it into (known once earlier parts are read). */
interface Region {
  at: number;
  /** `room`: bytes left in the file from `at`; a region that would not fit is a corrupt file, not an allocation. */
  into: (room: number) => Uint8Array;
}

const pastTheEnd = (bytes: number, room: number): void => {
  if (bytes > room) throw new CorruptStateFile('array past the end of the file');
};

// Lists the body regions a descriptor needs and returns how to build its value once they are read.
function plan(d: Descriptor, regions: Region[]): () => PlainValue {
  if ('v' in d) return () => d.v;
  if ('s' in d) return () => d.s;
  if ('a' in d) {
    const make = TYPED_ARRAYS[d.a];
    if (!make || !Number.isInteger(d.n) || d.n < 0) throw new CorruptStateFile(`unknown array type ${d.a}`);
    let array: TypedArray | undefined;
    regions.push({
      at: d.o,
      into: (room) => {
        pastTheEnd(d.n * make.BYTES_PER_ELEMENT, room);
        // Half as much again of room: untouched, it costs address space, not memory.
        const buffer = new ArrayBuffer((d.n + (d.n >> 1) + 16) * make.BYTES_PER_ELEMENT);
        array = new make(buffer, 0, d.n);
        return new Uint8Array(buffer, 0, d.n * make.BYTES_PER_ELEMENT);
      },
    });
    return () => array ?? new make(0);
  }
  if ('bytes' in d) {
    if (!Number.isInteger(d.n) || d.n < 0) throw new CorruptStateFile('bad byte list');
    let lengths = new Int32Array(0);
    let bytes = new Uint8Array(0);
    regions.push({
      at: d.lengths,
      into: (room) => {
        pastTheEnd(d.n * 4, room);
        lengths = new Int32Array(d.n);
        return new Uint8Array(lengths.buffer);
      },
    });
    regions.push({
      at: d.bytes,
      into: (room) => {
        let total = 0;
        for (const n of lengths) total += Math.max(0, n);
        pastTheEnd(total, room);
        bytes = new Uint8Array(total);
        return bytes;
      },
    });
    return () => {
      const out: (Uint8Array | null)[] = new Array(d.n);
      let at = 0;
      for (let i = 0; i < d.n; i++) {
        const n = lengths[i];
        out[i] = n < 0 ? null : bytes.subarray(at, (at += n));
      }
      return out;
    };
  }
  if ('o' in d && typeof d.o === 'object' && d.o !== null) {
    const parts = Object.entries(d.o).map(([key, sub]) => [key, plan(sub, regions)] as const);
    return () => {
      const out: PlainState = {};
      for (const [key, part] of parts) out[key] = part();
      return out;
    };
  }
  throw new CorruptStateFile('unknown descriptor');
}

function readAt(fd: number, into: Uint8Array, position: number): number {
  let done = 0;
  while (done < into.byteLength) {
    const n = fs.readSync(fd, into, done, into.byteLength - done, position + done);
    if (n === 0) break;
    done += n;
  }
  if (done < into.byteLength) throw new CorruptStateFile('truncated');
  return done;
}

let table: Int32Array | undefined;

/** CRC-32 (IEEE) for runtimes whose zlib lacks crc32 (Node before 20.15). */
function crc32Portable(data: Uint8Array, value = 0): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = ~value;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
