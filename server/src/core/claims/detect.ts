// Which sentences of an article state something checkable: a declarative sentence of the article's own text
// that names someone or something, or gives a number or a date. Not questions, not headlines, subheads,
// bylines or captions (no closing punctuation), not the author's first-person voice, not page furniture
// (boilerplate.ts) and not the off-topic tail a web page often carries after the story.

import { STOPWORDS } from '../corpus/terms';
import type { Attribution, Claim, Sentence } from '../types';
import { endsArticle, isFurniture } from './boilerplate';

const MIN_WORDS = 6;
const MAX_WORDS = 90;
const DATE_WORD =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/i;
const QUOTED = /“[^”]*”|"[^"]*"/g;

/** Sentences that state something checkable, each with the attribution that credits it, if any. */
export function detectClaims(text: string, sentences: Sentence[], attributions: Attribution[]): Claim[] {
  const bodies = sentences.map((s) => text.slice(s.start, s.end));
  const perParagraph = new Map<number, number>();
  for (const s of sentences) perParagraph.set(s.paragraph, (perParagraph.get(s.paragraph) ?? 0) + 1);
  const end = articleEnd(bodies);
  const offTopic = offTopicTail(sentences, bodies, end);
  const claims: Claim[] = [];
  for (let i = 0; i < end; i++) {
    const s = sentences[i];
    const body = bodies[i];
    if (offTopic.has(s.paragraph) || !isCheckable(body, perParagraph.get(s.paragraph) === 1)) continue;
    claims.push({ start: s.start, end: s.end, text: body, sentence: s.index, attribution: attributionOf(s, attributions) });
  }
  return claims;
}

/** True for a sentence that states something checkable (see the file comment). */
export function isCheckable(sentence: string, aloneInParagraph = false): boolean {
  const s = sentence.trim();
  const words = wordCount(s);
  if (words < MIN_WORDS || words > MAX_WORDS) return false;
  if (/\?["”’)]*$/.test(s)) return false;
  // Headlines, subheads, bylines, captions: no closing punctuation (a lone line ending in a quote is a quote).
  if (!/[.!"”’)]$/.test(s) && !(s.endsWith('…') && !aloneInParagraph)) return false;
  if (isFurniture(s)) return false;
  const own = s.replace(QUOTED, ' ');
  if (/\b(?:I|I'm|I’m|I've|I’ve|my)\b/.test(own) && !/^["“]/.test(s)) return false; // the author speaking
  return hasName(s) || /\d/.test(s) || DATE_WORD.test(s);
}

/**
 * How many words a text has: runs between white space (as \s) holding a letter or a digit (as \p{L} or \p{N}). The
 * same count as splitting at white space and testing each piece, without the pieces (every sentence is counted).
 */
export function wordCount(s: string): number {
  let words = 0;
  let counted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) counted = false;
      else if (!counted && ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122))) {
        words++;
        counted = true;
      }
      continue;
    }
    // Beyond ASCII, the regular expressions decide (a letter may be a surrogate pair).
    const point = s.codePointAt(i)!;
    const char = String.fromCodePoint(point);
    if (point > 0xffff) i++;
    if (SPACE.test(char)) counted = false;
    else if (!counted && LETTER_OR_DIGIT.test(char)) {
      words++;
      counted = true;
    }
  }
  return words;
}

const SPACE = /^\s$/;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

// A capitalised word past the first, or a first word that is not a common sentence opener.
function hasName(s: string): boolean {
  const words = s.replace(/^[\s"“‘'(]+/, '').split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const w = words[i].replace(/^["“‘'(]+/, '');
    if (/^\p{Lu}[\p{L}’'-]+/u.test(w) && w !== 'I') return true;
  }
  const first = (words[0] ?? '').replace(/[^\p{L}’'-]/gu, '');
  return first.length > 1 && /^\p{Lu}/u.test(first) && !STOPWORDS.has(first.toLowerCase()) && /^\p{Lu}[\p{L}’'-]+$/u.test(words[1] ?? '');
}

// Index of the first sentence after which the page is furniture ("Add a Comment", "Related Articles").
function articleEnd(bodies: string[]): number {
  const at = bodies.findIndex((b, i) => i > 0 && endsArticle(b));
  return at < 0 ? bodies.length : at;
}

// A web page often tacks an unrelated block after the story: a heading that shares no word with the story
// ("5 Best Property Lawyers in Irvine, CA") and whatever follows it. Returns those paragraphs.
function offTopicTail(sentences: Sentence[], bodies: string[], end: number): Set<number> {
  const tail = new Set<number>();
  const words = (i: number): string[] =>
    (bodies[i].toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOPWORDS.has(w)).map((w) => w.replace(/s$/, ''));
  // The story's words are gathered only when a sentence looks like a heading (most articles have none).
  const story = new Set<string>();
  let told = 0;
  let heading = -1;
  for (let i = 0; i < end; i++) {
    const s = sentences[i];
    const alone = (i === 0 || sentences[i - 1].paragraph !== s.paragraph) && (i + 1 >= end || sentences[i + 1].paragraph !== s.paragraph);
    if (!(i > end / 2 && alone && !/[.!?"”’]$/.test(bodies[i].trim()))) continue;
    for (; told < i; told++) for (const w of words(told)) story.add(w);
    if (story.size <= 20) continue;
    const mine = words(i);
    if (mine.length > 0 && !mine.some((w) => story.has(w))) {
      heading = i;
      break;
    }
  }
  if (heading >= 0) for (let i = heading; i < end; i++) tail.add(sentences[i].paragraph);
  return tail;
}

// An attribution that credits nobody ("reportedly", "talks to set up …" with no one named) leaves the claim on
// nothing but the article: it stays unverified, not single-source.
function attributionOf(s: Sentence, attributions: Attribution[]): number | null {
  const credits = (a: Attribution): boolean => a.strength !== 'none';
  const byCue = attributions.findIndex((a) => credits(a) && a.cue.start >= s.start && a.cue.end <= s.end);
  if (byCue >= 0) return byCue;
  const byContent = attributions.findIndex((a) => credits(a) && a.content !== null && a.content.start <= s.start && a.content.end >= s.end);
  return byContent >= 0 ? byContent : null;
}
