import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorroborateService } from '../../server/src/core/service';
import { readSeed, seedFiles } from '../support/seeds';

const ID = '002_814d60045636db2c.txt';
const WARM = 'It was a very warm, very positive letter';

function seededService(): CorroborateService {
  const service = new CorroborateService();
  for (const f of seedFiles()) service.setDocument(f, readSeed(f));
  return service;
}

describe('the provisional report after an edit', () => {
  it('has the new text’s findings where they now are, with the evidence the unchanged ones had', () => {
    const service = seededService();
    const text = readSeed(ID);
    const full = service.report(ID, text, 1);
    const edited = `Draft headline.\n\n${text}`;
    service.setDocument(ID, edited);
    const quick = service.provisionalReport(ID, edited, 2);
    assert.ok(quick?.provisional);
    const before = full.quotes.find((q) => q.quote.text.includes(WARM))!;
    const now = quick.quotes.find((q) => q.quote.text.includes(WARM))!;
    assert.equal(now.quote.start, before.quote.start + 'Draft headline.\n\n'.length);
    assert.deepEqual(now.evidence, before.evidence);
    assert.deepEqual(
      quick.claims.map((c) => c.status),
      full.claims.map((c) => c.status),
      'claims keep their status',
    );
  });

  it('carries the evidence of an edited quote over to its new wording until the full report is in', () => {
    const service = seededService();
    const text = readSeed(ID);
    const full = service.report(ID, text, 1);
    const edited = text.replace(WARM, 'It was a very warm, very, very positive letter');
    assert.notEqual(edited, text);
    const quick = service.provisionalReport(ID, edited, 2)!;
    const now = quick.quotes.find((q) => q.quote.text.includes('very, very positive'));
    assert.ok(now, 'the edited quote');
    assert.deepEqual(now.evidence, full.quotes.find((q) => q.quote.text.includes(WARM))!.evidence);
  });

  it('is not made when the full report of that text is in, or when there is nothing to carry over', () => {
    const service = seededService();
    const text = readSeed(ID);
    assert.equal(service.provisionalReport(ID, text, 1), undefined, 'no report yet: the full one comes first');
    service.report(ID, text, 1);
    assert.equal(service.provisionalReport(ID, text, 1), undefined);
    service.setDocument('other.txt', 'Another article.');
    assert.equal(service.provisionalReport(ID, text, 1), undefined, 'only the corpus changed: the findings are the same');
  });
});
