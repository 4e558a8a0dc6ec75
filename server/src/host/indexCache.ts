// The corpus index of a workspace, kept on disk so that re-opening the workspace does not re-read the archive.
//
// One file per workspace. It holds the index state (core/corpus) and, for every document, the file's mtime,
// size and content hash when it was indexed. It is valid only for the same cache format, the same engine
// (see engineFingerprint) and the same index settings; within that, each file is checked on its own.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Corpus, type CorpusState } from '../core/corpus/corpus';
import { VERSION } from '../version';
import { readStateFile, stateFileChunks, writeStateFile, type PlainState } from './stateFile';

/** Bump when what this file stores around the state changes. */
export const INDEX_CACHE_FORMAT = 1;

/** What a file looked like when it was indexed. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
  /** SHA-1 of the text, so a file touched but not changed (a checkout, a copy) is not re-indexed. */
  hash: string;
}

interface CacheMeta {
  format: number;
  engine: string;
  settings: string;
  /** Document id → stamp, for every document in the state. */
  files: { [documentId: string]: FileStamp };
}

export type CacheRead =
  | { ok: true; corpus: Corpus; files: Map<string, FileStamp> }
  /** `corrupt`: the file exists but cannot be trusted (warn); otherwise it is absent or out of date (say so quietly). */
  | { ok: false; reason: string; corrupt: boolean };

/** The platform's per-user cache folder for Corroborate. */
export function defaultCacheFolder(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'corroborate', 'Cache');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'corroborate');
  return path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'corroborate');
}

/** The cache file of a workspace (its folders, in any order) under `folder`. */
export function indexCacheFile(folder: string, workspaceRoots: string[]): string {
  const key = crypto.createHash('sha256').update([...workspaceRoots].sort().join('\n')).digest('hex').slice(0, 24);
  return path.join(folder, 'index', `${key}.bin`);
}

/** The SHA-1 of a text as the stamps store it. */
export function textHash(text: string): string {
  return crypto.createHash('sha1').update(text).digest('hex');
}

// A text that exercises what the index records: quotes, attributions, negation, numbers, accents, apostrophes.
const CANARY = [
  'Canary: Kim Jong-un’s “very warm” letter.',
  '',
  '“It was a very warm letter,” White House press secretary Sarah Sanders said on Thursday. The president did not reply, according to two officials.',
  '',
  'Moon Jae-in told reporters in Seoul that 2,500 troops — not 25,000 — would stay. "We’ll see," he added. Café owners in Pyŏngyang disagreed; “no deal” was never on the table.',
].join('\n');

let fingerprint: string | undefined;

/**
 * Identifies the engine that built an index: the release, plus the index state a fixed canary text produces.
 * Any change to tokenising, stemming, passage splitting or the state's layout changes it, so stale caches
 * are rebuilt without anyone remembering to bump a number.
 */
export function engineFingerprint(): string {
  if (!fingerprint) {
    const corpus = new Corpus();
    corpus.set('canary', CANARY);
    const hash = crypto.createHash('sha1');
    for (const chunk of stateFileChunks(null, corpus.state() as unknown as PlainState)) hash.update(chunk);
    fingerprint = `${VERSION}+${hash.digest('hex').slice(0, 16)}`;
  }
  return fingerprint;
}

/** Loads a workspace's cached index; never throws for a bad or stale file, says why it was not used instead. */
export function readIndexCache(file: string, settings: string, engine: string = engineFingerprint()): CacheRead {
  if (!fs.existsSync(file)) return { ok: false, reason: 'no index cache yet', corrupt: false };
  let meta: CacheMeta;
  let state: PlainState;
  try {
    ({ meta, state } = readStateFile(file) as { meta: CacheMeta; state: PlainState });
  } catch (e) {
    return { ok: false, reason: `index cache unreadable (${(e as Error).message})`, corrupt: true };
  }
  if (!meta || typeof meta !== 'object' || typeof meta.files !== 'object' || meta.files === null) {
    return { ok: false, reason: 'index cache unreadable (no file list)', corrupt: true };
  }
  if (meta.format !== INDEX_CACHE_FORMAT) return { ok: false, reason: 'index cache from another version of Corroborate', corrupt: false };
  if (meta.engine !== engine) return { ok: false, reason: 'the analysis engine changed since the index was saved', corrupt: false };
  if (meta.settings !== settings) return { ok: false, reason: 'index settings changed since the index was saved', corrupt: false };
  let corpus: Corpus;
  try {
    corpus = new Corpus(state as unknown as CorpusState);
  } catch (e) {
    return { ok: false, reason: `index cache unreadable (${(e as Error).message})`, corrupt: true };
  }
  const files = new Map(Object.entries(meta.files));
  const ids = corpus.documentIds;
  if (ids.length !== files.size || ids.some((id) => !files.has(id))) {
    return { ok: false, reason: 'index cache unreadable (file list does not match the index)', corrupt: true };
  }
  try {
    // Marks the cache as in use, so pruning (which goes by modification time) keeps it.
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // A read-only cache folder still serves.
  }
  return { ok: true, corpus, files };
}

/** Saves a workspace's index with the stamps of its files; returns the bytes written. */
export function writeIndexCache(file: string, settings: string, corpus: Corpus, files: Map<string, FileStamp>, engine: string = engineFingerprint()): number {
  const meta: CacheMeta = { format: INDEX_CACHE_FORMAT, engine, settings, files: Object.fromEntries(files) };
  const bytes = writeStateFile(file, meta, corpus.state() as unknown as PlainState);
  pruneIndexCaches(path.dirname(file));
  return bytes;
}

const UNUSED_FOR = 30 * 24 * 3600 * 1000;
const ABANDONED_AFTER = 24 * 3600 * 1000;

/** Deletes caches of workspaces not opened for 30 days, and temporary files a crashed writer left, so the folder stays bounded. */
function pruneIndexCaches(folder: string): void {
  const now = Date.now();
  for (const name of safeList(folder)) {
    const full = path.join(folder, name);
    try {
      const age = now - fs.statSync(full).mtimeMs;
      if ((name.endsWith('.bin') && age > UNUSED_FOR) || (name.endsWith('.tmp') && age > ABANDONED_AFTER)) fs.rmSync(full, { force: true });
    } catch {
      // Another server may be pruning the same folder; whatever is left goes next time.
    }
  }
}

function safeList(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}
