// Property: however a document got its text — through any sequence of incremental edits — the diagnostics the server
// publishes for its last version are those a fresh server publishes when the final text is simply opened.
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lspClient';
import { readSeed, seedFiles } from '../support/seeds';

// Re-analyse as soon as an edit arrives: the tests wait for results, not for typing to pause.
const QUICK = { settings: { debounceMs: 0 } };

const seedSentences = seedFiles()
  .flatMap((f) => readSeed(f).split(/(?<=[.!?”])\s+/))
  .filter((s) => s.length > 20)
  .slice(0, 60);

// What an editing session inserts: whole seed sentences (so there are findings to get right), quotes, line breaks of
// every convention, and characters outside the BMP.
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...seedSentences).map((s) => s + ' ') },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '\r', ' ', '“', '”', '"', ' said Jane Doe.', 'Sarah Sanders said ', '😀', 'e\u0301', 'שלום') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const insertion = fc.array(piece, { minLength: 0, maxLength: 4 }).map((xs) => xs.join(''));

/** An edit as fractions of the current text, so it applies to whatever text the earlier edits left. */
interface Edit {
  at: number;
  remove: number;
  insert: string;
}
const edit: fc.Arbitrary<Edit> = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.double({ min: 0, max: 0.3, noNaN: true }), insert: insertion });
/** A didChange: one or more edits, applied one after the other, as the protocol says. */
const session = fc.record({
  initial: fc.array(piece, { maxLength: 12 }).map((xs) => xs.join('')),
  changes: fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
});

/** The LSP position of a UTF-16 offset, lines ending at \r\n, \r or \n. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

// An offset between the \r and \n of a line break is no position in LSP terms: move it before the \r.
const snap = (text: string, offset: number) => (text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset);

/** Turns an edit into a change event on `text`, and the text after it. */
function apply(text: string, e: Edit): { change: TextDocumentContentChangeEvent; text: string } {
  const start = snap(text, Math.floor(e.at * text.length));
  const end = snap(text, Math.min(text.length, start + Math.floor(e.remove * text.length)));
  const change = { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: e.insert };
  return { change, text: text.slice(0, start) + e.insert + text.slice(end) };
}

describe('incremental edits against a from-scratch analysis', () => {
  let editing: TestClient;
  let fresh: TestClient;
  let run = 0;

  before(async () => {
    editing = new TestClient();
    fresh = new TestClient();
    await Promise.all([editing.initialize(QUICK), fresh.initialize(QUICK)]);
    await Promise.all([editing.indexed(), fresh.indexed()]);
  });
  after(async () => {
    assert.equal(await editing.shutdown(), 0);
    assert.equal(await fresh.shutdown(), 0);
  });

  it('publishes for the final version what a fresh open of the final text gets', async () => {
    await fc.assert(
      fc.asyncProperty(session, async ({ initial, changes }) => {
        const file = path.join(os.tmpdir(), 'corroborate-robust-fuzz', `doc-${run++}.txt`);
        let text = initial;
        const uri = await editing.open(file, text);
        let version = 1;
        for (const edits of changes) {
          const events: TextDocumentContentChangeEvent[] = [];
          for (const e of edits) {
            const step = apply(text, e);
            events.push(step.change);
            text = step.text;
          }
          await editing.change(uri, ++version, events);
        }
        const incremental = await editing.diagnosticsFor(uri, (p) => p.version === version);
        await fresh.open(file, text);
        const scratch = await fresh.diagnosticsFor(uri);
        await editing.close(uri);
        await fresh.close(uri);
        assert.deepEqual(incremental.diagnostics, scratch.diagnostics, `initial ${JSON.stringify(initial)}, changes ${JSON.stringify(changes)}`);
      }),
      { numRuns: 150 },
    );
  });
});
