import type { Token } from '../text/tokens';
import type { Quote, Sentence } from '../types';
import { contentAround, contentEnd, hasComplement, splitCoordinated } from './content';
import { found, isCloseQuote, quoteIndex, spanOf, spanTrim, type Context, type FoundAttribution } from './context';
import { CUE_PARTICLES, cueLexicon, DEFAULT_CUES, type CueLexicon } from './cues';
import { accordingTo, headlineColon, inFinding, labelColon, nounCue, STANCES, stanceCue, viewOf } from './forms';
import { clauseOpening, holderOfObject, inHyphenated, looseSubject, standingSubject, phraseAfter, subjectAcrossAside, phraseBefore, type Range } from './phrases';
import { isRoleWord } from './people';
import { cueModel, cueScore, isCandidate, ruleMarks, type LoadedModel } from './tagger';

export type { FoundAttribution } from './context';

/** Options of attribution extraction. */
export interface AttributionOptions {
  /** Replaces lists of the default cue lexicon (each kind given replaces that kind). */
  cues?: Partial<CueLexicon>;
  /** The learned cue tagger (default: the committed model); null reads with the rules alone. */
  cueModel?: LoadedModel | null;
  /** Called with each sentence's rule-found attributions (found[first…]) before the tagger sees them (for fitting the tagger). */
  onSentence?: (ctx: Context, found: FoundAttribution[], first: number, s: number, e: number) => void;
}

const SAY_LIKE_PARTICIPLE = /ing$/;
// "by saying", "while saying", "after saying": a participle that shares the subject of the main clause.
const PARTICIPLE_LEADS = new Set(['by', 'while', 'after', 'before', 'when', 'in', 'without', 'since']);
// Verbs that come before their subject after a quote or a clause: "…,” said Moon.
const INVERTIBLE = new Set(
  'read say add write tweet note explain continue ask insist argue recall reply respond declare warn conclude observe remark joke quip answer counter concede admit acknowledge state report claim suggest predict announce complain wonder'.split(' '),
);
const TIME_NOUN = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last|this|earlier|later)$/i;
// Verbs that are cues only with their particle when a user's lexicon lists them: "talked about", "spoke of".
const PARTICLE_ONLY = new Set(['talk', 'speak', 'weigh', 'come', 'lash', 'sign', 'push', 'vote', 'campaign', 'hit', 'fire']);
// Verbs that report an impression rather than a source: cues without a source.
const EVIDENTIAL = new Set(['seem', 'appear', 'sound']);
// Documents that carry someone's words: the one who issued them is the source.
const DOCUMENTS = new Set('statement report letter ad advertisement memo video release post tweet resolution document filing editorial op-ed email'.split(' '));
// Adverbs that credit a clause to unnamed others: "The FBI is reportedly making arrangements …".
const HEARSAY = new Set(['reportedly', 'allegedly', 'purportedly', 'reputedly']);
const BE_FORMS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', '’s', "'s", 'am']);

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
    forced: -1,
    barred: new Set(),
  };
  // Words a user took out of the lexicon are not brought back by the tagger.
  if (options.cues) for (const w of [...DEFAULT_CUES.speech, ...DEFAULT_CUES.belief, ...DEFAULT_CUES.nouns]) if (!ctx.speech.has(w) && !ctx.belief.has(w) && !ctx.nouns.has(w)) ctx.barred.add(w);
  for (const w of lexicon.removed ?? []) ctx.barred.add(w);
  const model = options.cueModel === undefined ? cueModel() : options.cueModel;
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
    if (out.length === first) {
      let k = t;
      if (k < end && tokens[k].pos === 'CCONJ') k++;
      // Only "To X,": "For X," is as often a purpose or a topic ("For Trump, the stakes are high") as a view.
      const view = k < end && tokens[k].lower === 'to' && ctx.quoteOf[k] < 0 ? viewOf(ctx, k, t, end, si) : null;
      if (view) out.push(view);
    }
    if (out.length === first)
      for (let k = t; k < end; k++)
        if (tokens[k].lower === 'in' && ctx.quoteOf[k] < 0) {
          const a = inFinding(ctx, k, t, end, si);
          if (a) {
            out.push(a);
            break;
          }
        }
    options.onSentence?.(ctx, out, first, t, end);
    if (model) applyTagger(ctx, model, out, first, t, end, si);
    splitCoordinated(ctx, out, first, t, end);
    t = end;
  }
  return out;
}

/**
 * Adds the cues the learned tagger finds in the sentence [s, e) that the rules passed over: a confident new one gets
 * its source and content from the same machinery as the rules' own.
 */
function applyTagger(ctx: Context, model: LoadedModel, out: FoundAttribution[], first: number, s: number, e: number, sentence: number): void {
  const { tokens } = ctx;
  // Most sentences have no word worth scoring: leave them before anything is allocated.
  let any = false;
  for (let k = s; k < e && !any; k++) any = ctx.quoteOf[k] < 0 && (model.words.has(tokens[k].lemma) || model.words.has(tokens[k].lower));
  if (!any) return;
  const marks = ruleMarks(ctx, out, first, s, e);
  const scores = new Float64Array(e - s).fill(-Infinity);
  let confident = false;
  for (let k = s; k < e; k++)
    if (isCandidate(model, ctx, k, marks[k - s])) {
      scores[k - s] = cueScore(model, ctx, k, s, e, marks);
      if (scores[k - s] >= model.propose) confident = true;
    }
  if (!confident) return;
  // New cues: a run of confident words the rules left alone, read from its first verb (which has the subject), else
  // its best word. Words next to a cue already found belong to it ("has long insisted", "voiced concern").
  const covered = (k: number) => (marks[k - s] & 1) !== 0;
  const nearCue = (from: number, to: number) => {
    for (let i = from - 1; i >= Math.max(s, from - 3) && tokens[i].pos !== 'PUNCT'; i--) if (covered(i)) return true;
    for (let i = to; i < Math.min(e, to + 3) && tokens[i].pos !== 'PUNCT'; i++) if (covered(i)) return true;
    return false;
  };
  const before = out.length;
  for (let k = s; k < e; k++) {
    if (scores[k - s] < model.propose || scores[k - s] < needed(ctx, model, k) || covered(k)) continue;
    let j = k + 1;
    while (j < e && scores[j - s] >= needed(ctx, model, j) && !covered(j)) j++;
    let head = -1;
    for (let i = k; i < j && head < 0; i++) if (tokens[i].pos === 'VERB') head = i;
    if (head < 0) for (let i = k; i < j; i++) if (HEADS.has(tokens[i].pos) && (head < 0 || scores[i - s] > scores[head - s])) head = i;
    // The rest of a cue the rules judged ("focus on" without "focus") is no cue of its own.
    const tail = k > s && scores[k - 1 - s] >= model.propose;
    if (head >= 0 && !tail && !nearCue(k, j)) {
      const a = proposedAt(ctx, head, s, e, sentence, out, first);
      // "the summit in June that raised prospects of …": a relative clause about a thing credits no one.
      const thing = !!a?.sourceTokens && a.sourceTokens[1] - a.sourceTokens[0] === 1 && /^(that|which)$/.test(tokens[a.sourceTokens[0]].lower);
      if (a && !thing) {
        out.push(widened(ctx, a, k, j));
        for (let i = s; i < e; i++) if (tokens[i].start < a.cue.end && a.cue.start < tokens[i].end) marks[i - s] |= 1;
      }
    }
    k = j - 1;
  }
  if (out.length > before) out.splice(first, out.length - first, ...out.slice(first).sort((a, b) => a.cue.start - b.cue.start));
}

/**
 * How sure the tagger must be to start a cue at token `k`: never for a word the user took out; more than elsewhere
 * for a word the rules have judged already (the lexicon's verbs and nouns, the words of their own patterns: “went
 * on”, “read”, a colon, “according to”), which they left out for a reason.
 */
function needed(ctx: Context, model: LoadedModel, k: number): number {
  const { lemma, lower, pos } = ctx.tokens[k];
  if (ctx.barred.has(lemma) || approximately(ctx.tokens, k) || labelColon(ctx.tokens, k) || attributive(ctx.tokens, k)) return Infinity;
  // The rules read lexicon verbs only where the tagger says VERB: "Trump plans to …" with "plans" read as a noun is new to them.
  const judged = (pos === 'VERB' ? ctx.speech.has(lemma) || ctx.belief.has(lemma) : pos === 'NOUN' && ctx.nouns.has(lemma)) || RULE_WORDS.has(lemma) || HEARSAY.has(lower) || STANCES.has(lower);
  return judged ? model.propose + model.margin : model.propose;
}

/** "270 pledged delegates", "the reported cases": a participle before its noun describes it, reporting nothing. */
function attributive(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!prev || !next || !/ed$/.test(t.lower) || (next.pos !== 'NOUN' && next.pos !== 'PROPN')) return false;
  return prev.pos === 'NUM' || prev.pos === 'DET' || /^(more|most|fewer|less|many|of)$/.test(prev.lower);
}

/** "about a dozen meetings", "about 40 percent": "about" before a number is an amount, not a topic. */
function approximately(tokens: Token[], k: number): boolean {
  if (tokens[k].lower !== 'about') return false;
  const next = tokens[k + 1];
  if (!next) return false;
  return next.pos === 'NUM' || next.text === '$' || (/^(a|an|half)$/.test(next.lower) && /^(dozen|hundred|thousand|million|billion|third|quarter|fifth|half|percent|week|month|year|day)s?$/.test(tokens[k + 2]?.lower ?? ''));
}

// Verbs that stir a feeling in their object: "The remark worried some analysts".
const PSYCH = new Set('worry anger alarm frustrate upset infuriate outrage dismay disappoint trouble bother irk annoy enrage unnerve rattle spook startle surprise shock frighten scare offend please delight impress'.split(' '));

// Nouns of time or effort a participle may follow without being their act: "spent hours reflecting".
const SPANS_OF_TIME = new Set('time hour day week month year minute moment point trouble difficulty'.split(' '));

// Words that stand for people as an object: "leaving many to wonder".
const STANDALONE_PEOPLE = new Set('many some most others few all both voters people americans'.split(' '));

// "focus on" is among them: the rules leave it out, as it cost more precision than it gave on train.
const RULE_WORDS = new Set(['go', 'read', 'continue', 'according', 'make', ':', 'focus']);

/** The owner of a noun cue ("his written reply", "Trump’s controversial proposal"): a possessive before its modifiers, or null. */
function ownerOf(tokens: Token[], k: number, s: number): Range | null {
  let j = k - 1;
  // Modifiers, hyphenated ones too: "Trump’s recent evidence-free assertion".
  while (j > s && (tokens[j].pos === 'ADJ' || tokens[j].pos === 'ADV' || (tokens[j].pos === 'VERB' && /ed$/.test(tokens[j].lower)) || inHyphenated(tokens, j))) j--;
  if (j < s) return null;
  const t = tokens[j];
  if (t.pos === 'PRON' && /^(his|her|their|its|our|my)$/.test(t.lower)) return [j, j + 1];
  if ((t.lower === '’s' || t.lower === "'s") && j - 1 >= s && (tokens[j - 1].pos === 'PROPN' || tokens[j - 1].pos === 'NOUN' || tokens[j - 1].pos === 'ADJ')) {
    let i = j - 1;
    while (i > s && tokens[i - 1].pos === 'PROPN') i--;
    return [i, j + 1];
  }
  return null;
}

// Words that can head a cue the tagger proposes: not an article, an auxiliary or a pronoun alone.
const HEADS = new Set(['VERB', 'NOUN', 'ADJ', 'ADP', 'PUNCT', 'PROPN']);

/** The proposed attribution with its cue widened to the whole run [i, j) of confident words ("went on to say"), its content after it. */
function widened(ctx: Context, a: FoundAttribution, i: number, j: number): FoundAttribution {
  const { tokens, text } = ctx;
  const start = Math.min(a.cue.start, tokens[i].start);
  const end = Math.max(a.cue.end, tokens[j - 1].end);
  if (a.source && a.source.start < end && start < a.source.end) return a;
  a.cue = { start, end, text: text.slice(start, end) };
  if (a.content && a.content.start >= start && a.content.start < end) {
    let from = end;
    const m = /^[\s,:]*(that\b)?[\s,:]*/.exec(text.slice(end, a.content.end));
    from += m ? m[0].length : 0;
    a.content = from < a.content.end ? { start: from, end: a.content.end, text: text.slice(from, a.content.end) } : null;
  }
  return a;
}

/** The attribution whose cue the tagger found at token `k`: read as the rules read a verb of saying, else as a bare cue. */
function proposedAt(ctx: Context, k: number, s: number, e: number, sentence: number, out: FoundAttribution[], first: number): FoundAttribution | null {
  const { tokens } = ctx;
  // A passive verb outside the lexicon ("was justified by the fact that …") reports no one's words.
  let aux = k;
  while (aux > s && (tokens[aux - 1].pos === 'AUX' || tokens[aux - 1].pos === 'ADV' || tokens[aux - 1].pos === 'PART')) aux--;
  if (tokens[k].pos === 'VERB' && /(ed|en)$/.test(tokens[k].lower) && tokens.slice(aux, k).some((t) => BE_FORMS.has(t.lower))) return null;
  ctx.forced = k;
  try {
    const a = cueAt(ctx, k, s, e, sentence, out, first);
    if (a) return a;
  } finally {
    ctx.forced = -1;
  }
  // A verb of the lexicon the rules read and found no attribution in ("Voters believe in miracles") stays without one.
  const tok = tokens[k];
  if (tok.pos === 'VERB' && (ctx.speech.has(tok.lemma) || ctx.belief.has(tok.lemma))) return null;
  // A bare cue: the phrase before it speaks, the clause around it is what it reports.
  let ce = k + 1;
  const particles = CUE_PARTICLES[tok.lemma];
  if (particles && ce < e && particles.includes(tokens[ce].lower)) ce++;
  let cs = k;
  while (cs > s && (tokens[cs - 1].pos === 'AUX' || tokens[cs - 1].lower === 'not' || tokens[cs - 1].lower === 'n’t')) cs--;
  // Who: the phrase before the cue ("Trump plans …"), or before the verb a noun or adjective cue is the object of
  // ("Bush had harsh words for Trump").
  let source = phraseBefore(tokens, cs, s) ?? (tok.pos === 'VERB' ? looseSubject(tokens, cs, s) : null);
  if (source && tokens[source[1] - 1].pos !== 'PROPN' && tokens[source[1] - 1].pos !== 'PRON' && tokens[source[1] - 1].pos !== 'NOUN') source = null;
  // "his notions about", "pushing out a new video about": a preposition after a noun tells what the noun is about; the
  // noun is no one's voice, its owner or the one who put it out may be.
  if (source && tok.pos === 'ADP' && tokens[cs - 1].pos === 'NOUN' && source[1] === cs) source = ownerOf(tokens, cs - 1, s) ?? holderOfObject(tokens, source[0], s);
  if (!source && tok.pos !== 'VERB') source = ownerOf(tokens, cs, s);
  // "Republicans, concerned about …, have": an adjective set off after a phrase describes it; "were exuberant and
  // confident that …": one joined to another shares its subject.
  let end = e;
  if (!source && tok.pos === 'ADJ' && cs - 1 > s && tokens[cs - 1].text === ',') {
    source = phraseBefore(tokens, cs - 1, s);
    // The aside's words end at its closing comma.
    if (source) for (let i = ce; i < e; i++) if (tokens[i].text === ',' && ctx.quoteOf[i] < 0) {
      end = i;
      break;
    }
  }
  if (!source && tok.pos === 'ADJ' && cs - 1 > s && tokens[cs - 1].pos === 'CCONJ') source = clauseSubject(ctx, s, cs - 1);
  // "got friendly advice from a veteran", "drew a rebuke from Democrats": the holder after the noun, before the verb's subject.
  if (!source && tok.pos === 'NOUN' && /^(from|by)$/.test(tokens[ce]?.lower ?? '')) source = phraseAfter(tokens, ce + 1, e);
  if (!source && tok.pos !== 'VERB') source = holderOfObject(tokens, cs, s);
  // A holder after the noun is no part of what it holds: "advice from a veteran on the Joint Chiefs".
  const be = source && source[0] >= ce ? source[1] : ce;
  const content = contentAround(ctx, tok, source ? Math.min(source[0], cs) : cs, be, s, end, true, false)
    ?? (be < end - 1 ? spanTrim(ctx.text, tokens[be].start, contentEnd(ctx, be, end).end) : null);
  return found(ctx, source, cs, ce, content, sentence, ctx.belief.has(tok.lemma) && !ctx.speech.has(tok.lemma) ? 'thought' : 'speech');
}

/** The attribution whose cue is token `k` of the sentence [s, e), if it is one. */
function cueAt(ctx: Context, k: number, s: number, e: number, sentence: number, out: FoundAttribution[], firstInSentence: number): FoundAttribution | null {
  const { tokens } = ctx;
  const tok = tokens[k];
  if (ctx.quoteOf[k] >= 0) return null;
  if (tok.lower === 'according' && tokens[k + 1]?.lower === 'to') return accordingTo(ctx, k, s, e, sentence);
  if (HEARSAY.has(tok.lower)) return hearsay(ctx, k, s, e, sentence);
  if (tok.text === ':' && k > s) return headlineColon(ctx, k, s, e, sentence);
  if ((tok.pos === 'ADJ' || tok.lower === 'against') && STANCES.has(tok.lower)) return stanceCue(ctx, k, s, e, sentence);
  if (tok.pos === 'NOUN' && ctx.nouns.has(tok.lemma)) {
    const noun = nounCue(ctx, k, s, e, sentence);
    if (noun) return noun;
  }
  if (attributive(tokens, k)) return null;
  // "And then Sanders showed up": arriving, not showing anything.
  if (tok.lemma === 'show' && tokens[k + 1]?.lower === 'up') return null;
  // "made it clear that …", "has made clear that …": a cue of three words.
  if (tok.lemma === 'make' && (tokens[k + 1]?.lower === 'clear' || (tokens[k + 1]?.lower === 'it' && tokens[k + 2]?.lower === 'clear'))) return madeClear(ctx, k, s, e, sentence);
  // "That said, …", "That being said, …": a turn of phrase, not a report.
  if (tok.lemma === 'say' && ((tokens[k - 1]?.lower === 'that' && k - 1 === s) || (tokens[k - 1]?.lower === 'being' && tokens[k - 2]?.lower === 'that' && k - 2 === s)) && tokens[k + 1]?.text === ',') return null;
  // A word the tagger proposed is read as a verb of saying whatever the lexicon and the part of speech say.
  const forced = ctx.forced === k;
  // "As Professor Foner put it: “…”", "…,” as one voter put it.": a way of saying, with "it" for the words.
  const putIt = tok.lemma === 'put' && tokens[k + 1]?.lower === 'it' && (k + 2 >= e || /^[:,.]$/.test(tokens[k + 2].text) || ctx.quoteOf[k + 2] >= 0);
  const speech = ctx.speech.has(tok.lemma) || resumesSpeech(ctx, k, e) || putIt || (forced && !ctx.belief.has(tok.lemma));
  if (!speech && !ctx.belief.has(tok.lemma)) return null;
  if (tok.pos !== 'VERB' && !taggedAsNounButVerb(tokens, k, s, e) && !(forced && tok.pos === 'AUX')) return null;
  // "only added to the picture": add to means increase, unless words in quotes follow.
  if (tok.lemma === 'add' && tokens[k + 1]?.lower === 'to' && ctx.quoteOf[k + 2] < 0) return null;
  if (PARTICLE_ONLY.has(tok.lemma) && !CUE_PARTICLES[tok.lemma]?.includes(tokens[k + 1]?.lower ?? '')) return null;
  // "Asked about the letter, Sanders said …": the opening participle is a cue of its own, without a source.
  // So is "when asked who …", "…, he said when asked about Trump".
  const opens = k === s || (/^(when|after|if|while|once|until)$/.test(tokens[k - 1]?.lower ?? '') && /^(ask|question|press)$/.test(tok.lemma));
  const asks = tokens[k + 1]?.pos === 'ADP' || /^(whether|if|who|what|why|how|when|where|which)$/.test(tokens[k + 1]?.lower ?? '');
  if (opens && /ed$/.test(tok.lower) && speech && asks) {
    let j = k + 1;
    while (j < e && tokens[j].text !== ',') j++;
    if (k > s && j === e) while (j > k + 1 && tokens[j - 1].pos === 'PUNCT') j--;
    // "Asked by Stephanopoulos to respond …", "When asked by a reporter whether …": the one who asked is its source.
    const asker = tokens[k + 1].lower === 'by' ? phraseAfter(tokens, k + 2, j) : null;
    const from = asker && asker[1] < j ? asker[1] : k + 1;
    if ((j < e || k > s) && j > from) return found(ctx, asker && from > k + 1 ? asker : null, k, k + 1, spanOf(ctx, from, j), sentence, 'speech');
  }

  // The cue: the verb with the auxiliaries and negation right before it, and a particle right after.
  let cs = k;
  while (cs > s && (tokens[cs - 1].pos === 'AUX' || tokens[cs - 1].lower === 'not' || tokens[cs - 1].lower === 'n’t')) cs--;
  let ce = putIt ? k + 2 : k + 1;
  const particles = CUE_PARTICLES[tok.lemma];
  if (particles && ce < e && particles.includes(tokens[ce].lower)) ce++;
  let aux = k;
  while (aux > s && (tokens[aux - 1].pos === 'AUX' || tokens[aux - 1].pos === 'ADV' || tokens[aux - 1].pos === 'PART')) aux--;
  const passive = /(ed|en|wn|ld|id|ught)$/.test(tok.lower) && tokens.slice(aux, k).some((t) => BE_FORMS.has(t.lower));
  if (!forced && isInfinitiveOrModifier(tokens, k, s)) return null;
  // "The remark worried some analysts", "His behavior has angered the party's top figures": the one a feeling is
  // stirred in holds it; what stirred it is what it is about.
  if (!passive && PSYCH.has(tok.lemma) && tok.pos === 'VERB' && !SAY_LIKE_PARTICIPLE.test(tok.lower)) {
    const next = tokens[ce];
    const object = next && (/^(DET|PROPN|NOUN|NUM|ADJ)$/.test(next.pos) || /^(him|her|them|us|me|many|some)$/.test(next.lower)) ? phraseAfter(tokens, ce, e) : null;
    const cause = phraseBefore(tokens, cs, s);
    // Not "he worries Sanders would have trouble": a phrase with a verb after it opens a clause.
    const after = tokens[object?.[1] ?? -1];
    if (object && cause && !(after && (/^(that|about|over|by)$/.test(after.lower) || after.pos === 'AUX' || after.pos === 'VERB'))) return found(ctx, object, cs, ce, spanOf(ctx, cause[0], cause[1]), sentence, 'thought');
  }

  // Who: a phrase before the cue, or after it when the cue follows a quote or a comma ("…,” said Moon).
  let source: Range | null = null;
  let inverted = false;
  const prev = tokens[cs - 1];
  // "''… 'bomb them,''' said McCain": a quote inside a quote closes with one more mark, which the quote leaves out.
  const stray = tokens[cs - 1]?.text === "'" && cs - 1 > s && isCloseQuote(ctx, cs - 2);
  const afterQuote = cs > s && (isCloseQuote(ctx, cs - 1) || stray);
  const afterComma = prev?.text === ',' && cs - s >= 3 && !phraseBefore(tokens, cs, s);
  const afterSentenceQuote = cs === s && isCloseQuote(ctx, cs - 1);
  if (INVERTIBLE.has(tok.lemma) && !passive && (afterSentenceQuote || afterQuote || afterComma)) {
    const after = phraseAfter(tokens, ce, e);
    // Never an object pronoun ("declaring it …") nor a participle ("…, saying …"), which share the subject instead.
    const objectPronoun = !!after && after[1] - after[0] === 1 && /^(it|him|her|them|me|us|you)$/.test(tokens[after[0]].lower);
    if (after && !objectPronoun && !SAY_LIKE_PARTICIPLE.test(tok.lower) && !TIME_NOUN.test(tokens[after[0]].text) && endsClauseOrCloses(tokens, after[1], e)) {
      source = after;
      inverted = true;
    } else if (after && !objectPronoun && !SAY_LIKE_PARTICIPLE.test(tok.lower) && /^(who|whose)$/.test(tokens[after[1]]?.lower ?? '')) {
      // "…,” said the man who built his career on …: the relative clause describes the source, up to the clause's end.
      let r = after[1];
      while (r < e && tokens[r].text !== ',' && tokens[r].text !== ';' && !(tokens[r].pos === 'PUNCT' && r === e - 1)) r++;
      source = [after[0], r];
      inverted = true;
    } else if ((afterQuote || afterSentenceQuote) && !objectPronoun && !SAY_LIKE_PARTICIPLE.test(tok.lower)) {
      // "…,” said one unaligned Florida strategist.", "…,” said Will Doyle, a professor": the tagger broke the phrase
      // (a participle, a name read as an auxiliary); the words up to the clause's end name the speaker.
      const loose = loosePhraseAfter(tokens, ce, e);
      if (loose) {
        source = loose;
        inverted = true;
      }
    }
  }
  // "As reported by Western Journalism, …", "as first noted by the Post", and a participle after its noun: "a number of
  // arrests documented by Fusion", "changes proposed by the government": the agent after "by" is the source.
  if (!source && !passive && /(ed|en|wn)$/.test(tok.lower) && tokens[ce]?.lower === 'by' && cs > s) {
    let as = cs - 1;
    while (as > s && tokens[as].pos === 'ADV') as--;
    const reduced = tokens[as].lower !== 'as' && cs === k && /^(NOUN|PROPN)$/.test(tokens[k - 1].pos);
    // "…, encouraged by the United States": a participle set off after its clause, crediting that clause to the agent.
    const setOff = cs === k && tokens[k - 1].text === ',' && k - 1 > s;
    if (tokens[as].lower === 'as' || reduced || setOff) {
      let agent = phraseAfter(tokens, ce + 1, e);
      // Not "responded by first saying …", "angered by what they saw": a doing or a clause, not someone.
      if (agent && tokens.slice(agent[0], agent[1]).some((t) => (t.pos === 'VERB' && /ing$/.test(t.lower)) || /^(what|how|why|whether)$/.test(t.lower))) agent = null;
      if (agent) {
        source = agent;
        inverted = true;
        // What the agent did it to is the noun the participle follows.
        const thing = reduced ? phraseBefore(tokens, cs, s) : null;
        if (thing) return found(ctx, agent, cs, ce + 1, spanOf(ctx, thing[0], thing[1]), sentence, speech ? 'speech' : 'thought');
      }
    }
  }
  // The word before the verb once adverbs are set aside: "and then said", ", then says".
  let before = cs - 1;
  // Not "most" in "…, most said", which is the subject (phrases.ts reads it so).
  const standing = before >= s && standingSubject(tokens, before, s);
  // Not "…, Jolly said": a capitalised "adverb" after a comma is a name.
  const named = before === cs - 1 && before - 1 > s && /^\p{Lu}/u.test(tokens[before].text) && tokens[before - 1].text === ',';
  while (before > s && tokens[before].pos === 'ADV' && !standing && !named) before--;
  // "… and on Monday announced": a time phrase between the conjunction and the verb.
  if (before - 1 > s && TIME_NOUN.test(tokens[before].text) && /^(on|last|this)$/.test(tokens[before - 1].lower) && tokens[before - 2]?.pos === 'CCONJ') before -= 2;
  if (before - 1 > s && tokens[before].lower === 'but' && tokens[before - 1].lower === 'all') before -= 2;
  const joiner = tokens[before];
  // "is labeling" is a finite verb, not a participle.
  const participle = SAY_LIKE_PARTICIPLE.test(tok.lower) && cs === k && !!joiner && (joiner.text === ',' || PARTICIPLE_LEADS.has(joiner.lower) || isCloseQuote(ctx, before));
  const shared = !source && before >= s && (participle || joiner?.pos === 'CCONJ' || (joiner?.text === ',' && before < cs - 1));
  if (!source && !passive) {
    if (shared) {
      // "…, Sanders said, adding …", "Graham called … and said …": the verb shares the subject of its clause.
      const lastHere = sharedSubjectOf(ctx, out, firstInSentence);
      // "Some observers, including …, also criticized": a comma before an adverb may close an aside after the subject.
      const aside = !participle && joiner?.text === ',' && before < cs - 1 ? phraseBefore(tokens, before + 1, s) : null;
      // ", saying …" after a main clause hangs on that clause's subject, not on a later verb's ("Democrats had sued
      // after Ohio eliminated …, saying").
      const main = participle && joiner?.text === ',' ? mainClauseSubject(ctx, s, before) : null;
      source = aside ?? main ?? lastHere?.sourceTokens ?? clauseSubject(ctx, s, cs);
    } else {
      source = phraseBefore(tokens, cs, s);
      // "spent many hours reflecting", "would have a difficult time vetoing", "at one point calling": a participle after
      // a span of time or effort shares the subject of its clause.
      if (source && SAY_LIKE_PARTICIPLE.test(tok.lower) && cs === k && source[1] === cs && SPANS_OF_TIME.has(tokens[cs - 1].lemma)) source = clauseSubject(ctx, s, source[0]) ?? source;
      // "Sanders in an interview with CNN said", "an official speaking to Fox News said": the phrase before the verb
      // ends a modifier of the subject that opens the clause.
      if (source && speech) source = modifiedSubject(ctx, source, s) ?? source;
      // "His office put out a statement saying …": a document speaks for whoever issued it.
      if (source && DOCUMENTS.has(tokens[source[1] - 1].lemma)) {
        let v = source[0];
        while (v > s && (tokens[v - 1].pos === 'ADP' || tokens[v - 1].pos === 'PART' || tokens[v - 1].pos === 'ADV')) v--;
        if (v > s && tokens[v - 1].pos === 'VERB') source = phraseBefore(tokens, v - 1, s) ?? source;
      }
    }
  }
  if (passive && !source) {
    // "was told by aides", "is quoted by": the agent after "by".
    if (tokens[ce]?.lower === 'by') source = phraseAfter(tokens, ce + 1, e);
    // Without an agent, only a passive that reports words credits them: "it was reported that …",
    // "he is said to be …", "was quoted as saying", "was asked whether …"; not "has been criticised for being vague".
    const next = tokens[ce];
    const asked = /^(ask|question|press)$/.test(tok.lemma) && !!next && /^(whether|if|about|why|how|what|when|where|who)$/.test(next.lower);
    const reports = !!next && (asked || next.lower === 'that' || next.lower === 'as' || next.text === ':' || (next.lower === 'to' && tokens[ce + 1]?.pos === 'VERB') || ctx.quoteOf[ce] >= 0);
    if (!source && !reports) return null;
  }
  // A finite verb of saying has a subject even where the tagger broke its phrase ("Jolly said", "those surveyed said").
  if (!source && !passive && !shared && speech && !SAY_LIKE_PARTICIPLE.test(tok.lower)) source = looseSubject(tokens, cs, s) ?? subjectAcrossAside(tokens, cs, s) ?? clauseOpening(tokens, cs, s);
  // A proposed infinitive ("went on Twitter to applaud", "leaving many to wonder"): the object before "to" when a
  // verb governs it, else the subject of the clause.
  if (!source && !passive && forced && tokens[cs - 1]?.lower === 'to' && cs - 1 > s) {
    const object = phraseBefore(tokens, cs - 1, s);
    // Only an object that can act ("leaving many to wonder"), not a thing ("will get one more chance to poke fun").
    const agent = !!object && tokens.slice(object[0], object[1]).some((t) => t.pos === 'PROPN' || t.pos === 'PRON' || STANDALONE_PEOPLE.has(t.lower)) || (!!object && isRoleWord(tokens[object[1] - 1].lower));
    source = object && agent && object[0] > s && tokens[object[0] - 1].pos === 'VERB' ? object : clauseSubject(ctx, s, cs - 1);
  }
  // "Noting that …, Tester said", "Since announcing in October …, Mr. Biden has been": an opening participle shares
  // the subject of the main clause after it.
  const opening = !source && !passive && /(ing|ed)$/.test(tok.lower) && cs - s <= 3 && tokens.slice(s, cs).every((t) => OPENERS.has(t.lower));
  if (opening) source = mainSubjectAfter(ctx, ce, e);
  // "Trump seemed to …", "it appears that …": evidentials credit no one in particular.
  if (EVIDENTIAL.has(tok.lemma)) source = null;
  else if (!source && !passive && !forced) return null;
  if (source && tokens[source[0]].lower === 'it' && source[1] - source[0] === 1 && !speech) return null;

  const blockStart = Math.min(cs, source ? source[0] : cs);
  const blockEnd = Math.max(ce, source && inverted ? source[1] : ce);
  let content = contentAround(ctx, tok, blockStart, blockEnd, s, e, speech, shared);
  // "6 in 10 white men supported Sanders": a short complement is still what they think; not in "with
  // three thousand journalists expected to attend", which only describes them.
  const absolute = !!source && tokens[source[0] - 1]?.lower === 'with';
  if (!content && !speech && !absolute && ce < e - 1 && hasComplement(ctx, tok, ce, e)) content = spanTrim(ctx.text, tokens[ce].start, contentEnd(ctx, ce, e).end);
  if (!speech && !content) return null;
  // The opening phrase's words end where the main clause begins.
  if (opening && source && content && content.start < tokens[source[0]].start && content.end > tokens[source[0]].start) content = spanTrim(ctx.text, content.start, tokens[source[0]].start);
  // A thought needs a complement after it, unless its words come before it ("…, the reports show.").
  if (!speech && content && content.start > tok.start && !hasComplement(ctx, tok, ce, e)) content = null;
  if (EVIDENTIAL.has(tok.lemma) && !content) return null;
  if (!speech && !content) return null;
  if (speech && !content && !source) return null;
  // "Do you support Donald Trump?": a question put to the reader credits no one.
  if (source && source[1] - source[0] === 1 && tokens[source[0]].lower === 'you' && tokens[e - 1].text === '?') return null;
  return found(ctx, source, cs, ce, content, sentence, speech ? 'speech' : 'thought');
}

/**
 * The subject a phrase before a verb of saying belongs to when that phrase sits in a modifier of it: "Sanders in an
 * interview with CNN said" (→ "Sanders in an interview with CNN"), "Current officials who spoke with the Post said",
 * "Another source speaking to Fox News said". The subject must open the sentence; between it and the phrase only a
 * preposition, a participle or a relative clause, no comma. Else null.
 */
function modifiedSubject(ctx: Context, np: Range, s: number): Range | null {
  const { tokens } = ctx;
  const lead = tokens[np[0] - 1];
  // A conjunction may lead it too, inside a relative clause: "leaders who'd rather be working for Cruz or Ben Carson said".
  if (np[0] <= s || !lead || !(lead.pos === 'ADP' || lead.pos === 'CCONJ' || lead.pos === 'VERB')) return null;
  // The clause may open after a conjunction: "…, while Jeb Bush in a Medium post said".
  let from = s;
  for (let i = s; i < np[0]; i++) if (ctx.quoteOf[i] < 0 && tokens[i].pos === 'SCONJ' && tokens[i].lower !== 'that') from = i + 1;
  while (from < np[0] && (tokens[from].pos === 'SCONJ' || tokens[from].pos === 'CCONJ')) from++;
  const head = phraseAfter(tokens, from, np[0]);
  if (!head || head[1] >= np[0] || tokens[head[1]].pos === 'PUNCT' && tokens[head[1]].text !== '(') return null;
  let relative = false;
  for (let i = head[1]; i < np[0]; i++) {
    const t = tokens[i];
    if (t.text === ',' || t.text === ';' || t.text === ':' || ctx.quoteOf[i] >= 0) return null;
    if (/^(who|that)$/.test(t.lower)) relative = true;
    if ((t.pos === 'AUX' || (t.pos === 'VERB' && !/(ing|ed)$/.test(t.lower))) && !relative) return null;
  }
  // After a conjunction or a finite verb only inside a relative clause: "an official who spoke anonymously to discuss
  // internal strategy said".
  const who = tokens[head[1]]?.lower === 'who';
  if ((lead.pos === 'CCONJ' || (lead.pos === 'VERB' && !/(ing|ed)$/.test(lead.lower))) && !who) return null;
  return [head[0], np[1]];
}

// Words that may open a sentence before a participle: "In addition to stating", "Instead of calling", "Since announcing".
const OPENERS = new Set('in addition to instead of since after before by while without when upon despite rather than'.split(' '));

/** The subject of the main clause after an opening phrase: the first phrase after a comma that a verb follows. */
function mainSubjectAfter(ctx: Context, from: number, e: number): Range | null {
  const { tokens } = ctx;
  for (let c = from; c < Math.min(e - 2, from + 40); c++) {
    if (tokens[c].text !== ',' || ctx.quoteOf[c] >= 0) continue;
    const np = phraseAfter(tokens, c + 1, e);
    if (!np) continue;
    let v = np[1];
    while (v < e && (tokens[v].pos === 'ADV' || tokens[v].pos === 'AUX' || tokens[v].lower === 'not')) v++;
    if (v < e && (tokens[v].pos === 'VERB' || tokens[v - 1].pos === 'AUX')) return np;
  }
  return null;
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
  const plural = ((prev.pos === 'NOUN' || prev.pos === 'PROPN') && /[^s]s$/.test(prev.lower)) || prev.pos === 'NUM' || /^(they|we|i|you|who|others|percent|both|many|most|some|all)$/.test(prev.lower);
  const subject = (inflected && singular) || (!inflected && plural) || (inflected && /ed$/.test(t.lower) && plural);
  const complement = next.lower === 'that' || next.text === ':' || next.text === ',' || next.text === '“' || next.text === '"' || next.pos === 'PRON' || next.pos === 'DET' || next.pos === 'PROPN' || (next.pos === 'VERB' && /ing$/.test(next.lower));
  if (subject && complement) return true;
  // "Polls there show Trump is trailing", "public records show little evidence", "…, new reports show.": evidence shows.
  if (t.lemma !== 'show') return false;
  const holder = prev.lower === 'there' || prev.lower === 'also' ? tokens[k - 2] : prev;
  return !!holder && holder.pos !== 'DET' && /s$/.test(holder.lower) && (holder.pos === 'NOUN' || holder.pos === 'PROPN') && (complement || next.pos === 'ADJ' || next.pos === 'NUM' || next.pos === 'NOUN' || next.text === '.');
}

/** "Sanders has made clear that he expects …": the subject (or the clause's, after a participle) makes its view plain. */
function madeClear(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
  const { tokens } = ctx;
  let ce = tokens[k + 1].lower === 'it' ? k + 3 : k + 2;
  let cs = k;
  while (cs > s && (tokens[cs - 1].pos === 'AUX' || tokens[cs - 1].lower === 'not' || tokens[cs - 1].lower === 'n’t')) cs--;
  let i = ce;
  if (tokens[i]?.lower === 'that' || tokens[i]?.text === ':') i++;
  else if (!/^(to|whether|if|how|what|why|who)$/.test(tokens[i]?.lower ?? '')) return null;
  if (i >= e - 1) return null;
  const source = phraseBefore(tokens, cs, s) ?? (/ing$/.test(tokens[k].lower) ? clauseSubject(ctx, s, cs) : null);
  const content = spanTrim(ctx.text, tokens[i].start, contentEnd(ctx, i, e).end);
  return found(ctx, source, cs, ce, content, sentence, 'speech');
}

/** "The FBI is reportedly making arrangements to interview Clinton": the clause is hearsay, credited to no one named. */
function hearsay(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
  const { tokens } = ctx;
  let from = s;
  for (let i = k - 1; i > s; i--) if (tokens[i].text === ',' || tokens[i].text === ';' || tokens[i].pos === 'SCONJ' || ctx.quoteOf[i] >= 0) {
    from = i + 1;
    break;
  }
  const end = contentEnd(ctx, k + 1, e).end;
  if (k + 1 >= e - 1 || from >= k) return null;
  const content = spanTrim(ctx.text, tokens[from].start, end);
  return found(ctx, null, k, k + 1, content, sentence, 'speech');
}

/** "…,” he continued.", "She continued: “…”": a verb of going on that reports words only next to them. */
function resumesSpeech(ctx: Context, k: number, e: number): boolean {
  const { tokens } = ctx;
  if (!/^(continue|go|read)$/.test(tokens[k].lemma) || tokens[k].pos !== 'VERB') return false;
  // "“…,” read the email", "One message read “…”": reading out words only when they are quoted right there.
  if (tokens[k].lemma === 'read') return isCloseQuote(ctx, k - 1) || (tokens[k - 1]?.text === ',' && isCloseQuote(ctx, k - 2)) || ctx.quoteOf[k + 1] >= 0 || tokens[k + 1]?.text === ':';
  if (tokens[k].lemma === 'go' && tokens[k + 1]?.lower !== 'on') return false;
  const at = tokens[k].lemma === 'go' ? k + 2 : k + 1;
  const next = tokens[at];
  if (!next || at >= e) return true;
  if (next.text === ':' || ctx.quoteOf[at] >= 0) return true;
  if (next.text === ',' || next.text === '.') return ctx.quoteOf[at + 1] >= 0 || isCloseQuote(ctx, k - 1) || isCloseQuote(ctx, k - 2) || isCloseQuote(ctx, k - 3);
  return false;
}

/**
 * The words after an inverted verb of saying up to the clause's end ("said one unaligned Florida Republican strategist"),
 * when they are few, name someone and hold no clause of their own; else null.
 */
function loosePhraseAfter(tokens: Token[], from: number, e: number): Range | null {
  let j = from;
  while (j < e && j - from <= 12 && tokens[j].text !== ',' && !(tokens[j].pos === 'PUNCT' && j === e - 1)) {
    const t = tokens[j];
    if (t.pos === 'SCONJ' || t.pos === 'PRON' || t.lower === 'that' || (t.pos === 'AUX' && !/^\p{Lu}/u.test(t.text)) || (t.pos === 'VERB' && !/(ed|en|wn)$/.test(t.lower) && !/^\p{Lu}/u.test(t.text))) return null;
    j++;
  }
  if (j === from || j - from > 12 || tokens[from].pos === 'ADP' || (j < e && tokens[j].text !== ',' && tokens[j].pos !== 'PUNCT')) return null;
  const head = tokens[j - 1];
  return head.pos === 'NOUN' || head.pos === 'PROPN' ? [from, j] : null;
}

/** "to say", "so-called", "the said": verbs that are not predicates of a subject. */
function isInfinitiveOrModifier(tokens: Token[], k: number, s: number): boolean {
  const prev = tokens[k - 1];
  if (!prev || k <= s) return false;
  if (prev.lower === 'to' && tokens[k].lower === tokens[k].lemma) return !/^(want|expect|hope|seem|appear|plan|need)$/.test(tokens[k - 2]?.lemma ?? '') && tokens[k - 2]?.pos !== 'AUX';
  if (prev.pos === 'DET' || prev.text === '-') return true;
  return false;
}

/** After an inverted source, the clause must end (comma, period, quote) or carry an adverbial ("said Moon on Tuesday"). */
function endsClauseOrCloses(tokens: Token[], j: number, e: number): boolean {
  if (j >= e) return true;
  const t = tokens[j];
  return t.pos === 'PUNCT' || t.pos === 'ADP' || t.pos === 'ADV' || t.pos === 'SCONJ' || (t.pos === 'PROPN' && /day$/i.test(t.text));
}

/**
 * The attribution of the sentence so far whose subject a participle or coordinated verb shares: the last one, unless
 * its source is a relative pronoun inside another's reported words ("Clinton attacked Trump, saying he would appoint
 * judges who would overturn …, and reminded" shares Clinton, not "who") or a possessive ("She escalated her
 * criticism, telling CNN" shares "She", not "her").
 */
function sharedSubjectOf(ctx: Context, out: FoundAttribution[], first: number): FoundAttribution | null {
  const { tokens } = ctx;
  for (let x = out.length - 1; x >= first; x--) {
    const a = out[x];
    if (!a.sourceTokens) return a;
    const [i, j] = a.sourceTokens;
    const last = tokens[j - 1];
    const relative = j - i === 1 && /^(who|which|that)$/.test(last.lower);
    const nested = relative && out.some((b, y) => y >= first && b !== a && b.content && b.content.start <= a.cue.start && a.cue.end <= b.content.end);
    if (nested || (j - i === 1 && POSSESSIVE.has(last.lower)) || last.lower === '’s' || last.lower === "'s") continue;
    return a;
  }
  return null;
}

const POSSESSIVE = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/**
 * The subject of the sentence's main clause before token `limit`: the phrase before its first finite verb, after an
 * opening subordinate clause ("After …, Trump said"), when that phrase opens the clause; else null.
 */
function mainClauseSubject(ctx: Context, s: number, limit: number): Range | null {
  const { tokens } = ctx;
  let from = s;
  if (tokens[s].pos === 'SCONJ' || /^(after|when|while|if|although|though|because|since|as|before|once)$/.test(tokens[s].lower)) {
    while (from < limit && (tokens[from].text !== ',' || ctx.quoteOf[from] >= 0)) from++;
    from++;
  }
  for (let i = from; i < limit; i++) {
    const t = tokens[i];
    if ((t.pos !== 'VERB' && t.pos !== 'AUX') || ctx.quoteOf[i] >= 0) continue;
    if (i === from || tokens[i - 1].lower === 'to' || (t.pos === 'VERB' && /ing$/.test(t.lower) && tokens[i - 1].pos !== 'AUX')) return null;
    let v = i;
    while (v > from && (tokens[v - 1].pos === 'AUX' || tokens[v - 1].pos === 'ADV')) v--;
    const subject = phraseBefore(tokens, v, from);
    return subject && subject[0] === from ? subject : null;
  }
  return null;
}

/**
 * The subject of the clause a participle or coordinated verb hangs on: the phrase before the nearest
 * verb back from it ("Speaking in Salem, Trump went after Bush, calling him …" → Trump).
 */
function clauseSubject(ctx: Context, s: number, limit: number): Range | null {
  const { tokens } = ctx;
  for (let i = limit - 1; i > s; i--) {
    const t = tokens[i];
    if ((t.pos !== 'VERB' && t.pos !== 'AUX') || ctx.quoteOf[i] >= 0) continue;
    // An infinitive or a participle has no subject of its own: "defended his call to raise the wage, saying".
    if (tokens[i - 1].lower === 'to' || (t.pos === 'VERB' && /ing$/.test(t.lower) && tokens[i - 1].pos !== 'AUX')) continue;
    let v = i;
    while (v > s && tokens[v - 1].pos === 'AUX') v--;
    const subject = phraseBefore(tokens, v, s);
    if (subject) return subject;
  }
  return null;
}
