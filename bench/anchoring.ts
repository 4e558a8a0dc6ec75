// Re-anchoring cost on real articles: 20 sentence annotations in each of 50 PolNeAR texts, after
// a paragraph is inserted at the top and one word changed in every other annotated sentence.
//   node --import tsx bench/anchoring.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import { anchorAll } from '../server/src/core/annotations/anchor';
import { describeSpan } from '../server/src/core/annotations/model';

const dir = process.env.POLNEAR_TEXT ?? path.join(__dirname, '..', '..', 'shared', 'eval', 'polnear', 'train', 'text');
const files = fs.readdirSync(dir).slice(0, 50).map((f) => fs.readFileSync(`${dir}/${f}`, 'utf8'));
let n = 0, t = 0; const kinds: Record<string, number> = {};
for (const text of files) {
  const sentences = [...text.matchAll(/[^.!?\n]{40,200}[.!?]/g)].slice(0, 20);
  const anns = sentences.map((m, i) => ({ id: String(i), status: 'verified' as const, note: '', source: null, ...describeSpan(text, m.index!, m.index! + m[0].length), created: '', modified: '' }));
  // Edit: insert a paragraph at the top and change one word in every other sentence.
  let edited = 'Update: new intro paragraph.\n\n' + text;
  sentences.forEach((m, i) => { if (i % 2 === 0) edited = edited.replace(m[0], m[0].replace(/\b(\w{4,})\b/, '$1s')); });
  const s = performance.now(); const r = anchorAll(edited, anns); t += performance.now() - s; n += anns.length;
  for (const a of r) kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
}
console.log(JSON.stringify({ annotations: n, ms: +t.toFixed(1), msPerAnnotation: +(t / n).toFixed(3), kinds }));
