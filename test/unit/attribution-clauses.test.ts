import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/core/analyze';

// Who speaks and where their words end when the subject is not a plain phrase before the verb, and the phrases
// that look like cues but report no one.

type Seen = [source: string | null, cue: string, content: string | null];

function attributions(text: string): Seen[] {
  return analyzeArticle(text).attributions.filter((a) => a.within === null).map((a) => [a.source?.text ?? null, a.cue.text, a.content?.text ?? null]);
}

function byCue(text: string, cue: string): Seen {
  const found = attributions(text).find((a) => a[1] === cue);
  assert.ok(found, `an attribution with the cue "${cue}" in ${JSON.stringify(text)}: ${JSON.stringify(attributions(text))}`);
  return found;
}

describe('subjects that open the clause', () => {
  it('Even Rendell, a stalwart Clinton supporter, said …: the subject and its aside after an opening adverb', () => {
    assert.deepEqual(byCue('Even Rendell, a stalwart Clinton supporter, said it would be easier to raise the gas tax.', 'said'), [
      'Rendell, a stalwart Clinton supporter',
      'said',
      'it would be easier to raise the gas tax',
    ]);
  });

  it('Many speakers — including Muslims, Christians and Jews — said …: a subject with an aside in dashes', () => {
    assert.equal(byCue('Many speakers at the service — including Muslims, Christians and Jews — said his death is painful.', 'said')[0], 'Many speakers at the service — including Muslims, Christians and Jews');
  });

  it('42% say …, Jolly said …: a share and a name the tagger reads as an adverb', () => {
    assert.equal(byCue('It is on social issues that they lean left: 42% say they are liberal.', 'say')[0], '42%');
    assert.equal(byCue('The candidates offered ideas. Jolly said he has worked with Republicans on it.', 'said')[0], 'Jolly');
  });

  it('Local leaders who would rather be working for Cruz or Ben Carson said …: the subject, not the last name of its relative clause', () => {
    const text = 'Many of the local party leaders who would rather be working now on a campaign for Cruz or Rubio or Ben Carson said they have rallied behind the ticket.';
    assert.equal(byCue(text, 'said')[0], 'Many of the local party leaders who would rather be working now on a campaign for Cruz or Rubio or Ben Carson');
  });

  it('Clinton herself has proposed …: the intensifier is part of the subject, not a subject of its own', () => {
    assert.equal(byCue('There is the small matter that Clinton herself has proposed a modest tax on trading.', 'has proposed')[0], 'Clinton herself');
  });

  it('…, while Jeb Bush in a Medium post said …: the subject of a clause that opens after a conjunction', () => {
    const text = 'Ben Carson proposed a federal agency, while Jeb Bush in a Medium post said he would put more conservative judges on the bench.';
    assert.equal(byCue(text, 'said')[0], 'Jeb Bush in a Medium post');
  });

  it('…, states would become middle men, Jolly said: a name read as an adverb after a comma', () => {
    const text = 'If the government gave money for Head Start to states, states would become middle men, Jolly said.';
    assert.deepEqual(byCue(text, 'said'), ['Jolly', 'said', 'If the government gave money for Head Start to states, states would become middle men']);
  });

  it('…, most said …; and a third said …: a count standing alone is the subject', () => {
    const text = 'In Virginia, most said they were worried about the economy, and more than 4 in 10 said Trump would handle it best.';
    const said = attributions(text).filter((a) => a[1] === 'said');
    assert.deepEqual(said.map((a) => [a[0], a[2]]), [
      ['most', 'they were worried about the economy'],
      ['4 in 10', 'Trump would handle it best'],
    ]);
    assert.equal(byCue('About 4 in 10 see the campaign of Donald Trump as unfair, and a third said that of the Cruz campaign.', 'said')[0], 'a third');
  });

  it('Noting that …, Tester said …: an opening participle shares the main clause’s subject, its words end at the comma', () => {
    assert.deepEqual(byCue('Noting that only Sen. Mark Kirk voted with Democrats, Tester said the vote would fail.', 'Noting'), [
      'Tester',
      'Noting',
      'only Sen. Mark Kirk voted with Democrats',
    ]);
  });
});

describe('subjects past adverbs and asides', () => {
  it('Sanders in an interview with CNN said, an official speaking to Fox News said: the subject a modifier follows', () => {
    assert.equal(byCue('Jeb Bush in a Medium post said he would appoint judges.', 'said')[0], 'Jeb Bush in a Medium post');
    assert.equal(byCue('Another intelligence source speaking to Fox News said the agents are investigating.', 'said')[0], 'Another intelligence source speaking to Fox News');
    assert.equal(byCue('Current and former officials who spoke with The Huffington Post said the group is a shell.', 'said')[0], 'Current and former officials who spoke with The Huffington Post');
    assert.equal(byCue('The leader of the group said it would win.', 'said')[0], 'The leader of the group');
  });

  it('Some observers, including …, also criticized: a comma before an adverb closes an aside, not a clause', () => {
    assert.equal(byCue('Some observers, including professor Zeynep Tufekci, also criticized the organization for promoting the links.', 'criticized')[0], 'Some observers, including professor Zeynep Tufekci');
  });

  it('has since apologized, further announced, all but accused', () => {
    assert.equal(byCue('Clinton has since apologized for what happened.', 'apologized')[0], 'Clinton');
    assert.equal(byCue('She further announced that the department was keeping the right.', 'announced')[0], 'She');
    assert.equal(byCue('And in 2011, he all but accused the Fed chair of trying to debase the dollar.', 'accused')[0], 'he');
  });

  it('… and on Monday announced: a time phrase between the conjunction and the verb', () => {
    assert.equal(byCue('Scott has freed up $26 million in state funds and on Monday announced that more was being sent.', 'announced')[0], 'Scott');
  });

  it('is labeling: a progressive verb after an aside is no participle', () => {
    const [source] = byCue('Former Arkansas Gov. Mike Huckabee, for his part, is labeling Obama’s actions “a blatant abuse of power.”', 'is labeling');
    assert.ok(source?.startsWith('Former Arkansas Gov. Mike Huckabee'), String(source));
  });
});

describe('the subject a participle shares', () => {
  it('She escalated her criticism, telling CNN …: the subject, not the possessive of a noun cue', () => {
    assert.equal(byCue('She escalated her criticism on Tuesday, telling CNN that Trump is a faker.', 'telling')[0], 'She');
  });

  it('Democrats had sued after Ohio eliminated …, saying …: the main clause’s subject, not a later verb’s', () => {
    assert.equal(byCue('Democrats had sued after Ohio eliminated what had been called the Golden Week, saying that wiping out that week burdened voters.', 'saying')[0], 'Democrats');
  });

  it('… defended his call to raise the wage, saying …: not the subject of an infinitive', () => {
    assert.equal(byCue('Sen. Bernie Sanders defended his call to raise the federal minimum wage, saying the gains would outweigh the losses.', 'saying')[0], 'Sen. Bernie Sanders');
  });

  it('…, saying he would appoint judges who say …, and reminded …: not a relative pronoun in reported words', () => {
    assert.equal(byCue('Clinton attacked Trump, saying he would appoint judges who say the ruling was wrong, and reminded the audience of his comments.', 'reminded')[0], 'Clinton');
  });
});

describe('where reported words end', () => {
  it('…, at least 21,000 said …: a count that starts a clause of its own', () => {
    const text = 'Since June 16, when he asked supporters to run for office, at least 21,000 said they would help.';
    assert.deepEqual(byCue(text, 'asked'), ['he', 'asked', 'to run for office']);
    assert.deepEqual(byCue(text, 'said'), ['21,000', 'said', 'they would help']);
  });

  it('because he worries …, which I said …: a clause of the reporter’s own is not the words reported', () => {
    assert.equal(byCue('Sanders is backing Hillary Clinton because he worries Sanders would have trouble winning in the fall.', 'is backing')[2], 'Hillary Clinton');
    const text = 'The judge urged him to give me a fair sentence, which I said was not a prison sentence.';
    assert.equal(byCue(text, 'urged')[2], 'to give me a fair sentence');
    assert.equal(byCue(text, 'said')[0], 'I');
  });
});

describe('who holds a noun cue', () => {
  it('got friendly advice from a veteran: the one after "from", not the subject of the verb; the holder is not held', () => {
    assert.deepEqual(byCue('Kasich got friendly advice from a Vietnam War veteran on the Joint Chiefs.', 'advice'), ['a Vietnam War veteran', 'advice', 'on the Joint Chiefs']);
  });

  it('Trump’s recent evidence-free assertion: the owner past hyphenated modifiers', () => {
    assert.equal(byCue('For example, Trump’s recent evidence-free assertion that thousands cheered went viral.', 'assertion')[0], 'Trump’s');
  });
});

describe('the holder of a cue the tagger proposes', () => {
  it('insurers are raising alarms about …: the subject of the verb whose object the noun is', () => {
    assert.equal(byCue('While UnitedHealth is a minor player, other big insurers are raising alarms about how sick their customers are.', 'alarms about')[0], 'other big insurers');
  });

  it('Republicans, concerned about …, have …: an adjective set off after a phrase; its words end with the aside', () => {
    assert.deepEqual(byCue('Mr. Trump has been direct, but Republicans, concerned about the party’s declining appeal to women, have held back.', 'concerned about'), [
      'Republicans',
      'concerned about',
      'the party’s declining appeal to women',
    ]);
    assert.equal(byCue('Donald Trump’s advisers were exuberant and confident that Rudy Giuliani would help.', 'confident')[0], 'Donald Trump’s advisers');
  });

  it('went on Twitter to applaud …: an infinitive takes the subject of its clause', () => {
    assert.equal(byCue('Celebrities went on Twitter to applaud Obama’s announcement.', 'applaud')[0], 'Celebrities');
  });
});

describe('according to', () => {
  it('according to sources: a noun the tagger reads as a verb after "to"', () => {
    assert.deepEqual(byCue('Staffers later dated the affair to that year, according to sources.', 'according to'), ['sources', 'according to', 'Staffers later dated the affair to that year']);
  });

  it('according to exit polls reported by CNN and other networks; according to the "Medicare for all" document: longer sources, quotes inside', () => {
    assert.equal(byCue('His appeal was greatest among younger voters, according to exit polls reported by CNN and other networks.', 'according to')[0], 'exit polls reported by CNN and other networks');
    assert.equal(byCue('The plan would cost about $1.38 trillion a year, according to the "Medicare for all" document he released.', 'according to')[0], 'the "Medicare for all" document he released');
  });

  it('according to a tally by the Associated Press: the one behind the document is in the source', () => {
    assert.equal(byCue('Clinton had 2,205 delegates, according to a tally by the Associated Press.', 'according to')[0], 'a tally by the Associated Press');
  });
});

describe('owners of a noun cue', () => {
  it('Sen. Graham’s energetic endorsement of Cruz: the owner before the modifiers', () => {
    assert.equal(byCue('Sen. Graham’s energetic endorsement of Cruz surprised many.', 'endorsement')[0], 'Sen. Graham');
  });
});

describe('infinitives after an object', () => {
  it('will get one more chance to poke fun: a thing before "to" is no one; left many to wonder: people are', () => {
    assert.equal(byCue('President Barack Obama will get one more chance on Saturday to poke fun at fellow politicians.', 'poke')[0], 'President Barack Obama');
    assert.equal(byCue('The decision left many to wonder whether he would run.', 'wonder')[0], 'many');
  });
});

describe('participles after a span of time', () => {
  it('spent many hours reflecting, would have a difficult time vetoing: the subject of the clause speaks', () => {
    assert.equal(byCue('I would spend many hours reflecting on that subject.', 'reflecting')[0], 'I');
    assert.equal(byCue('But the president would have a difficult time vetoing a bill that includes tax relief.', 'vetoing')[0], 'the president');
  });
});

describe('feelings stirred in someone', () => {
  it('The remark worried some analysts: the ones worried hold the view, the remark is what it is about', () => {
    assert.deepEqual(byCue('The remark worried some analysts and activists.', 'worried'), ['some analysts and activists', 'worried', 'The remark']);
    assert.deepEqual(byCue("His behavior has angered the party's top figures.", 'has angered'), ["the party's top figures", 'has angered', 'His behavior']);
    assert.equal(byCue('He worries Sanders would have trouble winning in the fall.', 'worries')[0], 'He');
  });
});

describe('names before a colon', () => {
  it('Here’s Clinton in December 1992: “…”: a year may close the name before the quote', () => {
    const text = 'Here’s Clinton in December 1992: “Our new direction must rest on an understanding of the new realities.”';
    assert.equal(byCue(text, ':')[0], 'Clinton');
  });
});

describe('ways of saying', () => {
  it('As Professor Foner put it: “…”: "put it" is the cue, not a colon after "it"', () => {
    assert.deepEqual(attributions('As Professor Foner put it: “The United States does a better job at accepting immigrants.”'), [
      ['Professor Foner', 'put it', '“The United States does a better job at accepting immigrants.”'],
    ]);
  });
});

describe('stances received from someone', () => {
  it('drew sharp criticism from …, picked up the endorsement of …: the giver is the source, the receiver what it is about', () => {
    assert.deepEqual(byCue('The statement quickly drew sharp criticism from both sides of the abortion debate.', 'criticism from'), [
      'both sides of the abortion debate',
      'criticism from',
      'The statement',
    ]);
    assert.deepEqual(byCue('Last week Cruz picked up the endorsement of Gov. Scott Walker.', 'endorsement of'), ['Gov. Scott Walker', 'endorsement of', 'Cruz']);
  });
});

describe('participles after their noun', () => {
  it('a sentiment endorsed by the people in the arena: the agent speaks, the noun is what it endorsed', () => {
    const text = 'He dismissed ideological labels altogether, a sentiment endorsed by the 10,000 people in the arena.';
    assert.deepEqual(byCue(text, 'endorsed by'), ['the 10,000 people', 'endorsed by', 'a sentiment']);
    assert.equal(byCue(text, 'dismissed')[2], 'ideological labels altogether');
  });

  it('…, encouraged by the United States: a participle set off after its clause credits the clause to the agent', () => {
    const text = 'For the past five years, Burma has been taking fitful steps toward democracy, encouraged by the United States and other countries.';
    assert.deepEqual(byCue(text, 'encouraged'), [
      'the United States and other countries',
      'encouraged',
      'For the past five years, Burma has been taking fitful steps toward democracy',
    ]);
  });
});

describe('questions put by someone named', () => {
  it('Asked by Stephanopoulos to respond …, Carson said …: the one who asked is the source of "Asked"', () => {
    assert.deepEqual(byCue('Asked by Stephanopoulos to respond to the criticism, Carson said the truth will come out.', 'Asked'), [
      'Stephanopoulos',
      'Asked',
      'to respond to the criticism',
    ]);
    assert.deepEqual(byCue('Asked about the letter, Sanders said it was warm.', 'Asked'), [null, 'Asked', 'about the letter']);
  });
});

describe('speakers named after a quote', () => {
  it('“…,” said one unaligned Florida strategist; “…,” said Will Doyle, a professor: a phrase the tagger broke', () => {
    assert.deepEqual(byCue('“There is no data to suggest that,” said one unaligned Florida Republican strategist.', 'said'), [
      'one unaligned Florida Republican strategist',
      'said',
      '“There is no data to suggest that,”',
    ]);
    assert.equal(byCue('“It is a pretty expensive business model,” said Will Doyle, a professor of higher education.', 'said')[0], 'Will Doyle');
  });

  it("''… 'bomb them,''' said Senator John McCain: a quote inside a quote closes with three marks", () => {
    const text = "''Most voters will not be satisfied with 'We will bomb them,''' said Senator John McCain of Arizona, referring to the vow.";
    assert.deepEqual(byCue(text, 'said'), ['Senator John McCain of Arizona', 'said', "''Most voters will not be satisfied with 'We will bomb them,''"]);
  });
});

describe('time phrases between a subject and its verb', () => {
  it('who in the past has voiced …, the GOP chairman, this past week announced …', () => {
    assert.equal(byCue('Zucker, who in the past has voiced the desire to run for office, told BuzzFeed he would consider it.', 'has voiced')[0], 'who');
    assert.equal(byCue('Reince Priebus, the GOP chairman, this past week announced the creation of a website.', 'announced')[0], 'Reince Priebus, the GOP chairman');
  });
});

describe('long asides', () => {
  it('Maria Lopez, a strategist who … (over thirty words) …, said …: the name and its whole aside', () => {
    const text = 'Maria Lopez, a senior Miami party strategist who played a key part in John Smith’s big Florida win in 2010 and is now directing Bush’s early-vote drive across the state, said the absentee program matters most.';
    assert.deepEqual(byCue(text, 'said'), [
      'Maria Lopez, a senior Miami party strategist who played a key part in John Smith’s big Florida win in 2010 and is now directing Bush’s early-vote drive across the state',
      'said',
      'the absentee program matters most',
    ]);
  });
});

describe('asides that describe a thing', () => {
  it('The complaint, which was filed in federal court in Washington, alleged …: the subject and its "which" aside', () => {
    assert.equal(byCue('The complaint, which was filed in federal district court in Washington, alleged that the party failed.', 'alleged')[0], 'The complaint, which was filed in federal district court in Washington');
  });
});

describe('asides that quote a name', () => {
  it('Hemsley, the co-author of "Going Viral," about …, said …: a quoted title inside the aside', () => {
    const text = 'Hemsley, the co-author of "Going Viral," about the rapid spread of information, said people trust their friends.';
    assert.equal(byCue(text, 'said')[0], 'Hemsley, the co-author of "Going Viral," about the rapid spread of information');
  });

  it('Marcel Lazar, the hacker known as “Guccifer,” stated …: the aside ends inside the quote', () => {
    const text = 'Marcel Lazar, the Romanian hacker known as “Guccifer,” stated that he accessed the server.';
    assert.equal(byCue(text, 'stated')[0], 'Marcel Lazar, the Romanian hacker known as “Guccifer,”');
  });
});

describe('opening phrases that are no subject', () => {
  it('On economic issues, 42% say …: the share, not the topic before it', () => {
    assert.equal(byCue('On economic issues, 42% say they are liberal.', 'say')[0], '42%');
  });

  it('… while at the State Department, said …: a prepositional phrase ending a long aside is not the subject', () => {
    const text = 'The campaign, which has been shadowed for 17 months by the controversy over the private email server she used exclusively while at the State Department, said that the emails had no bearing on it.';
    assert.notEqual(byCue(text, 'said')[0], 'at the State Department');
  });

  it('As reported by Western Journalism, …: the agent after "by"', () => {
    assert.deepEqual(byCue('As reported by Western Journalism, investigators found classified material on the server.', 'reported'), [
      'Western Journalism',
      'reported',
      'investigators found classified material on the server',
    ]);
  });
});

describe('holders of a noun a preposition follows', () => {
  it('his friends make jokes about …, several negative comments about …: the noun is not the one who speaks', () => {
    assert.equal(byCue('Now his friends make jokes about sending election observers to American polls.', 'jokes about')[0], 'his friends');
    const about = attributions('Trump’s campaign account has been busy, re-tweeting several negative comments about Fox News host Megyn Kelly.').find((a) => a[1] === 'about');
    assert.notEqual(about?.[0], 'several negative comments');
  });
});

describe('phrases that report no one', () => {
  it('That said, …', () => {
    assert.deepEqual(attributions('That said, Cruz cannot get enough delegates to win.'), []);
  });

  it('about a dozen meetings, 270 pledged delegates, showed up', () => {
    assert.deepEqual(attributions('Schoen arranged about a dozen meetings with officials.'), []);
    assert.deepEqual(attributions('Clinton leads Sanders by roughly 270 pledged delegates.'), []);
    assert.deepEqual(attributions('And then Sanders showed up.'), []);
  });

  it('Do you support Donald Trump?: a question put to the reader', () => {
    assert.deepEqual(attributions('Do you support Donald Trump? Like the page.'), []);
  });
});
