import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorroborateService } from '../../server/src/core/service';
import { readSeed, seedFiles } from '../support/seeds';

const ID = '000_beab4e2f294f4a54.txt';
const EDITED = '002_814d60045636db2c.txt';

describe("an article's last report, while the corpus moves on", () => {
  const service = new CorroborateService();
  for (const f of seedFiles()) service.setDocument(f, readSeed(f));
  const text = readSeed(ID);
  const since = service.corpusGeneration;
  const report = service.report(ID, text, 1);
  service.setDocument(EDITED, `Moon had already brokered the summit between Trump and Kim in Singapore in June.\n\n${readSeed(EDITED)}`);

  it('is the report made before another article changed, for the same version and text only', () => {
    assert.equal(service.lastReportSince(ID, text, 1, since), report);
    assert.equal(service.cachedReport(ID, 1), undefined, 'no longer current');
    assert.equal(service.lastReportSince(ID, text, 2, since), undefined, 'another version');
    assert.equal(service.lastReportSince(ID, `${text}.`, 1, since), undefined, 'another text');
    assert.equal(service.lastReportSince(ID, text, 1, service.corpusGeneration), undefined, 'made before the generation asked for');
  });

  it('is never computed, and is gone once the article is forgotten', () => {
    assert.equal(service.lastReportSince(EDITED, readSeed(EDITED), 1, 0), undefined);
    const fresh = service.report(ID, text, 1);
    assert.notEqual(fresh, report);
    assert.equal(service.lastReportSince(ID, text, 1, since), fresh);
    service.forget(ID);
    assert.equal(service.lastReportSince(ID, text, 1, since), undefined);
  });
});
