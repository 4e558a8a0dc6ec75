import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CorruptStateFile, readStateFile, writeStateFile, type PlainState } from '../../server/src/host/stateFile';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-state-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const sample = (): PlainState => ({
  count: 3,
  name: 'Kim’s letter — “warm”',
  flag: true,
  none: null,
  ids: Int32Array.from([1, -2, 3]),
  words: Uint32Array.from([0xffffffff, 0, 7]),
  small: Uint16Array.from([5]),
  tiny: Uint8Array.from([9, 8, 7]),
  empty: new Float64Array(0),
  stems: ['kim', 'letter', ''],
  documents: ['file:///a.txt', null, 'file:///c.txt'],
  texts: [new TextEncoder().encode('Sanders said'), null, new Uint8Array(0), Buffer.from('é')],
  nested: { pool: Uint32Array.from([0, 1, 2, 3, 4]), deeper: { blocks: Uint8Array.from([1]) } },
});

describe('state files', () => {
  it('give back the state and metadata they were written with', () => {
    const file = path.join(dir, 'round.bin');
    writeStateFile(file, { engine: 'e1', files: { a: 1 } }, sample());
    const { meta, state } = readStateFile(file);
    assert.deepEqual(meta, { engine: 'e1', files: { a: 1 } });
    const expected = sample();
    // Byte lists come back as plain Uint8Arrays, whatever subclass went in.
    expected.texts = (expected.texts as (Uint8Array | null)[]).map((b) => (b ? Uint8Array.from(b) : null));
    assert.deepEqual(normalise(state), normalise(expected));
  });

  it('reject a truncated file, a flipped byte, and a file of another kind', () => {
    const file = path.join(dir, 'broken.bin');
    writeStateFile(file, { engine: 'e1' }, sample());
    const good = fs.readFileSync(file);

    fs.writeFileSync(file, good.subarray(0, good.length - 5));
    assert.throws(() => readStateFile(file), CorruptStateFile);

    const flipped = Buffer.from(good);
    flipped[flipped.length - 20] ^= 0xff;
    fs.writeFileSync(file, flipped);
    assert.throws(() => readStateFile(file), CorruptStateFile);

    fs.writeFileSync(file, 'Sanders said the letter was warm.');
    assert.throws(() => readStateFile(file), CorruptStateFile);

    fs.writeFileSync(file, '');
    assert.throws(() => readStateFile(file), CorruptStateFile);
  });

  it('leave the previous file whole when a new one replaces it', () => {
    const file = path.join(dir, 'replace.bin');
    writeStateFile(file, 1, { n: 1 });
    writeStateFile(file, 2, { n: 2 });
    assert.deepEqual(readStateFile(file), { meta: 2, state: { n: 2 } });
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.startsWith('replace.bin.')), [], 'no temporary file left behind');
  });

  it('make the folders a file goes in, and say so when one cannot be made', () => {
    const file = path.join(dir, 'a', 'b', 'c.bin');
    writeStateFile(file, 1, { n: 1 });
    assert.deepEqual(readStateFile(file).state, { n: 1 });
    fs.writeFileSync(path.join(dir, 'plain'), '');
    assert.throws(() => writeStateFile(path.join(dir, 'plain', 'x', 'c.bin'), 1, { n: 1 }), /ENOTDIR/);
  });

  it('fail, not spin, where the file system says a folder cannot have a child (Node\'s recursive mkdir never returns there)', () => {
    // In a process of its own: a hang would block this one's event loop, test timeouts included.
    const script = `require(${JSON.stringify(path.join(__dirname, '..', '..', 'server', 'src', 'host', 'stateFile.ts'))}).writeStateFile('/proc/corroborate-test/index/x.bin', 1, { n: 1 })`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.signal, null, 'killed after a minute: it spun');
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /ENOENT|EACCES|EPERM|EROFS/);
  });
});

/** Typed arrays compared by type and content, whatever buffer they view. */
function normalise(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return { type: value.constructor.name, values: Array.from(value as unknown as ArrayLike<number>) };
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}
