// The order of the passages a hover lists: what the reader can rely on before what merely tells of the same event.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/text/lines';
import type { ArticleReport, Evidence, Relation } from '../../server/src/core/types';
import { hover } from '../../server/src/features/hover';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const TEXT = 'The summit between Donald Trump and Kim Jong-un will take place in Hanoi in February.\n';

function passage(documentId: string, relation: Relation, score: number): Evidence {
  const text = `The passage of ${documentId}.`;
  return { documentId, start: 0, end: text.length, line: 0, character: 0, endLine: 0, endCharacter: text.length, text, score, relation };
}

describe('the passages a hover lists', () => {
  it('puts supports first, then other wordings and conflicts, then related passages, each by score', () => {
    const analysis = analyzeArticle(TEXT);
    assert.equal(analysis.claims.length, 1);
    const evidence = [passage('delta', 'related', 0.42), passage('charlie', 'differs', 0.3), passage('bravo', 'supports', 0.6), passage('alpha', 'supports', 0.9)];
    const report: ArticleReport = { documentId: 'article.txt', version: 1, analysis, quotes: [], claims: [{ claim: analysis.claims[0], evidence, status: 'disputed' }] };
    const ctx = { uri: 'article.txt', report, lines: new LineIndex(TEXT), settings: DEFAULT_SETTINGS, annotations: [], nameOf: (id: string) => id };
    const shown = hover(ctx, TEXT.indexOf('Hanoi'));
    const value = (shown?.contents as { value: string }).value;
    const order = ['alpha', 'bravo', 'charlie', 'delta'].map((name) => value.indexOf(name));
    assert.ok(order.every((at) => at >= 0), value);
    assert.deepEqual([...order].sort((a, b) => a - b), order, value);
  });
});
