// The seed articles, read once for tests.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SEEDS_DIR = path.join(ROOT, 'seeds');

export function seedFiles(): string[] {
  return fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
}

export function readSeed(name: string): string {
  return fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8');
}

/**
 * A story on the seeds' event: one quote the seeds carry ("a very warm, very positive letter")
 * and two claims that no seed carries (the courier, Hanoi in February).
 */
export const LETTER = [
  'Kim Jong-un asked Donald Trump for a second summit in a letter, White House spokeswoman Sarah Sanders said on Monday.',
  '“It was a very warm, very positive letter,” Sanders said.',
  'The letter was delivered by hand to the Oval Office on Tuesday evening by a North Korean courier.',
  'The summit will take place in Hanoi in February, with three thousand journalists expected to attend.',
].join('\n\n') + '\n';
