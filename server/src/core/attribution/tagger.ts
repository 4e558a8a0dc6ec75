import type { Context, FoundAttribution } from './context';
import model from './cueModel.json';

// A learned cue tagger: a logistic regression over sparse features of each word (its lemma, part of speech,
// neighbours, quotes nearby, what the rules made of it), fitted on PolNeAR's training articles by
// scripts/fit-cues.ts. The rules find the common cues exactly; the tagger scores every word that has ever been
// part of a cue there, so the rules can be given the long tail of phrasings they do not list ("plans to",
// "emailed", "in a poll") and their doubtful finds can be checked.

/** A fitted cue model: feature weights, and which words are worth scoring at all. */
export interface CueModel {
  bias: number;
  /** Score at or above which a word the rules passed over is proposed as a cue. */
  propose: number;
  /** How much more a word the rules have judged (a lexicon verb, a colon) must score to be proposed all the same. */
  margin: number;
  /** Lemmas (and lower-cased words) that were part of a gold cue in training: only these, and the rules' cues, are scored. */
  words: string[];
  /**
   * Weights by feature family, then value, then (for features of two values) second value:
   * { "l": { "say": 2.1 }, "l|w+1": { "call": { "for": 1.3 } } }.
   */
  weights: Record<string, Record<string, number | Record<string, number>>>;
}

type Weights = Map<string, number | Map<string, number>>;

/** A cue model ready for scoring. */
export interface LoadedModel {
  bias: number;
  propose: number;
  margin: number;
  words: Set<string>;
  /** The weights of each family of FAMILIES, in that order. */
  slots: (Weights | undefined)[];
}

let loaded: LoadedModel | null = null;

/** The committed model, read once. */
export function cueModel(): LoadedModel {
  loaded ??= loadModel(model as CueModel);
  return loaded;
}

/** Turns a model as stored into the form used for scoring (nested maps: the values looked up are the tokens' own strings). */
export function loadModel(m: CueModel): LoadedModel {
  const slots = FAMILIES.map((family) => {
    const values = m.weights[family];
    if (!values) return undefined;
    const inner: Weights = new Map();
    for (const [a, w] of Object.entries(values)) inner.set(a, typeof w === 'number' ? w : new Map(Object.entries(w)));
    return inner;
  });
  return { bias: m.bias, propose: m.propose, margin: m.margin, words: new Set(m.words), slots };
}

/** What the rules made of each word of a sentence (from found[first…]): 1 inside a cue, 2 the first word of a cue, 4 inside reported words, 8 inside a source. */
export function ruleMarks(ctx: Context, found: FoundAttribution[], first: number, s: number, e: number): Uint8Array {
  const marks = new Uint8Array(e - s);
  const { tokens } = ctx;
  for (let x = first; x < found.length; x++) {
    const a = found[x];
    for (let k = s; k < e; k++) {
      const t = tokens[k];
      if (t.start < a.cue.end && a.cue.start < t.end) marks[k - s] |= t.start <= a.cue.start ? 3 : 1;
      if (a.content && t.start < a.content.end && a.content.start < t.end) marks[k - s] |= 4;
      if (a.source && t.start < a.source.end && a.source.start < t.end) marks[k - s] |= 8;
    }
  }
  return marks;
}

/** Whether token `k` is worth scoring: a word seen in cues in training that the rules did not take for a cue already. */
export function isCandidate(m: LoadedModel, ctx: Context, k: number, mark: number): boolean {
  if ((mark & 1) !== 0) return false;
  // Words inside quotation marks are someone's words, not the article's cue (and were almost never one in training).
  if (ctx.quoteOf[k] >= 0) return false;
  const t = ctx.tokens[k];
  return m.words.has(t.lemma) || m.words.has(t.lower);
}

/** The feature families, in the order cueFeatures writes their values. */
export const FAMILIES = ['l', 'w', 'lp', 'rn', 'rc', 'rn|l', 'rn|p', 'rc|l', 'p-1p', 'pp+1', 'w-1', 'w+1', 'w-2', 'w+2', 'l|w+1', 'w-1|l', 'l|p+1', 'p-1|l', 'sfx', 'qb|l', 'that|l', 'shape', 'sp|p', 'sp|l'] as const;

const SHAPE_POS = new Set(['VERB', 'NOUN', 'ADJ', 'ADP', 'AUX', 'PROPN', 'PRON', 'PART', 'SCONJ']);
// Small numbers as strings made once, so that features allocate nothing for them.
const N = Array.from({ length: 16 }, (_, i) => String(i));
const LEFT = ['', 'L1', 'L2', 'L3'];
const RIGHT = ['', 'R1', 'R2', 'R3'];

/**
 * Writes the features of token `k` in the sentence [s, e), given the rules' marks for that sentence, into `values`:
 * for the i-th family of FAMILIES, its value at 2i and its second value (or "") at 2i + 1. Nothing is allocated
 * for values that are the tokens' own strings.
 */
export function cueFeatures(ctx: Context, k: number, s: number, e: number, marks: Uint8Array, values: string[]): void {
  written = values;
  at = 0;
  const { tokens } = ctx;
  const t = tokens[k];
  const prev = k > s ? tokens[k - 1] : null;
  const next = k + 1 < e ? tokens[k + 1] : null;
  const mark = marks[k - s];
  const pp = prev?.pos ?? '<s>';
  const np = next?.pos ?? '</s>';
  const pw = prev?.lower ?? '<s>';
  const nw = next?.lower ?? '</s>';
  // The nearest cue the rules found in the sentence, by side and distance: "L1" right before, "R2" two words after.
  let near = 'none';
  for (let d = 1; d <= 3; d++) {
    if (k - d >= s && (marks[k - d - s] & 1) !== 0) {
      near = LEFT[d];
      break;
    }
    if (k + d < e && (marks[k + d - s] & 1) !== 0) {
      near = RIGHT[d];
      break;
    }
  }
  const rc = N[(mark >> 2) & 3];
  visit(t.lemma, '');
  visit(t.lower, '');
  visit(t.lemma, t.pos);
  visit(near, '');
  visit(rc, '');
  visit(near, t.lemma);
  visit(near, t.pos);
  visit(rc, t.lemma);
  visit(pp, t.pos);
  visit(t.pos, np);
  visit(pw, '');
  visit(nw, '');
  visit(k - 1 > s ? tokens[k - 2].lower : '<s>', '');
  visit(k + 2 < e ? tokens[k + 2].lower : '</s>', '');
  visit(t.lemma, nw);
  visit(pw, t.lemma);
  visit(t.lemma, np);
  visit(pp, t.lemma);
  visit(t.lower.length > 3 ? t.lower.slice(-3) : t.lower, t.pos);
  // A quote closing right before the word: "…,” she said".
  let quoteBefore = 0;
  for (let j = k - 1; j >= Math.max(s, k - 4); j--) if (ctx.quoteEnds.has(tokens[j].end) && tokens[j].pos === 'PUNCT') quoteBefore = k - j;
  visit(quoteBefore > 0 ? '1' : '0', t.lemma);
  // A complement announced soon after: "said that …", "told reporters: …".
  let that = 0;
  for (let j = k + 1; j < Math.min(e, k + 6); j++) if (tokens[j].lower === 'that' || tokens[j].text === ':') {
    that = j - k;
    break;
  }
  visit(that > 0 ? '1' : '0', t.lemma);
  // The words around in outline: parts of speech, punctuation as itself.
  let shape = '';
  for (let j = Math.max(s, k - 2); j < Math.min(e, k + 3); j++) if (j !== k) shape += (SHAPE_POS.has(tokens[j].pos) ? tokens[j].pos : tokens[j].text.length === 1 ? tokens[j].text : 'O') + ' ';
  visit(shape, t.pos);
  // Who would be speaking: the word before, past auxiliaries, adverbs and negation ("Trump has long argued").
  let j = k - 1;
  while (j >= s && (tokens[j].pos === 'AUX' || tokens[j].pos === 'ADV' || tokens[j].pos === 'PART')) j--;
  const subject = j >= s ? (tokens[j].pos === 'PUNCT' ? tokens[j].text : tokens[j].pos) : '<s>';
  visit(subject, t.pos);
  visit(subject, t.lemma);
}

// Where visit() writes: module state rather than a closure, which would be made anew for every word scored.
let written: string[] = [];
let at = 0;
function visit(a: string, b: string): void {
  written[at++] = a;
  written[at++] = b;
}

/** The model's score (log-odds) of token `k` being part of a cue. */
export function cueScore(m: LoadedModel, ctx: Context, k: number, s: number, e: number, marks: Uint8Array): number {
  cueFeatures(ctx, k, s, e, marks, VALUES);
  let z = m.bias;
  const slots = m.slots;
  for (let i = 0; i < slots.length; i++) {
    const w = slots[i]?.get(VALUES[2 * i]);
    if (w === undefined) continue;
    z += typeof w === 'number' ? w : (w.get(VALUES[2 * i + 1]) ?? 0);
  }
  return z;
}

const VALUES: string[] = new Array(2 * FAMILIES.length).fill('');
