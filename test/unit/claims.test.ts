import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeArticle } from '../../server/src/core/analyze';
import { isCheckable, wordCount } from '../../server/src/core/claims/detect';
import { statusOf } from '../../server/src/core/claims/status';
import type { Evidence, Relation } from '../../server/src/core/types';
import { readSeed } from '../support/seeds';

const evidence = (relation: Relation): Evidence => ({
  documentId: 'other.txt',
  start: 0,
  end: 1,
  line: 0,
  character: 0,
  endLine: 0,
  endCharacter: 1,
  text: 'x',
  score: 0.9,
  relation,
});

describe('which sentences are claims', () => {
  it('takes declarative sentences that name someone or give a number or a date', () => {
    assert.ok(isCheckable('White House spokeswoman Sarah Sanders said the letter was warm and positive.'));
    assert.ok(isCheckable('At the end of August Trump had cancelled a planned trip by his foreign minister.'));
    assert.ok(isCheckable('The negotiations started after the letter arrived in the last 3 months.'));
  });

  it('leaves out questions, headlines, bylines, page furniture and the author speaking', () => {
    for (const s of [
      'Will the two leaders meet again in Washington this year?',
      'Kim Jong-un writes to Trump asking for a new summit',
      'Sharecast News | 11 Sep, 2018',
      'Add a Comment',
      'Related Articles',
      '5 Best Property Lawyers in Irvine, CA',
      'Your email address will not be published.',
      'Below is a list of the top and leading Property Lawyers in Irvine.',
      'A professional journalist for the past ten years, I cover global news and economic affairs for The Chief Observer.',
      'The latter were still stalled.',
    ]) {
      assert.equal(isCheckable(s), false, s);
    }
  });

  it('drops the advertisement tacked on after the story in seed 001', () => {
    const analysis = analyzeArticle(readSeed('001_bff36780cb2df338.txt'));
    const texts = analysis.claims.map((c) => c.text);
    assert.ok(texts.some((t) => t.startsWith('President Trump has opened the door')), 'the last sentence of the story stays');
    assert.ok(!texts.some((t) => /Property Lawyers/.test(t)), texts.filter((t) => /Lawyers/.test(t)).join(' | '));
  });

  it('drops everything after "Add a Comment" in seed 002', () => {
    const text = readSeed('002_814d60045636db2c.txt');
    const analysis = analyzeArticle(text);
    const cut = text.indexOf('Add a Comment');
    assert.ok(analysis.claims.length > 5);
    assert.ok(analysis.claims.every((c) => c.start < cut));
  });
});

describe('claim status', () => {
  it('is disputed when another document conflicts or quotes it differently, whatever supports it', () => {
    assert.equal(statusOf([evidence('supports'), evidence('conflicts')], true), 'disputed');
    assert.equal(statusOf([evidence('differs')], false), 'disputed');
  });

  it('is corroborated with support, else single-source when attributed, else unverified', () => {
    assert.equal(statusOf([evidence('supports')], false), 'corroborated');
    assert.equal(statusOf([], true), 'single-source');
    assert.equal(statusOf([], false), 'unverified');
  });

  it('is never corroborated or disputed by passages that are only related', () => {
    assert.equal(statusOf([evidence('related')], true), 'single-source');
    assert.equal(statusOf([evidence('related'), evidence('related')], false), 'unverified');
  });
});

describe('which claims are credited to someone', () => {
  const claimsOf = (text: string) => {
    const analysis = analyzeArticle(text);
    return analysis.claims.map((c) => ({ text: c.text, credited: c.attribution !== null, strength: c.attribution === null ? null : analysis.attributions[c.attribution].strength }));
  };

  it('credits a claim to a named source in its sentence', () => {
    const [claim] = claimsOf('The letter reached the White House on Monday, spokeswoman Sarah Sanders said.\n');
    assert.equal(claim.credited, true);
    assert.equal(claim.strength, 'person');
  });

  it('does not credit a claim to an attribution that names nobody ("it seems")', () => {
    const text = 'Well, it seems the letter has finally reached Trump.\n';
    const analysis = analyzeArticle(text);
    assert.ok(analysis.attributions.some((a) => a.strength === 'none'), 'the evidential is found as an attribution');
    assert.deepEqual(claimsOf(text).map((c) => c.credited), [false]);
  });
});

describe('the words of a sentence', () => {
  it('are the pieces between white space that hold a letter or a digit, in any script', () => {
    const piece = fc.constantFrom('a', 'Z', '7', '-', '—', '“', '”', '.', ' ', '  ', '\t', '\n', '\r', '\v', '\u00a0', '\u2009', '\u3000', '\ufeff', 'é', 'ß', '٣', '中', '𝒜', '😀', '\ud800', '’s', ',');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        assert.equal(wordCount(text), text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });
});
