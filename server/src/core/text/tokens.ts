import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence } from '../types';

/** A word or punctuation mark with its universal part-of-speech tag and lemma ("said" → "say"). */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text. */
  lower: string;
  /** Lower-cased lemma. */
  lemma: string;
  /** Universal POS tag: NOUN, PROPN, VERB, AUX, ADJ, ADV, ADP, DET, PRON, PART, PUNCT, … */
  pos: string;
  /** Index into the sentences the tokens were read with, or -1 outside every sentence. */
  sentence: number;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

// The model takes a few tens of milliseconds to load: load it on first use, once per process.
function reader(): Nlp {
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

/** Tokenises `text` with part of speech and lemma (wink-nlp), with exact UTF-16 offsets, each token tagged with its sentence. */
export function tokenize(text: string, sentences: Sentence[]): Token[] {
  const nlp = reader();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const tags = all.out(its.pos) as string[];
  // wink's typings declare lemma with the add-on argument `out` supplies itself.
  const lemmas = all.out(its.lemma as unknown as typeof its.value) as string[];
  const tokens: Token[] = new Array(values.length);
  let offset = 0;
  let si = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // Tokens follow each other with only white space between them; skipping it is cheaper than asking
    // wink for the spaces. wink also drops some invisible characters (a BOM): then search for the token.
    // (wink keeps line breaks between paragraphs as SPACE tokens of their own.)
    if (value.charCodeAt(0) > 32) while (offset < text.length && text.charCodeAt(offset) <= 32) offset++;
    if (!text.startsWith(value, offset)) {
      const found = text.indexOf(value, offset);
      if (found >= 0) offset = found;
    }
    const start = offset;
    const end = start + value.length;
    offset = end;
    while (si < sentences.length && sentences[si].end <= start) si++;
    const inside = si < sentences.length && sentences[si].start <= start;
    tokens[i] = {
      start,
      end,
      text: value,
      lower: value.toLowerCase(),
      lemma: lemmas[i].toLowerCase(),
      pos: tags[i],
      sentence: inside ? si : -1,
    };
  }
  return tokens;
}
