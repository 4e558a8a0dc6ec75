import * as vscode from 'vscode';

/** Asks for the researcher's note on a verdict; undefined when they cancel (Escape), '' when they leave it empty. */
export function askForNote(status: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: `Corroborate: mark as ${status}`,
    prompt: 'A note to keep with this annotation (optional): why, and on what evidence.',
    placeHolder: 'e.g. confirmed with the White House transcript',
    ignoreFocusOut: true,
  });
}
