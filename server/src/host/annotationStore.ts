// The researcher's annotations on disk: one W3C Web Annotation store beside each article
// (`article.txt` → `article.txt.annotations.jsonld`), so the judgement travels with the file it
// judges. Writes are atomic (temporary file, fsync, rename) and made under a lock file, re-reading
// the store first, so two editor windows never lose each other's annotations. A store that cannot
// be read whole is never rewritten.
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Annotation } from '../core/annotations/model';
import { parseAnnotationStore, serializeAnnotationStore } from '../core/annotations/webAnnotation';

export const STORE_SUFFIX = '.annotations.jsonld';

/** The store that holds an article's annotations. */
export function storePathFor(articlePath: string): string {
  return articlePath + STORE_SUFFIX;
}

/** True for a store and its lock and temporary files, which are never articles. */
export function isStoreFile(file: string): boolean {
  return /\.annotations\.jsonld(\.lock|\.lock\.[0-9]+\.[0-9a-f]+\.stale|\.[0-9]+\.[0-9a-f]+\.tmp)?$/.test(file);
}

/** A new annotation id. */
export function newAnnotationId(): string {
  return `urn:uuid:${randomUUID()}`;
}

export interface StoreContents {
  store: string;
  annotations: Annotation[];
  /** "file:line: what is wrong" for each part that could not be read; such a store is not rewritten. */
  problems: string[];
}

/** Reads an article's annotations; a missing store is an empty one. */
export function readStore(articlePath: string): StoreContents {
  const store = storePathFor(articlePath);
  let json: string;
  try {
    json = fs.readFileSync(store, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { store, annotations: [], problems: [] };
    return { store, annotations: [], problems: [`${store}: cannot read (${code ?? String(e)})`] };
  }
  const parsed = parseAnnotationStore(json.replace(/^\uFEFF/, ''));
  return { store, annotations: parsed.annotations, problems: parsed.problems.map((p) => `${store}:${p.line}: ${p.message}`) };
}

export class StoreError extends Error {}

export interface LockOptions {
  /** How long to wait for another writer before giving up. */
  timeoutMs?: number;
  /** A lock older than this is taken to belong to a writer that died (writes take milliseconds). */
  staleMs?: number;
}

/**
 * Changes an article's annotations: under the store's lock, re-reads the store, applies `change`
 * to what is on disk now, and writes the result atomically. Returns what was written.
 */
export async function updateStore(articlePath: string, change: (current: Annotation[]) => Annotation[], options: LockOptions = {}): Promise<Annotation[]> {
  const store = storePathFor(articlePath);
  const release = await acquireLock(store, options);
  try {
    removeLeftovers(store);
    const current = readStore(articlePath);
    if (current.problems.length > 0) {
      throw new StoreError(`${current.problems[0]}${current.problems.length > 1 ? ` (and ${current.problems.length - 1} more)` : ''} — the store is left as it is; fix it by hand or move it away`);
    }
    const next = change(current.annotations);
    writeAtomically(store, serializeAnnotationStore(next, path.basename(articlePath)));
    return next;
  } finally {
    release();
  }
}

/** Writes `data` so that readers see either the old file or the new one, never a part. */
export function writeAtomically(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', 0o644);
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  syncFolder(path.dirname(file));
}

/** Makes the rename itself durable; some systems cannot open a folder for that, which is harmless. */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // fsync on a folder is an extra guarantee, not a requirement.
  }
}

/** Temporary files of writers that died mid-write; only called under the lock, when nobody else writes. */
function removeLeftovers(store: string): void {
  const dir = path.dirname(store);
  const prefix = path.basename(store) + '.';
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix) && name.endsWith('.tmp') && isStoreFile(name)) fs.rmSync(path.join(dir, name), { force: true });
}

interface LockOwner {
  pid: number;
  host: string;
  token: string;
}

async function acquireLock(store: string, { timeoutMs = 10_000, staleMs = 30_000 }: LockOptions): Promise<() => void> {
  const lock = store + '.lock';
  const me: LockOwner = { pid: process.pid, host: os.hostname(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(lock, JSON.stringify(me), { flag: 'wx' });
      return () => releaseLock(lock, me.token);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new StoreError(`${store}: its folder does not exist`);
      if (code !== 'EEXIST') throw new StoreError(`${lock}: cannot create the lock file (${code ?? String(e)})`);
    }
    const holder = readLock(lock);
    if (holder && isStale(holder, staleMs)) {
      breakStaleLock(lock, holder.text);
      continue;
    }
    if (Date.now() > deadline) {
      throw new StoreError(`${store}: another writer holds ${lock}${holder?.owner ? ` (process ${holder.owner.pid} on ${holder.owner.host})` : ''}; try again, or delete the lock file if no Corroborate is running`);
    }
    // Back off a little more each time, with jitter so two waiting writers do not collide again.
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, 5 + attempt * 5) * (0.5 + Math.random())));
  }
}

function readLock(lock: string): { text: string; owner: LockOwner | undefined; ageMs: number } | undefined {
  try {
    const text = fs.readFileSync(lock, 'utf8');
    const ageMs = Date.now() - fs.statSync(lock).mtimeMs;
    let owner: LockOwner | undefined;
    try {
      const o = JSON.parse(text) as LockOwner;
      if (Number.isInteger(o.pid) && typeof o.host === 'string') owner = o;
    } catch {
      owner = undefined;
    }
    return { text, owner, ageMs };
  } catch {
    return undefined; // released meanwhile
  }
}

function isStale(holder: { owner: LockOwner | undefined; ageMs: number }, staleMs: number): boolean {
  // A lock whose writer died before it wrote its name is stale once it is clearly not being written.
  if (!holder.owner) return holder.ageMs > 2_000;
  if (holder.owner.host === os.hostname() && !isAlive(holder.owner.pid)) return true;
  return holder.ageMs > staleMs;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock without removing a fresh one another writer took meanwhile: the lock is
 * moved aside atomically, and put back if what was moved is not the lock judged stale.
 */
function breakStaleLock(lock: string, staleText: string): void {
  const aside = `${lock}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    fs.renameSync(lock, aside);
  } catch {
    return; // someone else broke or released it
  }
  let moved = '';
  try {
    moved = fs.readFileSync(aside, 'utf8');
  } catch {
    moved = '';
  }
  if (moved !== staleText) {
    try {
      fs.linkSync(aside, lock); // fails if a third writer holds the lock by now: then theirs stands
    } catch {
      // nothing to restore
    }
  }
  fs.rmSync(aside, { force: true });
}

function releaseLock(lock: string, token: string): void {
  try {
    const owner = JSON.parse(fs.readFileSync(lock, 'utf8')) as LockOwner;
    if (owner.token === token) fs.rmSync(lock, { force: true });
  } catch {
    // already gone or taken over as stale: nothing of ours to remove
  }
}
