// What the comparison knows about words beyond their spelling: which only say when (time words, weak evidence
// either way; months are dates, which are facts), and which share a WordNet concept ("buy"/"purchase").
// (Negations are flagged by the tokenizer, on the surface word: "noted" must not stem to "not".)
// Looked up by stem and cached per term id of one corpus's vocabulary.
import type { Vocabulary } from '../corpus/vocabulary';
import { stem } from '../corpus/terms';
import synonyms from './synonyms.json';

const TIME = 2;
const MONTH = 4;
const KNOWN = 128;

const MONTH_STEMS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'
    .split(' ')
    .map(stem),
);
const TIME_STEMS = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow tonight week month year ' +
    'morning afternoon evening night last earlier later recent now weekend overnight ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec')
    .split(' ')
    .map(stem),
);

let conceptTable: Map<string, number[]> | undefined;
function concepts(): Map<string, number[]> {
  if (!conceptTable) {
    conceptTable = new Map();
    for (const entry of synonyms.entries.split('|')) {
      const [s, ...ids] = entry.split(' ');
      conceptTable.set(s, ids.map((x) => parseInt(x, 36)));
    }
  }
  return conceptTable;
}

const NONE: readonly number[] = [];

/** Word classes and concepts of a vocabulary's terms. */
export class Lexicon {
  private classes = new Uint8Array(1024);
  private readonly conceptCache: (readonly number[] | undefined)[] = [];

  constructor(private readonly vocabulary: Vocabulary) {}

  private classOf(term: number): number {
    if (term < 0 || term >= this.vocabulary.size) return 0;
    if (term >= this.classes.length) {
      const next = new Uint8Array(Math.max(term + 1, this.classes.length * 2));
      next.set(this.classes);
      this.classes = next;
    }
    let c = this.classes[term];
    if (c === 0) {
      const s = this.vocabulary.stems[term];
      c = KNOWN | (TIME_STEMS.has(s) ? TIME : 0) | (MONTH_STEMS.has(s) ? MONTH : 0);
      this.classes[term] = c;
    }
    return c;
  }

  /** Weekdays, months, "yesterday": when, not what. */
  isTime(term: number): boolean {
    return (this.classOf(term) & TIME) !== 0;
  }

  /** Month names: a date, which is a fact. */
  isMonth(term: number): boolean {
    return (this.classOf(term) & MONTH) !== 0;
  }

  /** WordNet concepts of a term (empty for most). */
  concepts(term: number): readonly number[] {
    if (term < 0 || term >= this.vocabulary.size) return NONE;
    let c = this.conceptCache[term];
    if (c === undefined) {
      c = concepts().get(this.vocabulary.stems[term]) ?? NONE;
      this.conceptCache[term] = c;
    }
    return c;
  }
}
