// The support model: two logistic regressions over the pair features and their pairwise products, fitted on the
// MRPC training pairs by scripts/fit-corroboration.ts (its output is calibration.ts). `related` tells whether two
// sentences tell of the same event at all (MRPC pairs against the unrelated sentences BM25 also finds);
// `paraphrase`, fitted on MRPC's human labels, whether they say the same thing given that they are related.
// Together (see supportProbability) a calibrated probability that the passage states what the article states.
import { SUPPORT_MODEL } from './calibration';
import { FEATURE_COUNT, FEATURE_NAMES } from './features';

/** Length of the model's input: the features, then every product of two (squares included). */
export const MODEL_INPUT = FEATURE_COUNT + (FEATURE_COUNT * (FEATURE_COUNT + 1)) / 2;

/** The model's input for a feature vector. */
export function modelInput(features: ArrayLike<number>, out: Float64Array = new Float64Array(MODEL_INPUT)): Float64Array {
  let k = 0;
  for (let i = 0; i < FEATURE_COUNT; i++) out[k++] = features[i];
  for (let i = 0; i < FEATURE_COUNT; i++) for (let j = i; j < FEATURE_COUNT; j++) out[k++] = features[i] * features[j];
  return out;
}

const scratch = new Float64Array(MODEL_INPUT);
const fitted =
  SUPPORT_MODEL.features.join() === FEATURE_NAMES.join() &&
  SUPPORT_MODEL.related.length === MODEL_INPUT + 1 &&
  SUPPORT_MODEL.paraphrase.length === MODEL_INPUT + 1;

function logistic(w: readonly number[], x: Float64Array): number {
  let z = w[MODEL_INPUT];
  for (let i = 0; i < MODEL_INPUT; i++) z += w[i] * x[i];
  return 1 / (1 + Math.exp(-z));
}

/** Calibrated probability (0..1) that the passage supports the statement, from the pair features. */
export function supportProbability(features: ArrayLike<number>): number {
  return probabilities(features).support;
}

/** The support probability and the relatedness probability (see relatedProbability) of one pair, computed together. */
export function probabilities(features: ArrayLike<number>): { support: number; related: number } {
  if (!fitted) throw new Error('calibration.ts does not match the features: run scripts/fit-corroboration.ts');
  const x = modelInput(features, scratch);
  const related = logistic(SUPPORT_MODEL.related, x);
  return { support: Math.min(1, related / RELATED_FLOOR) * logistic(SUPPORT_MODEL.paraphrase, x), related };
}

/**
 * From this relatedness a passage the model does not judge supporting is still shown, as `related`: it tells of
 * the same event (chosen for F1 at telling MRPC pairs from BM25 distractors, cross-validated on the fitting part).
 */
export const RELATED_THRESHOLD = SUPPORT_MODEL.relatedThreshold;

/**
 * Above this relatedness the paraphrase model speaks alone (MRPC pairs are all related, so it is calibrated
 * there); below it, the support probability shrinks in proportion: unrelated passages BM25 happens to find.
 */
export const RELATED_FLOOR = 0.2;

/** Probability that the passage tells of the same event at all, whatever it says of it. */
export function relatedProbability(features: ArrayLike<number>): number {
  if (!fitted) throw new Error('calibration.ts does not match the features: run scripts/fit-corroboration.ts');
  return logistic(SUPPORT_MODEL.related, modelInput(features, scratch));
}

/**
 * The particulars path is for long statements (a news sentence of several clauses, which no other document
 * paraphrases whole): at least this many words…
 */
export const FACT_MIN_WORDS = 25;
/**
 * …or, shorter, with every one of its particulars found in the passage, at least this many: "At the end of August
 * Trump had a planned trip by his foreign minister, Mike Pompeo, to Pyongyang" inside a longer sentence that says
 * more. The support model, fitted on MRPC's judgements of equivalence, holds what the passage adds against it; a
 * passage that says all the statement says and more still corroborates it.
 */
export const FACT_ALL_MATCHED = 3;
/** …sharing this many names, numbers or dates with the passage (a multi-word name counts once)… */
export const FACT_MIN_MATCHED = 2;
/** …covering this share (by weight) of the statement's particulars… */
export const FACT_MIN_COVERAGE = 0.6;
/**
 * …and, with the other shared words, so rare that a passage holding them all by chance is unlikely: with
 * idf ≈ ln(N/df), N·Π(df/N) = exp(ln N − Σ idf) chance passages, which must stay below e^−2 (about 1 in 7).
 * At least one shared word must be something said of the particulars, not a particular…
 */
export const FACT_MIN_SURPRISE = 2;

/**
 * …and what is said of them must carry information of its own: the shared words that are not particulars weigh at
 * least this much idf (two ordinary words, or one rare one). Sentences of a story share its names and one word as
 * common as "summit" without saying the same thing: on the seeds, every such match was another statement about the
 * same people (MRPC's pairs, which all tell of one event, never came near this bound).
 */
export const FACT_MIN_PREDICATE = 3;

/** The particulars a statement shares with a passage (see factCoverage), and the corpus's passage count. */
export interface SharedFacts {
  words: number;
  matched: number;
  coverage: number;
  information: number;
  predicate: number;
  passages: number;
}

/** True when a statement qualifies for the particulars path. */
export function factQualifies(f: SharedFacts): boolean {
  return (
    (f.words >= FACT_MIN_WORDS || (f.matched >= FACT_ALL_MATCHED && f.coverage >= 0.999)) &&
    f.matched >= FACT_MIN_MATCHED &&
    f.coverage >= FACT_MIN_COVERAGE &&
    f.predicate >= FACT_MIN_PREDICATE &&
    f.information + f.predicate - Math.log(1 + f.passages) >= FACT_MIN_SURPRISE
  );
}

/**
 * Support through shared particulars (see factCoverage): 0 when the pair does not qualify, else the rate at
 * which qualifying MRPC pairs with that coverage are paraphrases.
 */
export function factProbability(f: SharedFacts): number {
  if (!factQualifies(f)) return 0;
  return 1 / (1 + Math.exp(-(SUPPORT_MODEL.facts.a * f.coverage + SUPPORT_MODEL.facts.b)));
}

/** The probability from which a passage counts as supporting (chosen for F1 on the training pairs). */
export const SUPPORT_THRESHOLD = SUPPORT_MODEL.threshold;
