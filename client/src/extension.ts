// The VS Code side: starts the language server and owns what only the editor can do
// (commands, the status bar item, prompting for a note, opening sources side by side).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ANNOTATE_COMMAND, type InitializationOptions } from '../../server/src/lsp/protocol';
import { registerAnnotationCommands } from './annotationCommands';
import { registerCommands } from './commands';
import { askForNote } from './note';
import { StatusItem } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Corroborate');
  context.subscriptions.push(output);
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: InitializationOptions = {
    settings: settingsSnapshot(),
    trusted: vscode.workspace.isTrusted,
    sampleCorpus: context.asAbsolutePath('seeds'),
    cacheFolder: context.storageUri?.fsPath,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'article' },
      { scheme: 'untitled', language: 'article' },
    ],
    outputChannel: output,
    initializationOptions,
    synchronize: { configurationSection: 'corroborate' },
    middleware: {
      // A code action marking a finding verified or disputed arrives without a note: ask for one here.
      executeCommand: async (command, args, next) => {
        const request = args[0] as { status?: string; note?: string } | undefined;
        if (command === ANNOTATE_COMMAND && request && ['verified', 'disputed', 'needs-source'].includes(request.status ?? '')) {
          const note = await askForNote(request.status!, request.note ?? '');
          if (note === undefined) return undefined;
          args = [{ ...request, note }, ...args.slice(1)];
        }
        return next(command, args);
      },
    },
  };
  client = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);
  const status = new StatusItem(client);
  context.subscriptions.push(status, ...registerCommands(() => client, output, context.extensionUri));
  context.subscriptions.push(
    vscode.commands.registerCommand('corroborate.restartServer', async () => {
      output.appendLine('Restarting the Corroborate language server…');
      await client?.restart();
    }),
    // Trust granted: restart so the server may write annotations and read the workspace's corpus setting.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop();
      client = new LanguageClient('corroborate', 'Corroborate', serverOptions, { ...clientOptions, initializationOptions: { ...initializationOptions, trusted: true, settings: settingsSnapshot() } });
      status.attach(client);
      await client.start();
    }),
  );
  registerAnnotationCommands(context, () => client, output);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

// For servers that cannot ask back; the server prefers workspace/configuration, which VS Code answers per resource.
function settingsSnapshot(): unknown {
  const c = vscode.workspace.getConfiguration('corroborate');
  return { corpus: c.get('corpus'), severity: c.get('severity'), codeLens: c.get('codeLens'), debounceMs: c.get('debounceMs'), maxAnalysisChars: c.get('maxAnalysisChars') };
}
