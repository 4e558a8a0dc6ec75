// When another document states the same thing with another figure, name or a negation, the claim is disputed: a
// strong word for a reader, so only a real substitution may say it, not another way of putting the same fact.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Corpus } from '../../server/src/core/corpus/corpus';
import { compareWithDocument } from '../../server/src/core/corroborate/evidence';

const FILLER = [
  'Heavy rain flooded roads across the region on Tuesday, and schools closed early.',
  'The pound rose against the dollar after the central bank held its interest rate.',
  'The festival drew large crowds to the old harbour over the weekend.',
  'Farmers said the late frost had damaged much of the apple harvest.',
];

function judge(statement: string, passage: string): { relation: string | null; reason?: string } {
  const corpus = new Corpus();
  FILLER.forEach((text, i) => corpus.set(`filler-${i}.txt`, text));
  corpus.set('other.txt', passage);
  return compareWithDocument(corpus, statement, 'other.txt');
}

describe('conflicts', () => {
  it('are found for another figure in the same place', () => {
    const j = judge('The storm killed 770 people in the coastal province, officials said on Monday.', 'The storm killed 643 people in the coastal province, officials said on Monday.');
    assert.equal(j.relation, 'conflicts');
    assert.match(j.reason ?? '', /770.*643/);
  });

  it('are found for another name of the same shape in the same place', () => {
    const j = judge('The two leaders will hold their second summit in Singapore later this month, the ministry said.', 'The two leaders will hold their second summit in Hanoi later this month, the ministry said.');
    assert.equal(j.relation, 'conflicts');
  });

  it('are not found for figures of things each side names differently', () => {
    const j = judge('It takes 1,237 delegates to win the Republican nomination for president.', 'It takes 2,383 delegates to win the Democratic nomination for president.');
    assert.notEqual(j.relation, 'conflicts');
  });

  it('are not found for a figure given to fewer decimals', () => {
    const j = judge('That compares with a profit of $446 million on revenue of $6.3 billion in the same period last year.', 'That compares with a profit of $446 million on revenue of $6.32 billion in the same period last year.');
    assert.notEqual(j.relation, 'conflicts');
  });

  it('are not found for another way of naming the same body', () => {
    const j = judge('There are no plans to build permanent U.S. bases in Africa, Pentagon officials said on Tuesday.', 'There are no plans to build permanent U.S. bases in Africa, Defense Department officials said on Tuesday.');
    assert.notEqual(j.relation, 'conflicts');
  });

  it('are not found when the other side says "not" in a word', () => {
    const j = judge('The company confirmed it operated the coach but declined to give details of the passengers.', 'The company confirmed it operated the coach but did not give details of the passengers.');
    assert.notEqual(j.relation, 'conflicts');
  });
});
