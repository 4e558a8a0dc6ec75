// Articles that trouble a text tool, shared by the CLI and server robustness tests. Big ones are generated at run
// time into a temporary folder, never committed.
import * as fs from 'node:fs';
import * as path from 'node:path';

const QUOTE = '“It was a very warm, very positive letter,” Sarah Sanders said.';

/** Small awkward articles: file name → content (Buffers for bytes no string can hold). */
export const AWKWARD: Record<string, string | Buffer> = {
  'empty.txt': '',
  'whitespace.txt': ' \n\n\t\r\n   \n',
  'bom.txt': `\uFEFF${QUOTE}\n`,
  'crlf.txt': `Kim Jong-un sent a letter to Donald Trump, the White House said.\r\n\r\n${QUOTE}\r\n`,
  'lone-cr.txt': `Kim Jong-un sent a letter to Donald Trump, the White House said.\r\r${QUOTE}\r`,
  'emoji.txt': `Kim 😀 wrote 👩‍👩‍👧 a letter 🇰🇵 to Trump on Sunday, the White House said.\n\n“It was a very warm 👍🏽, very positive letter,” Sarah Sanders said.\n`,
  'combining.txt': `Ange\u0301lique Che\u0301ron said the cafe\u0301 Z\u0335\u0321a\u0337l\u0336g\u0334o\u0335 was closed on Monday.\n\n${QUOTE}\n`,
  'rtl.txt': `\u202Eevil\u202C שלום עולם said Benjamin Netanyahu on Sunday. مرحبا بالعالم\n\n“שלום, a very warm letter مرحبا,” Sarah Sanders said.\n`,
  'unbalanced.txt': [
    '“It was a very warm letter, Sarah Sanders said without closing.',
    '"Straight and “curly ‘nested “deeper” still’ here,” he said." Then ” a stray close and a stray “ open.',
    '” Closing first. "Straight opens, “curly closes” and "never mind.',
    '«Guillemets» and „German“ and 「corner」 quotes, said Moon Jae-in.',
  ].join('\n\n'),
  'german.txt': '„Es war ein sehr herzlicher Brief“, sagte Sarah Sanders am Donnerstag in Washington.\n\nDer Brief sei übergeben worden, teilte das Weiße Haus mit.\n',
  'french.txt': '« C’était une lettre très chaleureuse », a déclaré Sarah Sanders jeudi à Washington.\n\nSelon la Maison-Blanche, la lettre a été remise mardi.\n',
  'russian.txt': '«Это было очень тёплое письмо», — заявила Сара Сандерс в четверг.\n\nПо словам Белого дома, письмо было передано во вторник.\n',
  'chinese.txt': '白宫发言人桑德斯说：“这是一封非常热情的信。”\n\n「金正恩」在信中表示希望再次会晤。据白宫称，信件于周二送达。\n',
  'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  'invalid-utf8.txt': Buffer.concat([Buffer.from('“It was a very warm '), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from(' letter,” Sarah Sanders said.\n')]),
};

/** The text an article is analysed as: UTF-8 decoded (bad bytes replaced), a leading BOM dropped. */
export function textOf(content: string | Buffer): string {
  const text = typeof content === 'string' ? content : content.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Writes the awkward articles into `dir`; returns their paths by file name. */
export function writeAwkward(dir: string): Record<string, string> {
  fs.mkdirSync(dir, { recursive: true });
  return Object.fromEntries(Object.entries(AWKWARD).map(([name, content]) => [name, writeFile(path.join(dir, name), content)]));
}

function writeFile(file: string, content: string | Buffer): string {
  fs.writeFileSync(file, content);
  return file;
}

// On another subject than the seeds: what is measured is size, not how much evidence the corpus holds.
const PARAGRAPH = 'The city council met on Wednesday to discuss the budget for parks and libraries, the mayor said. “We will decide next week,” council member Jane Roe said.\n\n';
const SENTENCE = 'Trump said the letter from Kim was very warm and positive on Tuesday. ';

/** A big article of ordinary paragraphs, about `bytes` long. */
export function bigArticle(bytes: number): string {
  return PARAGRAPH.repeat(Math.ceil(bytes / PARAGRAPH.length));
}

/** One line of `chars` characters: sentence after sentence, no line break. */
export function longLine(chars: number, sentence = SENTENCE): string {
  return sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);
}

/** Exactly `count` quotation marks, straight and curly, with a few words between some of them. */
export function quotationMarks(count: number): string {
  const marks = ['"', '“', '”', ' "', 'said “', '” he said. '];
  let out = '';
  for (let i = 0; i < count; i++) out += marks[i % marks.length];
  return out;
}
