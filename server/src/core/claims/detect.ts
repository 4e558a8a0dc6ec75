import type { Attribution, Claim, Sentence } from '../types';

/** Sentences that state something checkable: long enough, not questions, not headline fragments. */
export function detectClaims(text: string, sentences: Sentence[], attributions: Attribution[]): Claim[] {
  const claims: Claim[] = [];
  for (const s of sentences) {
    const body = text.slice(s.start, s.end);
    const words = body.split(/\s+/).filter(Boolean);
    if (words.length < 6 || /\?["”]?$/.test(body) || !/[.!"”]$/.test(body)) continue;
    if (!/[A-Z]\w+|\d/.test(body.slice(1))) continue;
    const a = attributions.findIndex((x) => x.cue.start >= s.start && x.cue.end <= s.end);
    claims.push({ start: s.start, end: s.end, text: body, sentence: s.index, attribution: a >= 0 ? a : null });
  }
  return claims;
}
