// The VS Code side: starts the language server and owns what only the editor can do.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerAnnotationCommands } from './annotationCommands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Corroborate');
  context.subscriptions.push(output);
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'article' },
      { scheme: 'untitled', language: 'article' },
    ],
    outputChannel: output,
    initializationOptions: { corpus: vscode.workspace.getConfiguration('corroborate').get<string[]>('corpus', ['seeds']) },
  };
  client = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('corroborate.restartServer', async () => {
      output.appendLine('Restarting the Corroborate language server…');
      await client?.restart();
    }),
    vscode.commands.registerCommand('corroborate.showSources', async (uri: string, position: { line: number; character: number }, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) => {
      const toPos = (p: { line: number; character: number }) => new vscode.Position(p.line, p.character);
      await vscode.commands.executeCommand(
        'editor.action.peekLocations',
        vscode.Uri.parse(uri),
        toPos(position),
        locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(toPos(l.range.start), toPos(l.range.end)))),
        'peek',
      );
    }),
  );
  registerAnnotationCommands(context, () => client, output);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
