// Soak: simulated typing into a 2,000-word article against a corpus of 10,000 articles, with what an editor asks
// meanwhile (hovers, code lenses, outline, highlighting, workspace symbols), the article closed and reopened, corpus
// files changing and settings changing, for SOAK_MINUTES (default 60). Reports the server's memory over time and
// fails when it keeps growing once warmed up. Not part of `npm test`: run `npm run soak` (SOAK_MINUTES=10 for a short
// run). The typist keeps the article about the same length, so a steady state should be flat.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRequest,
  CodeLensResolveRequest,
  DocumentSymbolRequest,
  HoverRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { ensureCorpus, ensureProbe } from '../../bench/corpora';
import { LineIndex } from '../../server/src/core/text/lines';
import { TestClient } from '../support/lspClient';
import { tempWorkspace, type TempWorkspace } from '../support/workspace';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 60);
const SAMPLE_SECONDS = Number(process.env.SOAK_SAMPLE_SECONDS ?? 30);
const ARTICLES = Number(process.env.SOAK_ARTICLES ?? 10_000);
/** Memory after warm-up may move by this much (GC timing, caches filling) without counting as growth. */
const ALLOWED_GROWTH_MB = Number(process.env.SOAK_ALLOWED_GROWTH_MB ?? 64);

interface Sample {
  minute: number;
  rssMB: number;
  peakMB: number;
  keystrokes: number;
  analyses: number;
  hoverMs: number[];
  editToDiagnosticsMs: number[];
}

/** A PRNG with a seed, so every soak types the same session. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function memoryOf(pid: number): { rssMB: number; peakMB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMB: Math.round(kb('VmRSS') / 1024), peakMB: Math.round(kb('VmHWM') / 1024) };
}

const median = (xs: number[]) => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);

describe(`soak: ${MINUTES} minutes of typing against ${ARTICLES} articles`, () => {
  let ws: TempWorkspace;
  let client: TestClient;
  let corpusDir: string;
  let corpusFiles: string[];
  let probe: string;

  before(async () => {
    const corpus = ensureCorpus(ARTICLES, (line) => console.log(line));
    corpusDir = corpus.dir;
    corpusFiles = corpus.files;
    probe = ensureProbe().text;
    ws = tempWorkspace({ 'article.txt': probe });
    client = new TestClient({ root: ws.root, capabilities: { workspace: { codeLens: { refreshSupport: true } } } });
    await client.initialize({ settings: { corpus: [corpusDir] } });
    await client.until('the corpus to be indexed', () => client.status.at(-1)?.state === 'ready' && client.status.at(-1)!.documents >= ARTICLES, 600_000);
  });
  after(async () => {
    await client?.shutdown();
    ws?.dispose();
  });

  it('keeps the server memory flat after warm-up', async () => {
    const random = mulberry32(20250101);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const words = probe.split(/\s+/).filter((w) => /^[A-Za-z]+$/.test(w));
    const quotes = probe.match(/“[^”]{20,200}”[^.\n]*\./g) ?? ['“It was a very warm letter,” she said.'];
    const file = ws.file('article.txt');
    let uri = await client.open(file, probe);
    let text = probe;
    let version = 1;
    let cursor = Math.floor(text.length / 2);
    let keystrokes = 0;
    let analyses = 0;
    const samples: Sample[] = [];
    let window = { hoverMs: [] as number[], editToDiagnosticsMs: [] as number[] };
    const pid = client.pid!;
    const began = Date.now();
    const end = began + MINUTES * 60_000;
    let nextSample = began;
    let nextHover = began;
    let nextOutline = began;
    let nextWorkspaceSymbols = began + 60_000;
    let nextReopen = began + 5 * 60_000;
    let nextCorpusChange = began + 7 * 60_000;
    let nextSettings = began + 11 * 60_000;
    let quoteSeverity = 'hint';

    const position = (offset: number): Position => new LineIndex(text).position(offset);
    /** Replaces [from, to) with `insert`, as an editor sends a keystroke, a paste or a deletion. */
    const edit = async (from: number, to: number, insert: string) => {
      const range = { start: position(from), end: position(to) };
      text = text.slice(0, from) + insert + text.slice(to);
      await client.change(uri, ++version, [{ range, text: insert }]);
      keystrokes++;
    };
    const sample = () => {
      const minute = Math.round(((Date.now() - began) / 60_000) * 10) / 10;
      samples.push({ minute, ...memoryOf(pid), keystrokes, analyses, ...window });
      const s = samples.at(-1)!;
      console.log(
        `soak ${String(minute).padStart(5)} min: RSS ${s.rssMB} MB (peak ${s.peakMB}), ${keystrokes} keystrokes, ${analyses} analyses, ` +
          `hover p50 ${median(s.hoverMs).toFixed(1)} ms, edit→diagnostics p50 ${median(s.editToDiagnosticsMs).toFixed(0)} ms, text ${text.length} chars`,
      );
      window = { hoverMs: [], editToDiagnosticsMs: [] };
    };

    while (Date.now() < end) {
      const now = Date.now();
      if (now >= nextSample) {
        sample();
        nextSample += SAMPLE_SECONDS * 1000;
      }
      // A word typed a character at a time, then a space or a sentence end.
      const word = pick(words) + (random() < 0.1 ? '. ' : random() < 0.02 ? '\n\n' : ' ');
      for (const c of word) {
        await edit(cursor, cursor, c);
        cursor += c.length;
        await pause(40 + random() * 120);
      }
      const roll = random();
      if (roll < 0.1) {
        // Backspace a few characters.
        const n = Math.min(cursor, 1 + Math.floor(random() * 6));
        for (let i = 0; i < n; i++) {
          await edit(cursor - 1, cursor, '');
          cursor--;
          await pause(60);
        }
      } else if (roll < 0.13) {
        await edit(cursor, cursor, ` ${pick(quotes)} `); // a paste
        cursor = Math.min(text.length, cursor + 2);
      } else if (roll < 0.16) {
        cursor = Math.floor(random() * text.length); // the caret moves elsewhere
        while (cursor > 0 && /\S/.test(text[cursor - 1])) cursor--;
      }
      // The article stays about its size: past 3,000 characters more than it began with, a stretch is cut.
      if (text.length > probe.length + 3000) {
        const from = Math.floor(random() * (text.length - 2500));
        await edit(from, from + 2000, '');
        if (cursor > from) cursor = Math.max(from, cursor - 2000);
      }
      // Now and then the typist pauses long enough for the article to be re-analysed.
      if (random() < 0.25) {
        const typed = version;
        const paused = Date.now();
        await client.diagnosticsFor(uri, (p) => (p.version ?? 0) >= typed, 120_000);
        window.editToDiagnosticsMs.push(Date.now() - paused);
        analyses++;
        await pause(random() * 1500);
      }
      if (Date.now() >= nextHover) {
        const t0 = performance.now();
        await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: position(Math.floor(random() * text.length)) });
        window.hoverMs.push(performance.now() - t0);
        const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
        for (const lens of lenses.slice(0, 3)) await client.connection.sendRequest(CodeLensResolveRequest.type, lens);
        nextHover = Date.now() + 3000;
      }
      if (Date.now() >= nextOutline) {
        await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
        await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
        nextOutline = Date.now() + 10_000;
      }
      if (Date.now() >= nextWorkspaceSymbols) {
        await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: pick(['san', 'trump', 'kim', 'cl', 'ob']) });
        nextWorkspaceSymbols = Date.now() + 5 * 60_000;
      }
      if (Date.now() >= nextReopen) {
        await client.close(uri);
        version = 1;
        uri = await client.open(file, text);
        nextReopen = Date.now() + 5 * 60_000;
      }
      if (Date.now() >= nextCorpusChange) {
        // Another window edits a corpus article: the watcher reports it and the server re-indexes that file.
        const changed = pick(corpusFiles);
        const original = fs.readFileSync(changed, 'utf8');
        fs.writeFileSync(changed, original + '\n\nAn editor’s note was added on Friday, the newspaper said.\n');
        await client.filesChanged([{ uri: pathToFileURL(changed).toString(), type: 2 }]);
        await client.until('the change re-indexed', () => client.status.at(-1)?.state === 'ready', 120_000);
        fs.writeFileSync(changed, original);
        await client.filesChanged([{ uri: pathToFileURL(changed).toString(), type: 2 }]);
        nextCorpusChange = Date.now() + 7 * 60_000;
      }
      if (Date.now() >= nextSettings) {
        quoteSeverity = quoteSeverity === 'hint' ? 'information' : 'hint';
        await client.configure({ corpus: [corpusDir], severity: { quote: quoteSeverity } });
        nextSettings = Date.now() + 11 * 60_000;
      }
    }
    sample();

    const report = path.join(os.tmpdir(), `corroborate-soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(report, JSON.stringify({ minutes: MINUTES, articles: ARTICLES, samples }, null, 2));
    console.log(`soak: samples written to ${report}`);

    // Warm-up: the first fifth of the run (caches fill, the heap finds its size). After it, no sustained growth: the
    // RSS swings by a couple of hundred MB as reports are built and collected, so halves are compared by median.
    const warm = samples.filter((s) => s.minute >= MINUTES / 5);
    assert.ok(warm.length >= 6, 'enough samples after warm-up');
    const half = Math.floor(warm.length / 2);
    const first = median(warm.slice(0, half).map((s) => s.rssMB));
    const second = median(warm.slice(half).map((s) => s.rssMB));
    console.log(`soak: median RSS after warm-up ${first} MB in the first half, ${second} MB in the second`);
    assert.ok(second - first <= ALLOWED_GROWTH_MB, `RSS grew from a median of ${first} MB to ${second} MB`);
  });
});
