import type { Attribution, Paragraph, Quote, Sentence } from '../types';

/**
 * Links each speech quote to the attribution that credits it: the one whose reported words hold it,
 * else the one in its sentence, else (a floating quote after an attributed one) the latest attribution
 * before it in the same or the previous paragraph. A scare quote inside someone's reported words is
 * their wording, so it becomes a partial quote.
 */
export function linkQuotes(quotes: Quote[], sentences: Sentence[], paragraphs: Paragraph[], attributions: Attribution[]): void {
  let si = 0;
  for (const q of quotes) {
    while (si < sentences.length - 1 && sentences[si].end <= q.start) si++;
    // The innermost reported words holding the quote: "X said the authorities denounce “gangster” methods" → the authorities.
    // Words someone said outrank a thought nested in them ("She added that the message showed “…”").
    let holding = -1;
    attributions.forEach((a, i) => {
      if (!a.content || a.content.start > q.start || q.end > a.content.end) return;
      const best = attributions[holding];
      const size = (x: Attribution) => (x.content ? x.content.end - x.content.start : 0);
      if (!best || (a.kind === 'speech' && best.kind !== 'speech') || (a.kind === best.kind && size(a) < size(best))) holding = i;
    });
    if (holding >= 0) {
      if (q.kind === 'scare') q.kind = 'partial';
      q.attribution = holding;
      continue;
    }
    if (q.kind !== 'direct') continue;
    const sentence = sentences[si];
    const lastSentence = sentences.findLast((s) => s.start < q.end) ?? sentence;
    const inSentence = attributions.findIndex((a) => a.sentence >= (sentence?.index ?? 0) && a.sentence <= (lastSentence?.index ?? 0));
    if (inSentence >= 0) {
      q.attribution = inSentence;
      continue;
    }
    const paragraph = sentence ? sentence.paragraph : 0;
    const before = attributions.findLastIndex((a) => a.cue.end <= q.start);
    const a = attributions[before];
    const aParagraph = a ? sentences[a.sentence]?.paragraph ?? -1 : -1;
    // A floating quote is a quoted sentence or more, not a two-word heading ("‘Good faith’").
    const words = q.text.split(/\s+/).length;
    q.attribution = a && words >= 4 && paragraph - aParagraph <= 1 && (q.kind === 'direct' || paragraph === aParagraph) ? before : null;
    void paragraphs;
  }
}

/** Marks attributions reported inside another one's words: the article credits the outer source, who credits the inner. */
export function nestAttributions(attributions: Attribution[]): void {
  attributions.forEach((a, i) => {
    let outer: number | null = null;
    attributions.forEach((b, j) => {
      if (i === j || !b.content || b.content.start > a.cue.start || a.cue.end > b.content.end) return;
      // Two cues in each other's words (a middle clause "A, X said, B") are siblings, not nested.
      if (a.content && a.content.start <= b.cue.start && b.cue.end <= a.content.end) return;
      if (b.sentence !== a.sentence && !(b.content.end > a.cue.end)) return;
      const best = outer === null ? null : attributions[outer].content!;
      if (!best || b.content.end - b.content.start > best.end - best.start) outer = j;
    });
    a.within = outer;
  });
}
