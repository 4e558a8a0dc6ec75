// A light tokenizer for corpus text: lower-cased words with punctuation and quote styles folded.
const STOPWORDS = new Set(
  ('a an and are as at be been but by for from had has have he her his i if in into is it its of on or our she so ' +
    'that the their them there they this to was we were which who will with would you your not no than then also ' +
    'said says say told added about after before over more most very can could should may might do does did').split(' '),
);

/** Normalised word tokens of a text (case, accents, curly quotes and apostrophes folded). */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, '').replace(/'s$/, ''))
    .filter((w) => w.length > 0);
}

/** Words that carry meaning for matching: stopwords removed. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => !STOPWORDS.has(w));
}
