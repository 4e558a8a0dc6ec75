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
  /** Score below which a cue the rules found is dropped. */
  veto: number;
  /** Lemmas (and lower-cased words) that were part of a gold cue in training: only these, and the rules' cues, are scored. */
  words: string[];
  weights: Record<string, number>;
}

/** A cue model ready for scoring. */
export interface LoadedModel {
  bias: number;
  propose: number;
  veto: number;
  words: Set<string>;
  weights: Map<string, number>;
}

let loaded: LoadedModel | null = null;

/** The committed model, read once. */
export function cueModel(): LoadedModel {
  loaded ??= loadModel(model as CueModel);
  return loaded;
}

/** Turns a model as stored into the form used for scoring. */
export function loadModel(m: CueModel): LoadedModel {
  return { bias: m.bias, propose: m.propose, veto: m.veto, words: new Set(m.words), weights: new Map(Object.entries(m.weights)) };
}

/** What the rules made of each word of a sentence: 1 inside a cue, 2 the first word of a cue, 4 inside reported words, 8 inside a source. */
export function ruleMarks(ctx: Context, found: FoundAttribution[], s: number, e: number): Uint8Array {
  const marks = new Uint8Array(e - s);
  const { tokens } = ctx;
  for (const a of found) {
    for (let k = s; k < e; k++) {
      const t = tokens[k];
      if (t.start < a.cue.end && a.cue.start < t.end) marks[k - s] |= t.start <= a.cue.start ? 3 : 1;
      if (a.content && t.start < a.content.end && a.content.start < t.end) marks[k - s] |= 4;
      if (a.source && t.start < a.source.end && a.source.start < t.end) marks[k - s] |= 8;
    }
  }
  return marks;
}

/** Whether token `k` is worth scoring: a word seen in cues in training, or one the rules took for a cue. */
export function isCandidate(m: LoadedModel, ctx: Context, k: number, mark: number): boolean {
  const t = ctx.tokens[k];
  return (mark & 1) !== 0 || m.words.has(t.lemma) || m.words.has(t.lower);
}

const SHAPE_POS = new Set(['VERB', 'NOUN', 'ADJ', 'ADP', 'AUX', 'PROPN', 'PRON', 'PART', 'SCONJ']);

/** The features of token `k` in the sentence [s, e), given the rules' marks for that sentence. */
export function cueFeatures(ctx: Context, k: number, s: number, e: number, marks: Uint8Array): string[] {
  const { tokens } = ctx;
  const t = tokens[k];
  const prev = k > s ? tokens[k - 1] : null;
  const prev2 = k - 1 > s ? tokens[k - 2] : null;
  const next = k + 1 < e ? tokens[k + 1] : null;
  const next2 = k + 2 < e ? tokens[k + 2] : null;
  const mark = marks[k - s];
  const pp = prev?.pos ?? '<s>';
  const np = next?.pos ?? '</s>';
  const lexicon = ctx.speech.has(t.lemma) ? 'speech' : ctx.belief.has(t.lemma) ? 'belief' : ctx.nouns.has(t.lemma) ? 'noun' : 'none';
  const f = [
    `l=${t.lemma}`,
    `w=${t.lower}`,
    `p=${t.pos}`,
    `lp=${t.lemma}|${t.pos}`,
    `x=${lexicon}|${t.pos}`,
    `r=${mark & 3}`,
    `rc=${(mark >> 2) & 3}`,
    `r|l=${mark & 3}|${t.lemma}`,
    `r|p=${mark & 3}|${t.pos}`,
    `rc|l=${(mark >> 2) & 3}|${t.lemma}`,
    `p-1=${pp}`,
    `p+1=${np}`,
    `p-1p=${pp}|${t.pos}`,
    `pp+1=${t.pos}|${np}`,
    `w-1=${prev?.lower ?? '<s>'}`,
    `w+1=${next?.lower ?? '</s>'}`,
    `l|w+1=${t.lemma}|${next?.lower ?? '</s>'}`,
    `w-1|l=${prev?.lower ?? '<s>'}|${t.lemma}`,
    `l|p+1=${t.lemma}|${np}`,
    `p-1|l=${pp}|${t.lemma}`,
    `w+2=${next2?.lower ?? '</s>'}`,
    `w-2=${prev2?.lower ?? '<s>'}`,
    `l|w+2=${t.lemma}|${next2?.lower ?? '</s>'}`,
    `sfx=${t.lower.slice(-3)}|${t.pos}`,
    `q=${ctx.quoteOf[k] >= 0 ? 1 : 0}`,
    `q|l=${ctx.quoteOf[k] >= 0 ? 1 : 0}|${t.lemma}`,
    `at=${k === s ? 'first' : k === e - 1 ? 'last' : k - s < 4 ? 'early' : e - k < 4 ? 'late' : 'mid'}`,
    `cap=${t.text.charCodeAt(0) !== t.lower.charCodeAt(0) ? 1 : 0}|${t.pos}`,
  ];
  // Quotes near the word: "…,” she said", "said: “…”".
  let quoteBefore = 0;
  for (let j = k - 1; j >= Math.max(s, k - 4); j--) if (ctx.quoteEnds.has(tokens[j].end) && tokens[j].pos === 'PUNCT') quoteBefore = k - j;
  let quoteAfter = 0;
  for (let j = k + 1; j < Math.min(e, k + 5); j++) if (ctx.quoteOf[j] >= 0 && ctx.quoteOf[k] < 0) {
    quoteAfter = j - k;
    break;
  }
  f.push(`qb=${quoteBefore}`, `qa=${quoteAfter}`, `qb|l=${quoteBefore > 0 ? 1 : 0}|${t.lemma}`);
  // The words around in outline: what comes before the subject and after the verb.
  let that = 0;
  for (let j = k + 1; j < Math.min(e, k + 6); j++) if (tokens[j].lower === 'that' || tokens[j].text === ':') {
    that = j - k;
    break;
  }
  f.push(`that=${that}`, `that|l=${that > 0 ? 1 : 0}|${t.lemma}`);
  const shape: string[] = [];
  for (let j = Math.max(s, k - 2); j < Math.min(e, k + 3); j++) if (j !== k) shape.push(SHAPE_POS.has(tokens[j].pos) ? tokens[j].pos : tokens[j].text.length === 1 ? tokens[j].text : 'O');
  f.push(`shape=${shape.join(' ')}|${t.pos}`);
  return f;
}

/** The model's score (log-odds) of a word being part of a cue, from its features. */
export function cueScore(m: LoadedModel, features: string[]): number {
  let z = m.bias;
  for (const f of features) z += m.weights.get(f) ?? 0;
  return z;
}
