// Export and import of the researcher's annotations: the editor picks the file, the server
// (which owns the stores beside the articles) produces or merges the content.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

type Format = 'jsonld' | 'csv';

interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  problems: string[];
}

/** Registers `Corroborate: Export Annotations…` and `Corroborate: Import Annotations…`. */
export function registerAnnotationCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, output: vscode.OutputChannel): void {
  const server = async <T>(command: string, arg: unknown): Promise<T> => {
    const c = client();
    if (!c) throw new Error('the Corroborate server is not running');
    return (await c.sendRequest(ExecuteCommandRequest.type, { command, arguments: [arg] })) as T;
  };
  const folder = () => vscode.workspace.workspaceFolders?.[0]?.uri;

  context.subscriptions.push(
    vscode.commands.registerCommand('corroborate.exportAnnotations', async () => {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'Web Annotation (JSON-LD)', description: 'for Hypothes.is and other annotation tools', format: 'jsonld' as Format },
          { label: 'CSV', description: 'for spreadsheets', format: 'csv' as Format },
        ],
        { title: 'Export all annotations of the workspace as' },
      );
      if (!pick) return;
      const base = folder();
      const target = await vscode.window.showSaveDialog({
        defaultUri: base ? vscode.Uri.joinPath(base, pick.format === 'csv' ? 'annotations.csv' : 'annotations.jsonld') : undefined,
        filters: pick.format === 'csv' ? { CSV: ['csv'] } : { 'Web Annotation JSON-LD': ['jsonld', 'json'] },
      });
      if (!target) return;
      try {
        const { content, count } = await server<{ content: string; count: number }>('corroborate.annotations.export', { format: pick.format });
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
        void vscode.window.showInformationMessage(`Exported ${count} annotation${count === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(target)}.`);
      } catch (e) {
        void vscode.window.showErrorMessage(`Corroborate: export failed: ${(e as Error).message}`);
      }
    }),
    vscode.commands.registerCommand('corroborate.importAnnotations', async () => {
      const [source] =
        (await vscode.window.showOpenDialog({
          canSelectMany: false,
          defaultUri: folder(),
          filters: { 'Annotations (JSON-LD, CSV)': ['jsonld', 'json', 'csv'] },
          openLabel: 'Import',
        })) ?? [];
      if (!source) return;
      try {
        const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
        const format: Format = source.path.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonld';
        const r = await server<ImportResult>('corroborate.annotations.import', { format, content });
        for (const p of r.problems) output.appendLine(`import ${source.fsPath}: ${p}`);
        const summary = `Imported annotations: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged`;
        if (r.problems.length > 0) {
          const show = await vscode.window.showWarningMessage(`${summary}; ${r.problems.length} skipped.`, 'Show Details');
          if (show) output.show(true);
        } else void vscode.window.showInformationMessage(`${summary}.`);
      } catch (e) {
        void vscode.window.showErrorMessage(`Corroborate: import failed: ${(e as Error).message}`);
      }
    }),
  );
}
