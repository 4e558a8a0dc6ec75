// Measures the corroboration engine on MRPC (npm run eval:corroboration [-- path/to/msr_paraphrase_train.txt]):
//
// (a) retrieval: every sentence #2 is a corpus document, every sentence #1 of a paraphrase pair an article;
//     success@1 = the first evidence the user is shown (any relation, supports first) is its partner; also on
//     the held-out pairs alone. Beside it, the re-ranker's best candidate whatever its relation, and plain BM25
//     over the same index (the top-scoring passage), same data, same run. An article's own sentence, when another
//     pair makes it a corpus document too, is left out by all three (it is the article, not another source).
// (b) support: precision, recall and F1 of `supports` (the engine's relation between sentence #1 and its
//     partner document) against the human label, on the pairs held out from fitting the model
//     (scripts/fit-corroboration.ts), and on all pairs for reference.
import { compareWithDocument, evidenceForStatement, rankPassages } from '../server/src/core/corroborate/evidence';
import { queryTokens } from '../server/src/core/corroborate/query';
import { TERM_MASK, FLAG_SHIFT } from '../server/src/core/corpus/corpus';
import { TOKEN_STOPWORD } from '../server/src/core/corpus/terms';
import { isHeldOut, MRPC_TRAIN, mrpcCorpus, readMrpc } from './mrpc';

const file = process.argv[2] ?? MRPC_TRAIN;
const pairs = readMrpc(file);
const corpus = mrpcCorpus(pairs);
const started = performance.now();

// (a) retrieval
let ours = 0;
let oursHeld = 0;
let supportsTop = 0;
let reranked = 0;
let bm25 = 0;
let noEvidence = 0;
const articles = pairs.filter((p) => p.paraphrase);
const heldArticles = articles.filter(isHeldOut).length;
for (const pair of articles) {
  // Sentence #1 is itself a corpus document when another pair has it as its sentence #2 (94 of the articles):
  // that is the article, no other source, and all three methods leave it out.
  const self = corpus.has(pair.id1) ? pair.id1 : null;
  const evidence = evidenceForStatement(corpus, pair.text1, self);
  const top = evidence[0];
  if (!top) noEvidence++;
  else if (top.documentId === pair.id2 || top.duplicates?.includes(pair.id2)) {
    ours++;
    if (isHeldOut(pair)) oursHeld++;
    if (top.relation === 'supports') supportsTop++;
  }
  if (rankPassages(corpus, pair.text1, self)[0]?.documentId === pair.id2) reranked++;
  const terms = [...new Set(Array.from(queryTokens(corpus, pair.text1)).filter((w) => ((w >>> FLAG_SHIFT) & TOKEN_STOPWORD) === 0).map((w) => w & TERM_MASK))];
  const hit = corpus.search(terms.map((term) => ({ term, weight: 1 })), { limit: 1, exclude: self ? [corpus.documentIndex(self)] : [] })[0];
  if (hit && corpus.documentId(corpus.passageDocumentOf(hit.passage)) === pair.id2) bm25++;
}
const retrievalMs = performance.now() - started;

// (b) support
const confusion = (ids: number[]) => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const i of ids) {
    const supports = judged[i] === 'supports';
    if (supports && pairs[i].paraphrase) tp++;
    else if (supports) fp++;
    else if (pairs[i].paraphrase) fn++;
    else tn++;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return { n: ids.length, p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, acc: (tp + tn) / Math.max(1, ids.length) };
};
const judged = pairs.map((p) => compareWithDocument(corpus, p.text1, p.id2).relation);
const all = pairs.map((_, i) => i);
const heldOut = all.filter((i) => isHeldOut(pairs[i]));
const h = confusion(heldOut);
const a = confusion(all);
const relations = new Map<string, number>();
for (const r of judged) relations.set(String(r), (relations.get(String(r)) ?? 0) + 1);

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
const f = (x: number) => x.toFixed(3);
console.log(`MRPC: ${pairs.length} pairs (${articles.length} paraphrases), corpus ${corpus.size} documents, ${corpus.passageTotal} passages`);
console.log('');
console.log('(a) retrieval, success@1 over the paraphrase pairs');
console.log(`    corroborate  ${pct(ours, articles.length)}  (${ours}/${articles.length}: the first evidence shown, any relation; ${noEvidence} with no evidence at all)`);
console.log(`      of which   ${pct(supportsTop, articles.length)}  (${supportsTop}/${articles.length}) shown as supports, the rest as related, differs or conflicts`);
console.log(`      held out   ${pct(oursHeld, heldArticles)}  (${oursHeld}/${heldArticles}; the pairs the model was not fitted on)`);
console.log(`    re-ranking   ${pct(reranked, articles.length)}  (${reranked}/${articles.length}; the best candidate by closeness, whatever its relation)`);
console.log(`    plain BM25   ${pct(bm25, articles.length)}  (${bm25}/${articles.length})`);
console.log(`    difference   ${((100 * (ours - bm25)) / articles.length).toFixed(1)} points (${pct(ours - bm25, bm25)} relative)`);
console.log('');
console.log('(b) support against the human label');
console.log(`    held out (${h.n} pairs)  P ${f(h.p)}  R ${f(h.r)}  F1 ${f(h.f1)}  accuracy ${f(h.acc)}`);
console.log(`    all pairs (${a.n})       P ${f(a.p)}  R ${f(a.r)}  F1 ${f(a.f1)}  accuracy ${f(a.acc)}  (includes the pairs the model was fitted on)`);
console.log(`    relations: ${[...relations].map(([k, v]) => `${k === 'null' ? 'none' : k} ${v}`).join(', ')}`);
console.log('');
console.log(`(${(retrievalMs / articles.length).toFixed(2)} ms per article for retrieval, both methods)`);
