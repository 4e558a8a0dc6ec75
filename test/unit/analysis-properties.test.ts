// Property tests: whatever text an article holds, the analysis returns well-formed spans and never throws.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeArticle } from '../../server/src/core/analyze';
import type { ArticleAnalysis, Span } from '../../server/src/core/types';

// Text built from the pieces that trouble a segmenter: quote marks of every kind, line endings, emoji,
// combining marks, right-to-left script, abbreviations and stray punctuation.
const piece = fc.constantFrom(
  '“', '”', '"', "'", '‘', '’', '«', '»', ' ', ' ', ' ', '\n', '\n\n', '\r\n', '\r', '.', '?', '!', '…', ',', ':',
  'said', 'Sanders said', 'according to', 'the spokeswoman', 'she added', 'U.S.', 'Sept.', 'Mr.', '(D-Mass.)',
  'Kim', 'Trump', 'North Korea', '12', 'June', 'letter', '😀', '👩‍👩‍👧', 'e\u0301', 'שלום', 'مرحبا', '\uFEFF', '\t', '\u2028',
);
const articleText = fc.oneof(fc.array(piece, { maxLength: 80 }).map((xs) => xs.join('')), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

function checkSpan(text: string, s: Span & { text?: string }, what: string): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
  assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${what}: [${s.start}, ${s.end}) inside 0..${text.length}`);
  if (s.text !== undefined) assert.equal(s.text, text.slice(s.start, s.end), `${what}: text matches its offsets`);
}

function checkOrdered(spans: Span[], what: string): void {
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1].start <= spans[i].start, `${what} in document order`);
}

function checkAnalysis(text: string, a: ArticleAnalysis): void {
  a.paragraphs.forEach((p) => checkSpan(text, p, 'paragraph'));
  a.sentences.forEach((s) => checkSpan(text, s, 'sentence'));
  a.quotes.forEach((q) => checkSpan(text, q, 'quote'));
  a.claims.forEach((c) => checkSpan(text, c, 'claim'));
  for (const at of a.attributions) {
    checkSpan(text, at.cue, 'cue');
    if (at.source) checkSpan(text, at.source, 'source');
    if (at.content) checkSpan(text, at.content, 'content');
  }
  for (const q of a.quotes) if (q.attribution !== null) assert.ok(q.attribution >= 0 && q.attribution < a.attributions.length, 'quote links to an attribution that exists');
  checkOrdered(a.paragraphs, 'paragraphs');
  checkOrdered(a.sentences, 'sentences');
  checkOrdered(a.quotes, 'quotes');
  for (let i = 1; i < a.sentences.length; i++) assert.ok(a.sentences[i - 1].end <= a.sentences[i].start, 'sentences do not overlap');
}

describe('analysis of arbitrary text', () => {
  it('never throws and returns spans inside the text, in order, with matching text', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        checkAnalysis(text, analyzeArticle(text));
      }),
      { numRuns: 400 },
    );
  });

  it('finds the same things whatever the line endings: LF, CRLF or lone CR', () => {
    // The same article with its line breaks written three ways; findings must match once offsets are mapped back.
    const lfText = fc.array(piece.filter((x) => !x.includes('\r')), { maxLength: 80 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(lfText, fc.constantFrom('\r\n', '\r'), (text, eol) => {
        const other = text.replace(/\n/g, eol);
        // Offset in `other` → offset in `text`: each break of two units counts as one. A name may span a line break:
        // compare names with whitespace folded.
        const back = (offset: number) => offset - (eol.length - 1) * (other.slice(0, offset).split(eol).length - 1);
        const spans = (a: ArticleAnalysis, map: (o: number) => number) => ({
          quotes: a.quotes.map((q) => [map(q.start), map(q.end), q.kind, q.attribution]),
          claims: a.claims.map((c) => [map(c.start), map(c.end), c.attribution]),
          attributions: a.attributions.map((x) => [map(x.cue.start), x.source && map(x.source.start), x.speaker?.replace(/\s+/g, ' '), x.strength]),
        });
        assert.deepEqual(spans(analyzeArticle(other), back), spans(analyzeArticle(text), (o) => o));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps UTF-16 offsets right around emoji and combining characters', () => {
    const text = 'Intro 😀 e\u0301 👩‍👩‍👧.\n\n“We regard this as a sign of goodwill,” said the spokeswoman.';
    const a = analyzeArticle(text);
    const q = a.quotes.find((x) => x.text.includes('goodwill'));
    assert.ok(q);
    assert.equal(text.slice(q.start, q.end), q.text);
    assert.equal(text[q.start], '“');
  });

  it('survives pathological input: 20,000 quotation marks and a 1 MB single line', () => {
    checkAnalysis('"'.repeat(20000), analyzeArticle('"'.repeat(20000)));
    const line = 'Trump said the letter was warm. '.repeat(32000);
    checkAnalysis(line, analyzeArticle(line));
  });
});
