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

describe('attributions without a reporting lemma or a clean phrase', () => {
  it('“…,” he continued / She went on: “…”: going on with words already quoted', () => {
    const a = only('“Is he really so stupid?” Scarborough continued.');
    assert.deepEqual([a.cue, a.source, a.content], ['continued', 'Scarborough', '“Is he really so stupid?”']);
    const b = attributions('“The letter was warm.” She went on: “It was friendly.”').at(-1)!;
    assert.deepEqual([b.cue, b.source, b.content], ['went on', 'She', '“It was friendly.”']);
    assert.deepEqual(attributions('The economy continued to grow. Prices went on rising.'), []);
  });

  it('those surveyed said …: a subject the tagger does not read as one phrase', () => {
    const a = only('Again, those surveyed said Trump was best able to handle the issue.');
    assert.deepEqual([a.cue, a.source], ['said', 'those surveyed']);
  });
});

describe('findings, stances and talk', () => {
  it('a finding in a poll: the poll is the source when no verb reports the sentence', () => {
    const a = only('Trump leads by 57 percent to 33 percent in the 50-state poll.');
    assert.deepEqual([a.cue, a.source, a.content], ['in', 'the 50-state poll', 'Trump leads by 57 percent to 33 percent']);
    assert.deepEqual(attributions('He lives in the house by the lake.'), []);
    // A verb that reports the sentence wins over the poll it was in.
    assert.equal(only('In a new poll, Sanders said the race was tight.').cue, 'said');
  });

  it('according to a source the tagger misreads ("company" as a verb)', () => {
    const a = only('G-III has more than 7,600 employees, according to company documents.');
    assert.deepEqual([a.cue, a.source], ['according to', 'company documents']);
  });

  it('a stance with a linking verb: critical of, against, confident that; "it is" credits no one', () => {
    const a = only('Graham has been critical of Trump.');
    assert.deepEqual([a.cue, a.source, a.content], ['has been critical of', 'Graham', 'Trump']);
    const b = only('Republicans are against abolishing the department.');
    assert.deepEqual([b.cue, b.source, b.content], ['are against', 'Republicans', 'abolishing the department']);
    assert.equal(only('Sanders is confident that he will win.').content, 'he will win');
    assert.deepEqual(attributions('The sky is clear today. He was happy.'), []);
  });

  it('a short object of support-like verbs is the content: 6 in 10 white men supported Sanders', () => {
    const a = only('About 6 in 10 white men supported Sanders.');
    assert.deepEqual([a.cue, a.source, a.content], ['supported', '6 in 10 white men', 'Sanders']);
  });

  it('talking about, challenged: verbs of talk and dispute', () => {
    assert.equal(only('Clinton was talking about the economy.').cue, 'was talking about');
    assert.equal(only('Cruz challenged the moderators on their questions.').source, 'Cruz');
    assert.deepEqual(attributions('They talked.'), []);
  });
});

describe('subjects with asides and relative clauses', () => {
  it('Sims — a teacher — says …: a subject set off by dashes', () => {
    const a = only('Sims — a teacher from Mount Pleasant — says he made a late decision.');
    assert.deepEqual([a.cue, a.source, a.content], ['says', 'Sims — a teacher from Mount Pleasant', 'he made a late decision']);
  });

  it('the groups who wrote to her say …: the relative clause belongs to the source, and its verb reports only what it holds', () => {
    const all = attributions('The groups who wrote to her on Thursday say they are concerned.');
    const say = all.find((a) => a.cue === 'say')!;
    assert.deepEqual([say.source, say.content], ['The groups who wrote to her', 'they are concerned']);
    const wrote = all.find((a) => a.cue === 'wrote')!;
    assert.ok(!wrote.content?.includes('concerned'), JSON.stringify(wrote));
  });

  it('“…,” said the man who …: an inverted source with its relative clause', () => {
    const a = attributions('“I want answers,” said a prominent committee member who lives in Ohio.').find((x) => x.cue === 'said');
    assert.equal(a?.source, 'a prominent committee member who lives in Ohio');
  });
});

describe('questions, hearsay and words read out', () => {
  it('“…,” she said when asked about …: the question is a cue of its own, without a source', () => {
    const all = attributions('“It is not perfect,” Lopez said when asked about the standards.');
    assert.deepEqual(all.map((a) => a.cue), ['said', 'asked']);
    assert.equal(all[1].source, null);
    assert.equal(all[1].content, 'about the standards');
  });

  it('reportedly: a clause credited to no one named', () => {
    const a = only('The FBI is reportedly making arrangements to interview Clinton.');
    assert.deepEqual([a.cue, a.source, a.content], ['reportedly', null, 'The FBI is reportedly making arrangements to interview Clinton']);
  });

  it('“…,” read the email: reading out only words quoted right there', () => {
    const a = only('“Anybody but Trump,” read the email.');
    assert.deepEqual([a.cue, a.source], ['read', 'the email']);
    assert.deepEqual(attributions('He read the book on the plane.'), []);
  });
});

describe('colons and evidence', () => {
  it('a heading, a dash, a name and a colon before quoted words', () => {
    const a = attributions('POLLS NOT WRONG - Mark Blumenthal and Jon Cohen: “The polls were close.”').find((x) => x.cue === ':');
    assert.equal(a?.source, 'Mark Blumenthal and Jon Cohen');
    assert.equal(a?.content, '“The polls were close.”');
  });

  it('More from the report: “…”: a document pointed at by "from"', () => {
    const a = only('More from the report: “In general, samples vary.”');
    assert.deepEqual([a.cue, a.source], [':', 'the report']);
  });

  it('He then listed the qualities: “…”: the subject of a clause announcing a quote', () => {
    const a = attributions('He then turned to the qualities of a good nominee: “Strength and patience.”').find((x) => x.cue === ':');
    assert.equal(a?.source, 'He');
  });

  it('…, new fundraising reports show: evidence verbs the tagger read as nouns', () => {
    const a = only('More than 40 percent of the money arrived in February, new fundraising reports show.');
    assert.deepEqual([a.cue, a.source, a.content], ['show', 'new fundraising reports', 'More than 40 percent of the money arrived in February']);
  });
});

describe('where one attribution’s words end and the next begins', () => {
  it('“…,” one prosecutor said the cases differ: the quote belongs to the earlier cue, the clause to this one', () => {
    const all = attributions('Clinton claimed that “Petraeus got in trouble for far less,” one former prosecutor said the two cases were quite different.');
    const said = all.find((a) => a.cue === 'said')!;
    assert.equal(said.content, 'the two cases were quite different');
    const claimed = all.find((a) => a.cue === 'claimed')!;
    assert.ok(claimed.content && !claimed.content.includes('prosecutor'), JSON.stringify(claimed));
  });
});

describe('support and its objects', () => {
  it('would support later school start times: any object of a support-like verb', () => {
    const a = only('Grayson would support later school start times.');
    assert.deepEqual([a.cue, a.source, a.content], ['would support', 'Grayson', 'later school start times']);
  });

  it('Republicans support deploying ground forces: a plural name before a verb read as a noun', () => {
    const a = only('A majority of Republicans support deploying ground forces.');
    assert.deepEqual([a.cue, a.content], ['support', 'deploying ground forces']);
  });
});

describe('cues of several words', () => {
  it('made it clear that …', () => {
    const a = attributions('He made it clear that he felt they should drop out.')[0];
    assert.deepEqual([a.cue, a.source, a.content], ['made it clear', 'He', 'he felt they should drop out']);
    assert.deepEqual(attributions('She made it clear.'), []);
  });

  it('verbs that are cues only with their particle: voted against, pushed back, weighed in', () => {
    assert.equal(only('He voted against a measure to extend the tax cuts.').cue, 'voted against');
    assert.equal(only('Priebus pushed back on those charges.').cue, 'pushed back');
    assert.deepEqual(attributions('He voted early. They pushed the cart.'), []);
  });

  it('an unowned stance noun: criticism of, endorsement of; not support for, which is as often a count', () => {
    const a = only('The program drew criticism for its costs.');
    assert.deepEqual([a.cue, a.source, a.content], ['criticism', null, 'its costs']);
    assert.deepEqual(attributions('There was no support for the bill.'), []);
  });
});

describe('thoughts with quoted words in their clause', () => {
  it('Bolton thought some of the “Neocons For Hillary” buzz was artificial', () => {
    const a = only('Bolton thought some of the “Neocons For Hillary” buzz was artificial.');
    assert.deepEqual([a.cue, a.source, a.content], ['thought', 'Bolton', 'some of the “Neocons For Hillary” buzz was artificial']);
  });
});

describe('a view credited by "To X,"', () => {
  it('To many Republicans, the deal is a betrayal', () => {
    const a = only('To many Republicans, the deal is a betrayal.');
    assert.deepEqual([a.cue, a.source, a.content], ['To', 'many Republicans', 'the deal is a betrayal']);
    assert.deepEqual(attributions('To date, the deal has held.'), []);
  });
});

describe('descriptions that are not attributions', () => {
  it('with three thousand journalists expected to attend: an absolute phrase reports no one', () => {
    assert.deepEqual(attributions('The summit will take place in Hanoi in February, with three thousand journalists expected to attend.'), []);
  });
});

describe('interviews', () => {
  it('Q: … A: …: the answer is credited to "A", the question to no one', () => {
    const all = attributions('Q: How did things go for you?\n\nA: You do not think about the damage.');
    assert.deepEqual(all.map((a) => [a.source, a.cue, a.content]), [['A', ':', 'You do not think about the damage']]);
  });
});

describe('findings credited to polls in general', () => {
  it('rising in the polls is a standing, not a source', () => {
    assert.deepEqual(attributions('Johnson has risen in the polls to the high single digits.'), []);
  });
});
