import type { Token } from '../text/tokens';

// The people an article names, with the roles it gives them ("White House spokeswoman Sarah Sanders",
// "national security adviser John Bolton", "Chairman Kim"), found from capitalisation, part of speech
// and a list of role words: wink-nlp has no person entities.

/** A role given to a person: its head ("spokeswoman") and its other words ("white", "house"). */
export interface Role {
  head: string;
  modifiers: string[];
}

/** A person named in the article. */
export interface Person {
  /** The longest form of the name the article uses ("Sarah Sanders"). */
  name: string;
  words: string[];
  roles: Role[];
  gender: 'f' | 'm' | null;
  /** Offset of the first mention. */
  first: number;
}

/** A place in the text where a person is named: token range [start, end) of the name. */
export interface PersonMention {
  start: number;
  end: number;
  person: Person;
}

const ROLE_WORDS = new Set(
  ('president vice-president secretary spokeswoman spokesman spokesperson adviser advisor analyst leader minister premier chancellor ' +
    'chairman chairwoman chair senator sen rep representative congressman congresswoman governor gov mayor ambassador envoy ' +
    'director chief officer correspondent editor reporter columnist professor economist strategist expert ceo founder executive ' +
    'commander general gen judge justice candidate nominee speaker aide lawyer attorney manager researcher dr mr mrs ms ruler king ' +
    'queen prince pope dictator host anchor pastor rev diplomat negotiator official head deputy counsel press-secretary ' +
    'commissioner sheriff prosecutor spokesperson lt col capt sgt adm').split(' '),
);
// Role words that do not name one person: an unnamed holder is an anonymous source.
export const ANONYMOUS_HEADS = new Set(
  ('source sources official officials aide aides person people insider insiders observer observers expert experts analyst analysts ' +
    'diplomat diplomats staffer staffers member members lawmaker lawmakers critic critics supporter supporters resident residents ' +
    'someone witness witnesses employee employees adviser advisers advisors insiders voter voters officer officers').split(' '),
);
const ORG_WORDS = new Set(
  ('house department ministry post times news agency committee party council union bank inc corp group association university ' +
    'court congress senate administration government campaign office service network institute foundation center centre ' +
    'organization commission reuters ap cnn fox bbc msnbc nbc abc cbs kcna journal tribune herald guardian telegraph press ' +
    'markets company corporation fund club school college police army navy force forces command bureau board federation ' +
    'pentagon kremlin parliament assembly nations council watch poll survey magazine review daily globe street').split(' '),
);
// Words of place names, so that "North Korea" or "New York" is never taken for a person.
const PLACE_WORDS = new Set(
  ('north south east west new united states kingdom korea korean america american york china chinese russia iran israel ' +
    'city county island islands republic union peninsula gulf sea valley street avenue county europe asia africa').split(' '),
);
const FEMALE = new Set('spokeswoman chairwoman congresswoman mrs ms madam queen businesswoman woman she her'.split(' '));
const MALE = new Set('spokesman chairman congressman mr king prince businessman man he his'.split(' '));

function isCapitalised(t: Token): boolean {
  // Cheaper than a Unicode regex on every token: an upper-case first letter differs from its lower case.
  return t.text.charCodeAt(0) !== t.lower.charCodeAt(0) && (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'VERB' || t.pos === 'X');
}

function bare(word: string): string {
  // Lower case without a trailing period ("Sen." → "sen"); cheap, it runs on every capitalised token.
  const w = word.charCodeAt(0) < 128 && word === word.toLowerCase() ? word : word.toLowerCase();
  return w.charCodeAt(w.length - 1) === 46 ? w.slice(0, -1) : w;
}

/** A word that names a role ("spokeswoman", "adviser", "President", "Sen."). */
export function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(bare(word));
}

/** A word of a place name ("North", "Korea", "York"). */
export function isPlaceWord(word: string): boolean {
  return PLACE_WORDS.has(bare(word));
}

/** A word that makes a name an organisation's ("House", "Department", "Post", "Reuters"). */
export function isOrgWord(word: string): boolean {
  return ORG_WORDS.has(bare(word));
}

/** The gender a word implies ("spokeswoman", "she", "Mr."), or null. */
export function genderOf(word: string): 'f' | 'm' | null {
  const w = bare(word);
  return FEMALE.has(w) ? 'f' : MALE.has(w) ? 'm' : null;
}

/** Finds the people the article names and every place it names them. */
export function findPeople(tokens: Token[]): { people: Person[]; mentions: PersonMention[] } {
  const raw: { start: number; end: number; words: string[]; role: Role | null; gender: 'f' | 'm' | null; offset: number; titled: boolean }[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && (isCapitalised(tokens[j]) || isNameJoin(tokens, j))) j += isNameJoin(tokens, j) ? 2 : 1;
    // A capitalised run right before a lower-case role is the role's modifier ("US Presidential spokeswoman").
    const roleAfter = tokens[j] && tokens[j].pos === 'NOUN' && /^\p{Ll}/u.test(tokens[j].text) && isRoleWord(tokens[j].lower);
    // Split the run after its last role word: "US President | Donald Trump", "Chairman | Kim".
    let nameStart = i;
    for (let k = j - 1; k >= i; k--) {
      if (isRoleWord(tokens[k].lower)) {
        nameStart = k + 1;
        break;
      }
    }
    const titleInRun = nameStart > i;
    let roleStart = i;
    let roleEnd = nameStart;
    if (!titleInRun) {
      // A lower-case role right before the name: "national security adviser John Bolton", "White House spokeswoman Sarah Sanders".
      let k = i;
      while (k > 0 && i - k < 6 && (tokens[k - 1].pos === 'NOUN' || tokens[k - 1].pos === 'ADJ' || isCapitalised(tokens[k - 1]) || tokens[k - 1].lower === '’s' || tokens[k - 1].lower === "'s")) k--;
      const roleHead = tokens[i - 1];
      if (roleHead && isRoleWord(roleHead.lower)) {
        roleStart = k;
        roleEnd = i;
      }
    } else {
      let k = i;
      while (k > 0 && i - k < 4 && (tokens[k - 1].pos === 'ADJ' || tokens[k - 1].pos === 'NOUN' || isCapitalised(tokens[k - 1]))) k--;
      roleStart = k;
    }
    const nameTokens = tokens.slice(nameStart, j).filter((t) => t.pos !== 'PUNCT' || t.text === '-');
    const words = nameWords(nameTokens);
    const titled = roleEnd > roleStart;
    const looksLikeName = words.length > 0 && !words.some((w) => ORG_WORDS.has(w) || PLACE_WORDS.has(w)) && words.length <= 4;
    const proper = nameTokens.some((t) => t.pos === 'PROPN');
    if (looksLikeName && proper && !roleAfter && (titled || words.length >= 2)) {
      const roleTokens = tokens.slice(roleStart, roleEnd);
      const head = roleTokens.length ? bare(roleTokens[roleTokens.length - 1].lower) : '';
      const role = roleTokens.length ? { head, modifiers: roleTokens.slice(0, -1).map((t) => bare(t.lower)).filter((w) => w !== '’s' && w !== "'s") } : null;
      let gender: 'f' | 'm' | null = null;
      for (const t of roleTokens) gender ??= genderOf(t.lower);
      raw.push({ start: nameStart, end: j, words, role, gender, offset: tokens[nameStart].start, titled });
    }
    i = j;
  }
  // Merge mentions of one person: "Trump" and "Donald Trump", "Kim" and "Kim Jong-un".
  const people: Person[] = [];
  const byMention: Person[] = [];
  const order = raw.map((_, k) => k).sort((a, b) => raw[b].words.length - raw[a].words.length || raw[a].offset - raw[b].offset);
  for (const index of order) {
    const m = raw[index];
    let p = people.find((q) => m.words.every((w) => q.words.includes(w))) ?? people.find((q) => misspelt(m.words, q.words));
    if (!p) {
      p = { name: '', words: m.words, roles: [], gender: null, first: m.offset };
      people.push(p);
      p.name = nameText(tokens, m.start, m.end);
    }
    if (m.role) p.roles.push(m.role);
    p.gender ??= m.gender;
    p.first = Math.min(p.first, m.offset);
    byMention[index] = p;
  }
  const mentions: PersonMention[] = raw.map((m, k) => ({ start: m.start, end: m.end, person: byMention[k] }));
  // Single-word mentions of known people that had no title: "Sanders said", "Moon said".
  const known = new Map<string, Person>();
  for (const p of people) for (const w of p.words) if (w.length > 1 && !known.has(w)) known.set(w, p);
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) covered.fill(1, m.start, m.end);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (covered[k] || !isCapitalised(t)) continue;
    const p = known.get(bare(t.lower));
    if (!p) continue;
    let e = k + 1;
    while (e < tokens.length && known.get(bare(tokens[e].lower)) === p) e++;
    mentions.push({ start: k, end: e, person: p });
    k = e - 1;
  }
  mentions.sort((a, b) => a.start - b.start);
  return { people, mentions };
}

/** The same name with a typo in its last word ("Kim Jong-a" for "Kim Jong-un"): all else equal, a shared prefix of 4+. */
function misspelt(a: string[], b: string[]): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  for (let k = 0; k < a.length - 1; k++) if (a[k] !== b[k]) return false;
  const x = a[a.length - 1];
  const y = b[b.length - 1];
  let n = 0;
  while (n < x.length && x[n] === y[n]) n++;
  return n >= 4;
}

function isNameJoin(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  const prev = tokens[j - 1];
  const next = tokens[j + 1];
  return !!prev && !!next && (t.text === '-' || t.text === '.') && isCapitalised(prev) && /^\p{L}/u.test(next.text) && next.start === t.end;
}

function nameWords(nameTokens: Token[]): string[] {
  // "Jong", "-", "un" read as one word "jong-un".
  const words: string[] = [];
  for (let k = 0; k < nameTokens.length; k++) {
    const t = nameTokens[k];
    if (t.text === '-' && words.length && nameTokens[k + 1]) {
      words[words.length - 1] += '-' + bare(nameTokens[++k].lower);
    } else if (t.text !== '-') words.push(bare(t.lower));
  }
  return words.filter((w) => w && w !== '’s' && w !== "'s");
}

function nameText(tokens: Token[], start: number, end: number): string {
  let e = end;
  while (e > start && (tokens[e - 1].lower === '’s' || tokens[e - 1].lower === "'s" || tokens[e - 1].pos === 'PUNCT')) e--;
  let out = '';
  for (let k = start; k < e; k++) out += (k > start && tokens[k].start > tokens[k - 1].end ? ' ' : '') + tokens[k].text;
  return out;
}
