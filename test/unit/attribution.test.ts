import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle, type AnalysisOptions } from '../../server/src/core/analyze';
import { DEFAULT_CUES } from '../../server/src/core/attribution/cues';
import type { Attribution } from '../../server/src/core/types';

interface Seen {
  source: string | null;
  cue: string;
  content: string | null;
  speaker: string | null;
  strength: Attribution['strength'];
}

function attributions(text: string, options: AnalysisOptions = {}): Seen[] {
  return analyzeArticle(text, undefined, options).attributions.map((a) => ({
    source: a.source?.text ?? null,
    cue: a.cue.text,
    content: a.content?.text ?? null,
    speaker: a.speaker,
    strength: a.strength,
  }));
}

function only(text: string, options: AnalysisOptions = {}): Seen {
  const all = attributions(text, options);
  assert.equal(all.length, 1, `one attribution in ${JSON.stringify(text)}: ${JSON.stringify(all)}`);
  return all[0];
}

describe('attribution patterns', () => {
  it('“…,” Sanders said: the quote before a source and cue', () => {
    const a = only('“It was a very warm, very positive letter,” White House spokeswoman Sarah Sanders said.');
    assert.equal(a.cue, 'said');
    assert.equal(a.source, 'White House spokeswoman Sarah Sanders');
    assert.equal(a.content, '“It was a very warm, very positive letter,”');
    assert.equal(a.speaker, 'Sarah Sanders');
  });

  it('“…,” said Moon: the inverted source after the cue', () => {
    const a = only('“It should be resolved through negotiation,” said Moon on Tuesday.');
    assert.equal(a.source, 'Moon');
    assert.equal(a.content, '“It should be resolved through negotiation,”');
  });

  it('X said (that) …: indirect speech after the cue', () => {
    const a = only('Trump said that the meeting would take place soon.');
    assert.equal(a.source, 'Trump');
    assert.equal(a.content, 'the meeting would take place soon');
    assert.equal(only('Bolton said on Monday the United States is still waiting.').content, 'the United States is still waiting');
  });

  it('X said: “…”', () => {
    const a = only('CMC Markets analyst David Madden said on Monday: “The announcement is seen as a step in the right direction.”');
    assert.equal(a.speaker, 'David Madden');
    assert.equal(a.content, '“The announcement is seen as a step in the right direction.”');
  });

  it('according to X, before or after the content', () => {
    const before = only('According to the White House, the two leaders will meet again.');
    assert.equal(before.cue, 'According to');
    assert.equal(before.source, 'the White House');
    assert.equal(before.content, 'the two leaders will meet again');
    assert.equal(before.strength, 'organization');
    const after = only('The summit is being planned, according to officials.');
    assert.equal(after.content, 'The summit is being planned');
    assert.equal(after.strength, 'anonymous');
  });

  it('X told reporters …: the hearer is not the content', () => {
    const a = only('Sanders told reporters the letter exhibited a continued commitment.');
    assert.equal(a.cue, 'told');
    assert.equal(a.content, 'the letter exhibited a continued commitment');
  });

  it('X wrote on Twitter, after a quote', () => {
    const a = only('“Thanks to Chairman Kim, we got it together,” Trump wrote on Twitter.');
    assert.equal(a.cue, 'wrote');
    assert.equal(a.speaker, 'Trump');
    assert.equal(a.content, '“Thanks to Chairman Kim, we got it together,”');
  });

  it('The Post has learned: the content before the source', () => {
    const a = only('Clinton was headed to an emergency room, The Post has learned.');
    assert.equal(a.source, 'The Post');
    assert.equal(a.cue, 'has learned');
    assert.equal(a.content, 'Clinton was headed to an emergency room');
    assert.equal(a.strength, 'organization');
  });

  it('sources said, the source added: anonymous sources', () => {
    const all = attributions('Protocol required a trauma center, sources said. The campaign changed course, the source added.');
    const first = all.find((a) => a.cue === 'said')!;
    const second = all.find((a) => a.cue === 'added')!;
    assert.deepEqual([first.source, first.cue, first.strength], ['sources', 'said', 'anonymous']);
    assert.equal(first.content, 'Protocol required a trauma center');
    assert.deepEqual([second.source, second.cue, second.strength], ['the source', 'added', 'anonymous']);
  });

  it('thoughts and beliefs with a complement: Clinton believes …', () => {
    const a = only('Clinton believes the deal will hold.');
    assert.equal(a.cue, 'believes');
    assert.equal(a.content, 'the deal will hold');
    assert.equal(analyzeArticle('Clinton believes the deal will hold.').attributions[0].kind, 'thought');
    assert.deepEqual(attributions('Voters believe in miracles.'), []);
  });

  it('a cue inside someone else’s quote is not an attribution of the article', () => {
    const all = attributions('“I said no and they knew it,” Trump said.');
    assert.deepEqual(all.map((a) => a.cue), ['said']);
  });

  it('a quote spanning two sentences is one content', () => {
    const a = only('“The parade had no missiles. That matters,” Sanders said.');
    assert.equal(a.content, '“The parade had no missiles. That matters,”');
  });

  it('an attribution with no source is strength none', () => {
    const all = attributions('Asked about the summit, the spokeswoman declined to elaborate.');
    assert.ok(all.some((a) => a.cue === 'Asked' && a.source === null && a.strength === 'none'));
  });
});

describe('what an attribution says about itself', () => {
  it('marks an attribution reported inside another one’s words as within it', () => {
    const a = analyzeArticle('Sanders said the letter showed a commitment to denuclearization.').attributions;
    const said = a.findIndex((x) => x.cue.text === 'said');
    const showed = a.find((x) => x.cue.text === 'showed');
    assert.equal(a[said].within, null);
    assert.equal(showed?.within, said);
    assert.equal(showed?.kind, 'thought');
  });

  it('names the speaker inside a source that carries a role', () => {
    const [a] = analyzeArticle('“It was warm,” White House spokeswoman Sarah Sanders said.').attributions;
    assert.equal(a.source?.text, 'White House spokeswoman Sarah Sanders');
    assert.equal(a.name?.text, 'Sarah Sanders');
    const [org] = analyzeArticle('The White House said the letter was warm.').attributions;
    assert.equal(org.name?.text, 'White House');
    const [pronoun] = analyzeArticle('She said the letter was warm.').attributions;
    assert.equal(pronoun.name, null);
  });

  it('stops reported words where a coordinated clause with its own cue begins', () => {
    const a = analyzeArticle('Clinton called for more troops and proposed a safe zone for refugees.').attributions;
    assert.deepEqual(
      a.map((x) => [x.cue.text, x.content?.text, x.within]),
      [
        ['called for', 'more troops', null],
        ['proposed', 'a safe zone for refugees', null],
      ],
    );
  });
});

describe('unfinished text', () => {
  it('copes with a cue, a colon or "according to" at the very end of the text', () => {
    for (const text of ['Sanders said:', 'Sanders said that', '““according to Kim Jong-un', 'He told', 'Asked about,', 'Trump’s claim that']) {
      for (const a of analyzeArticle(text).attributions) {
        assert.equal(text.slice(a.cue.start, a.cue.end), a.cue.text);
        if (a.content) assert.equal(text.slice(a.content.start, a.content.end), a.content.text);
      }
    }
  });
});

describe('the cue lexicon', () => {
  it('is exported and lemma-based: inflected forms match one entry', () => {
    assert.ok(DEFAULT_CUES.speech.includes('say') && DEFAULT_CUES.belief.includes('believe'));
    for (const form of ['says', 'said', 'saying']) assert.equal(attributions(`Sanders ${form} the letter was warm.`).length, 1, form);
  });

  it('accepts an override in the analysis options', () => {
    const text = 'Sanders blurted that the letter was warm.';
    assert.deepEqual(attributions(text), []);
    const a = only(text, { cues: { speech: [...DEFAULT_CUES.speech, 'blurt'] } });
    assert.equal(a.cue, 'blurted');
    assert.deepEqual(attributions('Sanders said the letter was warm.', { cues: { speech: DEFAULT_CUES.speech.filter((w) => w !== 'say') } }), []);
  });
});
