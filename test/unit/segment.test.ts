import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segmentParagraphs, segmentSentences } from '../../server/src/core/text/segment';
import { tokenize } from '../../server/src/core/text/tokens';

function sentences(text: string): string[] {
  return segmentSentences(text, segmentParagraphs(text)).map((s) => text.slice(s.start, s.end));
}

describe('paragraphs', () => {
  it('splits at blank lines and trims whitespace, with exact offsets', () => {
    const text = '  First line\nstill first.\n\n\r\nSecond.  \n';
    const ps = segmentParagraphs(text);
    assert.deepEqual(
      ps.map((p) => text.slice(p.start, p.end)),
      ['First line\nstill first.', 'Second.'],
    );
  });

  it('starts a new paragraph at a single line break after a finished sentence', () => {
    const text = 'He spoke at length about the letter and the summit that is planned.\n“It was warm,” she said.';
    assert.equal(segmentParagraphs(text).length, 2);
  });
});

describe('sentences', () => {
  it('does not split after abbreviations, titles and party tags', () => {
    assert.deepEqual(sentences('Sen. Elizabeth Warren (D-Mass.) said the U.S. Army met Gov. Cuomo on Sept. 11 in Washington, D.C. with Mr. Trump.'), [
      'Sen. Elizabeth Warren (D-Mass.) said the U.S. Army met Gov. Cuomo on Sept. 11 in Washington, D.C. with Mr. Trump.',
    ]);
  });

  it('splits after an abbreviation that ends the sentence when a new one clearly starts', () => {
    assert.deepEqual(sentences('Troops came home to the U.S. The president met them.'), ['Troops came home to the U.S.', 'The president met them.']);
  });

  it('keeps a case name together: Roe v. Wade', () => {
    assert.deepEqual(sentences('He would name judges who would overturn Roe v. Wade, and he said so. Then he left.'), [
      'He would name judges who would overturn Roe v. Wade, and he said so.',
      'Then he left.',
    ]);
  });

  it('keeps initials inside names', () => {
    assert.deepEqual(sentences('John F. Kennedy spoke. Then he left.'), ['John F. Kennedy spoke.', 'Then he left.']);
  });

  it('keeps a quoted question and its lower-case attribution together', () => {
    assert.deepEqual(sentences('“Why now?” she asked. “Because,” he said.'), ['“Why now?” she asked.', '“Because,” he said.']);
    assert.deepEqual(sentences('"Is it over?" he asked reporters.'), ['"Is it over?" he asked reporters.']);
  });

  it('handles ellipses: a lower-case continuation stays, a capital starts a new sentence', () => {
    assert.deepEqual(sentences('We waited … and waited. Then … Nothing happened.'), ['We waited … and waited.', 'Then …', 'Nothing happened.']);
  });

  it('ends a sentence after a closing quote mark', () => {
    assert.deepEqual(sentences('She called it “a sign of good faith.” Nobody argued.'), ['She called it “a sign of good faith.”', 'Nobody argued.']);
  });
});

describe('tokens', () => {
  it('gives each token its exact offsets, part of speech and lemma', () => {
    const text = '“It was warm,” Sanders said.\n\nShe added that Trump’s letter helped.';
    const ss = segmentSentences(text, segmentParagraphs(text));
    const tokens = tokenize(text, ss);
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
    const said = tokens.find((t) => t.text === 'said');
    assert.equal(said?.lemma, 'say');
    assert.equal(said?.pos, 'VERB');
    assert.equal(tokens.find((t) => t.text === 'added')?.lemma, 'add');
    assert.equal(tokens.find((t) => t.text === 'She')?.sentence, 1);
  });

  it('keeps offsets right past a byte-order mark inside the text', () => {
    const text = 'One line.\n\n\uFEFFAlso this one, she said.';
    const ss = segmentSentences(text, segmentParagraphs(text));
    for (const t of tokenize(text, ss)) assert.equal(text.slice(t.start, t.end), t.text);
  });
});
