// How much of a very long text is analysed. Analysis time grows with the text (and faster than linearly in places),
// so a 50 MB log file opened by mistake must not hold the server for minutes: only its first part is analysed.

/** The default cap on analysed characters: about 80,000 words, far beyond any news article. */
export const DEFAULT_MAX_ANALYSIS_CHARS = 500_000;

/** The smallest cap a setting may ask for; below it the cap would cut ordinary articles. */
export const MIN_MAX_ANALYSIS_CHARS = 1_000;

/**
 * The leading part of `text` that is analysed: all of it when it has at most `max` UTF-16 units, else a prefix of at
 * most `max` units cut after a line break (or else a space) in the second half of the window, never inside a
 * surrogate pair. Offsets into the part are offsets into the whole text.
 */
export function analysedPart(text: string, max: number): string {
  if (text.length <= max) return text;
  const floor = Math.floor(max / 2);
  let cut = text.lastIndexOf('\n', max - 1) + 1;
  if (cut <= floor) cut = lastSpace(text, max, floor);
  if (cut <= floor) cut = max;
  const before = text.charCodeAt(cut - 1);
  if (before >= 0xd800 && before <= 0xdbff) cut--; // a high surrogate whose low half lies past the cut
  return text.slice(0, cut);
}

function lastSpace(text: string, max: number, floor: number): number {
  for (let i = max - 1; i > floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 0x3000) return i + 1;
  }
  return 0;
}
