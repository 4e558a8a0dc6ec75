import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { anchorAll } from '../../server/src/core/annotations/anchor';
import { describeSpan, type Annotation } from '../../server/src/core/annotations/model';
import { CorroborateService } from '../../server/src/core/service';
import { LineIndex } from '../../server/src/core/text/lines';
import { diagnostics } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { findingsOf, RULES } from '../../server/src/output/findings';
import { SarifWriter } from '../../server/src/output/sarif';
import { sarifValidator } from '../fixtures/sarifSchema';
import { readSeed, ROOT, seedFiles, SEEDS_DIR } from '../support/seeds';

function seededReport(id: string) {
  const service = new CorroborateService();
  for (const f of seedFiles()) service.setDocument(path.join(SEEDS_DIR, f), readSeed(f));
  return service.report(path.join(SEEDS_DIR, id), readSeed(id), 1);
}

const SEED = '000_beab4e2f294f4a54.txt';

function annotate(text: string, exact: string, status: Annotation['status'], note: string): Annotation {
  const at = text.indexOf(exact);
  assert.ok(at >= 0, exact);
  const d = describeSpan(text, at, at + exact.length);
  return { id: `urn:test:${status}`, status, note, source: null, ...d, created: '2024-01-01T00:00:00Z', modified: '2024-01-01T00:00:00Z' };
}

describe('SARIF output', () => {
  it('uses the same rule ids as the editor diagnostics', () => {
    const report = seededReport(SEED);
    const context = { uri: 'file:///x', report, lines: new LineIndex(report.analysis.text), nameOf: (id: string) => id, annotations: [] };
    const codes = new Set(diagnostics({ ...context, settings: DEFAULT_SETTINGS }).map((d) => d.code));
    const ids = new Set(RULES.map((r) => r.id));
    for (const code of codes) assert.ok(ids.has(code as never), `rule for diagnostic code ${code}`);
    // The CLI reports every finding the editor does except attributions, which are not problems.
    const noAttributions = { ...DEFAULT_SETTINGS, severity: { ...DEFAULT_SETTINGS.severity, attribution: 'off' as const } };
    const problems = new Set(diagnostics({ ...context, settings: noAttributions }).map((d) => d.code));
    assert.deepEqual(new Set(findingsOf(report).map((f) => f.rule)), problems);
  });

  it('validates against the SARIF 2.1.0 schema, with evidence, suppressions and orphans', () => {
    const text = readSeed(SEED);
    const report = seededReport(SEED);
    const unverified = report.claims.find((c) => c.status === 'unverified')!;
    const annotations = [
      annotate(text, unverified.claim.text, 'verified', 'Confirmed with Seoul’s press office'),
      { ...annotate(text, 'Moon will travel', 'disputed', 'gone'), id: 'urn:test:orphan', quote: { exact: 'A sentence that is not in the article at all', prefix: '', suffix: '' }, start: -1, end: -1 },
    ];
    const findings = findingsOf(report, anchorAll(text, annotations));
    let out = '';
    const writer = new SarifWriter((c) => (out += c), ROOT, '0.0.0-test');
    writer.begin();
    writer.add(path.join('seeds', SEED), text, findings, (id) => path.relative(ROOT, id));
    writer.notify('seeds/picture.txt: binary file, not an article', 'seeds/picture.txt');
    writer.end(0);
    const validate = sarifValidator();
    assert.ok(validate(JSON.parse(out)), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const log = JSON.parse(out);

    const results = log.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; snippet?: { text: string } } } }[]; relatedLocations?: unknown[]; suppressions?: { kind: string; justification: string }[] }[];
    assert.equal(results.length, findings.length);
    const suppressed = results.filter((r) => r.suppressions);
    assert.equal(suppressed.length, 1);
    assert.equal(suppressed[0].ruleId, 'unverified-claim');
    assert.match(suppressed[0].suppressions![0].justification, /Seoul’s press office/);
    assert.ok(results.some((r) => r.ruleId === 'orphaned-annotation'));
    const quote = results.find((r) => r.ruleId === 'quote' && r.relatedLocations);
    assert.ok(quote, 'a quote with evidence as related locations');
    const loc = quote.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, `seeds/${SEED}`);
    const line = text.split('\n')[loc.region.startLine - 1];
    assert.equal(line.slice(loc.region.startColumn - 1, loc.region.startColumn - 1 + loc.region.snippet!.text.length), loc.region.snippet!.text, 'line and column point at the quote');
    assert.equal(log.runs[0].invocations[0].toolExecutionNotifications.length, 1);
  });

  it('is checked by a validator that rejects a broken log', () => {
    const validate = sarifValidator();
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'quote' }] }] }), false, 'a result without a message');
  });
});
