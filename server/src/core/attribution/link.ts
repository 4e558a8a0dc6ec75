import type { Attribution, Paragraph, Quote, Sentence } from '../types';

// Reported words stay within a few sentences of their cue (a long quote ends in the cue's sentence), so
// only attributions that close are compared: linking stays linear on articles with thousands of quotes.
const WINDOW = 3;

/**
 * Links each speech quote to the attribution that credits it: the one whose reported words hold it,
 * else the one in its sentence, else (a floating quote after an attributed one) the latest attribution
 * before it in the same or the previous paragraph. A scare quote inside someone's reported words is
 * their wording, so it becomes a partial quote.
 */
export function linkQuotes(quotes: Quote[], sentences: Sentence[], _paragraphs: Paragraph[], attributions: Attribution[]): void {
  let si = 0;
  let from = 0;
  for (const q of quotes) {
    while (si < sentences.length - 1 && sentences[si].end <= q.start) si++;
    let sl = si;
    while (sl < sentences.length - 1 && sentences[sl + 1].start < q.end) sl++;
    const first = sentences[si]?.index ?? 0;
    const last = sentences[sl]?.index ?? 0;
    while (from < attributions.length && attributions[from].sentence < first - WINDOW) from++;
    let to = from;
    while (to < attributions.length && attributions[to].sentence <= last + WINDOW) to++;
    // The innermost reported words holding the quote: "X said the authorities denounce “gangster” methods" → the authorities.
    // Words someone said outrank a thought nested in them ("She added that the message showed “…”").
    let holding = -1;
    for (let i = from; i < to; i++) {
      const a = attributions[i];
      if (!a.content || a.content.start > q.start || q.end > a.content.end) continue;
      const best = attributions[holding];
      if (!best || (a.kind === 'speech' && best.kind !== 'speech') || (a.kind === best.kind && size(a) < size(best))) holding = i;
    }
    if (holding >= 0) {
      if (q.kind === 'scare') q.kind = 'partial';
      q.attribution = holding;
      continue;
    }
    if (q.kind !== 'direct') continue;
    let inSentence = -1;
    for (let i = from; i < to && inSentence < 0; i++) if (attributions[i].sentence >= first && attributions[i].sentence <= last) inSentence = i;
    if (inSentence >= 0) {
      q.attribution = inSentence;
      continue;
    }
    const before = lastBefore(attributions, q.start);
    const a = attributions[before];
    const paragraph = sentences[si]?.paragraph ?? 0;
    const aParagraph = a ? (sentences[a.sentence]?.paragraph ?? -1) : -1;
    // A floating quote is a quoted sentence or more, not a two-word heading ("‘Good faith’").
    const words = q.text.split(/\s+/).length;
    q.attribution = a && words >= 4 && paragraph - aParagraph <= 1 ? before : null;
  }
}

function size(a: Attribution): number {
  return a.content ? a.content.end - a.content.start : 0;
}

/** Index of the last attribution whose cue ends at or before `at` (attributions are in text order), or -1. */
function lastBefore(attributions: Attribution[], at: number): number {
  let lo = 0;
  let hi = attributions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (attributions[mid].cue.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Marks attributions reported inside another one's words: the article credits the outer source, who credits the inner. */
export function nestAttributions(attributions: Attribution[]): void {
  attributions.forEach((a, i) => {
    let outer: number | null = null;
    let j = i;
    while (j > 0 && attributions[j - 1].sentence >= a.sentence - WINDOW) j--;
    for (; j < attributions.length && attributions[j].sentence <= a.sentence + WINDOW; j++) {
      const b = attributions[j];
      if (i === j || !b.content || b.content.start > a.cue.start || a.cue.end > b.content.end) continue;
      // Two cues in each other's words (a middle clause "A, X said, B") are siblings, not nested.
      if (a.content && a.content.start <= b.cue.start && b.cue.end <= a.content.end) continue;
      if (b.sentence !== a.sentence && !(b.content.end > a.cue.end)) continue;
      const best = outer === null ? null : attributions[outer].content!;
      if (!best || b.content.end - b.content.start > best.end - best.start) outer = j;
    }
    a.within = outer;
  });
}
