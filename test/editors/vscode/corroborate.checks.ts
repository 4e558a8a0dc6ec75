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

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

check('diagnostics carry stable codes, at the severity set for their kind', async () => {
  const { editor, diagnostics } = await seedWithDiagnostics();
  const unverified = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'unverified-claim');
  assert.ok(unverified(diagnostics).length > 0, `unverified claims in ${SEED}: ${JSON.stringify(diagnostics.map(codeOf))}`);
  assert.ok(unverified(diagnostics).every((d) => d.severity === vscode.DiagnosticSeverity.Warning), 'a warning by default');
  const config = vscode.workspace.getConfiguration('corroborate');
  await config.update('severity.unverifiedClaim', 'error', vscode.ConfigurationTarget.Workspace);
  try {
    await waitFor(
      'unverified claims shown as errors',
      () => {
        const now = unverified(corroborateDiagnostics(editor.document.uri));
        return now.length > 0 && now.every((d) => d.severity === vscode.DiagnosticSeverity.Error) ? now : undefined;
      },
      vscode.languages.onDidChangeDiagnostics,
      DEADLINE_MS,
    );
  } finally {
    await config.update('severity.unverifiedClaim', undefined, vscode.ConfigurationTarget.Workspace);
  }
});

check('go to definition on the quote lands on the passage of its best source', async () => {
  const { editor } = await seedWithDiagnostics();
  const position = editor.document.positionAt(editor.document.getText().indexOf(QUOTE) + 5);
  const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, position);
  assert.ok(found.length > 0, 'a definition');
  const first = found[0];
  const [uri, range] = 'targetUri' in first ? [first.targetUri, first.targetRange] : [first.uri, first.range];
  assert.ok(OTHER_SEEDS.includes(uri.path.split('/').pop()!), uri.toString());
  const source = await vscode.workspace.openTextDocument(uri);
  assert.match(source.getText(range), /very warm/);
});

check('the outline lists the quotes under their speakers', async () => {
  const { editor } = await seedWithDiagnostics();
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
  const sanders = symbols.find((s) => s.name === 'Sarah Sanders');
  assert.ok(sanders, `a Sarah Sanders entry: ${symbols.map((s) => s.name).join(', ')}`);
  assert.ok(sanders.children.some((c) => c.name.includes(QUOTE)), sanders.children.map((c) => c.name).join(' | '));
});

check('the code lens command opens the peek view on the passages', async () => {
  const { editor } = await seedWithDiagnostics();
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 100);
  const lens = lenses.find((l) => /✓ \d+ sources?/.test(l.command?.title ?? ''));
  assert.ok(lens?.command, 'a resolved lens');
  // The arguments arrive as JSON from the server; the client's command turns them into VS Code types for the peek.
  await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
  await vscode.commands.executeCommand('closeReferenceSearch');
  // From the command palette: the quote under the cursor.
  const at = editor.document.positionAt(editor.document.getText().indexOf(QUOTE) + 5);
  editor.selection = new vscode.Selection(at, at);
  await vscode.commands.executeCommand('corroborate.showSources');
  await vscode.commands.executeCommand('closeReferenceSearch');
});

check('Toggle Code Lenses turns the lenses off and on again', async () => {
  const { editor } = await seedWithDiagnostics();
  const count = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)).length;
  assert.ok((await count()) > 0);
  await vscode.commands.executeCommand('corroborate.toggleCodeLenses');
  try {
    assert.equal(vscode.workspace.getConfiguration('corroborate').get('codeLens.enabled'), false);
    // The client tells the server of the change before it sends the next request, and the server re-reads then.
    assert.equal(await count(), 0);
  } finally {
    await vscode.commands.executeCommand('corroborate.toggleCodeLenses');
  }
  assert.equal(vscode.workspace.getConfiguration('corroborate').get('codeLens.enabled'), true);
});

check('Open Source Side by Side puts the best source beside the article', async () => {
  const { editor } = await seedWithDiagnostics();
  editor.selection = new vscode.Selection(editor.document.positionAt(editor.document.getText().indexOf(QUOTE) + 5), editor.document.positionAt(editor.document.getText().indexOf(QUOTE) + 5));
  await vscode.commands.executeCommand('corroborate.openSourceSideBySide');
  const beside = await waitFor(
    'a seed opened beside the article',
    () => vscode.window.visibleTextEditors.find((e) => e.viewColumn === vscode.ViewColumn.Two && OTHER_SEEDS.includes(e.document.uri.path.split('/').pop()!)),
    vscode.window.onDidChangeVisibleTextEditors,
    DEADLINE_MS,
  );
  assert.match(beside.document.getText(beside.selection), /very warm/);
  await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
});
