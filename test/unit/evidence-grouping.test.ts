// The evidence of one statement: the best candidate passage of each document, wire copies of one article grouped
// under the best of them, at most twelve sources, best first. Held to the plain construction it replaced (a Map
// by document, then every candidate compared with every leader) on random candidates from a corpus of copies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Corpus } from '../../server/src/core/corpus/corpus';
import { Comparison, type Candidate } from '../../server/src/core/corroborate/comparison';
import { toEvidence } from '../../server/src/core/corroborate/evidence';
import type { Judgement } from '../../server/src/core/corroborate/relation';
import type { Evidence } from '../../server/src/core/types';

// Five stories, each run by several outlets word for word but for its last line (wire copies), and lone articles.
const STORIES = [
  'The summit opened in Singapore on Tuesday. Leaders met for two hours. Aides called the talks frank. A joint statement followed. Markets rose.',
  'Heavy rain flooded roads across the region. Schools closed early. Rivers burst their banks overnight. Crews worked until dawn. Power returned slowly.',
  'The central bank held its rate. The pound rose against the dollar. Traders had expected a cut. Bond yields slipped. Analysts were divided.',
  'The museum reopened after a long renovation. Visitors queued around the block. The new wing holds modern art. Tickets sold out quickly. Critics praised it.',
  'The team won the final in extra time. Fans filled the streets. The captain lifted the trophy. The coach thanked the players. A parade is planned.',
];
const LONE = ('apple brick cloud drum eagle fern grape harbor igloo jacket kettle lemon marble needle orchard pepper quartz ' +
  'ribbon saddle tulip umbrella violin walnut yarn zebra anchor barrel candle dagger ember falcon glacier hammer island ' +
  'jungle kernel ladder meadow nectar oyster pillow quiver raven spindle thistle usher velvet willow xenon yacht zipper ' +
  'acorn bison cobalt dune emerald fiddle gondola hazel')
  .split(' ');
function corpus(): Corpus {
  const c = new Corpus();
  STORIES.forEach((story, s) => {
    for (let outlet = 0; outlet < 4; outlet++) c.set(`story${s}-outlet${outlet}.txt`, `${story} Reported by outlet ${outlet}.`);
  });
  // Each lone article in words of its own.
  for (let k = 0; k < 12; k++) c.set(`lone${k}.txt`, LONE.slice(5 * k, 5 * k + 5).map((w) => `The ${w} ${w}s ${w}ed.`).join(' '));
  return c;
}

// toEvidence as it was: a Map of the best candidate by document, sorted, each compared with every leader before it.
function reference(cmp: Comparison, candidates: Candidate[]): Evidence[] {
  const weight = (c: Candidate): number => (c.wording ? 2 : 0) + (c.judgement.relation === 'differs' || c.judgement.relation === 'conflicts' ? 1 : 0) + c.judgement.score;
  const order = (a: Candidate, b: Candidate): number =>
    Number(b.judgement.relation !== 'related') - Number(a.judgement.relation !== 'related') || b.judgement.closeness - a.judgement.closeness || a.passage - b.passage;
  const best = new Map<number, Candidate>();
  for (const c of candidates) {
    const prev = best.get(c.document);
    if (!prev || weight(prev) < weight(c)) best.set(c.document, c);
  }
  const leaders: { candidate: Candidate; duplicates: string[] }[] = [];
  for (const c of [...best.values()].sort(order)) {
    const leader = leaders.find((l) => cmp.areCopies(l.candidate.document, c.document));
    if (leader) leader.duplicates.push(cmp.corpus.documentId(c.document));
    else leaders.push({ candidate: c, duplicates: [] });
  }
  return leaders.slice(0, 12).map(({ candidate: c, duplicates }) => {
    const p = cmp.corpus.passage(c.passage);
    const e: Evidence = { documentId: p.documentId, start: p.start, end: p.end, line: p.line, character: p.character, endLine: p.endLine, endCharacter: p.endCharacter, text: p.text, score: c.judgement.score, relation: c.judgement.relation ?? 'supports' };
    if (c.judgement.reason) e.reason = c.judgement.reason;
    if (duplicates.length > 0) e.duplicates = duplicates;
    return e;
  });
}

describe('the evidence of a statement', () => {
  it('keeps the best passage of each document, groups copies under the best, shows twelve, as the plain construction did', () => {
    const c = corpus();
    const cmp = new Comparison(c, null, null);
    assert.ok(cmp.areCopies(c.documentIndex('story0-outlet0.txt'), c.documentIndex('story0-outlet3.txt')), 'the outlets are copies');
    assert.ok(!cmp.areCopies(c.documentIndex('lone0.txt'), c.documentIndex('lone1.txt')), 'lone articles are not');
    // Few distinct scores and closenesses, so that ties between candidates and between documents are common.
    const judgement = fc.record({
      relation: fc.constantFrom<Judgement['relation']>('supports', 'differs', 'conflicts', 'related'),
      score: fc.constantFrom(0.3, 0.5, 0.8),
      closeness: fc.constantFrom(0.2, 0.6, 0.9),
      reason: fc.option(fc.constant('number: 2 / 3'), { nil: undefined }),
    });
    // A candidate carrying the quote's words outweighs the others of its document (where those words are, the
    // evidence's `wording`, is worked out alike on both sides and left out here).
    const candidate = fc
      .tuple(fc.integer({ min: 0, max: c.passageTotal - 1 }), judgement, fc.boolean())
      .map(([passage, j, worded]): Candidate => ({ passage, document: c.passageDocumentOf(passage), judgement: j, wording: worded ? { from: 0, to: 1 } : undefined }));
    const unworded = (evidence: Evidence[]) => evidence.map(({ wording: _, ...e }) => e);
    fc.assert(
      // Short lists, and long ones (more groups of documents than are shown).
      fc.property(fc.oneof(fc.array(candidate, { maxLength: 15 }), fc.array(candidate, { minLength: 40, maxLength: 100 })), (candidates) => {
        // Each side with its own Comparison: the copies it has worked out are cached there.
        assert.deepEqual(unworded(toEvidence(new Comparison(c, null, null), candidates)), reference(new Comparison(c, null, null), candidates));
      }),
      { numRuns: 500 },
    );
  });
});
