// Tier 3: the language server under a real Neovim (Debian's 0.7, headless) through Neovim's built-in LSP client.
// One Neovim session answers every request below; add a request and an `it` to check a new feature.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeLens, Diagnostic, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { runInNeovim, type NeovimSession } from '../support/editors/neovim';
import { SEEDS_DIR, seedFiles } from '../support/seeds';

const SEED = '002_814d60045636db2c.txt';
const QUOTE = 'It was a very warm, very positive letter';

/** Diagnostic messages may be plain strings or (LSP 3.18) markup. */
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

describe('Neovim (headless, built-in LSP client)', { timeout: 120000 }, () => {
  let session: NeovimSession;

  before(async () => {
    session = await runInNeovim(path.join(SEEDS_DIR, SEED), [
      { name: 'hover', method: 'textDocument/hover', at: QUOTE },
      { name: 'codeLens', method: 'textDocument/codeLens' },
      { name: 'definition', method: 'textDocument/definition', at: QUOTE },
      { name: 'references', method: 'textDocument/references', at: QUOTE, params: { context: { includeDeclaration: false } } },
    ]);
  });

  it('receives Corroborate diagnostics for the opened seed and shows them in the buffer', () => {
    assert.ok(session.initialized);
    const published = session.diagnostics.filter((p) => p.uri.endsWith(`/${SEED}`));
    const diagnostics = published.at(-1)?.diagnostics ?? [];
    assert.ok(diagnostics.length > 0, 'diagnostics were published for the seed');
    assert.ok(diagnostics.every((d) => d.source === 'corroborate'));
    assert.ok(diagnostics.some((d) => d.code === 'quote' && messageOf(d).includes('Sarah Sanders')), 'the quote is credited to Sarah Sanders');
    assert.equal(session.buffer_diagnostics, diagnostics.length, 'Neovim holds every published diagnostic for the buffer');
  });

  it('shows a hover on the quote that names the other seed files carrying it', () => {
    const { result, position } = session.responses.hover!;
    // The quote sits after a curly opening quote (3 bytes in UTF-8, 1 in UTF-16): Neovim converted the column.
    assert.deepEqual(position, { line: 6, character: 1 });
    // What the reader sees: the markdown without its escapes (file names come escaped, `003\_b89…`).
    const value = ((result as Hover).contents as MarkupContent).value.replace(/\\(.)/g, '$1');
    assert.match(value, /Sarah Sanders/);
    const others = seedFiles().filter((f) => f !== SEED && value.includes(`${f}:`));
    assert.ok(others.includes('003_b89cf95f952e021d.txt'), `the hover names 003 (named: ${others.join(', ')})\n${value}`);
  });

  it('lists code lenses at the paragraphs, to be resolved on demand', () => {
    const lenses = session.responses.codeLens!.result as CodeLens[];
    const quoteLine = (session.responses.hover!.position as { line: number }).line;
    assert.ok(lenses.some((l) => l.range.start.line === quoteLine), JSON.stringify(lenses.map((l) => l.range.start.line)));
  });

  it('goes to the definition of the quote: the passage of another seed that carries it', () => {
    const result = session.responses.definition!.result as Location | Location[];
    const location = Array.isArray(result) ? result[0] : result;
    assert.ok(location, 'a definition');
    const file = fileURLToPath(location.uri);
    assert.notEqual(path.basename(file), SEED);
    const line = fs.readFileSync(file, 'utf8').split('\n')[location.range.start.line];
    assert.match(line, /very warm/, `${path.basename(file)}:${location.range.start.line + 1}`);
  });

  it('finds the references of the quote: a passage in each other seed that carries it', () => {
    const refs = session.responses.references!.result as Location[];
    const files = refs.map((r) => path.basename(fileURLToPath(r.uri)));
    assert.ok(!files.includes(SEED), 'never the article itself');
    assert.ok(new Set(files).size >= 3, files.join(', '));
    for (const r of refs) assert.match(fs.readFileSync(fileURLToPath(r.uri), 'utf8').split('\n')[r.range.start.line], /warm/);
  });
});
