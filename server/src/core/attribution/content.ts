import type { Token } from '../text/tokens';
import type { Quote, TextSpan } from '../types';
import { isCloseQuote, quoteSpan, spanTrim, type Context, type FoundAttribution } from './context';
import { HEARER_VERBS } from './cues';
import { phraseAfter } from './phrases';

// Where the reported words of a cue are: an adjacent quote, the clause after the cue, or the clause before it.

const TRAILING_CLAUSE = new Set(['as', 'when', 'while', 'according', 'in', 'during', 'before', 'after', 'though', 'although', 'because', 'then', 'compared', 'whereas']);
const CONTENT_LEADS = new Set(['that', ':']);
const CLAUSE_SKIP_ADP = new Set(['on', 'in', 'at', 'during', 'via', 'through', 'from', 'after', 'before', 'while', 'last', 'this', 'earlier', 'late', 'over', 'with', 'to', 'by']);

/** The reported words: an adjacent quote, the clause after the cue, or the clause before it. */
export function contentAround(ctx: Context, verb: Token, bs: number, be: number, s: number, e: number, speech: boolean, shared: boolean): TextSpan | null {
  const { tokens, text } = ctx;
  // “…,” Sanders said / “…,” said Moon: the quote right before the block (it may start sentences earlier).
  // A verb sharing its subject ("…,” she said, adding …") reports what follows it instead.
  const before = shared ? null : quoteJustBefore(ctx, bs);
  // "He continued, “…”", "She went on: “…”": words announced after the cue are its own, not the quote of the sentence before.
  const announces = tokens[be]?.text === ':' || (tokens[be]?.text === ',' && ctx.quoteOf[be + 1] >= 0 && !!before && before.end <= tokens[s].start);
  // "“…,” one prosecutor said the two cases were different": a clause of its own after the cue is what it reports.
  const ownClause = !!before && be < e - 3 && tokens[be].pos !== 'PUNCT' && !onlyAdverbial(tokens, skipTime(tokens, be, e), e) && clauseFollows(tokens, be, e);
  if (before && !announces && !ownClause) return quoteSpan(text, before);
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
  // "…, he would vote for Cruz": a verb outside the lexicon with an object of its own does not report the words before.
  const object = i < e && /^(PROPN|NOUN|PRON|DET|NUM)$/.test(tokens[i].pos) && !ctx.speech.has(verb.lemma) && !HEARER_VERBS.has(verb.lemma);
  if (bs - s >= 2 && setOff && !object) {
    let j = bs;
    while (j > s && (tokens[j - 1].pos === 'PUNCT' && !isCloseQuote(ctx, j - 1))) j--;
    if (j <= s) return null;
    return spanTrim(text, middleStart(ctx, s), tokens[j - 1].end);
  }
  if (!speech) return null;
  return null;
}

/** A complement that makes a belief verb report someone's mind: "that …", "to …", a clause, a quote, an object for support-like verbs. */
export function hasComplement(ctx: Context, verb: Token, ce: number, e: number): boolean {
  const { tokens } = ctx;
  let i = ce;
  while (i < e && tokens[i].pos === 'ADV') i++;
  const t = tokens[i];
  if (!t) return false;
  if (t.lower === 'that' || t.text === ':' || t.lower === 'whether' || t.lower === 'if' || ctx.quoteOf[i] >= 0) return true;
  if (t.lower === 'to' && (tokens[i + 1]?.pos === 'VERB' || tokens[i + 1]?.pos === 'AUX')) return true;
  // "seemed unperturbed", "seems like …": an impression needs only an adjective.
  if (/^(seem|appear|sound|look)$/.test(verb.lemma) && (t.pos === 'ADJ' || t.lower === 'like')) return true;
  if (/^(support|back|champion|advocate|favor|push|press|prefer|endorse|oppose|see|regard|view|consider|deem|show|reveal|suggest)$/.test(verb.lemma))
    // Any object will do ("would support later school start times", the tagger reading "school" as a verb).
    return t.pos !== 'PUNCT' && t.pos !== 'CCONJ' && t.pos !== 'SCONJ' && t.pos !== 'AUX' && t.pos !== 'PART';
  // A clause: a subject followed soon by a verb ("believes Trump is …", "want him to …").
  if (t.pos === 'PRON' || t.pos === 'PROPN' || t.pos === 'DET' || t.pos === 'NOUN') {
    // Words in quotes inside the subject count as one ("some of the “Neocons For Hillary” buzz was …").
    let q = -1;
    for (let j = i + 1, n = 0; j < e && n < 7; j++) {
      if (ctx.quoteOf[j] >= 0 && ctx.quotes[ctx.quoteOf[j]].kind !== 'direct') {
        if (ctx.quoteOf[j] !== q) n++;
        q = ctx.quoteOf[j];
        continue;
      }
      n++;
      if (tokens[j].pos === 'AUX' || tokens[j].pos === 'VERB') return true;
      if (tokens[j].lower === 'to' && tokens[j + 1]?.pos === 'VERB') return true;
      if (tokens[j].pos === 'PUNCT' && !isCloseQuote(ctx, j)) break;
    }
  }
  return false;
}

/**
 * "Clinton called for more troops and proposed a safe zone", "… while Sanders suggests …": the words
 * reported by one cue stop where a coordinated clause with a cue of its own begins.
 */
export function splitCoordinated(ctx: Context, out: FoundAttribution[], first: number, s: number, e: number): void {
  const { tokens, text } = ctx;
  // A cue inside another's source ("the groups who wrote to her say …") reports no more than the source holds.
  for (let x = first; x < out.length; x++) {
    const a = out[x];
    if (!a.content || a.content.start < a.cue.end) continue;
    for (let y = first; y < out.length; y++) {
      const b = out[y];
      if (y === x || !b.source || b.source.start > a.cue.start || b.source.end < a.cue.end || b.cue.start < a.content.start) continue;
      let end = Math.min(a.content.end, b.source.end);
      while (end > a.content.start && /[\s,]/.test(text[end - 1])) end--;
      a.content = end > a.content.start ? { start: a.content.start, end, text: text.slice(a.content.start, end) } : null;
      if (!a.content) break;
    }
  }
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
      let blockStart = b.source && b.source.start > a.cue.end ? Math.min(b.source.start, b.cue.start) : b.cue.start;
      // "a sentiment endorsed by the people in the arena": the words it reports come first, its source after it.
      if (b.content && b.source && b.source.start > b.cue.end && b.content.end <= b.cue.start && b.content.start > a.cue.end) blockStart = Math.min(blockStart, b.content.start);
      if (blockStart <= a.content.start || blockStart >= a.content.end) continue;
      let k = s;
      while (k < e && tokens[k].start < blockStart) k++;
      let j = k - 1;
      // Adverbs before the block, and a count's qualifier: "at least 21,000 said", "more than 4 in 10 said".
      while (j > s && (tokens[j].pos === 'ADV' || (tokens[j].lower === 'at' && /^(least|most)$/.test(tokens[j + 1]?.lower ?? '')) || (tokens[j].lower === 'than' && /^(more|less|fewer)$/.test(tokens[j - 1]?.lower ?? '')))) j -= tokens[j].lower === 'than' ? 2 : 1;
      // A place or group after a count: "…, most in both states supported Sanders".
      let pp = j;
      while (pp > s && pp >= j - 4 && (tokens[pp].pos === 'ADP' || tokens[pp].pos === 'DET' || tokens[pp].pos === 'NOUN' || tokens[pp].pos === 'PROPN' || tokens[pp].pos === 'ADJ')) pp--;
      if (pp < j && tokens[pp].pos === 'ADV' && /^(most|many|some|all|few)$/.test(tokens[pp].lower) && /^[,;]$/.test(tokens[pp - 1]?.text ?? '')) j = pp - 1;
      const joiner = tokens[j];
      // Also a colon, a dash or a closing quote: "… because it pays off: He said …", "“…,” one prosecutor said …".
      const closes = isCloseQuote(ctx, j) || /^[:—–]$/.test(joiner?.text ?? '');
      // A clause of the reporter's own: "is backing Clinton because he worries …", "a fair sentence, which I said …".
      const own = /^(because|as|although|though|since|which|who|whom|where)$/.test(joiner?.lower ?? '');
      if (!joiner || !(joiner.pos === 'CCONJ' || joiner.text === ',' || joiner.text === ';' || closes || own || /^(while|whereas|but)$/.test(joiner.lower))) continue;
      let end = isCloseQuote(ctx, j) ? joiner.end : joiner.start;
      if (tokens[j - 1]?.text === ',') end = tokens[j - 1].start;
      while (end > a.content.start && /\s/.test(text[end - 1])) end--;
      a.content = end > a.content.start ? { start: a.content.start, end, text: text.slice(a.content.start, end) } : null;
      if (!a.content) break;
    }
  }
}

/** Where the words before a clause begin: the sentence start, or the quote it sits in when that opened earlier. */
export function middleStart(ctx: Context, s: number): number {
  const q = ctx.quoteOf[s];
  return q >= 0 ? ctx.quotes[q].start : ctx.tokens[s].start;
}

/** The end of reported words starting at token `i`: the sentence end, or the end of a quote that runs past it. */
export function contentEnd(ctx: Context, i: number, e: number): { end: number; tokens: number } {
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

/** A subject and a verb soon after `i`, before any punctuation: "the two cases were different". */
function clauseFollows(tokens: Token[], i: number, e: number): boolean {
  let j = i;
  if (tokens[j]?.lower === 'that') j++;
  if (!tokens[j] || !(tokens[j].pos === 'PRON' || tokens[j].pos === 'DET' || tokens[j].pos === 'PROPN' || tokens[j].pos === 'NOUN' || tokens[j].pos === 'NUM')) return false;
  for (let k = j + 1; k < Math.min(e, j + 8); k++) {
    if (tokens[k].pos === 'PUNCT') return false;
    if (tokens[k].pos === 'AUX' || (tokens[k].pos === 'VERB' && !/ing$/.test(tokens[k].lower))) return true;
  }
  return false;
}

function onlyAdverbial(tokens: Token[], i: number, e: number): boolean {
  if (i >= e) return true;
  const t = tokens[i];
  if (!CLAUSE_SKIP_ADP.has(t.lower) && !/day$/i.test(t.text)) return false;
  for (let j = i; j < e; j++) if (tokens[j].pos === 'VERB' || tokens[j].pos === 'AUX') return false;
  return true;
}

/** A quote ending right before token `bs`, separated only by a comma, dash or space. */
function quoteJustBefore(ctx: Context, bs: number): Quote | null {
  const { tokens, text } = ctx;
  const at = tokens[bs]?.start;
  if (at === undefined) return null;
  // Never across a line break: a quote in the paragraph above belongs to its own attribution.
  let b = at;
  while (b > 0 && /[ \t\u00a0,—–-]/.test(text[b - 1])) b--;
  // "…'bomb them,''' said": the inner quote's closing mark after the outer one's.
  if (text[b - 1] === "'" && ctx.quotes.some((q) => q.end === b - 1)) b--;
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
