import { contentEnd, middleStart } from './content';
import { found, spanTrim, type Context, type FoundAttribution } from './context';
import { phraseAfter, phraseBefore, type Range } from './phrases';
import type { TextSpan } from '../types';

// Cues that are not verbs: "according to X", a name and a colon, a noun with its owner.

// What joins a noun cue to its content: "claim that …", "criticism of …", "support for …", "statement: …".
const NOUN_LEADS = new Set(['that', 'of', 'for', 'about', 'on', 'against', 'to', 'from', 'by']);

/** "according to company documents" with "company" read as a verb: the words up to the clause's end, if few. */
function clauseTo(tokens: Context['tokens'], i: number, e: number): Range | null {
  let j = i;
  // Quote marks may name a document ("the “Medicare for all” document he released"); other marks end the phrase.
  const mark = (t: Context['tokens'][number]) => t.pos === 'PUNCT' && !/^[“”"]$/.test(t.text);
  while (j < e && !mark(tokens[j]) && tokens[j].pos !== 'SCONJ' && j - i < 12) j++;
  // After "to" the tagger may read the noun as a verb: "according to sources", "according to exit polls reported by CNN".
  if (j === i || j - i >= 12 || !tokens.slice(i, j).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB')) return null;
  return [i, j];
}

/** "according to X" (cue), X (source), the clause on the other side (content). */
export function accordingTo(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
  const { tokens, text } = ctx;
  let source = phraseAfter(tokens, k + 2, e) ?? clauseTo(tokens, k + 2, e);
  if (!source) return null;
  // "according to a tally by the Associated Press", "a post from Arianna Huffington": the one behind the document too.
  if (/^(by|from|of|with)$/.test(tokens[source[1]]?.lower ?? '')) {
    const behind = phraseAfter(tokens, source[1] + 1, e);
    if (behind) source = [source[0], behind[1]];
  }
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
  return found(ctx, source, k, k + 2, content, sentence, 'speech');
}

// Words of labels, which a colon follows without anyone speaking: "The Latest:", "Editor’s note:", "Question:".
const LABELS = new Set(
  'q latest note question answer update updates name age city job pay editor follow watch read listen photo photos video related source sources correction disclosure exclusive breaking live transcript full text'.split(' '),
);

/** Whether token `k` is a colon after a label ("Q:", "Editor’s note:"): no one speaks there, whatever the tagger scores. */
export function labelColon(tokens: Context['tokens'], k: number): boolean {
  return tokens[k].text === ':' && k > 0 && LABELS.has(tokens[k - 1].lower);
}

/** "Graham: Trump’s rhetoric is destroying the GOP": a name and a colon opening a sentence or headline. */
export function headlineColon(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
  const { tokens } = ctx;
  // Not a time ("10:30") nor a count ("Poll: 45 percent"); a year may close the name ("Here’s Clinton in December 1992: “…”").
  if (k + 2 >= e || /^\d/.test(tokens[k + 1].text) || (/^\d/.test(tokens[k - 1].text) && !(ctx.quoteOf[k + 1] >= 0 && /^(1[89]|20)\d\d$/.test(tokens[k - 1].text)))) return null;
  // A colon after a verb ("said:", "put it this way:") belongs to that verb's attribution.
  if (tokens[k - 1].pos === 'VERB' || (tokens[k - 1].lower === 'it' && tokens[k - 2]?.lemma === 'put')) return null;
  // "Q: … A: …": in an interview the answer is the interviewee's words, credited to "A".
  if (k === s + 1 && tokens[s].text === 'A' && ctx.text.lastIndexOf('Q:', tokens[s].start) >= 0) {
    const content = spanTrim(ctx.text, tokens[k + 1].start, contentEnd(ctx, k + 1, e).end);
    return found(ctx, [s, k], k, k + 1, content, sentence, 'speech');
  }
  const quoted = ctx.quoteOf[k + 1] >= 0;
  let from: number;
  let to = k;
  // Where "from" points at the words' origin, which may be a document ("More from the report: “…”").
  let pointer = -1;
  if (k - s <= 12) {
    // "Graham: …", "Gillibrand on Hillary’s speeches: …": the name before any preposition.
    from = s;
    // "POLLS NOT WRONG - Mark Blumenthal: “…”": the name after a dash that ends a heading.
    if (quoted) for (let i = k - 1; i > s; i--) if (/^[-–—]$/.test(tokens[i].text) && tokens[i].start > tokens[i - 1].end) {
      from = i + 1;
      break;
    }
    // "Here’s Clinton in 1992: “…”", "More from the report: “…”": a pointer to the words.
    if (quoted && /^here(’s|'s)$/.test(tokens[from]?.lower ?? '')) from += 1;
    else if (quoted && tokens[from]?.lower === 'here' && /^(’s|'s|is)$/.test(tokens[from + 1]?.lower ?? '')) from += 2;
    else if (quoted && tokens[from]?.lower === 'more' && tokens[from + 1]?.lower === 'from') pointer = from += 2;
    else if (quoted && tokens[from]?.lower === 'from') pointer = from += 1;
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
  let src = tokens.slice(from, to);
  // "He then listed the qualities a nominee needs: “…”": a clause announcing the quote; its subject speaks.
  // A verb of saying there has the quote already ("said on Monday: “…”", "went on: “…”").
  const reported = tokens.slice(s, k).some((t) => ctx.speech.has(t.lemma) || ctx.belief.has(t.lemma) || t.lemma === 'continue' || t.lemma === 'go');
  if (quoted && !reported && src.some((t) => t.pos === 'VERB')) {
    const subject = phraseAfter(tokens, from, k);
    let v = subject ? subject[1] : -1;
    while (v > 0 && v < k && tokens[v].pos === 'ADV') v++;
    if (subject && v < k && tokens[v].pos === 'VERB' && /^(he|she|they|i|we)$|^\p{Lu}/u.test(tokens[subject[0]].text)) {
      [from, to] = subject;
      src = tokens.slice(from, to);
      if (src.some((t) => t.pos === 'PROPN' || t.pos === 'PRON')) {
        const content = spanTrim(ctx.text, tokens[k + 1].start, contentEnd(ctx, k + 1, e).end);
        return found(ctx, [from, to], k, k + 1, content, sentence, 'speech');
      }
    }
  }
  const pointed = pointer === from && src.some((t) => t.pos === 'NOUN');
  if (!src.length || !pointed && !src.some((t) => t.pos === 'PROPN' || (t.pos === 'PRON' && /^(he|she|they)$/.test(t.lower)))) return null;
  // Labels are not speakers: "The Latest:", "Editor’s note:", "Question:", "Follow X on Twitter:".
  if (src[0].pos === 'DET' && !pointed || src.some((t) => LABELS.has(t.lower) || t.pos === 'VERB')) return null;
  if (!src.every((t) => t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PRON' || t.pos === 'DET' && pointed || t.lower === 'and' || t.lower === '’s' || t.lower === "'s" || t.text === '.' || t.text === '-' || /^\p{Lu}/u.test(t.text))) return null;
  const content = spanTrim(ctx.text, tokens[k + 1].start, contentEnd(ctx, k + 1, e).end);
  return found(ctx, [from, to], k, k + 1, content, sentence, 'speech');
}

/**
 * A noun cue with its owner: "Trump’s claim that …", "his criticism of the deal", "a statement from the
 * White House: …". The owner is the source, the complement after that/of/for/about/: the content.
 */
export function nounCue(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
  const { tokens } = ctx;
  const next = tokens[k + 1];
  if (!next || !NOUN_LEADS.has(next.lower) && next.text !== ':' && ctx.quoteOf[k + 1] < 0) return null;
  const given = givenStance(ctx, k, s, e, sentence);
  if (given) return given;
  let source: Range | null = null;
  // A named owner may stand before the noun's modifiers: "Sen. Graham’s energetic endorsement".
  let o = k - 1;
  while (o > s && tokens[o].pos === 'ADJ') o--;
  const prev = tokens[o];
  if (/^(his|her|their|its)$/.test(tokens[k - 1]?.lower ?? '')) source = [k - 1, k];
  else if (prev && (prev.lower === '’s' || prev.lower === "'s") && o - 1 >= s) {
    let i = o - 1;
    while (i > s && (tokens[i - 1].pos === 'PROPN' || tokens[i - 1].text === '.' || tokens[i - 1].pos === 'NOUN' && /^\p{Lu}/u.test(tokens[i - 1].text))) i--;
    if (tokens[o - 1].pos === 'PROPN' || tokens[o - 1].pos === 'NOUN') source = [i, o];
  } else if (next.lower === 'from' || next.lower === 'by') {
    source = phraseAfter(tokens, k + 2, e);
  }
  // "criticism of the deal", "praise for Sanders from voters": a stance named without its holder.
  const unowned = !source && STANCE_NOUNS.has(tokens[k].lemma) && /^(of|for|to|against|on|about)$/.test(next.lower) && tokens[k - 1]?.lower !== 'no';
  if (!source && !unowned) return null;
  let i = source && source[0] > k ? source[1] : k + 1;
  while (i < e && (NOUN_LEADS.has(tokens[i].lower) || tokens[i].text === ':' || tokens[i].text === ',')) i++;
  if (i >= e - 1) return null;
  let j = i;
  while (j < e && tokens[j].text !== ',' && tokens[j].text !== ';' && tokens[j].text !== '—') j++;
  const end = ctx.quoteOf[i] >= 0 ? Math.max(ctx.quotes[ctx.quoteOf[i]].end, tokens[j - 1].end) : contentEnd(ctx, i, j).end;
  let content = spanTrim(ctx.text, tokens[i].start, end);
  if (!content) return null;
  if (!source) {
    // The holder may follow the object: "praise for Sanders from union members".
    for (let a = i + 1; a < j - 1; a++) if (tokens[a].lower === 'among' || tokens[a].lower === 'from') {
      source = phraseAfter(tokens, a + 1, j);
      if (source) content = spanTrim(ctx.text, tokens[i].start, tokens[a - 1].end);
      break;
    }
    if (!content) return null;
  }
  return found(ctx, source, k, k + 1, content, sentence, 'speech');
}

// Verbs of receiving a stance from someone: "drew criticism from", "won the endorsement of", "has the backing of".
const RECEIVING = new Set('draw receive win earn get attract pick garner gain secure land score collect enjoy face have'.split(' '));

/**
 * "The statement drew sharp criticism from both sides", "Cruz picked up the endorsement of Gov. Scott Walker": a stance
 * received from someone is theirs (the source), about the one who received it (the content); else null.
 */
function givenStance(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
  const { tokens } = ctx;
  if (!/^(from|of|by)$/.test(tokens[k + 1]?.lower ?? '')) return null;
  let v = k - 1;
  while (v > s && /^(DET|ADJ|ADV|NUM)$/.test(tokens[v].pos) || (v > s && /^(his|her|their|its|first|latest)$/.test(tokens[v].lower))) v--;
  if (tokens[v]?.lower === 'up' && tokens[v - 1]?.lemma === 'pick') v--;
  const verb = tokens[v];
  if (v <= s || !verb || (verb.pos !== 'VERB' && verb.pos !== 'AUX') || !RECEIVING.has(verb.lemma) || (verb.lemma === 'pick' && tokens[v + 1]?.lower !== 'up')) return null;
  const giver = phraseAfter(tokens, k + 2, e);
  if (!giver) return null;
  let a = v;
  while (a > s && (tokens[a - 1].pos === 'AUX' || tokens[a - 1].pos === 'ADV' || tokens[a - 1].lower === 'not')) a--;
  const receiver = phraseBefore(tokens, a, s);
  const content = receiver ? spanTrim(ctx.text, tokens[receiver[0]].start, tokens[receiver[1] - 1].end) : null;
  return found(ctx, giver, k, k + 2, content, sentence, 'speech');
}

// Nouns of a stance that are cues even without a holder in sight: "criticism of", "endorsement of" ("support for"
// and "opposition to" are as often counts of voters as someone's stance, and were more often wrong than right on train).
const STANCE_NOUNS = new Set('criticism endorsement praise critique'.split(' '));

// What a finding can be "in" when it is credited to it: "Trump leads by 24 points in the new poll".
const FINDINGS = new Set('poll survey study'.split(' '));

/**
 * "Trump leads by 57 percent to 33 percent in the 50-state poll", "In a Post-ABC poll, three of four …": a
 * finding credited to the poll or statement it appears in. Only where no other cue reports the sentence.
 */
export function inFinding(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
  const { tokens, text } = ctx;
  let source = phraseAfter(tokens, k + 1, e);
  if (!source) return null;
  // The poll may run on with what describes it: "a Washington Post-ABC News poll released Sunday".
  let head = -1;
  for (let i = source[0]; i < source[1]; i++) if (FINDINGS.has(tokens[i].lemma)) head = i;
  if (head < 0 || head < source[1] - 2) return null;
  // "rising in the polls", "trails in polls": the polls in general are a standing, not a source.
  if (source[1] - source[0] <= 2 && /s$/.test(tokens[head].lower)) return null;
  let after = source[1];
  if (tokens[after]?.pos === 'VERB' && /ed$/.test(tokens[after].lower)) {
    let j = after + 1;
    while (j < e && tokens[j].text !== ',' && tokens[j].pos !== 'VERB' && tokens[j].pos !== 'AUX' && j - after < 6) j++;
    if (j >= e - 1 || tokens[j].text === ',') {
      source = [source[0], j];
      after = j;
    }
  }
  let content: TextSpan | null = null;
  if (k - s <= 1) {
    let i = after;
    while (i < e && tokens[i].text === ',') i++;
    if (i < e - 1) content = spanTrim(text, tokens[i].start, contentEnd(ctx, i, e).end);
  } else {
    let j = k;
    while (j > s && tokens[j - 1].pos === 'PUNCT') j--;
    if (j - s >= 3) content = spanTrim(text, middleStart(ctx, s), tokens[j - 1].end);
  }
  if (!content) return null;
  return found(ctx, source, k, k + 1, content, sentence, 'speech');
}

/** Adjectives (and "against") of a stance held about something: "is critical of", "are against", "was confident that". */
export const STANCES = new Set(
  'critical supportive skeptical sceptical opposed confident sure convinced aware certain adamant optimistic pessimistic hopeful worried concerned eager willing reluctant proud angry upset afraid unhappy happy against'.split(' '),
);
// What a stance is about: "critical of", "sure that", "eager to win", "against abolishing".
const STANCE_LEADS = new Set(['of', 'about', 'that', 'to', 'whether', 'with', 'if', 'on', 'for']);
const LINKS = new Set(['be', 'become', 'remain', 'seem', 'appear', 'grow', 'feel', 'sound']);

/**
 * "Graham has been critical of Trump", "Republicans are against abolishing the department", "Sanders is
 * confident that …": a stance stated with a linking verb and what it is about. "It is …" credits no one.
 */
export function stanceCue(ctx: Context, k: number, s: number, e: number, sentence: number): FoundAttribution | null {
  const { tokens, text } = ctx;
  const tok = tokens[k];
  const against = tok.lower === 'against';
  // The linking verb, past adverbs and negation: "has not always been", "is not".
  let v = k - 1;
  while (v > s && (tokens[v].pos === 'ADV' || tokens[v].lower === 'not' || tokens[v].lower === 'n’t' || tokens[v].lower === "n't")) v--;
  if (v < s || !LINKS.has(tokens[v].lemma) || (tokens[v].pos !== 'AUX' && tokens[v].pos !== 'VERB')) return null;
  let cs = v;
  while (cs > s && (tokens[cs - 1].pos === 'AUX' || tokens[cs - 1].lower === 'not' || tokens[cs - 1].lower === 'n’t')) cs--;
  const next = tokens[k + 1];
  if (!next || k + 2 >= e) return null;
  let ce = k + 1;
  if (!against) {
    if (!STANCE_LEADS.has(next.lower)) return null;
    if (next.lower === 'to' && tokens[k + 2]?.pos !== 'VERB' && tokens[k + 2]?.pos !== 'AUX') return null;
    if (next.lower !== 'that' && next.lower !== 'whether' && next.lower !== 'if' && next.lower !== 'to') ce = k + 2;
  }
  let source = phraseBefore(tokens, cs, s);
  const impersonal = !!source && source[1] - source[0] === 1 && /^(it|this|that|there)$/.test(tokens[source[0]].lower);
  if (impersonal) source = null;
  else if (!source) return null;
  let i = ce;
  if (tokens[i]?.lower === 'that' || tokens[i]?.lower === 'whether') i++;
  if (i >= e - 1) return null;
  const content = spanTrim(text, tokens[i].start, contentEnd(ctx, i, e).end);
  if (!content) return null;
  return found(ctx, source, cs, ce, content, sentence, 'thought');
}

// Heads of a "To X," that are times or measures, not minds: "To date,", "To some extent,".
const NOT_MINDS = new Set('year years decade decades month months week weeks day days time now date example instance instance part most first sure starters record moment while long example reason reasons end extent degree'.split(' '));

/**
 * "To many Republicans, the deal is a betrayal": a view credited to the people named at the start. Only
 * where no other cue reports the sentence.
 */
export function viewOf(ctx: Context, k: number, _s: number, e: number, sentence: number): FoundAttribution | null {
  const { tokens } = ctx;
  const source = phraseAfter(tokens, k + 1, e);
  if (!source || tokens[source[1]]?.text !== ',' || source[1] + 3 >= e) return null;
  const words = tokens.slice(source[0], source[1]);
  if (words.some((t) => NOT_MINDS.has(t.lower) || t.pos === 'NUM')) return null;
  const head = words[words.length - 1];
  if (!(head.pos === 'PROPN' || (head.pos === 'NOUN' && /s$/.test(head.lower)) || (head.pos === 'PRON' && /^(him|her|them|me|us)$/.test(head.lower)))) return null;
  const i = source[1] + 1;
  const content = spanTrim(ctx.text, tokens[i].start, contentEnd(ctx, i, e).end);
  if (!content) return null;
  return found(ctx, source, k, k + 1, content, sentence, 'thought');
}
