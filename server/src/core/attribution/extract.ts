import type { Token } from '../text/tokens';
import type { Attribution, Quote, Sentence, TextSpan } from '../types';
import { CUE_PARTICLES, HEARER_VERBS, cueLexicon, type CueLexicon } from './cues';
import { phraseAfter, phraseBefore, type Range } from './phrases';

/** Options of attribution extraction. */
export interface AttributionOptions {
  /** Replaces lists of the default cue lexicon (each kind given replaces that kind). */
  cues?: Partial<CueLexicon>;
}

/** An attribution before speakers are resolved: token ranges kept for resolution. */
export interface FoundAttribution extends Attribution {
  sourceTokens: Range | null;
}

interface Context {
  text: string;
  tokens: Token[];
  quotes: Quote[];
  /** Per token: index of the quote it lies in, or -1. */
  quoteOf: Int32Array;
  quoteEnds: Set<number>;
  speech: Set<string>;
  belief: Set<string>;
  nouns: Set<string>;
}

const SAY_LIKE_PARTICIPLE = /ing$/;
// "by saying", "while saying", "after saying": a participle that shares the subject of the main clause.
const PARTICIPLE_LEADS = new Set(['by', 'while', 'after', 'before', 'when', 'in', 'without', 'since']);
// What joins a noun cue to its content: "claim that …", "criticism of …", "support for …", "statement: …".
const NOUN_LEADS = new Set(['that', 'of', 'for', 'about', 'on', 'against', 'to', 'from', 'by']);
const TRAILING_CLAUSE = new Set(['as', 'when', 'while', 'according', 'in', 'during', 'before', 'after', 'though', 'although', 'because', 'then']);
// Verbs that come before their subject after a quote or a clause: "…,” said Moon.
const INVERTIBLE = new Set(
  'say add write tweet note explain continue ask insist argue recall reply respond declare warn conclude observe remark joke quip answer counter concede admit acknowledge state report claim suggest predict announce complain wonder'.split(' '),
);
const TIME_NOUN = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last|this|earlier|later)$/i;
// Verbs that are cues only with their particle: "talked about", "spoke of".
const PARTICLE_ONLY = new Set(['talk', 'speak', 'weigh', 'come', 'lash', 'sign']); // in case a user's lexicon lists them
// Verbs that report an impression rather than a source: cues without a source.
const EVIDENTIAL = new Set(['seem', 'appear', 'sound']);
const BE_FORMS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', '’s', "'s", 'am']);
const CONTENT_LEADS = new Set(['that', ':']);
const CLAUSE_SKIP_ADP = new Set(['on', 'in', 'at', 'during', 'via', 'through', 'from', 'after', 'before', 'while', 'last', 'this', 'earlier', 'late', 'over', 'with', 'to', 'by']);

/** Finds (source, cue, content) triples, direct and indirect, sentence by sentence. */
export function extractAttributions(
  text: string,
  sentences: Sentence[],
  tokens: Token[],
  quotes: Quote[],
  options: AttributionOptions = {},
): FoundAttribution[] {
  const lexicon = cueLexicon(options.cues);
  const ctx: Context = {
    text,
    tokens,
    quotes,
    quoteOf: quoteIndex(tokens, quotes),
    quoteEnds: new Set(quotes.map((q) => q.end)),
    speech: new Set(lexicon.speech),
    belief: new Set(lexicon.belief),
    nouns: new Set(lexicon.nouns),
  };
  const out: FoundAttribution[] = [];
  let t = 0;
  for (let si = 0; si < sentences.length; si++) {
    while (t < tokens.length && tokens[t].sentence < si) t++;
    let end = t;
    while (end < tokens.length && tokens[end].sentence === si) end++;
    const first = out.length;
    for (let k = t; k < end; k++) {
      const a = cueAt(ctx, k, t, end, si, out, first);
      if (a) out.push(a);
    }
    splitCoordinated(ctx, out, first, t, end);
    t = end;
  }
  return out;
}

/**
 * "Clinton called for more troops and proposed a safe zone", "… while Sanders suggests …": the words
 * reported by one cue stop where a coordinated clause with a cue of its own begins.
 */
function splitCoordinated(ctx: Context, out: FoundAttribution[], first: number, s: number, e: number): void {
  const { tokens, text } = ctx;
  // Words reported before a cue ("…, but Cook did not say when") begin after an earlier attribution's own words.
  for (let x = first; x < out.length; x++) {
    const b = out[x];
    if (!b.content || b.content.end > b.cue.start) continue;
    for (let y = first; y < x; y++) {
      const a = out[y];
      if (!b.content) break;
      if (a.cue.start < b.content.start || a.cue.start >= b.content.end) continue;
      // Only when that attribution opens the words ("Cook said …, but Cook did not say when"), not when it sits inside them.
      const aStart = a.source && a.source.start < a.cue.start ? a.source.start : a.cue.start;
      if (aStart > b.content.start) continue;
      let start = Math.max(a.cue.end, a.content && a.content.start > a.cue.start ? a.content.end : a.cue.end);
      while (start < b.content.end && /[\s,;]/.test(text[start])) start++;
      const m = /^(but|and|while|whereas|yet|so)\b\s*/i.exec(text.slice(start, b.content.end));
      if (m) start += m[0].length;
      if (start < b.content.end) b.content = { start, end: b.content.end, text: text.slice(start, b.content.end) };
      else b.content = null;
    }
  }
  for (let x = first; x < out.length; x++) {
    const a = out[x];
    if (!a.content || a.content.start < a.cue.end) continue;
    for (let y = first; y < out.length; y++) {
      const b = out[y];
      if (y === x || b.cue.start <= a.cue.end) continue;
      const blockStart = b.source && b.source.start > a.cue.end ? Math.min(b.source.start, b.cue.start) : b.cue.start;
      if (blockStart <= a.content.start || blockStart >= a.content.end) continue;
      let k = s;
      while (k < e && tokens[k].start < blockStart) k++;
      let j = k - 1;
      while (j > s && tokens[j].pos === 'ADV') j--;
      const joiner = tokens[j];
      if (!joiner || !(joiner.pos === 'CCONJ' || joiner.text === ',' || joiner.text === ';' || /^(while|whereas|but)$/.test(joiner.lower))) continue;
      let end = joiner.start;
      if (tokens[j - 1]?.text === ',') end = tokens[j - 1].start;
      while (end > a.content.start && /\s/.test(text[end - 1])) end--;
      if (end > a.content.start) a.content = { start: a.content.start, end, text: text.slice(a.content.start, end) };
    }
  }
}

function quoteIndex(tokens: Token[], quotes: Quote[]): Int32Array {
  const of = new Int32Array(tokens.length).fill(-1);
  let q = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (q < quotes.length && quotes[q].end <= tokens[i].start) q++;
    if (q < quotes.length && quotes[q].start <= tokens[i].start) of[i] = q;
  }
  return of;
}

/** The attribution whose cue is token `k` of the sentence [s, e), if it is one. */
function cueAt(ctx: Context, k: number, s: number, e: number, sentence: number, out: FoundAttribution[], firstInSentence: number): FoundAttribution | null {
  const { tokens } = ctx;
  const tok = tokens[k];
  if (ctx.quoteOf[k] >= 0) return null;
  if (tok.lower === 'according' && tokens[k + 1]?.lower === 'to') return accordingTo(ctx, k, s, e, sentence);
  if (tok.text === ':' && k > s) return headlineColon(ctx, k, s, e, sentence);
  if (tok.pos === 'NOUN' && ctx.nouns.has(tok.lemma)) {
    const noun = nounCue(ctx, k, s, e, sentence);
    if (noun) return noun;
  }
  const speech = ctx.speech.has(tok.lemma);
  if (!speech && !ctx.belief.has(tok.lemma)) return null;
  if (tok.pos !== 'VERB' && !taggedAsNounButVerb(tokens, k, s, e)) return null;
  if (PARTICLE_ONLY.has(tok.lemma) && !CUE_PARTICLES[tok.lemma]?.includes(tokens[k + 1]?.lower ?? '')) return null;
  // "Asked about the letter, Sanders said …": the opening participle is a cue of its own, without a source.
  if (k === s && /ed$/.test(tok.lower) && speech && (tokens[k + 1]?.pos === 'ADP' || tokens[k + 1]?.lower === 'whether' || tokens[k + 1]?.lower === 'if')) {
    let j = k + 1;
    while (j < e && tokens[j].text !== ',') j++;
    if (j < e && j > k + 1) return { source: null, sourceTokens: null, speaker: null, name: null, cue: spanOf(ctx, k, k + 1), content: spanOf(ctx, k + 1, j), strength: 'none', sentence, kind: 'speech', within: null };
  }

  // The cue: the verb with the auxiliaries and negation right before it, and a particle right after.
  let cs = k;
  while (cs > s && (tokens[cs - 1].pos === 'AUX' || tokens[cs - 1].lower === 'not' || tokens[cs - 1].lower === 'n’t')) cs--;
  let ce = k + 1;
  const particles = CUE_PARTICLES[tok.lemma];
  if (particles && ce < e && particles.includes(tokens[ce].lower)) ce++;
  let aux = k;
  while (aux > s && (tokens[aux - 1].pos === 'AUX' || tokens[aux - 1].pos === 'ADV' || tokens[aux - 1].pos === 'PART')) aux--;
  const passive = /(ed|en|wn|ld|id|ught)$/.test(tok.lower) && tokens.slice(aux, k).some((t) => BE_FORMS.has(t.lower));
  if (isInfinitiveOrModifier(tokens, k, s)) return null;

  // Who: a phrase before the cue, or after it when the cue follows a quote or a comma ("…,” said Moon).
  let source: Range | null = null;
  let inverted = false;
  const prev = tokens[cs - 1];
  const afterQuote = cs > s && isCloseQuote(ctx, cs - 1);
  const afterComma = prev?.text === ',' && cs - s >= 3 && !phraseBefore(tokens, cs, s);
  const afterSentenceQuote = cs === s && isCloseQuote(ctx, cs - 1);
  if (INVERTIBLE.has(tok.lemma) && !passive && (afterSentenceQuote || afterQuote || afterComma)) {
    const after = phraseAfter(tokens, ce, e);
    if (after && !TIME_NOUN.test(tokens[after[0]].text) && endsClauseOrCloses(tokens, after[1], e)) {
      source = after;
      inverted = true;
    }
  }
  // The word before the verb once adverbs are set aside: "and then said", ", then says".
  let before = cs - 1;
  while (before > s && tokens[before].pos === 'ADV') before--;
  const joiner = tokens[before];
  const participle = SAY_LIKE_PARTICIPLE.test(tok.lower) && !!joiner && (joiner.text === ',' || PARTICIPLE_LEADS.has(joiner.lower) || isCloseQuote(ctx, before));
  const shared = !source && before >= s && (participle || joiner?.pos === 'CCONJ' || (joiner?.text === ',' && before < cs - 1));
  if (!source && !passive) {
    if (shared) {
      // "…, Sanders said, adding …", "Graham called … and said …": the verb shares the subject of its clause.
      const lastHere = out.length > firstInSentence ? out[out.length - 1] : null;
      source = lastHere?.sourceTokens ?? phraseBefore(tokens, firstVerbIndex(tokens, s, cs), s);
    } else {
      source = phraseBefore(tokens, cs, s);
    }
  }
  if (passive && !source) {
    // "was told by aides", "is quoted by": the agent after "by".
    if (tokens[ce]?.lower === 'by') source = phraseAfter(tokens, ce + 1, e);
    // Without an agent, only a passive that reports words credits them: "it was reported that …",
    // "he is said to be …", "was quoted as saying"; not "has been criticised for being vague".
    const next = tokens[ce];
    const reports = !!next && (next.lower === 'that' || next.lower === 'as' || next.text === ':' || (next.lower === 'to' && tokens[ce + 1]?.pos === 'VERB') || ctx.quoteOf[ce] >= 0);
    if (!source && !reports) return null;
  }
  // "Trump seemed to …", "it appears that …": evidentials credit no one in particular.
  if (EVIDENTIAL.has(tok.lemma)) source = null;
  else if (!source && !passive) return null;
  if (source && tokens[source[0]].lower === 'it' && source[1] - source[0] === 1 && !speech) return null;

  const blockStart = Math.min(cs, source ? source[0] : cs);
  const blockEnd = Math.max(ce, source && inverted ? source[1] : ce);
  let content = contentAround(ctx, tok, blockStart, blockEnd, s, e, speech, shared);
  if (!speech && !content) return null;
  if (!speech && content && !hasComplement(ctx, tok, ce, e)) content = null;
  if (EVIDENTIAL.has(tok.lemma) && !content) return null;
  if (!speech && !content) return null;
  if (speech && !content && !source) return null;
  return {
    source: source ? spanOf(ctx, source[0], source[1]) : null,
    sourceTokens: source,
    speaker: null,
    name: null,
    cue: spanOf(ctx, cs, ce),
    content,
    strength: 'none',
    sentence,
    kind: speech ? 'speech' : 'thought',
    within: null,
  };
}

/**
 * A noun cue with its owner: "Trump’s claim that …", "his criticism of the deal", "a statement from the
 * White House: …". The owner is the source, the complement after that/of/for/about/: the content.
 */
function nounCue(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
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

/** "Viguerie notes that …": the tagger read a verb as a noun; trust the lemma when a subject precedes and a complement follows. */
function taggedAsNounButVerb(tokens: Token[], k: number, s: number, e: number): boolean {
  const t = tokens[k];
  if (t.pos !== 'NOUN' || k <= s || k + 1 >= e) return false;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  // "Viguerie notes", "he says"; a base form only after a plural subject ("Others call it", "64 percent call him").
  const inflected = /(s|ed)$/.test(t.lower);
  const singular = prev.pos === 'PROPN' || (prev.pos === 'PRON' && /^(he|she|it|who)$/.test(prev.lower));
  const plural = (prev.pos === 'NOUN' && /s$/.test(prev.lower)) || /^(they|we|i|you|who|others|percent)$/.test(prev.lower);
  const subject = (inflected && singular) || (!inflected && plural) || (inflected && /ed$/.test(t.lower) && plural);
  const complement = next.lower === 'that' || next.text === ':' || next.text === ',' || next.text === '“' || next.text === '"' || next.pos === 'PRON' || next.pos === 'DET' || next.pos === 'PROPN';
  return subject && complement;
}

/** "Graham: Trump’s rhetoric is destroying the GOP": a name and a colon opening a sentence or headline. */
function headlineColon(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
  const { tokens } = ctx;
  if (k + 2 >= e || /^\d/.test(tokens[k + 1].text) || /^\d/.test(tokens[k - 1].text)) return null;
  // A colon after a verb ("said:", "put it this way:") belongs to that verb's attribution.
  if (tokens[k - 1].pos === 'VERB') return null;
  const quoted = ctx.quoteOf[k + 1] >= 0;
  let from: number;
  let to = k;
  if (k - s <= 8) {
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
  if (!src.every((t) => t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PRON' || t.lower === '’s' || t.lower === "'s" || t.text === '.' || t.text === '-' || /^\p{Lu}/u.test(t.text))) return null;
  const content = spanTrim(ctx.text, tokens[k + 1].start, contentEnd(ctx, k + 1, e).end);
  return { source: spanOf(ctx, from, to), sourceTokens: [from, to], speaker: null, name: null, cue: spanOf(ctx, k, k + 1), content, strength: 'none', sentence, kind: 'speech', within: null };
}

/** "to say", "so-called", "the said": verbs that are not predicates of a subject. */
function isInfinitiveOrModifier(tokens: Token[], k: number, s: number): boolean {
  const prev = tokens[k - 1];
  if (!prev || k <= s) return false;
  if (prev.lower === 'to' && tokens[k].lower === tokens[k].lemma) return !/^(want|expect|hope|seem|appear|plan|need)$/.test(tokens[k - 2]?.lemma ?? '') && tokens[k - 2]?.pos !== 'AUX';
  if (prev.pos === 'DET' || prev.text === '-') return true;
  return false;
}

/** Whether token `i` is the closing mark of a quote (whatever its glyph). */
function isCloseQuote(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i];
  return !!t && t.pos === 'PUNCT' && ctx.quoteEnds.has(t.end);
}

/** After an inverted source, the clause must end (comma, period, quote) or carry an adverbial ("said Moon on Tuesday"). */
function endsClauseOrCloses(tokens: Token[], j: number, e: number): boolean {
  if (j >= e) return true;
  const t = tokens[j];
  return t.pos === 'PUNCT' || t.pos === 'ADP' || t.pos === 'ADV' || t.pos === 'SCONJ' || (t.pos === 'PROPN' && /day$/i.test(t.text));
}

function firstVerbIndex(tokens: Token[], s: number, limit: number): number {
  for (let i = s; i < limit; i++) if (tokens[i].pos === 'VERB' || tokens[i].pos === 'AUX') return i;
  return limit;
}

/** A complement that makes a belief verb report someone's mind: "that …", "to …", a clause, a quote, an object for support-like verbs. */
function hasComplement(ctx: Context, verb: Token, ce: number, e: number): boolean {
  const { tokens } = ctx;
  let i = ce;
  while (i < e && tokens[i].pos === 'ADV') i++;
  const t = tokens[i];
  if (!t) return false;
  if (t.lower === 'that' || t.text === ':' || t.lower === 'whether' || t.lower === 'if' || ctx.quoteOf[i] >= 0) return true;
  if (t.lower === 'to' && tokens[i + 1]?.pos === 'VERB') return true;
  if (/^(support|back|champion|advocate|favor|push|press|prefer|endorse|oppose|see|regard|view|consider|deem|show|reveal|suggest)$/.test(verb.lemma))
    return t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'DET' || t.pos === 'PRON' || t.pos === 'ADJ' || t.pos === 'ADP';
  // A clause: a subject followed soon by a verb ("believes Trump is …", "want him to …").
  if (t.pos === 'PRON' || t.pos === 'PROPN' || t.pos === 'DET' || t.pos === 'NOUN') {
    for (let j = i + 1; j < Math.min(e, i + 7); j++) {
      if (tokens[j].pos === 'AUX' || tokens[j].pos === 'VERB') return true;
      if (tokens[j].lower === 'to' && tokens[j + 1]?.pos === 'VERB') return true;
      if (tokens[j].pos === 'PUNCT') break;
    }
  }
  return false;
}

/** The reported words: an adjacent quote, the clause after the cue, or the clause before it. */
function contentAround(ctx: Context, verb: Token, bs: number, be: number, s: number, e: number, speech: boolean, shared: boolean): TextSpan | null {
  const { tokens, text } = ctx;
  // “…,” Sanders said / “…,” said Moon: the quote right before the block (it may start sentences earlier).
  // A verb sharing its subject ("…,” she said, adding …") reports what follows it instead.
  const before = shared ? null : quoteJustBefore(ctx, bs);
  if (before) return quoteSpan(text, before);
  // Skip the hearer ("told reporters"), adverbials ("on Monday", "in a statement") and "that".
  let i = be;
  // The hearer ("told reporters", "asked him"), unless a particle made the object the content ("asked for a meeting")
  // or nothing would be left after it.
  if (HEARER_VERBS.has(verb.lemma) && i < e && tokens[i - 1] === verb) {
    const hearer = phraseAfter(tokens, i, e);
    const rest = hearer ? e - hearer[1] : 0;
    const next = hearer ? tokens[hearer[1]] : undefined;
    if (hearer && rest >= 3 && next && next.lower !== 'is' && next.pos !== 'VERB' && (next.pos !== 'AUX' || tokens[hearer[0]].pos === 'PRON')) i = hearer[1];
  }
  const lead = leadTo(tokens, i, e, ctx.quoteOf);
  if (lead >= 0) i = lead;
  // "said on Monday the United States …": the time of saying is not part of what was said.
  i = skipTime(tokens, i, e);
  while (i < e && (tokens[i].text === ',' || tokens[i].text === ':')) i++;
  const afterEnd = contentEnd(ctx, i, e);
  const afterTokens = afterEnd.tokens;
  const blockAtEnd = afterTokens < 3 || onlyAdverbial(tokens, i, e);
  if (i < e && (!blockAtEnd || lead >= 0)) {
    // A clause in the middle of reported words ("A, X said, B"): take both sides.
    const start = tokens[bs - 1]?.text === ',' && tokens[be]?.text === ',' && bs - s >= 3 && lead < 0 ? middleStart(ctx, s) : tokens[i].start;
    return spanTrim(text, start, afterEnd.end);
  }
  // "…, sources said": the words before, but only when a comma, dash or quote sets the block off from them.
  const setOff = tokens[bs - 1] && (/^[,:;—–-]$/.test(tokens[bs - 1].text) || isCloseQuote(ctx, bs - 1));
  if (bs - s >= 2 && setOff) {
    let j = bs;
    while (j > s && (tokens[j - 1].pos === 'PUNCT' && !isCloseQuote(ctx, j - 1))) j--;
    if (j <= s) return null;
    return spanTrim(text, middleStart(ctx, s), tokens[j - 1].end);
  }
  if (!speech) return null;
  return null;
}

function skipTime(tokens: Token[], i: number, e: number): number {
  let j = i;
  if (j < e && /^(on|last|this|late|early)$/.test(tokens[j].lower)) j++;
  if (j < e && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|overnight|week|night|morning)$/i.test(tokens[j].text)) {
    j++;
    if (j < e && /^(night|morning|afternoon|evening)$/.test(tokens[j].lower)) j++;
    if (j < e && tokens[j].lower === 'that') j++;
    return j < e - 1 ? j : i;
  }
  return i;
}

/** Where the words before a clause begin: the sentence start, or the quote it sits in when that opened earlier. */
function middleStart(ctx: Context, s: number): number {
  const q = ctx.quoteOf[s];
  return q >= 0 ? ctx.quotes[q].start : ctx.tokens[s].start;
}

/** The token after "that", ":" or before an opening quote within a short look-ahead from `i`, or -1. */
function leadTo(tokens: Token[], i: number, e: number, quoteOf: Int32Array): number {
  for (let j = i; j < Math.min(e, i + 10); j++) {
    const t = tokens[j];
    if (CONTENT_LEADS.has(t.lower) && (t.lower !== 'that' || t.pos === 'SCONJ' || t.pos === 'PRON' || t.pos === 'DET')) {
      if (t.lower === 'that' && tokens[j + 1] && (tokens[j + 1].pos === 'NOUN' || tokens[j + 1].pos === 'AUX' || tokens[j + 1].pos === 'VERB') && j === i) return j + 1;
      return j + 1;
    }
    if (quoteOf[j] >= 0) return j;
    if (j > i && (t.pos === 'VERB' || t.pos === 'AUX')) return -1;
    if (j > i && !CLAUSE_SKIP_ADP.has(t.lower) && t.pos !== 'PROPN' && t.pos !== 'NOUN' && t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'NUM' && t.text !== ',' && t.pos !== 'PART') return -1;
  }
  return -1;
}

function onlyAdverbial(tokens: Token[], i: number, e: number): boolean {
  if (i >= e) return true;
  const t = tokens[i];
  if (!CLAUSE_SKIP_ADP.has(t.lower) && !/day$/i.test(t.text)) return false;
  for (let j = i; j < e; j++) if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') return false;
  return true;
}

/** The end of reported words starting at token `i`: the sentence end, or the end of a quote that runs past it. */
function contentEnd(ctx: Context, i: number, e: number): { end: number; tokens: number } {
  const { tokens, quotes } = ctx;
  if (i >= e) return { end: tokens[e - 1]?.end ?? 0, tokens: 0 };
  const q = ctx.quoteOf[i];
  if (q >= 0 && quotes[q].end > tokens[e - 1].end) return { end: quotes[q].end, tokens: e - i };
  let j = e;
  // Reported words stop where a trailing clause of the reporter starts: ", saying …", ", as …", ", according to …".
  for (let k = i + 2; k < e - 1; k++) {
    const quoteEnd = isCloseQuote(ctx, k) && k + 1 < e && ctx.quoteOf[k + 1] < 0;
    if ((tokens[k].text !== ',' || ctx.quoteOf[k] >= 0) && !quoteEnd) continue;
    const next = tokens[k + 1];
    if ((next.pos === 'VERB' && /ing$/.test(next.lower)) || TRAILING_CLAUSE.has(next.lower)) {
      j = quoteEnd ? k + 1 : k;
      break;
    }
  }
  while (j > i && tokens[j - 1].pos === 'PUNCT' && !isCloseQuote(ctx, j - 1)) j--;
  return { end: tokens[Math.max(i, j - 1)].end, tokens: j - i };
}

/** A quote ending right before token `bs`, separated only by a comma, dash or space. */
function quoteJustBefore(ctx: Context, bs: number): Quote | null {
  const { tokens, text } = ctx;
  const at = tokens[bs]?.start;
  if (at === undefined) return null;
  // Never across a line break: a quote in the paragraph above belongs to its own attribution.
  let b = at;
  while (b > 0 && /[ \t\u00a0,—–-]/.test(text[b - 1])) b--;
  const prevTok = bs - 1 >= 0 ? ctx.quoteOf[bs - 1] : -1;
  if (prevTok < 0) {
    // the closing mark itself may be a separate token outside the quote's token coverage
    for (const q of ctx.quotes) if (q.end === b && q.kind === 'direct') return q;
    return null;
  }
  // Only a quote that is someone's whole utterance: "In a “warm letter” Kim asked" is not Kim's quote.
  const q = ctx.quotes[prevTok];
  return q.end === b && q.kind === 'direct' ? q : null;
}

function quoteSpan(text: string, q: Quote): TextSpan {
  return { start: q.start, end: q.end, text: text.slice(q.start, q.end) };
}

function spanOf(ctx: Context, i: number, j: number): TextSpan {
  const start = ctx.tokens[i].start;
  const end = ctx.tokens[j - 1].end;
  return { start, end, text: ctx.text.slice(start, end) };
}

function spanTrim(text: string, start: number, end: number): TextSpan | null {
  while (start < end && /[\s,]/.test(text[start])) start++;
  while (end > start && /[\s,]/.test(text[end - 1])) end--;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}

/** "according to X" (cue), X (source), the clause on the other side (content). */
function accordingTo(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
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
