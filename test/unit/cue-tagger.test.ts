import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle, type AnalysisOptions } from '../../server/src/core/analyze';
import { changedCueLexicon } from '../../server/src/core/attribution/cues';

// The learned cue tagger (core/attribution/tagger.ts) finds cues the hand-written rules do not list; the rules alone
// (cueModel: null) find nothing in these sentences.
const triples = (text: string, options: AnalysisOptions = {}) =>
  analyzeArticle(text, undefined, options).attributions.map((a) => ({ source: a.source?.text ?? null, cue: a.cue.text, content: a.content?.text ?? null }));

describe('the learned cue tagger', () => {
  const cases = [
    { text: 'Trump plans to build a wall along the border.', source: 'Trump', cue: 'plans', content: 'to build a wall along the border' },
    { text: 'The senator emailed supporters that the vote was rigged.', source: 'The senator', cue: 'emailed', content: 'the vote was rigged' },
    { text: 'The governor scrapped plans to raise taxes.', source: 'The governor', cue: 'plans', content: 'to raise taxes' },
  ];
  for (const c of cases)
    it(`finds “${c.cue}” in “${c.text}”, which the rules alone miss`, () => {
      assert.deepEqual(triples(c.text, { cueModel: null }), []);
      assert.deepEqual(triples(c.text), [{ source: c.source, cue: c.cue, content: c.content }]);
    });

  it('adds no second cue beside one the rules found (“has long insisted”, “voiced concern”)', () => {
    assert.deepEqual(triples('Trump has long insisted the election is rigged.').map((a) => a.cue), ['insisted']);
    assert.deepEqual(triples('Several Republicans have voiced concern about the nominee.').map((a) => a.cue), ['have voiced']);
  });

  it('proposes nothing inside quotation marks', () => {
    const found = triples('“We plan to fight on, and we emailed everyone about it,” Sanders said.');
    assert.deepEqual(found.map((a) => a.cue), ['said']);
  });

  it('never brings back a word the user took out of the lexicon', () => {
    const text = 'The senator emailed supporters that the vote was rigged. Sanders said the letter was warm.';
    assert.deepEqual(triples(text, { cues: changedCueLexicon({ speech: ['-email', '-say'] }) }), []);
  });
});

describe('changes to the cue lexicon', () => {
  it('adds a word and takes one out, leaving the rest of the default lexicon', () => {
    const lexicon = changedCueLexicon({ speech: ['Blurt', '-say'], nouns: ['-claim'] });
    assert.ok(lexicon.speech.includes('blurt') && lexicon.speech.includes('tell'));
    assert.ok(!lexicon.speech.includes('say') && !lexicon.nouns.includes('claim') && lexicon.speech.includes('claim'));
    assert.deepEqual(lexicon.removed, ['say', 'claim']);
  });

  it('a verb the user adds is flagged with its source and content', () => {
    const text = 'Sanders blurted that the letter was warm.';
    assert.ok(!triples(text).some((a) => a.cue === 'blurted'));
    assert.deepEqual(triples(text, { cues: changedCueLexicon({ speech: ['blurt'] }) }), [{ source: 'Sanders', cue: 'blurted', content: 'the letter was warm' }]);
  });
});
