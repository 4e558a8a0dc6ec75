// Annotations as CSV (RFC 4180) for spreadsheets, and back. Cells that a spreadsheet would run as
// a formula (=, +, -, @) get a leading apostrophe, which reading strips again.
import { ANNOTATION_STATUSES, isAnnotationStatus, type Annotation } from './model';

export const CSV_COLUMNS = ['article', 'id', 'status', 'note', 'source', 'exact', 'prefix', 'suffix', 'start', 'end', 'created', 'modified'] as const;

export interface ArticleAnnotation {
  /** The article's path relative to the workspace folder, '/'-separated. */
  article: string;
  annotation: Annotation;
}

/** Writes annotations as CSV with a header row. */
export function annotationsToCsv(rows: readonly ArticleAnnotation[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const { article, annotation: a } of rows) {
    const cells = [article, a.id, a.status ?? '', a.note, a.source ?? '', a.quote.exact, a.quote.prefix, a.quote.suffix, String(a.start), String(a.end), a.created, a.modified];
    lines.push(cells.map(cell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

const FORMULA = /^'*[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function uncell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** Reads CSV written by annotationsToCsv (columns in any order); problems name the 1-based line. */
export function annotationsFromCsv(csv: string): { rows: ArticleAnnotation[]; problems: { line: number; message: string }[] } {
  const records = parseCsv(csv.replace(/^\uFEFF/, ''));
  const problems: { line: number; message: string }[] = [];
  const rows: ArticleAnnotation[] = [];
  if (records.length === 0) return { rows, problems };
  const header = records[0].cells.map((h) => h.trim().toLowerCase());
  const missing = ['article', 'id', 'exact'].filter((c) => !header.includes(c));
  if (missing.length > 0) return { rows, problems: [{ line: 1, message: `header lacks the column(s) ${missing.join(', ')}` }] };
  for (const { line, cells } of records.slice(1)) {
    if (cells.length === 1 && cells[0] === '') continue;
    const get = (name: string) => uncell(cells[header.indexOf(name)] ?? '');
    const status = get('status').trim().toLowerCase().replace(/[\s_]+/g, '-');
    if (status !== '' && !isAnnotationStatus(status)) {
      problems.push({ line, message: `unknown status "${get('status')}" (${ANNOTATION_STATUSES.join(', ')})` });
      continue;
    }
    if (get('article') === '' || get('id') === '' || get('exact') === '') {
      problems.push({ line, message: 'article, id and exact must not be empty' });
      continue;
    }
    const int = (name: string) => (/^\d+$/.test(get(name)) ? Number(get(name)) : -1);
    const [start, end] = [int('start'), int('end')];
    rows.push({
      article: get('article'),
      annotation: {
        id: get('id'),
        status: status === '' ? null : (status as Annotation['status']),
        note: get('note'),
        source: get('source') || null,
        quote: { exact: get('exact'), prefix: get('prefix'), suffix: get('suffix') },
        start: end >= start ? start : -1,
        end: end >= start ? end : -1,
        created: get('created'),
        modified: get('modified') || get('created'),
      },
    });
  }
  return { rows, problems };
}

/** RFC 4180 records, each with the line it starts on. */
function parseCsv(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let value = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        value += c;
      }
    } else if (c === '"' && value === '') quoted = true;
    else if (c === ',') {
      cells.push(value);
      value = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(value);
      records.push({ line: recordLine, cells });
      cells = [];
      value = '';
      recordLine = ++line;
    } else value += c;
  }
  if (value !== '' || cells.length > 0) {
    cells.push(value);
    records.push({ line: recordLine, cells });
  }
  return records;
}
