import * as vscode from 'vscode';

/** Asks for the researcher's note on a verdict (their earlier note filled in); undefined when they cancel (Escape). */
export function askForNote(status: string, current: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: `Corroborate: mark as ${status.replace('-', ' ')}`,
    value: current,
    prompt: 'A note to keep with this annotation (optional): why, and on what evidence.',
    placeHolder: 'e.g. confirmed with the White House transcript',
    ignoreFocusOut: true,
  });
}
