// Commands only the editor can carry out: peeking at sources, opening one beside the article, toggling lenses.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { DefinitionRequest, ReferencesRequest, type LanguageClient } from 'vscode-languageclient/node';
import { SHOW_SOURCES_COMMAND } from '../../server/src/lsp/protocol';

interface JsonPosition {
  line: number;
  character: number;
}
interface JsonLocation {
  uri: string;
  range: { start: JsonPosition; end: JsonPosition };
}

const toPosition = (p: JsonPosition) => new vscode.Position(p.line, p.character);
const toLocation = (l: JsonLocation) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(toPosition(l.range.start), toPosition(l.range.end)));

export function registerCommands(client: () => LanguageClient | undefined, output: vscode.OutputChannel, extensionUri: vscode.Uri): vscode.Disposable[] {
  return [
    // From a code lens: JSON arguments (uri, position, locations); from the palette: the claim under the cursor.
    vscode.commands.registerCommand(SHOW_SOURCES_COMMAND, async (uri?: string, position?: JsonPosition, locations?: JsonLocation[]) => {
      if (uri && position && locations) {
        return peek(vscode.Uri.parse(uri), toPosition(position), locations.map(toLocation));
      }
      const at = cursor();
      const c = client();
      if (!at || !c) return;
      const result = await c.sendRequest(ReferencesRequest.type, { ...at.params, context: { includeDeclaration: false } });
      const found = (result ?? []).map(toLocation);
      if (found.length === 0) return void vscode.window.showInformationMessage('Corroborate: no other source carries the text at the cursor.');
      return peek(at.editor.document.uri, at.editor.selection.active, found);
    }),
    vscode.commands.registerCommand('corroborate.openSourceSideBySide', async () => {
      const at = cursor();
      const c = client();
      if (!at || !c) return;
      const result = await c.sendRequest(DefinitionRequest.type, at.params);
      const first = Array.isArray(result) ? result[0] : result;
      if (!first) return void vscode.window.showInformationMessage('Corroborate: no source found for the quote or claim at the cursor.');
      const location = 'targetUri' in first ? { uri: first.targetUri, range: first.targetSelectionRange } : first;
      const target = toLocation(location);
      await vscode.window.showTextDocument(target.uri, { viewColumn: vscode.ViewColumn.Beside, selection: target.range, preserveFocus: true });
    }),
    vscode.commands.registerCommand('corroborate.toggleCodeLenses', async () => {
      const config = vscode.workspace.getConfiguration('corroborate');
      const inspect = config.inspect<boolean>('codeLens.enabled');
      const target = inspect?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await config.update('codeLens.enabled', !config.get<boolean>('codeLens.enabled', true), target);
    }),
    vscode.commands.registerCommand('corroborate.showOutput', () => output.show(true)),
    // The walkthrough's first step: an article of the workspace's seeds when there is one, else a bundled sample.
    vscode.commands.registerCommand('corroborate.openSample', async () => {
      const name = '000_beab4e2f294f4a54.txt';
      const inWorkspace = vscode.workspace.workspaceFolders?.map((f) => vscode.Uri.joinPath(f.uri, 'seeds', name)).find((u) => fs.existsSync(u.fsPath));
      await vscode.window.showTextDocument(inWorkspace ?? vscode.Uri.joinPath(extensionUri, 'seeds', name));
    }),
  ];
}

function peek(uri: vscode.Uri, position: vscode.Position, locations: vscode.Location[]): Thenable<unknown> {
  return vscode.commands.executeCommand('editor.action.peekLocations', uri, position, locations, 'peek');
}

function cursor() {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const { line, character } = editor.selection.active;
  return { editor, params: { textDocument: { uri: editor.document.uri.toString() }, position: { line, character } } };
}
