// The language server's view of the annotation stores: records an annotation from the editor
// (`corroborate.annotate`), places each article's annotations in its current text, and exports or
// imports all annotations of the workspace. Stores are re-read when they change on disk, so a
// second window's annotations show up too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchorAll, type AnchoredAnnotation } from '../core/annotations/anchor';
import { annotationsFromCsv, annotationsToCsv, type ArticleAnnotation } from '../core/annotations/csv';
import { describeSpan, isAnnotationStatus, type Annotation, type AnnotationStatus } from '../core/annotations/model';
import { ANNOTATION_CONTEXT, parseAnnotationStore, toWebAnnotation } from '../core/annotations/webAnnotation';
import { LineIndex } from '../core/text/lines';
import { newAnnotationId, readStore, STORE_SUFFIX, updateStore } from './annotationStore';

/** Server commands (workspace/executeCommand); the annotate command is shared with the client's code-action prompt. */
export { ANNOTATE_COMMAND } from '../lsp/protocol';
/** Arguments [{format: 'jsonld' | 'csv'}]; returns {content, count}. */
export const EXPORT_ANNOTATIONS_COMMAND = 'corroborate.annotations.export';
/** Arguments [{format: 'jsonld' | 'csv', content}]; returns {added, updated, unchanged, problems}. */
export const IMPORT_ANNOTATIONS_COMMAND = 'corroborate.annotations.import';

/** The arguments of `corroborate.annotate`: status 'note' records a remark only, 'clear' removes the annotation on that span. */
export interface AnnotationRequest {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  status: AnnotationStatus | 'note' | 'clear';
  note?: string;
  /** A URL or a corpus passage the researcher checked the span against. */
  source?: string | null;
}

/** Validates command arguments; a one-line reason when they are not an annotation request. */
export function parseAnnotationRequest(arg: unknown): AnnotationRequest | string {
  if (typeof arg !== 'object' || arg === null) return 'expected {uri, range, status, note}';
  const a = arg as Record<string, unknown>;
  const pos = (p: unknown) => typeof p === 'object' && p !== null && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  const range = a.range as AnnotationRequest['range'] | undefined;
  if (typeof a.uri !== 'string') return 'uri must be a string';
  if (!range || !pos(range.start) || !pos(range.end)) return 'range must be an LSP range';
  const status = typeof a.status === 'string' ? a.status.trim().toLowerCase().replace(/[\s_]+/g, '-') : '';
  if (!isAnnotationStatus(status) && status !== 'note' && status !== 'clear') return 'status must be verified, disputed, needs-source, ignored, note or clear';
  if (a.note !== undefined && typeof a.note !== 'string') return 'note must be a string';
  if (a.source !== undefined && a.source !== null && typeof a.source !== 'string') return 'source must be a string';
  return { uri: a.uri, range, status: status as AnnotationRequest['status'], note: (a.note as string | undefined) ?? '', source: (a.source as string | null | undefined) ?? null };
}

export type ExportFormat = 'jsonld' | 'csv';

export class FileAnnotations {
  private readonly cache = new Map<string, { stamp: string; annotations: Annotation[]; problems: string[] }>();
  private readonly placed = new Map<string, { text: string; annotations: Annotation[]; anchored: AnchoredAnnotation[] }>();

  /** `report` hears about broken stores (once per change of the file). */
  constructor(private readonly report: (problem: string) => void = () => {}) {}

  /** The article's annotations, as stored; re-read only when the store changed on disk. */
  stored(uri: string): Annotation[] {
    const file = articlePath(uri);
    if (!file) return [];
    const stamp = stampOf(file + STORE_SUFFIX);
    const hit = this.cache.get(file);
    if (hit && hit.stamp === stamp) return hit.annotations;
    const read = readStore(file);
    read.problems.forEach((p) => this.report(p));
    this.cache.set(file, { stamp, annotations: read.annotations, problems: read.problems });
    return read.annotations;
  }

  /** The article's annotations placed in its current text (orphaned ones included, with kind 'orphaned'). */
  anchored(uri: string, text: string): AnchoredAnnotation[] {
    const annotations = this.stored(uri);
    // Hovers, lenses and diagnostics all ask for the same version; approximate matching is not free.
    const hit = this.placed.get(uri);
    if (hit && hit.text === text && hit.annotations === annotations) return hit.anchored;
    const anchored = anchorAll(text, annotations);
    this.placed.set(uri, { text, annotations, anchored });
    return anchored;
  }

  /** Drops what was placed for a document that was closed. */
  forget(uri: string): void {
    this.placed.delete(uri);
  }

  /** Records (or replaces, or clears) the annotation on a span of an open article; returns its id. */
  async annotate(request: AnnotationRequest, text: string): Promise<string | null> {
    const file = articlePath(request.uri);
    if (!file) throw new Error(`${request.uri}: only files on disk can be annotated`);
    const lines = new LineIndex(text);
    let start = lines.offset(request.range.start.line, request.range.start.character);
    let end = lines.offset(request.range.end.line, request.range.end.character);
    if (end < start) [start, end] = [end, start];
    if (end === start) throw new Error('select the text to annotate');
    const span = describeSpan(text, start, end);
    const now = new Date().toISOString();
    // The span's existing annotation is the one placed exactly there in the text being annotated.
    const sameSpan = new Set(this.anchored(request.uri, text).filter((a) => a.start === start && a.end === end).map((a) => a.annotation.id));
    let id: string | null = null;
    await updateStore(file, (current) => {
      const existing = current.find((a) => sameSpan.has(a.id));
      const others = current.filter((a) => !sameSpan.has(a.id));
      if (request.status === 'clear') return others;
      const status = request.status === 'note' ? null : request.status;
      const annotation: Annotation = {
        ...(existing ?? { id: newAnnotationId(), created: now }),
        ...span,
        status,
        note: request.note ?? '',
        source: request.source ?? existing?.source ?? null,
        modified: now,
      } as Annotation;
      id = annotation.id;
      return [...others, annotation].sort((a, b) => a.start - b.start);
    });
    this.cache.delete(file);
    return id;
  }

  /** All annotations under the workspace folders, with workspace-relative article paths. */
  collect(roots: readonly string[]): ArticleAnnotation[] {
    const rows: ArticleAnnotation[] = [];
    for (const root of roots) {
      for (const store of findStores(root)) {
        const article = store.slice(0, -STORE_SUFFIX.length);
        const read = readStore(article);
        read.problems.forEach((p) => this.report(p));
        const rel = path.relative(root, article).split(path.sep).join('/');
        for (const annotation of read.annotations) rows.push({ article: rel, annotation });
      }
    }
    return rows;
  }

  /** Every annotation of the workspace as one Web Annotation collection (JSON-LD) or as CSV. */
  export(roots: readonly string[], format: ExportFormat): { content: string; count: number } {
    const rows = this.collect(roots);
    if (format === 'csv') return { content: annotationsToCsv(rows), count: rows.length };
    const items = rows.map(({ article, annotation }) => toWebAnnotation(annotation, article));
    const collection = { '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', label: 'Corroborate annotations', total: items.length, first: { type: 'AnnotationPage', startIndex: 0, items } };
    return { content: JSON.stringify(collection, null, 2) + '\n', count: rows.length };
  }

  /**
   * Imports an export back into the stores beside the articles (merged by annotation id, the
   * more recently modified one winning). Annotations of articles not in the workspace are skipped.
   */
  async import(roots: readonly string[], content: string, format: ExportFormat): Promise<{ added: number; updated: number; unchanged: number; problems: string[] }> {
    const problems: string[] = [];
    let rows: ArticleAnnotation[];
    if (format === 'csv') {
      const read = annotationsFromCsv(content);
      rows = read.rows;
      problems.push(...read.problems.map((p) => `line ${p.line}: ${p.message}`));
    } else {
      const read = parseAnnotationStore(content);
      problems.push(...read.problems.map((p) => `line ${p.line}: ${p.message}`));
      rows = [];
      for (const annotation of read.annotations) {
        const target = Array.isArray(annotation.raw?.target) ? annotation.raw.target[0] : annotation.raw?.target;
        const source = (target as { source?: unknown } | undefined)?.source;
        if (typeof source === 'string') rows.push({ article: source, annotation });
        else problems.push(`annotation ${annotation.id}: its target names no article`);
      }
    }
    const byArticle = new Map<string, Annotation[]>();
    for (const { article, annotation } of rows) {
      const file = resolveArticle(roots, article);
      if (!file) {
        problems.push(`${article}: no such article in the workspace (annotation ${annotation.id})`);
        continue;
      }
      byArticle.set(file, [...(byArticle.get(file) ?? []), annotation]);
    }
    const result = { added: 0, updated: 0, unchanged: 0, problems };
    for (const [file, incoming] of byArticle) {
      try {
        await updateStore(file, (current) => {
          const merged = new Map(current.map((a) => [a.id, a]));
          for (const a of incoming) {
            const mine = merged.get(a.id);
            if (!mine) result.added++;
            else if (a.modified > mine.modified) result.updated++;
            else {
              result.unchanged++;
              continue;
            }
            merged.set(a.id, a);
          }
          return [...merged.values()];
        });
        this.cache.delete(file);
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    return result;
  }
}

function articlePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function stampOf(file: string): string {
  // Asked on every hover and lens: no exception (and its stack trace) for the usual case of no store at all.
  try {
    const s = fs.statSync(file, { throwIfNoEntry: false });
    return s ? `${s.mtimeMs}:${s.size}:${s.ino}` : 'missing';
  } catch {
    return 'missing';
  }
}

/** A workspace-relative (or file: URI) article path, if it names an existing file inside a workspace folder. */
function resolveArticle(roots: readonly string[], article: string): string | undefined {
  for (const root of roots) {
    const file = article.startsWith('file:') ? (articlePath(article) ?? '') : path.resolve(root, article);
    const rel = path.relative(root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

function findStores(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && e.name.endsWith(STORE_SUFFIX)) out.push(full);
    }
  };
  walk(root);
  return out.sort();
}
