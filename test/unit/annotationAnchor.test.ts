import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchor } from '../../server/src/core/annotations/anchor';
import { describeSpan } from '../../server/src/core/annotations/model';
import { readSeed } from '../support/seeds';

const SEED = readSeed('002_814d60045636db2c.txt');
const CLAIM = 'It was a very warm, very positive letter';

/** Annotates the first occurrence of `span` in `text` and re-anchors it in `edited`. */
function reanchor(text: string, span: string, edited: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(span, at + 1);
  assert.ok(at >= 0, `"${span}" is in the text`);
  const d = describeSpan(text, at, at + span.length);
  const found = anchor(edited, d.quote, d.start, d.end);
  return { ...found, text: found.start >= 0 ? edited.slice(found.start, found.end) : null };
}

describe('re-anchoring an annotated span after the article is edited', () => {
  it('stays put when nothing changed', () => {
    const r = reanchor(SEED, CLAIM, SEED);
    assert.equal(r.kind, 'exact');
    assert.equal(r.text, CLAIM);
  });

  it('follows the span when text is inserted before it', () => {
    const edited = 'Editor’s note: this story was updated on Friday.\n\n' + SEED;
    const r = reanchor(SEED, CLAIM, edited);
    assert.equal(r.kind, 'moved');
    assert.equal(r.text, CLAIM);
    assert.equal(r.start, edited.indexOf(CLAIM));
  });

  it('stays put when text after it is edited', () => {
    const at = SEED.indexOf(CLAIM) + CLAIM.length + 200;
    const edited = SEED.slice(0, at) + ' An added sentence after the claim. ' + SEED.slice(at);
    const r = reanchor(SEED, CLAIM, edited);
    assert.equal(r.kind, 'exact');
    assert.equal(r.text, CLAIM);
  });

  it('finds the span approximately when a word inside it is edited', () => {
    const edited = SEED.replace(CLAIM, 'It was a very warm, really positive letter');
    const r = reanchor(SEED, CLAIM, 'Intro line.\n' + edited);
    assert.equal(r.kind, 'fuzzy');
    assert.equal(r.text, 'It was a very warm, really positive letter');
  });

  it('follows a paragraph moved to the end of the article', () => {
    const paragraphs = SEED.split('\n\n');
    const i = paragraphs.findIndex((p) => p.includes(CLAIM));
    const moved = [...paragraphs.slice(0, i), ...paragraphs.slice(i + 1), paragraphs[i]].join('\n\n');
    const r = reanchor(SEED, CLAIM, moved);
    assert.equal(r.kind, 'moved');
    assert.equal(r.text, CLAIM);
  });

  it('reports the annotation as orphaned when its span is deleted, rather than guessing', () => {
    const sentenceEnd = SEED.indexOf('.', SEED.indexOf(CLAIM)) + 1;
    const edited = SEED.slice(0, SEED.indexOf(CLAIM)) + SEED.slice(sentenceEnd);
    const r = reanchor(SEED, CLAIM, edited);
    assert.equal(r.kind, 'orphaned');
    assert.equal(r.start, -1);
  });

  it('tells duplicate text apart by what surrounds it', () => {
    const text = 'Officials said the talks were productive. Later, Pyongyang said the talks were productive. The end.';
    const span = 'the talks were productive';
    const edited = 'A new first sentence. ' + text;
    const second = reanchor(text, span, edited, 1);
    assert.equal(second.kind, 'moved');
    assert.equal(second.start, edited.lastIndexOf(span), 'the second occurrence, not the first');
    const first = reanchor(text, span, edited, 0);
    assert.equal(first.start, edited.indexOf(span));
  });

  it('does not jump to a duplicate in another context when the annotated one is deleted', () => {
    const text = 'Officials in Seoul said: talks went well. Meanwhile in Washington a spokesman said: talks went well. Nobody else did.';
    const span = 'talks went well';
    const edited = text.replace('Meanwhile in Washington a spokesman said: talks went well. ', '');
    const r = reanchor(text, span, edited, 1);
    assert.equal(r.kind, 'orphaned');
  });

  it('gives up on a span rewritten beyond recognition', () => {
    const edited = SEED.replace(CLAIM, 'Sanders described the message in glowing terms');
    assert.equal(reanchor(SEED, CLAIM, edited).kind, 'orphaned');
  });
});
