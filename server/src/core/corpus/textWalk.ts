// The UTF-8 offset and line of positions in a text, walked forward from one to the next: what the corpus keeps
// for each passage's start. Only line breaks and characters past ASCII change the count from the position itself,
// so the walk jumps from one of those to the next with a regular expression (compiled to machine code that skips
// the ASCII in between) instead of reading every character: the character loop was a tenth of a cold index.

// A line break or a character that takes more than one byte in UTF-8.
const SPECIAL = /[\n\r\u0080-\uffff]/g;

/** A walk through one text; `to` asks for a position at or after the last (or starts again from 0 before it). */
export class TextWalk {
  /** UTF-16 position walked to (past a surrogate pair when the position asked for was inside one). */
  private unit = 0;
  /** UTF-8 bytes beyond one per UTF-16 unit, up to `unit` (so the byte offset is unit + extra). */
  private extra = 0;
  private line = 0;
  /** The next special character at or after `unit` (Infinity: none), or -1 when not looked for yet. */
  private next = -1;

  constructor(private readonly text: string) {}

  /** UTF-8 offset of `position` (as TextEncoder writes the text: a lone surrogate is three bytes). */
  get byte(): number {
    return this.unit + this.extra;
  }

  /** 0-based line of `position` (a line ends at \n, \r\n or \r). */
  get lineNumber(): number {
    return this.line;
  }

  /** Walks to `position` (from 0 again when it is before where the walk is). */
  to(position: number): void {
    if (position < this.unit) {
      this.unit = this.extra = this.line = 0;
      this.next = -1;
    }
    const text = this.text;
    let unit = this.unit;
    let next = this.next;
    while (unit < position) {
      if (next < unit) {
        SPECIAL.lastIndex = unit;
        next = SPECIAL.test(text) ? SPECIAL.lastIndex - 1 : Infinity;
      }
      if (next >= position) {
        unit = position;
        break;
      }
      const c = text.charCodeAt(next);
      unit = next + 1;
      if (c === 10 || (c === 13 && text.charCodeAt(unit) !== 10)) this.line++;
      else if (c === 13) {
        // \r\n: one line break, counted at the \n.
      } else if (c < 0x800) this.extra += 1;
      else if (c >= 0xd800 && c < 0xdc00 && unit < text.length && (text.charCodeAt(unit) & 0xfc00) === 0xdc00) {
        this.extra += 2; // a surrogate pair: four bytes for two units
        unit++;
      } else this.extra += 2;
    }
    this.unit = unit;
    this.next = next;
  }
}
