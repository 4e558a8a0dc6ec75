import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol';

/** The status bar item: how many corpus documents are indexed (spinning while indexing); click shows the output. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('corroborate.status', vscode.StatusBarAlignment.Right, 100);
  private subscription: vscode.Disposable | undefined;

  constructor(client: LanguageClient) {
    this.item.name = 'Corroborate';
    this.item.command = 'corroborate.showOutput';
    this.item.text = '$(sync~spin) Corroborate';
    this.item.tooltip = 'Corroborate: starting';
    this.item.show();
    this.attach(client);
  }

  attach(client: LanguageClient): void {
    this.subscription?.dispose();
    this.subscription = client.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => this.show(p));
  }

  private show(p: StatusParams): void {
    const docs = `${p.documents} article${p.documents === 1 ? '' : 's'}`;
    if (p.state === 'indexing') {
      this.item.text = `$(sync~spin) Corroborate ${p.done ?? 0}/${p.total ?? '?'}`;
      this.item.tooltip = `Corroborate: indexing the corpus (${p.done ?? 0} of ${p.total ?? '?'} articles read). Click to show the output.`;
    } else {
      this.item.text = `$(book) ${docs}`;
      this.item.tooltip = `Corroborate: ${docs} indexed${p.sample ? ' — the bundled sample articles, as this workspace has no corpus (set corroborate.corpus)' : ''}. Click to show the output.`;
    }
  }

  dispose(): void {
    this.subscription?.dispose();
    this.item.dispose();
  }
}
