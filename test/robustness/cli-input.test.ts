// The command line on awkward and enormous articles: a result for each, or one line saying why not; never a stack
// trace, and very long files analysed only up to --max-chars, saying so.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JsonDocument, JsonOutput } from '../../server/src/output/json';
import { ROOT, SEEDS_DIR } from '../support/seeds';
import { AWKWARD, bigArticle, longLine, quotationMarks, textOf, writeAwkward } from './inputs';

const CLI = path.join(ROOT, 'dist', 'cli.js');

// Asynchronous, so a hang shows up as the test runner's timeout with the others still running.
function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every span of a JSON document lies inside the text and carries the text at its UTF-16 offsets. */
function assertSpans(doc: JsonDocument, text: string): void {
  const check = (s: { start: number; end: number; text: string } | null, what: string) => {
    if (!s) return;
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${doc.path}: ${what} [${s.start}, ${s.end}) inside the text`);
    assert.equal(text.slice(s.start, s.end), s.text, `${doc.path}: ${what} text at its offsets`);
  };
  doc.quotes.forEach((q) => check(q, 'quote'));
  doc.claims.forEach((c) => check(c, 'claim'));
  for (const a of doc.attributions) {
    check(a.source, 'source');
    check(a.cue, 'cue');
    check(a.content, 'content');
  }
}

/** stderr without the closing summary line, which every run prints. */
const messages = (stderr: string) => stderr.split('\n').filter((l) => l && !/ checked against a corpus of /.test(l));

describe('the command line on awkward articles', () => {
  let dir: string;
  let files: Record<string, string>;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-robust-cli-'));
    files = writeAwkward(path.join(dir, 'articles'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives a result for each, with UTF-16 offsets that hold around emoji, combining marks and right-to-left text', async () => {
    const r = await run(['--format', 'json', '--corpus', SEEDS_DIR, 'articles'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as JsonOutput;
    const byName = new Map(out.documents.map((d) => [path.basename(d.path), d]));
    for (const [name, content] of Object.entries(AWKWARD)) {
      if (name === 'binary.txt') continue;
      const doc = byName.get(name);
      assert.ok(doc, `a result for ${name}`);
      assertSpans(doc, textOf(content));
    }
    const emoji = byName.get('emoji.txt')!.quotes.find((q) => q.text.includes('👍🏽'));
    assert.ok(emoji, 'the quote with an emoji inside is found');
    const bom = byName.get('bom.txt')!.quotes[0];
    assert.equal(bom.start, 0, 'a byte-order mark takes no offset');
  });

  it('says in one line why a file gives no result or a damaged one: binary, invalid UTF-8', async () => {
    const r = await run(['--corpus', SEEDS_DIR, 'articles'], dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = messages(r.stderr);
    assert.deepEqual(lines, [
      'corroborate: articles/binary.txt: binary file, not an article',
      'corroborate: articles/invalid-utf8.txt: not valid UTF-8 (a bad byte at offset 22); bad bytes read as �',
    ]);
    assert.ok(!/\bat .*\.js:\d+/.test(r.stderr), 'no stack trace');
  });

  it('numbers lines as an editor does, whether they end in CRLF or a lone CR', async () => {
    for (const name of ['crlf.txt', 'lone-cr.txt']) {
      const r = await run(['--corpus', SEEDS_DIR, files[name]], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^\s+3:1\s+quote \(direct\)\s+“It was a very warm/m, `${name}: the quote is on line 3\n${r.stdout}`);
    }
  });
});

describe('the command line on enormous articles', () => {
  let dir: string;
  const big = bigArticle(50_000_000);
  // The default cap is 500,000 characters; the cut falls after the last line break before it.
  const cut = big.lastIndexOf('\n', 500_000 - 1) + 1;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-robust-big-'));
    fs.writeFileSync(path.join(dir, 'big.txt'), big);
    fs.writeFileSync(path.join(dir, 'line.txt'), longLine(5_000_000));
    fs.writeFileSync(path.join(dir, 'quotes.txt'), quotationMarks(100_000));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('analyses the first 500,000 characters of a 50 MB article by default, and says so', async () => {
    const r = await run(['--format', 'json', '--corpus', SEEDS_DIR, 'big.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    const n = (x: number) => x.toLocaleString('en-US');
    assert.deepEqual(messages(r.stderr), [`corroborate: big.txt: ${n(big.length)} characters; only the first ${n(cut)} analysed (--max-chars)`]);
    const doc = (JSON.parse(r.stdout) as JsonOutput).documents[0];
    assert.deepEqual(doc.partial, { analysedChars: cut, totalChars: big.length });
    assert.ok(doc.quotes.length > 1000, 'the analysed part has its findings');
    assert.ok(doc.quotes.every((q) => q.end <= cut) && doc.claims.every((c) => c.end <= cut), 'nothing past the cut');
  });

  it('cuts a 5 MB single line at --max-chars, between words', async () => {
    const r = await run(['--format', 'json', '--max-chars', '20000', '--corpus', SEEDS_DIR, 'line.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    const [line] = messages(r.stderr);
    const analysed = Number(/only the first ([\d,]+) analysed/.exec(line)?.[1].replace(/,/g, ''));
    assert.ok(analysed > 10_000 && analysed <= 20_000, line);
    assert.equal(longLine(5_000_000)[analysed - 1], ' ', 'cut after a space');
    const doc = (JSON.parse(r.stdout) as JsonOutput).documents[0];
    assert.ok(doc.claims.length > 0 && doc.claims.every((c) => c.end <= analysed));
  });

  it('a corpus with an enormous file: indexed up to --max-chars, saying so', async () => {
    const r = await run(['--max-chars', '20000', '--corpus', 'line.txt', '--corpus', SEEDS_DIR, path.join(SEEDS_DIR, '000_beab4e2f294f4a54.txt')], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(messages(r.stderr)[0], /^corroborate: line\.txt: 5,000,000 characters; only the first [\d,]+ indexed \(--max-chars\)$/);
  });

  it('100,000 quotation marks: a result, every quote where it says', async () => {
    const r = await run(['--format', 'json', '--corpus', SEEDS_DIR, 'quotes.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    const doc = (JSON.parse(r.stdout) as JsonOutput).documents[0];
    assert.ok(doc.quotes.length > 0);
    assertSpans(doc, fs.readFileSync(path.join(dir, 'quotes.txt'), 'utf8'));
  });

  it('a sentence of 10,000 cues and no stop: a result', async () => {
    // Attribution work on one sentence grows faster than its length; such a run is read in pieces.
    fs.writeFileSync(path.join(dir, 'cues.txt'), 'He said '.repeat(10_000) + 'nothing.');
    const r = await run(['--format', 'json', '--corpus', SEEDS_DIR, 'cues.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    const doc = (JSON.parse(r.stdout) as JsonOutput).documents[0];
    assert.ok(doc.attributions.length > 1000);
  });

  it('refuses a --max-chars that is not a count of at least 1,000, in one line', async () => {
    for (const bad of ['0', '-5', 'lots', '12.5', '999']) {
      const r = await run(['--max-chars', bad, 'big.txt'], dir);
      assert.equal(r.code, 2, bad);
      assert.equal(r.stderr, `corroborate: --max-chars must be a whole number of at least 1,000, not '${bad}' (see --help)\n`);
    }
  });
});
