// Fits the support model (server/src/core/corroborate/calibration.ts) on the MRPC training pairs.
//
//   npx tsx scripts/fit-corroboration.ts [path/to/msr_paraphrase_train.txt]
//
// The pairs are split by a hash of their ids: 80% to fit on, 20% held out (scripts/eval-corroboration.ts
// reports on those). The decision threshold maximises F1 in 5-fold cross-validation inside the fitting part.
// Re-run after any change to the features (core/corroborate/features.ts) or the tokenizer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FEATURE_NAMES } from '../server/src/core/corroborate/features';
import { factQualifies, MODEL_INPUT, modelInput, RELATED_FLOOR } from '../server/src/core/corroborate/model';
import { dot, fitLogistic, sigmoid } from './logistic';
import { mrpcFeatures, isHeldOut, MRPC_TRAIN, readMrpc } from './mrpc';

/** L2 penalties: the relatedness model has plenty of data; the paraphrase model (189 inputs on 3,231 pairs) is
 * regularised more, which cross-validated better (F1 0.838 vs 0.835 at 1e-4, the fitting part only). */
const L2_RELATED = 1e-4;
const L2 = 1e-3;
/** Unrelated sentences per pair added as negatives (see mrpcFeatures). */
const DISTRACTORS = Number(process.env.DISTRACTORS ?? 2);
const file = process.argv[2] ?? MRPC_TRAIN;
const pairs = readMrpc(file);
const { features, facts, distractorFeatures, copyFeatures } = mrpcFeatures(pairs, DISTRACTORS, (p) => !isHeldOut(p));
const inputs = features.map((f) => modelInput(f));
const fit = pairs.map((_, i) => i).filter((i) => !isHeldOut(pairs[i]));
const labels = pairs.map((p) => p.paraphrase);
// The relatedness gate: every MRPC pair (paraphrase or not, both sides tell of one event) against the
// distractors, the closest other sentences BM25 finds for each sentence #1.
// Copies (a sentence against itself) join the positives of both models: MRPC holds no identical pairs, and
// without them the quadratic model, extrapolating to its corner, judged a sentence found word for word unrelated.
const distractorInputs = distractorFeatures.map((f) => modelInput(f));
const copyInputs = copyFeatures.map((f) => modelInput(f));
const related = fitLogistic(
  [...fit.map((i) => inputs[i]), ...copyInputs, ...distractorInputs],
  [...fit.map(() => true), ...copyInputs.map(() => true), ...distractorInputs.map(() => false)],
  L2_RELATED,
);
// The relatedness threshold from which a passage is shown as `related`: the best F1 at telling the fitting
// part's MRPC pairs (one event) from their distractors, by 5-fold cross-validation.
const relatedCv: { p: number; y: boolean }[] = [];
{
  const xs = [...fit.map((i) => inputs[i]), ...distractorInputs];
  const ys = [...fit.map(() => true), ...distractorInputs.map(() => false)];
  for (let f = 0; f < 5; f++) {
    const train = xs.map((_, k) => k).filter((k) => k % 5 !== f);
    const w = fitLogistic(train.map((k) => xs[k]), train.map((k) => ys[k]), L2_RELATED);
    xs.forEach((x, k) => {
      if (k % 5 === f) relatedCv.push({ p: sigmoid(dot(w, x)), y: ys[k] });
    });
  }
}
let relatedThreshold = 0.5;
{
  let best = 0;
  for (let t = 0.1; t <= 0.9; t += 0.01) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { p, y } of relatedCv) {
      if (p >= t && y) tp++;
      else if (p >= t) fp++;
      else if (y) fn++;
    }
    const f1 = (2 * tp) / Math.max(1, 2 * tp + fp + fn);
    if (f1 > best) {
      best = f1;
      relatedThreshold = Math.round(t * 100) / 100;
    }
  }
  console.log(`relatedness: threshold ${relatedThreshold} (cross-validated F1 ${best.toFixed(3)}, MRPC pairs against distractors)`);
}
const gate = (i: number): number => Math.min(1, sigmoid(dot(related, inputs[i])) / RELATED_FLOOR);

// The particulars path (relation.ts): among pairs sharing enough names, numbers and months, how often is the
// pair a paraphrase, as a function of the share of particulars covered.
const qualifies = (i: number): boolean => factQualifies(facts[i]);
const factFit = fit.filter(qualifies);
const factModel = fitLogistic(factFit.map((i) => Float64Array.of(facts[i].coverage)), factFit.map((i) => labels[i]), 1e-3);
const factProbability = (i: number): number => (qualifies(i) ? sigmoid(factModel[0] * facts[i].coverage + factModel[1]) : 0);
const support = (i: number, paraphrase: Float64Array): number => Math.max(gate(i) * sigmoid(dot(paraphrase, inputs[i])), factProbability(i));

function fitParaphrase(ids: number[]): Float64Array {
  return fitLogistic([...ids.map((i) => inputs[i]), ...copyInputs], [...ids.map((i) => labels[i]), ...copyInputs.map(() => true)], L2);
}

// Threshold by 5-fold cross-validation inside the fitting part.
const folds = 5;
const cv = new Float64Array(pairs.length);
for (let f = 0; f < folds; f++) {
  const train = fit.filter((_, k) => k % folds !== f);
  const w = fitParaphrase(train);
  fit.forEach((i, k) => {
    if (k % folds === f) cv[i] = support(i, w);
  });
}
let threshold = 0.5;
let bestF1 = 0;
for (let t = 0.2; t <= 0.8; t += 0.01) {
  const m = metrics(fit, (i) => cv[i] >= t);
  if (m.f1 > bestF1) {
    bestF1 = m.f1;
    threshold = Math.round(t * 100) / 100;
  }
}
const weights = fitParaphrase(fit);
const heldOut = pairs.map((_, i) => i).filter((i) => isHeldOut(pairs[i]));
const cvm = metrics(fit, (i) => cv[i] >= threshold);
const hm = metrics(heldOut, (i) => support(i, weights) >= threshold);
const dm = distractorInputs.filter((x) => Math.min(1, sigmoid(dot(related, x)) / RELATED_FLOOR) * sigmoid(dot(weights, x)) >= threshold).length;
console.log(`fitted on ${fit.length} pairs + ${copyInputs.length} copies + ${distractorInputs.length} distractors, ${MODEL_INPUT} inputs; threshold ${threshold}`);
console.log(`cross-validated (fitting part): P ${cvm.p.toFixed(3)} R ${cvm.r.toFixed(3)} F1 ${cvm.f1.toFixed(3)} acc ${cvm.acc.toFixed(3)}`);
console.log(`held out (${heldOut.length} pairs, features only): P ${hm.p.toFixed(3)} R ${hm.r.toFixed(3)} F1 ${hm.f1.toFixed(3)} acc ${hm.acc.toFixed(3)}`);
console.log(`distractors judged supporting (training): ${dm} of ${distractorInputs.length}`);
console.log(`particulars path: ${factFit.length} qualifying pairs, P(paraphrase) = σ(${factModel[0].toFixed(2)}·coverage ${factModel[1] >= 0 ? '+' : '−'} ${Math.abs(factModel[1]).toFixed(2)})`);

const out = path.join(__dirname, '..', 'server', 'src', 'core', 'corroborate', 'calibration.ts');
const body = `// Generated by scripts/fit-corroboration.ts from ${path.basename(file)} (${fit.length} pairs + ${copyInputs.length} copies + ${distractorInputs.length} distractors) — do not edit by hand.
// Two logistic regressions over the pair features and their pairwise products (see model.ts), L2 ${L2_RELATED} and ${L2}:
// \`related\`: same event (MRPC pairs) or not (BM25 distractors); \`paraphrase\`: MRPC's label, given related.
export const SUPPORT_MODEL = {
  features: ${JSON.stringify(FEATURE_NAMES)} as string[],
  threshold: ${threshold},
  /** From this relatedness a passage not judged supporting is shown as related (cross-validated F1, MRPC pairs vs distractors). */
  relatedThreshold: ${relatedThreshold},
  related: [
${format(related)}
  ] as number[],
  paraphrase: [
${format(weights)}
  ] as number[],
  /** P(paraphrase) = σ(a·coverage + b) for pairs sharing enough particulars. */
  facts: { a: ${factModel[0].toPrecision(6)}, b: ${factModel[1].toPrecision(6)} },
};
`;
fs.writeFileSync(out, body);
console.log(`wrote ${path.relative(process.cwd(), out)}`);

function metrics(ids: number[], predict: (i: number) => boolean): { p: number; r: number; f1: number; acc: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const i of ids) {
    const y = predict(i);
    if (y && labels[i]) tp++;
    else if (y) fp++;
    else if (labels[i]) fn++;
    else tn++;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, acc: (tp + tn) / Math.max(1, ids.length) };
}

function format(w: Float64Array): string {
  return chunks(Array.from(w, (x) => x.toPrecision(6)), 8)
    .map((c) => '    ' + c.join(', ') + ',')
    .join('\n');
}

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
