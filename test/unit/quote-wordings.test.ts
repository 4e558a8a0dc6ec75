// When another document's quote is the same quote in other words (differs), and when it only shares a phrase.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorroborateService } from '../../server/src/core/service';
import type { Evidence } from '../../server/src/core/types';

function quoteEvidence(corpus: string, article: string): Evidence[] {
  const service = new CorroborateService();
  service.setDocument('other.txt', corpus);
  const report = service.report('article.txt', article, 1);
  assert.equal(report.quotes.length, 1);
  return report.quotes[0].evidence;
}

describe('quotes worded differently', () => {
  it('are found when the same named speaker says it in other words', () => {
    const evidence = quoteEvidence(
      'Sarah Sanders said the military parade in Pyongyang was “a sign of good faith” by the North.\n',
      '“We regard the military parade in Pyongyang as a sign of goodwill,” Sarah Sanders said.\n',
    );
    assert.deepEqual(evidence.map((e) => [e.relation, e.wording?.text]), [['differs', 'a sign of good faith']]);
  });

  it('are not made of a stock phrase inside two unattributed quotes', () => {
    const evidence = quoteEvidence(
      'In Singapore the North Korean leader reaffirmed a commitment to work towards the “complete denuclearization of the Korean Peninsula”, a vague commitment already made in the past.\n',
      'The trip to Singapore was called off because the North Korean leader showed “no sufficient progress in the denuclearization of the Korean Peninsula” this summer.\n',
    );
    assert.ok(!evidence.some((e) => e.relation === 'differs'), evidence.map((e) => e.relation).join(', '));
  });
});
