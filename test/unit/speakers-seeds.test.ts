import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/core/analyze';
import { quoteInner } from '../../server/src/core/quotes/find';
import type { ArticleAnalysis } from '../../server/src/core/types';
import { readSeed, seedFiles } from '../support/seeds';

function speakerOf(a: ArticleAnalysis, words: string): string | null {
  const q = a.quotes.find((x) => x.text.includes(words));
  assert.ok(q, `quote containing ${JSON.stringify(words)}`);
  return q.attribution === null ? null : a.attributions[q.attribution].speaker;
}

// Every speech quote of the seeds and who said it, read off the articles by hand.
const SEED_SPEAKERS: Record<string, [string, string][]> = {
  '000_beab4e2f294f4a54.txt': [
    ['very warm, very positive”', 'Sarah Sanders'],
    ['bold decision', 'Moon Jae-in'],
    ['The complete denuclearization of the Korean peninsula', 'Moon Jae-in'],
    ['active', 'Moon Jae-in'],
    ['unwavering faith', 'Donald Trump'],
    ['Thanks to Chairman Kim, we got it together', 'Donald Trump'],
    ['nuclear arsenal', 'Sarah Sanders'],
    ['We regard this as a sign of goodwill', 'Sarah Sanders'],
  ],
  '001_bff36780cb2df338.txt': [
    ['a new meeting', 'Kim Jong-un'],
    ['The main purpose of the letter', 'Sarah Sanders'],
    ['this letter is a new proof of progress', 'Sarah Sanders'],
    ['“progress”', 'Sarah Sanders'],
    ['a pledge of good faith', 'Sarah Sanders'],
    ['In the end, it will always be better', 'Sarah Sanders'],
    ['important', 'Sarah Sanders'],
    ['gangster', 'North Korean authorities'],
    ['complete denuclearization of the Korean Peninsula', 'Kim Jong-un'],
  ],
  '002_814d60045636db2c.txt': [
    ['It was a very warm, very positive letter', 'Sarah Sanders'],
    ['The primary purpose of the letter', 'Sarah Sanders'],
    ['a continued commitment to focus on denuclearisation', 'Sarah Sanders'],
    ['a sign of good faith', 'Sarah Sanders'],
    ['We think it’s important', 'Sarah Sanders'],
    ['credit', 'Sarah Sanders'],
    ['At the end of the day', 'Sarah Sanders'],
    ['we’ll let you know', 'Sarah Sanders'],
    ['President Trump can’t make the North Koreans walk through the door', 'John Bolton'],
    ['If they would denuclearise', 'John Bolton'],
  ],
  '003_b89cf95f952e021d.txt': [
    ['It was a very warm, very positive letter', 'Sarah Sanders'],
    ['continued commitment to focus on denuclearization', 'Sarah Sanders'],
    ['The primary purpose of the letter', 'Sarah Sanders'],
  ],
  '004_517417800c7a14df.txt': [
    ['“warm”', 'Sarah Sanders'],
    ['“positive”', 'Sarah Sanders'],
    ['The recent parade in North Korea', 'Sarah Sanders'],
    ['The president has achieved tremendous success', 'Sarah Sanders'],
    ['still waiting for them', 'John Bolton'],
    ['The possibility of another meeting', 'John Bolton'],
    ['but President Trump can’t make North Korea walk', 'John Bolton'],
    ['The announcement [of a possible second meeting]', 'David Madden'],
  ],
};

describe('speakers of the seed quotes', () => {
  for (const file of seedFiles()) {
    it(`credits every speech quote of ${file} to the right person`, () => {
      const a = analyzeArticle(readSeed(file));
      const expected = SEED_SPEAKERS[file] ?? [];
      for (const [words, speaker] of expected) assert.equal(speakerOf(a, words), speaker, words);
      // And no speech quote of the seed is left out of the table.
      const speech = a.quotes.filter((q) => q.kind !== 'scare' && q.attribution !== null);
      for (const q of speech) assert.ok(expected.some(([w]) => q.text.includes(w)), `quote ${JSON.stringify(q.text)} is in the table`);
    });
  }

  it('reads the unbalanced marks of 001 as the quote and the word “important”', () => {
    const a = analyzeArticle(readSeed('001_bff36780cb2df338.txt'));
    assert.ok(a.quotes.some((q) => quoteInner(q) === 'important'));
    const long = a.quotes.find((q) => q.text.includes('In the end'));
    assert.ok(long && !long.text.includes('said Sarah Sanders'));
  });
});

describe('speaker resolution', () => {
  const text = [
    'White House spokeswoman Sarah Sanders said the letter was warm.',
    '“We are open to a meeting,” she said.',
    'National security adviser John Bolton said the United States is waiting.',
    '“They have to take the steps,” Bolton said.',
    'Sanders told reporters the parade was a sign of good faith.',
    '“We regard this as a sign of goodwill,” said the spokeswoman.',
    'The Trump spokeswoman added that details would follow.',
  ].join('\n\n');
  const a = analyzeArticle(text);
  const by = (cueStartsWith: string) => a.attributions.filter((x) => text.slice(x.cue.start).startsWith(cueStartsWith)).map((x) => x.speaker);

  it('resolves names with titles, surnames, pronouns and role nouns to the named person', () => {
    assert.deepEqual(
      a.attributions.map((x) => x.speaker),
      ['Sarah Sanders', 'Sarah Sanders', 'John Bolton', 'John Bolton', 'Sarah Sanders', 'Sarah Sanders', 'Sarah Sanders'],
    );
    assert.ok(by('told').every((s) => s === 'Sarah Sanders'));
  });

  it('grades sources: person, organization, anonymous, none', () => {
    const strengths = analyzeArticle(
      'Sanders said it was warm. The White House said it was warm. A source said it was warm. Officials said it was warm. It was reported that it was warm.',
    ).attributions.map((x) => x.strength);
    assert.deepEqual(strengths, ['person', 'organization', 'anonymous', 'anonymous', 'none']);
  });

  it('lets a floating quote inherit the speaker of the attributed one before it', () => {
    const b = analyzeArticle('“The parade had no missiles,” Sanders said.\n\n“That is a sign of good faith, and we welcome it.”');
    const floating = b.quotes.find((q) => q.text.includes('That is a sign'));
    assert.equal(floating && b.attributions[floating.attribution ?? -1]?.speaker, 'Sanders');
  });
});
