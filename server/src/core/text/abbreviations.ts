// Words that end in a period without ending the sentence, by how the sentence splitter treats them.

/** title: always followed by a name (never ends a sentence); before-number: "No. 1", "Sept. 11"; other: may end one. */
export type AbbreviationKind = 'title' | 'before-number' | 'other';

const TITLES = new Set(
  ('mr mrs ms messrs dr prof sen sens rep reps gov govs gen lt col sgt capt cmdr adm maj pres supt det insp ' +
    'st ft mt hon rev fr sr jr atty amb asst assoc brig cpl pvt gov-elect ' +
    // "Roe v. Wade": the "v" of a case name, always followed by a party's name.
    'v')
    .split(' '),
);

const BEFORE_NUMBER = new Set(
  'no nos jan feb mar apr jun jul aug sep sept oct nov dec vol pp p fig art sec ch ed para'.split(' '),
);

// US state abbreviations as written in party tags ("D-Mass.", "Ariz."), and other common ones.
const OTHER = new Set(
  ('inc ltd co corp bros llc plc dept univ assn est approx etc vs al ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev ' +
    'okla ore pa penn tenn tex va vt wash wis wyo wyo d-mass r-texas')
    .split(' '),
);

/** Classifies a word written before a period ("Gov", "Sept", "Calif"); null when it is an ordinary word. */
export function isAbbreviation(word: string): AbbreviationKind | null {
  const w = word.toLowerCase();
  const tail = w.includes('-') ? w.slice(w.lastIndexOf('-') + 1) : w;
  if (TITLES.has(w)) return 'title';
  if (BEFORE_NUMBER.has(w)) return 'before-number';
  if (OTHER.has(w) || OTHER.has(tail)) return 'other';
  return null;
}

const STARTERS = new Set(
  ('the a an he she it they we i you his her its their our my this that these those there here ' +
    'but and or so yet if when while after before as in on at for from with by to of since because although though ' +
    'however meanwhile still also then now what who why how where which some many most all no not one two both each ' +
    'mr mrs ms dr').split(' '),
);

/** Whether a word typically starts a sentence ("The", "But", "He"), used after ambiguous periods such as "U.S.". */
export function isSentenceStarter(word: string): boolean {
  return STARTERS.has(word.toLowerCase()) && word[0] === word[0].toUpperCase();
}
