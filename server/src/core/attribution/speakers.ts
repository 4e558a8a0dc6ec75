import type { Token } from '../text/tokens';
import type { AttributionStrength, Quote } from '../types';
import type { FoundAttribution } from './extract';
import { antecedent } from './phrases';
import { ANONYMOUS_HEADS, findPeople, genderOf, isOrgWord, isPlaceWord, isRoleWord, type Person, type PersonMention } from './people';

// Who each source is: a named person (directly, by surname, by pronoun or by role noun: "she",
// "Sanders", "the spokeswoman", "the Trump spokeswoman" → "Sarah Sanders"), an organisation, an
// anonymous source ("a source", "officials"), or nobody.

const ORG_NOUNS = new Set(
  ('administration government campaign company firm ministry agency department committee police court report poll survey study ' +
    'statement paper newspaper network channel website site group organization organisation party team office embassy regime ' +
    'council board commission military army prosecutors authorities media outlet magazine white house state').split(' '),
);
const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'i', 'we', 'you']);

interface Resolved {
  speaker: string | null;
  /** Token range of the naming words inside the source. */
  name?: [number, number];
  strength: AttributionStrength;
  person: Person | null;
  /** Sentence and offset of the cue, for pronouns that look back. */
  sentence?: number;
  at?: number;
}

interface Mention extends PersonMention {
  sentence: number;
  at: number;
}

/** Fills in `speaker` and `strength` of each attribution, in document order. */
export function resolveSpeakers(tokens: Token[], attributions: FoundAttribution[], quotes: Quote[] = []): void {
  const { people, mentions: all } = findPeople(tokens);
  // Names inside quotation marks are what someone said, not who is speaking.
  const mentions: Mention[] = [];
  let q = 0;
  for (const m of all) {
    const at = tokens[m.start].start;
    while (q < quotes.length && quotes[q].end <= at) q++;
    if (q < quotes.length && quotes[q].start <= at) continue;
    mentions.push({ ...m, sentence: tokens[m.start].sentence, at });
  }
  const history: Resolved[] = [];
  for (const a of attributions) {
    const r = resolve(tokens, a, people, mentions, history);
    a.speaker = r.speaker;
    // Only words inside the source: a relative pronoun's antecedent ("a source who said") lies outside it.
    if (r.name && a.source) {
      const start = tokens[r.name[0]].start;
      const end = tokens[r.name[1] - 1].end;
      if (a.source.start <= start && end <= a.source.end) a.name = { start, end, text: a.source.text.slice(start - a.source.start, end - a.source.start) };
    }
    a.strength = r.strength;
    history.push({ ...r, sentence: a.sentence, at: a.cue.start });
  }
}

function resolve(tokens: Token[], a: FoundAttribution, people: Person[], mentions: Mention[], history: Resolved[]): Resolved {
  if (!a.sourceTokens) return { speaker: null, strength: 'none', person: null };
  let [s, e] = a.sourceTokens;
  if (e - s === 1 && /^(who|which|that)$/.test(tokens[s].lower)) {
    const ante = antecedent(tokens, s, Math.max(0, s - 12));
    if (!ante) return { speaker: null, strength: 'anonymous', person: null };
    [s, e] = ante;
  }
  // "Sarah Sanders, the White House spokeswoman": the part before the apposition names the source.
  for (let k = s; k < e; k++)
    if (tokens[k].text === ',') {
      e = k;
      break;
    }
  let h = e - 1;
  while (h > s && (tokens[h].pos === 'PUNCT' || tokens[h].pos === 'PART')) h--;
  // The name must be the head of the phrase: "the Trump spokeswoman" is not Trump.
  const mention = mentionAt(mentions, h);
  if (mention) return { ...person(mention.person), name: [Math.max(mention.start, s), Math.min(mention.end, e)] };
  const head = tokens[h];
  const lower = head.lower;
  if (head.pos === 'PRON') return pronoun(lower, a, mentions, history);
  const indefinite = /^(a|an|one|several|some|many|two|three|few|other|another|senior|top)$/.test(tokens[s].lower);
  if (isRoleWord(lower) && !(ANONYMOUS_HEADS.has(lower) && (indefinite || /s$/.test(lower) || lower === 'source' || lower === 'official'))) {
    const p = byRole(tokens, s, h, people, a.cue.start) ?? recentUntitled(tokens, s, h, a, mentions);
    if (p) return person(p);
    return { speaker: null, strength: indefinite ? 'anonymous' : 'person', person: null };
  }
  if (ANONYMOUS_HEADS.has(lower) || (indefinite && !/^\p{Lu}/u.test(head.text)))
    return { speaker: null, strength: 'anonymous', person: null };
  if (/^\p{Lu}/u.test(head.text)) {
    const from = tokens[s].pos === 'DET' ? s + 1 : s;
    const name = tokens.slice(from, h + 1).map((t, k, all) => (k > 0 && t.start > all[k - 1].end ? ' ' : '') + t.text).join('');
    // A bare surname the article never spelled out ("Sanders said") is a person; with an article,
    // an organisation word or a place it is an organisation ("The Post", "the White House", "Pyongyang").
    const bareName = from === s && h - from <= 2 && tokens.slice(from, h + 1).every((t) => t.pos === 'PROPN' && !isOrgWord(t.text) && !isPlaceWord(t.text));
    return { speaker: name, strength: bareName ? 'person' : 'organization', person: null, name: [from, h + 1] };
  }
  if (ORG_NOUNS.has(lower) || isOrgWord(lower)) {
    // "the North Korean authorities", "the Trump administration": named by their capitalised words.
    const from = tokens[s].pos === 'DET' ? s + 1 : s;
    const named = tokens.slice(from, h).some((t) => t.pos === 'PROPN');
    const name = tokens.slice(from, h + 1).map((t, k, all) => (k > 0 && t.start > all[k - 1].end ? ' ' : '') + t.text).join('');
    return { speaker: named ? name : null, strength: 'organization', person: null, name: named ? [from, h + 1] : undefined };
  }
  return { speaker: null, strength: 'anonymous', person: null };
}

function person(p: Person): Resolved {
  return { speaker: p.name, strength: 'person', person: p };
}

/**
 * he/she: looking back sentence by sentence (this one, then up to three before), the latest person
 * credited there, else the first person named there (the subject), of a compatible gender.
 * it/they: the latest organisation (or, for they, anonymous group) credited just before.
 */
function pronoun(lower: string, a: FoundAttribution, mentions: Mention[], history: Resolved[]): Resolved {
  if (lower === 'it' || lower === 'they' || lower === 'its' || lower === 'their') {
    for (let k = history.length - 1; k >= Math.max(0, history.length - 4); k--) {
      const r = history[k];
      const plural = lower === 'they' || lower === 'their';
      if (r.strength === 'organization' || (plural && r.strength === 'anonymous')) return { ...r, name: undefined };
    }
    return { speaker: null, strength: lower === 'it' || lower === 'its' ? 'organization' : 'anonymous', person: null };
  }
  if (!PERSON_PRONOUNS.has(lower) || lower === 'i' || lower === 'we' || lower === 'you') return { speaker: null, strength: 'person', person: null };
  const gender = genderOf(lower);
  const fits = (p: Person | null): p is Person => !!p && (!gender || !p.gender || p.gender === gender);
  const found = (p: Person): Resolved => {
    if (gender) p.gender ??= gender;
    return person(p);
  };
  const at = a.sourceTokens ? a.source!.start : a.cue.start;
  // History and mentions are in document order: walk both back once, sentence by sentence.
  let k = history.length - 1;
  let m = upperBound(mentions, at) - 1;
  for (let si = a.sentence; si >= a.sentence - 3 && si >= 0; si--) {
    while (k >= 0 && (history[k].sentence ?? 0) > si) k--;
    for (let h = k; h >= 0 && history[h].sentence === si; h--) {
      const r = history[h];
      if ((r.at ?? 0) < at && fits(r.person)) return found(r.person);
    }
    while (m >= 0 && mentions[m].sentence > si) m--;
    let first = m;
    while (first > 0 && mentions[first - 1].sentence === si) first--;
    for (let x = first; x <= m && x >= 0; x++) if (mentions[x].sentence === si && fits(mentions[x].person)) return found(mentions[x].person);
  }
  return { speaker: null, strength: 'person', person: null };
}

/**
 * A role no named person was given, used for someone just named: "a letter from Kim Jong-un, in which
 * the North Korean leader wants …". Only people with no role of their own, of a compatible gender.
 */
function recentUntitled(tokens: Token[], s: number, h: number, a: FoundAttribution, mentions: Mention[]): Person | null {
  const gender = genderOf(tokens[h].text);
  const modifiers = new Set(tokens.slice(s, h).map((t) => t.lower));
  const at = tokens[s].start;
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k];
    if (m.at >= at) continue;
    if (m.sentence < a.sentence - 1) break;
    const p = m.person;
    if (p.roles.length || p.words.some((w) => modifiers.has(w)) || (gender && p.gender && p.gender !== gender)) continue;
    return p;
  }
  return null;
}

/** "the spokeswoman", "the Trump spokeswoman", "the US president": the named person given that role, best modifier match. */
function byRole(tokens: Token[], s: number, h: number, people: Person[], before: number): Person | null {
  const head = tokens[h].lower;
  const modifiers = tokens
    .slice(s, h)
    .filter((t) => t.pos !== 'DET' && t.pos !== 'PART' && t.pos !== 'PUNCT')
    .map((t) => t.lower.replace(/’s$|'s$/, ''));
  let best: Person | null = null;
  let bestScore = -Infinity;
  for (const p of people) {
    for (const r of p.roles) {
      if (r.head !== head) continue;
      const overlap = r.modifiers.filter((m) => modifiers.includes(m)).length;
      const conflict = overlap === 0 && r.modifiers.length > 0 && modifiers.length > 0 ? 1 : 0;
      // The person's own name among the modifiers ("the Trump spokeswoman") is not that person.
      const self = p.words.some((w) => modifiers.includes(w)) ? 3 : 0;
      const score = 2 * overlap - conflict - self + (p.first < before ? 0.5 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
  }
  return best;
}

/** Index of the first mention at or after `at` (mentions are sorted by offset). */
function upperBound(mentions: Mention[], at: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The mention covering token `k` (mentions are sorted and do not overlap), or undefined. */
function mentionAt(mentions: Mention[], k: number): Mention | undefined {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= k) lo = mid + 1;
    else hi = mid;
  }
  const m = mentions[lo];
  return m && m.start <= k && k < m.end ? m : undefined;
}
