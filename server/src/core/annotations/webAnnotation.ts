// Reads and writes annotations as W3C Web Annotation Data Model JSON-LD, the format Hypothes.is
// and other annotation tools exchange. A store is an AnnotationCollection whose one page holds
// the annotations; each targets the article with a TextQuoteSelector and a TextPositionSelector.
// (jsonc-parser's ESM build: its UMD build loads its parts by run-time require, which a bundle cannot.)
import { parseTree, printParseErrorCode, findNodeAtLocation, getNodeValue, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { LineIndex } from '../text/lines';
import { ANNOTATION_STATUSES, isAnnotationStatus, type Annotation, type AnnotationStatus } from './model';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Something wrong in a store, at a 1-based line, so a person can fix it by hand. */
export interface StoreProblem {
  line: number;
  message: string;
}

export interface ParsedStore {
  annotations: Annotation[];
  /** Annotations that could not be read; when non-empty, the store must not be rewritten. */
  problems: StoreProblem[];
}

/** Reads a store (a collection, a page, an array of annotations or one annotation). */
export function parseAnnotationStore(json: string): ParsedStore {
  // Fast path: a well-formed store needs no positions. Only a broken one is parsed again with
  // offsets, to name the line of what is wrong.
  const quick = readWellFormed(json);
  if (quick) return { annotations: quick, problems: [] };
  const lines = new LineIndex(json);
  const lineOf = (offset: number) => lines.position(offset).line + 1;
  if (json.trim() === '') return { annotations: [], problems: [] };
  const errors: ParseError[] = [];
  const root = parseTree(json, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const e = errors[0];
    return { annotations: [], problems: [{ line: e ? lineOf(e.offset) : 1, message: `not valid JSON (${e ? describeParseError(e) : 'empty'})` }] };
  }
  const items = itemNodes(root);
  if (!items) return { annotations: [], problems: [{ line: lineOf(root.offset), message: 'not an AnnotationCollection, AnnotationPage, annotation or array of annotations' }] };
  const annotations: Annotation[] = [];
  const problems: StoreProblem[] = [];
  const seen = new Set<string>();
  for (const node of items) {
    const read = fromWebAnnotation(getNodeValue(node));
    if (typeof read === 'string') problems.push({ line: lineOf(node.offset), message: read });
    else if (seen.has(read.id)) problems.push({ line: lineOf(node.offset), message: `a second annotation with id ${read.id}` });
    else {
      seen.add(read.id);
      annotations.push(read);
    }
  }
  return { annotations, problems };
}

function readWellFormed(json: string): Annotation[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  let items: unknown[] | undefined;
  if (Array.isArray(value)) items = value;
  else if (isObject(value)) {
    const first = isObject(value.first) ? value.first : undefined;
    if (value.type === 'Annotation') items = [value];
    else if (Array.isArray(first?.items)) items = first.items;
    else if (Array.isArray(value.items)) items = value.items;
    else if (value.type === 'AnnotationCollection' && value.first === undefined) items = [];
  }
  if (!items) return undefined;
  const out: Annotation[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const read = fromWebAnnotation(item);
    if (typeof read === 'string' || seen.has(read.id)) return undefined;
    seen.add(read.id);
    out.push(read);
  }
  return out;
}

function describeParseError(e: ParseError): string {
  return printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function itemNodes(root: Node): Node[] | undefined {
  if (root.type === 'array') return root.children ?? [];
  if (root.type !== 'object') return undefined;
  const type = getNodeValue(findNodeAtLocation(root, ['type']) ?? nullNode);
  if (type === 'Annotation') return [root];
  const items = findNodeAtLocation(root, ['first', 'items']) ?? findNodeAtLocation(root, ['items']);
  if (items?.type === 'array') return items.children ?? [];
  if (type === 'AnnotationCollection' && !findNodeAtLocation(root, ['first'])) return [];
  return undefined;
}

const nullNode: Node = { type: 'null', offset: 0, length: 0, value: null };

/** Serializes a store for the article `source` (a path relative to the store). */
export function serializeAnnotationStore(annotations: readonly Annotation[], source: string): string {
  const collection = {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: `Corroborate annotations of ${source}`,
    total: annotations.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: annotations.map((a) => toWebAnnotation(a, source)) },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}

/** The purposes of the bodies we write; bodies with other purposes belong to other tools and are kept. */
const OUR_PURPOSES = new Set(['assessing', 'commenting', 'linking']);

/** One annotation as a Web Annotation; properties another tool wrote are kept. */
export function toWebAnnotation(a: Annotation, source: string): Record<string, unknown> {
  const raw = a.raw ?? {};
  const ours = (b: unknown) => isObject(b) && (OUR_PURPOSES.has(String(b.purpose)) || (b.purpose === 'tagging' && isAnnotationStatus(statusOf(b.value))));
  const otherBodies = asArray(raw.body).filter((b) => !ours(b));
  const body: unknown[] = [];
  if (a.status) body.push({ type: 'TextualBody', purpose: 'assessing', value: a.status });
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
  if (a.source) body.push({ type: 'SpecificResource', purpose: 'linking', source: a.source });
  body.push(...otherBodies);
  const rawTarget = isObject(raw.target) ? raw.target : {};
  const otherSelectors = asArray(rawTarget.selector).filter((s) => !(isObject(s) && (s.type === 'TextQuoteSelector' || s.type === 'TextPositionSelector')));
  const selector: unknown[] = [{ type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix }];
  if (a.start >= 0 && a.end >= a.start) selector.push({ type: 'TextPositionSelector', start: a.start, end: a.end });
  selector.push(...otherSelectors);
  // bodyValue was read into the note, which is written as a body: keeping both would double it.
  const { '@context': _context, bodyValue: _bodyValue, ...rest } = raw;
  return {
    ...rest,
    id: a.id,
    type: 'Annotation',
    motivation: raw.motivation ?? (a.status ? 'assessing' : 'commenting'),
    created: a.created,
    modified: a.modified,
    body,
    target: { ...rawTarget, source, selector },
  };
}

/** Reads one Web Annotation; a string says what is wrong with it. */
export function fromWebAnnotation(value: unknown): Annotation | string {
  if (!isObject(value)) return 'an annotation must be a JSON object';
  const id = value.id ?? value['@id'];
  if (typeof id !== 'string' || id === '') return 'annotation has no "id"';
  const types = asArray(value.type ?? value['@type']);
  if (!types.includes('Annotation') && !types.includes('oa:Annotation')) return `annotation ${id}: "type" is not "Annotation"`;
  const target = asArray(value.target).find(isObject);
  if (!target) return `annotation ${id}: no "target" with selectors`;
  const selectors = asArray(target.selector).filter(isObject);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quote || typeof quote.exact !== 'string' || quote.exact === '') return `annotation ${id}: no TextQuoteSelector with an "exact" text`;
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const validPosition = position && Number.isInteger(position.start) && Number.isInteger(position.end) && (position.start as number) >= 0 && (position.end as number) >= (position.start as number);
  if (position && !validPosition) return `annotation ${id}: TextPositionSelector needs whole numbers 0 <= start <= end`;

  let status: AnnotationStatus | null = null;
  const notes: string[] = [];
  let source: string | null = null;
  for (const b of [...asArray(value.bodyValue), ...asArray(value.body)]) {
    if (typeof b === 'string') notes.push(b);
    if (!isObject(b)) continue;
    const purpose = String(b.purpose ?? '');
    const text = typeof b.value === 'string' ? b.value : undefined;
    if (purpose === 'assessing' || purpose === 'tagging') {
      const s = statusOf(text);
      if (isAnnotationStatus(s)) {
        if (status !== null && status !== s) return `annotation ${id}: two statuses, ${status} and ${s}`;
        status = s;
        continue;
      }
      if (purpose === 'assessing') return `annotation ${id}: unknown status "${text ?? ''}" (${ANNOTATION_STATUSES.join(', ')})`;
    } else if (purpose === 'linking' && typeof (b.source ?? b.id) === 'string') {
      source = String(b.source ?? b.id);
    } else if ((purpose === 'commenting' || purpose === '' || purpose === 'describing') && text !== undefined) {
      notes.push(text);
    }
  }
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  return {
    id,
    status,
    note: notes.join('\n\n'),
    source,
    quote: { exact: quote.exact, prefix: str(quote.prefix), suffix: str(quote.suffix) },
    start: validPosition ? (position.start as number) : -1,
    end: validPosition ? (position.end as number) : -1,
    created: str(value.created),
    modified: str(value.modified) || str(value.created),
    raw: value,
  };
}

/** "Needs source", "needs-source" and "needs_source" all name the same status. */
function statusOf(x: unknown): string | undefined {
  return typeof x === 'string' ? x.trim().toLowerCase().replace(/[\s_]+/g, '-') : undefined;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function asArray(x: unknown): unknown[] {
  return x === undefined || x === null ? [] : Array.isArray(x) ? x : [x];
}
