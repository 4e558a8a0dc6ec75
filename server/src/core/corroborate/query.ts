// The article side of a comparison: its words as token words of the corpus's vocabulary.
import { FLAG_SHIFT, type Corpus } from '../corpus/corpus';
import { scanTokens, TOKEN_INITIAL, TOKEN_QUOTED } from '../corpus/terms';

/** Tokens of text[start, end) as corpus token words; `quoted` spans (pairs of offsets) set TOKEN_QUOTED. */
export function queryTokens(corpus: Corpus, text: string, start = 0, end = text.length, quoted: readonly number[] = []): Uint32Array {
  const out: number[] = [];
  scanTokens(text, start, end, (word, s, _e, flags) => {
    // Interned, not looked up: a word the corpus lacks still equals itself elsewhere in the article.
    const id = corpus.vocabulary.intern(word);
    if (out.length === 0) flags |= TOKEN_INITIAL;
    for (let i = 0; i < quoted.length; i += 2) if (quoted[i] <= s && s < quoted[i + 1]) flags |= TOKEN_QUOTED;
    out.push((id | (flags << FLAG_SHIFT)) >>> 0);
  });
  return Uint32Array.from(out);
}
