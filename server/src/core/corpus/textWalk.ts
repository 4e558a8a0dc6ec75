// The UTF-8 offset and line of positions in a text, walked forward from one to the next: what the corpus keeps
// for each passage's start. The bytes of the stretch between two positions are counted by TextEncoder.encodeInto
// (native) and its line breaks found with indexOf, instead of a loop over every character, which was a tenth of a
// cold index.

const encoder = new TextEncoder();
/** Where encodeInto writes the stretch being counted (the bytes are not used); grown as needed. */
let scratch = new Uint8Array(1 << 16);

/** A walk through one text; `to` asks for a position at or after the last (or starts again from 0 before it). */
export class TextWalk {
  /** UTF-16 position walked to. */
  private unit = 0;
  private bytes = 0;
  private line = 0;
  /** The next \n at or after `unit` (Infinity: none), or -1 when not looked for yet. */
  private nextNewline = -1;
  /** Whether the text has a \r at all (a line may end at \r alone): else only \n is looked for. */
  private readonly carriageReturns: boolean;

  /** `ascii`: the text is all ASCII (its UTF-8 is as long as it), so a position is its own byte offset. */
  constructor(
    private readonly text: string,
    private readonly ascii = false,
  ) {
    this.carriageReturns = text.indexOf('\r') >= 0;
  }

  /** UTF-8 offset of the position walked to (as TextEncoder writes the text: a lone surrogate is three bytes). */
  get byte(): number {
    return this.bytes;
  }

  /** 0-based line of the position walked to (a line ends at \n, \r\n or \r). */
  get lineNumber(): number {
    return this.line;
  }

  /**
   * Walks to `position` (from 0 again when it is before where the walk is). A position between the two halves of a
   * surrogate pair is taken to be after the pair, whose four bytes are counted together.
   */
  to(position: number): void {
    const text = this.text;
    if (position < this.unit) {
      this.unit = this.bytes = this.line = 0;
      this.nextNewline = -1;
    }
    const from = this.unit;
    if (position <= from) return;
    if (position < text.length && (text.charCodeAt(position) & 0xfc00) === 0xdc00 && (text.charCodeAt(position - 1) & 0xfc00) === 0xd800) position++;
    if (this.ascii) this.bytes = position;
    else {
      if (scratch.length < 3 * (position - from)) scratch = new Uint8Array(3 * (position - from));
      this.bytes += encoder.encodeInto(text.slice(from, position), scratch).written;
    }
    let next = this.nextNewline;
    for (;;) {
      if (next < from) {
        next = text.indexOf('\n', from);
        if (next < 0) next = Infinity;
      }
      if (next >= position) break;
      this.line++;
      next = text.indexOf('\n', next + 1);
      if (next < 0) next = Infinity;
    }
    this.nextNewline = next;
    if (this.carriageReturns) {
      // A \r is a line break of its own unless a \n follows (then the \n counted it).
      for (let r = text.indexOf('\r', from); r >= 0 && r < position; r = text.indexOf('\r', r + 1)) if (text.charCodeAt(r + 1) !== 10) this.line++;
    }
    this.unit = position;
  }
}
