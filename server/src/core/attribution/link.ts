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
    const holding = attributions.findIndex((a) => a.content !== null && a.content.start <= q.start && q.end <= a.content.end);
    if (holding >= 0) {
      if (q.kind === 'scare') q.kind = 'partial';
      q.attribution = holding;
      continue;
    }
    if (q.kind === 'scare') continue;
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
    q.attribution = a && paragraph - aParagraph <= 1 && (q.kind === 'direct' || paragraph === aParagraph) ? before : null;
    void paragraphs;
  }
}
