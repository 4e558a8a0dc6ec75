// Reads the Microsoft Research Paraphrase Corpus (tab-separated: Quality, #1 ID, #2 ID, #1 String, #2 String),
// whose sentences are tokenized with spaces around punctuation, and gives them back as ordinary text.
import * as fs from 'node:fs';
import { Corpus } from '../server/src/core/corpus/corpus';
import { queryTermsOf } from '../server/src/core/corroborate/comparison';
import { lexiconOf } from '../server/src/core/corroborate/evidence';
import { factCoverage, FEATURE_COUNT, pairFeatures, profileOf } from '../server/src/core/corroborate/features';
import type { SharedFacts } from '../server/src/core/corroborate/model';
import { queryTokens } from '../server/src/core/corroborate/query';

export interface MrpcPair {
  paraphrase: boolean;
  id1: string;
  id2: string;
  text1: string;
  text2: string;
}

export const MRPC_TRAIN = '/work/shared/eval/mrpc/msr_paraphrase_train.txt';

/** The pairs of an MRPC file, detokenized. */
export function readMrpc(file: string = MRPC_TRAIN): MrpcPair[] {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).slice(1).filter((l) => l.trim());
  return lines.map((line) => {
    const [quality, id1, id2, s1, s2] = line.split('\t');
    return { paraphrase: quality === '1', id1, id2, text1: detokenize(unquote(s1)), text2: detokenize(unquote(s2)) };
  });
}

// A field wrapped in double quotes with "" for a quote mark (spreadsheet style).
function unquote(field: string): string {
  return field.length > 1 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

/** Joins tokenized text back: "Dominick 's" → "Dominick's", "$ 2.5" → "$2.5", `" the witness "` → `"the witness"`. */
export function detokenize(s: string): string {
  let out = s
    .replace(/ (n't|'t|'s|'re|'ve|'ll|'d|'m|'S)\b/g, '$1')
    .replace(/ ([.,;:?!%)\]}])/g, '$1')
    .replace(/([$£€(\[{]) /g, '$1')
    .replace(/ ?` ?` ?/g, ' "')
    .replace(/ ?'' ?/g, '" ');
  // Straight double quotes alternate opening and closing: stick each to its words.
  let open = false;
  out = out.replace(/ ?" ?/g, (m) => {
    open = !open;
    if (open) return m.startsWith(' ') ? ' "' : '"';
    return m.endsWith(' ') ? '" ' : '"';
  });
  // A quote left open at the very end closed an earlier one in the source: keep it on its sentence.
  return out.replace(/ "$/, '"').replace(/\s+/g, ' ').trim();
}

/** True for the fifth of the pairs held out from fitting (by a hash of their ids, so the split is stable). */
export function isHeldOut(pair: MrpcPair): boolean {
  let h = 0x811c9dc5;
  for (const c of `${pair.id1}:${pair.id2}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return (h >>> 0) % 5 === 0;
}

/** A tenth of the pairs (by another hash of their ids) lend their sentence #2 as a copy of itself (see mrpcFeatures). */
function isCopySample(pair: MrpcPair): boolean {
  let h = 0x01000193;
  for (const c of `${pair.id2}/${pair.id1}`) h = Math.imul(h ^ c.charCodeAt(0), 0x811c9dc5);
  return (h >>> 0) % 10 === 0;
}

/** The corpus the evaluation uses: every sentence #2 as a document named by its id. */
export function mrpcCorpus(pairs: readonly MrpcPair[]): Corpus {
  const corpus = new Corpus();
  for (const p of pairs) if (!corpus.has(p.id2)) corpus.set(p.id2, p.text2);
  return corpus;
}

/**
 * Pair features of every pair (sentence #1 against sentence #2's passages, the closest one), as the engine sees
 * them; and, with `distractors` > 0, features of sentence #1 against the best BM25 passages of other documents
 * whose id passes `usable` — unrelated sentences the model must learn to reject, as retrieval will offer them.
 */
export function mrpcFeatures(
  pairs: readonly MrpcPair[],
  distractors = 0,
  usable: (pair: MrpcPair) => boolean = () => true,
): { corpus: Corpus; features: Float64Array[]; facts: SharedFacts[]; distractorFeatures: Float64Array[]; copyFeatures: Float64Array[] } {
  const corpus = mrpcCorpus(pairs);
  const lexicon = lexiconOf(corpus);
  const idf = (t: number) => corpus.idf(t);
  const profile = (p: number) => profileOf(corpus.passageTokens(p).slice(), idf, lexicon);
  const allowed = new Set<string>(pairs.filter(usable).map((p) => p.id2));
  const distractorFeatures: Float64Array[] = [];
  const copyFeatures: Float64Array[] = [];
  const facts: SharedFacts[] = [];
  const features = pairs.map((pair) => {
    const q = profileOf(queryTokens(corpus, pair.text1), idf, lexicon);
    const d = corpus.documentIndex(pair.id2);
    const { first, count } = corpus.passageRange(d);
    let best: Float64Array | null = null;
    let bestP = -1;
    let bestFacts = { matched: 0, coverage: 0, information: 0, predicate: 0 };
    for (let p = first; p < first + count; p++) {
      const f = pairFeatures(q, profile(p), lexicon);
      const s = f[0] + f[1];
      if (s > bestP) {
        bestP = s;
        best = f;
        bestFacts = factCoverage(q, profile(p));
      }
    }
    facts.push({ words: q.tokens.length, passages: corpus.passageTotal, ...bestFacts });
    if (distractors > 0 && usable(pair)) {
      const terms = queryTermsOf(q);
      let taken = 0;
      for (const hit of corpus.search(terms, { exclude: [d], limit: distractors * 3 })) {
        const id = corpus.documentId(corpus.passageDocumentOf(hit.passage));
        if (!allowed.has(id) || corpus.passage(hit.passage).text === pair.text2) continue;
        distractorFeatures.push(pairFeatures(q, profile(hit.passage), lexicon));
        if (++taken === distractors) break;
      }
    }
    // Sentence #2 against its own passage: a copy, which MRPC (built from pairs that differ) never shows.
    if (distractors > 0 && usable(pair) && isCopySample(pair)) copyFeatures.push(pairFeatures(profileOf(queryTokens(corpus, pair.text2), idf, lexicon), profile(first), lexicon));
    return best ?? new Float64Array(FEATURE_COUNT);
  });
  return { corpus, features, facts, distractorFeatures, copyFeatures };
}
