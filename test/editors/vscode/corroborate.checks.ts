// What a user of the Corroborate extension sees in VS Code, checked through the real `vscode` API: the extension
// activates, its language server's diagnostics, hovers and code lenses reach the editor. Add a `check` per feature.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { check } from './harness';
import { waitFor } from './waitFor';

const EXTENSION_ID = 'corroborate.corroborate';
const SEED = '002_814d60045636db2c.txt';
const QUOTE = 'It was a very warm, very positive letter';
const OTHER_SEEDS = ['000_beab4e2f294f4a54.txt', '001_bff36780cb2df338.txt', '003_b89cf95f952e021d.txt', '004_517417800c7a14df.txt'];
const DEADLINE_MS = 60000;

/** The seed as the user opened it: the workspace is a folder with the seeds in `seeds/` (the default corpus). */
async function openSeed(): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'seeds', SEED));
  return vscode.window.showTextDocument(document);
}

function corroborateDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'corroborate');
}

/** Waits until the language server has published diagnostics for the open seed (so it has read the corpus). */
async function seedWithDiagnostics(): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const editor = await openSeed();
  const uri = editor.document.uri;
  const diagnostics = await waitFor(
    `Corroborate diagnostics on ${SEED}`,
    () => {
      const found = corroborateDiagnostics(uri);
      return found.length > 0 ? found : undefined;
    },
    vscode.languages.onDidChangeDiagnostics,
    DEADLINE_MS,
    () => `Diagnostics there: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => [d.source, d.message]))}`,
  );
  return { editor, diagnostics };
}

/** The text a reader sees in a markdown hover: backslash escapes removed. */
function readable(contents: (vscode.MarkdownString | vscode.MarkedString)[]): string {
  return contents
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}

check('the Corroborate extension is installed and activates', async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  await extension.activate();
  assert.ok(extension.isActive);
});

check('an opened seed gets Corroborate diagnostics, the quote credited to Sarah Sanders', async () => {
  const { editor, diagnostics } = await seedWithDiagnostics();
  const quoteLine = editor.document.positionAt(editor.document.getText().indexOf(QUOTE)).line;
  const quote = diagnostics.find((d) => d.range.start.line === quoteLine && d.message.includes('Sarah Sanders'));
  assert.ok(quote, `a diagnostic on line ${quoteLine + 1} names Sarah Sanders: ${JSON.stringify(diagnostics.map((d) => d.message))}`);
  const related = (quote.relatedInformation ?? []).map((r) => r.location.uri.path.split('/').pop());
  assert.ok(related.some((name) => name && OTHER_SEEDS.includes(name)), `related information points into other seeds: ${related.join(', ')}`);
});

check('a hover on the quote names the other seed files that carry it', async () => {
  const { editor } = await seedWithDiagnostics();
  const position = editor.document.positionAt(editor.document.getText().indexOf(QUOTE) + 5);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
  const text = readable(hovers.flatMap((h) => h.contents));
  assert.match(text, /Sarah Sanders/);
  const named = OTHER_SEEDS.filter((f) => text.includes(`${f}:`));
  assert.ok(named.includes('003_b89cf95f952e021d.txt'), `the hover names 003_b89cf95f952e021d.txt (named: ${named.join(', ')})\n${text}`);
});

check('code lenses count the sources that corroborate', async () => {
  const { editor } = await seedWithDiagnostics();
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 100);
  const titles = lenses.map((l) => l.command?.title ?? '');
  assert.ok(titles.some((t) => /✓ \d+ sources?/.test(t)), `a lens like "✓ 3 sources": ${JSON.stringify(titles)}`);
});
