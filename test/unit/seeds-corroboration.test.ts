// What the five seed articles say about each other, read from the texts:
// - Sanders's "very warm, very positive letter": 002 and 003 quote it whole, 000 quotes "very warm, very
//   positive letter", 001 "very warm" and "very positive", 004 only "warm" and "positive".
// - the military parade: 002 quotes it as "a sign of good faith" and 003 says "a sign of good faith" without
//   quotation marks; 000 quotes "a sign of goodwill" and 001 "a pledge of good faith": the same speaker,
//   other words.
// - the June 12 summit in Singapore: 002 ("their unprecedented June 12 summit in Singapore") and 001 ("the
//   historic one in Singapore on June 12").
// - Pompeo's cancelled trip: 002 ("Secretary of State Mike Pompeo canceling a planned trip to the North late
//   last month") and 003 ("the cancellation of Secretary of State Mike Pompeo planned trip to the North late
//   last month"), also 000 and 001 in other words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorroborateService } from '../../server/src/core/service';
import type { ArticleReport, Evidence } from '../../server/src/core/types';
import { readSeed, seedFiles } from '../support/seeds';

const S000 = '000_beab4e2f294f4a54.txt';
const S001 = '001_bff36780cb2df338.txt';
const S002 = '002_814d60045636db2c.txt';
const S003 = '003_b89cf95f952e021d.txt';
const S004 = '004_517417800c7a14df.txt';

function seeded(): CorroborateService {
  const service = new CorroborateService();
  for (const f of seedFiles()) service.setDocument(f, readSeed(f));
  return service;
}

const reports = new Map<string, ArticleReport>();
function report(id: string): ArticleReport {
  let r = reports.get(id);
  if (!r) reports.set(id, (r = seeded().report(id, readSeed(id), 1)));
  return r;
}

function quoteEvidence(id: string, words: string): Evidence[] {
  const finding = report(id).quotes.find((q) => q.quote.text.includes(words));
  assert.ok(finding, `quote with “${words}” in ${id}`);
  return finding.evidence;
}

function claimFinding(id: string, words: string) {
  const finding = report(id).claims.find((c) => c.claim.text.includes(words));
  assert.ok(finding, `claim with “${words}” in ${id}`);
  return finding;
}

const from = (evidence: Evidence[], relation: Evidence['relation']) => new Set(evidence.filter((e) => e.relation === relation).map((e) => e.documentId));

describe('corroboration among the seeds', () => {
  it('finds the "very warm, very positive letter" quote in the other seeds that carry it, never in the article itself', () => {
    const evidence = quoteEvidence(S002, 'It was a very warm, very positive letter');
    const supporting = from(evidence, 'supports');
    for (const id of [S000, S001, S003]) assert.ok(supporting.has(id), `${id} supports: ${[...supporting].join(', ')}`);
    assert.ok(!evidence.some((e) => e.documentId === S002));
    const exact = evidence.find((e) => e.documentId === S003);
    assert.equal(exact?.wording?.text, 'It was a very warm, very positive letter');
  });

  it('shows one passage per other document, what it can rely on before what is merely related, scores between 0 and 1', () => {
    for (const finding of [...report(S002).quotes, ...report(S002).claims]) {
      const docs = finding.evidence.map((e) => e.documentId);
      assert.equal(new Set(docs).size, docs.length);
      assert.ok(finding.evidence.every((e, i) => e.score >= 0 && e.score <= 1 && (i === 0 || finding.evidence[i - 1].relation !== 'related' || e.relation === 'related')));
    }
  });

  it('tells the parade quote "a sign of good faith" apart from the same speaker’s other wordings', () => {
    const evidence = quoteEvidence(S002, 'a sign of good faith');
    assert.ok(from(evidence, 'supports').has(S003), 'the same words in 003');
    const differs = evidence.filter((e) => e.relation === 'differs');
    const wordings = new Map(differs.map((e) => [e.documentId, e.wording?.text]));
    assert.equal(wordings.get(S001), 'a pledge of good faith');
    assert.equal(wordings.get(S000), 'a sign of goodwill');
    assert.equal(claimFinding(S002, 'a sign of good faith').status, 'disputed');
  });

  it('sees it the other way round from 000: 002 words the parade quote otherwise', () => {
    const evidence = quoteEvidence(S000, 'a sign of goodwill');
    assert.ok(evidence.some((e) => e.documentId === S002 && e.relation === 'differs' && e.wording?.text === 'a sign of good faith'));
  });

  it('does not take a stock phrase inside another quote for the same quote worded differently', () => {
    // 000 quotes the reason Pompeo's trip was cancelled, “no sufficient progress in the denuclearization of the
    // Korean Peninsula”; 001 quotes Kim's Singapore pledge, “complete denuclearization of the Korean Peninsula”.
    // Nobody credits 000's words, and “Trump” named nearby is no speaker for them.
    const evidence = quoteEvidence(S000, 'no sufficient progress');
    assert.ok(!evidence.some((e) => e.relation === 'differs'), evidence.map((e) => `${e.relation} ${e.documentId}`).join(', '));
    assert.notEqual(claimFinding(S000, 'no sufficient progress').status, 'disputed');
  });

  it('corroborates the June 12 Singapore summit and Pompeo’s cancelled trip from other seeds', () => {
    const summit = claimFinding(S002, 'June 12 summit in Singapore');
    assert.equal(summit.status, 'corroborated');
    assert.ok(from(summit.evidence, 'supports').has(S001), summit.evidence.map((e) => e.documentId).join(', '));
    const trip = claimFinding(S002, 'Mike Pompeo canceling a planned trip');
    assert.equal(trip.status, 'corroborated');
    assert.ok(from(trip.evidence, 'supports').has(S003));
    // 000's short, translated version, whose every name and date 001's longer sentence carries.
    const translated = claimFinding(S000, 'At the end of August Trump had a planned trip by his foreign minister, Mike Pompeo');
    assert.equal(translated.status, 'corroborated');
    assert.ok(from(translated.evidence, 'supports').has(S001), translated.evidence.map((e) => `${e.relation} ${e.documentId}`).join(', '));
  });

  it('does not take a passage that shares only the story’s names and one word for corroboration', () => {
    // Moon's quote in 000 (“The complete denuclearization … should be … between the US and North Korea … resolved
    // through negotiation”) and 004's “The negotiations have started after the US received a letter from the North
    // Korean leader…” share the US, North Korea and “negotiation”: the same story, not the same statement.
    const quote = quoteEvidence(S000, 'The complete denuclearization of the Korean peninsula should be');
    assert.ok(!from(quote, 'supports').has(S004), quote.map((e) => `${e.relation} ${e.documentId}:${e.line}`).join(', '));
    const claim = claimFinding(S000, 'The complete denuclearization of the Korean peninsula should be');
    assert.ok(!from(claim.evidence, 'supports').has(S004));
  });

  it('leaves a claim that no other seed carries unverified, with no evidence', () => {
    const claim = claimFinding(S004, 'CMC Markets analyst David Madden');
    assert.notEqual(claim.status, 'corroborated');
    assert.deepEqual(claim.evidence, []);
  });

  it('counts a wire copy of another seed once, naming the copy', () => {
    const service = seeded();
    service.setDocument('copy-of-003.txt', 'Reposted from The Chief Observer\n\n' + readSeed(S003));
    const r = service.report(S002, readSeed(S002), 1);
    const evidence = r.quotes.find((q) => q.quote.text.includes('It was a very warm, very positive letter'))!.evidence;
    const shown = evidence.filter((e) => e.documentId === S003 || e.documentId === 'copy-of-003.txt');
    assert.equal(shown.length, 1, 'one entry for the two copies');
    assert.deepEqual(shown[0].duplicates, [shown[0].documentId === S003 ? 'copy-of-003.txt' : S003]);
  });

  it('does not count a copy of the article itself as a source', () => {
    const service = seeded();
    service.setDocument('002-again.txt', readSeed(S002).replace('Add a Comment', 'Comments are closed'));
    const r = service.report(S002, readSeed(S002), 1);
    const all = [...r.quotes, ...r.claims].flatMap((f) => f.evidence);
    assert.ok(all.length > 0);
    assert.ok(!all.some((e) => e.documentId === '002-again.txt' || e.duplicates?.includes('002-again.txt')));
  });

  it('shows a passage about the same people and event that says something else as related, which corroborates nothing', () => {
    const service = seeded();
    service.setDocument('other.txt', 'The head of the local disaster unit, Gyorgy Heizler, said the coach driver had failed to heed red stop lights.');
    const article = 'Gyorgy Heizler, head of the local disaster unit, said the coach was carrying 38 passengers.';
    service.setDocument('article.txt', article);
    const claim = service.report('article.txt', article, 1).claims[0];
    const other = claim.evidence.find((e) => e.documentId === 'other.txt');
    assert.equal(other?.relation, 'related');
    assert.ok(other && other.score < 0.5, `score ${other?.score}`);
    assert.notEqual(claim.status, 'corroborated');
  });

  it('reports a different number for the same event as a conflict', () => {
    const service = seeded();
    service.setDocument('other.txt', 'The two leaders met at their unprecedented June 21 summit in Singapore, which was criticised for being short on details.');
    const article = 'The two leaders met at their unprecedented June 12 summit in Singapore, which was criticised for being short on details.';
    service.setDocument('article.txt', article);
    const claim = service.report('article.txt', article, 1).claims[0];
    const conflict = claim.evidence.find((e) => e.documentId === 'other.txt');
    assert.equal(conflict?.relation, 'conflicts');
    assert.match(conflict?.reason ?? '', /12.*21/);
    assert.equal(claim.status, 'disputed');
  });
});
