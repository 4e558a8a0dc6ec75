import { contentEnd, middleStart } from './content';
import { spanOf, spanTrim, type Context, type FoundAttribution } from './context';
import { phraseAfter, phraseBefore, type Range } from './phrases';
import type { TextSpan } from '../types';

// Cues that are not verbs: "according to X", a name and a colon, a noun with its owner.

// What joins a noun cue to its content: "claim that …", "criticism of …", "support for …", "statement: …".
const NOUN_LEADS = new Set(['that', 'of', 'for', 'about', 'on', 'against', 'to', 'from', 'by']);

/** "according to X" (cue), X (source), the clause on the other side (content). */
export function accordingTo(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
  const { tokens, text } = ctx;
  const source = phraseAfter(tokens, k + 2, e);
  if (!source) return null;
  let content: TextSpan | null = null;
  if (k - s <= 1) {
    let i = source[1];
    while (i < e && tokens[i].text === ',') i++;
    if (i < e) content = spanTrim(text, tokens[i].start, contentEnd(ctx, i, e).end);
  } else {
    let j = k;
    while (j > s && tokens[j - 1].pos === 'PUNCT') j--;
    const afterSource = source[1] < e - 1 && tokens[source[1]].text === ',' ? contentEnd(ctx, source[1] + 1, e).end : j > s ? tokens[j - 1].end : -1;
    if (afterSource > 0) content = spanTrim(text, middleStart(ctx, s), afterSource);
  }
  return {
    source: spanOf(ctx, source[0], source[1]),
    sourceTokens: source,
    speaker: null,
    name: null,
    cue: spanOf(ctx, k, k + 2),
    content,
    strength: 'none',
    sentence,
    kind: 'speech',
    within: null,
  };
}

// Words of labels, which a colon follows without anyone speaking: "The Latest:", "Editor’s note:", "Question:".
const LABELS = new Set(
  'latest note question answer update updates name age city job pay editor follow watch read listen photo photos video related source sources correction disclosure exclusive breaking live transcript full text'.split(' '),
);

/** "Graham: Trump’s rhetoric is destroying the GOP": a name and a colon opening a sentence or headline. */
export function headlineColon(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
  const { tokens } = ctx;
  if (k + 2 >= e || /^\d/.test(tokens[k + 1].text) || /^\d/.test(tokens[k - 1].text)) return null;
  // A colon after a verb ("said:", "put it this way:") belongs to that verb's attribution.
  if (tokens[k - 1].pos === 'VERB') return null;
  const quoted = ctx.quoteOf[k + 1] >= 0;
  let from: number;
  let to = k;
  if (k - s <= 12) {
    // "Graham: …", "Gillibrand on Hillary’s speeches: …": the name before any preposition.
    from = s;
    while (from < k && (tokens[from].pos === 'PUNCT' || tokens[from].pos === 'CCONJ')) from++;
    for (let i = from; i < k; i++)
      if (tokens[i].pos === 'ADP' || tokens[i].pos === 'PART' && tokens[i].lower === 'to') {
        to = i;
        break;
      }
  } else if (quoted) {
    // "… doesn't surprise pollster Daron Shaw: “…”": the phrase right before the colon.
    const np = phraseBefore(tokens, k, s);
    if (!np) return null;
    [from, to] = np;
  } else return null;
  const src = tokens.slice(from, to);
  if (!src.length || !src.some((t) => t.pos === 'PROPN' || (t.pos === 'PRON' && /^(he|she|they)$/.test(t.lower)))) return null;
  // Labels are not speakers: "The Latest:", "Editor’s note:", "Question:", "Follow X on Twitter:".
  if (src[0].pos === 'DET' || src.some((t) => LABELS.has(t.lower) || t.pos === 'VERB')) return null;
  if (!src.every((t) => t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PRON' || t.lower === '’s' || t.lower === "'s" || t.text === '.' || t.text === '-' || /^\p{Lu}/u.test(t.text))) return null;
  const content = spanTrim(ctx.text, tokens[k + 1].start, contentEnd(ctx, k + 1, e).end);
  return { source: spanOf(ctx, from, to), sourceTokens: [from, to], speaker: null, name: null, cue: spanOf(ctx, k, k + 1), content, strength: 'none', sentence, kind: 'speech', within: null };
}

/**
 * A noun cue with its owner: "Trump’s claim that …", "his criticism of the deal", "a statement from the
 * White House: …". The owner is the source, the complement after that/of/for/about/: the content.
 */
export function nounCue(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
  const { tokens } = ctx;
  const next = tokens[k + 1];
  if (!next || !NOUN_LEADS.has(next.lower) && next.text !== ':' && ctx.quoteOf[k + 1] < 0) return null;
  let source: Range | null = null;
  const prev = tokens[k - 1];
  if (prev && /^(his|her|their|its)$/.test(prev.lower)) source = [k - 1, k];
  else if (prev && (prev.lower === '’s' || prev.lower === "'s") && k - 2 >= s) {
    let i = k - 2;
    while (i > s && (tokens[i - 1].pos === 'PROPN' || tokens[i - 1].text === '.' || tokens[i - 1].pos === 'NOUN' && /^\p{Lu}/u.test(tokens[i - 1].text))) i--;
    if (tokens[k - 2].pos === 'PROPN' || tokens[k - 2].pos === 'NOUN') source = [i, k - 1];
  } else if (next.lower === 'from' || next.lower === 'by') {
    source = phraseAfter(tokens, k + 2, e);
  }
  if (!source) return null;
  let i = source[0] > k ? source[1] : k + 1;
  while (i < e && (NOUN_LEADS.has(tokens[i].lower) || tokens[i].text === ':' || tokens[i].text === ',')) i++;
  if (i >= e - 1) return null;
  let j = i;
  while (j < e && tokens[j].text !== ',' && tokens[j].text !== ';' && tokens[j].text !== '—') j++;
  const end = ctx.quoteOf[i] >= 0 ? Math.max(ctx.quotes[ctx.quoteOf[i]].end, tokens[j - 1].end) : contentEnd(ctx, i, j).end;
  const content = spanTrim(ctx.text, tokens[i].start, end);
  if (!content) return null;
  return { source: spanOf(ctx, source[0], source[1]), sourceTokens: source, speaker: null, name: null, cue: spanOf(ctx, k, k + 1), content, strength: 'none', sentence, kind: 'speech', within: null };
}
