import type { Token } from '../text/tokens';
import type { AttributionStrength } from '../types';
import type { FoundAttribution } from './extract';
import { antecedent } from './phrases';
import { ANONYMOUS_HEADS, findPeople, genderOf, isOrgWord, isRoleWord, type Person, type PersonMention } from './people';

// Who each source is: a named person (directly, by surname, by pronoun or by role noun: "she",
// "Sanders", "the spokeswoman", "the Trump spokeswoman" → "Sarah Sanders"), an organisation, an
// anonymous source ("a source", "officials"), or nobody.

const ORG_NOUNS = new Set(
  ('administration government campaign company firm ministry agency department committee police court report poll survey study ' +
    'statement paper newspaper network channel website site group organization organisation party team office embassy regime ' +
    'council board commission military army prosecutors authorities media outlet magazine white house state').split(' '),
);
const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'i', 'we', 'you']);

interface Resolved {
  speaker: string | null;
  strength: AttributionStrength;
  person: Person | null;
}

/** Fills in `speaker` and `strength` of each attribution, in document order. */
export function resolveSpeakers(tokens: Token[], attributions: FoundAttribution[]): void {
  const { people, mentions } = findPeople(tokens);
  const history: Resolved[] = [];
  for (const a of attributions) {
    const r = resolve(tokens, a, people, mentions, history);
    a.speaker = r.speaker;
    a.strength = r.strength;
    history.push(r);
  }
}

function resolve(tokens: Token[], a: FoundAttribution, people: Person[], mentions: PersonMention[], history: Resolved[]): Resolved {
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
  const mention = mentions.find((m) => m.start < e && s < m.end && m.end >= e - 1);
  if (mention) return person(mention.person);
  let h = e - 1;
  while (h > s && (tokens[h].pos === 'PUNCT' || tokens[h].pos === 'PART')) h--;
  const head = tokens[h];
  const lower = head.lower;
  if (head.pos === 'PRON') return pronoun(lower, a, people, mentions, history);
  if (isRoleWord(lower) && !ANONYMOUS_HEADS.has(lower)) {
    const p = byRole(tokens, s, h, people, a.cue.start);
    if (p) return person(p);
    const indefinite = tokens[s].lower === 'a' || tokens[s].lower === 'an' || tokens[s].lower === 'one';
    return { speaker: null, strength: indefinite ? 'anonymous' : 'person', person: null };
  }
  if (ANONYMOUS_HEADS.has(lower) || /^(a|an|one|several|some|many|two|three|few|other|another)$/.test(tokens[s].lower) && !/^\p{Lu}/u.test(head.text))
    return { speaker: null, strength: 'anonymous', person: null };
  if (/^\p{Lu}/u.test(head.text)) {
    // A capitalised name no person rule claimed: an organisation ("The Post", "the White House", "Reuters").
    const from = tokens[s].pos === 'DET' ? s + 1 : s;
    const name = tokens.slice(from, h + 1).map((t, k, all) => (k > 0 && t.start > all[k - 1].end ? ' ' : '') + t.text).join('');
    return { speaker: name, strength: 'organization', person: null };
  }
  if (ORG_NOUNS.has(lower) || isOrgWord(lower)) return { speaker: null, strength: 'organization', person: null };
  return { speaker: null, strength: 'anonymous', person: null };
}

function person(p: Person): Resolved {
  return { speaker: p.name, strength: 'person', person: p };
}

/** he/she: the latest person source of a compatible gender, else the latest person named before; it: the latest organisation. */
function pronoun(lower: string, a: FoundAttribution, people: Person[], mentions: PersonMention[], history: Resolved[]): Resolved {
  if (lower === 'it' || lower === 'they') {
    for (let k = history.length - 1; k >= Math.max(0, history.length - 4); k--) {
      const r = history[k];
      if (r.strength === 'organization' || (lower === 'they' && r.strength === 'anonymous')) return { ...r };
    }
    return { speaker: null, strength: lower === 'it' ? 'organization' : 'anonymous', person: null };
  }
  if (!PERSON_PRONOUNS.has(lower) || lower === 'i' || lower === 'we' || lower === 'you') return { speaker: null, strength: 'person', person: null };
  const gender = genderOf(lower);
  const fits = (p: Person | null) => !!p && (!gender || !p.gender || p.gender === gender);
  for (let k = history.length - 1; k >= Math.max(0, history.length - 3); k--) {
    const p = history[k].person;
    if (p && fits(p)) {
      if (gender) p.gender ??= gender;
      return person(p);
    }
  }
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k];
    void people;
    if (m.person.first > a.cue.start) continue;
    if (fits(m.person)) {
      if (gender) m.person.gender ??= gender;
      return person(m.person);
    }
  }
  return { speaker: null, strength: 'person', person: null };
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
