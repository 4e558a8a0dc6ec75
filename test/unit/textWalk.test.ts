import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextWalk } from '../../server/src/core/corpus/textWalk';

// What a passage's position must come to: the UTF-8 bytes TextEncoder writes before it, and the line breaks
// (\n, \r\n, \r) before it.
function expected(text: string, position: number): { byte: number; line: number } {
  const prefix = text.slice(0, position);
  let line = 0;
  for (let i = 0; i < position; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return { byte: new TextEncoder().encode(prefix).length, line };
}

// A position is never the second half of a surrogate pair (a passage starts at a character).
const insidePair = (text: string, p: number) => p > 0 && (text.charCodeAt(p - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(p) & 0xfc00) === 0xdc00;

describe('walking a text for UTF-8 offsets and lines', () => {
  it('gives every position the offset TextEncoder and the line a line count give, forward and starting again', () => {
    const piece = fc.constantFrom('a', 'Z', ' ', '.', '\n', '\r', '\r\n', 'é', 'ß', '“', '”', '—', '…', '東京', '😀', '\ud800', '\udc00', 'plain words ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 50 }), fc.array(fc.nat(), { maxLength: 12 }), (pieces, picks) => {
        const text = pieces.join('');
        const walk = new TextWalk(text);
        // Mostly forward, as passages come; a pick may go back (a quote passage after its sentences).
        for (const pick of picks) {
          const position = pick % (text.length + 1);
          if (insidePair(text, position)) continue;
          walk.to(position);
          assert.deepEqual({ byte: walk.byte, line: walk.lineNumber }, expected(text, position), `${JSON.stringify(text)} at ${position}`);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('takes a position of an all-ASCII text for its byte offset, with the same lines', () => {
    const piece = fc.constantFrom('a', 'Z', ' ', '.', '\n', '\r', '\r\n', '"', 'plain words ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 50 }), fc.array(fc.nat(), { maxLength: 12 }), (pieces, picks) => {
        const text = pieces.join('');
        const walk = new TextWalk(text, true);
        for (const pick of picks) {
          const position = pick % (text.length + 1);
          walk.to(position);
          assert.deepEqual({ byte: walk.byte, line: walk.lineNumber }, expected(text, position), `${JSON.stringify(text)} at ${position}`);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
