// The cue lexicon: which words credit a statement to someone, by lemma. Read from PolNeAR's training
// articles (how often each lemma, outside quotation marks, is annotated as a cue) and kept to words
// whose meaning is reporting, so that it reads as a list a user can edit.

/** Lemmas that make a word an attribution cue, by how much context each needs. */
export interface CueLexicon {
  /** Verbs of saying, writing, reporting and judging: a cue whenever they have a source ("said", "told", "wrote", "warned"). */
  speech: string[];
  /** Verbs of thought, belief, intention or evidence: a cue only with a complement ("believes that …", "expects to …", "want Trump to …"). */
  belief: string[];
  /** Nouns that carry an attribution with a source and a complement ("his claim that …", "in a statement"). */
  nouns: string[];
  /** Lemmas a user took out: never a cue, not even when the learned tagger would propose one. */
  removed?: string[];
}

/** The lexicon used when the user configures none. */
export const DEFAULT_CUES: CueLexicon = {
  speech: (
    'say tell add note write tweet retweet post report announce claim argue insist warn caution confirm deny ' +
    'acknowledge admit concede explain describe suggest cite recall recount reiterate repeat reaffirm remark ' +
    'comment state declare proclaim assert contend maintain stress emphasize underscore highlight point mention ' +
    'reveal disclose indicate imply hint predict promise pledge vow vouch assure reassure urge ask question ' +
    'demand request plead answer reply respond retort counter rebut dispute reject dismiss blast slam lambast ' +
    'criticize condemn denounce decry deride mock chide rebuke assail attack accuse blame charge allege ' +
    'praise tout hail laud applaud credit thank congratulate brag boast joke quip muse lament bemoan complain ' +
    'grumble worry fret wonder speculate testify conclude estimate forecast project calculate label dub ' +
    'call characterize portray paint frame brand liken compare refer allude quote shout yell chant ' +
    'exclaim whisper mutter utter interject recite sing preach opine observe remind inform notify ' +
    'recommend propose offer endorse oppose decline refuse echo voice express signal ' +
    'apologize acquiesce balk concur agree disagree tease rail scoff sneer snap rip trash ' +
    'text telephone phone summarize spell outline detail list learn defend unveil ' +
    // Read from PolNeAR train misses: talking about, invoking, challenging, knocking, emailing.
    'talk speak invoke challenge knock eviscerate ridicule question ' +
    // Cues only with their particle (see CUE_PARTICLES): pushed for, voted against, weighed in, hit back.
    'push vote campaign lash weigh hit fire'
  ).split(/\s+/),
  belief: (
    'think believe know feel expect hope fear want wish suspect doubt assume suppose guess figure reckon ' +
    'imagine envision consider view see find show demonstrate prove reveal suggest seem appear sound ' +
    'look aim seek hope prefer support back champion advocate press ' +
    'realize recognize understand acknowledge agree worry care remember forget trust determine ' +
    'conclude judge deem anticipate predict insist decide intend plan like favor seek'
  ).split(/\s+/),
  nouns: (
    'claim assertion allegation accusation warning suggestion promise pledge vow criticism admission denial ' +
    'insistence contention belief fear hope prediction support opposition endorsement backing praise doubt call demand ' +
    'critique'
  ).split(/\s+/),
};

/** Verbs whose first noun phrase is the hearer, not the content ("told reporters …", "asked him whether …"). */
export const HEARER_VERBS = new Set(
  'tell ask remind assure reassure inform notify advise warn urge promise thank congratulate email text phone telephone question accuse'.split(' '),
);

/** Particles that belong to the cue ("called for", "pointed out", "referring to", "talked about"). */
export const CUE_PARTICLES: Record<string, string[]> = {
  call: ['for', 'on'],
  point: ['out', 'to'],
  refer: ['to'],
  allude: ['to'],
  talk: ['about'],
  ask: ['about', 'for'],
  speak: ['about', 'of', 'out'],
  write: ['about', 'of'],
  complain: ['about'],
  warn: ['about', 'of', 'against'],
  say: ['of'],
  go: ['on'],
  push: ['for', 'back'],
  vote: ['for', 'against'],
  campaign: ['for', 'against', 'on'],
  press: ['for'],
  lash: ['out'],
  weigh: ['in'],
  sign: ['off'],
  come: ['out'],
  rail: ['against'],
  hit: ['back', 'out'],
  fire: ['back'],
  spell: ['out'],
};

/** Merges a user's lexicon over the default one: each list given replaces the default list of that kind. */
export function cueLexicon(override?: Partial<CueLexicon>): CueLexicon {
  return {
    speech: override?.speech ?? DEFAULT_CUES.speech,
    belief: override?.belief ?? DEFAULT_CUES.belief,
    nouns: override?.nouns ?? DEFAULT_CUES.nouns,
    removed: override?.removed ?? [],
  };
}

/** A user's changes to the default lexicon: words to add to each kind, or to drop from it when written with a leading "-". */
export interface CueChanges {
  speech?: string[];
  belief?: string[];
  nouns?: string[];
}

/** The default lexicon with a user's additions and removals ("tout" adds a cue, "-say" drops one), as full lists. */
export function changedCueLexicon(changes: CueChanges): CueLexicon {
  const removed: string[] = [];
  const apply = (base: string[], edits: string[] | undefined): string[] => {
    const words = new Set(base);
    for (const edit of edits ?? []) {
      const word = edit.trim().toLowerCase();
      if (word.startsWith('-')) {
        words.delete(word.slice(1).trim());
        removed.push(word.slice(1).trim());
      } else if (word) words.add(word);
    }
    return [...words];
  };
  const speech = apply(DEFAULT_CUES.speech, changes.speech);
  const belief = apply(DEFAULT_CUES.belief, changes.belief);
  const nouns = apply(DEFAULT_CUES.nouns, changes.nouns);
  return { speech, belief, nouns, removed };
}
