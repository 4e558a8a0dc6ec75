// Node-side file access for the CLI and the server: expanding folders and globs, reading articles.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stripBom } from '../core/text/lines';

/** Extensions read as articles when a folder is given. */
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.article', '.text']);

/**
 * Expands a file, a folder (its articles, recursively) or a glob into article paths, in a stable order: as the spec
 * names them (relative to `cwd` when it is), or `absolute` (what the server keeps; no round trip through relative
 * paths, which costs more than reading the folders when a corpus has 50,000 articles).
 */
export function expandArticlePaths(spec: string, cwd: string = process.cwd(), absolute = false): string[] {
  if (hasGlob(spec)) return absolute ? globFiles(spec, cwd).map((f) => path.resolve(cwd, f)) : globFiles(spec, cwd);
  const abs = path.resolve(cwd, spec);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new Error(`${spec}: no such file or folder`);
  }
  if (stat.isFile()) return [absolute ? abs : spec];
  const out: string[] = [];
  walk(abs, (file) => {
    if (ARTICLE_EXTENSIONS.has(path.extname(file).toLowerCase())) out.push(absolute ? file : path.join(spec, path.relative(abs, file)));
  });
  return out.sort();
}

/** Names the walk never enters or lists: hidden files and folders, node_modules. */
const skipped = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

function walk(dir: string, visit: (file: string) => void): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skipped(entry.name)) continue;
    // dir is absolute and normalised, a name has no separator: joining by hand gives what path.join would.
    const full = dir.endsWith(path.sep) ? dir + entry.name : dir + path.sep + entry.name;
    if (entry.isDirectory()) walk(full, visit);
    else if (entry.isFile()) visit(full);
  }
}

export function hasGlob(spec: string): boolean {
  return /[*?[]/.test(spec);
}

/** Translates a glob (`*`, `**`, `?`, `[...]`) into a RegExp over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

// A glob's folder part (walked) and the pattern its files' paths below that folder must match.
function globParts(glob: string, cwd: string): { base: string; absBase: string; re: RegExp } {
  const norm = glob.split(path.sep).join('/');
  const firstMagic = norm.search(/[*?[]/);
  const baseEnd = norm.lastIndexOf('/', firstMagic);
  const base = baseEnd < 0 ? '.' : norm.slice(0, baseEnd) || '/';
  return { base, absBase: path.resolve(cwd, base), re: globToRegExp(norm.slice(baseEnd + 1)) };
}

function globFiles(glob: string, cwd: string): string[] {
  const { base, absBase, re } = globParts(glob, cwd);
  const out: string[] = [];
  if (!fs.existsSync(absBase)) return out;
  walk(absBase, (file) => {
    const rel = path.relative(absBase, file).split(path.sep).join('/');
    if (re.test(rel)) out.push(base === '.' ? rel : `${base}/${rel}`);
  });
  return out.sort();
}

/**
 * Whether expandArticlePaths(spec, cwd) would list the file at absolute path `file`, found without listing: by the
 * same rules (the walk's skipped names, no symbolic links below the folder walked, a folder's article extensions,
 * a glob's pattern). For a file just created in a corpus of 50,000, where a listing takes a fifth of a second.
 */
export function isArticlePath(spec: string, cwd: string, file: string): boolean {
  let folder: string;
  let matches: (rel: string) => boolean;
  if (hasGlob(spec)) {
    const { absBase, re } = globParts(spec, cwd);
    folder = absBase;
    matches = (rel) => re.test(rel);
  } else {
    const abs = path.resolve(cwd, spec);
    if (abs === file) return kindOf(file, true) === 'file';
    folder = abs;
    matches = () => ARTICLE_EXTENSIONS.has(path.extname(file).toLowerCase());
  }
  const rel = path.relative(folder, file);
  if (rel === '' || rel.startsWith('..' + path.sep) || rel === '..' || path.isAbsolute(rel)) return false;
  const parts = rel.split(path.sep);
  if (parts.some(skipped) || !matches(parts.join('/'))) return false;
  // The walk enters real folders only and lists regular files (a link is neither).
  let at = folder;
  for (const part of parts.slice(0, -1)) {
    at = path.join(at, part);
    if (kindOf(at, false) !== 'folder') return false;
  }
  return kindOf(file, false) === 'file';
}

// What is at a path: a regular file, a folder, or something else or nothing; through a symbolic link when `follow`.
function kindOf(p: string, follow: boolean): 'file' | 'folder' | null {
  try {
    const stat = follow ? fs.statSync(p) : fs.lstatSync(p);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : null;
  } catch {
    return null;
  }
}

/** An article's text, with a one-line `warning` when it could only be read in part (bad bytes replaced); or why not. */
/** `utf8`: the text's exact UTF-8 bytes (the file's, past a byte-order mark), when the file was well-formed. */
export type ReadResult = { ok: true; text: string; warning?: string; utf8?: Uint8Array } | { ok: false; error: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether a file is there (a watched file reported changed may since have gone). */
export function fileExists(file: string): boolean {
  return kindOf(file, true) === 'file';
}

/** True when `dir` is a folder (or a link to one). */
export function folderExists(dir: string): boolean {
  return kindOf(dir, true) === 'folder';
}

/** Reads an article as UTF-8 text; binary files and unreadable files give a one-line reason instead. */
export function readArticle(file: string): ReadResult {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, error: readError(e) };
  }
  return decodeArticle(buf);
}

/**
 * An article's stat and text from one open file (open, fstat, read, close: what readFileSync does, without the
 * separate stat of the path a cold index took before it); `stat` is undefined when the file is not there.
 */
export function statAndReadArticle(file: string): { stat?: fs.Stats; read: ReadResult } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    return { read: { ok: false, error: readError(e) } };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { stat, read: { ok: false, error: 'is a folder' } };
    // As readFileSync: up to the size fstat gave (a file that shrank meanwhile ends early); a file that says it
    // is empty (some special files do) is read in chunks to its end.
    let buf = Buffer.allocUnsafeSlow(stat.size);
    let n = 0;
    if (stat.size > 0) {
      for (let got = -1; got !== 0 && n < buf.length; n += got) got = fs.readSync(fd, buf, n, buf.length - n, null);
    } else {
      const chunks: Buffer[] = [];
      for (let got = -1; got !== 0; ) {
        const chunk = Buffer.allocUnsafeSlow(8192);
        got = fs.readSync(fd, chunk, 0, chunk.length, null);
        chunks.push(chunk.subarray(0, got));
      }
      buf = Buffer.concat(chunks);
      n = buf.length;
    }
    return { stat, read: decodeArticle(n === buf.length ? buf : buf.subarray(0, n)) };
  } catch (e) {
    return { read: { ok: false, error: readError(e) } };
  } finally {
    fs.closeSync(fd);
  }
}

function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EISDIR' ? 'is a folder' : code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})`;
}

function decodeArticle(buf: Buffer): ReadResult {
  if (buf.subarray(0, 8000).includes(0)) return { ok: false, error: 'binary file, not an article' };
  try {
    const decoded = strictUtf8.decode(buf);
    const text = stripBom(decoded);
    // Well-formed UTF-8 decodes exactly, so the text's bytes are the file's past the byte-order marks dropped
    // (3 bytes each: one by the decoder, one by stripBom), counted without reading the text again.
    // A plain Uint8Array (what the corpus keeps and other threads receive), over the file's memory when the buffer
    // is its own; a small file's sits in Node's shared pool, which must be neither kept nor moved: copied.
    const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    const length = buf.length - bom - 3 * (decoded.length - text.length);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset + buf.length - length, length);
    return { ok: true, text, utf8: buf.buffer.byteLength === buf.length ? bytes : bytes.slice() };
  } catch {
    // Still worth reading: the researcher sees where the damage is, as an editor shows it.
    return { ok: true, text: stripBom(buf.toString('utf8')), warning: `not valid UTF-8 (a bad byte at offset ${firstBadByte(buf)}); bad bytes read as \uFFFD` };
  }
}

// The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence (RFC 3629 table 3-7).
function firstBadByte(buf: Uint8Array): number {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, surrogates or code points past U+10FFFF).
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= extra; k++) {
      const c = buf[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += extra + 1;
  }
  return buf.length;
}
