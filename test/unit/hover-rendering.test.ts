import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sharedWords } from '../../server/src/core/sharedWords';
import { contentWords, words } from '../../server/src/core/corpus/terms';
import { escapeMarkdown, fileLink } from '../../server/src/features/markdown';

// The renderings a hover is made of, held to the plain versions they replaced (each character, each word on its own).
const utf8 = new TextEncoder();
const plainFileLink = (uri: string, line: number): string | null =>
  /^(file|untitled):/i.test(uri)
    ? Array.from(uri, (c) => (/[A-Za-z0-9\-._~:/%@,;=+]/.test(c) ? c : [...utf8.encode(c)].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join(''))).join('') + `#L${line + 1}`
    : null;
const plainEscape = (text: string): string => text.replace(/[\\`*_{}[\]()<>#+\-.!|~"'&:=@$%]/g, (c) => '\\' + c).replace(/\r?\n|\r/g, ' ');
function plainSharedWords(query: string, passage: string): { start: number; end: number }[] {
  const wanted = new Set(contentWords(query));
  if (wanted.size === 0) return [];
  return [...passage.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'`-]*/gu)]
    .filter((m) => words(m[0].replace(/-/g, ' ')).some((w) => wanted.has(w)))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

describe('rendering a hover', () => {
  it('links a document at a line as encoding every character would, encoded already or not', () => {
    const scheme = fc.constantFrom('file:///home/a/', 'FILE:///C:/x/', 'untitled:', 'http://x/', '');
    const part = fc.constantFrom('seeds/', '002_814d.txt', 'a b', '%20', 'é', '😀', '(1)', '[x]', '#', '?', 'Ünï', '中文', '+=;,@');
    fc.assert(
      fc.property(scheme, fc.array(part, { maxLength: 6 }), fc.nat(5000), (start, parts, line) => {
        const uri = start + parts.join('');
        assert.equal(fileLink(uri, line), plainFileLink(uri, line));
      }),
    );
  });

  it('escapes Markdown as a character-by-character escape does', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'ab \\`*_{}[]()<>#+-.!|~"\'&:=@$%\n\r'.split('')) }), (text) => assert.equal(escapeMarkdown(text), plainEscape(text))));
  });

  it('emphasises the passage words a query shares, the same the first time and every time after', () => {
    const word = fc.constantFrom('Trump', 'said', 'letters', 'letter', 'Kim Jong-un', 'summit', 'the', 'warm', 'very', 'Sanders’', 'U.S.', '1,000', 'talks', 'talking', 'second-summit', ' ', ', ', '. ');
    const text = fc.array(word, { maxLength: 25 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, text, (query, passage) => {
        assert.deepEqual(sharedWords(query, passage), plainSharedWords(query, passage));
        assert.deepEqual(sharedWords(query, passage), plainSharedWords(query, passage));
      }),
    );
  });
});
