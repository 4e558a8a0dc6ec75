import type { Token } from '../text/tokens';

// Noun phrases found from part-of-speech tags alone, left of a cue ("White House spokeswoman Sarah
// Sanders said") or right of it ("said the Trump spokeswoman"). Ranges are token indices [start, end).

/** A token range [start, end). */
export type Range = [number, number];

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who', 'one']);
const RELATIVES = new Set(['who', 'which', 'that']);
const NP_PUNCT = new Set(['-', '.', '&', '’s', "'s", '’', "'"]);
// Words between a subject and its cue that belong to neither: auxiliaries, negation, adverbs.
const SKIP_POS = new Set(['AUX', 'ADV']);
const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week weekend month year morning afternoon evening night earlier later recently'.split(' '),
);

// Determiners that stand alone as a subject: "another says", "some argue", "both said".
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const STANDALONE = new Set(
  'another one some many most others both few all either neither each half third quarter fifth majority minority plurality'.split(' '),
);

/** "…, most said", "and a third said": a quantity standing alone as the subject at token `k`, which the tagger reads as an adverb. */
export function standingSubject(tokens: Token[], k: number, floor: number): boolean {
  const t = tokens[k];
  if (!t || t.pos !== 'ADV' || !STANDALONE.has(t.lower)) return false;
  const before = tokens[k - 1];
  return k === floor || (!!before && (before.text === ',' || before.text === ';' || before.pos === 'CCONJ' || before.pos === 'DET'));
}

function isNominal(t: Token): boolean {
  if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'NUM' || (t.pos === 'PRON' && t.lower !== 'that') || STANDALONE.has(t.lower)) return true;
  // A capitalised name the tagger read as a verb or adjective ("Cook said").
  return (t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'X') && t.text.charCodeAt(0) !== t.lower.charCodeAt(0);
}

function inPhrase(t: Token): boolean {
  if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'DET' || t.pos === 'NUM') return true;
  if (t.pos === 'ADV' && STANDALONE.has(t.lower)) return true;
  if (t.pos === 'PART') return t.lower === '’s' || t.lower === "'s";
  if (t.pos === 'PRON') return t.lower === 'his' || t.lower === 'her' || t.lower === 'their' || t.lower === 'its' || t.lower === 'our' || t.lower === 'my';
  if (t.pos === 'PUNCT') return NP_PUNCT.has(t.text);
  // A capitalised word the tagger took for a verb or adverb inside a name ("Press Secretary", "Kim Jong Un").
  return /^\p{Lu}/u.test(t.text) && t.pos !== 'PRON' && t.pos !== 'ADP' && t.pos !== 'CCONJ' && t.pos !== 'SCONJ' && t.pos !== 'ADV' && t.pos !== 'AUX';
}

/** Skips auxiliaries, adverbs, negation and time phrases ("has also repeatedly", "on Monday") leftwards from `end`. */
export function skipBackModifiers(tokens: Token[], end: number, floor: number): number {
  let j = end;
  for (;;) {
    const t = tokens[j - 1];
    if (j <= floor || !t) return j;
    // "has since apologized", "further announced", "all but accused": adverbs the tagger reads as something else.
    const adverb = t.lower === 'further' || (t.lower === 'since' && tokens[j - 2]?.pos === 'AUX') || (t.lower === 'but' && tokens[j - 2]?.lower === 'all');
    if (adverb && t.lower === 'but') {
      j -= 2;
      continue;
    }
    if (j === end && standingSubject(tokens, j - 1, floor)) return j;
    // "…, Jolly said": a capitalised word the tagger read as an adverb, right after a comma and before the verb, is a name.
    if (j === end && t.pos === 'ADV' && /^\p{Lu}/u.test(t.text) && tokens[j - 2]?.text === ',' && j - 1 > floor) return j;
    if (SKIP_POS.has(t.pos) || adverb || t.lower === 'not' || t.lower === 'n’t' || t.lower === "n't") {
      j--;
      continue;
    }
    // "Clinton herself has proposed", "the candidate himself copped to": an intensifier after the subject.
    if (/^(himself|herself|themselves|itself)$/.test(t.lower) && j - 1 > floor && /^(PROPN|NOUN)$/.test(tokens[j - 2].pos)) {
      j--;
      continue;
    }
    // "Sanders on Monday said", "Sanders Monday said", "the chairman this past week announced"
    if (TIME_WORDS.has(t.lower)) {
      j--;
      if (tokens[j - 1]?.lower === 'past' && j - 1 > floor) j--;
      const prev = tokens[j - 1];
      if (prev && j > floor && (prev.lower === 'on' || prev.lower === 'last' || prev.lower === 'this' || prev.lower === 'late' || prev.lower === 'early')) j--;
      continue;
    }
    // "Zucker, who in the past has voiced", "who over the years has called": a time phrase after the subject.
    if (/^(past|years|decades|months|weeks)$/.test(t.lower) && tokens[j - 2]?.lower === 'the' && /^(in|over|for)$/.test(tokens[j - 3]?.lower ?? '') && j - 3 > floor) {
      j -= 3;
      continue;
    }
    // A reduced relative after the noun: "A court document filed Thursday says".
    if (t.pos === 'VERB' && /ed$/.test(t.lower) && j - 1 > floor && tokens[j - 2].pos === 'NOUN') {
      j--;
      continue;
    }
    // A parenthetical after the name: "Warren (D-Mass.) said".
    if (t.text === ')') {
      let k = j - 1;
      while (k > floor && tokens[k].text !== '(' && j - k < 8) k--;
      if (tokens[k].text === '(') {
        j = k;
        continue;
      }
    }
    return j;
  }
}

/** The noun phrase ending just before token `end` (after skipping modifiers), or null. */
export function phraseBefore(tokens: Token[], end: number, floor: number): Range | null {
  const j = skipBackModifiers(tokens, end, floor);
  if (j <= floor) return null;
  const last = tokens[j - 1];
  // A relative pronoun is the source as written ("a source who said"); speakers.ts resolves it to its antecedent.
  if (last.pos === 'PRON' && SUBJECT_PRONOUNS.has(last.lower)) return [j - 1, j];
  if (RELATIVES.has(last.lower)) return [j - 1, j];
  if (last.text === ',') return subjectBeforeParenthetical(tokens, j - 1, floor);
  // "Marcel Lazar, the hacker known as “Guccifer,” stated": the aside ends in a quoted name, its comma inside the quote.
  if ((last.text === '”' || last.text === '"') && tokens[j - 2]?.text === ',' && j - 2 > floor) {
    const np = subjectBeforeParenthetical(tokens, j - 1, floor);
    // The quote is closed inside the source as it is in the text.
    return np && np[1] === j - 1 ? [np[0], j] : np;
  }
  let i = j;
  while (i > floor && (inPhrase(tokens[i - 1]) || joinsPhrase(tokens, i - 1, floor))) i--;
  // Include a bracketed party tag inside the phrase end: handled by skipBackModifiers. Trim leading joiners.
  while (i < j && !inPhrase(tokens[i])) i++;
  while (i < j && (tokens[i].pos === 'PUNCT' || tokens[i].pos === 'PART')) i++;
  // A time phrase before the subject is not part of it: "The past week Kim Jong Un reiterated".
  const time = /^(the|this|last|next|past)$/.test(tokens[i]?.lower ?? '') ? i + 1 : -1;
  if (time > 0) {
    let t = time;
    while (t < j && (tokens[t].pos === 'ADJ' || tokens[t].lower === 'past')) t++;
    if (t < j - 1 && /^(week|month|year|day|weekend|night|morning|evening|summer|winter|spring|fall)$/.test(tokens[t].lower)) i = t + 1;
  }
  if (i >= j || !hasHead(tokens, i, j)) return null;
  // The intensifier skipped above belongs to the subject: "Clinton herself".
  if (j < end && /^(himself|herself|themselves|itself)$/.test(tokens[j].lower)) return [i, j + 1];
  return withApposition(tokens, [i, j], floor);
}

/**
 * "Marley Anderson, 21, a junior from Las Vegas, said", "Sanders, who …, said": a subject phrase at the
 * start of the sentence (or of a comma-led clause) followed by parentheticals up to the comma before the cue.
 */
function subjectBeforeParenthetical(tokens: Token[], comma: number, floor: number): Range | null {
  const starts = [floor];
  for (let k = floor; k < comma; k++) if (tokens[k].text === ',') starts.push(k + 1);
  for (const start of starts) {
    if (start >= comma) break;
    let i = start;
    while (i < comma && (tokens[i].pos === 'CCONJ' || tokens[i].lower === 'but' || (tokens[i].pos === 'PUNCT' && tokens[i].text !== ','))) i++;
    let j = i;
    while (j < comma && (inPhrase(tokens[j]) || joinsPhrase(tokens, j, i))) j++;
    if (j > i && j < comma && tokens[j].text === ',' && hasHead(tokens, i, j) && !(j - i === 1 && tokens[i].pos === 'NUM')) {
      // The parenthetical describes the subject ("63, an independent voter raised in Chile", "who led the
      // committee"); it must not be a clause of its own that reports something, nor run on for long.
      const inner = tokens.slice(j + 1, comma);
      // A short quote inside names or cites something ("the hacker known as “Guccifer,”"); a long one is speech.
      let quoted = 0;
      let open = false;
      for (const t of inner) {
        if (t.text === '“' || t.text === '”' || t.text === '"' || t.text === "''" ) open = t.text === '“' ? true : t.text === '”' ? false : !open;
        else if (open) quoted++;
      }
      const reports = inner.some((t) => t.lemma === 'say') || quoted > 6;
      const clause = inner[0]?.pos === 'PRON' && !/^(who|whose|which)$/.test(inner[0].lower);
      if (!reports && !clause && inner.length <= 45) return [i, comma];
    }
  }
  return null;
}

/** The lower-case end of a hyphenated name: "in" of "Moon Jae-in", "un" of "Kim Jong-un". */
function hyphenTail(tokens: Token[], k: number): boolean {
  const dash = tokens[k - 1];
  const head = tokens[k - 2];
  const t = tokens[k];
  return !!dash && !!head && dash.text === '-' && dash.end === t.start && head.end === dash.start && /^\p{Lu}/u.test(head.text);
}

/** "of" and "and" inside a phrase ("Secretary of State Mike Pompeo", "Trump and Pence"), a parenthetical. */
function joinsPhrase(tokens: Token[], k: number, floor: number): boolean {
  const t = tokens[k];
  if (hyphenTail(tokens, k) && k - 2 >= floor) return true;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!prev || k <= floor || !next) return false;
  if ((t.lower === 'of' || t.lower === 'for') && isNominal(prev) && (next.pos === 'PROPN' || next.pos === 'NOUN' || next.pos === 'DET')) return true;
  // "majorities in all five", "4 in 10"
  if (t.lower === 'in' && (prev.pos === 'NUM' || prev.pos === 'NOUN') && (next.pos === 'NUM' || (next.pos === 'DET' && tokens[k + 2]?.pos === 'NUM'))) return true;
  if (t.lower === 'and' && isNominal(prev) && (isNominal(next) || next.pos === 'ADJ' || next.pos === 'DET')) return true;
  if (t.text === '(' || t.text === ')') return true;
  return false;
}

function hasHead(tokens: Token[], i: number, j: number): boolean {
  // A possessive alone ("their say") heads nothing.
  for (let k = i; k < j; k++) if (isNominal(tokens[k]) && !POSSESSIVES.has(tokens[k].lower)) return true;
  // An adjective standing for a noun after a determiner: "the self-described democratic socialist".
  return j - i >= 2 && tokens[i].pos === 'DET' && tokens[j - 1].pos === 'ADJ';
}

/** "Sarah Sanders, the White House spokeswoman, said": the name and its apposition form the source. */
function withApposition(tokens: Token[], np: Range, floor: number): Range {
  const [i, j] = np;
  const comma = tokens[i - 1];
  if (!comma || comma.text !== ',' || i - 1 <= floor) return np;
  const after = tokens[j];
  // Only when a comma closes the apposition right before the cue side ("…, the spokeswoman, said").
  if (!after || after.text !== ',') return np;
  let k = i - 1;
  while (k > floor && (inPhrase(tokens[k - 1]) || joinsPhrase(tokens, k - 1, floor))) k--;
  if (k < i - 1 && tokens.slice(k, i - 1).some((t) => t.pos === 'PROPN')) return [k, j];
  return np;
}

/** The phrase a relative pronoun stands for: "a source who said" → "a source". */
export function antecedent(tokens: Token[], rel: number, floor: number): Range | null {
  let j = rel;
  if (tokens[j - 1]?.text === ',') j--;
  let i = j;
  while (i > floor && (inPhrase(tokens[i - 1]) || joinsPhrase(tokens, i - 1, floor))) i--;
  while (i < j && !inPhrase(tokens[i])) i++;
  return i < j && hasHead(tokens, i, j) ? [i, j] : null;
}

/** The noun phrase starting at token `start` ("the Trump spokeswoman", "Sarah Sanders, the press secretary"), or null. */
export function phraseAfter(tokens: Token[], start: number, limit: number): Range | null {
  let i = start;
  if (i >= limit) return null;
  const first = tokens[i];
  if (first.pos === 'PRON' && !RELATIVES.has(first.lower) && !inPhrase(first)) return [i, i + 1];
  let j = i;
  // An adverb the tagger put inside a phrase ("a new poll", "a just-released poll") when a phrase word follows.
  const adverbInside = (k: number) => tokens[k].pos === 'ADV' && k + 1 < limit && k > i && (inPhrase(tokens[k + 1]) || tokens[k + 1].text === '-');
  while (j < limit && (inPhrase(tokens[j]) || adverbInside(j) || (j > i && joinsPhrase(tokens, j, i)))) {
    // A determiner after a noun starts the next phrase: "told reporters | the letter …".
    if (j > i && tokens[j].pos === 'DET' && (tokens[j - 1].pos === 'NOUN' || tokens[j - 1].pos === 'PROPN' || tokens[j - 1].pos === 'PRON')) break;
    j++;
  }
  while (j > i && (tokens[j - 1].pos === 'PUNCT' || tokens[j - 1].pos === 'ADP')) j--;
  if (j <= i || !hasHead(tokens, i, j)) return null;
  // An apposition running to the end of the clause: "said John Bolton, the national security adviser."
  if (tokens[j]?.text === ',' && j + 1 < limit) {
    let k = j + 1;
    while (k < limit && (inPhrase(tokens[k]) || joinsPhrase(tokens, k, j + 1))) k++;
    const end = tokens[k];
    if (k > j + 1 && hasHead(tokens, j + 1, k) && (k >= limit || end.pos === 'PUNCT')) return [i, k];
  }
  i = Math.max(i, start);
  return [i, j];
}

// Words a long subject may hold besides a noun phrase's own: "those surveyed", "another source familiar with
// Cruz’s thinking", "a spokesman for the campaign".
const LOOSE_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'ADP', 'PART', 'X', 'SYM']);

/**
 * The subject of a verb of saying when the tagger broke the phrase ("Jolly said" with "Jolly" read as an
 * adverb, "those surveyed said"): the words back to the start of the clause, if they are few and name someone.
 */
export function looseSubject(tokens: Token[], end: number, floor: number): Range | null {
  const j = skipBackModifiers(tokens, end, floor);
  let i = j;
  while (i > floor && j - i < 14) {
    const t = tokens[i - 1];
    const word = LOOSE_POS.has(t.pos) || NP_PUNCT.has(t.text) || /^\p{Lu}/u.test(t.text) && t.pos !== 'PUNCT' && t.pos !== 'SCONJ' && t.pos !== 'CCONJ';
    const participle = t.pos === 'VERB' && /(ed|ing)$/.test(t.lower);
    const pronoun = t.pos === 'PRON' && !RELATIVES.has(t.lower) && t.lower !== 'it';
    if (!word && !participle && !pronoun) break;
    i--;
  }
  // The clause must begin where the phrase does: the sentence start, or after a comma, a conjunction or a quote.
  const before = tokens[i - 1];
  // "Yet many officials on and off the island believe": an opening adverb is no part of the subject.
  if (i > floor && before && !(before.pos === 'PUNCT' || before.pos === 'CCONJ' || before.pos === 'SCONJ' || (before.pos === 'ADV' && i - 1 === floor))) return null;
  while (i < j && (tokens[i].pos === 'ADP' || tokens[i].pos === 'PART' || tokens[i].pos === 'PUNCT')) i++;
  if (i >= j || tokens[j - 1].pos === 'ADP' || tokens[j - 1].pos === 'DET') return null;
  const named = tokens.slice(i, j).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || /^\p{Lu}/u.test(t.text) || t.pos === 'PRON' || t.pos === 'DET');
  return named ? [i, j] : null;
}

/**
 * A subject set off from its verb by an aside or a relative clause: "Sims — a teacher from Mount Pleasant —
 * says", "the groups who wrote to her on Thursday say". The subject runs from the phrase to the verb.
 */
export function subjectAcrossAside(tokens: Token[], end: number, floor: number): Range | null {
  const j = skipBackModifiers(tokens, end, floor);
  const last = tokens[j - 1];
  if (!last || j - 1 <= floor) return null;
  if (/^[—–-]$/.test(last.text) || last.text === ',') {
    for (let d = j - 2; d > floor && j - d < 25; d--) {
      if (tokens[d].text !== last.text) continue;
      const np = phraseBefore(tokens, d, floor);
      return np && (np[0] === floor || /^[,;:—–(“"]$/.test(tokens[np[0] - 1].text) || tokens[np[0] - 1].pos === 'CCONJ') ? [np[0], j - 1] : null;
    }
    return null;
  }
  // A relative clause without commas: "organizations that have endorsed him say".
  for (let r = j - 2; r > floor && j - r < 12; r--) {
    const t = tokens[r];
    if (t.pos === 'PUNCT') return null;
    if (t.lower !== 'who' && t.lower !== 'that') continue;
    const np = antecedent(tokens, r, floor);
    return np && np[1] === r && (np[0] === floor || /^[,;:—–(“"]$/.test(tokens[np[0] - 1].text) || tokens[np[0] - 1].pos === 'CCONJ') ? [np[0], j] : null;
  }
  return null;
}

// Marks that end the clause before a subject: a quote's closing mark, a semicolon, a colon.
const CLAUSE_BREAK = new Set([';', ':', '“', '”', '"', '‘', '’', "'", "''", '``']);

/**
 * The words opening the clause of a verb of saying whose subject no phrase rule found: "Even Rendell, a stalwart
 * Clinton supporter, said", "Many speakers at the service — including Muslims, Jews — said", "Jolly said" (with
 * "Jolly" read as an adverb). From the clause's start to the verb, if they name someone before any aside and hold
 * no verb of their own there.
 */
export function clauseOpening(tokens: Token[], end: number, floor: number): Range | null {
  let j = end;
  while (j > floor && (tokens[j - 1].pos === 'AUX' || tokens[j - 1].lower === 'not' || tokens[j - 1].lower === 'n’t' || (tokens[j - 1].pos === 'ADV' && !/^\p{Lu}/u.test(tokens[j - 1].text)))) j--;
  let i = j;
  while (i > floor && j - i < 45 && !CLAUSE_BREAK.has(tokens[i - 1].text) && tokens[i - 1].pos !== 'SCONJ') i--;
  if (i > floor && !CLAUSE_BREAK.has(tokens[i - 1].text) && tokens[i - 1].pos !== 'SCONJ') return null;
  // An opening adverb or conjunction ("Even", "Yet", "But") is no part of the subject, unless it is all there is.
  while (i < j - 1 && (tokens[i].pos === 'ADV' || tokens[i].pos === 'CCONJ' || tokens[i].pos === 'PUNCT')) i++;
  // "In London, Robey Warshaw, a firm …, is advising": an opening prepositional phrase set off by a comma is no part of
  // the subject; "…while at the State Department, said": one without a comma is no subject at all.
  if (i < j && tokens[i].pos === 'ADP') {
    let c = i;
    while (c < j - 1 && tokens[c].text !== ',') c++;
    if (c >= j - 1) return null;
    i = c + 1;
    while (i < j - 1 && (tokens[i].pos === 'ADV' || tokens[i].pos === 'CCONJ' || tokens[i].pos === 'PUNCT')) i++;
  }
  if (i >= j) return null;
  // Right before the verb: the head's last word, or the mark closing an aside.
  const last = tokens[j - 1];
  if (!(isNominal(last) || /^\p{Lu}/u.test(last.text) || last.text === '%' || last.text === ',' || last.text === ')' || /^[—–-]+$/.test(last.text))) return null;
  // An aside of the form "Clinton suggested" is an attribution of its own, not a description of the subject.
  for (let k = i + 1; k < j; k++)
    if (tokens[k].pos === 'VERB' && (tokens[k - 1].pos === 'PROPN' || (tokens[k - 1].pos === 'PRON' && !RELATIVES.has(tokens[k - 1].lower)))) return null;
  // The head: the words before the first aside; a verb there means the clause says something of its own.
  let named = false;
  for (let k = i; k < j; k++) {
    const t = tokens[k];
    // An aside opens with a comma, a dash standing apart ("Thirty-nine" has one inside a word) or a bracket.
    if (t.text === ',' || t.text === '(' || /^[—–]$/.test(t.text) || (/^-+$/.test(t.text) && tokens[k - 1]?.end !== t.start)) break;
    if ((t.pos === 'VERB' && !/^\p{Lu}/u.test(t.text)) || t.pos === 'AUX' || t.pos === 'SCONJ' || (t.pos === 'PRON' && RELATIVES.has(t.lower))) return null;
    if (isNominal(t) || /^\p{Lu}/u.test(t.text)) named = true;
  }
  while (j > i + 1 && tokens[j - 1].pos === 'PUNCT' && tokens[j - 1].text !== ')') j--;
  return named ? [i, j] : null;
}

/** Whether token `k` is a hyphen inside a word or a word joined to one ("evidence-free", "long-time"). */
export function inHyphenated(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (t.text === '-') return !!prev && !!next && prev.end === t.start && t.end === next.start;
  return (!!next && next.text === '-' && t.end === next.start) || (!!prev && prev.text === '-' && prev.end === t.start);
}

/**
 * The one who holds a noun cue that is the object of a verb: "He avoided direct criticism of", "Bush had harsh words
 * for", "insurers are raising alarms about", "he gave her a lengthy answer about": the verb's subject, or null.
 */
export function holderOfObject(tokens: Token[], cs: number, floor: number): Range | null {
  let v = cs;
  while (v > floor && (tokens[v - 1].pos === 'DET' || tokens[v - 1].pos === 'ADJ' || tokens[v - 1].pos === 'ADV' || tokens[v - 1].pos === 'NUM' || inHyphenated(tokens, v - 1))) v--;
  // An indirect object between the verb and its object: "gave her a lengthy answer".
  if (v > floor + 1 && v < cs && tokens[v].pos === 'DET' && /^(her|him|them|us|me|you)$/.test(tokens[v - 1].lower)) v--;
  if (v <= floor) return null;
  const verb = tokens[v - 1];
  // Right after the verb only when it is a verb proper ("raising alarms"), not an auxiliary ("is criticism").
  if (!(verb.pos === 'VERB' || (verb.pos === 'AUX' && v < cs))) return null;
  let w = v - 1;
  while (w > floor && (tokens[w - 1].pos === 'AUX' || tokens[w - 1].pos === 'ADV' || tokens[w - 1].pos === 'PART')) w--;
  return phraseBefore(tokens, w, floor);
}
