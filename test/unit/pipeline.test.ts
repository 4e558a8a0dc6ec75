import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorroborateService } from '../../server/src/core/service';
import { readSeed, seedFiles } from '../support/seeds';

function seededService(): CorroborateService {
  const service = new CorroborateService();
  for (const f of seedFiles()) service.setDocument(f, readSeed(f));
  return service;
}

describe('the pipeline on the seeds', () => {
  it('credits the "very warm, very positive letter" quote in 002 to Sarah Sanders, with evidence from other seeds', () => {
    const service = seededService();
    const id = '002_814d60045636db2c.txt';
    const report = service.report(id, readSeed(id), 1);
    const finding = report.quotes.find((q) => q.quote.text.includes('It was a very warm, very positive letter'));
    assert.ok(finding, 'quote found');
    const a = report.analysis.attributions[finding.quote.attribution ?? -1];
    assert.equal(a?.speaker, 'Sarah Sanders');
    const sources = new Set(finding.evidence.map((e) => e.documentId));
    assert.ok(!sources.has(id), 'a document is never evidence for itself');
    assert.ok(sources.size >= 2, `evidence from ${[...sources].join(', ')}`);
  });

  it('caches one report per document version', () => {
    const service = seededService();
    const id = '003_b89cf95f952e021d.txt';
    const text = readSeed(id);
    assert.equal(service.report(id, text, 4), service.report(id, text, 4));
    assert.notEqual(service.report(id, text, 4), service.report(id, text, 5));
  });
});
